import { describe, expect, it } from "vitest";

import {
  isLeikaKey,
  parseLeikaKey,
} from "../../../../src/domain/service/leika.js";
import type { LeikaKeyProblemCode } from "../../../../src/domain/service/leika.js";

function keyOf(text: string): string {
  const result = parseLeikaKey(text);
  if (!result.ok) throw new Error(`expected a key, got ${result.problem.code}`);
  return result.key;
}

function problemOf(text: string): {
  code: LeikaKeyProblemCode;
  message: string;
} {
  const result = parseLeikaKey(text);
  if (result.ok) throw new Error(`expected a problem, got ${result.key}`);
  return result.problem;
}

describe("parseLeikaKey", () => {
  it("accepts 14 digits as they are", () => {
    expect(keyOf("99123456760000")).toBe("99123456760000");
  });

  it("accepts a key grouped with spaces", () => {
    expect(keyOf("99 123 456 760 000")).toBe("99123456760000");
  });

  it("accepts a key grouped with dots", () => {
    expect(keyOf("99.123.456.760.000")).toBe("99123456760000");
  });

  it("accepts a key grouped with hyphens", () => {
    expect(keyOf("99-123-456-760-000")).toBe("99123456760000");
  });

  it("accepts any grouping, since the key has no segments it could verify", () => {
    expect(keyOf("9912 3456 760000")).toBe("99123456760000");
  });

  it("ignores spaces around the key and no-break spaces from office documents", () => {
    expect(keyOf("  99\u00a0123\u202f456 760 000\t")).toBe("99123456760000");
  });

  it("keeps leading zeros of the digits", () => {
    expect(keyOf("00 000 000 000 001")).toBe("00000000000001");
  });

  it("rejects an empty text", () => {
    expect(problemOf("   ").code).toBe("LEIKA_KEY_EMPTY");
  });

  it("rejects 13 digits and says how many there are", () => {
    const problem = problemOf("9912345676000");
    expect(problem.code).toBe("LEIKA_KEY_WRONG_LENGTH");
    expect(problem.message).toContain("14");
    expect(problem.message).toContain("13");
  });

  it("rejects 15 digits", () => {
    expect(problemOf("991234567600001").code).toBe("LEIKA_KEY_WRONG_LENGTH");
  });

  it("rejects letters", () => {
    expect(problemOf("99123456760O00").code).toBe(
      "LEIKA_KEY_INVALID_CHARACTERS",
    );
  });

  it("rejects other separators such as slashes", () => {
    expect(problemOf("99/123/456/760/000").code).toBe(
      "LEIKA_KEY_INVALID_CHARACTERS",
    );
  });

  it("recognises a key a spreadsheet shortened to a number in exponent form", () => {
    expect(problemOf("9,91235E+13").code).toBe("LEIKA_KEY_SCIENTIFIC_NOTATION");
    expect(problemOf("9.91234567600E+13").code).toBe(
      "LEIKA_KEY_SCIENTIFIC_NOTATION",
    );
  });

  it("explains problems in German", () => {
    expect(problemOf("").message).toBe(
      "Bitte den 14-stelligen LeiKa-Schlüssel angeben.",
    );
  });
});

describe("isLeikaKey", () => {
  it("accepts the canonical form", () => {
    expect(isLeikaKey("99123456760000")).toBe(true);
  });

  it("rejects a grouped form, which is not canonical", () => {
    expect(isLeikaKey("99 123 456 760 000")).toBe(false);
  });

  it("rejects digits that are not ASCII", () => {
    expect(isLeikaKey("٩٩١٢٣٤٥٦٧٦٠٠٠٠")).toBe(false);
  });
});
