/** The per-Land list of conciliation bodies: all 16 Länder, found by Regionalschlüssel or name. */
import { describe, expect, it } from "vitest";
import {
  CONCILIATION_BODIES,
  conciliationBodyFor,
} from "../../../src/domain/accessibility/conciliation-bodies.js";

describe("the conciliation bodies", () => {
  it("has one entry for each of the 16 Länder, with name, address and an https address", () => {
    expect(CONCILIATION_BODIES.map((body) => body.landCode)).toEqual(
      Array.from({ length: 16 }, (_, index) =>
        String(index + 1).padStart(2, "0"),
      ),
    );
    for (const body of CONCILIATION_BODIES) {
      expect(body.name).not.toBe("");
      if (body.address !== null) expect(body.address).toMatch(/\n\d{5} /);
      expect(body.url).toMatch(/^https:\/\//);
    }
  });

  it("records for each entry the official pages it was checked against, the day, and what they did not confirm", () => {
    for (const body of CONCILIATION_BODIES) {
      expect(body.sources.length, body.land).toBeGreaterThan(0);
      for (const source of body.sources) expect(source).toMatch(/^https?:\/\//);
      expect(body.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // An entry without a confirmed postal address says so, and is not marked verified.
      if (body.address === null) {
        expect(body.verified, body.land).toBe(false);
        expect(body.unconfirmed, body.land).toMatch(/Postanschrift/);
      }
      if (!body.verified) expect(body.unconfirmed, body.land).toBeDefined();
    }
  });

  it("finds the body by the Regionalschlüssel first, else by the Land's name", () => {
    expect(conciliationBodyFor("051540036036", null)?.land).toBe(
      "Nordrhein-Westfalen",
    );
    expect(
      conciliationBodyFor("091620000000", "Nordrhein-Westfalen")?.land,
    ).toBe("Bayern");
    expect(conciliationBodyFor(null, " sachsen-anhalt ")?.landCode).toBe("15");
    expect(conciliationBodyFor(null, "Atlantis")).toBeNull();
    expect(conciliationBodyFor(null, null)).toBeNull();
  });
});
