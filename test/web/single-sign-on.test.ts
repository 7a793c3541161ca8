import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { resolveSession } from "../../src/app/auth/sessions.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import type { SsoConfig } from "../../src/config.js";
import { buildApp } from "../../src/web/build-app.js";
import { mergeCookies } from "../support/accounts.js";
import {
  WEB_DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import {
  followProviderRedirects,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from "../support/oidc-provider.js";
import { openWebApp } from "./support/web-app.js";

const BASE_URL = "http://localhost:3999";
const CALLBACK = `${BASE_URL}/anmelden/sso/callback`;

/** The value of a cookie in a response, or undefined. */
function cookieValue(
  response: LightMyRequestResponse,
  name: string,
): string | undefined {
  return response.cookies.find(
    (cookie) => cookie.name === name && cookie.value !== "",
  )?.value;
}

describe.each(WEB_DIALECTS)("single sign-on end to end on %s", (dialect) => {
  let t: TestContext;
  let provider: TestIdentityProvider;
  let app: FastifyInstance;
  let municipalityId: number;

  beforeAll(async () => {
    // The provider's tokens carry the real time; the app's clock must agree with it.
    t = await openTestContext(dialect, { demo: true, clock: () => new Date() });
    provider = await startTestIdentityProvider(CALLBACK);
    const sso: SsoConfig = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      roleClaim: "fortschritt_role",
      orgUnitsClaim: "fortschritt_org_units",
      municipalitySlug: "kleve",
      redirectUri: CALLBACK,
      scopes: "openid profile email",
    };
    app = await buildApp(t.ctx, { sso });
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
  });

  afterAll(async () => {
    await app.close();
    await provider.close();
    await t.close();
  });

  beforeEach(() => {
    provider.accounts.set("erika", {
      sub: "erika",
      email: "erika.einmal@kleve.de",
      email_verified: true,
      name: "Erika Einmal",
      fortschritt_role: "editor",
      fortschritt_org_units: ["10.1"],
    });
    provider.nextAccount = "erika";
  });

  /** Starts at /anmelden/sso and lets the provider sign the person in; returns the callback request to make. */
  async function throughProvider(
    start = "/anmelden/sso",
  ): Promise<{ cookie: string; callbackPath: string }> {
    const started = await app.inject(start);
    expect(started.statusCode).toBe(303);
    const cookie = mergeCookies("", started);
    const callback = await followProviderRedirects(
      String(started.headers.location),
      CALLBACK,
    );
    return { cookie, callbackPath: `${callback.pathname}${callback.search}` };
  }

  it("offers single sign-on on the login page", async () => {
    const page = await app.inject("/anmelden");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Mit Single Sign-on anmelden");
    expect(page.body).toContain('href="/anmelden/sso"');
  });

  it("sends the browser to the provider with PKCE, state and nonce, keeping only a login id in a cookie", async () => {
    const response = await app.inject("/anmelden/sso");
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("state")).not.toBeNull();
    expect(location.searchParams.get("nonce")).not.toBeNull();
    const cookie = response.cookies.find(
      (candidate) => candidate.name === "fortschritt-sso",
    );
    expect(cookie).toEqual(
      expect.objectContaining({ httpOnly: true, sameSite: "Lax", path: "/" }),
    );
    expect(cookie?.value).not.toContain(
      location.searchParams.get("state") ?? "-",
    );
  });

  it("signs the person in with a new session whose principal has the mapped role and org units", async () => {
    const { cookie, callbackPath } = await throughProvider();
    const response = await app.inject({
      url: callbackPath,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/kleve/verwaltung/");
    const sessionToken = cookieValue(response, "fortschritt");
    expect(sessionToken).toBeDefined();
    const session = await resolveSession(t.ctx, sessionToken!);
    expect(session).toEqual(
      expect.objectContaining({
        kind: "active",
        principal: expect.objectContaining({
          role: "editor",
          orgUnitCodes: ["10.1"],
          email: "erika.einmal@kleve.de",
          via: "session",
        }),
      }),
    );
    // No second factor of ours is asked for: the provider is responsible for it (ADR 0004).
    const account = await app.inject({
      url: "/konto",
      headers: { cookie: `fortschritt=${sessionToken}` },
    });
    expect(account.statusCode).toBe(200);
    const [success] = await readAuditEvents(t.ctx, {
      municipalityId,
      action: "login.success",
      limit: 1,
    });
    expect(success).toEqual(
      expect.objectContaining({
        actorLabel: expect.stringContaining("erika.einmal@kleve.de"),
        after: { method: "sso" },
      }),
    );
  });

  it("maps an administrator with several org units and returns to the page asked for", async () => {
    provider.accounts.set("erika", {
      ...provider.accounts.get("erika")!,
      fortschritt_role: "admin",
      fortschritt_org_units: "10.1,20",
    });
    const { cookie, callbackPath } = await throughProvider(
      `/anmelden/sso?next=${encodeURIComponent("/kleve/zeitstrahl")}`,
    );
    const response = await app.inject({
      url: callbackPath,
      headers: { cookie },
    });
    expect(response.headers.location).toBe("/kleve/zeitstrahl");
    const session = await resolveSession(
      t.ctx,
      cookieValue(response, "fortschritt")!,
    );
    expect(session?.kind === "active" && session.principal).toEqual(
      expect.objectContaining({ role: "admin", orgUnitCodes: ["10.1", "20"] }),
    );
  });

  it.each([
    "/.//evil.example/x",
    "//evil.example/x",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/\\evil.example",
    "https://evil.example/",
  ])(
    "never returns to another site after single sign-on (next=%s)",
    async (next) => {
      const { cookie, callbackPath } = await throughProvider(
        `/anmelden/sso?next=${encodeURIComponent(next)}`,
      );
      const response = await app.inject({
        url: callbackPath,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(303);
      const location = String(response.headers.location);
      expect(location.startsWith("/")).toBe(true);
      expect(location.startsWith("//")).toBe(false);
      expect(new URL(location, "http://localhost").origin).toBe(
        "http://localhost",
      );
      expect(location).not.toContain("evil.example");
    },
  );

  it("refuses an answer with a wrong state: no session, the failure in the audit log", async () => {
    const { cookie, callbackPath } = await throughProvider();
    const tampered = callbackPath.replace(/([?&]state=)[^&]+/, "$1gefaelscht");
    const response = await app.inject({ url: tampered, headers: { cookie } });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toContain("Single Sign-on ist fehlgeschlagen");
    expect(cookieValue(response, "fortschritt")).toBeUndefined();
    const [failure] = await readAuditEvents(t.ctx, {
      municipalityId,
      action: "login.failure",
      limit: 1,
    });
    expect(failure).toEqual(
      expect.objectContaining({
        actorUserId: null,
        after: expect.objectContaining({
          method: "sso",
          code: "ERR_SSO_FAILED",
        }),
      }),
    );
  });

  it("refuses an answer that arrives in another browser (without the login cookie)", async () => {
    const { callbackPath } = await throughProvider();
    const response = await app.inject(callbackPath);
    expect(response.statusCode).toBe(400);
    expect(cookieValue(response, "fortschritt")).toBeUndefined();
  });

  it("refuses the same answer a second time", async () => {
    const { cookie, callbackPath } = await throughProvider();
    expect(
      (await app.inject({ url: callbackPath, headers: { cookie } })).statusCode,
    ).toBe(303);
    expect(
      (await app.inject({ url: callbackPath, headers: { cookie } })).statusCode,
    ).toBe(400);
  });

  it("refuses a person without a role for Fortschritt", async () => {
    provider.accounts.set("erika", {
      ...provider.accounts.get("erika")!,
      fortschritt_role: undefined,
    });
    const { cookie, callbackPath } = await throughProvider();
    const response = await app.inject({
      url: callbackPath,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(cookieValue(response, "fortschritt")).toBeUndefined();
  });

  it("ends the session the browser had before and issues a new id", async () => {
    const first = await throughProvider();
    const firstLogin = await app.inject({
      url: first.callbackPath,
      headers: { cookie: first.cookie },
    });
    const oldToken = cookieValue(firstLogin, "fortschritt")!;
    const second = await app.inject({
      url: "/anmelden/sso?next=%2Fkleve%2F",
      headers: { cookie: `fortschritt=${oldToken}` },
    });
    // Signed in already: sent on, like the login form does.
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe("/kleve/");
    const again = await throughProvider();
    const secondLogin = await app.inject({
      url: again.callbackPath,
      headers: { cookie: `${again.cookie}; fortschritt=${oldToken}` },
    });
    const newToken = cookieValue(secondLogin, "fortschritt")!;
    expect(newToken).not.toBe(oldToken);
    expect(await resolveSession(t.ctx, oldToken)).toBeNull();
  });
});

describe("single sign-on when it is not configured", () => {
  it("neither offers it nor answers its routes", async () => {
    const web = await openWebApp("sqlite");
    try {
      const page = await web.app.inject("/anmelden");
      expect(page.body).not.toContain("Single Sign-on");
      expect((await web.app.inject("/anmelden/sso")).statusCode).toBe(404);
      expect(
        (await web.app.inject("/anmelden/sso/callback?code=x&state=y"))
          .statusCode,
      ).toBe(404);
    } finally {
      await web.close();
    }
  });
});
