/**
 * The catalogue as a spreadsheet on both databases: an exported workbook (XLSX, or ZIP of
 * CSV files) imports as "0 Änderungen"; one edited cell is exactly one change in the
 * preview and in the catalogue, with its audit events, ids kept and editions untouched;
 * bad rows name sheet, row and column and change nothing; a municipality's own column is
 * reported and ignored; a new municipality gets a whole catalogue from a file; a flat
 * programme (no top level) round-trips exactly and stays flat.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmSheetImport,
  exportCatalogueSheets,
  importCatalogueSheetsForOperator,
  prepareSheetImport,
  showSheetImport,
} from "../../src/app/catalogue/sheets/import-sheets.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { insertMunicipality } from "../../src/db/municipality.repository.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import type { CatalogueTables } from "../../src/app/catalogue/sheets/catalogue-sheets.js";
import { AppError } from "../../src/errors.js";
import {
  writeCatalogueCsvZip,
  writeCatalogueXlsx,
} from "../../src/exports/catalogue-sheets/catalogue-workbook.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { importFlatProgramme } from "../support/flat-programme.js";
import { buildPrincipal } from "../support/principals.js";

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the import to be refused");
}

/** Changes cells of a workbook as a person would in a spreadsheet program. */
async function editWorkbook(
  bytes: Buffer,
  edit: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row of a sheet whose first cell is `key`. */
function rowWith(worksheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  for (let number = 2; number <= worksheet.rowCount; number += 1) {
    const row = worksheet.getRow(number);
    if (row.getCell(1).text === key) return row;
  }
  throw new Error(`no row ${key}`);
}

describe.each(DIALECTS)("the catalogue as a spreadsheet on %s", (dialect) => {
  let t: TestContext;
  let admin: UserPrincipal;
  let municipalityId: number;

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
    admin = buildPrincipal(municipalityId, { role: "admin", orgUnitCodes: [] });
  });
  afterAll(async () => {
    await t.close();
  });

  async function exported(format: "xlsx" | "zip"): Promise<Buffer> {
    const { tables } = await exportCatalogueSheets(t.ctx, admin, "kleve");
    return format === "xlsx"
      ? writeCatalogueXlsx(tables)
      : await writeCatalogueCsvZip(tables);
  }

  async function dataVersion(): Promise<number> {
    const row = await t.ctx.db
      .selectFrom("municipality")
      .select("data_version")
      .where("id", "=", municipalityId)
      .executeTakeFirstOrThrow();
    return row.data_version;
  }

  async function editions(): Promise<string[]> {
    const rows = await t.ctx.db
      .selectFrom("edition")
      .select("snapshot_json")
      .where("municipality_id", "=", municipalityId)
      .orderBy("number")
      .execute();
    return rows.map((row) => row.snapshot_json);
  }

  it.each(["xlsx", "zip"] as const)(
    "imports its own %s export as 0 Änderungen and writes nothing",
    async (format) => {
      const bytes = await exported(format);
      const before = await dataVersion();
      const { token, preview } = await prepareSheetImport(t.ctx, admin, {
        municipality: "kleve",
        fileName: `katalog.${format}`,
        bytes,
      });
      expect(preview.total).toBe(0);
      expect(preview.ignored).toEqual([]);
      const result = await confirmSheetImport(t.ctx, admin, {
        municipality: "kleve",
        token,
        base: preview.base,
      });
      expect(result.total).toBe(0);
      expect(await dataVersion()).toBe(before);
    },
  );

  it("shows exactly one edited cell, imports it keeping ids and editions, and then reads 0 Änderungen", async () => {
    const original = await getCatalogue(t.ctx, "kleve");
    const project = original.impactAreas[0]!.actionFields[0]!.projects[0]!;
    const editionsBefore = await editions();
    const edited = await editWorkbook(await exported("xlsx"), (workbook) => {
      rowWith(sheet(workbook, "Projekte"), project.slug).getCell(4).value =
        "Neuer Titel aus der Tabelle";
    });
    const { token, preview } = await prepareSheetImport(t.ctx, admin, {
      municipality: "kleve",
      fileName: "katalog.xlsx",
      bytes: edited,
    });
    expect(preview.total).toBe(1);
    const projects = preview.sheets.find((each) => each.sheet === "projekte")!;
    expect(projects.created).toEqual([]);
    expect(projects.removed).toEqual([]);
    expect(projects.changed).toEqual([
      {
        key: project.slug,
        line: expect.any(Number),
        cells: [
          {
            column: "Titel",
            before: project.title,
            after: "Neuer Titel aus der Tabelle",
          },
        ],
      },
    ]);
    // The preview can be shown again from the kept file; nothing is written yet.
    const again = await showSheetImport(t.ctx, admin, {
      municipality: "kleve",
      token,
    });
    expect(again.total).toBe(1);
    expect(
      (await getCatalogue(t.ctx, "kleve")).impactAreas[0]!.actionFields[0]!
        .projects[0]!.title,
    ).toBe(project.title);

    // Other tests of this file import too; this one reads only the events its import wrote.
    const lastEventBefore = await t.ctx.db
      .selectFrom("audit_event")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    await confirmSheetImport(t.ctx, admin, {
      municipality: "kleve",
      token,
      base: preview.base,
      reason: "Jahresplanung",
    });
    const after = (await getCatalogue(t.ctx, "kleve")).impactAreas[0]!
      .actionFields[0]!.projects[0]!;
    expect(after.title).toBe("Neuer Titel aus der Tabelle");
    expect(after.id).toBe(project.id);
    expect(after.version).toBe(project.version + 1);
    expect(await editions()).toEqual(editionsBefore);
    const events = await t.ctx.db
      .selectFrom("audit_event")
      .select(["action", "entity_id", "before_json", "after_json", "reason"])
      .where("municipality_id", "=", municipalityId)
      .where("action", "like", "catalogue.sheet-%")
      .where("id", ">", Number(lastEventBefore?.id ?? 0))
      .orderBy("id")
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      "catalogue.sheet-import",
      "catalogue.sheet-row-changed",
    ]);
    expect(events[1]).toMatchObject({
      entity_id: project.slug,
      reason: "Jahresplanung",
    });
    expect(JSON.parse(events[1]!.after_json!)).toEqual({
      Titel: "Neuer Titel aus der Tabelle",
    });

    // The same file once more: nothing left to change; the token is used up.
    const second = await prepareSheetImport(t.ctx, admin, {
      municipality: "kleve",
      fileName: "katalog.xlsx",
      bytes: edited,
    });
    expect(second.preview.total).toBe(0);
    const used = await rejectionOf(
      showSheetImport(t.ctx, admin, { municipality: "kleve", token }),
    );
    expect(used.code).toBe("ERR_SHEET_IMPORT_EXPIRED");
  });

  it("creates, changes and removes rows of several sheets in one import", async () => {
    const catalogue = await getCatalogue(t.ctx, "kleve");
    const field = catalogue.impactAreas[0]!.actionFields[0]!;
    const project = field.projects[1]!;
    const edited = await editWorkbook(await exported("xlsx"), (workbook) => {
      sheet(workbook, "Projekte").addRow([
        "tabellen-projekt",
        field.key,
        "9.9",
        "Projekt aus der Tabelle",
        "Neu angelegt.",
        "planned",
        "",
      ]);
      sheet(workbook, "Maßnahmen").addRow([
        "tabellen-projekt",
        "1",
        "Erste Maßnahme",
        "planned",
      ]);
      const measures = sheet(workbook, "Maßnahmen");
      for (let number = measures.rowCount; number >= 2; number -= 1) {
        const row = measures.getRow(number);
        if (row.getCell(1).text === project.slug)
          measures.spliceRows(number, 1);
      }
    });
    const { token, preview } = await prepareSheetImport(t.ctx, admin, {
      municipality: "kleve",
      fileName: "katalog.xlsx",
      bytes: edited,
    });
    const of = (id: string) =>
      preview.sheets.find((each) => each.sheet === id)!;
    expect(of("projekte").created.map((row) => row.key)).toEqual([
      "tabellen-projekt",
    ]);
    expect(of("massnahmen").created.map((row) => row.key)).toEqual([
      "tabellen-projekt · 1",
    ]);
    expect(of("massnahmen").removed).toHaveLength(project.measures.length);
    await confirmSheetImport(t.ctx, admin, {
      municipality: "kleve",
      token,
      base: preview.base,
    });
    const after = await getCatalogue(t.ctx, "kleve");
    const fieldAfter = after.impactAreas[0]!.actionFields[0]!;
    expect(fieldAfter.projects.at(-1)).toMatchObject({
      slug: "tabellen-projekt",
      code: "9.9",
      measures: [{ title: "Erste Maßnahme", status: "planned" }],
    });
    expect(
      fieldAfter.projects.find((each) => each.slug === project.slug)!.measures,
    ).toEqual([]);
  });

  it("names sheet, row, column and rule of bad rows and imports nothing", async () => {
    const before = await dataVersion();
    const edited = await editWorkbook(await exported("xlsx"), (workbook) => {
      const phases = sheet(workbook, "Phasen");
      phases.getRow(2).getCell(4).value = "irgendwann";
      const projects = sheet(workbook, "Projekte");
      projects.getRow(3).getCell(2).value = "gibt-es-nicht";
      projects.getRow(2).getCell(6).value = "fertig";
    });
    const error = await rejectionOf(
      prepareSheetImport(t.ctx, admin, {
        municipality: "kleve",
        fileName: "katalog.xlsx",
        bytes: edited,
      }),
    );
    expect(error.code).toBe("ERR_SHEET_IMPORT_INVALID");
    const messages = error.problems.map((problem) => problem.message);
    expect(messages).toContain(
      "Blatt „Projekte“, Zeile 3, Spalte „Aktionsfeld“: Das Aktionsfeld „gibt-es-nicht“ gibt es im Blatt „Aktionsfelder“ nicht.",
    );
    expect(await dataVersion()).toBe(before);

    // With the reference repaired, the rules of the catalogue speak: status and date.
    const repaired = await editWorkbook(await exported("xlsx"), (workbook) => {
      sheet(workbook, "Phasen").getRow(2).getCell(4).value = "irgendwann";
      sheet(workbook, "Projekte").getRow(2).getCell(6).value = "fertig";
    });
    const rules = await rejectionOf(
      prepareSheetImport(t.ctx, admin, {
        municipality: "kleve",
        fileName: "katalog.xlsx",
        bytes: repaired,
      }),
    );
    const ruleMessages = rules.problems.map((problem) => problem.message);
    expect(ruleMessages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Blatt „Projekte“, Zeile 2, Spalte „Status“: ist kein erlaubter Wert/,
        ),
        expect.stringMatching(
          /^Blatt „Phasen“, Zeile 2, Spalte „Beginn“: hat nicht die erwartete Form/,
        ),
      ]),
    );
    expect(await dataVersion()).toBe(before);
  });

  it("reports a column and a sheet the municipality added and ignores them", async () => {
    const edited = await editWorkbook(await exported("xlsx"), (workbook) => {
      const projects = sheet(workbook, "Projekte");
      projects.getRow(1).getCell(9).value = "Budget (intern)";
      projects.getRow(2).getCell(9).value = "120000";
      workbook.addWorksheet("Notizen").addRow(["frei"]);
    });
    const { preview } = await prepareSheetImport(t.ctx, admin, {
      municipality: "kleve",
      fileName: "katalog.xlsx",
      bytes: edited,
    });
    expect(preview.total).toBe(0);
    expect(preview.ignored).toEqual([
      "Das Blatt „Notizen“ gehört nicht zum Katalog und wird nicht gelesen.",
      "Die Spalte „Budget (intern)“ im Blatt „Projekte“ gehört nicht zum Katalog und wird nicht gelesen.",
    ]);
  });

  it("refuses a confirmation when the catalogue changed after the preview", async () => {
    const edited = await editWorkbook(await exported("xlsx"), (workbook) => {
      sheet(workbook, "Programm").getRow(2).getCell(2).value =
        "Neuer Untertitel";
    });
    const { token, preview } = await prepareSheetImport(t.ctx, admin, {
      municipality: "kleve",
      fileName: "katalog.xlsx",
      bytes: edited,
    });
    const stale = await rejectionOf(
      confirmSheetImport(t.ctx, admin, {
        municipality: "kleve",
        token,
        base: "0".repeat(32),
      }),
    );
    expect(stale.code).toBe("ERR_SHEET_IMPORT_STALE");
    // The file is kept: the current preview can still be confirmed.
    await confirmSheetImport(t.ctx, admin, {
      municipality: "kleve",
      token,
      base: preview.base,
    });
    expect((await getCatalogue(t.ctx, "kleve")).programme.subtitle).toBe(
      "Neuer Untertitel",
    );
  });

  it("lets only administrators prepare an import", async () => {
    const editor = buildPrincipal(municipalityId, { role: "editor" });
    const refused = await rejectionOf(
      prepareSheetImport(t.ctx, editor, {
        municipality: "kleve",
        fileName: "katalog.xlsx",
        bytes: await exported("xlsx"),
      }),
    );
    expect(refused.code).toBe("ERR_FORBIDDEN");
  });

  it("gives a municipality without a catalogue the whole catalogue of a file", async () => {
    await insertMunicipality(t.ctx.db, {
      slug: "neustadt",
      name: "Neustadt",
      state: null,
      website: null,
      dataVersion: 1,
      now: new Date().toISOString(),
    });
    const bytes = await exported("zip");
    const preview = await importCatalogueSheetsForOperator(t.ctx, {
      municipality: "neustadt",
      fileName: "katalog.zip",
      bytes,
      apply: true,
    });
    const kleve = await getCatalogue(t.ctx, "kleve");
    const projects = preview.sheets.find((each) => each.sheet === "projekte")!;
    expect(projects.created).toHaveLength(
      kleve.impactAreas.flatMap((area) =>
        area.actionFields.flatMap((field) => field.projects),
      ).length,
    );
    const again = await importCatalogueSheetsForOperator(t.ctx, {
      municipality: "neustadt",
      fileName: "katalog.zip",
      bytes,
      apply: false,
    });
    expect(again.total).toBe(0);
  });

  it.each(["xlsx", "zip"] as const)(
    "round-trips a flat programme's %s export exactly, with its topics in the sheet of action fields",
    async (format) => {
      const slug = await importFlatProgramme(t.ctx, `flach-${format}`);
      const before = await getCatalogue(t.ctx, slug);
      const flatAdmin = buildPrincipal(before.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      });
      const write = (tables: CatalogueTables) =>
        format === "xlsx"
          ? writeCatalogueXlsx(tables)
          : writeCatalogueCsvZip(tables);
      const { tables } = await exportCatalogueSheets(t.ctx, flatAdmin, slug);
      expect(tables.wirkungsbereiche).toEqual([]);
      expect(
        tables.aktionsfelder.map((row) => [
          row.cells.Schlüssel,
          row.cells.Wirkungsbereich,
          row.cells.Name,
        ]),
      ).toEqual([
        ["e-akte", "", "E-Akte"],
        ["kita", "", "Kita-Digitalisierung"],
      ]);
      expect(tables.projekte.map((row) => row.cells.Kurzname)).toEqual([
        "e-akte-einfuehrung",
        "kita-portal",
      ]);

      const again = await prepareSheetImport(t.ctx, flatAdmin, {
        municipality: slug,
        fileName: `flach.${format}`,
        bytes: await write(tables),
      });
      expect(again.preview.total).toBe(0);
      const confirmed = await confirmSheetImport(t.ctx, flatAdmin, {
        municipality: slug,
        token: again.token,
        base: again.preview.base,
      });
      expect(confirmed.total).toBe(0);
      expect(await getCatalogue(t.ctx, slug)).toEqual(before);

      // One renamed topic is one change; the programme stays flat with its own names.
      const renamed: CatalogueTables = {
        ...tables,
        aktionsfelder: tables.aktionsfelder.map((row) =>
          row.cells.Schlüssel === "kita"
            ? { ...row, cells: { ...row.cells, Name: "Kita und Schule" } }
            : row,
        ),
      };
      const edit = await prepareSheetImport(t.ctx, flatAdmin, {
        municipality: slug,
        fileName: `flach.${format}`,
        bytes: await write(renamed),
      });
      expect(edit.preview.total).toBe(1);
      await confirmSheetImport(t.ctx, flatAdmin, {
        municipality: slug,
        token: edit.token,
        base: edit.preview.base,
      });
      const after = await getCatalogue(t.ctx, slug);
      expect(after.programme.levels).toEqual(before.programme.levels);
      expect(after.programme.orgUnitKinds).toEqual(
        before.programme.orgUnitKinds,
      );
      expect(
        (await exportCatalogueSheets(t.ctx, flatAdmin, slug)).tables,
      ).toEqual(renamed);

      // An impact area in a flat programme's file is named and nothing is imported.
      const withArea: CatalogueTables = {
        ...renamed,
        aktionsfelder: renamed.aktionsfelder.map((row, index) =>
          index === 0
            ? { ...row, cells: { ...row.cells, Wirkungsbereich: "oben" } }
            : row,
        ),
      };
      const error = await rejectionOf(
        prepareSheetImport(t.ctx, flatAdmin, {
          municipality: slug,
          fileName: `flach.${format}`,
          bytes: await write(withArea),
        }),
      );
      expect(error.code).toBe("ERR_SHEET_IMPORT_INVALID");
      expect(error.problems.map((problem) => problem.message)).toEqual([
        "Blatt „Aktionsfelder“, Zeile 2, Spalte „Wirkungsbereich“: Das Programm hat keine oberste Ebene: Die Spalte bleibt leer.",
      ]);
      expect(
        (await exportCatalogueSheets(t.ctx, flatAdmin, slug)).tables,
      ).toEqual(renamed);
    },
  );
});
