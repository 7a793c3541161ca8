/**
 * `fortschritt export-xlsx` and `import-xlsx` on SQLite (the use cases behind them are
 * tested on both databases in test/db/catalogue-sheets.test.ts): a round trip reads
 * "0 Änderungen", the preview without --apply changes nothing, an applied import is in the
 * audit log under the command line's name, a bad row names sheet, row and column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COMMAND_LINE_LABEL } from "../../src/app/auth/account-audit.js";
import {
  closeAppContext,
  connectionTargetOf,
  openAppContext,
} from "../../src/app/database.js";
import { runCli } from "../../src/cli/main.js";
import { loadConfig } from "../../src/config.js";
import { seedDemoDatabase } from "../support/database.js";

async function run(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  const err = vi
    .spyOn(process.stderr, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("fortschritt export-xlsx and import-xlsx", () => {
  let directory: string;
  let saved: NodeJS.ProcessEnv;

  beforeEach(() => {
    saved = { ...process.env };
    directory = mkdtempSync(join(tmpdir(), "fortschritt-sheets-cli-"));
    process.env.FORTSCHRITT_DATA_DIR = directory;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env = saved;
    rmSync(directory, { recursive: true, force: true });
  });

  it("round-trips XLSX and the ZIP of CSV files, previews an edit and applies it only with --apply", async () => {
    await seedDemoDatabase({ dialect: "sqlite", dataDir: directory });
    const xlsx = join(directory, "katalog.xlsx");
    const zip = join(directory, "katalog.zip");
    expect((await run("export-xlsx", "kleve", "--output", xlsx)).code).toBe(0);
    expect(
      (await run("export-xlsx", "kleve", "--output", zip, "--csv")).code,
    ).toBe(0);
    for (const file of [xlsx, zip]) {
      const result = await run("import-xlsx", "kleve", file);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("0 Änderungen");
    }

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    workbook.getWorksheet("Programm")!.getRow(2).getCell(1).value =
      "kleve.digital 2035";
    const edited = join(directory, "bearbeitet.xlsx");
    writeFileSync(edited, Buffer.from(await workbook.xlsx.writeBuffer()));

    const preview = await run("import-xlsx", "kleve", edited);
    expect(preview.stdout).toContain("Programm: 0 neu, 1 geändert, 0 entfernt");
    expect(preview.stdout).toContain(
      "Titel: „kleve.digital 2030“ → „kleve.digital 2035“",
    );
    expect(preview.stdout).toContain("Nichts übernommen");
    expect((await run("import-xlsx", "kleve", edited)).stdout).toContain(
      "1 Änderung.",
    );
    expect((await run("import-xlsx", "kleve", edited, "--apply")).code).toBe(0);
    expect((await run("import-xlsx", "kleve", edited)).stdout).toContain(
      "0 Änderungen",
    );

    // The audit log names the command line as it names every operator command.
    const ctx = await openAppContext(connectionTargetOf(loadConfig()));
    try {
      const imports = await ctx.db
        .selectFrom("audit_event")
        .select(["actor_label", "actor_user_id", "entity_label"])
        .where("action", "=", "catalogue.sheet-import")
        .execute();
      expect(imports).toEqual([
        {
          actor_label: COMMAND_LINE_LABEL,
          actor_user_id: null,
          entity_label: "bearbeitet.xlsx",
        },
      ]);
    } finally {
      await closeAppContext(ctx);
    }
  });

  it("names sheet, row and column of a bad row and imports nothing", async () => {
    await seedDemoDatabase({ dialect: "sqlite", dataDir: directory });
    const xlsx = join(directory, "katalog.xlsx");
    await run("export-xlsx", "kleve", "--output", xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    workbook.getWorksheet("Aktionsfelder")!.getRow(2).getCell(5).value = "gelb";
    writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = await run("import-xlsx", "kleve", xlsx, "--apply");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ERR_SHEET_IMPORT_INVALID");
    expect(result.stderr).toContain(
      "Blatt „Aktionsfelder“, Zeile 2, Spalte „Farbe“: hat nicht die erwartete Form",
    );
  });
});
