import { describe, expect, it } from "vitest";

import type { Catalogue } from "../../../../src/domain/catalogue/catalogue.js";
import {
  diffCatalogues,
  shiftsNeedingReason,
} from "../../../../src/domain/edition/catalogue-diff.js";
import {
  DEFAULT_REASON_CATEGORIES,
  countShiftsByReason,
  missingReasons,
  unusedReasonKeys,
} from "../../../../src/domain/edition/reasons.js";
import type {
  ReasonCategory,
  ShiftReason,
} from "../../../../src/domain/edition/reasons.js";
import { buildKleveCatalogue, updatePhase, updateProject } from "./factory.js";

const KEYS = {
  strategieEnd: "phase-end-shifted:project-11:phase-111",
  strategieDurchfuehrung: "phase-start-shifted:project-11:phase-112",
  smartCityStart: "phase-start-shifted:project-12:phase-121",
  smartCityEnd: "phase-end-shifted:project-12:phase-121",
  dmsEnd: "phase-end-shifted:project-21:phase-211",
  workflowEnd: "phase-end-shifted:project-26:phase-261",
} as const;

function shift(
  catalogue: Catalogue,
  slug: string,
  phaseId: number,
  overrides: { start?: string; end?: string },
): Catalogue {
  return updateProject(catalogue, slug, (project) =>
    updatePhase(project, phaseId, overrides),
  );
}

/** The 2. Fortschreibung's delays as the slides name them, on the Kleve excerpt. */
function revision() {
  const edition = buildKleveCatalogue();
  let draft = shift(edition, "digitalisierungsstrategie", 111, { end: "2024" });
  draft = shift(draft, "digitalisierungsstrategie", 112, { start: "2025" });
  draft = shift(draft, "smart-city-strategie", 121, {
    start: "2024",
    end: "2026",
  });
  draft = shift(draft, "dokumentenmanagementsystem", 211, { end: "2024" });
  draft = shift(draft, "workflowmanagement", 261, { end: "2025" });
  return diffCatalogues(edition, draft);
}

const ozg = (text = "Verzögerung aufgrund OZG-Aufwand"): ShiftReason => ({
  category: "ozg-effort",
  text,
});

describe("reason categories", () => {
  it("offers the seven default categories with English keys and German labels", () => {
    expect(
      DEFAULT_REASON_CATEGORIES.map((category) => [
        category.key,
        category.label,
      ]),
    ).toEqual([
      ["ozg-effort", "OZG-Aufwand"],
      ["staff", "Personal"],
      ["dependency", "Abhängigkeit von einem anderen Projekt"],
      ["funding", "Förderung"],
      ["prioritisation", "Priorisierung"],
      ["technology", "Technik"],
      ["other", "Sonstiges"],
    ]);
  });

  it("requires text only for 'Sonstiges'", () => {
    expect(
      DEFAULT_REASON_CATEGORIES.filter((category) => category.requiresText).map(
        (category) => category.key,
      ),
    ).toEqual(["other"]);
  });
});

describe("missing reasons", () => {
  it("lists every shift when no reason is given", () => {
    const missing = missingReasons(revision(), new Map());
    expect(missing.map((each) => each.change.key)).toEqual([
      KEYS.strategieEnd,
      KEYS.strategieDurchfuehrung,
      KEYS.smartCityStart,
      KEYS.smartCityEnd,
      KEYS.dmsEnd,
      KEYS.workflowEnd,
    ]);
    expect(missing.every((each) => each.problem === "REASON_MISSING")).toBe(
      true,
    );
  });

  it("does not list a shift with a reason in a known category", () => {
    const reasons = new Map([
      [
        KEYS.dmsEnd,
        {
          category: "staff",
          text: "Verzögerung aufgrund von erhöhtem Support",
        },
      ],
    ]);
    const keys = missingReasons(revision(), reasons).map(
      (each) => each.change.key,
    );
    expect(keys).not.toContain(KEYS.dmsEnd);
  });

  it("accepts a known category without text", () => {
    const reasons = new Map([[KEYS.dmsEnd, { category: "staff", text: "" }]]);
    const keys = missingReasons(revision(), reasons).map(
      (each) => each.change.key,
    );
    expect(keys).not.toContain(KEYS.dmsEnd);
  });

  it("flags a category that is not in the list", () => {
    const reasons = new Map([
      [KEYS.dmsEnd, { category: "weather", text: "Regen" }],
    ]);
    const flagged = missingReasons(revision(), reasons).find(
      (each) => each.change.key === KEYS.dmsEnd,
    );
    expect(flagged?.problem).toBe("REASON_UNKNOWN_CATEGORY");
  });

  it("flags 'Sonstiges' with blank text", () => {
    const reasons = new Map([
      [KEYS.dmsEnd, { category: "other", text: "   " }],
    ]);
    const flagged = missingReasons(revision(), reasons).find(
      (each) => each.change.key === KEYS.dmsEnd,
    );
    expect(flagged?.problem).toBe("REASON_TEXT_REQUIRED");
  });

  it("checks against the municipality's own category list", () => {
    const own: readonly ReasonCategory[] = [
      { key: "support", label: "Supportaufwand", requiresText: false },
    ];
    const reasons = new Map([
      [KEYS.dmsEnd, { category: "support", text: "" }],
      [KEYS.workflowEnd, ozg()],
    ]);
    const problems = new Map(
      missingReasons(revision(), reasons, own).map((each) => [
        each.change.key,
        each.problem,
      ]),
    );
    expect(problems.has(KEYS.dmsEnd)).toBe(false);
    expect(problems.get(KEYS.workflowEnd)).toBe("REASON_UNKNOWN_CATEGORY");
  });

  it("is empty when every shift has a reason", () => {
    const diff = revision();
    const reasons = new Map(
      shiftsNeedingReason(diff).map((change) => [change.key, ozg()] as const),
    );
    expect(missingReasons(diff, reasons)).toEqual([]);
  });
});

describe("shifts counted per reason", () => {
  const reasons = new Map<string, ShiftReason>([
    [KEYS.strategieEnd, ozg()],
    [KEYS.strategieDurchfuehrung, ozg()],
    [KEYS.smartCityStart, ozg()],
    [KEYS.smartCityEnd, ozg()],
    [
      KEYS.dmsEnd,
      { category: "staff", text: "Verzögerung aufgrund von erhöhtem Support" },
    ],
    [KEYS.workflowEnd, ozg("Verzögerung aufgrund Mehrarbeit beim DMS")],
  ]);

  it("counts five shifts because of OZG-Aufwand and one because of Personal", () => {
    const counts = countShiftsByReason(revision(), reasons);
    expect(
      counts.byCategory.map((entry) => [entry.category.label, entry.count]),
    ).toEqual([
      ["OZG-Aufwand", 5],
      ["Personal", 1],
    ]);
    expect(counts.withoutReason).toBe(0);
  });

  it("leaves out categories without shifts and follows the category list's order", () => {
    const mixed = new Map<string, ShiftReason>([
      [KEYS.dmsEnd, { category: "staff", text: "" }],
      [
        KEYS.workflowEnd,
        { category: "dependency", text: "Mehrarbeit beim DMS" },
      ],
      [KEYS.strategieEnd, ozg()],
    ]);
    const keys = countShiftsByReason(revision(), mixed).byCategory.map(
      (entry) => entry.category.key,
    );
    expect(keys).toEqual(["ozg-effort", "staff", "dependency"]);
  });

  it("counts shifts without a reason or with an unknown category separately", () => {
    const partial = new Map<string, ShiftReason>([
      [KEYS.dmsEnd, { category: "staff", text: "" }],
      [KEYS.workflowEnd, { category: "weather", text: "" }],
    ]);
    expect(countShiftsByReason(revision(), partial).withoutReason).toBe(5);
  });
});

describe("unused reasons", () => {
  it("lists reasons whose shift was undone in the draft", () => {
    const reasons = new Map<string, ShiftReason>([
      [KEYS.dmsEnd, { category: "staff", text: "" }],
      ["phase-end-shifted:project-25:phase-251", ozg()],
    ]);
    expect(unusedReasonKeys(revision(), reasons)).toEqual([
      "phase-end-shifted:project-25:phase-251",
    ]);
  });
});
