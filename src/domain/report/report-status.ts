/**
 * Project statuses in a status report (Sachstandsbericht), how they are shown, and what
 * editors still owe before a report: the rules behind "Ihre Projekte für den Bericht am …".
 *
 * A report status is the state of a project as told to the committee; it is separate
 * from the catalogue's `ProjectStatus` (planned, in progress …), which says where the
 * project stands in the programme, not whether it keeps to its plan.
 */

/** The state of a project as reported to the committee. */
export type ReportStatus =
  "on-track" | "at-risk" | "delayed" | "completed" | "not-started" | "dormant";

/** All report statuses, in the order reports and forms list them. */
export const REPORT_STATUSES: readonly ReportStatus[] = [
  "on-track",
  "at-risk",
  "delayed",
  "completed",
  "not-started",
  "dormant",
];

/** A colour the view may add; never the only carrier of meaning. */
export type StatusTone = "success" | "warning" | "danger" | "info" | "neutral";

/** How a status is shown: label, an icon distinct in shape, and an optional colour tone. */
export interface ReportStatusPresentation {
  readonly label: string;
  /**
   * The name of an icon in the app's icon set. Each status has a different shape, so the
   * status stays recognisable without colour (WCAG 2.2, 1.4.1 Use of Colour), in
   * greyscale print and on a projector that washes colours out.
   */
  readonly icon: string;
  readonly tone: StatusTone;
}

/** Label, icon and tone of every report status. */
export const REPORT_STATUS_PRESENTATION: Readonly<
  Record<ReportStatus, ReportStatusPresentation>
> = {
  "on-track": { label: "im Plan", icon: "circle-check", tone: "success" },
  "at-risk": {
    label: "gefährdet",
    icon: "triangle-exclamation",
    tone: "warning",
  },
  delayed: { label: "verzögert", icon: "clock", tone: "danger" },
  completed: { label: "abgeschlossen", icon: "flag-checkered", tone: "info" },
  "not-started": {
    label: "nicht begonnen",
    icon: "circle-dashed",
    tone: "neutral",
  },
  dormant: { label: "ruhend", icon: "pause", tone: "neutral" },
};

/** Whether a value is a report status (for input from forms and files). */
export function isReportStatus(value: unknown): value is ReportStatus {
  return (REPORT_STATUSES as readonly unknown[]).includes(value);
}

/** The German label of a report status ("im Plan"). */
export function reportStatusLabel(status: ReportStatus): string {
  return REPORT_STATUS_PRESENTATION[status].label;
}

/** A project as far as the report's to-do list needs it. */
export interface ReportProject {
  readonly slug: string;
  readonly code: string;
  readonly title: string;
}

/** A project's entry in a status report (possibly still incomplete while drafting). */
export interface ReportEntry {
  readonly projectSlug: string;
  /** Null while the editor has not chosen a status. */
  readonly status: ReportStatus | null;
  /** The short text for the committee. */
  readonly text: string;
  /** "Unverändert seit dem letzten Bericht": confirmed, so no new text is needed. */
  readonly isUnchanged: boolean;
}

/** Why a project's entry is not ready yet. */
export type MissingUpdateReason = "no-entry" | "no-status" | "no-text";

/** A project that still needs something for the report, and what. */
export interface MissingUpdate<P extends ReportProject = ReportProject> {
  readonly project: P;
  readonly reasons: readonly MissingUpdateReason[];
}

function latestEntries(
  entries: readonly ReportEntry[],
): ReadonlyMap<string, ReportEntry> {
  // One entry per project; should a list hold two, the later one is the current draft.
  const bySlug = new Map<string, ReportEntry>();
  for (const entry of entries) bySlug.set(entry.projectSlug, entry);
  return bySlug;
}

function reasonsOf(entry: ReportEntry | undefined): MissingUpdateReason[] {
  if (entry === undefined) return ["no-entry"];
  const reasons: MissingUpdateReason[] = [];
  if (entry.status === null) reasons.push("no-status");
  if (!entry.isUnchanged && entry.text.trim() === "") reasons.push("no-text");
  return reasons;
}

/**
 * The projects of an editor (those that appear in the report) that still lack a complete
 * entry, in the order given, each with what is missing. An entry is complete with a
 * status and either a text or the confirmation that nothing changed. Entries of other
 * projects are ignored.
 */
export function missingUpdates<P extends ReportProject>(
  projects: readonly P[],
  entries: readonly ReportEntry[],
): readonly MissingUpdate<P>[] {
  const bySlug = latestEntries(entries);
  const missing: MissingUpdate<P>[] = [];
  for (const project of projects) {
    const reasons = reasonsOf(bySlug.get(project.slug));
    if (reasons.length > 0) missing.push({ project, reasons });
  }
  return missing;
}

/** How many projects of a report have each status. */
export interface StatusCount {
  readonly status: ReportStatus;
  readonly label: string;
  readonly count: number;
}

/** The statuses of a report, counted. */
export interface StatusSummary {
  /** Every status in report order, also those with 0 projects. */
  readonly counts: readonly StatusCount[];
  /** Projects whose entry has no status yet. */
  readonly withoutStatus: number;
  /** All projects with an entry. */
  readonly total: number;
}

/** Counts the projects per status ("12 im Plan, 3 verzögert …"); one entry per project. */
export function summariseStatuses(
  entries: readonly ReportEntry[],
): StatusSummary {
  const counts = new Map<ReportStatus, number>(
    REPORT_STATUSES.map((status) => [status, 0]),
  );
  let withoutStatus = 0;
  const latest = latestEntries(entries);
  for (const entry of latest.values()) {
    if (entry.status === null) withoutStatus += 1;
    else counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  }
  return {
    counts: REPORT_STATUSES.map((status) => ({
      status,
      label: reportStatusLabel(status),
      count: counts.get(status) ?? 0,
    })),
    withoutStatus,
    total: latest.size,
  };
}

/**
 * "Unverändert seit dem letzten Bericht" in one click: the previous report's entry with
 * its status and text, marked as confirmed unchanged.
 */
export function unchangedEntry(previous: ReportEntry): ReportEntry {
  return {
    projectSlug: previous.projectSlug,
    status: previous.status,
    text: previous.text,
    isUnchanged: true,
  };
}
