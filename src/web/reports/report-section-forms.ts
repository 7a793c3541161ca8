/**
 * The form bodies of the section editor of a draft report (adding, changing, moving and
 * removing free sections) and the reading of a section form into the use case's data.
 * Survey answers are typed one per line as "Antwort; Wert" (German numbers).
 */
import { Type, type Static } from "@sinclair/typebox";
import type { FreeSectionData } from "../../app/reports/reporting.schema.js";
import {
  FREE_SECTION_KINDS,
  type FreeSectionKind,
} from "../../domain/report/report-free-sections.js";
import { parseGermanNumber } from "../../domain/indicator/figure-text.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { Dictionary } from "../../i18n/i18n.js";
import {
  FormChoice,
  FormList,
  FormText,
  VersionedChange,
} from "../http/form-schema.js";

/** The kinds in the URL and the forms ("?art=umfrage"). */
export const SECTION_KIND_SLUGS: Readonly<Record<FreeSectionKind, string>> = {
  introduction: "einleitung",
  topic: "thema",
  survey: "umfrage",
  outlook: "ausblick",
};

/** The kind named by its slug, or null. */
export function sectionKindOf(
  slug: string | undefined,
): FreeSectionKind | null {
  return (
    FREE_SECTION_KINDS.find((kind) => SECTION_KIND_SLUGS[kind] === slug) ?? null
  );
}

const sectionFields = {
  ueberschrift: FormText(200),
  text: FormText(10000),
  kennzahlen: FormList(100, 20),
  projekte: FormList(100, 50),
  frage: FormText(500),
  einheit: FormText(10),
  antworten: FormText(4000),
};

/** Changing a section (its kind stays). */
export const SectionBody = Type.Object({
  ...VersionedChange,
  ...sectionFields,
});

/** Adding a section of a kind. */
export const NewSectionBody = Type.Object({
  ...VersionedChange,
  art: FormChoice(Object.values(SECTION_KIND_SLUGS)),
  ...sectionFields,
});

/** Moving a section one place up or down (a button). */
export const MoveSectionBody = Type.Object({
  ...VersionedChange,
  richtung: FormChoice(["hoch", "runter"] as const),
});

/** Removing a section, after the confirmation page (a button). */
export const RemoveSectionBody = Type.Object({ ...VersionedChange });

/** Where a use case's problems belong in a section form (paths below /data). */
export const SECTION_FIELDS: Readonly<Record<string, string>> = {
  heading: "ueberschrift",
  text: "text",
  figureKeys: "kennzahlen",
  projectSlugs: "projekte",
  question: "frage",
  unit: "einheit",
  answers: "antworten",
};

/** The answers as typed back into their lines ("Sehr zufrieden; 42"). */
export function answerLines(
  answers: readonly { readonly label: string; readonly value: number }[],
): string {
  return answers
    .map(
      (answer) => `${answer.label}; ${String(answer.value).replace(".", ",")}`,
    )
    .join("\n");
}

/** Reads a section form; ERR_VALIDATION at "antworten" for a line that is no "Antwort; Wert". */
export function parseSectionForm(
  input: Static<typeof SectionBody>,
  t: Dictionary,
): FreeSectionData {
  const answers: { label: string; value: number }[] = [];
  const problems: InputProblem[] = [];
  input.antworten.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const cut = line.lastIndexOf(";");
    const label = cut === -1 ? "" : line.slice(0, cut).trim();
    const value = cut === -1 ? null : parseGermanNumber(line.slice(cut + 1));
    if (label === "" || value === null || value < 0 || label.length > 200)
      problems.push({
        path: "/form/antworten",
        message: t.reportSections.answersUnreadable(index + 1),
      });
    else answers.push({ label, value });
  });
  if (problems.length > 0)
    throw new AppError("ERR_VALIDATION", { problems: problems.slice(0, 1) });
  return {
    heading: input.ueberschrift,
    text: input.text,
    figureKeys: [...new Set(input.kennzahlen)],
    projectSlugs: [...new Set(input.projekte)],
    question: input.frage,
    unit: input.einheit === "prozent" ? "percent" : "count",
    answers,
  };
}
