import { describe, expect, it } from "vitest";
import { plural } from "../../../src/domain/plural.js";

describe("plural", () => {
  it("writes the singular for exactly one and the plural otherwise, zero included", () => {
    expect(plural(1, "Projekt", "Projekte")).toBe("1 Projekt");
    expect(plural(0, "Projekt", "Projekte")).toBe("0 Projekte");
    expect(plural(3, "neuer Eintrag", "neue Einträge")).toBe("3 neue Einträge");
    expect(plural(12, "day", "days")).toBe("12 days");
  });
});
