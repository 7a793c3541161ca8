/**
 * Free sections of a status report (Freie Abschnitte): an introduction, topic sections
 * (heading, text, key figures and projects referred to), survey results (a question with
 * the shares of its answers) and the outlook, in the order the report gives them. The
 * per-project entries are one block among them ("projects"), placed where the report
 * puts it. A report without free sections keeps the order of before: projects, key
 * figures, OZG, outlook.
 */
import { formatGermanNumber } from "../indicator/german-number.js";

/** The kinds of free section, in the order the editor offers them. */
export const FREE_SECTION_KINDS = [
  "introduction",
  "topic",
  "survey",
  "outlook",
] as const;
export type FreeSectionKind = (typeof FREE_SECTION_KINDS)[number];

/** A free section or the block of per-project entries. */
export type ReportSectionKind = FreeSectionKind | "projects";

export function isFreeSectionKind(value: string): value is FreeSectionKind {
  return (FREE_SECTION_KINDS as readonly string[]).includes(value);
}

/** How the answers of a survey are given: counts of people or percentages. */
export const SURVEY_UNITS = ["count", "percent"] as const;
export type SurveyUnit = (typeof SURVEY_UNITS)[number];

/** One answer option of a survey and its value (count or percentage). */
export interface SurveyAnswer {
  readonly label: string;
  readonly value: number;
}

/** The content of a free section (the fields a kind does not use stay empty). */
export interface FreeSectionContent {
  readonly heading: string;
  readonly text: string;
  /** Keys of key figures shown in a topic section. */
  readonly figureKeys: readonly string[];
  /** Slugs of projects a topic section refers to. */
  readonly projectSlugs: readonly string[];
  /** The survey's question. */
  readonly question: string;
  readonly unit: SurveyUnit;
  readonly answers: readonly SurveyAnswer[];
}

/** A section as stored, in the report's order. */
export interface StoredReportSection extends FreeSectionContent {
  readonly id: number;
  readonly kind: ReportSectionKind;
  readonly position: number;
}

/** Percentages may miss 100 by this much, because each share was rounded. */
export const PERCENT_TOLERANCE = 1;

/** One answer with its share of all answers (0–1). */
export interface SurveyShare extends SurveyAnswer {
  readonly share: number;
}

/** What is wrong with a survey's answers, in German (empty when it is valid). */
export function surveyProblems(
  unit: SurveyUnit,
  answers: readonly SurveyAnswer[],
): readonly string[] {
  const problems: string[] = [];
  if (answers.length < 2)
    problems.push("Eine Umfrage braucht mindestens zwei Antworten.");
  if (answers.some((answer) => answer.value < 0))
    problems.push("Anteile dürfen nicht negativ sein.");
  if (unit === "count") {
    if (answers.some((answer) => !Number.isInteger(answer.value)))
      problems.push("Anzahlen müssen ganze Zahlen sein.");
    if (answers.length >= 2 && sumOf(answers) <= 0)
      problems.push("Mindestens eine Antwort braucht eine Anzahl über 0.");
  } else {
    if (
      answers.some(
        (answer) => Math.round(answer.value * 10) !== answer.value * 10,
      )
    )
      problems.push("Prozentwerte haben höchstens eine Nachkommastelle.");
    const sum = sumOf(answers);
    if (answers.length >= 2 && Math.abs(sum - 100) > PERCENT_TOLERANCE + 1e-9)
      problems.push(
        `Die Prozentwerte ergeben zusammen ${formatGermanNumber(sum, Number.isInteger(sum) ? 0 : 1)} %, nicht 100 %.`,
      );
  }
  const labels = answers.map((answer) => answer.label.trim().toLowerCase());
  if (new Set(labels).size !== labels.length)
    problems.push("Jede Antwort darf nur einmal vorkommen.");
  return problems;
}

function sumOf(answers: readonly SurveyAnswer[]): number {
  return answers.reduce((total, answer) => total + answer.value, 0);
}

/** The answers with their shares of the total (counts) or of 100 (percentages). */
export function surveyShares(
  unit: SurveyUnit,
  answers: readonly SurveyAnswer[],
): readonly SurveyShare[] {
  const total = unit === "count" ? sumOf(answers) : 100;
  return answers.map((answer) => ({
    ...answer,
    share: total <= 0 ? 0 : answer.value / total,
  }));
}

/** "144 (25,2 %)" for a count, "25,2 %" for a percentage. */
export function formatSurveyValue(
  unit: SurveyUnit,
  share: SurveyShare,
): string {
  const percent = formatGermanNumber(share.share * 100, 1);
  return unit === "count"
    ? `${formatGermanNumber(share.value)} (${percent}\u00a0%)`
    : `${formatGermanNumber(share.value, Number.isInteger(share.value) ? 0 : 1)}\u00a0%`;
}
