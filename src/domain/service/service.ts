/**
 * The OZG service register (OZG-Leistungen): one record per service and validity span,
 * the rules a record must keep, and how to read the register as it stood on a day.
 *
 * History: a service changes over time (a front end goes online, a back end is
 * connected). Each change is a new record with the same LeiKa key whose validity starts
 * the day after the previous record's ends. Days are day numbers (days since 1970-01-01,
 * UTC) as in `period/point-in-time.ts`; both ends of a validity span are inclusive, as a
 * phase's last day is.
 */
import { parseLeikaKey } from "./leika.js";

/** How the online access of a service is provided. */
export type ServiceChannel =
  | "own-development"
  | "state-portal"
  | "federal-efa"
  | "regional-it-provider"
  | "specialist-portal";

/** All channels, in the order the UI and reports list them. */
export const SERVICE_CHANNELS: readonly ServiceChannel[] = [
  "own-development",
  "state-portal",
  "federal-efa",
  "regional-it-provider",
  "specialist-portal",
];

/**
 * The channels as the register file (CSV, XLSX) and the open data write them: values of
 * the data format, German like the committee's slides, not interface text (the pages
 * take their words from src/i18n, `reports.serviceChannels`).
 */
export const SERVICE_CHANNEL_LABELS: Readonly<Record<ServiceChannel, string>> =
  {
    "own-development": "Eigenentwicklung",
    "state-portal": "Landesportal",
    "federal-efa": "Bundesportal/EfA",
    "regional-it-provider": "regionaler IT-Dienstleister",
    "specialist-portal": "Fachportal",
  };

/**
 * What a register entry is: an OZG service (counted as "definiert", "umgesetzt" …), or a
 * further online application the portal offers beyond the OZG services — a form of
 * another authority or a form no OZG service requires. Further applications count only
 * in "Online-Anträge insgesamt" and its breakdown (ADR 0033).
 */
export type ServiceKind = "ozg-service" | "online-application";

/** All entry kinds, in the order the UI lists them. */
export const SERVICE_KINDS: readonly ServiceKind[] = [
  "ozg-service",
  "online-application",
];

/** The entry kinds as the register file writes them (its column "Art"); the pages use `reports.serviceKinds`. */
export const SERVICE_KIND_LABELS: Readonly<Record<ServiceKind, string>> = {
  "ozg-service": "OZG-Leistung",
  "online-application": "weiterer Online-Antrag",
};

/** Whether a value is one of the entry kinds. */
export function isServiceKind(value: unknown): value is ServiceKind {
  return (SERVICE_KINDS as readonly unknown[]).includes(value);
}

/**
 * A grouping of channels for a report: municipalities report "Landes- oder Bundesportal"
 * as one line where the register tells the state portal, the federal EfA service and the
 * state's specialist portals apart. Every channel belongs to exactly one group.
 */
export interface ChannelGroup {
  readonly label: string;
  readonly channels: readonly ServiceChannel[];
}

/** Every channel on its own line. */
export const SINGLE_CHANNEL_GROUPS: readonly ChannelGroup[] =
  SERVICE_CHANNELS.map((channel) => ({
    label: SERVICE_CHANNEL_LABELS[channel],
    channels: [channel],
  }));

/**
 * The grouping status reports use: state, federal and specialist portals (the
 * specialist portals of a state, e.g. Bauportal.NRW, are state portals) as
 * "Landes- oder Bundesportal", then own development and the regional IT provider.
 */
export const REPORT_CHANNEL_GROUPS: readonly ChannelGroup[] = [
  {
    label: "Landes- oder Bundesportal",
    channels: ["state-portal", "federal-efa", "specialist-portal"],
  },
  { label: "Eigenentwicklung", channels: ["own-development"] },
  {
    label: "regionaler IT-Dienstleister",
    channels: ["regional-it-provider"],
  },
];

/** Where a service stands in the municipality's implementation. */
export type ServiceStatus =
  "planned" | "in-progress" | "online" | "discontinued";

/** All service statuses, in the order the UI lists them. */
export const SERVICE_STATUSES: readonly ServiceStatus[] = [
  "planned",
  "in-progress",
  "online",
  "discontinued",
];

/** The statuses as the register file and the open data write them; the pages use `reports.serviceStatuses`. */
export const SERVICE_STATUS_LABELS: Readonly<Record<ServiceStatus, string>> = {
  planned: "geplant",
  "in-progress": "in Umsetzung",
  online: "online",
  discontinued: "eingestellt",
};

/** The version of the OZG maturity model (Reifegradmodell) a level was measured in. */
export type MaturityModelVersion = "1.1" | "2.0";

/** All maturity model versions, oldest first. */
export const MATURITY_MODEL_VERSIONS: readonly MaturityModelVersion[] = [
  "1.1",
  "2.0",
];

/** The highest level of each model version (1.1: 0–4, 2.0: 0–7). */
export const MATURITY_MAX_LEVEL: Readonly<
  Record<MaturityModelVersion, number>
> = {
  "1.1": 4,
  "2.0": 7,
};

/**
 * Names of the levels of model 1.1 as the BMI publishes them (which levels have a name;
 * the pages take the words in the reader's language from `reports.maturityChartWords`).
 * Model 2.0 has no short level names that are used consistently yet, so its levels are
 * shown by number.
 */
export const MATURITY_1_1_LEVEL_LABELS: readonly string[] = [
  "Offline",
  "Information",
  "Formular-Assistent",
  "Online-Leistung",
  "Online-Transaktion",
];

/**
 * A maturity level together with the model it was measured in: levels of different
 * models are not comparable (1.1 level 4 is not 2.0 level 4), so they never mix.
 */
export interface Maturity {
  readonly modelVersion: MaturityModelVersion;
  readonly level: number;
}

/** One record of the OZG service register, valid from `validFrom` to `validUntil`. */
export interface Service {
  /** The LeiKa key in canonical form (14 digits, see `parseLeikaKey`). */
  readonly leikaKey: string;
  /** An OZG service or a further online application (see `ServiceKind`). */
  readonly kind: ServiceKind;
  readonly name: string;
  /** Topic (Themenfeld / Lebenslage), e.g. "Bauen & Wohnen"; free text. */
  readonly topic: string | null;
  /** False when another authority is responsible (the district, the state …). */
  readonly isResponsibleLocally: boolean;
  /** How the online access is provided; null while nothing is online. */
  readonly channel: ServiceChannel | null;
  /** An online application (front end) can be used. */
  readonly isFrontEndOnline: boolean;
  /** Applications reach the specialist procedure (back end) without retyping. */
  readonly isBackEndConnected: boolean;
  readonly hasEPayment: boolean;
  readonly hasEId: boolean;
  /** The number of online application forms for this service on the portal. */
  readonly onlineApplications: number;
  /** Null while the service has not been assessed. */
  readonly maturity: Maturity | null;
  readonly status: ServiceStatus;
  readonly url: string | null;
  /** First day (day number) this record is valid; null: since records began. */
  readonly validFrom: number | null;
  /** Last day (day number) this record is valid, inclusive; null: still valid. */
  readonly validUntil: number | null;
}

/** Stable codes for what is wrong with a service record. */
export type ServiceProblemCode =
  | "LEIKA_KEY_EMPTY"
  | "LEIKA_KEY_INVALID_CHARACTERS"
  | "LEIKA_KEY_SCIENTIFIC_NOTATION"
  | "LEIKA_KEY_WRONG_LENGTH"
  | "SERVICE_LEIKA_KEY_NOT_CANONICAL"
  | "SERVICE_NAME_REQUIRED"
  | "SERVICE_CHANNEL_UNKNOWN"
  | "SERVICE_CHANNEL_REQUIRED"
  | "SERVICE_STATUS_UNKNOWN"
  | "SERVICE_STATUS_ONLINE_WITHOUT_FRONT_END"
  | "SERVICE_FRONT_END_ONLINE_BUT_PLANNED"
  | "SERVICE_FRONT_END_ONLINE_BUT_DISCONTINUED"
  | "SERVICE_BACK_END_WITHOUT_FRONT_END"
  | "SERVICE_E_PAYMENT_WITHOUT_FRONT_END"
  | "SERVICE_EID_WITHOUT_FRONT_END"
  | "SERVICE_ONLINE_APPLICATIONS_INVALID"
  | "SERVICE_APPLICATIONS_WITHOUT_FRONT_END"
  | "SERVICE_FRONT_END_WITHOUT_APPLICATIONS"
  | "SERVICE_MATURITY_MODEL_UNKNOWN"
  | "SERVICE_MATURITY_LEVEL_OUT_OF_RANGE"
  | "SERVICE_URL_INVALID"
  | "SERVICE_URL_MISSING"
  | "SERVICE_VALIDITY_INVALID"
  | "SERVICE_VALIDITY_END_BEFORE_START"
  | "SERVICE_VALIDITY_OVERLAP";

/** Errors keep a record out of the register; warnings are shown but do not block saving. */
export type ProblemSeverity = "error" | "warning";

/** One problem of a service record: the field it concerns and a German message. */
export interface ServiceProblem {
  readonly code: ServiceProblemCode;
  readonly field: keyof Service;
  readonly severity: ProblemSeverity;
  readonly message: string;
}

/** A problem of a record in a register, with the record's position in the input. */
export interface RegisterProblem extends ServiceProblem {
  readonly index: number;
  /** For an overlap: the position of the earlier record it clashes with; otherwise null. */
  readonly relatedIndex: number | null;
}

/** Every problem code with the severity it always has; a test checks it is complete. */
export const SERVICE_PROBLEM_SEVERITIES: Readonly<
  Record<ServiceProblemCode, ProblemSeverity>
> = {
  LEIKA_KEY_EMPTY: "error",
  LEIKA_KEY_INVALID_CHARACTERS: "error",
  LEIKA_KEY_SCIENTIFIC_NOTATION: "error",
  LEIKA_KEY_WRONG_LENGTH: "error",
  SERVICE_LEIKA_KEY_NOT_CANONICAL: "error",
  SERVICE_NAME_REQUIRED: "error",
  SERVICE_CHANNEL_UNKNOWN: "error",
  SERVICE_CHANNEL_REQUIRED: "error",
  SERVICE_STATUS_UNKNOWN: "error",
  SERVICE_STATUS_ONLINE_WITHOUT_FRONT_END: "error",
  SERVICE_FRONT_END_ONLINE_BUT_PLANNED: "error",
  SERVICE_FRONT_END_ONLINE_BUT_DISCONTINUED: "error",
  SERVICE_BACK_END_WITHOUT_FRONT_END: "error",
  SERVICE_E_PAYMENT_WITHOUT_FRONT_END: "error",
  SERVICE_EID_WITHOUT_FRONT_END: "error",
  SERVICE_ONLINE_APPLICATIONS_INVALID: "error",
  SERVICE_APPLICATIONS_WITHOUT_FRONT_END: "error",
  SERVICE_FRONT_END_WITHOUT_APPLICATIONS: "warning",
  SERVICE_MATURITY_MODEL_UNKNOWN: "error",
  SERVICE_MATURITY_LEVEL_OUT_OF_RANGE: "error",
  SERVICE_URL_INVALID: "error",
  SERVICE_URL_MISSING: "warning",
  SERVICE_VALIDITY_INVALID: "error",
  SERVICE_VALIDITY_END_BEFORE_START: "error",
  SERVICE_VALIDITY_OVERLAP: "error",
};

function problem(
  code: ServiceProblemCode,
  field: keyof Service,
  message: string,
): ServiceProblem {
  return { code, field, severity: SERVICE_PROBLEM_SEVERITIES[code], message };
}

/** Whether a value is one of the service channels (for input read from files and forms). */
export function isServiceChannel(value: unknown): value is ServiceChannel {
  return (SERVICE_CHANNELS as readonly unknown[]).includes(value);
}

/** Whether a value is one of the service statuses. */
export function isServiceStatus(value: unknown): value is ServiceStatus {
  return (SERVICE_STATUSES as readonly unknown[]).includes(value);
}

/** Whether a value is one of the maturity model versions. */
export function isMaturityModelVersion(
  value: unknown,
): value is MaturityModelVersion {
  return (MATURITY_MODEL_VERSIONS as readonly unknown[]).includes(value);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.hostname !== ""
    );
  } catch {
    return false;
  }
}

function isDayNumber(value: number | null): boolean {
  return value === null || Number.isSafeInteger(value);
}

function validateLeikaKey(text: string): ServiceProblem[] {
  const parsed = parseLeikaKey(text);
  if (!parsed.ok)
    return [problem(parsed.problem.code, "leikaKey", parsed.problem.message)];
  if (parsed.key !== text) {
    return [
      problem(
        "SERVICE_LEIKA_KEY_NOT_CANONICAL",
        "leikaKey",
        `Der LeiKa-Schlüssel ist ohne Leerzeichen und Punkte zu speichern: ${parsed.key}.`,
      ),
    ];
  }
  return [];
}

function validateFrontEndDependants(service: Service): ServiceProblem[] {
  if (service.isFrontEndOnline) return [];
  const problems: ServiceProblem[] = [];
  if (service.isBackEndConnected) {
    problems.push(
      problem(
        "SERVICE_BACK_END_WITHOUT_FRONT_END",
        "isBackEndConnected",
        "Ein Back-End kann nur angebunden sein, wenn das Front-End online ist: " +
          "Anträge erreichen das Fachverfahren über den Online-Antrag.",
      ),
    );
  }
  if (service.hasEPayment) {
    problems.push(
      problem(
        "SERVICE_E_PAYMENT_WITHOUT_FRONT_END",
        "hasEPayment",
        "E-Payment wird im Online-Antrag angeboten; ohne Front-End online gibt es keine E-Payment-Funktion.",
      ),
    );
  }
  if (service.hasEId) {
    problems.push(
      problem(
        "SERVICE_EID_WITHOUT_FRONT_END",
        "hasEId",
        "Die eID-Anbindung gehört zum Online-Antrag; ohne Front-End online gibt es keine eID-Anbindung.",
      ),
    );
  }
  return problems;
}

function validateStatus(service: Service): ServiceProblem[] {
  if (!isServiceStatus(service.status)) {
    return [
      problem(
        "SERVICE_STATUS_UNKNOWN",
        "status",
        `Unbekannter Status „${String(service.status)}“; erlaubt: ${SERVICE_STATUSES.map((s) => SERVICE_STATUS_LABELS[s]).join(", ")}.`,
      ),
    ];
  }
  if (service.status === "online" && !service.isFrontEndOnline) {
    return [
      problem(
        "SERVICE_STATUS_ONLINE_WITHOUT_FRONT_END",
        "status",
        "Der Status „online“ setzt voraus, dass das Front-End online ist.",
      ),
    ];
  }
  if (service.status === "planned" && service.isFrontEndOnline) {
    return [
      problem(
        "SERVICE_FRONT_END_ONLINE_BUT_PLANNED",
        "status",
        "Das Front-End ist online, der Status steht aber noch auf „geplant“.",
      ),
    ];
  }
  if (service.status === "discontinued" && service.isFrontEndOnline) {
    return [
      problem(
        "SERVICE_FRONT_END_ONLINE_BUT_DISCONTINUED",
        "status",
        "Eine eingestellte Leistung kann kein Front-End online haben.",
      ),
    ];
  }
  return [];
}

function validateChannel(service: Service): ServiceProblem[] {
  if (service.channel !== null && !isServiceChannel(service.channel)) {
    return [
      problem(
        "SERVICE_CHANNEL_UNKNOWN",
        "channel",
        `Unbekannter Zugangsweg „${String(service.channel)}“; erlaubt: ${SERVICE_CHANNELS.map((c) => SERVICE_CHANNEL_LABELS[c]).join(", ")}.`,
      ),
    ];
  }
  if (service.channel === null && service.isFrontEndOnline) {
    return [
      problem(
        "SERVICE_CHANNEL_REQUIRED",
        "channel",
        "Für eine Leistung mit Front-End online ist der Zugangsweg anzugeben (z. B. Eigenentwicklung oder Landesportal).",
      ),
    ];
  }
  return [];
}

function validateApplications(service: Service): ServiceProblem[] {
  const count = service.onlineApplications;
  if (!Number.isSafeInteger(count) || count < 0) {
    return [
      problem(
        "SERVICE_ONLINE_APPLICATIONS_INVALID",
        "onlineApplications",
        `Die Zahl der Online-Anträge muss eine ganze Zahl ab 0 sein, nicht „${String(count)}“.`,
      ),
    ];
  }
  if (count > 0 && !service.isFrontEndOnline) {
    return [
      problem(
        "SERVICE_APPLICATIONS_WITHOUT_FRONT_END",
        "onlineApplications",
        "Online-Anträge gibt es nur, wenn das Front-End online ist.",
      ),
    ];
  }
  if (count === 0 && service.isFrontEndOnline) {
    return [
      problem(
        "SERVICE_FRONT_END_WITHOUT_APPLICATIONS",
        "onlineApplications",
        "Das Front-End ist online, aber es ist kein Online-Antrag gezählt; die Summe der Online-Anträge im Bericht wäre zu niedrig.",
      ),
    ];
  }
  return [];
}

function validateMaturity(maturity: Maturity | null): ServiceProblem[] {
  if (maturity === null) return [];
  if (!isMaturityModelVersion(maturity.modelVersion)) {
    return [
      problem(
        "SERVICE_MATURITY_MODEL_UNKNOWN",
        "maturity",
        `Unbekannte Version des Reifegradmodells „${String(maturity.modelVersion)}“; erlaubt: 1.1 und 2.0.`,
      ),
    ];
  }
  const max = MATURITY_MAX_LEVEL[maturity.modelVersion];
  if (
    !Number.isInteger(maturity.level) ||
    maturity.level < 0 ||
    maturity.level > max
  ) {
    return [
      problem(
        "SERVICE_MATURITY_LEVEL_OUT_OF_RANGE",
        "maturity",
        `Das Reifegradmodell ${maturity.modelVersion} kennt die Stufen 0 bis ${max}, nicht „${String(maturity.level)}“.`,
      ),
    ];
  }
  return [];
}

function validateUrl(service: Service): ServiceProblem[] {
  if (service.url !== null && service.url.trim() !== "") {
    if (isHttpUrl(service.url)) return [];
    return [
      problem(
        "SERVICE_URL_INVALID",
        "url",
        `„${service.url}“ ist keine vollständige Internetadresse (https://…).`,
      ),
    ];
  }
  if (service.isFrontEndOnline && service.isResponsibleLocally) {
    return [
      problem(
        "SERVICE_URL_MISSING",
        "url",
        "Die Leistung ist online, aber es fehlt die Adresse des Online-Antrags.",
      ),
    ];
  }
  return [];
}

function validateValidity(service: Service): ServiceProblem[] {
  const { validFrom, validUntil } = service;
  if (!isDayNumber(validFrom)) {
    return [
      problem(
        "SERVICE_VALIDITY_INVALID",
        "validFrom",
        "„Gültig ab“ ist kein Datum.",
      ),
    ];
  }
  if (!isDayNumber(validUntil)) {
    return [
      problem(
        "SERVICE_VALIDITY_INVALID",
        "validUntil",
        "„Gültig bis“ ist kein Datum.",
      ),
    ];
  }
  if (validFrom !== null && validUntil !== null && validUntil < validFrom) {
    return [
      problem(
        "SERVICE_VALIDITY_END_BEFORE_START",
        "validUntil",
        "„Gültig bis“ liegt vor „Gültig ab“.",
      ),
    ];
  }
  return [];
}

/**
 * Lists what is wrong with one service record (empty when it is fine); never throws.
 *
 * Rules, and why:
 * - The LeiKa key must be 14 digits in canonical form (imports normalise with
 *   `parseLeikaKey` first), and a name is required.
 * - Back end, e-payment and eID all belong to the online application, so each needs the
 *   front end online; so do online application forms. A front end online with no form
 *   counted is only a warning: the count may simply not have been entered yet.
 * - A service with its front end online names its channel, and (when the municipality is
 *   responsible) its URL; a missing URL is a warning, a malformed one an error.
 * - Status and front end agree: "online" needs the front end online; "planned" and
 *   "discontinued" rule it out; "in-progress" allows both (a live front end whose back end
 *   is being connected).
 * - A maturity level lies within its model's range (1.1: 0–4, 2.0: 0–7). It is not checked
 *   against the flags, because the level is often assessed for the state's or the
 *   federal EfA service, not for the local offer.
 * - Validity: whole day numbers, "valid until" not before "valid from".
 */
export function validateService(service: Service): readonly ServiceProblem[] {
  const problems: ServiceProblem[] = [...validateLeikaKey(service.leikaKey)];
  if (service.name.trim() === "") {
    problems.push(
      problem(
        "SERVICE_NAME_REQUIRED",
        "name",
        "Bitte den Namen der Leistung angeben.",
      ),
    );
  }
  problems.push(
    ...validateStatus(service),
    ...validateChannel(service),
    ...validateFrontEndDependants(service),
    ...validateApplications(service),
    ...validateMaturity(service.maturity),
    ...validateUrl(service),
    ...validateValidity(service),
  );
  return problems;
}

/** Whether a record is valid on a day (day number); both ends are inclusive. */
export function isServiceValidOn(service: Service, day: number): boolean {
  return (
    (service.validFrom === null || service.validFrom <= day) &&
    (service.validUntil === null || day <= service.validUntil)
  );
}

function spansOverlap(a: Service, b: Service): boolean {
  const aStartsBeforeBEnds =
    a.validFrom === null ||
    b.validUntil === null ||
    a.validFrom <= b.validUntil;
  const bStartsBeforeAEnds =
    b.validFrom === null ||
    a.validUntil === null ||
    b.validFrom <= a.validUntil;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/**
 * Lists the problems of every record of a register (with its index), plus records that
 * share a LeiKa key with an earlier record for an overlapping span: on a day in that
 * span the register would say two different things about one service.
 */
export function validateRegister(
  services: readonly Service[],
): readonly RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const byKey = new Map<string, number[]>();
  services.forEach((service, index) => {
    for (const each of validateService(service)) {
      problems.push({ ...each, index, relatedIndex: null });
    }
    const earlier = byKey.get(service.leikaKey) ?? [];
    const clash = earlier.find((other) => {
      const otherService = services[other];
      return otherService !== undefined && spansOverlap(otherService, service);
    });
    if (clash !== undefined) {
      problems.push({
        ...problem(
          "SERVICE_VALIDITY_OVERLAP",
          "validFrom",
          `Für den LeiKa-Schlüssel ${service.leikaKey} gilt im selben Zeitraum schon ein anderer Eintrag; ` +
            "jeder Eintrag muss enden, bevor der nächste beginnt.",
        ),
        index,
        relatedIndex: clash,
      });
    }
    earlier.push(index);
    byKey.set(service.leikaKey, earlier);
  });
  return problems;
}

/**
 * The register as it stood on a day: the records valid on that day, one per LeiKa key,
 * in input order. Should a register contain overlapping records anyway (see
 * `validateRegister`), the one that started last wins, then the later in the input, so
 * the answer stays deterministic.
 */
export function registerOn(
  services: readonly Service[],
  day: number,
): readonly Service[] {
  const chosen = new Map<
    string,
    { readonly service: Service; readonly index: number }
  >();
  services.forEach((service, index) => {
    if (!isServiceValidOn(service, day)) return;
    const current = chosen.get(service.leikaKey);
    const start = service.validFrom ?? Number.NEGATIVE_INFINITY;
    if (
      current === undefined ||
      start >= (current.service.validFrom ?? Number.NEGATIVE_INFINITY)
    ) {
      chosen.set(service.leikaKey, { service, index: current?.index ?? index });
    }
  });
  return [...chosen.values()]
    .sort((a, b) => a.index - b.index)
    .map((each) => each.service);
}
