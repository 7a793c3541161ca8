/**
 * Hostile files given to the command line: a YAML alias bomb ("billion laughs") and text
 * with NUL bytes. Each ends with a clear German message and exit code 1, never a stack
 * trace or exit code 70, and before any database is opened.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";

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

/** The classic "billion laughs": nine levels of nine aliases each. */
function aliasBomb(): string {
  const lines = [
    'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  for (let level = 1; level <= 9; level += 1) {
    const previous = `*a${level - 1}`;
    lines.push(
      `a${level}: &a${level} [${Array.from({ length: 9 }, () => previous).join(",")}]`,
    );
  }
  return lines.join("\n") + "\n";
}

describe("hostile import files on the command line", () => {
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-hostile-"));

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("refuses a YAML alias bomb with a clear message and exit code 1", async () => {
    const file = join(directory, "bombe.yaml");
    writeFileSync(file, aliasBomb());
    const result = await run("import-json", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ERR_IMPORT_INVALID");
    expect(result.stderr).toContain("zu viele Verweise (YAML-Aliase)");
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)?/);
  });

  it("refuses NUL bytes in a JSON file with a clear message and exit code 1", async () => {
    const file = join(directory, "nul.json");
    writeFileSync(
      file,
      JSON.stringify({ municipality: { slug: "kleve", name: "Kle\u0000ve" } }),
    );
    const result = await run("import-json", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ERR_IMPORT_INVALID");
    expect(result.stderr).toContain("Steuerzeichen");
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)?/);
  });
});
