import { de } from "../../../../src/i18n/de.js";
import { describe, expect, it } from "vitest";
import {
  figureTextMismatch,
  isFigureTextProblem,
  parseBreakdownText,
  parseFigureText,
  parseGermanNumber,
} from "../../../../src/domain/indicator/figure-text.js";
import {
  formatFigureGerman,
  validateObservation,
} from "../../../../src/domain/indicator/indicator.js";
import { layoutIndicatorChart } from "../../../../src/domain/indicator/indicator-chart.js";
import {
  AS_OF,
  buildCountIndicator,
  buildRatioIndicator,
  count,
  day,
} from "./factory.js";

const NBSP = "\u00a0";

describe("values as people write them", () => {
  it("reads German numbers, with thousands dots and decimal commas", () => {
    expect(parseGermanNumber("1.832")).toBe(1832);
    expect(parseGermanNumber("66,7")).toBe(66.7);
    expect(parseGermanNumber("1.234,5")).toBe(1234.5);
    expect(parseGermanNumber("66.7")).toBe(66.7);
    expect(parseGermanNumber("sechzig")).toBeNull();
  });

  it("reads shares, percentages and approximate values", () => {
    expect(parseFigureText("2 von 3")).toEqual({
      value: 2,
      denominator: 3,
      qualifier: null,
      isPercent: false,
    });
    expect(parseFigureText("144/572")).toMatchObject({
      value: 144,
      denominator: 572,
    });
    expect(parseFigureText("66,7 %")).toMatchObject({
      value: 66.7,
      isPercent: true,
    });
    expect(parseFigureText("mehr als 60")).toMatchObject({
      value: 60,
      qualifier: "more_than",
    });
    expect(parseFigureText("über 60")).toMatchObject({
      qualifier: "more_than",
    });
    expect(parseFigureText("rund 110")).toMatchObject({
      value: 110,
      qualifier: "about",
    });
    expect(parseFigureText("weniger als 5")).toMatchObject({
      value: 5,
      qualifier: "less_than",
    });
  });

  it("explains in German what it cannot read", () => {
    const result = parseFigureText("viele");
    expect(isFigureTextProblem(result)).toBe(true);
    expect(isFigureTextProblem(result) ? result.message : "").toContain(
      "keine Zahl",
    );
  });

  it("refuses a share for a figure that is no ratio", () => {
    const figure = parseFigureText("2 von 3");
    if (isFigureTextProblem(figure)) throw new Error("unreadable");
    expect(figureTextMismatch(buildCountIndicator(), figure)).toContain(
      "kein Anteil",
    );
    expect(figureTextMismatch(buildRatioIndicator(), figure)).toBeNull();
  });

  it("reads a breakdown, one category a line", () => {
    expect(parseBreakdownText("23 Führungskräfte\nMitarbeitende: 88")).toEqual([
      { label: "Führungskräfte", value: 23 },
      { label: "Mitarbeitende", value: 88 },
    ]);
    expect(parseBreakdownText("Führungskräfte")).toHaveProperty("message");
  });
});

describe("showing figures", () => {
  const percent = buildCountIndicator({
    kind: "percent",
    unit: "%",
    decimals: 1,
    name: "Quote",
  });

  it("never shows an approximate value as exact", () => {
    expect(
      formatFigureGerman(buildCountIndicator({ unit: "Teilnehmende" }), {
        ...count(AS_OF, 60),
        qualifier: "more_than",
      }),
    ).toBe("mehr als 60 Teilnehmende");
  });

  it("shows percentages with their decimals", () => {
    expect(formatFigureGerman(percent, count(AS_OF, 66.7))).toBe(
      `66,7${NBSP}%`,
    );
  });

  it("refuses a decimal with too many places and a breakdown that does not add up", () => {
    expect(
      validateObservation(percent, count(AS_OF, 66.75)).map((p) => p.code),
    ).toEqual(["OBSERVATION_TOO_MANY_DECIMALS"]);
    const problems = validateObservation(buildCountIndicator(), {
      ...count(AS_OF, 111),
      breakdown: [
        { label: "Führungskräfte", value: 23 },
        { label: "Mitarbeitende", value: 80 },
      ],
    });
    expect(problems[0]?.message).toBe(
      "Die Aufteilung geht nicht auf: 23 + 80 = 103, der Wert ist aber 111.",
    );
  });

  it("shows one value as a number, two as bars, three as a line, none as nothing", () => {
    const indicator = buildCountIndicator();
    const of = (observations: ReturnType<typeof count>[]) =>
      layoutIndicatorChart({
        words: de.reports.chartWords,
        indicator,
        observations,
        asOf: AS_OF,
      });
    expect(of([]).presentation).toBe("none");
    expect(of([count(AS_OF, 5)]).presentation).toBe("number");
    const two = of([count(day(2022, 1, 1), 3), count(AS_OF, 5)]);
    expect([two.presentation, two.kind]).toEqual(["chart", "bar"]);
    const three = of([
      count(day(2021, 1, 1), 1),
      count(day(2022, 1, 1), 3),
      count(AS_OF, 5),
    ]);
    expect([three.presentation, three.kind]).toEqual(["chart", "line"]);
    // Proportional time: 2022-01-01 lies nearer the end than the middle.
    expect(three.points[1]?.x).toBeGreaterThan(0.5);
  });

  it("draws the target and reaches its date on the time axis", () => {
    const layout = layoutIndicatorChart({
      words: de.reports.chartWords,
      indicator: buildCountIndicator({
        target: { value: 3000, day: day(2024, 12, 31) },
      }),
      observations: [
        count(day(2021, 1, 1), 1000),
        count(day(2022, 1, 1), 1500),
        count(AS_OF, 1832),
      ],
      asOf: AS_OF,
    });
    expect(layout.target?.x).toBe(1);
    expect(layout.target?.label).toBe("Ziel: 3.000 Aktivitäten bis 31.12.2024");
    expect(layout.yTicks.at(-1)?.value).toBeGreaterThanOrEqual(3000);
    expect(layout.points.at(-1)?.x).toBeLessThan(1);
  });

  it("lays out a breakdown with its shares", () => {
    const layout = layoutIndicatorChart({
      words: de.reports.chartWords,
      indicator: buildCountIndicator({ unit: "Beschäftigte" }),
      observations: [
        {
          ...count(AS_OF, 111),
          breakdown: [
            { label: "Führungskräfte", value: 23 },
            { label: "Mitarbeitende", value: 88 },
          ],
        },
      ],
      asOf: AS_OF,
    });
    expect(layout.breakdown?.caption).toBe(
      "Aufteilung am 28.11.2022: 111 Beschäftigte",
    );
    expect(layout.breakdown?.parts.map((part) => part.shareLabel)).toEqual([
      `20,7${NBSP}%`,
      `79,3${NBSP}%`,
    ]);
  });
});
