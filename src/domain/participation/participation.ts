/**
 * Participation (ADR 0023): ideas, feedback and barrier reports, their statuses and the
 * rules between them. Pure: no I/O, no clock — the caller passes the time.
 */

/** Whether and for whom a municipality takes contributions. */
export type ParticipationMode = "off" | "staff" | "public";
export const PARTICIPATION_MODES: readonly ParticipationMode[] = [
  "off",
  "staff",
  "public",
];

/** What a contribution is. */
export type ItemKind = "idea" | "feedback" | "barrier";
export const ITEM_KINDS: readonly ItemKind[] = ["idea", "feedback", "barrier"];

/** Where an item stands. */
export type ItemStatus =
  | "received"
  | "reviewing"
  | "adopted"
  | "implemented"
  | "rejected"
  | "merged"
  | "withdrawn";
export const ITEM_STATUSES: readonly ItemStatus[] = [
  "received",
  "reviewing",
  "adopted",
  "implemented",
  "rejected",
  "merged",
  "withdrawn",
];

/** The statuses staff may set (withdrawing is the submitter's). */
export const DECISION_STATUSES: readonly ItemStatus[] = [
  "reviewing",
  "adopted",
  "implemented",
  "rejected",
  "merged",
];

/** Statuses after which nothing changes any more. */
export const FINAL_STATUSES: ReadonlySet<ItemStatus> = new Set([
  "implemented",
  "rejected",
  "merged",
  "withdrawn",
]);

/** Statuses that still wait for a decision (the clock runs). */
export const OPEN_STATUSES: ReadonlySet<ItemStatus> = new Set([
  "received",
  "reviewing",
]);

/** A barrier report must be answered within a month (BITV 2.0, EU model statement). */
export const BARRIER_ANSWER_DAYS = 30;

/** Limits of the form. */
export const TITLE_MAX = 150;
export const BODY_MAX = 4000;
export const BODY_MIN = 10;

/** The rate limit: at most this many submissions per window per IP and per address. */
export const RATE_LIMIT = 5;
export const RATE_WINDOW_MS = 10 * 60_000;

/** How long unconfirmed addresses and rate counters are kept. */
export const CONFIRMATION_VALIDITY_MS = 48 * 60 * 60_000;
export const RATE_COUNTER_RETENTION_MS = 24 * 60 * 60_000;

export function isParticipationMode(value: string): value is ParticipationMode {
  return (PARTICIPATION_MODES as readonly string[]).includes(value);
}
export function isItemKind(value: string): value is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(value);
}
export function isItemStatus(value: string): value is ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(value);
}

/** Whether staff may move an item from one status to another. */
export function canMoveTo(from: ItemStatus, to: ItemStatus): boolean {
  if (from === to || FINAL_STATUSES.has(from)) return false;
  if (to === "withdrawn" || to === "received") return false;
  if (from === "adopted") return to === "implemented" || to === "rejected";
  return true;
}

/** The day an item is due: the barrier clock, or the municipality's days for others. */
export function dueAt(
  kind: ItemKind,
  createdAt: Date,
  overdueDays: number,
): Date {
  const days = kind === "barrier" ? BARRIER_ANSWER_DAYS : overdueDays;
  return new Date(createdAt.getTime() + days * 24 * 60 * 60_000);
}

/** Whether an item waits longer than it should. */
export function isOverdue(
  item: { kind: ItemKind; status: ItemStatus; createdAt: Date },
  overdueDays: number,
  now: Date,
): boolean {
  return (
    OPEN_STATUSES.has(item.status) &&
    now.getTime() >= dueAt(item.kind, item.createdAt, overdueDays).getTime()
  );
}

/** Whole days since a moment. */
export function ageInDays(createdAt: Date, now: Date): number {
  return Math.max(
    0,
    Math.floor((now.getTime() - createdAt.getTime()) / (24 * 60 * 60_000)),
  );
}

/** One step of an item's history, as everybody may see it. */
export interface ItemHistoryStep {
  readonly status: ItemStatus;
  readonly note: string | null;
  readonly at: string;
}

/** What is taken up: a project, one of its measures, or an edition. */
export interface ItemLink {
  readonly projectSlug: string | null;
  readonly measureId: number | null;
  readonly measureTitle: string | null;
  readonly editionNumber: number | null;
}

/** A published item without any personal data (portal, open data, API). */
export interface PublicItem {
  readonly id: number;
  readonly kind: ItemKind;
  /** Null once withdrawn. */
  readonly title: string | null;
  readonly body: string | null;
  readonly projectSlug: string | null;
  readonly status: ItemStatus;
  readonly decisionNote: string | null;
  readonly mergedIntoId: number | null;
  readonly link: ItemLink;
  readonly createdAt: string;
  readonly statusChangedAt: string;
  readonly history: readonly ItemHistoryStep[];
}
