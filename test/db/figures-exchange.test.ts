/**
 * Everything a municipality writes in its own shape survives the exchange file, on both
 * databases: a flat programme with its level names and org-unit kinds, phases with an open
 * end, measures with period, unit, description and phase, an advisory board with its
 * members (each public or not) and a meeting with agenda item, paper reference, OParl
 * links, presenters and questions and answers, and key figures of every kind with all their dated values are
 * exported, imported into an empty database and exported again unchanged. An import adds
 * values as of their dates and never changes a recorded one; bad values in a file are
 * refused with a German message naming where, and nothing is imported.
 */
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  exportCatalogue,
  importCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import {
  getCatalogue,
  listMunicipalities,
} from "../../src/app/catalogue/read-catalogue.js";
import type { CatalogueDocument } from "../../src/app/catalogue/catalogue-document.schema.js";
import {
  addObservation,
  createIndicator,
} from "../../src/app/indicators/manage-indicators.js";
import {
  exportCatalogueSheetsForOperator,
  importCatalogueSheetsForOperator,
} from "../../src/app/catalogue/sheets/import-sheets.js";
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
import { buildPrincipal } from "../support/principals.js";
import { appErrorOf } from "../support/failure.js";

const SLUG = "flachland";

/** The flat programme with measures that carry a period, a unit, a description and a phase. */
function shapedDocument(): CatalogueDocument {
  const document = structuredClone(
    flatProgrammeDocument(SLUG),
  ) as CatalogueDocument;
  const project = document.actionFields?.[0]?.projects[0];
  if (project === undefined) throw new Error("fixture changed");
  project.measures = [
    {
      title: "Pilotamt auswählen",
      status: "done",
      start: "2023-Q1",
      end: "2023-05",
      orgUnit: "cdo",
      description: "Ein Amt mit vielen Akten und Lust auf Neues.",
      phase: "Pilot",
    },
    { title: "Schulungen planen", status: "planned", start: "2025" },
  ];
  document.bodies = structuredClone(FLAT_BODIES);
  return document;
}

const base = {
  definition: "Was gezählt wird",
  source: "Personalverwaltung",
  owner: "Stabsstelle CDO",
  denominatorLabel: null,
  chartKind: "line" as const,
};

describe.each(DIALECTS)(
  "the exchange file in a municipality's own shape on %s",
  (dialect) => {
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

    /** The source municipality with key figures of every kind, recorded as people write them. */
    async function figures(): Promise<void> {
      await importCatalogue(source.ctx, shapedDocument(), { source: "test" });
      const { municipality } = await getCatalogue(source.ctx, SLUG);
      const admin = buildPrincipal(municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      });
      const define = (
        key: string,
        data: Partial<Parameters<typeof createIndicator>[2]["data"]>,
      ) =>
        createIndicator(source.ctx, admin, {
          municipality: SLUG,
          key,
          data: {
            ...base,
            name: key,
            unit: "Beschäftigte",
            kind: "count",
            projectSlug: null,
            ...data,
          },
        });
      await define("sitzungen", {
        kind: "ratio",
        unit: "Sitzungen",
        denominatorLabel: "Sitzungen insgesamt",
        projectSlug: "e-akte-einfuehrung",
      });
      await define("quote", {
        kind: "percent",
        unit: "%",
        decimals: 1,
        target: { value: 80, day: "2027-12-31" },
      });
      await define("strecke", { kind: "decimal", unit: "km", decimals: 2 });
      await define("teilnehmende", { unit: "Teilnehmende", chartKind: "bar" });
      await define("beschaeftigte", {});
      const values: [string, string, string, string?][] = [
        ["sitzungen", "2023-03-01", "1 von 3"],
        ["sitzungen", "2024-03-01", "2 von 3"],
        ["quote", "2023-06-30", "50 %"],
        ["quote", "2024-06-30", "66,7 %"],
        ["quote", "2025-06-30", "72,5 %"],
        ["strecke", "2024-01-15", "4,25"],
        ["teilnehmende", "2024-05-01", "mehr als 60"],
        ["teilnehmende", "2024-09-01", "rund 110"],
        [
          "beschaeftigte",
          "2022-11-28",
          "111",
          "23 Führungskräfte\n88 Mitarbeitende",
        ],
      ];
      const versions = new Map<string, number>();
      for (const [key, day, value, breakdown] of values) {
        const expectedVersion = versions.get(key) ?? 1;
        const { version } = await addObservation(source.ctx, admin, {
          municipality: SLUG,
          indicator: key,
          expectedVersion,
          data: {
            day,
            value,
            note: key === "strecke" ? "gemessen" : null,
            ...(breakdown === undefined ? {} : { breakdown }),
          },
        });
        versions.set(key, version);
      }
    }

    it("exports everything, imports it into an empty database and exports the same again", async () => {
      await figures();
      const exported = await exportCatalogue(source.ctx, SLUG);
      expect(exported.programme.levels).toMatchObject({
        flat: true,
        actionField: { singular: "Thema", plural: "Themen" },
      });
      expect(exported.programme.orgUnitKinds).toEqual([
        { key: "dezernat", label: "Dezernat" },
        { key: "stabsstelle", label: "Stabsstelle" },
      ]);
      expect(exported.orgUnits).toEqual([
        { code: "cdo", name: "Stabsstelle CDO", kind: "stabsstelle" },
      ]);
      expect(exported.actionFields?.[0]?.projects[0]?.phases).toEqual([
        { label: "Pilot", start: "2023", end: "2024" },
        { label: "Rollout", start: "2024-Q2", continuation: "undecided" },
      ]);
      expect(exported.bodies).toEqual(FLAT_BODIES);
      expect(exported.actionFields?.[0]?.projects[0]?.measures[0]).toEqual({
        title: "Pilotamt auswählen",
        status: "done",
        start: "2023-Q1",
        end: "2023-05",
        orgUnit: "cdo",
        description: "Ein Amt mit vielen Akten und Lust auf Neues.",
        phase: "Pilot",
      });
      const byKey = new Map(
        (exported.indicators ?? []).map((each) => [each.key, each]),
      );
      expect(byKey.get("sitzungen")).toMatchObject({
        kind: "ratio",
        project: "e-akte-einfuehrung",
        denominatorLabel: "Sitzungen insgesamt",
        values: [
          { day: "2023-03-01", value: 1, denominator: 3 },
          { day: "2024-03-01", value: 2, denominator: 3 },
        ],
      });
      expect(byKey.get("quote")).toMatchObject({
        kind: "percent",
        decimals: 1,
        target: { value: 80, day: "2027-12-31" },
        values: [{ value: 50 }, { value: 66.7 }, { value: 72.5 }],
      });
      expect(byKey.get("strecke")).toMatchObject({
        decimals: 2,
        unit: "km",
        values: [{ value: 4.25, note: "gemessen" }],
      });
      expect(byKey.get("teilnehmende")).toMatchObject({
        chart: "bar",
        values: [
          { value: 60, qualifier: "more_than" },
          { value: 110, qualifier: "about" },
        ],
      });
      expect(byKey.get("beschaeftigte")?.values).toEqual([
        {
          day: "2022-11-28",
          value: 111,
          breakdown: [
            { label: "Führungskräfte", value: 23 },
            { label: "Mitarbeitende", value: 88 },
          ],
        },
      ]);

      await importCatalogue(target.ctx, JSON.parse(JSON.stringify(exported)), {
        source: "flachland.json",
      });
      expect(await exportCatalogue(target.ctx, SLUG)).toEqual(exported);
    });

    it("adds values as of their dates and never changes a recorded one", async () => {
      await figures();
      const exported = await exportCatalogue(source.ctx, SLUG);
      await importCatalogue(target.ctx, structuredClone(exported), {
        source: "erste.json",
      });

      // A later file: the same history, one new value, and a figure renamed in the file.
      const later = structuredClone(exported);
      const quote = later.indicators?.find((each) => each.key === "quote");
      if (quote === undefined) throw new Error("no quote");
      quote.name = "Anders benannt";
      quote.values.push({ day: "2026-06-30", value: 75.5 });
      await importCatalogue(target.ctx, later, {
        source: "zweite.json",
        replace: true,
      });
      const after = await exportCatalogue(target.ctx, SLUG);
      const stored = after.indicators?.find((each) => each.key === "quote");
      expect(stored?.name).toBe("quote");
      expect(stored?.values.map((each) => [each.day, each.value])).toEqual([
        ["2023-06-30", 50],
        ["2024-06-30", 66.7],
        ["2025-06-30", 72.5],
        ["2026-06-30", 75.5],
      ]);

      // A file that would change a recorded value is refused as a whole.
      const rewritten = structuredClone(after);
      const changed = rewritten.indicators?.find(
        (each) => each.key === "quote",
      );
      if (changed?.values[1] === undefined) throw new Error("no value");
      changed.values[1].value = 70;
      rewritten.indicators
        ?.find((each) => each.key === "strecke")
        ?.values.push({ day: "2025-01-15", value: 5 });
      const index = rewritten.indicators?.indexOf(changed) ?? -1;
      const error = await appErrorOf(
        importCatalogue(target.ctx, rewritten, {
          source: "dritte.json",
          replace: true,
        }),
      );
      expect(error.code).toBe("ERR_IMPORT_INVALID");
      expect(error.problems).toContainEqual({
        path: `/indicators/${index}/values/1`,
        message: expect.stringMatching(
          /^Für den 30\.06\.2024 ist bei „quote“ schon 66,7\s%.*Ein Import ändert keine erfassten Werte/,
        ),
      });
      expect(await exportCatalogue(target.ctx, SLUG)).toEqual(after);
    });

    it("refuses a breakdown that does not add up, too many decimals and an end before the start, and imports nothing", async () => {
      await figures();
      const exported = await exportCatalogue(source.ctx, SLUG);
      const broken = structuredClone(exported);
      const indicators = broken.indicators ?? [];
      const at = (key: string) =>
        indicators.findIndex((each) => each.key === key);
      const staff = indicators[at("beschaeftigte")];
      const quote = indicators[at("quote")];
      const measure = broken.actionFields?.[0]?.projects[0]?.measures[0];
      if (
        staff?.values[0] === undefined ||
        quote?.values[0] === undefined ||
        measure === undefined
      )
        throw new Error("fixture changed");
      staff.values[0].value = 112;
      quote.values[0].value = 50.25;
      measure.end = "2022";
      const error = await appErrorOf(
        importCatalogue(target.ctx, broken, { source: "kaputt.json" }),
      );
      expect(error.code).toBe("ERR_IMPORT_INVALID");
      expect(error.problems).toEqual(
        expect.arrayContaining([
          {
            path: `/indicators/${at("beschaeftigte")}/values/0/breakdown`,
            message:
              "Die Aufteilung geht nicht auf: 23 + 88 = 111, der Wert ist aber 112.",
          },
          {
            path: `/indicators/${at("quote")}/values/0/value`,
            message:
              "Der Wert 50,25 hat zu viele Nachkommastellen: „quote“ wird mit 1 Nachkommastelle erfasst.",
          },
          {
            path: "/actionFields/0/projects/0/measures/0/end",
            message: expect.stringMatching(
              /^Das Ende \(2022\) liegt vor dem Beginn \(QI\/2023\)\.$/,
            ) as unknown as string,
          },
        ]),
      );
      expect(
        (await listMunicipalities(target.ctx)).map((each) => each.slug),
      ).not.toContain(SLUG);
    });
    it.each(["xlsx", "zip"] as const)(
      "carries a measure's period, unit, description and phase and the flat shape through the %s spreadsheet",
      async (format) => {
        await importCatalogue(source.ctx, shapedDocument(), { source: "test" });
        const tables = await exportCatalogueSheetsForOperator(source.ctx, SLUG);
        expect(tables.massnahmen[0]?.cells).toMatchObject({
          Beginn: "2023-Q1",
          Ende: "2023-05",
          Organisationseinheit: "cdo",
          Beschreibung: "Ein Amt mit vielen Akten und Lust auf Neues.",
          Phase: "Pilot",
        });
        const bytes =
          format === "xlsx"
            ? await writeCatalogueXlsx(tables)
            : await writeCatalogueCsvZip(tables);
        // The target has the same programme and bodies without any measure details.
        await importCatalogue(
          target.ctx,
          {
            ...(flatProgrammeDocument(SLUG) as CatalogueDocument),
            bodies: shapedDocument().bodies,
          },
          { source: "test" },
        );
        const preview = await importCatalogueSheetsForOperator(target.ctx, {
          municipality: SLUG,
          fileName: `katalog.${format}`,
          bytes,
          apply: true,
        });
        expect(preview.total).toBe(2);
        expect(await exportCatalogue(target.ctx, SLUG)).toEqual(
          await exportCatalogue(source.ctx, SLUG),
        );
        // Its own export reads as no change.
        const again = await importCatalogueSheetsForOperator(target.ctx, {
          municipality: SLUG,
          fileName: `katalog.${format}`,
          bytes,
          apply: false,
        });
        expect(again.total).toBe(0);
      },
    );

    it("keeps a measure's details when an older workbook has no columns for them", async () => {
      await importCatalogue(target.ctx, shapedDocument(), { source: "test" });
      const before = await exportCatalogue(target.ctx, SLUG);
      const tables = await exportCatalogueSheetsForOperator(target.ctx, SLUG);
      // The workbook as it was written before measures had details: four columns.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await writeCatalogueXlsx(tables)) as unknown as ExcelJS.Buffer,
      );
      const sheet = workbook.getWorksheet("Maßnahmen");
      if (sheet === undefined) throw new Error("no sheet");
      sheet.eachRow((row) => {
        for (let column = 5; column <= 9; column += 1)
          row.getCell(column).value = null;
      });
      expect(sheet.getRow(1).getCell(5).text).toBe("");
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const preview = await importCatalogueSheetsForOperator(target.ctx, {
        municipality: SLUG,
        fileName: "alt.xlsx",
        bytes,
        apply: true,
      });
      expect(preview.total).toBe(0);
      expect(await exportCatalogue(target.ctx, SLUG)).toEqual(before);
    });

    it("refuses a measure ending before it starts in the spreadsheet, naming sheet, row and column, and changes nothing", async () => {
      await importCatalogue(target.ctx, shapedDocument(), { source: "test" });
      const before = await exportCatalogue(target.ctx, SLUG);
      const tables = await exportCatalogueSheetsForOperator(target.ctx, SLUG);
      const first = tables.massnahmen[0];
      if (first === undefined) throw new Error("no measure");
      const broken = {
        ...tables,
        massnahmen: [
          { line: first.line, cells: { ...first.cells, Ende: "2022" } },
          ...tables.massnahmen.slice(1),
        ],
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
      expect(error.problems?.map((each) => each.message)).toContain(
        "Blatt „Maßnahmen“, Zeile 2, Spalte „Ende“: Das Ende (2022) liegt vor dem Beginn (QI/2023).",
      );
      expect(await exportCatalogue(target.ctx, SLUG)).toEqual(before);
    });
  },
);
