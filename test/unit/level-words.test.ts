import { describe, expect, it } from "vitest";
import { applyLevels } from "../../src/i18n/levels.js";
import { de } from "../../src/i18n/de.js";
import { en } from "../../src/i18n/en.js";
import { guessGender } from "../../src/i18n/level-words.js";
import {
  DEFAULT_LEVELS,
  type CatalogueLevels,
} from "../../src/domain/catalogue/levels.js";

const FLAT: CatalogueLevels = {
  flat: true,
  impactArea: DEFAULT_LEVELS.impactArea,
  actionField: { singular: "Thema", plural: "Themen" },
  project: { singular: "Vorhaben", plural: "Vorhaben" },
  measure: { singular: "Schritt", plural: "Schritte" },
};

/** Every text of a dictionary, functions called with sample arguments. */
function texts(value: unknown, path = ""): string[] {
  if (typeof value === "string") return [`${path} = ${value}`];
  if (typeof value === "function") {
    const fn = value as (...args: unknown[]) => unknown;
    const args = Array.from({ length: fn.length }, (_, index) =>
      index === 0 ? 2 : "X",
    );
    // A text built from a structured argument (a mail from its record) cannot be called
    // with samples; its own tests read it.
    let result: unknown;
    try {
      result = fn(...args);
    } catch {
      return [];
    }
    return texts(result, `${path}()`);
  }
  if (Array.isArray(value))
    return value.flatMap((entry, index) => texts(entry, `${path}[${index}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, entry]) =>
      texts(entry, `${path}.${key}`),
    );
  return [];
}

describe("level names in interface texts", () => {
  it("leaves Kleve's dictionary as it is", () => {
    expect(applyLevels(de, DEFAULT_LEVELS, "de")).toBe(de);
  });

  it("names no level of Kleve's in a flat programme with its own names", () => {
    const leftovers = [
      ...texts(applyLevels(de, FLAT, "de")),
      ...texts(applyLevels(en, FLAT, "en")),
    ].filter((line) => {
      const [path = "", text = ""] = line.split(" = ");
      return (
        /Aktionsfeld|Einzelmaßnahme|\bProjekte?n?\b|action field|\bprojects?\b|\bmeasures?\b/iu.test(
          text,
        ) &&
        !/(ImpactArea|impact_area|wirkungsbereich|impact-areas)/u.test(path)
      );
    });
    expect(leftovers).toEqual([]);
  });

  it("leaves the hidden top level out of texts that name both top levels", () => {
    const t = applyLevels(de, FLAT, "de");
    expect(t.editor.structureTitle).toBe("Themen");
    expect(t.editor.dashboardIntroAdmin).not.toContain("Wirkungsbereich");
    expect(t.onboarding.stepTitles["action-fields"]).toBe("Themen anlegen");
  });

  it("fits articles to the gender of the new name", () => {
    const t = applyLevels(de, FLAT, "de");
    expect(t.editor.notices.massnahme).toBe("Der Schritt wurde gespeichert.");
    expect(t.editor.notices.aktionsfeld).toBe("Das Thema wurde gespeichert.");
    expect(t.editor.newMeasureLegend).toBe("Neuer Schritt");
    expect(t.editor.auditActions["measure.status"]).toBe(
      "Status eines Schritts geändert",
    );
    expect(applyLevels(en, FLAT, "en").onboarding.actionFieldNeedsArea).toMatch(
      /^A Thema /u,
    );
  });

  it("guesses the gender of common level names", () => {
    expect(guessGender("Thema")).toBe("n");
    expect(guessGender("Vorhaben")).toBe("n");
    expect(guessGender("Schritt")).toBe("m");
    expect(guessGender("Teilmaßnahme")).toBe("f");
    expect(guessGender("Handlungsfeld")).toBe("n");
  });
});
