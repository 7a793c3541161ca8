/**
 * A flat programme (topics → projects → steps, own org unit kinds) as a spreadsheet, on
 * both databases: its export lists the topics without impact area and with their
 * projects, phases and steps; its own export imports as "0 Änderungen"; an edited cell is
 * one change that keeps the programme flat with its names; an impact area written into a
 * flat programme's workbook is refused and changes nothing (docs/adr/0029, 0027).
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import {
  confirmSheetImport,
  exportCatalogueSheets,
  prepareSheetImport,
} from "../../src/app/catalogue/sheets/import-sheets.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import {
  listProjects,
  visibleImpactAreas,
} from "../../src/domain/catalogue/catalogue.js";
import { AppError } from "../../src/errors.js";
import { writeCatalogueXlsx } from "../../src/exports/catalogue-sheets/catalogue-workbook.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import {
  FLAT_PROJECT,
  importFlatProgramme,
} from "../support/flat-programme.js";
import { buildPrincipal } from "../support/principals.js";

async function edited(
  bytes: Buffer,
  edit: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function worksheet(workbook: ExcelJS.Workbook, name: string) {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

describe.each(DIALECTS)(
  "a flat programme as a spreadsheet on %s",
  (dialect) => {
    let t: TestContext;
    let admin: UserPrincipal;
    const slug = "flachland";

    beforeAll(async () => {
      t = await openTestContext(dialect);
      await importFlatProgramme(t.ctx, slug);
      admin = buildPrincipal(
        (await getCatalogue(t.ctx, slug)).municipality.id,
        {
          role: "admin",
          orgUnitCodes: [],
        },
      );
    });
    afterAll(async () => {
      await t?.close();
    });

    async function exported(): Promise<Buffer> {
      const { tables } = await exportCatalogueSheets(t.ctx, admin, slug);
      return writeCatalogueXlsx(tables);
    }

    it("exports its topics without impact area, with their projects, phases and steps", async () => {
      const { tables } = await exportCatalogueSheets(t.ctx, admin, slug);
      expect(tables.wirkungsbereiche).toEqual([]);
      expect(
        tables.aktionsfelder.map((row) => [
          row.cells.Schlüssel,
          row.cells.Wirkungsbereich,
        ]),
      ).toEqual([
        ["e-akte", ""],
        ["kita", ""],
      ]);
      expect(tables.projekte.map((row) => row.cells.Kurzname)).toEqual([
        FLAT_PROJECT,
        "kita-portal",
      ]);
      expect(
        tables.phasen.map((row) => row.cells.Fortsetzung).filter(Boolean),
      ).toEqual(["undecided"]);
      expect(tables.massnahmen).toHaveLength(2);
      expect(tables.organisationseinheiten[0]?.cells.Art).toBe("stabsstelle");
    });

    it("imports its own export as 0 Änderungen", async () => {
      const { preview } = await prepareSheetImport(t.ctx, admin, {
        municipality: slug,
        fileName: "flachland.xlsx",
        bytes: await exported(),
      });
      expect(preview.total).toBe(0);
    });

    it("imports an edited title as one change and stays flat with its names", async () => {
      const bytes = await edited(await exported(), (workbook) => {
        const sheet = worksheet(workbook, "Projekte");
        for (let number = 2; number <= sheet.rowCount; number += 1) {
          const row = sheet.getRow(number);
          if (row.getCell(1).text === "kita-portal")
            row.getCell(4).value = "Kita-Portal für alle Eltern";
        }
      });
      const { token, preview } = await prepareSheetImport(t.ctx, admin, {
        municipality: slug,
        fileName: "flachland.xlsx",
        bytes,
      });
      expect(preview.total).toBe(1);
      await confirmSheetImport(t.ctx, admin, {
        municipality: slug,
        token,
        base: preview.base,
      });
      const catalogue = await getCatalogue(t.ctx, slug);
      expect(catalogue.programme.levels.flat).toBe(true);
      expect(catalogue.programme.levels.actionField.singular).toBe("Thema");
      expect(visibleImpactAreas(catalogue)).toEqual([]);
      const titles = listProjects(catalogue).map(
        (entry) => entry.project.title,
      );
      expect(titles).toContain("Kita-Portal für alle Eltern");
      expect(titles).toContain("Einführung der E-Akte");
    });

    it("refuses an impact area in a flat programme's workbook and changes nothing", async () => {
      const before = await getCatalogue(t.ctx, slug);
      const bytes = await edited(await exported(), (workbook) => {
        worksheet(workbook, "Wirkungsbereiche").addRow([
          "verwaltung",
          "Digitale Verwaltung",
          "",
        ]);
        const fields = worksheet(workbook, "Aktionsfelder");
        fields.getRow(2).getCell(2).value = "verwaltung";
      });
      const error = await prepareSheetImport(t.ctx, admin, {
        municipality: slug,
        fileName: "flachland.xlsx",
        bytes,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      const messages = (error as AppError).problems.map(
        (problem) => problem.message,
      );
      // Sheet, row and (for the field) column are named, with the reason.
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^Blatt „Wirkungsbereiche“, Zeile 2\b.*keine oberste Ebene/,
        ),
      );
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^Blatt „Aktionsfelder“, Zeile 2, Spalte „Wirkungsbereich“.*keine oberste Ebene/,
        ),
      );
      expect(await getCatalogue(t.ctx, slug)).toEqual(before);
    });
  },
);
