import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError, ERRORS } from "../../src/errors.js";
import { findProjectRoot } from "../../src/project-root.js";

const documentation = readFileSync(
  join(findProjectRoot(), "docs", "errors.md"),
  "utf8",
);

/** The rows of the table in docs/errors.md: code → status. */
function documentedCodes(): ReadonlyMap<string, number> {
  const rows = [
    ...documentation.matchAll(/^\|\s*`(ERR_[A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm),
  ];
  return new Map(rows.map((row) => [row[1] ?? "", Number(row[2])]));
}

describe("error catalogue", () => {
  it.each(Object.keys(ERRORS))(
    "documents %s in docs/errors.md with its status",
    (code) => {
      const definition = ERRORS[code as keyof typeof ERRORS];
      expect(documentedCodes().get(code)).toBe(definition.status);
    },
  );

  it("documents no code that does not exist", () => {
    expect([...documentedCodes().keys()].sort()).toEqual(
      Object.keys(ERRORS).sort(),
    );
  });

  it("has a German and an English message for every code", () => {
    for (const definition of Object.values(ERRORS)) {
      expect(definition.message.de.length).toBeGreaterThan(0);
      expect(definition.message.en.length).toBeGreaterThan(0);
    }
  });

  it("uses the stable ERR_ naming for every code", () => {
    for (const code of Object.keys(ERRORS))
      expect(code).toMatch(/^ERR_[A-Z]+(?:_[A-Z]+)*$/);
  });

  it("carries code, status and German message on an AppError", () => {
    const error = new AppError("ERR_PROJECT_NOT_FOUND", { detail: "(e-akte)" });
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      "Dieses Projekt gibt es im Maßnahmenkatalog nicht. (e-akte)",
    );
    expect(error.localisedMessage("en")).toBe(
      "This project is not in the catalogue.",
    );
  });
});
