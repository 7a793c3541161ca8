/**
 * Part of `npm run bench`: importing a catalogue spreadsheet of about 4,000 rows (target
 * ≤ 10 s on the 2-core machine), measured on the compiled code in dist/ on a temporary
 * SQLite database. Three imports of the same workbook path the browser takes (read the
 * XLSX, check it, compare with the stored catalogue, write in one transaction with audit
 * events): into an empty municipality (everything new), the same file again
 * (0 Änderungen), and the file with every project's title changed. Prints the numbers
 * and always exits 0: a measurement, not a test.
 *
 * Environment: BENCH_SHEET_PROJECTS (projects, default 400; about 10 rows each).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist", "src");
const PROJECTS = Math.max(
  10,
  Number(process.env.BENCH_SHEET_PROJECTS ?? 400) || 400,
);
const TARGET_MS = 10_000;

const load = (path) => import(pathToFileURL(join(DIST, path)).href);

/** A synthetic catalogue document of PROJECTS projects. */
function syntheticDocument(titleSuffix) {
  const orgUnits = Array.from({ length: 20 }, (_, index) => ({
    code: `${10 + index}`,
    name: `Fachbereich ${10 + index}`,
    kind: "department",
  }));
  const colours = ["#1d4ed8", "#047857", "#b91c1c", "#6d28d9", "#9a3412"];
  const impactAreas = Array.from({ length: 4 }, (_, a) => ({
    key: `bereich-${a + 1}`,
    name: `Wirkungsbereich ${a + 1}`,
    actionFields: Array.from({ length: 5 }, (_, f) => ({
      key: `feld-${a + 1}-${f + 1}`,
      number: a * 5 + f + 1,
      name: `Aktionsfeld ${a + 1}.${f + 1}`,
      colour: colours[f],
      projects: [],
    })),
  }));
  const fields = impactAreas.flatMap((area) => area.actionFields);
  const counters = new Map();
  for (let index = 0; index < PROJECTS; index += 1) {
    const field = fields[index % fields.length];
    const area = impactAreas.find((each) => each.actionFields.includes(field));
    const number = (counters.get(area.key) ?? 0) + 1;
    counters.set(area.key, number);
    field.projects.push({
      slug: `projekt-${index + 1}`,
      code: `${impactAreas.indexOf(area) + 1}.${number}`,
      title: `Projekt ${index + 1}${titleSuffix}`,
      summary: `Zusammenfassung des Projekts ${index + 1}.`,
      status: "in_progress",
      tags: ["Verwaltung"],
      phases: [
        { label: "Erstellung", start: "2024-Q1", end: "2024-Q4" },
        { label: "Umsetzung", start: "2025", continuation: "ongoing" },
      ],
      measures: Array.from({ length: 4 }, (_, m) => ({
        title: `Maßnahme ${m + 1} von Projekt ${index + 1}`,
        status: m === 0 ? "done" : "planned",
      })),
      responsibilities: [
        { orgUnit: orgUnits[index % 20].code, role: "lead" },
        { orgUnit: orgUnits[(index + 1) % 20].code, role: "contributing" },
      ],
      ...(index > 0 ? { dependsOn: [`projekt-${index}`] } : {}),
    });
  }
  return {
    format: "fortschritt-catalogue",
    version: 1,
    municipality: { slug: "tabellenstadt", name: "Tabellenstadt" },
    programme: {
      title: "Tabellenstadt digital",
      horizonStart: 2024,
      horizonEnd: 2030,
      goals: [{ title: "Digital zuerst" }],
      priorities: [
        { year: 2025, title: "Schwerpunkt", projects: ["projekt-1"] },
      ],
    },
    orgUnits,
    impactAreas,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "fortschritt-bench-sheets-"));
  const { openAppContext, migrateDatabase, closeAppContext } =
    await load("app/database.js");
  const { insertMunicipality } = await load("db/municipality.repository.js");
  const { documentToTables, SHEET_IDS } = await load(
    "app/catalogue/sheets/catalogue-sheets.js",
  );
  const { importCatalogueSheetsForOperator } = await load(
    "app/catalogue/sheets/import-sheets.js",
  );
  const { writeCatalogueXlsx } = await load(
    "exports/catalogue-sheets/catalogue-workbook.js",
  );
  const ctx = await openAppContext({
    dialect: "sqlite",
    file: join(dataDir, "bench.sqlite"),
  });
  try {
    await migrateDatabase(ctx);
    await insertMunicipality(ctx.db, {
      slug: "tabellenstadt",
      name: "Tabellenstadt",
      state: null,
      website: null,
      dataVersion: 1,
      now: new Date().toISOString(),
    });
    const tables = documentToTables(syntheticDocument(""));
    const rows = SHEET_IDS.reduce((sum, id) => sum + tables[id].length, 0);
    const first = await writeCatalogueXlsx(tables);
    const edited = await writeCatalogueXlsx(
      documentToTables(syntheticDocument(" (geändert)")),
    );
    process.stdout.write(
      `\nKatalog als Tabelle: ${rows} Zeilen, ${PROJECTS} Projekte, XLSX ${Math.round(first.length / 1024)} KB\n`,
    );
    for (const [label, bytes] of [
      ["Import in eine leere Kommune", first],
      ["dieselbe Datei erneut (0 Änderungen)", first],
      ["jeder Projekttitel geändert", edited],
    ]) {
      const start = performance.now();
      const preview = await importCatalogueSheetsForOperator(ctx, {
        municipality: "tabellenstadt",
        fileName: "bench.xlsx",
        bytes,
        apply: true,
      });
      const ms = performance.now() - start;
      process.stdout.write(
        `${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   Ziel ≤ ${TARGET_MS} ms   ${ms <= TARGET_MS ? "erreicht" : "verfehlt"}   (${preview.total} Änderungen)\n`,
      );
    }
  } finally {
    await closeAppContext(ctx);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
