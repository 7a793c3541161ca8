/**
 * A status report as one plain document: everything the portal page, the slide deck and
 * the PDF show, assembled from the report's entries, the catalogue, the changes computed
 * from the audit log, the key figures at the as-of date and the OZG register at that date.
 *
 * A published report stores exactly this document (as JSON) and is shown from it ever
 * after, so later edits of the catalogue, the figures or the register cannot change what
 * the committee was told. A draft is assembled afresh on every view.
 */
import {
  changeBetween,
  observationsUpTo,
  valueAt,
  type Indicator,
  type IndicatorChange,
  type Observation,
  formatObservationGerman,
} from "../indicator/indicator.js";
import type { ChartKind } from "../indicator/indicator-chart.js";
import {
  formatPointInTimeGerman,
  parsePointInTime,
} from "../period/point-in-time.js";
import {
  aggregateOzgFigures,
  type OzgFigures,
} from "../service/ozg-figures.js";
import type { Service } from "../service/service.js";
import { formatGermanDate } from "../calendar/calendar.js";
import type { ReportChange } from "./report-changes.js";
import {
  surveyShares,
  type StoredReportSection,
  type SurveyShare,
  type SurveyUnit,
} from "./report-free-sections.js";
import {
  reportStatusLabel,
  summariseStatuses,
  type ReportEntry,
  type ReportStatus,
  type StatusSummary,
} from "./report-status.js";

/** The version of the stored document's shape; a reader of older shapes can tell them apart. */
export const REPORT_DOCUMENT_FORMAT = 1;

/** Draft (editable, internal) or published (immutable, public). */
export type ReportState = "draft" | "published";

/** The meeting the report is for. */
export interface ReportMeeting {
  readonly day: number;
  readonly title: string | null;
  readonly committeeName: string;
  readonly committeeAbbreviation: string;
  readonly oparlMeetingUrl: string | null;
  readonly oparlAgendaItemUrl: string | null;
  readonly oparlPaperUrl: string | null;
}

/** The report this one continues. */
export interface PreviousReportRef {
  readonly id: number;
  /** Its number in the municipality (absent in documents of before 2026-12-10). */
  readonly number?: number;
  readonly asOf: number;
  readonly meetingDay: number;
  readonly committeeAbbreviation: string;
}

/** One line of the outlook: when (e.g. "APD – QI/2023") and what. */
export interface OutlookItem {
  readonly when: string;
  readonly what: string;
}

/** A key figure as a report shows it: definition, values up to the as-of date, and the change. */
export interface ReportFigure {
  readonly indicator: Indicator;
  readonly chartKind: ChartKind;
  /** Observations on or before the as-of date, oldest first. */
  readonly observations: readonly Observation[];
  /** The value that held on the as-of date. */
  readonly current: Observation;
  /** From the previous report's as-of date to this one; null without a previous report. */
  readonly change: IndicatorChange | null;
}

/** What the report says about one project. */
export interface ReportProjectEntry {
  readonly slug: string;
  readonly code: string;
  readonly title: string;
  readonly status: ReportStatus | null;
  readonly text: string;
  readonly highlights: readonly string[];
  /** A new date as a canonical point in time ("2023-Q1") and as German text ("QI/2023"). */
  readonly newDate: string | null;
  readonly newDateLabel: string | null;
  readonly isUnchanged: boolean;
  /** Computed from the audit log and the figures between the two as-of dates. */
  readonly changes: readonly ReportChange[];
  readonly figures: readonly ReportFigure[];
}

/** One section of the report: an action field of the catalogue, with its projects' entries. */
export interface ReportSection extends Omit<CatalogueSectionRef, "projects"> {
  readonly projects: readonly ReportProjectEntry[];
}

/** An edition (Fortschreibung) of the catalogue published between the two reports. */
export interface ReportEdition {
  readonly number: number;
  readonly title: string;
  /** The day it stands for (day number). */
  readonly publishedOn: number;
}

/** The OZG part: the register's figures at the as-of date. */
export interface ReportOzg {
  readonly figures: OzgFigures;
  /** The register's figures at the previous report's as-of date, for the comparison. */
  readonly previous: OzgFigures | null;
}

/** A project a topic section refers to. */
export interface ReportProjectRef {
  readonly slug: string;
  readonly code: string;
  readonly title: string;
}

/**
 * One part of the report in its order: a free section, or the block of per-project
 * entries (followed by the other key figures and the OZG part). An empty heading means
 * the kind's usual heading ("Einleitung", "Ausblick").
 */
export type ReportBlock =
  | {
      readonly kind: "introduction";
      readonly heading: string;
      readonly text: string;
    }
  | {
      readonly kind: "topic";
      readonly heading: string;
      readonly text: string;
      readonly figures: readonly ReportFigure[];
      readonly projects: readonly ReportProjectRef[];
    }
  | {
      readonly kind: "survey";
      readonly heading: string;
      readonly text: string;
      readonly question: string;
      readonly unit: SurveyUnit;
      readonly answers: readonly SurveyShare[];
    }
  | {
      readonly kind: "outlook";
      readonly heading: string;
      readonly text: string;
    }
  | { readonly kind: "projects" };

/** The whole report. */
export interface ReportDocument {
  readonly format: number;
  readonly id: number;
  readonly state: ReportState;
  readonly municipality: { readonly slug: string; readonly name: string };
  readonly programmeTitle: string;
  readonly title: string;
  readonly meeting: ReportMeeting;
  readonly asOf: number;
  readonly previous: PreviousReportRef | null;
  readonly sections: readonly ReportSection[];
  /** Key figures linked to no project shown in the report. */
  readonly otherFigures: readonly ReportFigure[];
  readonly ozg: ReportOzg | null;
  readonly outlook: readonly OutlookItem[];
  /** Editions published after the previous report's as-of date up to this one (absent in documents of before 2026-11-25). */
  readonly editions?: readonly ReportEdition[];
  readonly statusSummary: StatusSummary;
  /** ISO timestamp; null for a draft. */
  readonly publishedAt: string | null;
  /**
   * When a report whose publication date was set in the past was really published
   * ("nachgetragen am …"); absent otherwise.
   */
  readonly recordedAt?: string;
  /** The report's number in its municipality (absent in documents of before 2026-12-10). */
  readonly number?: number;
  /**
   * The report's parts in their order (free sections and the projects block); absent or
   * empty in a report without free sections, shown in the order of before.
   */
  readonly blocks?: readonly ReportBlock[];
}

/** A project of the catalogue as the report needs it. */
export interface CatalogueProjectRef {
  readonly slug: string;
  readonly code: string;
  readonly title: string;
}

/** An action field of the catalogue with its projects, in catalogue order. */
export interface CatalogueSectionRef {
  readonly key: string;
  readonly number: number;
  readonly name: string;
  readonly colour: string;
  /** Empty in a flat programme, whose one structural area is never named. */
  readonly impactAreaName: string;
  /** The municipality's name of the level ("Aktionsfeld", "Thema"); Kleve's when absent. */
  readonly levelName?: string | undefined;
  readonly projects: readonly CatalogueProjectRef[];
}

/** A report entry as stored. */
export interface StoredReportEntry extends ReportEntry {
  readonly highlights: readonly string[];
  readonly newDate: string | null;
  readonly isIncluded: boolean;
}

/** A key figure with all its observations. */
export interface IndicatorSeries {
  readonly indicator: Indicator;
  readonly chartKind: ChartKind;
  readonly observations: readonly Observation[];
}

/** Everything `assembleReportDocument` needs; the report's own facts are the document's. */
export interface ReportAssemblyInput extends Pick<
  ReportDocument,
  | "id"
  | "state"
  | "municipality"
  | "programmeTitle"
  | "title"
  | "meeting"
  | "asOf"
  | "previous"
> {
  /** Keys of the action fields that appear; null: all. */
  readonly sectionKeys: readonly string[] | null;
  readonly includeOzg: boolean;
  readonly outlook: readonly OutlookItem[];
  readonly catalogue: readonly CatalogueSectionRef[];
  readonly entries: readonly StoredReportEntry[];
  /** Changes from the audit log per project slug. */
  readonly changes: ReadonlyMap<string, readonly ReportChange[]>;
  readonly indicators: readonly IndicatorSeries[];
  readonly services: readonly Service[];
  readonly publishedAt: string | null;
  /** The statuses the previous report gave, by project slug (a change is a line of its own). */
  readonly previousStatuses?: ReadonlyMap<string, ReportStatus | null>;
  /** All editions of the catalogue; those between the two as-of dates are named in the report. */
  readonly editions?: readonly ReportEdition[];
  /** The report's free sections (and the projects block) in their order. */
  readonly freeSections?: readonly StoredReportSection[];
}

/** The German label of a canonical point in time ("2023-Q1" → "QI/2023"), or the text itself. */
export function pointLabel(canonical: string): string {
  const parsed = parsePointInTime(canonical);
  return parsed === null ? canonical : formatPointInTimeGerman(parsed);
}

function figureOf(
  series: IndicatorSeries,
  asOf: number,
  previousAsOf: number | null,
): ReportFigure | null {
  const current = valueAt(series.observations, asOf);
  if (current === null) return null;
  return {
    indicator: series.indicator,
    chartKind: series.chartKind,
    observations: observationsUpTo(series.observations, asOf),
    current,
    change:
      previousAsOf === null
        ? null
        : changeBetween(series.observations, previousAsOf, asOf),
  };
}

/** "Mitarbeitende im Mobile Office: 120 von 565 (21,2 %) → 144 von 572 (25,2 %)". */
function figureChangeLine(figure: ReportFigure): ReportChange | null {
  const change = figure.change;
  if (change === null || change.to === null) return null;
  if (change.from === null) {
    return {
      kind: "figure",
      text: `${figure.indicator.name}: ${formatObservationGerman(change.to, figure.indicator)} (Stand ${formatGermanDate(change.to.day)}, erstmals erfasst)`,
    };
  }
  if (change.from.day === change.to.day) return null;
  // A rise from nothing is no change from zero: the figure is new.
  if (change.from.value === 0 && change.to.value !== 0) {
    return {
      kind: "figure",
      text: `${figure.indicator.name}: ${formatObservationGerman(change.to, figure.indicator)} (Stand ${formatGermanDate(change.to.day)}, neu)`,
    };
  }
  return {
    kind: "figure",
    text:
      `${figure.indicator.name}: ${formatObservationGerman(change.from, figure.indicator)} → ${formatObservationGerman(change.to, figure.indicator)} ` +
      `(Stand ${formatGermanDate(change.to.day)})`,
  };
}

/**
 * The sections a report shows (the chosen ones, all when none are chosen, in catalogue
 * order), each with the projects its entries do not leave out. Needs no figures, changes
 * or register: the dashboard asks this of every draft.
 */
export function shownSections(
  catalogue: readonly CatalogueSectionRef[],
  sectionKeys: readonly string[] | null,
  entries: readonly Pick<StoredReportEntry, "projectSlug" | "isIncluded">[],
): readonly CatalogueSectionRef[] {
  const wanted = sectionKeys === null ? null : new Set(sectionKeys);
  const left = new Set(
    entries
      .filter((entry) => !entry.isIncluded)
      .map((entry) => entry.projectSlug),
  );
  return catalogue
    .filter((section) => wanted === null || wanted.has(section.key))
    .map((section) => ({
      ...section,
      projects: section.projects.filter((project) => !left.has(project.slug)),
    }));
}

/**
 * Assembles the report. Sections follow the catalogue; a project appears unless its entry
 * leaves it out; its figures are the key figures linked to it that have a value on the
 * as-of date; its changes are the audit log's lines plus one line per figure that moved.
 */
export function assembleReportDocument(
  input: ReportAssemblyInput,
): ReportDocument {
  const entries = new Map(
    input.entries.map((entry) => [entry.projectSlug, entry]),
  );
  const previousAsOf = input.previous?.asOf ?? null;
  const figuresByProject = new Map<string, ReportFigure[]>();
  const unlinked: ReportFigure[] = [];
  for (const series of input.indicators) {
    const figure = figureOf(series, input.asOf, previousAsOf);
    if (figure === null) continue;
    const slug = series.indicator.projectSlug;
    if (slug === null) unlinked.push(figure);
    else
      figuresByProject.set(slug, [
        ...(figuresByProject.get(slug) ?? []),
        figure,
      ]);
  }
  const shownSlugs = new Set<string>();
  const sections: ReportSection[] = [];
  for (const section of shownSections(
    input.catalogue,
    input.sectionKeys,
    input.entries,
  )) {
    const projects: ReportProjectEntry[] = [];
    for (const project of section.projects) {
      const entry = entries.get(project.slug);
      shownSlugs.add(project.slug);
      const figures = figuresByProject.get(project.slug) ?? [];
      const figureLines = figures
        .map(figureChangeLine)
        .filter((line): line is ReportChange => line !== null);
      const before = input.previousStatuses?.get(project.slug) ?? null;
      const now = entry?.status ?? null;
      const statusLines: ReportChange[] =
        before !== null && now !== null && before !== now
          ? [
              {
                kind: "status",
                text: `Status im Bericht: ${reportStatusLabel(before)} → ${reportStatusLabel(now)}`,
              },
            ]
          : [];
      projects.push({
        slug: project.slug,
        code: project.code,
        title: project.title,
        status: entry?.status ?? null,
        text: entry?.text ?? "",
        highlights: entry?.highlights ?? [],
        newDate: entry?.newDate ?? null,
        newDateLabel: entry?.newDate == null ? null : pointLabel(entry.newDate),
        isUnchanged: entry?.isUnchanged ?? false,
        changes: [
          ...statusLines,
          ...(input.changes.get(project.slug) ?? []),
          ...figureLines,
        ],
        figures,
      });
    }
    sections.push({
      key: section.key,
      number: section.number,
      name: section.name,
      colour: section.colour,
      impactAreaName: section.impactAreaName,
      levelName: section.levelName,
      projects,
    });
  }
  // A figure of a project left out of the report still counts: it is shown on its own.
  for (const [slug, figures] of figuresByProject) {
    if (!shownSlugs.has(slug)) unlinked.push(...figures);
  }
  const shownEntries: ReportEntry[] = sections.flatMap((section) =>
    section.projects.map((project) => ({
      projectSlug: project.slug,
      status: project.status,
      text: project.text,
      isUnchanged: project.isUnchanged,
    })),
  );
  const blocks = assembleBlocks(input, previousAsOf);
  const shownInTopics = new Set(
    blocks.flatMap((block) =>
      block.kind === "topic"
        ? block.figures.map((figure) => figure.indicator.key)
        : [],
    ),
  );
  const hasRegister = input.services.length > 0;
  return {
    format: REPORT_DOCUMENT_FORMAT,
    id: input.id,
    state: input.state,
    municipality: input.municipality,
    programmeTitle: input.programmeTitle,
    title: input.title,
    meeting: input.meeting,
    asOf: input.asOf,
    previous: input.previous,
    sections,
    // A figure a topic section shows is not repeated among the other figures.
    otherFigures: unlinked.filter(
      (figure) => !shownInTopics.has(figure.indicator.key),
    ),
    ozg:
      input.includeOzg && hasRegister
        ? {
            figures: aggregateOzgFigures(input.services, input.asOf),
            previous:
              previousAsOf === null
                ? null
                : aggregateOzgFigures(input.services, previousAsOf),
          }
        : null,
    outlook: input.outlook,
    editions: (input.editions ?? []).filter(
      (edition) =>
        edition.publishedOn <= input.asOf &&
        (previousAsOf === null || edition.publishedOn > previousAsOf),
    ),
    statusSummary: summariseStatuses(shownEntries),
    publishedAt: input.publishedAt,
    ...(blocks.length === 0 ? {} : { blocks }),
  };
}

/** The free sections as document blocks; the projects block at the end when not placed. */
function assembleBlocks(
  input: ReportAssemblyInput,
  previousAsOf: number | null,
): readonly ReportBlock[] {
  const stored = [...(input.freeSections ?? [])].sort(
    (a, b) => a.position - b.position,
  );
  if (stored.length === 0) return [];
  const series = new Map(
    input.indicators.map((each) => [each.indicator.key, each]),
  );
  const projects = new Map(
    input.catalogue.flatMap((section) =>
      section.projects.map((project) => [project.slug, project] as const),
    ),
  );
  const blocks: ReportBlock[] = stored.map((section): ReportBlock => {
    switch (section.kind) {
      case "projects":
        return { kind: "projects" };
      case "introduction":
      case "outlook":
        return {
          kind: section.kind,
          heading: section.heading,
          text: section.text,
        };
      case "survey":
        return {
          kind: "survey",
          heading: section.heading,
          text: section.text,
          question: section.question,
          unit: section.unit,
          answers: surveyShares(section.unit, section.answers),
        };
      case "topic":
        return {
          kind: "topic",
          heading: section.heading,
          text: section.text,
          figures: section.figureKeys.flatMap((key) => {
            const each = series.get(key);
            const figure =
              each === undefined
                ? null
                : figureOf(each, input.asOf, previousAsOf);
            return figure === null ? [] : [figure];
          }),
          projects: section.projectSlugs.flatMap((slug) => {
            const project = projects.get(slug);
            return project === undefined
              ? []
              : [
                  {
                    slug: project.slug,
                    code: project.code,
                    title: project.title,
                  },
                ];
          }),
        };
    }
  });
  return blocks.some((block) => block.kind === "projects")
    ? blocks
    : [...blocks, { kind: "projects" }];
}

/**
 * The report's parts in order: its blocks, or for a report without free sections the
 * projects block alone (the projects, other figures, OZG part and outlook of before).
 */
export function reportBlocks(document: ReportDocument): readonly ReportBlock[] {
  return document.blocks === undefined || document.blocks.length === 0
    ? [{ kind: "projects" }]
    : document.blocks;
}

/** Whether the outlook list is shown in an outlook section (else after everything). */
export function hasOutlookSection(document: ReportDocument): boolean {
  return reportBlocks(document).some((block) => block.kind === "outlook");
}

/** Every project of the document, section by section. */
export function reportProjects(
  document: ReportDocument,
): readonly ReportProjectEntry[] {
  return document.sections.flatMap((section) => section.projects);
}

/** Every figure of the document: those of the projects, then the others. */
export function reportFigures(
  document: ReportDocument,
): readonly ReportFigure[] {
  return [
    ...reportProjects(document).flatMap((project) => project.figures),
    ...document.otherFigures,
  ];
}

/** Whether a project implements the Onlinezugangsgesetz ("1.3 Umsetzung Onlinezugangsgesetz (OZG)"). */
function isOzgProject(project: { readonly title: string }): boolean {
  return /onlinezugangsgesetz|\bOZG\b/i.test(project.title);
}

/**
 * The project the report's OZG figures stand with, in its action field: the first that
 * implements the OZG; null when none does (the figures then follow all sections).
 */
export function ozgProjectOf(
  document: ReportDocument,
): ReportProjectEntry | null {
  return reportProjects(document).find(isOzgProject) ?? null;
}
