import { describe, expect, it } from "vitest";
import { mapIdentityClaims } from "../../../../src/domain/access/identity-claims.js";

const NAMES = { role: "fortschritt_role", orgUnits: "fortschritt_org_units" };

function buildClaims(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { sub: string } {
  return {
    sub: "abc-123",
    email: "Erika.Muster@Kleve.de",
    name: "Erika Muster",
    fortschritt_role: "editor",
    fortschritt_org_units: ["10.1"],
    ...overrides,
  };
}

describe("mapping identity claims onto an account", () => {
  it("takes role, org units, name and the lower-cased address", () => {
    expect(mapIdentityClaims(buildClaims(), NAMES)).toEqual({
      ok: true,
      identity: {
        subject: "abc-123",
        email: "erika.muster@kleve.de",
        name: "Erika Muster",
        role: "editor",
        orgUnitCodes: ["10.1"],
      },
    });
  });

  it("reads org units sent as one text separated by commas or spaces, without duplicates", () => {
    const result = mapIdentityClaims(
      buildClaims({ fortschritt_org_units: "10.1, 20 10.1" }),
      NAMES,
    );
    expect(result.ok && result.identity.orgUnitCodes).toEqual(["10.1", "20"]);
  });

  it("gives the most powerful role of a list and ignores unknown ones", () => {
    const result = mapIdentityClaims(
      buildClaims({ fortschritt_role: ["committee", "superuser", "Admin"] }),
      NAMES,
    );
    expect(result.ok && result.identity.role).toBe("admin");
  });

  it("uses the configured claim names", () => {
    const result = mapIdentityClaims(
      buildClaims({ groups: ["committee"], fortschritt_role: undefined }),
      { role: "groups", orgUnits: "units" },
    );
    expect(result.ok && result.identity).toEqual(
      expect.objectContaining({ role: "committee", orgUnitCodes: [] }),
    );
  });

  it("refuses claims without a known role", () => {
    const result = mapIdentityClaims(
      buildClaims({ fortschritt_role: "superuser" }),
      NAMES,
    );
    expect(result).toEqual({
      ok: false,
      problem: expect.objectContaining({ kind: "no-role" }),
    });
  });

  it("refuses claims without an e-mail address or subject", () => {
    expect(mapIdentityClaims(buildClaims({ email: undefined }), NAMES)).toEqual(
      { ok: false, problem: expect.objectContaining({ kind: "no-email" }) },
    );
    expect(mapIdentityClaims(buildClaims({ sub: "" }), NAMES)).toEqual({
      ok: false,
      problem: expect.objectContaining({ kind: "no-subject" }),
    });
  });

  it("builds a name from given and family name, else the address", () => {
    const given = mapIdentityClaims(
      buildClaims({
        name: undefined,
        given_name: "Erika",
        family_name: "Muster",
      }),
      NAMES,
    );
    expect(given.ok && given.identity.name).toBe("Erika Muster");
    const none = mapIdentityClaims(buildClaims({ name: undefined }), NAMES);
    expect(none.ok && none.identity.name).toBe("erika.muster@kleve.de");
  });
});
