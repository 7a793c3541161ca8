/**
 * The old-versus-new timeline of a change report, ready for the chart and its tables: the
 * domain's layout, and per project row the changes of its schedule and the reasons given.
 */
import { groupBy } from "../../domain/collections.js";
import { editionTitleIn } from "../../i18n/edition-title.js";
import { defaultEditionTitle } from "../../domain/edition/edition.js";
import { reasonSentence } from "../../domain/period/period-sentence.js";
import { PERIOD_WORDS_DE } from "../../i18n/period-words.js";
import type {
  ActionField,
  Catalogue,
  ImpactArea,
  Project,
} from "../../domain/catalogue/catalogue.js";
import {
  filterCatalogue,
  isFilterActive,
  type CatalogueFilter,
} from "../../domain/catalogue/catalogue-filter.js";
import {
  isProjectChange,
  isShift,
  type CatalogueChange,
} from "../../domain/edition/catalogue-change.js";
import { describeChangeGerman } from "../../i18n/change-description.js";
import {
  layoutTimelineComparison,
  type ComparisonBar,
  type TimelineComparison,
  type TimelineComparisonRow,
} from "../../domain/edition/timeline-comparison.js";
import { formatPeriodGerman } from "../../domain/period/period.js";
import {
  formatPointInTimeGerman,
  formatShiftGerman,
} from "../../domain/period/point-in-time.js";
import type {
  ChangeReport,
  ReportReason,
} from "../../domain/edition/change-report.js";
import type { ViewContext } from "../components/view.js";
import type { TimelineComparisonChartProps } from "../components/timeline-comparison/timeline-comparison-chart.js";

/** What the table shows for one project row. */
export interface ComparisonRowDetails {
  /** The phases in the older state ("Erstellung: 2020–2022"); empty for an added project. */
  readonly oldPeriods: readonly string[];
  /** The phases in the newer state; empty for a removed project. */
  readonly newPeriods: readonly string[];
  /** The schedule changes in German ("Zeitraum Umsetzung: Ende von 2023 auf 2024 verschoben …"). */
  readonly changes: readonly string[];
  /** The reasons given for its shifts ("OZG-Aufwand: Verzögerung aufgrund OZG-Aufwand"). */
  readonly reasons: readonly string[];
  /** How many of its shifts have no reason. */
  readonly missingReasons: number;
}

/** The comparison, laid out, with the row details and the chart's words for its bars and markers. */
export interface ComparisonModel extends Pick<
  TimelineComparisonChartProps,
  "describeOldBar" | "describeNewBar" | "describeMarker" | "stateLabel"
> {
  readonly layout: TimelineComparison;
  readonly olderTitle: string;
  readonly newerTitle: string;
  readonly details: ReadonlyMap<string, ComparisonRowDetails>;
  readonly projectCount: number;
}

/** Which changes belong to a project's schedule (what the timeline shows). */
function isScheduleChange(change: CatalogueChange): boolean {
  return (
    change.kind.startsWith("phase-") ||
    change.kind === "project-finished-early" ||
    change.kind === "project-finished-late" ||
    change.kind === "project-added" ||
    change.kind === "project-removed" ||
    change.kind === "project-moved"
  );
}

/**
 * "Verzögerung aufgrund OZG-Aufwand" (the text names its category), "Personal: Verzögerung
 * aufgrund von erhöhtem Support", with the edition when several editions lie between.
 */
export function formatReason(
  reason: ReportReason,
  editionTitle: ((number: number) => string) | null,
): string {
  const base = reasonSentence(
    reason.categoryLabel,
    reason.text,
    PERIOD_WORDS_DE,
    reason.category,
  );
  return editionTitle === null || reason.editionNumber === null
    ? base
    : `${base} (${editionTitle(reason.editionNumber)})`;
}

/** The same filter on both sides, so that a project keeps its row even where it no longer matches. */
function filterBoth(
  before: Catalogue,
  after: Catalogue,
  filter: CatalogueFilter,
): { before: Catalogue; after: Catalogue } {
  if (!isFilterActive(filter)) return { before, after };
  const afterFiltered = filterCatalogue(after, filter);
  const afterIds = new Set(
    afterFiltered.impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => project.id),
      ),
    ),
  );
  const allAfterIds = new Set(
    after.impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => project.id),
      ),
    ),
  );
  const beforeMatching = new Set(
    filterCatalogue(before, filter).impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => project.id),
      ),
    ),
  );
  const keep = (project: Project): boolean =>
    afterIds.has(project.id) ||
    (!allAfterIds.has(project.id) && beforeMatching.has(project.id));
  const impactAreas: ImpactArea[] = [];
  for (const area of before.impactAreas) {
    const actionFields: ActionField[] = area.actionFields
      .map((field) => ({ ...field, projects: field.projects.filter(keep) }))
      .filter((field) => field.projects.length > 0);
    if (actionFields.length > 0) impactAreas.push({ ...area, actionFields });
  }
  return { before: { ...before, impactAreas }, after: afterFiltered };
}

/** Lays out a report's two catalogues as the old-versus-new timeline. */
export function buildComparison(
  view: ViewContext,
  report: ChangeReport,
  options: {
    readonly filter: CatalogueFilter;
    readonly today: number;
    readonly olderTitle: string;
    readonly newerTitle: string;
  },
): ComparisonModel {
  const t = view.t.edition;
  const { before, after } = filterBoth(
    report.before,
    report.after,
    options.filter,
  );
  const layout = layoutTimelineComparison({
    before,
    after,
    today: options.today,
    horizon: {
      startYear: Math.min(
        report.before.programme.horizonStart,
        report.after.programme.horizonStart,
      ),
      endYear: Math.max(
        report.before.programme.horizonEnd,
        report.after.programme.horizonEnd,
      ),
    },
  });
  const multipleSteps =
    report.to !== null && report.to.number - report.from.number > 1;
  const details = new Map<string, ComparisonRowDetails>();
  const periodsOf = (catalogue: Catalogue): Map<string, readonly string[]> =>
    new Map(
      catalogue.impactAreas.flatMap((area) =>
        area.actionFields.flatMap((field) =>
          field.projects.map(
            (project) =>
              [
                `project-${project.id}`,
                project.phases.map(
                  (phase) => `${phase.label}: ${formatPeriodGerman(phase)}`,
                ),
              ] as const,
          ),
        ),
      ),
    );
  const oldPeriods = periodsOf(report.before);
  const newPeriods = periodsOf(report.after);
  const byProject = groupBy(
    report.diff.changes.filter(isProjectChange).filter(isScheduleChange),
    (change) => change.project.key,
  );
  for (const [key, changes] of byProject) {
    const reasons: string[] = [];
    let missing = 0;
    for (const change of changes) {
      if (!isShift(change)) continue;
      const given = report.reasons.get(change.key) ?? [];
      if (given.length === 0) missing += 1;
      for (const reason of given) {
        const text = formatReason(
          reason,
          multipleSteps
            ? (number) => editionTitleIn(view.lang, defaultEditionTitle(number))
            : null,
        );
        if (!reasons.includes(text)) reasons.push(text);
      }
    }
    details.set(key, {
      oldPeriods: oldPeriods.get(key) ?? [],
      newPeriods: newPeriods.get(key) ?? [],
      changes: changes.map((change) => describeChangeGerman(change)),
      reasons,
      missingReasons: missing,
    });
  }
  for (const group of layout.groups) {
    for (const row of group.rows) {
      if (details.has(row.key)) continue;
      details.set(row.key, {
        oldPeriods: oldPeriods.get(row.key) ?? [],
        newPeriods: newPeriods.get(row.key) ?? [],
        changes: [],
        reasons: [],
        missingReasons: 0,
      });
    }
  }
  const projectCount = layout.groups.reduce(
    (sum, group) => sum + group.rows.length,
    0,
  );
  const barText = (
    row: TimelineComparisonRow,
    bar: ComparisonBar,
    title: string,
  ) => `${row.code} ${row.label} – ${bar.label} (${title}): ${bar.periodLabel}`;
  return {
    layout,
    olderTitle: options.olderTitle,
    newerTitle: options.newerTitle,
    details,
    projectCount,
    describeOldBar: (row, bar) => barText(row, bar, options.olderTitle),
    describeNewBar: (row, bar) => barText(row, bar, options.newerTitle),
    describeMarker: (row, marker) =>
      `${row.code} ${row.label} – ${marker.phaseLabel}: ${marker.edge === "start" ? "Beginn" : "Ende"} von ${formatPointInTimeGerman(marker.from)} auf ${formatPointInTimeGerman(marker.to)} (${formatShiftGerman(marker.shift)})`,
    stateLabel: (row) =>
      row.state === "added"
        ? t.rowAdded
        : row.state === "removed"
          ? t.rowRemoved
          : null,
  };
}
