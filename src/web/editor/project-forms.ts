/**
 * From the editor's form fields (German names, German spellings) to the inputs of the
 * use cases, and back from the use cases' problems (JSON pointers) to the fields. Points
 * in time are typed the German way ("QII/2024", "05/2024", "17.05.2024") and parsed here
 * with the domain's parser; the use cases see canonical values ("2024-Q2") only.
 */
import type { Static } from "@sinclair/typebox";
import type {
  MeasureData,
  PhaseData,
  ProjectData,
  ResponsibilityData,
} from "../../app/catalogue/catalogue-edit.schema.js";
import {
  RESPONSIBILITY_ROLES,
  type Project,
} from "../../domain/catalogue/catalogue.js";
import {
  formatPointInTime,
  formatPointInTimeGerman,
  parseGermanPointInTime,
} from "../../domain/period/point-in-time.js";
import type { InputProblem } from "../../errors.js";
import type { ViewContext } from "../components/view.js";
import type { ConflictRow } from "./conflict-notice.js";
import type { FormFields } from "../components/form/failed-form.js";
import { fieldText } from "../http/form-schema.js";
import {
  MAX_FORM_ROWS,
  type MeasureBody,
  type PhaseBody,
  type ProjectFieldsBody,
  type ResponsibilitiesBody,
} from "./editor-forms.js";
import { phaseFormValues } from "./project-edit-page.js";
import { statusLabel } from "./audit.presenter.js";

/** A parsed form: the use case's data, or the problems found before calling it. */
export type Parsed<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** Tags from "Smart Working, Smart Governance": trimmed, without empties and duplicates. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ""),
    ),
  ];
}

/** The basic data form as the use case takes it. */
export function parseProjectFields(
  input: Static<typeof ProjectFieldsBody>,
): ProjectData {
  return {
    title: input.titel.trim(),
    summary: input.zusammenfassung.trim(),
    status: input.status,
    tags: parseTags(input.schlagwoerter),
  };
}

/** A continuation as the use case takes it, or null for "ends" and anything unknown. */
function continuationOf(
  text: string,
): "ongoing" | "permanent" | "undecided" | null {
  return text === "ongoing" || text === "permanent" || text === "undecided"
    ? text
    : null;
}

/**
 * The measure form: title and status, and optionally start and end as typed ("2025" is a
 * budget year, "QII/2025" a quarter), the responsible unit, the phase and a description.
 */
export function parseMeasureForm(
  view: ViewContext,
  input: Static<typeof MeasureBody>,
): Parsed<MeasureData> {
  const t = view.t.editor;
  const problems: InputProblem[] = [];
  const point = (text: string, field: string, label: string) => {
    const trimmed = text.trim();
    if (trimmed === "") return undefined;
    const parsed = parseGermanPointInTime(trimmed);
    if (parsed === null) {
      problems.push({
        path: `/data/${field}`,
        message: t.pointInvalid(label, trimmed),
      });
      return undefined;
    }
    return formatPointInTime(parsed);
  };
  const start = point(input.beginn, "start", t.fieldStart);
  const end = point(input.ende, "end", t.fieldEnd);
  if (problems.length > 0) return { ok: false, problems };
  const optional = (key: string, text: string) =>
    text.trim() === "" ? {} : { [key]: text.trim() };
  return {
    ok: true,
    data: {
      title: input.titel.trim(),
      status: input.status,
      ...(start === undefined ? {} : { start }),
      ...(end === undefined ? {} : { end }),
      ...optional("orgUnit", input.einheit),
      ...optional("phase", input.phase),
      ...optional("description", input.beschreibung),
    },
  };
}

/**
 * The phase form: label, start and end as typed, "offenes Ende", continuation, note. The
 * precision follows from what is typed ("2023" is a year, "QII/2024" a quarter).
 */
export function parsePhaseForm(
  view: ViewContext,
  input: Static<typeof PhaseBody>,
): Parsed<PhaseData> {
  const t = view.t.editor;
  const problems: InputProblem[] = [];
  const startText = input.beginn.trim();
  const endText = input.ende.trim();
  const isOpen = input.offen !== "";
  const continuation = continuationOf(input.fortsetzung);
  const start = startText === "" ? null : parseGermanPointInTime(startText);
  if (startText === "")
    problems.push({
      path: "/data/start",
      message: t.pointRequired(t.theStart),
    });
  else if (start === null)
    problems.push({
      path: "/data/start",
      message: t.pointInvalid(t.fieldStart, startText),
    });
  const end = endText === "" ? null : parseGermanPointInTime(endText);
  if (isOpen && endText !== "")
    problems.push({ path: "/data/end", message: t.openEndWithEnd });
  else if (!isOpen && endText === "")
    problems.push({ path: "/data/end", message: t.endMissing });
  else if (endText !== "" && end === null)
    problems.push({
      path: "/data/end",
      message: t.pointInvalid(t.fieldEnd, endText),
    });
  if ((isOpen || input.fortsetzung !== "") && continuation === null)
    problems.push({
      path: "/data/continuation",
      message: t.openEndWithoutContinuation,
    });
  if (problems.length > 0 || start === null) return { ok: false, problems };
  const note = input.notiz.trim();
  return {
    ok: true,
    data: {
      label: input.bezeichnung.trim(),
      start: formatPointInTime(start),
      ...(end === null || isOpen ? {} : { end: formatPointInTime(end) }),
      ...(continuation === null ? {} : { continuation }),
      ...(note === "" ? {} : { note }),
    },
  };
}

/** A responsibility row as typed: unit, role, note. */
export interface ResponsibilityRow {
  readonly orgUnit: string;
  readonly role: string;
  readonly note?: string;
}

/**
 * The rows of the responsibilities form, read by name ("einheit-3"); empty and removed rows
 * are dropped. `rows` gives, for each row kept, the form row it came from (to place problems).
 */
export function responsibilityRows(
  count: number,
  field: (name: string) => string,
): {
  readonly responsibilities: readonly ResponsibilityRow[];
  readonly rows: readonly number[];
} {
  const responsibilities: ResponsibilityRow[] = [];
  const rows: number[] = [];
  for (
    let index = 0;
    index < Math.min(Math.max(count, 0), MAX_FORM_ROWS);
    index += 1
  ) {
    const orgUnit = field(`einheit-${index}`).trim();
    if (orgUnit === "" || field(`entfernen-${index}`) !== "") continue;
    const note = field(`notiz-${index}`).trim();
    responsibilities.push({
      orgUnit,
      role: field(`rolle-${index}`),
      ...(note === "" ? {} : { note }),
    });
    rows.push(index);
  }
  return { responsibilities, rows };
}

/** The responsibilities form as the use case takes it; a row without a known role is a problem at its field. */
export function parseResponsibilitiesForm(
  view: ViewContext,
  input: Static<typeof ResponsibilitiesBody>,
): Parsed<ResponsibilityData[]> {
  const { responsibilities, rows } = responsibilityRows(input.zeilen, (name) =>
    fieldText(input, name),
  );
  const data: ResponsibilityData[] = [];
  const problems: InputProblem[] = [];
  responsibilities.forEach((row, index) => {
    const role = RESPONSIBILITY_ROLES.find(
      (candidate) => candidate === row.role,
    );
    if (role === undefined)
      problems.push({
        path: `/form/rolle-${rows[index] ?? index}`,
        message: view.t.form.notAChoice,
      });
    else
      data.push({
        orgUnit: row.orgUnit,
        role,
        ...(row.note === undefined ? {} : { note: row.note }),
      });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data };
}

/** The rows kept by the responsibilities form, for placing the use case's problems. */
export function responsibilityFormRows(
  input: Static<typeof ResponsibilitiesBody>,
): readonly number[] {
  return responsibilityRows(input.zeilen, (name) => fieldText(input, name))
    .rows;
}

/** Where a problem of a use case belongs in a form; `rows` maps list indexes to form rows. */
export function fieldOfPath(
  form: string,
  path: string,
  rows: readonly number[] = [],
): string | null {
  if (path === "/reason") return "grund";
  if (path.startsWith("/form/")) return path.slice("/form/".length);
  const responsibility =
    /^\/data\/responsibilities\/(\d+)\/(orgUnit|role|note)$/.exec(path);
  if (responsibility !== null) {
    const row = rows[Number(responsibility[1])] ?? Number(responsibility[1]);
    const field = { orgUnit: "einheit", role: "rolle", note: "notiz" }[
      responsibility[2] as "orgUnit" | "role" | "note"
    ];
    return `${field}-${row}`;
  }
  const key = /^\/data\/([a-zA-Z]+)/.exec(path)?.[1];
  if (key === undefined) return null;
  const byForm: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    grunddaten: {
      title: "titel",
      summary: "zusammenfassung",
      status: "status",
      tags: "schlagwoerter",
    },
    phase: {
      label: "bezeichnung",
      start: "beginn",
      end: "ende",
      continuation: "fortsetzung",
      note: "notiz",
    },
    massnahme: {
      title: "titel",
      status: "status",
      start: "beginn",
      end: "ende",
      orgUnit: "einheit",
      phase: "phase",
      description: "beschreibung",
    },
    abhaengigkeit: { dependsOn: "projekt" },
    zustaendigkeiten: { responsibilities: "einheit-0" },
  };
  const kind = form.startsWith("phase-")
    ? "phase"
    : form.startsWith("massnahme-")
      ? "massnahme"
      : form.startsWith("abhaengigkeit-")
        ? "abhaengigkeit"
        : form;
  return byForm[kind]?.[key] ?? null;
}

/** The label of a form field, to turn "darf nicht leer sein" into a sentence. */
export function labelOfField(
  view: ViewContext,
  form: string,
  field: string,
): string {
  const t = view.t.editor;
  const base = field.replace(/-\d+$/, "");
  const labels: Readonly<Record<string, string>> = {
    titel: form.startsWith("massnahme-") ? t.fieldMeasureTitle : t.fieldTitle,
    zusammenfassung: t.fieldSummary,
    status: t.fieldStatus,
    schlagwoerter: t.fieldTags,
    bezeichnung: t.fieldPhaseLabel,
    beginn: t.fieldStart,
    ende: t.fieldEnd,
    fortsetzung: t.fieldContinuation,
    notiz:
      form === "zustaendigkeiten" ? t.fieldResponsibilityNote : t.fieldNote,
    einheit: t.fieldOrgUnit,
    phase: t.fieldMeasurePhase,
    beschreibung: t.fieldMeasureDescription,
    rolle: t.fieldRole,
    projekt: t.fieldDependsOn,
    grund: t.reasonLabel,
  };
  return labels[base] ?? field;
}

function germanPoint(canonical: string | undefined): string {
  if (canonical === undefined) return "";
  const point = parseGermanPointInTime(canonical);
  return point === null ? canonical : formatPointInTimeGerman(point);
}

/**
 * Field by field, what is stored now and what the person typed, for the fields that
 * differ. Values are compared as the form shows them (German points in time).
 */
export function conflictRowsFor(
  view: ViewContext,
  form: string,
  current: Project,
  fields: FormFields,
): { rows: ConflictRow[]; isDeleted: boolean } {
  const t = view.t.editor;
  const rows: ConflictRow[] = [];
  const compare = (label: string, theirs: string, yours: string): void => {
    if (theirs.trim() !== yours.trim())
      rows.push({
        label,
        theirs: theirs === "" ? t.emptyValue : theirs,
        yours: yours === "" ? t.emptyValue : yours,
      });
  };
  const continuationLabel = (value: string): string =>
    value === "ongoing"
      ? t.continuationOngoing
      : value === "permanent"
        ? t.continuationPermanent
        : value === "undecided"
          ? t.continuationUndecided
          : t.continuationNone;
  if (form === "grunddaten") {
    compare(t.fieldTitle, current.title, fields.titel ?? "");
    compare(t.fieldSummary, current.summary, fields.zusammenfassung ?? "");
    compare(
      t.fieldStatus,
      view.t.projectStatus[current.status],
      statusLabel(view, fields.status ?? ""),
    );
    compare(
      t.fieldTags,
      current.tags.join(", "),
      parseTags(fields.schlagwoerter ?? "").join(", "),
    );
    return { rows, isDeleted: false };
  }
  const phaseId = /^phase-(\d+)$/.exec(form)?.[1];
  if (phaseId !== undefined) {
    const phase = current.phases.find(
      (candidate) => candidate.id === Number(phaseId),
    );
    if (phase === undefined) return { rows, isDeleted: true };
    const stored = phaseFormValues(phase);
    compare(
      t.fieldPhaseLabel,
      stored.bezeichnung ?? "",
      fields.bezeichnung ?? "",
    );
    compare(
      t.fieldStart,
      stored.beginn ?? "",
      germanPoint(fields.beginn?.trim()) || (fields.beginn ?? ""),
    );
    compare(
      t.fieldEnd,
      stored.ende ?? "",
      germanPoint(fields.ende?.trim()) || (fields.ende ?? ""),
    );
    compare(
      t.fieldContinuation,
      continuationLabel(stored.fortsetzung ?? ""),
      continuationLabel(fields.fortsetzung ?? ""),
    );
    compare(t.fieldNote, stored.notiz ?? "", fields.notiz ?? "");
    return { rows, isDeleted: false };
  }
  const measureId = /^massnahme-(\d+)$/.exec(form)?.[1];
  if (measureId !== undefined) {
    const measure = current.measures.find(
      (candidate) => candidate.id === Number(measureId),
    );
    if (measure === undefined) return { rows, isDeleted: true };
    compare(t.fieldMeasureTitle, measure.title, fields.titel ?? "");
    compare(
      t.fieldStatus,
      view.t.measureStatus[measure.status],
      statusLabel(view, fields.status ?? ""),
    );
    return { rows, isDeleted: false };
  }
  if (form === "zustaendigkeiten") {
    const describe = (
      list: readonly {
        orgUnit: string;
        role: string;
        note?: string | null | undefined;
      }[],
    ): string =>
      list
        .map(
          (item) =>
            `${item.orgUnit} (${roleLabel(view, item.role)}${item.note ? `, ${item.note}` : ""})`,
        )
        .join("; ");
    compare(
      t.sectionResponsibilities,
      describe(
        current.responsibilities.map((r) => ({
          orgUnit: r.orgUnitCode,
          role: r.role,
          note: r.note,
        })),
      ),
      describe(
        responsibilityRows(
          Number(fields.zeilen ?? "0") || 0,
          (name) => fields[name] ?? "",
        ).responsibilities,
      ),
    );
  }
  return { rows, isDeleted: false };
}

function roleLabel(view: ViewContext, role: string): string {
  return role === "lead" || role === "contributing"
    ? view.t.responsibilityRole[role]
    : role;
}
