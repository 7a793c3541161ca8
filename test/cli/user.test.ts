import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import {
  closeAppContext,
  connectionTargetOf,
  openAppContext,
} from "../../src/app/database.js";
import { authenticateApiToken } from "../../src/app/auth/api-tokens.js";
import { runCli } from "../../src/cli/main.js";
import type * as ReadStdin from "../../src/cli/read-stdin.js";
import { loadConfig } from "../../src/config.js";
import { DIALECTS, seedDemoDatabase } from "../support/database.js";
import { postgresAdminUrl } from "../support/environment.js";

/** What the mocked standard input delivers to `user add`. */
let typedPassword = "";
vi.mock("../../src/cli/read-stdin.js", async (importOriginal) => {
  const original = await importOriginal<typeof ReadStdin>();
  return { ...original, readSecretFromStdin: vi.fn(async () => typedPassword) };
});

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
    return { code: await runCli(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("reading the password from standard input", () => {
  it("takes the first line without its line break and keeps spaces", async () => {
    const { readSecretFromStdin: real } = await vi.importActual<
      typeof ReadStdin
    >("../../src/cli/read-stdin.js");
    const input = new PassThrough();
    const reading = real("Passwort: ", input);
    input.end("  mit Leerzeichen am Rand  \r\nzweite Zeile\n");
    expect(await reading).toBe("  mit Leerzeichen am Rand  ");
  });
});

describe.each(DIALECTS)("fortschritt user and token on %s", (dialect) => {
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-cli-user-"));
  const databaseName = `fortschritt_cli_user_${process.pid}_${randomBytes(4).toString("hex")}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.FORTSCHRITT_DATA_DIR = directory;
    if (dialect === "postgres") {
      // Created by seedDemoDatabase below.
      const url = new URL(postgresAdminUrl());
      url.pathname = `/${databaseName}`;
      process.env.DATABASE_URL = url.toString();
    } else {
      delete process.env.DATABASE_URL;
    }
    await seedDemoDatabase(
      dialect === "sqlite"
        ? { dialect, dataDir: directory }
        : { dialect, name: databaseName },
    );
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    process.env = saved;
    rmSync(directory, { recursive: true, force: true });
    if (dialect === "postgres") {
      const client = new pg.Client({ connectionString: postgresAdminUrl() });
      await client.connect();
      await client.query(
        `drop database if exists ${databaseName} with (force)`,
      );
      await client.end();
    }
  });

  it("lists user and token in the help", async () => {
    const help = await run("--help");
    expect(help.stdout).toContain("user");
    expect(help.stdout).toContain("token");
    expect((await run("user", "--help")).stdout).toContain(
      "Aufruf: fortschritt user add --email",
    );
  });

  it("creates the first administrator with the password from standard input", async () => {
    typedPassword = "Ein langes Passwort für die Verwaltung";
    const result = await run(
      "user",
      "add",
      "--email",
      "CDO@Kleve.example",
      "--name",
      "Erika Muster",
      "--role",
      "admin",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Konto angelegt: Erika Muster <cdo@kleve.example>",
    );
    expect(result.stdout).toContain("Rolle:      Administration (admin)");
    expect(result.stdout).toContain("zweite Faktor");
    expect(result.stdout).not.toContain(typedPassword);
  });

  it("creates an editor for an org unit", async () => {
    typedPassword = "Redaktion der Abteilung zehn eins";
    const result = await run(
      "user",
      "add",
      "--email",
      "redaktion@kleve.example",
      "--name",
      "Max Redaktion",
      "--role",
      "editor",
      "--org-unit",
      "10.1",
      "--municipality",
      "kleve",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Einheiten:  10.1");
  });

  it("refuses an empty or common password in German, and creates nothing", async () => {
    typedPassword = "";
    const empty = await run(
      "user",
      "add",
      "--email",
      "leer@kleve.example",
      "--name",
      "Leer",
      "--role",
      "committee",
    );
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("Bitte geben Sie ein Passwort ein.");
    typedPassword = "passwort123";
    const common = await run(
      "user",
      "add",
      "--email",
      "leer@kleve.example",
      "--name",
      "Leer",
      "--role",
      "committee",
    );
    expect(common.code).toBe(1);
    expect(common.stderr).toContain("zu verbreitet");
    typedPassword = "Ein ordentliches Passwort";
    const wrongRole = await run(
      "user",
      "add",
      "--email",
      "leer@kleve.example",
      "--name",
      "Leer",
      "--role",
      "chef",
    );
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toContain("/role");
    const ok = await run(
      "user",
      "add",
      "--email",
      "leer@kleve.example",
      "--name",
      "Leer",
      "--role",
      "committee",
    );
    expect(ok.code).toBe(0);
  });

  it("refuses missing options with the usage text (exit code 2)", async () => {
    const result = await run("user", "add", "--email", "x@kleve.example");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Es fehlt --name.");
    expect((await run("user", "zaubern")).code).toBe(2);
  });

  it("prints an API token once, which authenticates as the account", async () => {
    // An account of its own, whichever tests ran before.
    typedPassword = "Abgleich mit dem Fachverfahren";
    const added = await run(
      "user",
      "add",
      "--email",
      "abgleich@kleve.example",
      "--name",
      "Abgleich",
      "--role",
      "editor",
      "--org-unit",
      "10.1",
      "--municipality",
      "kleve",
    );
    expect(added.code).toBe(0);
    const result = await run(
      "token",
      "create",
      "--email",
      "abgleich@kleve.example",
      "--name",
      "Abgleich",
    );
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^fst_[A-Za-z0-9_-]{43}$/);
    expect(result.stderr).toContain("Es wird nur jetzt angezeigt");
    const ctx = await openAppContext(connectionTargetOf(loadConfig()));
    try {
      expect(await authenticateApiToken(ctx, token)).toMatchObject({
        email: "abgleich@kleve.example",
        role: "editor",
        via: "token",
      });
    } finally {
      await closeAppContext(ctx);
    }
  });

  it("deactivates an account, after which its token no longer works", async () => {
    // An account of its own, whichever tests ran before.
    typedPassword = "Ein ordentliches Passwort";
    const added = await run(
      "user",
      "add",
      "--email",
      "deaktiviert@kleve.example",
      "--name",
      "Deaktiviert",
      "--role",
      "committee",
    );
    expect(added.code).toBe(0);
    const tokenResult = await run(
      "token",
      "create",
      "--email",
      "deaktiviert@kleve.example",
    );
    const result = await run(
      "user",
      "deactivate",
      "--email",
      "DEAKTIVIERT@kleve.example",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("deaktiviert");
    const ctx = await openAppContext(connectionTargetOf(loadConfig()));
    try {
      expect(
        await authenticateApiToken(ctx, tokenResult.stdout.trim()),
      ).toBeNull();
    } finally {
      await closeAppContext(ctx);
    }
    expect(
      (
        await run(
          "user",
          "deactivate",
          "--email",
          "gibt-es-nicht@kleve.example",
        )
      ).code,
    ).toBe(1);
  });
});
