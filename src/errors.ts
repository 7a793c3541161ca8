/**
 * The one catalogue of errors a user or API client can meet: a stable code, an HTTP
 * status and a message in German and English. `test/unit/errors.test.ts` checks that
 * every code is documented in docs/errors.md.
 */

/** A message in the two languages of the UI. */
export interface LocalisedMessage {
  readonly de: string;
  readonly en: string;
}

/** The definition of one error code. */
export interface ErrorDefinition {
  readonly status: number;
  readonly message: LocalisedMessage;
}

/** Every error code with its HTTP status and default message. */
export const ERRORS = {
  ERR_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diese Seite gibt es nicht.",
      en: "This page does not exist.",
    },
  },
  ERR_MUNICIPALITY_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diese Kommune ist hier nicht eingetragen.",
      en: "This municipality is not registered here.",
    },
  },
  ERR_PROJECT_NOT_FOUND: {
    status: 404,
    message: {
      de: "Dieses Projekt gibt es im Maßnahmenkatalog nicht.",
      en: "This project is not in the catalogue.",
    },
  },
  ERR_VALIDATION: {
    status: 400,
    message: {
      de: "Die Eingabe ist nicht gültig.",
      en: "The input is not valid.",
    },
  },
  ERR_INPUT_UNSTORABLE: {
    status: 400,
    message: {
      de: "Die Eingabe enthält Zeichen oder Zahlen, die nicht gespeichert werden können (Nullbyte, ungültiges Unicode, unendliche Zahl). Es wurde nichts geändert.",
      en: "The input contains characters or numbers that cannot be stored (NUL byte, invalid Unicode, infinite number). Nothing was changed.",
    },
  },
  ERR_SEARCH_QUERY_INVALID: {
    status: 400,
    message: {
      de: "Bitte geben Sie einen Suchbegriff mit höchstens 200 Zeichen ein.",
      en: "Please enter a search term of at most 200 characters.",
    },
  },
  ERR_STAND_INVALID: {
    status: 400,
    message: {
      de: "Der Stand muss ein Datum der Form JJJJ-MM-TT sein, z. B. 2022-11-28.",
      en: "The as-of date must be a date of the form YYYY-MM-DD, e.g. 2022-11-28.",
    },
  },
  ERR_DATASET_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diesen Datensatz oder dieses Dateiformat gibt es in den offenen Daten nicht.",
      en: "This dataset or file format does not exist in the open data.",
    },
  },
  ERR_OPARL_UNAVAILABLE: {
    status: 502,
    message: {
      de: "Das OParl-System ist nicht erreichbar oder liefert kein gültiges OParl-JSON. Es wurde nichts geändert.",
      en: "The OParl system cannot be reached or does not return valid OParl JSON. Nothing was changed.",
    },
  },
  ERR_IMPORT_INVALID: {
    status: 422,
    message: {
      de: "Die Datei ist kein gültiger Maßnahmenkatalog. Es wurde nichts importiert.",
      en: "The file is not a valid catalogue. Nothing was imported.",
    },
  },
  ERR_IMPORT_MUNICIPALITY_EXISTS: {
    status: 409,
    message: {
      de: "Diese Kommune ist bereits vorhanden. Zum Ersetzen den Import mit --replace wiederholen.",
      en: "This municipality already exists. Repeat the import with --replace to replace it.",
    },
  },
  ERR_DEPENDENCY_CYCLE: {
    status: 422,
    message: {
      de: "Diese Abhängigkeit würde einen Kreis bilden.",
      en: "This dependency would create a cycle.",
    },
  },
  ERR_REPORT_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diesen Sachstandsbericht gibt es nicht.",
      en: "This status report does not exist.",
    },
  },
  ERR_REPORT_PUBLISHED: {
    status: 409,
    message: {
      de: "Dieser Sachstandsbericht ist veröffentlicht und lässt sich nicht mehr ändern.",
      en: "This status report has been published and can no longer be changed.",
    },
  },
  ERR_INDICATOR_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diese Kennzahl gibt es nicht.",
      en: "This key figure does not exist.",
    },
  },
  ERR_SERVICE_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diese OZG-Leistung ist im Leistungsverzeichnis nicht eingetragen.",
      en: "This OZG service is not in the service register.",
    },
  },
  ERR_REGISTER_IMPORT_INVALID: {
    status: 422,
    message: {
      de: "Die Datei ist kein gültiges OZG-Leistungsverzeichnis. Es wurde nichts importiert.",
      en: "The file is not a valid OZG service register. Nothing was imported.",
    },
  },
  ERR_REGISTER_IMPORT_STALE: {
    status: 409,
    message: {
      de: "Das OZG-Leistungsverzeichnis wurde seit der Vorschau geändert. Bitte prüfen Sie die neue Vorschau und bestätigen Sie erneut; es wurde nichts importiert.",
      en: "The OZG service register changed since the preview. Please check the new preview and confirm again; nothing was imported.",
    },
  },
  ERR_SHEET_IMPORT_INVALID: {
    status: 422,
    message: {
      de: "Die Tabelle ist kein gültiger Maßnahmenkatalog. Es wurde nichts importiert.",
      en: "The spreadsheet is not a valid catalogue. Nothing was imported.",
    },
  },
  ERR_SHEET_IMPORT_EXPIRED: {
    status: 404,
    message: {
      de: "Diese Vorschau gibt es nicht mehr: Sie ist abgelaufen oder wurde schon importiert. Bitte laden Sie die Datei erneut hoch.",
      en: "This preview no longer exists: it expired or was already imported. Please upload the file again.",
    },
  },
  ERR_SHEET_IMPORT_STALE: {
    status: 409,
    message: {
      de: "Der Katalog wurde seit der Vorschau geändert. Bitte prüfen Sie die neue Vorschau und bestätigen Sie erneut; es wurde nichts importiert.",
      en: "The catalogue changed since the preview. Please check the new preview and confirm again; nothing was imported.",
    },
  },
  ERR_UPLOAD_TOO_LARGE: {
    status: 413,
    message: {
      de: "Die hochgeladene Datei ist zu groß. Es wurde nichts übernommen.",
      en: "The uploaded file is too large. Nothing was stored.",
    },
  },
  ERR_EDITION_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diese Fortschreibung gibt es nicht.",
      en: "This edition does not exist.",
    },
  },
  ERR_EDITION_REASONS_MISSING: {
    status: 422,
    message: {
      de: "Für jede Verschiebung muss ein Grund angegeben sein, bevor die Fortschreibung veröffentlicht wird.",
      en: "Every shift needs a reason before the edition can be published.",
    },
  },
  ERR_EDITION_NEEDS_CONFIRMATION: {
    status: 409,
    message: {
      de: "Die Fortschreibung enthält Abhängigkeitskonflikte. Bitte bestätigen Sie, dass sie trotzdem veröffentlicht werden soll.",
      en: "The edition contains dependency conflicts. Please confirm that it is to be published anyway.",
    },
  },
  ERR_DOCUMENT_UNAVAILABLE: {
    status: 503,
    message: {
      de: "Das Dokument kann gerade nicht erzeugt werden. Bitte versuchen Sie es später erneut.",
      en: "The document cannot be produced right now. Please try again later.",
    },
  },
  ERR_UNAUTHENTICATED: {
    status: 401,
    message: {
      de: "Bitte melden Sie sich an.",
      en: "Please sign in.",
    },
  },
  ERR_FORBIDDEN: {
    status: 403,
    message: {
      de: "Dafür fehlt Ihnen die Berechtigung.",
      en: "You are not allowed to do this.",
    },
  },
  ERR_OPERATOR_SECOND_FACTOR: {
    status: 403,
    message: {
      de: "Aufgaben des Betriebs verlangen eine Anmeldung mit abgeschlossenem zweiten Faktor. Bitte melden Sie sich im Browser an und richten Sie den zweiten Faktor (Authenticator-App) ein; mit einem API-Token sind sie nicht möglich.",
      en: "Operations tasks require a sign-in with a completed second factor. Please sign in in the browser and set up the second factor (authenticator app); they are not possible with an API token.",
    },
  },
  ERR_CSRF: {
    status: 403,
    message: {
      de: "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
      en: "The form has expired or did not come from this site. Please reload the page and try again.",
    },
  },
  ERR_CONFLICT: {
    status: 409,
    message: {
      de: "Jemand anderes hat diesen Eintrag inzwischen geändert. Ihre Änderung wurde nicht gespeichert.",
      en: "Someone else has changed this record in the meantime. Your change was not saved.",
    },
  },
  ERR_PRECONDITION_FAILED: {
    status: 412,
    message: {
      de: "Der Eintrag hat sich seit dem Lesen geändert (If-Match passt nicht mehr).",
      en: "The record has changed since it was read (If-Match no longer matches).",
    },
  },
  ERR_PRECONDITION_REQUIRED: {
    status: 428,
    message: {
      de: "Änderungen brauchen den Kopf If-Match mit dem ETag des gelesenen Stands.",
      en: "Changes need an If-Match header with the ETag of the version read.",
    },
  },
  ERR_TOO_MANY_ATTEMPTS: {
    status: 429,
    message: {
      de: "Zu viele Versuche in kurzer Zeit. Bitte warten Sie einige Minuten.",
      en: "Too many attempts in a short time. Please wait a few minutes.",
    },
  },
  ERR_SSO_FAILED: {
    status: 400,
    message: {
      de: "Die Anmeldung über Single Sign-on ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.",
      en: "Signing in with single sign-on failed. Please try again.",
    },
  },
  ERR_SSO_UNAVAILABLE: {
    status: 502,
    message: {
      de: "Der Anmeldedienst (Single Sign-on) ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.",
      en: "The single sign-on service cannot be reached right now. Please try again later.",
    },
  },
  ERR_DATABASE_UNAVAILABLE: {
    status: 503,
    message: {
      de: "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.",
      en: "The database cannot be reached right now. Please try again later.",
    },
  },
  ERR_DATABASE_UNSAFE: {
    status: 500,
    message: {
      de: "Die Datenbank schreibt nicht sicher auf die Platte (fsync oder synchronous_commit ist aus). Fortschritt startet so nicht.",
      en: "The database does not write safely to disk (fsync or synchronous_commit is off). Fortschritt will not start like this.",
    },
  },
  ERR_BACKUP_INVALID: {
    status: 422,
    message: {
      de: "Die Datei ist keine lesbare Sicherung von Fortschritt. Es wurde nichts wiederhergestellt.",
      en: "The file is not a readable Fortschritt backup. Nothing was restored.",
    },
  },
  ERR_BACKUP_CHECKSUM: {
    status: 422,
    message: {
      de: "Die Prüfsumme der Sicherung stimmt nicht: die Datei ist beschädigt oder verändert. Es wurde nichts wiederhergestellt.",
      en: "The backup's checksum does not match: the file is damaged or altered. Nothing was restored.",
    },
  },
  ERR_BACKUP_SCHEMA_NEWER: {
    status: 422,
    message: {
      de: "Die Sicherung stammt von einer neueren Version von Fortschritt. Bitte zuerst Fortschritt aktualisieren. Es wurde nichts wiederhergestellt.",
      en: "The backup comes from a newer version of Fortschritt. Please upgrade Fortschritt first. Nothing was restored.",
    },
  },
  ERR_RESTORE_TARGET_NOT_EMPTY: {
    status: 409,
    message: {
      de: "Die Datenbank enthält bereits Daten. Zum Überschreiben die Wiederherstellung mit --force wiederholen. Es wurde nichts geändert.",
      en: "The database already holds data. Repeat the restore with --force to overwrite it. Nothing was changed.",
    },
  },
  ERR_PARTICIPATION_LIMIT: {
    status: 429,
    message: {
      de: "Von Ihrem Anschluss oder Ihrer Adresse kamen in den letzten 10 Minuten schon 5 Beiträge. Bitte warten Sie etwas und senden Sie dann erneut. Dieser Beitrag wurde nicht gespeichert.",
      en: "Your connection or address has already sent 5 contributions in the last 10 minutes. Please wait a while and send again. This contribution was not stored.",
    },
  },
  ERR_ITEM_NOT_FOUND: {
    status: 404,
    message: {
      de: "Diesen Beitrag gibt es hier nicht (mehr), oder er ist noch nicht veröffentlicht.",
      en: "This contribution does not exist here (any more), or it is not published yet.",
    },
  },
  ERR_CONFIG_INVALID: {
    status: 500,
    message: {
      de: "Die Konfiguration ist ungültig.",
      en: "The configuration is invalid.",
    },
  },
  ERR_MUNICIPALITY_DEACTIVATED: {
    status: 410,
    message: {
      de: "Diese Kommune ist zurzeit deaktiviert. Ihr Portal ist nicht erreichbar; es wurde nichts gelöscht.",
      en: "This municipality is deactivated for now. Its portal is not available; nothing has been deleted.",
    },
  },
  ERR_MUNICIPALITY_READ_ONLY: {
    status: 409,
    message: {
      de: "Diese Kommune ist deaktiviert: ihre Daten können erst nach der Reaktivierung wieder geändert werden. Es wurde nichts geändert.",
      en: "This municipality is deactivated: its data can be changed again once it is reactivated. Nothing was changed.",
    },
  },
  ERR_INTERNAL: {
    status: 500,
    message: {
      de: "Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.",
      en: "An unexpected error occurred. Please try again later.",
    },
  },
} as const satisfies Record<string, ErrorDefinition>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERRORS;

/** One problem in an input, located by a JSON pointer into it. */
export interface InputProblem {
  /** JSON pointer to the offending value, e.g. `/impactAreas/0/actionFields/1/colour`. */
  readonly path: string;
  /** German description of the rule broken. */
  readonly message: string;
}

/** An error meant for the user: it carries a stable code and never a stack trace to the client. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** A specific German explanation beside the general message, e.g. which cycle was found. */
  readonly detail: string | null;
  readonly problems: readonly InputProblem[];
  /** Whether the audit log already holds this refusal, so that the web layer does not log it twice. */
  readonly isRecorded: boolean;
  /** For ERR_TOO_MANY_ATTEMPTS: when to try again, sent as Retry-After. */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: ErrorCode,
    options: {
      detail?: string;
      problems?: readonly InputProblem[];
      cause?: unknown;
      recorded?: boolean;
      retryAfterSeconds?: number;
    } = {},
  ) {
    const definition: ErrorDefinition = ERRORS[code];
    super(
      options.detail
        ? `${definition.message.de} ${options.detail}`
        : definition.message.de,
      {
        cause: options.cause,
      },
    );
    this.name = "AppError";
    this.code = code;
    this.status = definition.status;
    this.detail = options.detail ?? null;
    this.problems = options.problems ?? [];
    this.isRecorded = options.recorded ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  /** The general message in the requested language. */
  localisedMessage(language: "de" | "en"): string {
    const definition: ErrorDefinition = ERRORS[this.code];
    return definition.message[language];
  }
}

/** Whether a value is an AppError with the given code. */
export function isAppError(
  error: unknown,
  code?: ErrorCode,
): error is AppError {
  return (
    error instanceof AppError && (code === undefined || error.code === code)
  );
}
