/**
 * Turns a catalogue into the input of the domain's timeline layout: one group per action
 * field, one row per project (keyed by slug), one bar per phase.
 */
import type {
  ActionField,
  Catalogue,
  Phase,
  ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import {
  layoutTimeline,
  type TimelineBar,
  type TimelineLayout,
  type TimelineRowLayout,
} from "../../domain/timeline/timeline-layout.js";
import { formatPeriod } from "../../i18n/format-period.js";
import type { Language } from "../../i18n/i18n.js";

/** A laid-out timeline with a way back from rows and bars to the catalogue's phases. */
export interface TimelineModel {
  readonly layout: TimelineLayout;
  /** Tooltip text of a bar in the given language. */
  readonly describeBar: (row: TimelineRowLayout, bar: TimelineBar) => string;
}

/** The timeline of every project in the (possibly filtered) catalogue. */
export function buildProgrammeTimeline(
  catalogue: Catalogue,
  today: number,
  language: Language,
): TimelineModel {
  // Project codes restart in each impact area ("1.1" exists twice in Kleve), so the
  // group header names the impact area as well.
  // A flat programme's one structural area is never named.
  const flat = catalogue.programme.levels.flat;
  const fields = catalogue.impactAreas.flatMap((area) =>
    area.actionFields.map((field) => ({
      field,
      label: flat
        ? `${field.number} ${field.name}`
        : `${area.name} › ${field.number} ${field.name}`,
    })),
  );
  return buildModel(
    catalogue,
    fields,
    listProjects(catalogue),
    today,
    language,
  );
}

/** The timeline of one project. */
export function buildProjectTimeline(
  catalogue: Catalogue,
  entry: ProjectInContext,
  today: number,
  language: Language,
): TimelineModel {
  const field = { ...entry.actionField, projects: [entry.project] };
  return buildModel(
    catalogue,
    [{ field, label: field.name }],
    [entry],
    today,
    language,
  );
}

function buildModel(
  catalogue: Catalogue,
  fields: readonly { readonly field: ActionField; readonly label: string }[],
  entries: readonly ProjectInContext[],
  today: number,
  language: Language,
): TimelineModel {
  const phasesBySlug = new Map<string, readonly Phase[]>(
    entries.map((entry) => [entry.project.slug, entry.project.phases]),
  );
  const layout = layoutTimeline({
    horizon: {
      startYear: catalogue.programme.horizonStart,
      endYear: catalogue.programme.horizonEnd,
    },
    today,
    groups: fields.map(({ field, label }) => ({
      key: field.key,
      label,
      colour: field.colour,
      rows: field.projects.map((project) => ({
        key: project.slug,
        code: project.code,
        label: project.title,
        phases: project.phases.map((phase) => ({
          label: phase.label,
          period: phase,
        })),
      })),
    })),
  });
  return {
    layout,
    describeBar: (row, bar) => {
      const phase = phasesBySlug.get(row.key)?.[bar.phaseIndex];
      const period =
        phase === undefined ? bar.periodLabel : formatPeriod(phase, language);
      return `${row.code} ${row.label} – ${bar.label}: ${period}`;
    },
  };
}
