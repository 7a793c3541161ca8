import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import {
  installRoutePolicies,
  isAllowedByPolicy,
} from "../../src/web/http/route-policy.js";
import {
  ANONYMOUS,
  type Role,
  type UserPrincipal,
} from "../../src/domain/access/principal.js";

const user = (role: Role): UserPrincipal => ({
  kind: "user",
  userId: 1,
  municipalityId: 1,
  role,
  orgUnitCodes: [],
  name: "N",
  email: "n@example.org",
  via: "session",
});

describe("route policies", () => {
  it("refuse to register a route that declares no policy", async () => {
    const app = Fastify();
    installRoutePolicies(app);
    let error: unknown;
    try {
      app.get("/ungeschuetzt", async () => "x");
      await app.ready();
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).toMatch(/GET \/ungeschuetzt declares no policy/);
  });

  it("allow each role exactly what its policy names", () => {
    const table = {
      public: [true, true, true, true],
      "signed-in": [false, true, true, true],
      staff: [false, true, true, false],
      admin: [false, true, false, false],
    } as const;
    for (const [policy, expected] of Object.entries(table)) {
      const actual = [
        ANONYMOUS,
        user("admin"),
        user("editor"),
        user("committee"),
      ].map((principal) =>
        isAllowedByPolicy(policy as keyof typeof table, principal),
      );
      expect(actual, policy).toEqual(expected);
    }
  });
});
