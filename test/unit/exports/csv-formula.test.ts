/**
 * CSV exports are opened in spreadsheets: a cell that starts with "=", "+", "-", "@", a
 * tab or a carriage return would run as a formula (CSV injection). Such cells are written
 * with a leading apostrophe, as OWASP recommends, and read back without it.
 */
import { describe, expect, it } from "vitest";
import type { Service } from "../../../src/domain/service/service.js";
import { readRegisterFile } from "../../../src/app/services/read-register-file.js";
import { writeRegisterFile } from "../../../src/exports/register/register-file.js";
import {
  escapeCsvFormula,
  unescapeCsvFormula,
} from "../../../src/domain/csv/csv-cell.js";

const ATTACKS = [
  '=HYPERLINK("https://evil.example","x")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];

const SERVICE: Service = {
  leikaKey: "99123456760000",
  name: "Hundesteuer",
  topic: null,
  isResponsibleLocally: true,
  channel: null,
  isFrontEndOnline: false,
  isBackEndConnected: false,
  hasEPayment: false,
  hasEId: false,
  onlineApplications: 0,
  maturity: null,
  status: "planned",
  url: null,
  validFrom: null,
  validUntil: null,
} as unknown as Service;

describe("CSV cells against formula injection", () => {
  it.each(ATTACKS)(
    "prefixes %j with an apostrophe and reads it back unchanged",
    (value) => {
      expect(escapeCsvFormula(value)).toBe(`'${value}`);
      expect(unescapeCsvFormula(escapeCsvFormula(value))).toBe(value);
    },
  );

  it("leaves ordinary text alone", () => {
    for (const value of ["Hundesteuer", "99123456760000", "", "a=b", "E-Mail"])
      expect(escapeCsvFormula(value)).toBe(value);
  });

  it("writes no cell of the register CSV that starts a formula", async () => {
    const services = ATTACKS.map((name, index) => ({
      ...SERVICE,
      leikaKey: `9912345676000${index}`,
      name,
      topic: name,
    }));
    const csv = (await writeRegisterFile(services, "csv"))
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    for (const attack of ATTACKS)
      expect(csv).toContain(`'${attack.replace(/"/g, '""')}`);
    for (const line of csv.split("\n").slice(1)) {
      for (const cell of line.split(";"))
        expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
    }
    const read = await readRegisterFile("ozg.csv", Buffer.from(csv, "utf8"));
    expect(read.rows.map((row) => row.cells[1])).toEqual(
      ATTACKS.map((value) => value.replace(/\r/g, "\r")),
    );
  });
});
