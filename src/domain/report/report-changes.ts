/**
 * "Veränderungen zum letzten Sachstandsbericht", computed from the audit log, never typed:
 * the events of a project between the previous report's as-of date and this one's become
 * short German lines (status, dates, measures done, responsibilities, dependencies).
 *
 * Net changes only: a phase end moved twice in the window is one line from the first value
 * to the last; a value changed and changed back is no line at all; a measure added and
 * removed again is not mentioned. What the committee hears is the difference between the
 * two reports, not the editing history (that is in the project's Verlauf).
 */
import {
  describeShift,
  formatPointInTimeGerman,
  formatShiftGerman,
  parsePointInTime,
} from "../period/point-in-time.js";
import { phaseName } from "../period/period-sentence.js";

// Phase labels that say no more than "Zeitraum" itself (the same list as i18n/period-words.ts).
const GENERIC_PHASE_LABELS = ["Zeitraum", "Phase", "Zeitplan"];

/** What a line is about; views may group or mark lines by it. */
export type ReportChangeKind =
  | "status"
  | "title"
  | "dates"
  | "phase-added"
  | "phase-removed"
  | "measure-done"
  | "measure-status"
  | "measure-added"
  | "measure-removed"
  | "responsibilities"
  | "dependencies"
  | "figure";

/** One line of the changes of a project. */
export interface ReportChange {
  readonly kind: ReportChangeKind;
  /** German, e.g. "Zeitraum Umsetzung: Ende von 2022 auf QI/2023 verschoben (1 Quartal später)". */
  readonly text: string;
}

/** The parts of an audit event the changes are computed from (oldest first when passed in). */
export interface AuditFact {
  readonly at: string;
  readonly action: string;
  readonly entityId: string | null;
  readonly entityLabel: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

// The same words as the UI's (src/i18n/de.ts), which domain/ may not import.
const PROJECT_STATUS_GERMAN: Readonly<Record<string, string>> = {
  planned: "geplant",
  in_progress: "in Umsetzung",
  ongoing: "laufend/Daueraufgabe",
  completed: "abgeschlossen",
  paused: "ruhend",
};

const MEASURE_STATUS_GERMAN: Readonly<Record<string, string>> = {
  planned: "geplant",
  in_progress: "in Umsetzung",
  done: "erledigt",
  dropped: "entfallen",
};

type Json = Readonly<Record<string, unknown>>;

function record(value: unknown): Json | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Json)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function point(value: unknown): string {
  const canonical = text(value);
  if (canonical === null) return "offen";
  const parsed = parsePointInTime(canonical);
  return parsed === null ? canonical : formatPointInTimeGerman(parsed);
}

function shiftOf(from: unknown, to: unknown): string | null {
  const a = text(from);
  const b = text(to);
  if (a === null || b === null) return null;
  const pa = parsePointInTime(a);
  const pb = parsePointInTime(b);
  if (pa === null || pb === null) return null;
  const shift = describeShift(pa, pb);
  return shift.direction === "none" ? null : formatShiftGerman(shift);
}

/** "Zeitraum Umsetzung"; a phase labelled "Zeitraum" (or not at all) is just "Zeitraum". */
function phaseTitle(label: string | null): string {
  const name = phaseName(label ?? "", { genericLabels: GENERIC_PHASE_LABELS });
  return name === null ? "Zeitraum" : `Zeitraum ${name}`;
}

function quoted(value: string): string {
  return `„${value}“`;
}

/** The first "before" and the last "after" of one entity within the window. */
interface NetChange {
  readonly action: string;
  readonly first: AuditFact;
  readonly last: AuditFact;
  readonly created: boolean;
  readonly deleted: boolean;
}

function netChanges(events: readonly AuditFact[], family: string): NetChange[] {
  const byEntity = new Map<
    string,
    { first: AuditFact; last: AuditFact; created: boolean; deleted: boolean }
  >();
  const order: string[] = [];
  for (const event of events) {
    if (!event.action.startsWith(`${family}.`)) continue;
    const key = event.entityId ?? "";
    const seen = byEntity.get(key);
    if (seen === undefined) {
      order.push(key);
      byEntity.set(key, {
        first: event,
        last: event,
        created: event.action === `${family}.create`,
        deleted: event.action === `${family}.delete`,
      });
    } else {
      seen.last = event;
      if (event.action === `${family}.delete`) seen.deleted = true;
      if (event.action === `${family}.create`) seen.deleted = false;
    }
  }
  return order.map((key) => {
    const change = byEntity.get(key)!;
    return { action: family, ...change };
  });
}

function phaseLines(events: readonly AuditFact[]): ReportChange[] {
  const lines: ReportChange[] = [];
  for (const change of netChanges(events, "phase")) {
    const before = record(change.first.before);
    const after = record(change.last.after);
    if (change.created && change.deleted) continue;
    if (change.created) {
      if (after === null) continue;
      lines.push({
        kind: "phase-added",
        text: `Neuer ${phaseTitle(text(after.label))}: ${
          text(after.end) === null
            ? `ab ${point(after.start)}`
            : `${point(after.start)} bis ${point(after.end)}`
        }`,
      });
      continue;
    }
    if (change.deleted) {
      lines.push({
        kind: "phase-removed",
        text: `${phaseTitle(text(before?.label))} entfällt`,
      });
      continue;
    }
    if (before === null || after === null) continue;
    const label = phaseTitle(text(after.label) ?? text(before.label));
    for (const [field, name] of [
      ["start", "Beginn"],
      ["end", "Ende"],
    ] as const) {
      if (before[field] === after[field]) continue;
      const shift = shiftOf(before[field], after[field]);
      lines.push({
        kind: "dates",
        text:
          `${label}: ${name} von ${point(before[field])} auf ${point(after[field])} verschoben` +
          (shift === null ? "" : ` (${shift})`),
      });
    }
  }
  return lines;
}

function measureLines(events: readonly AuditFact[]): ReportChange[] {
  const lines: ReportChange[] = [];
  for (const change of netChanges(events, "measure")) {
    if (change.created && change.deleted) continue;
    const before = record(change.first.before);
    const after = record(change.last.after);
    const title =
      text(after?.title) ??
      text(before?.title) ??
      measureTitleOf(change.last.entityLabel);
    if (change.deleted) {
      lines.push({
        kind: "measure-removed",
        text: `Einzelmaßnahme entfällt: ${title}`,
      });
      continue;
    }
    const status = text(after?.status);
    if (change.created) {
      lines.push({
        kind: status === "done" ? "measure-done" : "measure-added",
        text:
          status === "done"
            ? `Einzelmaßnahme umgesetzt: ${title}`
            : `Neue Einzelmaßnahme: ${title}`,
      });
      continue;
    }
    const previous = text(before?.status);
    if (status === null || status === previous) continue;
    if (status === "done")
      lines.push({
        kind: "measure-done",
        text: `Einzelmaßnahme umgesetzt: ${title}`,
      });
    else
      lines.push({
        kind: "measure-status",
        text: `Einzelmaßnahme ${quoted(title)}: ${MEASURE_STATUS_GERMAN[previous ?? ""] ?? previous ?? "–"} → ${MEASURE_STATUS_GERMAN[status] ?? status}`,
      });
  }
  return lines;
}

/** "2.5 E-Rechnungsworkflow – Schulungen" → "Schulungen". */
function measureTitleOf(label: string | null): string {
  if (label === null) return "";
  const index = label.indexOf(" – ");
  return index === -1 ? label : label.slice(index + 3);
}

function projectLines(events: readonly AuditFact[]): ReportChange[] {
  const updates = events.filter((event) => event.action === "project.update");
  const first = record(updates[0]?.before);
  const last = record(updates[updates.length - 1]?.after);
  if (first === null || last === null) return [];
  const lines: ReportChange[] = [];
  if (first.status !== last.status) {
    const from = text(first.status) ?? "";
    const to = text(last.status) ?? "";
    lines.push({
      kind: "status",
      text: `Status: ${PROJECT_STATUS_GERMAN[from] ?? from} → ${PROJECT_STATUS_GERMAN[to] ?? to}`,
    });
  }
  if (first.title !== last.title) {
    lines.push({
      kind: "title",
      text: `Neuer Titel: ${text(last.title) ?? ""}`,
    });
  }
  return lines;
}

function listLines(events: readonly AuditFact[]): ReportChange[] {
  const lines: ReportChange[] = [];
  const responsibilities = events.filter(
    (event) => event.action === "responsibility.set",
  );
  const firstUnits = responsibilities[0]?.before;
  const lastUnits = responsibilities[responsibilities.length - 1]?.after;
  if (
    responsibilities.length > 0 &&
    JSON.stringify(firstUnits) !== JSON.stringify(lastUnits)
  ) {
    lines.push({ kind: "responsibilities", text: "Zuständigkeiten geändert" });
  }
  const dependencies = new Map<string, { label: string; net: number }>();
  for (const event of events) {
    if (
      event.action !== "dependency.create" &&
      event.action !== "dependency.delete"
    )
      continue;
    const label = event.entityLabel ?? event.entityId ?? "";
    const key = event.entityId ?? label;
    const seen = dependencies.get(key) ?? { label, net: 0 };
    seen.net += event.action === "dependency.create" ? 1 : -1;
    dependencies.set(key, seen);
  }
  for (const { label, net } of dependencies.values()) {
    if (net > 0)
      lines.push({
        kind: "dependencies",
        text: `Neue Abhängigkeit: ${dependencyTarget(label)}`,
      });
    if (net < 0)
      lines.push({
        kind: "dependencies",
        text: `Abhängigkeit entfällt: ${dependencyTarget(label)}`,
      });
  }
  return lines;
}

/** "2.5 E-Rechnungsworkflow → 2.1 Dokumentenmanagementsystem" → the part after the arrow. */
function dependencyTarget(label: string): string {
  const index = label.lastIndexOf("→");
  return index === -1 ? label : label.slice(index + 1).trim();
}

/**
 * The net changes of one project from its audit events within the window (the caller
 * selects the window and the project, and passes events of the same instant oldest first:
 * the sort by time is stable). Order: status and title, dates,
 * measures, responsibilities and dependencies.
 */
export function describeProjectChanges(
  events: readonly AuditFact[],
): readonly ReportChange[] {
  const sorted = [...events].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
  return [
    ...projectLines(sorted),
    ...phaseLines(sorted),
    ...measureLines(sorted),
    ...listLines(sorted),
  ];
}
