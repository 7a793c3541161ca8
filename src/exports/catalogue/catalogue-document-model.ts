/**
 * The catalogue document of an edition (Maßnahmenkatalog, e.g. "2. Fortschreibung") as a
 * format-neutral model, in the structure of the source document: foreword, structure
 * overview, timeline picture, then per action field each project with Zeitraum,
 * Einzelmaßnahmen and Zuständigkeit, and the section "Veränderungen gegenüber der letzten
 * Fortschreibung" with the reasons. The DOCX renderer (exports/docx) and the print view
 * behind the PDF (exports/pdf) draw the same model, so both documents say the same.
 */
import { plural } from "../../domain/plural.js";
import { formatMeasurePeriodGerman } from "../../domain/catalogue/measure-period.js";
import type {
  ChangeReport,
  ReportReason,
} from "../../domain/edition/change-report.js";
import type { Catalogue, Priority } from "../../domain/catalogue/catalogue.js";
import {
  isDefaultLevels,
  type CatalogueLevels,
} from "../../domain/catalogue/levels.js";
import {
  changedProjectsIn,
  isProjectChange,
  isShift,
} from "../../domain/edition/catalogue-change.js";
import {
  describeChangeGerman,
  describeShiftCountGerman,
} from "../../i18n/change-description.js";
import { type Edition } from "../../domain/edition/edition.js";
import type { PublicItem } from "../../domain/participation/participation.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import {
  formatIsoDateGerman,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import {
  collectRemarks,
  phaseSentence,
  reasonsSentence,
} from "../../domain/period/period-sentence.js";
import { PERIOD_WORDS_DE } from "../../i18n/period-words.js";
import { figuresAsOf } from "../../domain/indicator/figure-text.js";

/** A picture for a document: PNG bytes and its size in CSS pixels. */
export interface DocumentPicture {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** One project in the detail section. */
export interface DocumentProject {
  readonly code: string;
  readonly title: string;
  readonly summary: string;
  /** "Erstellung: 2020–2023", "Daueraufgabe seit 2020", "Durchführung: 2024–2030¹". */
  readonly periods: readonly string[];
  readonly measures: readonly string[];
  /** "Fachbereich 10 – Abteilung 10.1 (federführend), WTM Kleve GmbH (beteiligt)". */
  readonly responsibility: string;
}

/** One action field with its projects. */
export interface DocumentField {
  /** "Digitale Verwaltung; Aktionsfeld 1: Strategieplanung". */
  readonly heading: string;
  readonly key: string;
  readonly colour: string;
  readonly description: string | null;
  readonly projects: readonly DocumentProject[];
  /** The text alternative of the field's timeline picture. */
  readonly timelineAlt: string;
}

/** The timeline picture of one action field, drawn at print size with its legend. */
export interface DocumentTimeline {
  /** The field's key. */
  readonly key: string;
  readonly picture: DocumentPicture;
  readonly alt: string;
}

/** A change line with its reason. */
export interface DocumentChange {
  readonly text: string;
  /** "Verzögerung aufgrund OZG-Aufwand", "Personal: …"; null when the change needs none. */
  readonly reason: string | null;
  readonly isShift: boolean;
}

/** The changes of one action field, per project. */
export interface DocumentChangeField {
  readonly heading: string;
  readonly key: string;
  /** "4 Veränderungen, davon 2 Verschiebungen". */
  readonly counts: string;
  readonly projects: readonly DocumentChangedProject[];
}

/** A project's changes; a reason all its shifts share is said once, for the project. */
export interface DocumentChangedProject {
  readonly title: string;
  /** The reason of every shift of the project, when they share one; their own is then null. */
  readonly reason: string | null;
  readonly changes: readonly DocumentChange[];
}

/**
 * A project's changes with the reason they share said once: two shifts of one phase
 * "Grund: Verzögerung aufgrund OZG-Aufwand" twice read as a form, not as a text.
 */
export function changedProject(
  title: string,
  changes: readonly DocumentChange[],
): DocumentChangedProject {
  const reasons = new Set(
    changes.flatMap((change) => (change.isShift ? [change.reason] : [])),
  );
  const [shared] = reasons;
  if (reasons.size !== 1 || shared === null || shared === undefined)
    return { title, reason: null, changes };
  return {
    title,
    reason: shared,
    changes: changes.map((change) => ({ ...change, reason: null })),
  };
}

/** The section "Veränderungen gegenüber der letzten Fortschreibung". */
export interface DocumentChanges {
  readonly previousTitle: string;
  /** "31 Veränderungen, davon 24 Verschiebungen". */
  readonly summary: string;
  /** "15 Verschiebungen wegen OZG-Aufwand", … */
  readonly reasonCounts: readonly string[];
  readonly programme: readonly DocumentChange[];
  readonly fields: readonly DocumentChangeField[];
}

/** An idea or piece of feedback taken up in the edition (public data only: no submitter). */
export interface DocumentIdea {
  readonly title: string;
  /** "übernommen in: 1.1 Digitalisierungsstrategie, Maßnahme Online-Termine". */
  readonly takenUpIn: string;
  /** The published reason of the decision, if any. */
  readonly note: string | null;
}

/**
 * The published ideas taken up in an edition, for the documents that carry its change
 * report; the project is named as in the edition's catalogue.
 */
export function documentIdeasOf(
  catalogue: Catalogue,
  items: readonly PublicItem[],
): readonly DocumentIdea[] {
  const projects = new Map(
    listProjects(catalogue).map(({ project }) => [
      project.slug,
      `${project.code} ${project.title}`,
    ]),
  );
  return items.flatMap((item) => {
    if (item.title === null) return [];
    const status = item.status === "implemented" ? "umgesetzt" : "übernommen";
    const where = [
      item.link.projectSlug === null
        ? null
        : (projects.get(item.link.projectSlug) ?? item.link.projectSlug),
      item.link.measureTitle === null
        ? null
        : `Maßnahme „${item.link.measureTitle}“`,
    ].filter((each): each is string => each !== null);
    return [
      {
        title: item.title,
        takenUpIn:
          where.length === 0 ? status : `${status} in: ${where.join(", ")}`,
        note: item.decisionNote,
      },
    ];
  });
}

/** The whole document. */
export interface CatalogueDocumentModel {
  readonly municipalityName: string;
  readonly programmeTitle: string;
  readonly subtitle: string | null;
  readonly editionTitle: string;
  readonly editionNumber: number;
  /** "31.03.2022". */
  readonly publishedOn: string;
  readonly councilReference: string | null;
  readonly councilUrl: string | null;
  readonly horizon: string;
  readonly foreword: readonly string[];
  readonly summary: string | null;
  /** The programme's level names; a flat programme's structure has no area headings. */
  readonly levels: CatalogueLevels;
  /** "Wirkungsbereiche und Aktionsfelder"; "Themen" in a flat programme. */
  readonly structureTitle: string;
  readonly structure: readonly {
    /** null for a flat programme's one structural area, which is never named. */
    readonly name: string | null;
    readonly description: string | null;
    readonly fields: readonly {
      readonly label: string;
      readonly colour: string;
      readonly projects: readonly string[];
    }[];
  }[];
  /** The text alternative of the timeline picture. */
  readonly timelineAlt: string;
  readonly priorities: {
    readonly year: number;
    readonly items: readonly string[];
  } | null;
  readonly fields: readonly DocumentField[];
  /** Notes that recur at many phases, said once: "¹ Beginn im Katalog nicht genannt; …". */
  readonly periodRemarks: readonly string[];
  readonly changes: DocumentChanges | null;
  /** Ideas and feedback taken up in this edition (participation), with the change report. */
  readonly takenUpIdeas: readonly DocumentIdea[];
}

const ROLE = { lead: "federführend", contributing: "beteiligt" } as const;

/** Paragraphs of a text separated by blank lines. */
export function paragraphsOf(text: string | null): readonly string[] {
  if (text === null) return [];
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
}

/** "Verzögerung aufgrund OZG-Aufwand"; "Personal: Verzögerung aufgrund von erhöhtem Support". */
function reasonText(reasons: readonly ReportReason[]): string | null {
  return reasonsSentence(reasons, PERIOD_WORDS_DE);
}

/** "Digitale Verwaltung; Aktionsfeld 1: Strategieplanung"; "Thema 1: E-Akte" when flat. */
function fieldHeading(
  levels: CatalogueLevels,
  areaName: string,
  field: { readonly number: number; readonly name: string },
): string {
  const label = `${levels.actionField.singular} ${field.number}: ${field.name}`;
  return levels.flat ? label : `${areaName}; ${label}`;
}

function latestPriorities(
  priorities: readonly Priority[],
  catalogue: Catalogue,
): CatalogueDocumentModel["priorities"] {
  if (priorities.length === 0) return null;
  const year = Math.max(...priorities.map((priority) => priority.year));
  const titles = new Map(
    catalogue.impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map(
          (project) =>
            [project.slug, `${project.code} ${project.title}`] as const,
        ),
      ),
    ),
  );
  return {
    year,
    items: priorities
      .filter((priority) => priority.year === year)
      .map((priority) => {
        const projects = priority.projectSlugs.flatMap((slug) => {
          const title = titles.get(slug);
          return title === undefined ? [] : [title];
        });
        return projects.length === 0
          ? priority.title
          : `${priority.title} (${projects.join(", ")})`;
      }),
  };
}

/** The changes section of a report. */
export function changesOf(report: ChangeReport): DocumentChanges {
  const toChange = (
    change: ChangeReport["diff"]["changes"][number],
  ): DocumentChange => ({
    text: describeChangeGerman(change),
    reason: isShift(change)
      ? (reasonText(report.reasons.get(change.key) ?? []) ?? "Grund fehlt")
      : null,
    isShift: isShift(change),
  });
  const fields = report.diff.summary.byActionField
    .filter((field) => field.changeCount > 0)
    .map((field): DocumentChangeField => {
      return {
        heading: fieldHeading(
          report.after.programme.levels,
          field.impactArea.name,
          field.actionField,
        ),
        key: field.actionField.key,
        counts: `${plural(field.changeCount, "Veränderung", "Veränderungen")}, davon ${plural(field.shiftCount, "Verschiebung", "Verschiebungen")}`,
        projects: changedProjectsIn(
          report.diff.changes,
          field.actionField.id,
        ).map((project) =>
          changedProject(project.title, project.changes.map(toChange)),
        ),
      };
    });
  return {
    previousTitle: report.from.title,
    summary: `${plural(report.diff.summary.changeCount, "Veränderung", "Veränderungen")}, davon ${plural(report.diff.summary.shiftCount, "Verschiebung", "Verschiebungen")}`,
    reasonCounts: [
      ...report.counts.byCategory.map((entry) =>
        describeShiftCountGerman(entry.count, entry.category),
      ),
      ...(report.counts.withoutReason === 0
        ? []
        : [
            `${plural(report.counts.withoutReason, "Verschiebung", "Verschiebungen")} ohne Grund`,
          ]),
    ],
    programme: report.diff.changes
      .filter((change) => !isProjectChange(change))
      .map(toChange),
    fields,
  };
}

/** Builds the document of an edition; `report` compares it with the previous edition (null for the first). */
export function buildCatalogueDocumentModel(
  edition: Edition,
  report: ChangeReport | null,
  ideas: readonly DocumentIdea[] = [],
): CatalogueDocumentModel {
  const { catalogue } = edition;
  const { programme } = catalogue;
  const { levels } = programme;
  const units = new Map(
    catalogue.orgUnits.map((unit) => [unit.code, unit.name]),
  );
  const allPhases = catalogue.impactAreas.flatMap((area) =>
    area.actionFields.flatMap((field) =>
      field.projects.flatMap((project) => project.phases),
    ),
  );
  const remarks = collectRemarks(allPhases, PERIOD_WORDS_DE);
  const asOf = parseIsoDate(edition.publishedOn);
  const projectCount = catalogue.impactAreas.reduce(
    (sum, area) =>
      sum +
      area.actionFields.reduce(
        (inner, field) => inner + field.projects.length,
        0,
      ),
    0,
  );
  return {
    municipalityName: catalogue.municipality.name,
    programmeTitle: programme.title,
    subtitle: programme.subtitle,
    editionTitle: edition.title,
    editionNumber: edition.number,
    publishedOn: formatIsoDateGerman(edition.publishedOn),
    councilReference: edition.councilReference,
    councilUrl: edition.councilUrl,
    horizon: `${programme.horizonStart}–${programme.horizonEnd}`,
    foreword: paragraphsOf(edition.foreword),
    summary: programme.summary,
    levels,
    structureTitle: levels.flat
      ? levels.actionField.plural
      : `${levels.impactArea.plural} und ${levels.actionField.plural}`,
    structure: catalogue.impactAreas.map((area) => ({
      name: levels.flat ? null : area.name,
      description: levels.flat ? null : area.description,
      fields: area.actionFields.map((field) => ({
        label: `${levels.actionField.singular} ${field.number}: ${field.name}`,
        colour: field.colour,
        projects: field.projects.map(
          (project) => `${project.code} ${project.title}`,
        ),
      })),
    })),
    timelineAlt: isDefaultLevels(levels)
      ? `Zeitstrahl der ${plural(projectCount, "Projekt", "Projekte")} der ${edition.title} von ${programme.horizonStart} bis ${programme.horizonEnd}, gruppiert nach Aktionsfeld; die Zeiträume stehen bei jedem Projekt im Text.`
      : `Zeitstrahl der ${edition.title} von ${programme.horizonStart} bis ${programme.horizonEnd}: ${plural(projectCount, levels.project.singular, levels.project.plural)}, gruppiert nach ${levels.actionField.singular}; die Zeiträume stehen im Text.`,
    priorities: latestPriorities(programme.priorities, catalogue),
    fields: catalogue.impactAreas.flatMap((area) =>
      area.actionFields.map((field) => ({
        heading: fieldHeading(levels, area.name, field),
        key: field.key,
        colour: field.colour,
        description: field.description,
        timelineAlt: `Zeitstrahl ${fieldHeading(levels, area.name, field)}: ${plural(field.projects.length, levels.project.singular, levels.project.plural)} von ${programme.horizonStart} bis ${programme.horizonEnd}, mit Legende; die Zeiträume stehen auch im Text.`,
        projects: field.projects.map((project) => ({
          code: project.code,
          title: project.title,
          summary:
            asOf === null
              ? project.summary
              : figuresAsOf(project.summary, asOf),
          periods: project.phases.map((phase) =>
            phaseSentence(phase, PERIOD_WORDS_DE, { asOf, remarks }),
          ),
          measures: project.measures.map((measure) => {
            const facts = [
              formatMeasurePeriodGerman(measure),
              measure.orgUnitCode == null
                ? null
                : `zuständig: ${units.get(measure.orgUnitCode) ?? measure.orgUnitCode}`,
              measure.phaseLabel == null ? null : `Phase ${measure.phaseLabel}`,
            ].filter((fact): fact is string => fact !== null);
            return (
              measure.title +
              (facts.length === 0 ? "" : ` (${facts.join("; ")})`) +
              (measure.description == null ? "" : ` – ${measure.description}`)
            );
          }),
          responsibility: [...project.responsibilities]
            .sort((a, b) =>
              a.role === b.role ? 0 : a.role === "lead" ? -1 : 1,
            )
            .map(
              (responsibility) =>
                `${units.get(responsibility.orgUnitCode) ?? responsibility.orgUnitCode} (${ROLE[responsibility.role]}${responsibility.note === null ? "" : `: ${responsibility.note}`})`,
            )
            .join(", "),
        })),
      })),
    ),
    periodRemarks: remarks.lines,
    changes: report === null ? null : changesOf(report),
    takenUpIdeas: ideas,
  };
}
