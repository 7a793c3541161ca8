import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { DIALECTS, seedDemoDatabase } from "../support/database.js";
import { postgresAdminUrl } from "../support/environment.js";

/** Runs the CLI in-process and captures what it prints. */
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

describe("the fortschritt command without a database", () => {
  it("lists its commands with --help", async () => {
    const result = await run("--help");
    expect(result.code).toBe(0);
    for (const command of [
      "serve",
      "migrate",
      "demo",
      "export-json",
      "import-json",
      "backup",
      "restore",
    ]) {
      expect(result.stdout).toContain(command);
    }
  });

  it("explains each command with --help", async () => {
    const result = await run("import-json", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Aufruf: fortschritt import-json <Datei>");
  });

  it("refuses an unknown command with exit code 2", async () => {
    const result = await run("zaubern");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unbekannter Befehl "zaubern"');
  });

  it("refuses an unknown option with exit code 2 and the command's help", async () => {
    const result = await run("demo", "--kaputt");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Aufruf: fortschritt demo");
  });
});

describe.each(DIALECTS)("the fortschritt command on %s", (dialect) => {
  // Every test gets an empty database and data directory of its own.
  let directory: string;
  let databaseName: string;
  let saved: NodeJS.ProcessEnv;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: postgresAdminUrl() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeEach(async () => {
    saved = { ...process.env };
    directory = mkdtempSync(join(tmpdir(), "fortschritt-cli-"));
    process.env.FORTSCHRITT_DATA_DIR = directory;
    if (dialect === "postgres") {
      databaseName = `fortschritt_cli_${process.pid}_${randomBytes(4).toString("hex")}`;
      await admin(`create database ${databaseName}`);
      const url = new URL(postgresAdminUrl());
      url.pathname = `/${databaseName}`;
      process.env.DATABASE_URL = url.toString();
    } else {
      delete process.env.DATABASE_URL;
    }
  });

  /** The demo as `fortschritt demo` loads it, for tests of the other commands. */
  const seedDemo = (): Promise<void> =>
    seedDemoDatabase(
      dialect === "sqlite"
        ? { dialect, dataDir: directory }
        : { dialect, name: databaseName },
    );

  afterEach(async () => {
    vi.restoreAllMocks();
    process.env = saved;
    rmSync(directory, { recursive: true, force: true });
    if (dialect === "postgres")
      await admin(`drop database if exists ${databaseName} with (force)`);
  });

  it("migrates, then says the schema is current", async () => {
    expect((await run("migrate")).stdout).toContain("2026-11-21-catalogue");
    expect((await run("migrate")).stdout).toContain("bereits aktuell");
  });

  it("loads the demo catalogue once and refuses to load it over itself", async () => {
    const first = await run("demo");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("42 Projekte");
    const second = await run("demo");
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("ERR_IMPORT_MUNICIPALITY_EXISTS");
  });

  it("exports a municipality and imports the file again losslessly", async () => {
    await seedDemo();
    const file = join(directory, "kleve.json");
    expect((await run("export-json", "kleve", "--output", file)).code).toBe(0);
    const exported = JSON.parse(readFileSync(file, "utf8"));
    expect(exported.municipality.slug).toBe("kleve");
    const imported = await run("import-json", file, "--replace");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Ersetzt: kleve");
    const again = await run("export-json", "kleve");
    expect(JSON.parse(again.stdout)).toEqual(exported);
  });

  it("names the file, the path inside it and the rule for an invalid file, and imports nothing", async () => {
    await seedDemo();
    const exported = JSON.parse((await run("export-json", "kleve")).stdout);
    exported.municipality.slug = "kaputt";
    exported.impactAreas[1].actionFields[0].projects[2].status = "fertig";
    delete exported.programme.title;
    const file = join(directory, "kaputt.json");
    writeFileSync(file, JSON.stringify(exported, null, 2));
    const result = await run("import-json", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(
      /projects\/2\/status: ist kein erlaubter Wert.*\(Zeile \d+, Spalte \d+\)/,
    );
    expect(result.stderr).toContain(
      "/impactAreas/1/actionFields/0/projects/2/status: ist kein erlaubter Wert",
    );
    expect(result.stderr).toContain(
      "/programme/title: fehlt, ist aber Pflicht",
    );
    expect((await run("export-json", "kaputt")).stderr).toContain(
      "ERR_MUNICIPALITY_NOT_FOUND",
    );
  });

  it("names the line of a file that is not JSON or YAML at all", async () => {
    const file = join(directory, "syntax.json");
    writeFileSync(
      file,
      '{\n  "format": "fortschritt-catalogue",\n  "version": 1,,\n}',
    );
    const result = await run("import-json", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/syntax\.json, Zeile \d/);
  });

  it("says so when the file does not exist", async () => {
    const result = await run("import-json", join(directory, "fehlt.json"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("lässt sich nicht lesen");
  });

  it("backs up the database, refuses to restore over data without --force, and restores with it", async () => {
    await seedDemo();
    const file = join(directory, "sicherung.fortschritt.gz");
    const backup = await run("backup", file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/SHA-256: [0-9a-f]{64}/);
    const refused = await run("restore", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ERR_RESTORE_TARGET_NOT_EMPTY");
    const forced = await run("restore", file, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("Wiederhergestellt:");
    expect(
      JSON.parse((await run("export-json", "kleve")).stdout).municipality.slug,
    ).toBe("kleve");
    expect(
      (await run("restore", join(directory, "fehlt.gz"))).stderr,
    ).toContain("ERR_BACKUP_INVALID");
  });
});
