/**
 * Every HTML form goes through the one form pipeline: each state-changing route outside
 * the JSON API declares the schema of its form body (formAction sets config.formBody). A
 * new form route without one fails here. The routes are read from the built app, with
 * single sign-on and mail configured so that all of them are registered.
 */
import type { RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/build-app.js";
import { openTestContext, type TestContext } from "../support/database.js";

interface SeenRoute {
  readonly method: string;
  readonly url: string;
  readonly hasFormBody: boolean;
}

describe("form routes", () => {
  let t: TestContext;
  const routes: SeenRoute[] = [];

  beforeAll(async () => {
    t = await openTestContext("sqlite");
    const app = await buildApp(t.ctx, {
      mail: {
        mailer: { send: async () => undefined },
        publicBaseUrl: "http://localhost:3999",
      },
      sso: {
        issuer: "http://localhost:3998",
        clientId: "fortschritt",
        clientSecret: "geheim",
        roleClaim: "fortschritt_role",
        orgUnitsClaim: "fortschritt_org_units",
        municipalitySlug: "kleve",
        redirectUri: "http://localhost:3999/anmelden/sso/callback",
        scopes: "openid profile email",
      },
      onRoute: (route: RouteOptions) => {
        for (const method of [route.method].flat())
          routes.push({
            method,
            url: route.url,
            hasFormBody: route.config?.formBody !== undefined,
          });
      },
    });
    await app.ready();
    await app.close();
  });

  afterAll(async () => {
    await t.close();
  });

  it("declare a body schema on every HTML route that changes something", () => {
    const forms = routes.filter(
      (route) =>
        ["POST", "PUT", "PATCH", "DELETE"].includes(route.method) &&
        !route.url.startsWith("/api/"),
    );
    expect(forms.length).toBeGreaterThan(50);
    expect(
      forms
        .filter((route) => !route.hasFormBody)
        .map((route) => `${route.method} ${route.url}`),
    ).toEqual([]);
  });
});
