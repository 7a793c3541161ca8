import { describe, expect, it } from "vitest";
import { aggregateOzgFigures } from "../../../../src/domain/service/ozg-figures.js";
import {
  formatTableProblem,
  readServiceTable,
  serviceTableHeadings,
  serviceTableRow,
  type TableRow,
} from "../../../../src/domain/service/service-table.js";
import { day } from "./factory.js";
import { kleveRegister, KLEVE_AS_OF } from "./kleve-register.js";

function table(services = kleveRegister()): {
  headings: TableRow;
  rows: TableRow[];
} {
  return {
    headings: { line: 1, cells: [...serviceTableHeadings()] },
    rows: services.map((service, index) => ({
      line: index + 2,
      cells: [...serviceTableRow(service)],
    })),
  };
}

describe("the OZG register as a table", () => {
  it("reads back what it writes, so an export can be imported again unchanged", () => {
    const services = kleveRegister();
    const { headings, rows } = table(services);
    const result = readServiceTable(headings, rows);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.services).toEqual(services);
    expect(aggregateOzgFigures(result.services, KLEVE_AS_OF)).toMatchObject({
      defined: 107,
      implemented: 44,
    });
  });

  it("accepts headings in any order and case, grouped keys and the usual ways to write yes and no", () => {
    const headings = {
      line: 1,
      cells: [
        "name",
        "LEIKA-SCHLÜSSEL",
        "Status",
        "Zuständig vor Ort",
        "Front-End online",
        "Back-End angebunden",
        "E-Payment",
        "eID",
        "Online-Anträge",
      ],
    };
    const result = readServiceTable(headings, [
      {
        line: 2,
        cells: [
          "Hundesteuer",
          "99 123 456 760 000",
          "geplant",
          "x",
          "nein",
          "0",
          "",
          "Nein",
          "",
        ],
      },
    ]);
    expect(result).toMatchObject({
      ok: true,
      services: [
        {
          leikaKey: "99123456760000",
          name: "Hundesteuer",
          isResponsibleLocally: true,
          onlineApplications: 0,
        },
      ],
    });
  });

  it("names the line and the column of every bad cell, and imports nothing", () => {
    const { headings, rows } = table();
    const broken = rows.map((row) => ({ ...row, cells: [...row.cells] }));
    broken[4]!.cells[0] = "9,91235E+13";
    broken[6]!.cells[12] = "fertig";
    broken[7]!.cells[14] = "31.02.2022";
    const result = readServiceTable(headings, broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatTableProblem)).toEqual([
      expect.stringMatching(
        /^Zeile 6, Spalte „LeiKa-Schlüssel“: „9,91235E\+13“ ist eine gekürzte Zahl/,
      ),
      expect.stringMatching(
        /^Zeile 8, Spalte „Status“: Unbekannter Status „fertig“/,
      ),
      "Zeile 9, Spalte „Gültig ab“: „31.02.2022“ ist kein Datum wie 28.11.2022.",
    ]);
  });

  it("checks the register's rules across rows: two records of one key for the same days", () => {
    const { headings, rows } = table();
    const copy = { line: rows.length + 2, cells: [...rows[0]!.cells] };
    const result = readServiceTable(headings, [...rows, copy]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatTableProblem(result.problems[0]!)).toMatch(
      new RegExp(
        `^Zeile ${rows.length + 2}, Spalte „Gültig ab“: .*\\(siehe Zeile 2\\)$`,
      ),
    );
  });

  it("refuses a table without the required columns, and an empty file", () => {
    const result = readServiceTable({ line: 1, cells: ["Name", "Farbe"] }, []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toContain(
      "Unbekannte Spalte „Farbe“.",
    );
    expect(result.problems.map((problem) => problem.message)).toContain(
      "Die Spalte „LeiKa-Schlüssel“ fehlt.",
    );
    expect(readServiceTable(undefined, [])).toMatchObject({ ok: false });
  });

  it("keeps rule warnings beside the records without refusing them", () => {
    const { headings } = table([]);
    const cells = [
      "99000000000001",
      "Online ohne Adresse",
      "",
      "ja",
      "Eigenentwicklung",
      "ja",
      "nein",
      "nein",
      "nein",
      "1",
      "",
      "",
      "online",
      "",
      "",
      "",
    ];
    const result = readServiceTable(headings, [{ line: 2, cells }]);
    expect(result).toMatchObject({
      ok: true,
      warnings: [{ line: 2, column: "URL" }],
    });
  });

  it("writes dates the German way", () => {
    const record = kleveRegister().find(
      (service) => service.validFrom === day(2022, 9, 15),
    );
    expect(serviceTableRow(record!)[14]).toBe("15.09.2022");
  });
});
