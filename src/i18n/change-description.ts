/**
 * German sentences for the change report, the publishing check and the committee
 * documents ("Zeitraum Umsetzung: Ende von 2023 auf QII/2024 verschoben (1 Jahr später)").
 *
 * Project-level changes name the project; changes inside a project (phases, measures,
 * responsibilities, dependencies) read as lines under the project's heading, and get the
 * project in front with `withProject` for flat lists.
 */

import type {
  MeasureStatus,
  ProjectStatus,
  ResponsibilityRole,
} from "../domain/catalogue/catalogue.js";
import type { Continuation } from "../domain/period/period.js";
import {
  formatPointInTimeGerman,
  formatShiftGerman,
} from "../domain/period/point-in-time.js";
import type { PointInTime } from "../domain/period/point-in-time.js";
import { isProjectChange } from "../domain/edition/catalogue-change.js";
import type {
  CatalogueChange,
  ProjectMention,
  ProjectRef,
} from "../domain/edition/catalogue-change.js";
import type { DependencyConflict } from "../domain/edition/dependency-conflicts.js";
import {
  CATCH_ALL_CATEGORY_KEY,
  periodText,
  phaseName,
  shiftCountSentence,
} from "../domain/period/period-sentence.js";
import type { Period } from "../domain/period/period.js";
import { PERIOD_WORDS_DE } from "./period-words.js";

// The words of the UI (de.ts), in the grammatical form these sentences need.
const PROJECT_STATUS_GERMAN: Readonly<Record<ProjectStatus, string>> = {
  planned: "geplant",
  in_progress: "in Umsetzung",
  ongoing: "laufend/Daueraufgabe",
  completed: "abgeschlossen",
  paused: "ruhend",
};

const MEASURE_STATUS_GERMAN: Readonly<Record<MeasureStatus, string>> = {
  planned: "geplant",
  in_progress: "in Umsetzung",
  done: "erledigt",
  dropped: "entfallen",
};

const ROLE_GERMAN: Readonly<Record<ResponsibilityRole, string>> = {
  lead: "federführend",
  contributing: "beteiligt",
};

function continuationGerman(continuation: Continuation | null): string {
  switch (continuation) {
    case "ongoing":
      return "danach laufend";
    case "permanent":
      return "Daueraufgabe";
    case "undecided":
      return "Ende noch offen";
    case null:
      return "ohne Fortführung";
  }
}

function point(p: PointInTime): string {
  return formatPointInTimeGerman(p);
}

/** "2.1 Dokumentenmanagementsystem". */
function projectName(project: ProjectRef): string {
  return `${project.code} ${project.title}`;
}

/** "2.1 Dokumentenmanagementsystem", or the slug when the project is unknown. */
function mentionName(mention: ProjectMention): string {
  if (mention.title === null) return mention.slug;
  return mention.code === null
    ? mention.title
    : `${mention.code} ${mention.title}`;
}

/** "Zeitraum Umsetzung", or "Zeitraum" for a phase labelled so (never "Zeitraum Zeitraum"). */
function phaseTitle(label: string): string {
  const name = phaseName(label, PERIOD_WORDS_DE);
  return name === null ? "Zeitraum" : `Zeitraum ${name}`;
}

/** "Zeitraum Umsetzung (2020–2023)", "Daueraufgabe (seit 2020)": the standing task named once. */
function phaseWithPeriod(label: string, period: Period): string {
  const name = phaseName(label, PERIOD_WORDS_DE);
  if (
    period.continuation === "permanent" &&
    (name === null || name === PERIOD_WORDS_DE.permanentWord)
  )
    return `Zeitraum ${periodText(period, PERIOD_WORDS_DE)}`;
  return `${phaseTitle(label)} (${periodText(period, PERIOD_WORDS_DE)})`;
}

function quoted(text: string): string {
  return `„${text}“`;
}

function describe(change: CatalogueChange): string {
  switch (change.kind) {
    case "programme-horizon-changed":
      return `Zeithorizont von ${change.from.startYear}–${change.from.endYear} auf ${change.to.startYear}–${change.to.endYear} geändert`;
    case "priority-added":
      return `Priorität ${change.year} ${quoted(change.title)} neu aufgenommen`;
    case "priority-removed":
      return `Priorität ${change.year} ${quoted(change.title)} gestrichen`;
    case "priority-projects-changed": {
      const parts: string[] = [];
      if (change.added.length > 0) {
        parts.push(`neu: ${change.added.map(mentionName).join(", ")}`);
      }
      if (change.removed.length > 0) {
        parts.push(`nicht mehr: ${change.removed.map(mentionName).join(", ")}`);
      }
      return `Priorität ${change.year} ${quoted(change.title)}: Projekte geändert (${parts.join("; ")})`;
    }
    case "project-added":
      return `Projekt ${projectName(change.project)} neu aufgenommen`;
    case "project-removed":
      return `Projekt ${projectName(change.project)} gestrichen`;
    case "project-renamed":
      return `Projekt ${change.project.code} ${quoted(change.from)} umbenannt in ${quoted(change.to)}`;
    case "project-code-changed":
      return `Projekt ${change.project.title}: Nummer von ${change.from} auf ${change.to} geändert`;
    case "project-moved": {
      const area = change.impactAreaChanged
        ? ` im Wirkungsbereich ${change.to.impactArea.name}`
        : "";
      return `Projekt ${projectName(change.project)} jetzt im Aktionsfeld ${change.to.actionField.number} ${change.to.actionField.name}${area} (bisher ${change.from.actionField.number} ${change.from.actionField.name})`;
    }
    case "project-status-changed":
      return `Projekt ${projectName(change.project)}: Status von ${quoted(PROJECT_STATUS_GERMAN[change.from])} auf ${quoted(PROJECT_STATUS_GERMAN[change.to])} geändert`;
    case "project-finished-early":
      return `Projekt ${projectName(change.project)} früher abgeschlossen als geplant: ${point(change.to)} statt ${point(change.from)} (${formatShiftGerman(change.shift)})`;
    case "project-finished-late":
      return `Projekt ${projectName(change.project)} später abgeschlossen als geplant: ${point(change.to)} statt ${point(change.from)} (${formatShiftGerman(change.shift)})`;
    case "phase-added":
      return `${phaseWithPeriod(change.phase.label, change.period)} neu aufgenommen`;
    case "phase-removed":
      return `${phaseWithPeriod(change.phase.label, change.period)} gestrichen`;
    case "phase-relabelled":
      return `Zeitraum ${quoted(change.from)} umbenannt in ${quoted(change.to)}`;
    case "phase-start-shifted":
      return `${phaseTitle(change.phase.label)}: Beginn von ${point(change.from)} auf ${point(change.to)} verschoben (${formatShiftGerman(change.shift)})`;
    case "phase-end-shifted":
      return `${phaseTitle(change.phase.label)}: Ende von ${point(change.from)} auf ${point(change.to)} verschoben (${formatShiftGerman(change.shift)})`;
    case "phase-start-precision-changed":
      return `${phaseTitle(change.phase.label)}: Beginn von ${point(change.from)} auf ${point(change.to)} ${change.precision === "finer" ? "präzisiert" : "vergröbert"}`;
    case "phase-end-precision-changed":
      return `${phaseTitle(change.phase.label)}: Ende von ${point(change.from)} auf ${point(change.to)} ${change.precision === "finer" ? "präzisiert" : "vergröbert"}`;
    case "phase-open-end-added":
      if (change.continuation.to === "undecided")
        return `${phaseTitle(change.phase.label)}: Ende jetzt noch offen (bisher ${point(change.from)})`;
      return `${phaseTitle(change.phase.label)}: kein Ende mehr (bisher ${point(change.from)}), ${continuationGerman(change.continuation.to)}`;
    case "phase-open-end-removed":
      if (change.continuation.from === "undecided")
        return `${phaseTitle(change.phase.label)}: Ende festgelegt auf ${point(change.to)} (bisher noch offen)`;
      return `${phaseTitle(change.phase.label)}: endet jetzt ${point(change.to)} (bisher ohne Ende)`;
    case "phase-continuation-changed":
      return `${phaseTitle(change.phase.label)}: Fortführung von ${quoted(continuationGerman(change.from))} auf ${quoted(continuationGerman(change.to))} geändert`;
    case "measure-added":
      return `Einzelmaßnahme ${quoted(change.measure.title)} neu aufgenommen`;
    case "measure-removed":
      return `Einzelmaßnahme ${quoted(change.measure.title)} gestrichen`;
    case "measure-renamed":
      return `Einzelmaßnahme ${quoted(change.from)} umbenannt in ${quoted(change.to)}`;
    case "measure-status-changed":
      return measureStatusSentence(
        change.measure.title,
        change.from,
        change.to,
      );
    case "measure-start-shifted":
      return `Einzelmaßnahme ${quoted(change.measure.title)}: Beginn von ${point(change.from)} auf ${point(change.to)} verschoben (${formatShiftGerman(change.shift)})`;
    case "measure-end-shifted":
      return `Einzelmaßnahme ${quoted(change.measure.title)}: Ende von ${point(change.from)} auf ${point(change.to)} verschoben (${formatShiftGerman(change.shift)})`;
    case "responsibility-added":
      return `Zuständigkeit: ${change.orgUnit.name} neu ${ROLE_GERMAN[change.role]}`;
    case "responsibility-removed":
      return `Zuständigkeit: ${change.orgUnit.name} nicht mehr ${ROLE_GERMAN[change.role]}`;
    case "responsibility-role-changed":
      return `Zuständigkeit: ${change.orgUnit.name} jetzt ${ROLE_GERMAN[change.to]} (bisher ${ROLE_GERMAN[change.from]})`;
    case "dependency-added":
      return `Neue Abhängigkeit: setzt ${mentionName(change.prerequisite)} voraus`;
    case "dependency-removed":
      return `Abhängigkeit entfallen: setzt ${mentionName(change.prerequisite)} nicht mehr voraus`;
  }
}

function measureStatusSentence(
  title: string,
  from: MeasureStatus,
  to: MeasureStatus,
): string {
  if (to === "done") return `Einzelmaßnahme ${quoted(title)} erledigt`;
  if (to === "dropped") return `Einzelmaßnahme ${quoted(title)} entfallen`;
  if (from === "planned" && to === "in_progress") {
    return `Einzelmaßnahme ${quoted(title)} begonnen`;
  }
  return `Einzelmaßnahme ${quoted(title)}: Status von ${quoted(MEASURE_STATUS_GERMAN[from])} auf ${quoted(MEASURE_STATUS_GERMAN[to])} geändert`;
}

// Project-level kinds already name the project.
const NAMES_PROJECT: ReadonlySet<CatalogueChange["kind"]> = new Set([
  "project-added",
  "project-removed",
  "project-renamed",
  "project-code-changed",
  "project-moved",
  "project-status-changed",
  "project-finished-early",
  "project-finished-late",
]);

/**
 * A project-level change as it reads under its project's name (a heading, a table row):
 * the project is not named again ("Status von „geplant“ auf „in Umsetzung“ geändert",
 * not "Projekt 1.2 Social Media: Status …"). Null for the other kinds.
 */
function describeUnderProject(change: CatalogueChange): string | null {
  switch (change.kind) {
    case "project-added":
      return "Neu aufgenommen";
    case "project-removed":
      return "Gestrichen";
    case "project-renamed":
      return `Umbenannt in ${quoted(change.to)} (bisher ${quoted(change.from)})`;
    case "project-code-changed":
      return `Nummer von ${change.from} auf ${change.to} geändert`;
    case "project-moved": {
      const area = change.impactAreaChanged
        ? ` im Wirkungsbereich ${change.to.impactArea.name}`
        : "";
      return `Jetzt im Aktionsfeld ${change.to.actionField.number} ${change.to.actionField.name}${area} (bisher ${change.from.actionField.number} ${change.from.actionField.name})`;
    }
    case "project-status-changed":
      return `Status von ${quoted(PROJECT_STATUS_GERMAN[change.from])} auf ${quoted(PROJECT_STATUS_GERMAN[change.to])} geändert`;
    case "project-finished-early":
      return `Früher abgeschlossen als geplant: ${point(change.to)} statt ${point(change.from)} (${formatShiftGerman(change.shift)})`;
    case "project-finished-late":
      return `Später abgeschlossen als geplant: ${point(change.to)} statt ${point(change.from)} (${formatShiftGerman(change.shift)})`;
    default:
      return null;
  }
}

/** Options for `describeChangeGerman`. */
export interface DescribeOptions {
  /**
   * Name the project in every sentence, for a list without project headings ("2.1
   * Dokumentenmanagementsystem – …", "Projekt 2.9 Social Intranet neu aufgenommen").
   * Without it the sentence stands under its project's name and does not repeat it.
   */
  readonly withProject?: boolean;
}

/** One German sentence for a change, without a final full stop. */
export function describeChangeGerman(
  change: CatalogueChange,
  options: DescribeOptions = {},
): string {
  if (options.withProject !== true)
    return describeUnderProject(change) ?? describe(change);
  const sentence = describe(change);
  if (isProjectChange(change) && !NAMES_PROJECT.has(change.kind)) {
    return `${projectName(change.project)} – ${sentence}`;
  }
  return sentence;
}

/**
 * "5 Verschiebungen wegen OZG-Aufwand", "1 Verschiebung wegen Personal", "4 Verschiebungen
 * aus sonstigen Gründen"; a bare label is read as a category of its own.
 */
export function describeShiftCountGerman(
  count: number,
  category: string | { readonly key: string; readonly label: string },
): string {
  const named =
    typeof category === "string"
      ? {
          key: /^sonstige/i.test(category.trim())
            ? CATCH_ALL_CATEGORY_KEY
            : category,
          label: category,
        }
      : category;
  return shiftCountSentence(count, named, PERIOD_WORDS_DE);
}

/**
 * A dependency conflict in German: "2.5 E-Rechnungsworkflow beginnt QIV/2021, setzt aber
 * 2.1 Dokumentenmanagementsystem voraus, das erst 2024 fertig ist: 3 Jahre zu früh".
 */
export function describeConflictGerman(conflict: DependencyConflict): string {
  const dependent = `${conflict.dependent.code} ${conflict.dependent.title}`;
  const prerequisite = `${conflict.prerequisite.code} ${conflict.prerequisite.title}`;
  const ready =
    conflict.readiness === "finish"
      ? `das erst ${point(conflict.prerequisiteReady)} fertig ist`
      : `das erst ${point(conflict.prerequisiteReady)} beginnt`;
  // The gap says how much later the prerequisite is ready: that is how much too early the start is.
  const tooEarly = formatShiftGerman(conflict.gap).replace(
    / später$/,
    " zu früh",
  );
  const sentence = `${dependent} beginnt ${point(conflict.dependentStart)}, setzt aber ${prerequisite} voraus, ${ready}: ${tooEarly}`;
  if (conflict.downstream.length === 0) return sentence;
  const affected = conflict.downstream
    .map((project) => `${project.code} ${project.title}`)
    .join(", ");
  return `${sentence}; betroffen: ${affected}`;
}
