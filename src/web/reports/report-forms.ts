/**
 * The reporting forms: their bodies (German field names, limits, the messages of the form's
 * own checks) and how what people type ("28.11.2022", "QI/2023", one highlight per line)
 * becomes the use cases' inputs. What cannot be read is a problem at the form field
 * (/form/<name>); everything else is judged by the use case.
 */
import { Type, type Static } from "@sinclair/typebox";
import type {
  MeetingData,
  ReportEntryData,
  ReportSettings,
} from "../../app/reports/reporting.schema.js";
import type { IndicatorData } from "../../app/reports/reporting.schema.js";
import type { ServiceData } from "../../app/services/register.schema.js";
import {
  MAX_MINUTES_ITEMS,
  MAX_PRESENTERS,
  type MemberData,
} from "../../app/reports/bodies.schema.js";
import {
  BODY_KINDS,
  type BodyKind,
  type MinutesItem,
  type Presenter,
} from "../../domain/body/body.js";
import {
  INDICATOR_KINDS,
  MAX_DECIMALS,
} from "../../domain/indicator/indicator.js";
import { parseGermanNumber } from "../../domain/indicator/figure-text.js";
import { formatIsoDate } from "../../domain/calendar/calendar.js";
import {
  firstDayOf,
  formatPointInTime,
  parseGermanPointInTime,
} from "../../domain/period/point-in-time.js";
import { REPORT_STATUSES } from "../../domain/report/report-status.js";
import {
  MATURITY_MODEL_VERSIONS,
  SERVICE_CHANNELS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
} from "../../domain/service/service.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { Dictionary } from "../../i18n/i18n.js";
import { idOf } from "../http/params.js";
import {
  EmptyForm,
  fieldText,
  FormCheckbox,
  FormChoice,
  FormId,
  FormInteger,
  FormList,
  FormReason,
  FormText,
  FormVersion,
  formRows,
  VersionedChange,
} from "../http/form-schema.js";

/** How many outlook rows the settings form may send. */
const MAX_OUTLOOK_ROWS = 30;

/** A day typed the German way ("28.11.2022"); checked when read. */
const FormDay = () => FormText(10);

/** The meeting a report belongs to (a select); nothing chosen is a problem at the field. */
const MeetingChoice = () =>
  FormInteger({ minimum: 1, formMessage: (t) => t.form.meetingRequired });

/** The days before a meeting on which reminders go out, e.g. "21, 7". */
export const ReminderRulesBody = Type.Object({
  tage: FormText(40),
});

/** A new report. */
export const NewReportBody = Type.Object({
  grund: FormReason(),
  sitzung: MeetingChoice(),
  stand: FormDay(),
  vorheriger: FormText(20),
  titel: FormText(200),
});

/** The settings of a draft report. */
export const ReportSettingsBody = Type.Object({
  ...VersionedChange,
  sitzung: MeetingChoice(),
  stand: FormDay(),
  vorheriger: FormText(20),
  titel: FormText(200),
  abschnitt: FormList(80, 100),
  ozg: FormCheckbox(),
  "oparl-vorlage": FormText(2000),
  zeilen: FormInteger({
    minimum: 0,
    maximum: MAX_OUTLOOK_ROWS,
    formHidden: true,
  }),
  ...formRows(
    MAX_OUTLOOK_ROWS,
    (index): `ausblick-${number}-wann` => `ausblick-${index}-wann`,
    () => FormText(100),
  ),
  ...formRows(
    MAX_OUTLOOK_ROWS,
    (index): `ausblick-${number}-was` => `ausblick-${index}-was`,
    () => FormText(300),
  ),
});

/** A project's entry in a report; version 0 for an entry not yet saved. */
export const ReportEntryBody = Type.Object({
  ...VersionedChange,
  status: FormChoice(["", ...REPORT_STATUSES]),
  text: FormText(3000),
  hervorhebungen: FormText(6500),
  termin: FormText(20),
  anzeigen: FormCheckbox(),
});

/** "Unchanged since the last report" for a project. */
export const UnchangedBody = Type.Object({ version: FormVersion() });

/** Publishing a report: the confirmation must be ticked. */
export const PublishReportBody = Type.Object({
  ...VersionedChange,
  bestaetigung: Type.String({
    minLength: 1,
    maxLength: 10,
    default: "",
    formMessage: (t: Dictionary) => t.reports.publishConfirmRequired,
  }),
  /** A publication date in the past (a report entered later); empty: today. */
  "veroeffentlicht-am": FormDay(),
  /** Ticked: a second published report for the same meeting is wanted. */
  "zweiter-bericht": FormCheckbox(),
});

/** Sending the reminders (a button). */
export const RemindBody = EmptyForm;

/** A new committee. */
export const NewCommitteeBody = Type.Object({
  grund: FormReason(),
  name: FormText(200),
  kuerzel: FormText(20),
  oparl: FormText(2000),
  /** Left out (an older form): unchanged, Ausschuss for a new body. */
  art: FormChoice(["", ...BODY_KINDS]),
});

/** Changing a committee. */
export const CommitteeBody = Type.Object({
  ...VersionedChange,
  name: FormText(200),
  kuerzel: FormText(20),
  oparl: FormText(2000),
  /** Left out (an older form): unchanged, Ausschuss for a new body. */
  art: FormChoice(["", ...BODY_KINDS]),
});

const meetingFields = {
  gremium: FormInteger({ minimum: 1 }),
  datum: FormDay(),
  titel: FormText(300),
  "oparl-sitzung": FormText(2000),
  "oparl-top": FormText(2000),
  "oparl-vorlage": FormText(2000),
  "top-nummer": FormText(100),
  "top-titel": FormText(1000),
  vorlage: FormText(200),
  ...formRows(
    MAX_PRESENTERS,
    (index): `vortragende-${number}-name` => `vortragende-${index}-name`,
    () => FormText(200),
  ),
  ...formRows(
    MAX_PRESENTERS,
    (index): `vortragende-${number}-funktion` =>
      `vortragende-${index}-funktion`,
    () => FormText(200),
  ),
  ...formRows(
    MAX_MINUTES_ITEMS,
    (index): `frage-${number}` => `frage-${index}`,
    () => FormText(2000),
  ),
  ...formRows(
    MAX_MINUTES_ITEMS,
    (index): `antwort-${number}` => `antwort-${index}`,
    () => FormText(4000),
  ),
};

/** A member's fields; the visibility must be chosen, there is no preselection. */
const memberFields = {
  name: FormText(200),
  gruppe: FormText(100),
  rolle: FormText(100),
  sichtbarkeit: FormChoice(["oeffentlich", "intern"], {
    formMessage: (t) => t.bodies.visibilityRequired,
  }),
};

/** A new member of a body. */
export const NewMemberBody = Type.Object({
  grund: FormReason(),
  ...memberFields,
});

/** Changing a member. */
export const MemberBody = Type.Object({
  ...VersionedChange,
  ...memberFields,
});

/** Removing a member or a meeting (a button). */
export const RemoveBody = Type.Object({ ...VersionedChange });

/** A member's form. */
export function parseMemberForm(
  input: Static<typeof NewMemberBody>,
): MemberData {
  return {
    name: input.name.trim(),
    group: nullable(input.gruppe),
    role: nullable(input.rolle),
    isPublic: input.sichtbarkeit === "oeffentlich",
  };
}

/** A new meeting. */
export const NewMeetingBody = Type.Object({
  grund: FormReason(),
  ...meetingFields,
});

/** Changing a meeting. */
export const MeetingBody = Type.Object({
  ...VersionedChange,
  ...meetingFields,
});

const indicatorFields = {
  name: FormText(200),
  einheit: FormText(100),
  definition: FormText(1000),
  quelle: FormText(300),
  verantwortlich: FormText(200),
  projekt: FormText(80),
  art: FormChoice(INDICATOR_KINDS),
  gesamt: FormText(200),
  diagramm: FormChoice(["", "line", "bar"]),
  nachkommastellen: FormText(2),
  zielwert: FormText(20),
  zieldatum: FormText(20),
};

/** The definition fields of a key figure, as parseIndicatorForm reads them. */
export const IndicatorFields = Type.Object(indicatorFields);

/** A new key figure. */
export const NewIndicatorBody = Type.Object({
  grund: FormReason(),
  schluessel: FormText(100),
  ...indicatorFields,
});

/** Changing a key figure's definition. */
export const IndicatorBody = Type.Object({
  ...VersionedChange,
  ...indicatorFields,
});

/** A value of a key figure. */
export const ObservationBody = Type.Object({
  ...VersionedChange,
  datum: FormDay(),
  wert: FormText(60),
  gesamt: FormText(12),
  aufteilung: FormText(4000),
  anmerkung: FormText(500),
});

/** Removing a value of a key figure. */
export const RemoveObservationBody = Type.Object(VersionedChange);

const serviceFields = {
  art: FormChoice(["", ...SERVICE_KINDS]),
  name: FormText(300),
  themenfeld: FormText(200),
  "vor-ort": FormCheckbox(),
  zugangsweg: FormChoice(["", ...SERVICE_CHANNELS]),
  "front-end": FormCheckbox(),
  "back-end": FormCheckbox(),
  "e-payment": FormCheckbox(),
  eid: FormCheckbox(),
  antraege: FormText(6),
  reifegradmodell: FormChoice(["", ...MATURITY_MODEL_VERSIONS]),
  reifegrad: FormText(2),
  status: FormChoice(SERVICE_STATUSES),
  url: FormText(2000),
};

/** The fields of a register record, as parseServiceForm reads them. */
export const ServiceFields = Type.Object(serviceFields);

/** A new record of the OZG register. */
export const NewServiceBody = Type.Object({
  grund: FormReason(),
  leika: FormText(40),
  ab: FormDay(),
  ...serviceFields,
});

/** A change of a register record: a new state from a day, or a correction of the current one. */
export const ServiceBody = Type.Object({
  ...VersionedChange,
  /** The record the form was opened on; missing is a 400, never a guess. */
  eintrag: FormId(),
  modus: FormChoice(["new-state", "correct"]),
  ab: FormDay(),
  ...serviceFields,
});

/** The register import: the file arrives as multipart; the form has the as-of day and the reason. */
export const RegisterImportBody = Type.Object({
  stichtag: FormDay(),
  grund: FormReason(),
});

/** Confirming a register import: the as-of day and the register state the preview showed. */
export const ConfirmRegisterImportBody = Type.Object({
  stichtag: FormText(20, { formHidden: true }),
  stand: FormText(64, { formHidden: true }),
  grund: FormReason(),
});

/** A day as typed ("28.11.2022", "2022-11-28") → ISO date, or null when it is none. */
export function isoDayOf(text: string): string | null {
  const point = parseGermanPointInTime(text.trim());
  return point === null || point.precision !== "day"
    ? null
    : formatIsoDate(firstDayOf(point));
}

function nullable(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** Throws the problems of a form as ERR_VALIDATION, so that formAction shows them at the fields. */
function refuse(problems: readonly InputProblem[]): never {
  throw new AppError("ERR_VALIDATION", { problems });
}

/** A day field that must hold a day. */
function requiredDay(text: string, field: string, t: Dictionary): string {
  const day = isoDayOf(text);
  if (day === null)
    refuse([{ path: `/form/${field}`, message: t.form.dayInvalid }]);
  return day;
}

/** An optional day field: empty is null; anything else must be a day. */
export function optionalDay(
  text: string,
  field: string,
  t: Dictionary,
): string | null {
  return text.trim() === "" ? null : requiredDay(text, field, t);
}

/** A whole number typed with German thousands dots ("1.234"). */
function wholeNumber(text: string, field: string, t: Dictionary): number {
  const digits = text.trim().replace(/\./g, "");
  if (!/^-?\d{1,12}$/.test(digits))
    refuse([{ path: `/form/${field}`, message: t.form.notWholeNumber }]);
  return Number(digits);
}

/** The previous report: "keiner" is none, a number a report; `auto` (or nothing) lets the use case choose. */
function previousReportOf(text: string, t: Dictionary): number | null | "auto" {
  if (text === "auto" || text === "") return "auto";
  if (text === "keiner") return null;
  const id = idOf(text);
  if (id === null)
    refuse([{ path: "/form/vorheriger", message: t.form.notAChoice }]);
  return id;
}

/** The new report form. */
export function parseNewReportForm(
  input: Static<typeof NewReportBody>,
  t: Dictionary,
): {
  meetingId: number;
  asOf: string;
  previousReportId?: number | null;
  title?: string;
} {
  const asOf = requiredDay(input.stand, "stand", t);
  const previous = previousReportOf(input.vorheriger, t);
  const title = input.titel.trim();
  return {
    meetingId: input.sitzung,
    asOf,
    ...(previous === "auto" ? {} : { previousReportId: previous }),
    ...(title === "" ? {} : { title }),
  };
}

/** The settings form of a draft. All action fields chosen means "all", so that a new one appears too. */
export function parseSettingsForm(
  input: Static<typeof ReportSettingsBody>,
  allSectionKeys: readonly string[],
  t: Dictionary,
): ReportSettings {
  const problems: InputProblem[] = [];
  const asOf = isoDayOf(input.stand);
  if (asOf === null)
    problems.push({ path: "/form/stand", message: t.form.dayInvalid });
  const sections = input.abschnitt;
  if (sections.length === 0)
    problems.push({ path: "/form/abschnitt", message: t.form.sectionRequired });
  const outlook: { when: string; what: string }[] = [];
  for (let index = 0; index < input.zeilen; index += 1) {
    const when = fieldText(input, `ausblick-${index}-wann`).trim();
    const what = fieldText(input, `ausblick-${index}-was`).trim();
    if (when === "" && what === "") continue;
    if (when === "")
      problems.push({
        path: `/form/ausblick-${index}-wann`,
        message: t.form.outlookWhenRequired,
      });
    if (what === "")
      problems.push({
        path: `/form/ausblick-${index}-was`,
        message: t.form.outlookWhatRequired,
      });
    outlook.push({ when, what });
  }
  if (problems.length > 0 || asOf === null) refuse(problems);
  const previous = previousReportOf(input.vorheriger, t);
  const all =
    sections.length === allSectionKeys.length &&
    allSectionKeys.every((key) => sections.includes(key));
  return {
    meetingId: input.sitzung,
    asOf,
    previousReportId: previous === "auto" ? null : previous,
    title: input.titel.trim(),
    sectionKeys: all ? null : [...sections],
    includeOzg: input.ozg !== "",
    outlook,
    oparlPaperUrl: nullable(input["oparl-vorlage"]),
  };
}

/** A project's entry form; only administrators decide whether an entry is shown. */
export function parseEntryForm(
  input: Static<typeof ReportEntryBody>,
  isAdministrator: boolean,
  t: Dictionary,
): ReportEntryData {
  const typedDate = input.termin.trim();
  let newDate: string | null = null;
  if (typedDate !== "") {
    const point = parseGermanPointInTime(typedDate);
    if (point === null)
      refuse([
        { path: "/form/termin", message: t.form.pointUnknown(typedDate) },
      ]);
    newDate = formatPointInTime(point);
  }
  return {
    status: input.status === "" ? null : input.status,
    text: input.text.trim(),
    highlights: input.hervorhebungen
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    newDate,
    isIncluded: isAdministrator ? input.anzeigen !== "" : true,
  };
}

/** A committee's form. */
export function parseCommitteeForm(input: Static<typeof NewCommitteeBody>): {
  name: string;
  abbreviation: string;
  oparlUrl: string | null;
  kind?: BodyKind;
} {
  return {
    name: input.name.trim(),
    abbreviation: input.kuerzel.trim(),
    oparlUrl: nullable(input.oparl),
    ...(input.art === "" ? {} : { kind: input.art }),
  };
}

/** A meeting's form. */
export function parseMeetingForm(
  input: Static<typeof NewMeetingBody>,
  t: Dictionary,
): MeetingData {
  return {
    committeeId: input.gremium,
    day: requiredDay(input.datum, "datum", t),
    title: nullable(input.titel),
    oparlMeetingUrl: nullable(input["oparl-sitzung"]),
    oparlAgendaItemUrl: nullable(input["oparl-top"]),
    oparlPaperUrl: nullable(input["oparl-vorlage"]),
    agendaItemNumber: nullable(input["top-nummer"]),
    agendaItemTitle: nullable(input["top-titel"]),
    paperReference: nullable(input.vorlage),
    ...meetingRows(input, t),
  };
}

/** The filled rows of presenters and questions; a half-filled row is a problem at its field. */
function meetingRows(
  input: Static<typeof NewMeetingBody>,
  t: Dictionary,
): { presenters: Presenter[]; minutes: MinutesItem[] } {
  const problems: InputProblem[] = [];
  const presenters: Presenter[] = [];
  for (let index = 0; index < MAX_PRESENTERS; index += 1) {
    const name = fieldText(input, `vortragende-${index}-name`).trim();
    const role = fieldText(input, `vortragende-${index}-funktion`).trim();
    if (name === "" && role === "") continue;
    if (name === "")
      problems.push({
        path: `/form/vortragende-${index}-name`,
        message: t.bodies.presenterNameRequired,
      });
    presenters.push({ name, function: role });
  }
  const minutes: MinutesItem[] = [];
  for (let index = 0; index < MAX_MINUTES_ITEMS; index += 1) {
    const question = fieldText(input, `frage-${index}`).trim();
    const answer = fieldText(input, `antwort-${index}`).trim();
    if (question === "" && answer === "") continue;
    if (question === "")
      problems.push({
        path: `/form/frage-${index}`,
        message: t.bodies.questionRequired,
      });
    if (answer === "")
      problems.push({
        path: `/form/antwort-${index}`,
        message: t.bodies.answerRequired,
      });
    minutes.push({ question, answer });
  }
  if (problems.length > 0) refuse(problems);
  return { presenters, minutes };
}

/** A decimal typed the German way ("80", "66,7"); a form problem at `field` otherwise. */
function decimalNumber(text: string, field: string, t: Dictionary): number {
  const value = parseGermanNumber(text);
  if (value === null)
    refuse([{ path: `/form/${field}`, message: t.form.notANumber }]);
  return value;
}

/** A key figure's definition form. */
export function parseIndicatorForm(
  input: Static<typeof IndicatorFields>,
  t: Dictionary,
): IndicatorData {
  const decimals =
    input.nachkommastellen.trim() === ""
      ? 0
      : wholeNumber(input.nachkommastellen, "nachkommastellen", t);
  const hasTarget = input.zielwert.trim() !== "";
  const target = hasTarget
    ? {
        value: decimalNumber(input.zielwert, "zielwert", t),
        day: requiredDay(input.zieldatum, "zieldatum", t),
      }
    : null;
  if (!hasTarget && input.zieldatum.trim() !== "")
    refuse([{ path: "/form/zielwert", message: t.form.targetWithoutValue }]);
  return {
    decimals: Math.min(decimals, MAX_DECIMALS + 1),
    target,
    name: input.name.trim(),
    unit: input.einheit.trim(),
    definition: input.definition.trim(),
    source: input.quelle.trim(),
    owner: input.verantwortlich.trim(),
    projectSlug: nullable(input.projekt),
    kind: input.art,
    denominatorLabel: nullable(input.gesamt),
    chartKind: input.diagramm === "" ? "line" : input.diagramm,
  };
}

/** A value of a key figure. */
export function parseObservationForm(
  input: Static<typeof ObservationBody>,
  t: Dictionary,
): {
  day: string;
  value: string;
  denominator: number | null;
  breakdown: string;
  note: string | null;
} {
  const day = requiredDay(input.datum, "datum", t);
  return {
    day,
    // Read by the use case as people write it: "2 von 3", "66,7 %", "mehr als 60".
    value: input.wert,
    denominator:
      input.gesamt.trim() === ""
        ? null
        : wholeNumber(input.gesamt, "gesamt", t),
    breakdown: input.aufteilung,
    note: nullable(input.anmerkung),
  };
}

/** A register record's form. */
export function parseServiceForm(
  input: Static<typeof ServiceFields>,
  t: Dictionary,
): ServiceData {
  const model = input.reifegradmodell;
  return {
    kind: input.art === "" ? "ozg-service" : input.art,
    name: input.name.trim(),
    topic: nullable(input.themenfeld),
    isResponsibleLocally: input["vor-ort"] !== "",
    channel: input.zugangsweg === "" ? null : input.zugangsweg,
    isFrontEndOnline: input["front-end"] !== "",
    isBackEndConnected: input["back-end"] !== "",
    hasEPayment: input["e-payment"] !== "",
    hasEId: input.eid !== "",
    onlineApplications:
      input.antraege.trim() === ""
        ? 0
        : wholeNumber(input.antraege, "antraege", t),
    maturity:
      model === ""
        ? null
        : {
            modelVersion: model,
            level: wholeNumber(input.reifegrad, "reifegrad", t),
          },
    status: input.status,
    url: nullable(input.url),
  };
}
