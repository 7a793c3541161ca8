/**
 * LOG_LEVEL is honoured: the server's request log (pino) and the command line's
 * diagnostics write what the level admits and nothing more; an unknown level is refused.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serverAppOptions } from "../../src/cli/commands/serve.js";
import { runCli } from "../../src/cli/main.js";
import { loadConfig, type LogLevel } from "../../src/config.js";
import { isAppError } from "../../src/errors.js";
import { buildApp } from "../../src/web/build-app.js";
import { openTestContext } from "../support/database.js";

/** Runs the CLI in-process with LOG_LEVEL set and captures what it prints. */
async function run(
  level: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.stubEnv("LOG_LEVEL", level);
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

describe("LOG_LEVEL on the command line", () => {
  let directory: string;

  beforeEach(() => {
    // An empty SQLite database of its own: the level decides what is said, not the database.
    directory = mkdtempSync(join(tmpdir(), "fortschritt-log-"));
    vi.stubEnv("FORTSCHRITT_DATA_DIR", directory);
    vi.stubEnv("DATABASE_URL", "");
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(directory, { recursive: true, force: true });
  });

  it("names the database at debug and not at info", async () => {
    const debug = await run("debug", "migrate");
    expect(debug.code).toBe(0);
    expect(debug.stderr).toContain(
      `Datenbank: SQLite ${join(directory, "fortschritt.sqlite")}`,
    );
    const info = await run("info", "migrate");
    expect(info.code).toBe(0);
    expect(info.stdout).toContain("bereits aktuell");
    expect(info.stderr).toBe("");
  });

  it("writes errors from the level error on, and at silent only the exit code tells", async () => {
    const error = await run("error", "export-json", "atlantis");
    expect(error.code).toBe(1);
    expect(error.stderr).toContain("ERR_MUNICIPALITY_NOT_FOUND");
    const silent = await run("silent", "export-json", "atlantis");
    expect(silent.code).toBe(1);
    expect(silent.stderr).toBe("");
  });

  it("refuses an unknown level, naming the allowed ones", () => {
    try {
      loadConfig({ LOG_LEVEL: "laut" });
      expect.unreachable("LOG_LEVEL=laut was accepted");
    } catch (error) {
      expect(isAppError(error, "ERR_CONFIG_INVALID") && error.detail).toContain(
        "LOG_LEVEL muss einer von",
      );
    }
  });
});

describe("LOG_LEVEL of the server", () => {
  /** The log lines of one request to an app built as `serve` builds it at the level. */
  async function logOfOneRequest(
    level: LogLevel,
  ): Promise<{ level: number; msg: string }[]> {
    const t = await openTestContext("sqlite", { demo: false });
    const lines: string[] = [];
    const options = serverAppOptions(
      loadConfig({ LOG_LEVEL: level, FORTSCHRITT_DATA_DIR: tmpdir() }),
    );
    expect(options.logger).toEqual({ level });
    const app = await buildApp(t.ctx, {
      ...options,
      logger: {
        level,
        stream: { write: (line: string) => void lines.push(line) },
      },
    });
    try {
      expect((await app.inject("/gibt-es-nicht/")).statusCode).toBe(404);
    } finally {
      await app.close();
      await t.close();
    }
    return lines.map(
      (line) => JSON.parse(line) as { level: number; msg: string },
    );
  }

  it("logs each request at info and debug", async () => {
    for (const level of ["info", "debug"] as const) {
      const messages = (await logOfOneRequest(level)).map((line) => line.msg);
      expect(messages).toContain("incoming request");
      expect(messages).toContain("request completed");
    }
  });

  it("logs no request at warn, and nothing at all at silent", async () => {
    expect(
      (await logOfOneRequest("warn")).filter((line) => line.level < 40),
    ).toEqual([]);
    expect(await logOfOneRequest("silent")).toEqual([]);
  });
});
