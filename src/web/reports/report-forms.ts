/**
 * Reading the reporting forms: German field names and what people type ("28.11.2022",
 * "QI/2023", one highlight per line) into the use cases' inputs. What cannot be read is a
 * problem at the form field (/form/<name>); everything else is judged by the use case.
 */
import type { MeetingData, ReportEntryData, ReportSettings, IndicatorData } from "../../app/reports/reporting.schema.js";
import type { ServiceData } from "../../app/services/register.schema.js";
import { formatPointInTime, isoDateOfGermanDay, parseGermanPointInTime } from "../../domain/period/point-in-time.js";
import type { InputProblem } from "../../errors.js";
import type { FormFields } from "../editor/editor-view.js";

/** A form read into a use case's value, or the problems at its fields. */
export type FormResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly InputProblem[] };

const DAY_MESSAGE = "Bitte ein Datum wie 28.11.2022 eingeben.";

function field(fields: FormFields, name: string): string {
  return (fields[name] ?? "").trim();
}

function nullable(text: string): string | null {
  return text === "" ? null : text;
}

/** A whole number as typed, or the text itself so that the schema names the problem. */
export function numberOf(text: string): number {
  return (/^\d{1,10}$/.test(text) ? Number(text) : text) as number;
}

/** The new report form. */
export function parseNewReportForm(fields: FormFields): FormResult<{ meetingId: number; asOf: string; previousReportId?: number | null; title?: string }> {
  const problems: InputProblem[] = [];
  const asOf = isoDateOfGermanDay(field(fields, "stand"));
  if (asOf === null) problems.push({ path: "/form/stand", message: DAY_MESSAGE });
  if (field(fields, "sitzung") === "") problems.push({ path: "/form/sitzung", message: "Bitte eine Sitzung wählen." });
  if (problems.length > 0) return { ok: false, problems };
  const previous = field(fields, "vorheriger");
  return {
    ok: true,
    value: {
      meetingId: numberOf(field(fields, "sitzung")),
      asOf: asOf!,
      ...(previous === "auto" || previous === "" ? {} : { previousReportId: previous === "keiner" ? null : numberOf(previous) }),
      ...(field(fields, "titel") === "" ? {} : { title: field(fields, "titel") }),
    },
  };
}

/** The settings form of a draft. `sections` are the checked action fields. */
export function parseSettingsForm(fields: FormFields, sections: readonly string[], allSectionKeys: readonly string[]): FormResult<ReportSettings> {
  const problems: InputProblem[] = [];
  const asOf = isoDateOfGermanDay(field(fields, "stand"));
  if (asOf === null) problems.push({ path: "/form/stand", message: DAY_MESSAGE });
  if (sections.length === 0) problems.push({ path: "/form/abschnitt", message: "Bitte mindestens ein Aktionsfeld wählen." });
  const rows = Math.min(30, Math.max(0, Number(field(fields, "zeilen")) || 0));
  const outlook: { when: string; what: string }[] = [];
  for (let index = 0; index < rows; index += 1) {
    const when = field(fields, `ausblick-${index}-wann`);
    const what = field(fields, `ausblick-${index}-was`);
    if (when === "" && what === "") continue;
    if (when === "") problems.push({ path: `/form/ausblick-${index}-wann`, message: "Bitte angeben, wann (z. B. APD – QI/2023)." });
    if (what === "") problems.push({ path: `/form/ausblick-${index}-was`, message: "Bitte angeben, was ansteht." });
    outlook.push({ when, what });
  }
  if (problems.length > 0) return { ok: false, problems };
  const previous = field(fields, "vorheriger");
  const all = sections.length === allSectionKeys.length && allSectionKeys.every((key) => sections.includes(key));
  return {
    ok: true,
    value: {
      meetingId: numberOf(field(fields, "sitzung")),
      asOf: asOf!,
      previousReportId: previous === "keiner" || previous === "" ? null : numberOf(previous),
      title: field(fields, "titel"),
      // All sections chosen means "all", so that a new action field appears too.
      sectionKeys: all ? null : [...sections],
      includeOzg: fields.ozg !== undefined,
      outlook,
    },
  };
}

/** A project's entry form. */
export function parseEntryForm(fields: FormFields, isAdministrator: boolean): FormResult<ReportEntryData> {
  const typedDate = field(fields, "termin");
  let newDate: string | null = null;
  if (typedDate !== "") {
    const point = parseGermanPointInTime(typedDate);
    if (point === null) {
      return {
        ok: false,
        problems: [{ path: "/form/termin", message: `„${typedDate}“ ist kein Zeitpunkt, den Fortschritt versteht. Möglich sind z. B. 2023, QI/2023, 05/2023 oder 17.05.2023.` }],
      };
    }
    newDate = formatPointInTime(point);
  }
  const status = field(fields, "status");
  return {
    ok: true,
    value: {
      status: (status === "" ? null : status) as ReportEntryData["status"],
      text: field(fields, "text"),
      highlights: (fields.hervorhebungen ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ""),
      newDate,
      isIncluded: isAdministrator ? fields.anzeigen !== undefined : true,
    },
  };
}

/** A committee's form. */
export function parseCommitteeForm(fields: FormFields): { name: string; abbreviation: string } {
  return { name: field(fields, "name"), abbreviation: field(fields, "kuerzel") };
}

/** A meeting's form. */
export function parseMeetingForm(fields: FormFields): FormResult<MeetingData> {
  const day = isoDateOfGermanDay(field(fields, "datum"));
  if (day === null) return { ok: false, problems: [{ path: "/form/datum", message: DAY_MESSAGE }] };
  return {
    ok: true,
    value: {
      committeeId: numberOf(field(fields, "gremium")),
      day,
      title: nullable(field(fields, "titel")),
      oparlMeetingUrl: nullable(field(fields, "oparl-sitzung")),
      oparlAgendaItemUrl: nullable(field(fields, "oparl-top")),
      oparlPaperUrl: nullable(field(fields, "oparl-vorlage")),
    },
  };
}

/** A key figure's definition form. */
export function parseIndicatorForm(fields: FormFields): IndicatorData {
  return {
    name: field(fields, "name"),
    unit: field(fields, "einheit"),
    definition: field(fields, "definition"),
    source: field(fields, "quelle"),
    owner: field(fields, "verantwortlich"),
    projectSlug: nullable(field(fields, "projekt")),
    kind: field(fields, "art") as IndicatorData["kind"],
    denominatorLabel: nullable(field(fields, "gesamt")),
    chartKind: (field(fields, "diagramm") || "line") as IndicatorData["chartKind"],
  };
}

/** A value of a key figure. */
export function parseObservationForm(fields: FormFields): FormResult<{ day: string; value: number; denominator: number | null; note: string | null }> {
  const day = isoDateOfGermanDay(field(fields, "datum"));
  if (day === null) return { ok: false, problems: [{ path: "/form/datum", message: DAY_MESSAGE }] };
  const denominator = field(fields, "gesamt");
  return {
    ok: true,
    value: {
      day,
      value: numberOf(field(fields, "wert").replace(/\./g, "")),
      denominator: denominator === "" ? null : numberOf(denominator.replace(/\./g, "")),
      note: nullable(field(fields, "anmerkung")),
    },
  };
}

/** A register record's form. */
export function parseServiceForm(fields: FormFields): ServiceData {
  const model = field(fields, "reifegradmodell");
  const level = field(fields, "reifegrad");
  return {
    name: field(fields, "name"),
    topic: nullable(field(fields, "themenfeld")),
    isResponsibleLocally: fields["vor-ort"] !== undefined,
    channel: (nullable(field(fields, "zugangsweg")) ?? null) as ServiceData["channel"],
    isFrontEndOnline: fields["front-end"] !== undefined,
    isBackEndConnected: fields["back-end"] !== undefined,
    hasEPayment: fields["e-payment"] !== undefined,
    hasEId: fields.eid !== undefined,
    onlineApplications: numberOf(field(fields, "antraege") || "0"),
    maturity: model === "" ? null : { modelVersion: model as "1.1" | "2.0", level: numberOf(level) },
    status: field(fields, "status") as ServiceData["status"],
    url: nullable(field(fields, "url")),
  };
}
