/**
 * A municipality's slug is the first segment of its addresses, so it must never be one of
 * the application's own first segments: every static first segment of every route of the
 * built app is in RESERVED_MUNICIPALITY_SLUGS, and creating a municipality with one of them
 * is refused with a German message naming the slug, nothing stored.
 */
import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { RESERVED_MUNICIPALITY_SLUGS } from "../../src/app/catalogue/catalogue-document.js";
import { createMunicipality } from "../../src/app/municipalities/lifecycle.js";
import { AppError } from "../../src/errors.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  openTestContext,
  TEST_NOW,
  WEB_DIALECTS,
  type TestContext,
} from "../support/database.js";

describe.each(WEB_DIALECTS)("reserved municipality slugs on %s", (dialect) => {
  let test: TestContext;
  const routes: RouteOptions[] = [];

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: true });
    const app = await buildApp(test.ctx, {
      now: () => TEST_NOW,
      onRoute: (route) => routes.push(route),
    });
    await app.ready();
    await app.close();
  });
  afterAll(async () => {
    await test?.close();
  });

  it("reserves every first path segment the application uses", () => {
    const segments = new Set(
      routes
        .map((route) => route.url.split("/")[1] ?? "")
        .filter((segment) => segment !== "" && !segment.startsWith(":"))
        .map((segment) => segment.replace(/\..*$/, "")),
    );
    expect(segments).toContain("betrieb");
    const missing = [...segments].filter(
      (segment) => !RESERVED_MUNICIPALITY_SLUGS.includes(segment),
    );
    expect(missing).toEqual([]);
  });

  it("refuses to create a municipality under a reserved slug, naming it", async () => {
    for (const slug of ["betrieb", "einladung", "api", "konto"]) {
      let refusal: unknown = null;
      try {
        await createMunicipality(test.ctx, COMMAND_LINE, {
          name: "Stadt Goch",
          slug,
          state: "05",
          regionalKey: "051540020020",
        });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      const problems = (refusal as AppError).problems;
      expect(problems).toEqual([
        {
          path: "/slug",
          message: `„${slug}“ ist für Seiten der Anwendung reserviert. Bitte wählen Sie einen anderen Kurznamen.`,
        },
      ]);
      const stored = await test.ctx.db
        .selectFrom("municipality")
        .select("id")
        .where("slug", "=", slug)
        .execute();
      expect(stored).toHaveLength(0);
    }
  });
});
