/**
 * A document quotes a figure only with a Stand on or before its own date: the catalogue of
 * 31.03.2022 must not say how many people worked in the DMS at the end of November 2022.
 */
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../../../src/domain/calendar/calendar.js";
import { figuresAsOf } from "../../../../src/domain/indicator/figure-text.js";

const march2022 = parseIsoDate("2022-03-31")!;
const december2022 = parseIsoDate("2022-12-01")!;

const DMS =
  "Nach den Pilotbereichen wird es Schritt für Schritt in allen Fachbereichen eingeführt; " +
  "Ende November 2022 arbeiteten 133 Beschäftigte im Produktivsystem. Die weitere " +
  "Einführung war eine der drei Prioritäten des Jahres 2022.";

describe("figures as of a document's date", () => {
  it("leaves out a figure whose Stand is after the document's date", () => {
    const text = figuresAsOf(DMS, march2022);
    expect(text).not.toContain("133");
    expect(text).not.toContain("November 2022");
    expect(text).toBe(
      "Nach den Pilotbereichen wird es Schritt für Schritt in allen Fachbereichen eingeführt. Die weitere Einführung war eine der drei Prioritäten des Jahres 2022.",
    );
  });

  it("keeps it in a document of a later date", () => {
    expect(figuresAsOf(DMS, december2022)).toBe(DMS);
  });

  it("reads a Stand given as a day, and keeps dates without a figure", () => {
    expect(
      figuresAsOf("Stand 22.11.2022: 44 Leistungen online.", march2022),
    ).toBe("");
    expect(
      figuresAsOf("Die Plattform wurde am 02.12.2021 vorgestellt.", march2022),
    ).toBe("Die Plattform wurde am 02.12.2021 vorgestellt.");
    expect(figuresAsOf("Die Messe findet im Mai 2023 statt.", march2022)).toBe(
      "Die Messe findet im Mai 2023 statt.",
    );
  });
});
