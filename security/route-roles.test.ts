/**
 * A route × role check over HTTP with exact statuses: every role signs in through the real
 * pages (API calls carry a personal token) and each route must answer exactly as listed.
 * Anonymous visitors of staff pages are sent to sign in (303), the API answers 401.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../src/app/auth/account-audit.js";
import { createApiToken } from "../src/app/auth/api-tokens.js";
import { createTestUser } from "../test/support/accounts.js";
import { DIALECTS } from "../test/support/database.js";
import { startApp, Visitor, type RunningApp } from "./support/server.js";

const ROLES = [
  "anonymous",
  "committee",
  "editorOfOtherUnit",
  "editor",
  "admin",
] as const;
type Role = (typeof ROLES)[number];

/** Path → the status for anonymous, committee, editor of unit 32, editor of unit 10.1, administrator. */
const TABLE: readonly (readonly [
  string,
  readonly [number, number, number, number, number],
])[] = [
  ["/kleve/", [200, 200, 200, 200, 200]],
  ["/kleve/projekte/e-rechnungsworkflow", [200, 200, 200, 200, 200]],
  ["/health", [200, 200, 200, 200, 200]],
  ["/anmelden", [200, 303, 303, 303, 303]],
  ["/konto", [303, 200, 200, 200, 200]],
  ["/kleve/entwurf", [303, 200, 200, 200, 200]],
  ["/kleve/verwaltung/", [303, 403, 200, 200, 200]],
  ["/kleve/verwaltung/projekte/e-rechnungsworkflow", [303, 403, 403, 200, 200]],
  [
    "/kleve/verwaltung/projekte/e-rechnungsworkflow/verlauf",
    [303, 403, 403, 200, 200],
  ],
  ["/kleve/verwaltung/protokoll", [303, 403, 200, 200, 200]],
  ["/kleve/verwaltung/benutzer", [303, 403, 403, 403, 200]],
  ["/kleve/verwaltung/begruendungen", [303, 403, 403, 403, 200]],
  ["/api/v1/municipalities/kleve/catalogue", [200, 200, 200, 200, 200]],
  ["/api/v1/municipalities/kleve/audit", [401, 403, 200, 200, 200]],
  [
    "/api/v1/municipalities/kleve/audit?project=e-rechnungsworkflow",
    [401, 403, 403, 200, 200],
  ],
];

describe.each(DIALECTS)("routes × roles over HTTP (%s)", (dialect) => {
  let server: RunningApp;
  const visitors = new Map<Role, Visitor>();
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    server = await startApp(dialect);
    visitors.set("anonymous", new Visitor(server.base));
    const accounts = {
      committee: { role: "committee" as const },
      editorOfOtherUnit: { role: "editor" as const, orgUnitCodes: ["32"] },
      editor: { role: "editor" as const, orgUnitCodes: ["10.1"] },
      admin: { role: "admin" as const },
    };
    for (const [name, options] of Object.entries(accounts) as [
      Exclude<Role, "anonymous">,
      (typeof accounts)[keyof typeof accounts],
    ][]) {
      const user = await createTestUser(server.ctx, options);
      const visitor = new Visitor(server.base);
      expect((await visitor.signIn(user)).status, name).toBe(303);
      visitors.set(name, visitor);
      tokens.set(
        name,
        (
          await createApiToken(server.ctx, COMMAND_LINE, {
            userId: user.userId,
            name: "Matrix",
          })
        ).token,
      );
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it("answers every route with exactly the listed status for every role", async () => {
    const failures: string[] = [];
    for (const [path, statuses] of TABLE) {
      for (const [index, role] of ROLES.entries()) {
        const token = tokens.get(role);
        const answer = path.startsWith("/api/")
          ? await visitors
              .get("anonymous")!
              .get(
                path,
                token === undefined ? {} : { authorization: `Bearer ${token}` },
              )
          : await visitors.get(role)!.get(path);
        if (answer.status !== statuses[index])
          failures.push(
            `${path} as ${role}: expected ${statuses[index]}, got ${answer.status}`,
          );
        if (
          answer.status === 303 &&
          role === "anonymous" &&
          !path.startsWith("/anmelden")
        ) {
          if (answer.location !== `/anmelden?next=${encodeURIComponent(path)}`)
            failures.push(`${path} as anonymous: sent to ${answer.location}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
