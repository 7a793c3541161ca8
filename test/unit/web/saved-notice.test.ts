import { describe, expect, it } from "vitest";
import { savedNotice } from "../../../src/web/http/params.js";

const NOTICES = { grund: "Der Grund wurde gespeichert." };

describe("savedNotice", () => {
  it("shows the notice the ?gespeichert= key names", () => {
    expect(
      savedNotice({ url: "/kleve/x?lang=en&gespeichert=grund" }, NOTICES),
    ).toBe("Der Grund wurde gespeichert.");
  });

  it("shows nothing without a key, for an unknown key or an inherited name", () => {
    expect(savedNotice({ url: "/kleve/x" }, NOTICES)).toBeUndefined();
    expect(
      savedNotice({ url: "/kleve/x?gespeichert=<b>" }, NOTICES),
    ).toBeUndefined();
    expect(
      savedNotice({ url: "/kleve/x?gespeichert=toString" }, NOTICES),
    ).toBeUndefined();
  });
});
