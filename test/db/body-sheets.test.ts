/**
 * Bodies, their members and meetings survive the catalogue spreadsheet (sheets „Gremien“,
 * „Mitglieder“, „Sitzungen“), as XLSX and as CSV, on both databases. An import never
 * removes a meeting; bad rows (a kind not in the list, a member's visibility left open, a
 * day that does not exist) are refused naming sheet, row and column, and nothing changes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  exportCatalogue,
  importCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import type { CatalogueDocument } from "../../src/app/catalogue/catalogue-document.schema.js";
import {
  exportCatalogueSheetsForOperator,
  importCatalogueSheetsForOperator,
} from "../../src/app/catalogue/sheets/import-sheets.js";
import type { CatalogueTables } from "../../src/app/catalogue/sheets/catalogue-sheets.js";
import {
  writeCatalogueCsvZip,
  writeCatalogueXlsx,
} from "../../src/exports/catalogue-sheets/catalogue-workbook.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import {
  FLAT_BODIES,
  flatProgrammeDocument,
} from "../support/flat-programme.js";
import { appErrorOf } from "../support/failure.js";

const SLUG = "flachland";

function withBodies(): CatalogueDocument {
  return {
    ...(flatProgrammeDocument(SLUG) as CatalogueDocument),
    bodies: structuredClone(FLAT_BODIES),
  };
}

describe.each(DIALECTS)("bodies in the spreadsheet on %s", (dialect) => {
  let source: TestContext;
  let target: TestContext;

  beforeEach(async () => {
    source = await openTestContext(dialect);
    target = await openTestContext(dialect);
  });
  afterEach(async () => {
    await source?.close();
    await target?.close();
  });

  it.each(["xlsx", "zip"] as const)(
    "carries bodies, members and meetings through the %s file into a municipality without them",
    async (format) => {
      await importCatalogue(source.ctx, withBodies(), { source: "test" });
      const tables = await exportCatalogueSheetsForOperator(source.ctx, SLUG);
      expect(tables.gremien.map((row) => row.cells)).toEqual([
        {
          Kürzel: "DB",
          Name: "Digitalbeirat",
          Art: "Beirat",
          "OParl-Adresse": "https://oparl.example/organization/3",
        },
        {
          Kürzel: "LG",
          Name: "Lenkungsgruppe E-Akte",
          Art: "Lenkungsgruppe",
          "OParl-Adresse": "",
        },
      ]);
      expect(tables.mitglieder[1]?.cells).toMatchObject({
        Gremium: "DB",
        "Nr.": "2",
        Name: "Ingo Intern",
        Öffentlich: "nein",
      });
      expect(tables.sitzungen[0]?.cells).toMatchObject({
        Gremium: "DB",
        Datum: "2022-11-10",
        TOP: "4",
        Vortragende: "Dana Beispiel (Chief Digital Officer); Kai Muster",
        "Fragen und Antworten":
          "F: Wann erhalten die Kitas die neue Software?\nA: Im zweiten Halbjahr, nach dem Pilotamt.\n\nF: Und die Schulen?\nA: Ab 2024.",
      });
      const bytes =
        format === "xlsx"
          ? await writeCatalogueXlsx(tables)
          : await writeCatalogueCsvZip(tables);
      await importCatalogue(target.ctx, flatProgrammeDocument(SLUG), {
        source: "test",
      });
      const preview = await importCatalogueSheetsForOperator(target.ctx, {
        municipality: SLUG,
        fileName: `katalog.${format}`,
        bytes,
        apply: true,
      });
      // Two bodies, two members, two meetings.
      expect(preview.total).toBe(6);
      expect((await exportCatalogue(target.ctx, SLUG)).bodies).toEqual(
        FLAT_BODIES,
      );
      const again = await importCatalogueSheetsForOperator(target.ctx, {
        municipality: SLUG,
        fileName: `katalog.${format}`,
        bytes,
        apply: false,
      });
      expect(again.total).toBe(0);
    },
  );

  it("never removes a meeting, and a workbook without the body sheets leaves the bodies as they are", async () => {
    await importCatalogue(target.ctx, withBodies(), { source: "test" });
    const before = await exportCatalogue(target.ctx, SLUG);
    const tables = await exportCatalogueSheetsForOperator(target.ctx, SLUG);
    const withoutMeetings: CatalogueTables = { ...tables, sitzungen: [] };
    await importCatalogueSheetsForOperator(target.ctx, {
      municipality: SLUG,
      fileName: "ohne-sitzungen.xlsx",
      bytes: await writeCatalogueXlsx(withoutMeetings),
      apply: true,
    });
    expect(await exportCatalogue(target.ctx, SLUG)).toEqual(before);

    // An older workbook: the three sheets are missing altogether.
    const zip = await (
      await import("jszip")
    ).default.loadAsync(await writeCatalogueCsvZip(tables));
    for (const name of Object.keys(zip.files))
      if (/gremien|mitglieder|sitzungen/.test(name)) zip.remove(name);
    const preview = await importCatalogueSheetsForOperator(target.ctx, {
      municipality: SLUG,
      fileName: "alt.zip",
      bytes: await zip.generateAsync({ type: "nodebuffer" }),
      apply: true,
    });
    expect(preview.total).toBe(0);
    expect(await exportCatalogue(target.ctx, SLUG)).toEqual(before);
  });

  it("refuses bad rows naming sheet, row and column, and changes nothing", async () => {
    await importCatalogue(target.ctx, withBodies(), { source: "test" });
    const before = await exportCatalogue(target.ctx, SLUG);
    const tables = await exportCatalogueSheetsForOperator(target.ctx, SLUG);
    const edit = (
      rows: CatalogueTables["gremien"],
      index: number,
      cells: Record<string, string>,
    ) =>
      rows.map((row, at) =>
        at === index ? { ...row, cells: { ...row.cells, ...cells } } : row,
      );
    const broken: CatalogueTables = {
      ...tables,
      gremien: edit(tables.gremien, 1, { Art: "Stammtisch" }),
      mitglieder: edit(tables.mitglieder, 0, { Öffentlich: "" }),
      sitzungen: edit(tables.sitzungen, 1, { Datum: "31.02.2023" }),
    };
    const error = await appErrorOf(
      importCatalogueSheetsForOperator(target.ctx, {
        municipality: SLUG,
        fileName: "kaputt.xlsx",
        bytes: await writeCatalogueXlsx(broken),
        apply: true,
      }),
    );
    expect(error.code).toBe("ERR_SHEET_IMPORT_INVALID");
    expect(error.problems.map((each) => each.message)).toEqual(
      expect.arrayContaining([
        "Blatt „Gremien“, Zeile 3, Spalte „Art“: „Stammtisch“ ist keine Art aus der Liste: Ausschuss, Beirat, Arbeitskreis, Lenkungsgruppe.",
        "Blatt „Mitglieder“, Zeile 2, Spalte „Öffentlich“: Bitte „ja“ oder „nein“ eintragen: Ob ein Name öffentlich erscheinen darf, wird für jedes Mitglied ausdrücklich entschieden.",
        "Blatt „Sitzungen“, Zeile 3, Spalte „Datum“: „31.02.2023“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).",
      ]),
    );
    expect(await exportCatalogue(target.ctx, SLUG)).toEqual(before);
  });
});
