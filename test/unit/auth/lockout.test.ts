import { describe, expect, it } from "vitest";
import { accountLockAfter } from "../../../src/app/auth/identity-rules.js";
import {
  findUnstorableValues,
  unstorableText,
} from "../../../src/app/validation/storable.js";

const MINUTE = 60_000;

describe("the growing account lock", () => {
  it("locks at every fifth failure, doubling up to a day", () => {
    expect([1, 2, 3, 4, 6, 9].map(accountLockAfter)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(accountLockAfter(5)).toBe(15 * MINUTE);
    expect(accountLockAfter(10)).toBe(30 * MINUTE);
    expect(accountLockAfter(15)).toBe(60 * MINUTE);
    expect(accountLockAfter(50)).toBe(24 * 60 * MINUTE);
    expect(accountLockAfter(5_000_000)).toBe(24 * 60 * MINUTE);
  });
});

describe("storable input", () => {
  it("finds NUL, lone surrogates and non-finite numbers with their place", () => {
    expect(
      findUnstorableValues({
        a: "x\u0000",
        b: [1, Infinity, "\ud800"],
        c: { ok: "Straße 😀", n: Number.NaN },
        ["k\u0000"]: 1,
      }),
    ).toEqual([
      { path: "/a", message: expect.stringContaining("Nullbyte") },
      { path: "/b/1", message: "ist keine endliche Zahl" },
      { path: "/b/2", message: "enthält ungültige Unicode-Zeichen" },
      { path: "/c/n", message: "ist keine endliche Zahl" },
      { path: "/k\\u0000", message: expect.stringContaining("Nullbyte") },
    ]);
  });

  it("reads form text as numbers only where it overflows", () => {
    expect(unstorableText("1e999", true)).toBe("ist keine endliche Zahl");
    expect(unstorableText("-2,5E400", true)).toBe("ist keine endliche Zahl");
    expect(unstorableText("1e5", true)).toBeNull();
    expect(unstorableText("1e999")).toBeNull();
    expect(unstorableText("Infinity", true)).toBeNull();
  });
});
