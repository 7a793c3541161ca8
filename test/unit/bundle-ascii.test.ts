import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript without type declarations
import { escapeNonAscii } from "../../scripts/bundle.mjs";

const escape = escapeNonAscii as (text: string) => string;

describe("the bundle's ASCII escape", () => {
  const source = [
    "// Straße: größer als “50 %” …",
    "const letters = /^[a-zäöüß]+$/i;",
    "const face = /^😀$/u;",
    "const stripped = (text) => text.replace(/ß/g, 'ss');",
    "({ letters: letters.test('Größe'), face: face.test('😀'), stripped: stripped('Straße'), none: letters.test('abc1') })",
  ].join("\n");

  it("leaves only ASCII characters", () => {
    expect(escape(source)).toMatch(/^[\x00-\x7f]*$/);
  });

  it("keeps what the code does: regular expressions match the same text", () => {
    const before = runInNewContext(source) as unknown;
    const after = runInNewContext(escape(source)) as unknown;
    expect(after).toEqual(before);
    expect(after).toEqual({
      letters: true,
      face: true,
      stripped: "Strasse",
      none: false,
    });
  });

  it("changes nothing in a text that is ASCII already", () => {
    const ascii = "const a = /[a-z]/; // plain";
    expect(escape(ascii)).toBe(ascii);
  });
});
