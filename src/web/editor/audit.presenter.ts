/**
 * Audit events as people read them: what happened in words, when (German time), who,
 * why, and field by field what was before and after — points in time the German way
 * ("QII/2024"), statuses and roles by their names, lists as text.
 */
import { readerMoment } from "../components/reader-day.js";
import type { AuditEvent } from "../../app/audit/record-audit.js";
import { COMMAND_LINE_LABEL } from "../../app/auth/account-audit.js";
import { PUBLIC_ACTOR_LABEL } from "../../domain/access/principal.js";
import { parsePointInTime } from "../../domain/period/point-in-time.js";
import { formatPoint } from "../../i18n/format-period.js";
import { editionTitleIn } from "../../i18n/edition-title.js";
import type { ViewContext } from "../components/view.js";

/** One changed field. */
export interface AuditChangeRow {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** An event ready for the page. */
export interface PresentedAuditEvent {
  readonly id: number;
  readonly action: string;
  /** What happened, in the reader's language. */
  readonly heading: string;
  /**
   * What it happened to, as stored when it happened (names and titles of the
   * municipality's things, German), or in the reader's language where it is ours
   * (a default edition title); empty when the event names nothing.
   */
  readonly subject: {
    readonly text: string;
    readonly lang: string | undefined;
  };
  readonly when: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly rows: readonly AuditChangeRow[];
  readonly projectId: number | null;
}

/** The words for an action code; unknown codes (e.g. of sign-in) are shown as they are. */
export function actionLabel(view: ViewContext, action: string): string {
  const labels = view.t.editor.auditActions;
  return Object.hasOwn(labels, action) ? (labels[action] ?? action) : action;
}

/** The words for an entity type. */
export function entityTypeLabel(view: ViewContext, entityType: string): string {
  const labels = view.t.editor.auditEntityTypes;
  return Object.hasOwn(labels, entityType)
    ? (labels[entityType] ?? entityType)
    : entityType;
}

function fieldLabel(view: ViewContext, key: string): string {
  const labels = view.t.editor.auditFields;
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}

/** A project's or a measure's status in words; anything else as it is. */
export function statusLabel(view: ViewContext, value: string): string {
  const { projectStatus, measureStatus } = view.t;
  if (Object.hasOwn(projectStatus, value))
    return projectStatus[value as keyof typeof projectStatus];
  if (Object.hasOwn(measureStatus, value))
    return measureStatus[value as keyof typeof measureStatus];
  return value;
}

function pointLabel(view: ViewContext, value: string): string {
  const point = parsePointInTime(value);
  return point === null ? value : formatPoint(point, view.lang);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value of a field as text. */
export function formatAuditValue(
  view: ViewContext,
  key: string,
  value: unknown,
): string {
  const t = view.t.editor;
  if (value === null || value === undefined || value === "")
    return t.emptyValue;
  if (typeof value === "string") {
    switch (key) {
      case "start":
      case "end":
        return pointLabel(view, value);
      case "status":
        return statusLabel(view, value);
      case "continuation":
        return value === "ongoing"
          ? t.continuationOngoing
          : value === "permanent"
            ? t.continuationPermanent
            : value === "undecided"
              ? t.continuationUndecided
              : value;
      case "kind":
        return Object.hasOwn(t.orgUnitKind, value)
          ? (t.orgUnitKind[value] ?? value)
          : value;
      case "role":
        return value === "lead" || value === "contributing"
          ? view.t.responsibilityRole[value]
          : value;
      case "attempted":
        return actionLabel(view, value);
      default:
        return value;
    }
  }
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return t.emptyValue;
    return value
      .map((item) =>
        isRecord(item)
          ? formatRecord(view, item)
          : formatAuditValue(view, key, item),
      )
      .join("; ");
  }
  if (isRecord(value)) return formatRecord(view, value);
  return JSON.stringify(value);
}

/** A record inside a list: responsibilities, goals, priorities, phases of a deleted project. */
function formatRecord(
  view: ViewContext,
  record: Record<string, unknown>,
): string {
  if (typeof record.orgUnit === "string") {
    const details = [
      formatAuditValue(view, "role", record.role),
      typeof record.note === "string" ? record.note : null,
    ].filter((part) => part !== null);
    return `${record.orgUnit} (${details.join(", ")})`;
  }
  if (typeof record.label === "string" && typeof record.start === "string") {
    const end =
      typeof record.end === "string" ? `–${pointLabel(view, record.end)}` : "";
    return `${record.label}: ${pointLabel(view, record.start)}${end}`;
  }
  if (typeof record.title === "string") {
    const projects =
      Array.isArray(record.projects) && record.projects.length > 0
        ? ` (${record.projects.join(", ")})`
        : "";
    const status =
      typeof record.status === "string"
        ? ` (${statusLabel(view, record.status)})`
        : "";
    return `${record.title}${projects}${status}`;
  }
  return Object.entries(record)
    .map(
      ([key, value]) =>
        `${fieldLabel(view, key)}: ${formatAuditValue(view, key, value)}`,
    )
    .join(", ");
}

/** The rows of fields that differ between before and after (all fields of a creation or deletion). */
export function changeRows(
  view: ViewContext,
  before: unknown,
  after: unknown,
): readonly AuditChangeRow[] {
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [
    ...new Set([...Object.keys(right), ...Object.keys(left)]),
  ].filter((key) => key !== "code" || left.code !== right.code);
  return keys
    .map((key) => ({
      field: fieldLabel(view, key),
      before: formatAuditValue(view, key, left[key]),
      after: formatAuditValue(view, key, right[key]),
    }))
    .filter((row) => row.before !== row.after);
}

/**
 * The stored label of what an event concerns. A default edition title ("2. Fortschreibung")
 * is ours and read in the reader's language; every other label was put together from the
 * municipality's names and titles when the event happened and stays as stored, marked as
 * the content's language.
 */
function auditSubject(
  view: ViewContext,
  event: AuditEvent,
): PresentedAuditEvent["subject"] {
  const label = event.entityLabel ?? "";
  if (label === "") return { text: "", lang: undefined };
  if (event.entityType === "edition") {
    const translated = editionTitleIn(view.lang, label);
    if (translated !== label) return { text: translated, lang: undefined };
  }
  return { text: label, lang: view.contentLang };
}

/** How spreadsheet imports from the command line named it before they used COMMAND_LINE_LABEL; kept in stored events. */
const EARLIER_SHEET_IMPORT_LABEL = "Kommandozeile";

/**
 * Who acted: a person by the name and address stored with the event; the operator's
 * command line and the public by their names in the reader's language.
 */
export function auditActorLabel(view: ViewContext, stored: string): string {
  const t = view.t.editor;
  if (stored === COMMAND_LINE_LABEL || stored === EARLIER_SHEET_IMPORT_LABEL)
    return t.auditActorCommandLine;
  if (stored === PUBLIC_ACTOR_LABEL) return t.auditActorPublic;
  return stored;
}

/** An event for the page. */
export function presentAuditEvent(
  view: ViewContext,
  event: AuditEvent,
): PresentedAuditEvent {
  return {
    id: event.id,
    action: event.action,
    heading: actionLabel(view, event.action),
    subject: auditSubject(view, event),
    when: readerMoment(view, event.at),
    actor: auditActorLabel(view, event.actorLabel),
    reason: event.reason,
    rows: changeRows(view, event.before, event.after),
    projectId: event.projectId,
  };
}
