import { describe, expect, it } from "vitest";
import { reasonsOfSteps } from "../../../../src/domain/edition/change-report.js";

const ozg = { key: "ozg", label: "OZG-Aufwand", requiresText: false };
const staff = { key: "personal", label: "Personalmangel", requiresText: false };

describe("reasonsOfSteps", () => {
  it("marks each reason with the step that gave it, oldest step first, the draft as null", () => {
    const { reasons } = reasonsOfSteps([
      {
        editionNumber: 2,
        reasons: new Map([
          [
            "p1/phase/1/end",
            {
              category: "ozg",
              categoryLabel: "OZG-Aufwand",
              text: "Erst 2024",
            },
          ],
        ]),
        categories: [ozg],
      },
      {
        editionNumber: null,
        reasons: new Map([
          [
            "p1/phase/1/end",
            { category: "personal", categoryLabel: "Personalmangel", text: "" },
          ],
          [
            "p2/phase/1/start",
            { category: "ozg", categoryLabel: "OZG-Aufwand", text: "" },
          ],
        ]),
        categories: [staff],
      },
    ]);
    expect(reasons.get("p1/phase/1/end")).toEqual([
      {
        category: "ozg",
        categoryLabel: "OZG-Aufwand",
        text: "Erst 2024",
        editionNumber: 2,
      },
      {
        category: "personal",
        categoryLabel: "Personalmangel",
        text: "",
        editionNumber: null,
      },
    ]);
    expect(reasons.get("p2/phase/1/start")).toEqual([
      {
        category: "ozg",
        categoryLabel: "OZG-Aufwand",
        text: "",
        editionNumber: null,
      },
    ]);
  });

  it("merges the steps' categories, a later step's label winning", () => {
    const { categories } = reasonsOfSteps([
      { editionNumber: 2, reasons: new Map(), categories: [ozg, staff] },
      {
        editionNumber: 3,
        reasons: new Map(),
        categories: [
          { key: "ozg", label: "Aufwand für das OZG", requiresText: true },
        ],
      },
    ]);
    expect(categories).toEqual([
      { key: "ozg", label: "Aufwand für das OZG", requiresText: true },
      staff,
    ]);
  });

  it("gives no reasons and no categories for no steps", () => {
    const { reasons, categories } = reasonsOfSteps([]);
    expect(reasons.size).toBe(0);
    expect(categories).toEqual([]);
  });
});
