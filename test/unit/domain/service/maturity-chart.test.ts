import { de } from "../../../../src/i18n/de.js";
import { describe, expect, it } from "vitest";
import { layoutMaturityChart } from "../../../../src/domain/service/maturity-chart.js";
import { aggregateOzgFigures } from "../../../../src/domain/service/ozg-figures.js";
import { KLEVE_AS_OF, kleveRegister } from "./kleve-register.js";

describe("the maturity chart", () => {
  const [version11] = aggregateOzgFigures(
    kleveRegister(),
    KLEVE_AS_OF,
  ).maturity;

  it("has a bar per level of the model, with the level's name in model 1.1", () => {
    const chart = layoutMaturityChart(
      version11!,
      de.reports.maturityChartWords,
    );
    expect(chart.bars.map((bar) => bar.label)).toEqual([
      "Stufe 0 – Offline",
      "Stufe 1 – Information",
      "Stufe 2 – Formular-Assistent",
      "Stufe 3 – Online-Leistung",
      "Stufe 4 – Online-Transaktion",
    ]);
    expect(
      chart.bars.every((bar) => bar.x >= 0 && bar.x + bar.width <= 1),
    ).toBe(true);
  });

  it("scales to nice ticks from 0 and puts the highest bar at or below the top", () => {
    const chart = layoutMaturityChart(
      version11!,
      de.reports.maturityChartWords,
    );
    expect(chart.yTicks[0]).toMatchObject({ value: 0, y: 0 });
    expect(Math.max(...chart.bars.map((bar) => bar.y))).toBeLessThanOrEqual(1);
  });

  it("says the same in its table and its summary", () => {
    const chart = layoutMaturityChart(
      version11!,
      de.reports.maturityChartWords,
    );
    expect(chart.table.rows.map((row) => row[1])).toEqual(
      chart.bars.map((bar) => String(bar.count)),
    );
    expect(chart.summary).toContain(
      `${version11!.assessed} bewertete Leistungen`,
    );
  });

  it("has a sentence for a model nobody was assessed in", () => {
    const chart = layoutMaturityChart(
      {
        modelVersion: "2.0",
        levels: [{ level: 0, count: 0 }],
        assessed: 0,
      },
      de.reports.maturityChartWords,
    );
    expect(chart.summary).toBe(
      "Reifegrad der OZG-Leistungen (Reifegradmodell 2.0): keine Leistung bewertet.",
    );
  });
});
