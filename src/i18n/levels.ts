/**
 * The interface texts that name a level of the programme, in the municipality's words
 * (docs/adr/0029). Kleve's names leave the dictionary as it is; other names replace
 * "Wirkungsbereich", "Aktionsfeld", "Projekt", "Einzelmaßnahme" in the texts below, and a
 * flat programme's texts leave the top level out. Custom names are German content, so
 * English pages show them too. Every other text is rewritten word by word
 * (`level-words.ts`).
 */
import {
  countOf,
  isDefaultLevels,
  type CatalogueLevels,
} from "../domain/catalogue/levels.js";
import type { Dictionary } from "./de.js";
import type { Language } from "./i18n.js";
import { levelWordRewriter, rewriteTexts } from "./level-words.js";

/** The dictionary with the level texts in the municipality's words. */
export function applyLevels(
  t: Dictionary,
  levels: CatalogueLevels,
  language: Language,
): Dictionary {
  if (isDefaultLevels(levels)) return t;
  const { impactArea, actionField, project, measure } = levels;
  const de = language === "de";
  // Every text in the municipality's words; the texts below read better written out.
  const rewritten = rewriteTexts(t, levelWordRewriter(levels, language));
  return {
    ...rewritten,
    impactArea: impactArea.singular,
    actionField: actionField.singular,
    project: project.singular,
    projectCount: (count: number) => countOf(count, project),
    projectsInFields: (projects: number, fields: number) =>
      `${countOf(projects, project)} ${de ? "in" : "in"} ${countOf(fields, actionField)}`,
    projectsInAreas: (projects: number, fields: number, areas: number) =>
      levels.flat
        ? `${countOf(projects, project)} in ${countOf(fields, actionField)}`
        : `${countOf(projects, project)} in ${countOf(fields, actionField)} ${de ? "und" : "and"} ${countOf(areas, impactArea)}`,
    actionFieldLabel: (number: number, name: string) =>
      `${actionField.singular} ${number}: ${name}`,
    noProjects: de
      ? `Noch keine ${project.plural}.`
      : `No ${project.plural} yet.`,
    programmeTimelineLink: de
      ? `Alle ${project.plural} im Zeitstrahl ansehen`
      : `See all ${project.plural} on the timeline`,
    programmeSearchLink: de
      ? `${project.plural} und ${measure.plural} durchsuchen`
      : `Search ${project.plural} and ${measure.plural}`,
    projectMeasures: measure.plural,
    projectMeasuresEmpty: de
      ? `Hier sind keine ${measure.plural} eingetragen.`
      : `No ${measure.plural} are recorded here.`,
    timelineIntro: (start: number, end: number) =>
      de
        ? `Alle ${project.plural} von ${start} bis ${end}, gruppiert nach ${actionField.singular}. Jede Phase ist ein Balken; Phasen, die sich überschneiden, liegen untereinander. Die Tabelle unter der Grafik enthält dieselben Angaben.`
        : `All ${project.plural} from ${start} to ${end}, grouped by ${actionField.singular}. Each phase is a bar; overlapping phases lie one below the other. The table below the chart holds the same information.`,
    timelineFilterLegend: de
      ? `${project.plural} auswählen`
      : `Choose ${project.plural}`,
    timelineFilterActionField: actionField.singular,
    timelineResult: (shown: number, total: number) =>
      shown === total
        ? countOf(shown, project)
        : `${shown} ${de ? "von" : "of"} ${countOf(total, project)}`,
    timelineEmpty: de
      ? `Keine Auswahl passt: ${project.plural} 0.`
      : `No ${project.plural} match this selection.`,
    timelineChartTitle: (start: number, end: number) =>
      de
        ? `Zeitstrahl: ${project.plural} ${start}–${end}`
        : `Timeline: ${project.plural} ${start}–${end}`,
    timelineChartDescription: (projects: number, fields: number) =>
      de
        ? `Balkendiagramm: ${countOf(projects, project)} in ${countOf(fields, actionField)}. Die Tabelle „Zeitstrahl als Tabelle“ unter der Grafik enthält dieselben Angaben.`
        : `Bar chart: ${countOf(projects, project)} in ${countOf(fields, actionField)}. The table below the chart holds the same information.`,
    timelineUnknownActionField: (value: string) =>
      de
        ? `${actionField.singular} „${value}“ gibt es in diesem Katalog nicht.`
        : `There is no ${actionField.singular} "${value}" in this catalogue.`,
  };
}
