/**
 * The period, shift and reason sentences of the documents, on every phase of the Kleve
 * demo catalogue (demo/kleve.yaml) and its revision's reasons, and on chosen examples.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { readCatalogueFile } from "../../../../src/app/catalogue/import-catalogue.js";
import { checkCatalogueDocument } from "../../../../src/app/catalogue/catalogue-document.js";
import { parseIsoDate } from "../../../../src/domain/calendar/calendar.js";
import { DEFAULT_REASON_CATEGORIES } from "../../../../src/domain/edition/reasons.js";
import {
  collectRemarks,
  phaseName,
  phaseSentence,
  reasonSentence,
  shiftCountSentence,
  type PhaseLike,
} from "../../../../src/domain/period/period-sentence.js";
import { parsePointInTime } from "../../../../src/domain/period/point-in-time.js";
import {
  PERIOD_WORDS_DE,
  PERIOD_WORDS_EN,
} from "../../../../src/i18n/period-words.js";

function point(text: string) {
  const parsed = parsePointInTime(text);
  if (parsed === null) throw new Error(`test setup: ${text}`);
  return parsed;
}

function day(iso: string): number {
  const parsed = parseIsoDate(iso);
  if (parsed === null) throw new Error(`test setup: ${iso}`);
  return parsed;
}

async function demoPhases(): Promise<PhaseLike[]> {
  const checked = checkCatalogueDocument(
    await readCatalogueFile(
      new URL("../../../../demo/kleve.yaml", import.meta.url).pathname,
    ),
  );
  if (!checked.ok) throw new Error("demo catalogue does not validate");
  return (checked.value.impactAreas ?? []).flatMap((area) =>
    area.actionFields.flatMap((field) =>
      field.projects.flatMap((project) =>
        project.phases.map((phase) => ({
          label: phase.label,
          start: point(phase.start),
          end:
            phase.end === undefined || phase.end === null
              ? null
              : point(phase.end),
          continuation: phase.continuation ?? null,
          note: phase.note ?? null,
        })),
      ),
    ),
  );
}

/** The defects the sentences must never show. */
function defectsOf(sentence: string): string[] {
  const found: string[] = [];
  if (/\b(\p{L}+) \1\b/iu.test(sentence)) found.push("doubled word");
  if (/[.;,:]\s*[).;,:]|\.\)|\(\s*\)/u.test(sentence))
    found.push("doubled punctuation");
  if ((sentence.match(/Daueraufgabe/g) ?? []).length > 1)
    found.push("Daueraufgabe twice");
  if (/Daueraufgabe bis \d{4}\)/.test(sentence)) found.push("repeated end");
  if (/nicht genannt/.test(sentence)) found.push("per-phase remark");
  if (/\(Danach/i.test(sentence)) found.push("repeated continuation");
  if (/Zeitraum/.test(sentence)) found.push("generic label");
  return found;
}

describe("period sentences on every phase of the Kleve demo", () => {
  it.each([
    ["the first edition's date", "2021-04-30"],
    ["the second edition's date", "2022-03-31"],
    ["the report's date", "2022-11-28"],
    ["a plan without a date", null],
  ])("show none of the known defects as of %s", async (_name, iso) => {
    const phases = await demoPhases();
    const remarks = collectRemarks(phases, PERIOD_WORDS_DE);
    const asOf = iso === null ? null : day(iso);
    const sentences = phases.map((phase) =>
      phaseSentence(phase, PERIOD_WORDS_DE, { asOf, remarks }),
    );
    expect(phases.length).toBeGreaterThan(60);
    for (const sentence of sentences) {
      expect({ sentence, defects: defectsOf(sentence) }).toEqual({
        sentence,
        defects: [],
      });
    }
    // The unknown start is said once, for the whole document.
    expect(remarks.lines).toEqual([
      "¹ Beginn im Katalog nicht genannt; laut Katalog bis 2030",
    ]);
    expect(sentences.filter((sentence) => sentence.endsWith("¹")).length).toBe(
      7,
    );
  });

  it("writes the demo's shapes as a person would", async () => {
    const phases = await demoPhases();
    const remarks = collectRemarks(phases, PERIOD_WORDS_DE);
    const asOf = day("2022-03-31");
    const sentence = (label: string, start: string) => {
      const phase = phases.find(
        (each) =>
          each.label === label && PERIOD_WORDS_DE.point(each.start) === start,
      );
      if (phase === undefined) throw new Error(`no phase ${label} ${start}`);
      return phaseSentence(phase, PERIOD_WORDS_DE, { asOf, remarks });
    };
    expect(sentence("Zeitraum", "2022")).toBe("2022–2023");
    expect(sentence("Laufender Support", "2025")).toBe(
      "Laufender Support: ab 2025, laufend",
    );
    expect(sentence("Ausweitung und laufender Support", "2022")).toBe(
      "Ausweitung und laufender Support: seit 2022 laufend",
    );
    expect(sentence("Durchführung", "2024")).toBe("Durchführung: 2024–2030¹");
    expect(sentence("Laufende Betreuung", "2022")).toBe(
      "Laufende Betreuung: seit 2022 laufend (ggfs. in technischer Hinsicht)",
    );
  });
});

describe("a phase sentence", () => {
  const permanent = (note: string | null, end: string | null = null) => ({
    label: "Daueraufgabe",
    start: point("2020"),
    end: end === null ? null : point(end),
    continuation: "permanent" as const,
    note,
  });

  it("writes a standing task once", () => {
    expect(
      phaseSentence(
        permanent("Daueraufgabe bis 2030", "2030"),
        PERIOD_WORDS_DE,
      ),
    ).toBe("Daueraufgabe 2020–2030");
    expect(
      phaseSentence(
        permanent("Daueraufgabe und bereits aktuell im laufenden Betrieb."),
        PERIOD_WORDS_DE,
        { asOf: day("2022-03-31") },
      ),
    ).toBe("Daueraufgabe seit 2020 (bereits aktuell im laufenden Betrieb)");
    expect(
      phaseSentence(
        permanent("Es handelt sich um eine Daueraufgabe in der Verwaltung."),
        PERIOD_WORDS_DE,
        { asOf: day("2022-03-31") },
      ),
    ).toBe(
      "Seit 2020 (Es handelt sich um eine Daueraufgabe in der Verwaltung)",
    );
  });

  it("follows the document's date: planned, running, over", () => {
    const support = {
      label: "Umsetzung",
      start: point("2020"),
      end: point("2021"),
      continuation: "ongoing" as const,
      note: null,
    };
    expect(
      phaseSentence(support, PERIOD_WORDS_DE, { asOf: day("2021-06-30") }),
    ).toBe("Umsetzung: 2020–2021, danach laufend");
    expect(
      phaseSentence(support, PERIOD_WORDS_DE, { asOf: day("2022-03-31") }),
    ).toBe("Umsetzung: 2020–2021, seitdem laufend");
    const open = { ...support, end: null, start: point("2025") };
    expect(
      phaseSentence(open, PERIOD_WORDS_DE, { asOf: day("2022-03-31") }),
    ).toBe("Umsetzung: ab 2025, laufend");
    expect(
      phaseSentence(open, PERIOD_WORDS_DE, { asOf: day("2026-01-01") }),
    ).toBe("Umsetzung: seit 2025 laufend");
    expect(
      phaseSentence(open, PERIOD_WORDS_EN, { asOf: day("2026-01-01") }),
    ).toBe("Umsetzung: since 2025 ongoing");
  });

  it("keeps a note that says something, without doubled punctuation", () => {
    expect(
      phaseSentence(
        {
          label: "Umsetzung",
          start: point("2021-Q4"),
          end: point("2023"),
          continuation: null,
          note: "Abhängig vom Förderbescheid.",
        },
        PERIOD_WORDS_DE,
      ),
    ).toBe("Umsetzung: QIV/2021–2023 (Abhängig vom Förderbescheid)");
  });

  it("never calls a phase „Zeitraum Zeitraum“", () => {
    expect(phaseName("Zeitraum", PERIOD_WORDS_DE)).toBeNull();
    expect(phaseName("Umsetzung", PERIOD_WORDS_DE)).toBe("Umsetzung");
  });
});

describe("reasons and shift counts", () => {
  it("does not repeat a category the text names", () => {
    expect(
      reasonSentence(
        "OZG-Aufwand",
        "Verzögerung aufgrund OZG-Aufwand",
        PERIOD_WORDS_DE,
      ),
    ).toBe("Verzögerung aufgrund OZG-Aufwand");
    expect(
      reasonSentence(
        "OZG-Aufwand",
        "Verzögerungen aufgrund der OZG-Umsetzung",
        PERIOD_WORDS_DE,
      ),
    ).toBe("Verzögerungen aufgrund der OZG-Umsetzung");
    expect(
      reasonSentence(
        "Personal",
        "Verzögerung aufgrund von erhöhtem Support",
        PERIOD_WORDS_DE,
      ),
    ).toBe("Personal: Verzögerung aufgrund von erhöhtem Support");
    expect(reasonSentence("Personal", " ", PERIOD_WORDS_DE)).toBe("Personal");
  });

  it("gives the catch-all category's text alone, not „Sonstiges: …“", () => {
    expect(
      reasonSentence(
        "Sonstiges",
        "Früher fertig: Die Plattform steht zur Verfügung",
        PERIOD_WORDS_DE,
        "other",
      ),
    ).toBe("Früher fertig: Die Plattform steht zur Verfügung");
    expect(reasonSentence("Sonstiges", "", PERIOD_WORDS_DE, "other")).toBe(
      "Sonstiges",
    );
  });

  it("reads every reason of the demo revision without repetition", () => {
    const demo = parse(
      readFileSync(
        new URL(
          "../../../../demo/kleve-fortschreibungen.yaml",
          import.meta.url,
        ),
        "utf8",
      ),
    ) as unknown;
    // Every { category, text } anywhere in the file.
    const reasons: { category: string; text: string }[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (
          typeof record.category === "string" &&
          typeof record.text === "string"
        )
          reasons.push({ category: record.category, text: record.text });
        Object.values(record).forEach(walk);
      }
    };
    walk(demo);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) {
      const category = DEFAULT_REASON_CATEGORIES.find(
        (each) => each.key === reason.category,
      )!;
      const sentence = reasonSentence(
        category.label,
        reason.text,
        PERIOD_WORDS_DE,
      );
      expect(sentence).not.toMatch(/^OZG-Aufwand: .*OZG/);
      expect(sentence).not.toMatch(/[.;:]\s*[.;:]/);
    }
  });

  it("counts the catch-all category as other reasons", () => {
    const other = DEFAULT_REASON_CATEGORIES.find(
      (each) => each.key === "other",
    )!;
    const ozg = DEFAULT_REASON_CATEGORIES.find(
      (each) => each.key === "ozg-effort",
    )!;
    expect(shiftCountSentence(4, other, PERIOD_WORDS_DE)).toBe(
      "4 Verschiebungen aus sonstigen Gründen",
    );
    expect(shiftCountSentence(1, ozg, PERIOD_WORDS_DE)).toBe(
      "1 Verschiebung wegen OZG-Aufwand",
    );
  });
});
