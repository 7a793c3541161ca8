import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { resolveSession } from "../../src/app/auth/sessions.js";
import {
  finishSingleSignOn,
  startSingleSignOn,
} from "../../src/app/sso/single-sign-on.js";
import type { SsoConfig } from "../../src/config.js";
import { findUser, insertUser } from "../../src/db/user.repository.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import {
  followProviderRedirects,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from "../support/oidc-provider.js";

const BASE_URL = "http://localhost:3999";
const CALLBACK = `${BASE_URL}/anmelden/sso/callback`;
const ORIGIN = { ip: "203.0.113.9", userAgent: "Vitest" };

describe.each(DIALECTS)("single sign-on use cases on %s", (dialect) => {
  let t: TestContext;
  let provider: TestIdentityProvider;
  let sso: SsoConfig;
  let municipalityId: number;

  beforeAll(async () => {
    // The provider's tokens carry real time stamps: the app's clock must agree with it.
    t = await openTestContext(dialect, { demo: true, clock: () => new Date() });
    provider = await startTestIdentityProvider(CALLBACK);
    sso = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      roleClaim: "fortschritt_role",
      orgUnitsClaim: "fortschritt_org_units",
      municipalitySlug: "kleve",
      redirectUri: CALLBACK,
      scopes: "openid profile email",
    };
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
  });
  afterAll(async () => {
    await provider.close();
    await t.close();
  });

  beforeEach(() => {
    provider.accounts.set("erika", {
      sub: "erika",
      email: "erika.sso@kleve.de",
      email_verified: true,
      name: "Erika Einmal",
      fortschritt_role: "editor",
      fortschritt_org_units: ["10.1", "gibt-es-nicht"],
    });
    provider.nextAccount = "erika";
  });

  /** Runs a login through the provider and returns the login id and the callback URL. */
  async function loginAtProvider(
    ctx = t.ctx,
  ): Promise<{ loginId: string; callbackUrl: URL }> {
    const started = await startSingleSignOn(ctx, sso);
    const callbackUrl = await followProviderRedirects(
      started.authorizationUrl,
      CALLBACK,
    );
    return { loginId: started.loginId, callbackUrl };
  }

  it("asks the provider with PKCE, state and nonce", async () => {
    const started = await startSingleSignOn(t.ctx, sso);
    const url = new URL(started.authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    for (const name of ["state", "nonce", "code_challenge"])
      expect(url.searchParams.get(name)).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("redirect_uri")).toBe(CALLBACK);
  });

  it("creates the account with the mapped role and known org units, opens a signed-in session and audits both", async () => {
    // The provider's user signs in for the first time only on a database of its own.
    const own = await openTestContext(dialect, {
      demo: true,
      clock: () => new Date(),
    });
    try {
      const { principal, sessionToken } = await finishSingleSignOn(
        own.ctx,
        sso,
        await loginAtProvider(own.ctx),
        ORIGIN,
      );
      expect(principal).toEqual(
        expect.objectContaining({
          email: "erika.sso@kleve.de",
          name: "Erika Einmal",
          role: "editor",
          orgUnitCodes: ["10.1"],
        }),
      );
      expect(await findUser(own.ctx.db, { id: principal.userId })).toEqual(
        expect.objectContaining({ passwordHash: null, totpEnabledAt: null }),
      );
      // No second factor of ours: the identity provider is responsible for it (ADR 0004).
      expect(await resolveSession(own.ctx, sessionToken)).toEqual(
        expect.objectContaining({
          kind: "active",
          principal: expect.objectContaining({
            role: "editor",
            orgUnitCodes: ["10.1"],
          }),
        }),
      );
      const events = await readAuditEvents(own.ctx, {
        municipalityId,
        actorUserId: principal.userId,
        limit: 10,
      });
      expect(events.map((event) => event.action)).toEqual([
        "login.success",
        "user.create",
      ]);
      expect(events[0]).toEqual(
        expect.objectContaining({ ip: ORIGIN.ip, after: { method: "sso" } }),
      );
      expect(events[1]).toEqual(
        expect.objectContaining({
          after: expect.objectContaining({
            ignoredOrgUnits: ["gibt-es-nicht"],
          }),
        }),
      );
    } finally {
      await own.close();
    }
  });

  it("updates the same account when the provider's claims change", async () => {
    const first = await finishSingleSignOn(
      t.ctx,
      sso,
      await loginAtProvider(),
      ORIGIN,
    );
    provider.accounts.set("erika", {
      ...provider.accounts.get("erika")!,
      fortschritt_role: ["admin"],
      fortschritt_org_units: "20",
    });
    const second = await finishSingleSignOn(
      t.ctx,
      sso,
      {
        ...(await loginAtProvider()),
        previousSessionToken: first.sessionToken,
      },
      ORIGIN,
    );
    expect(second.principal.userId).toBe(first.principal.userId);
    expect(second.principal).toEqual(
      expect.objectContaining({ role: "admin", orgUnitCodes: ["20"] }),
    );
    // A new session id at every login; the browser's old one is over.
    expect(second.sessionToken).not.toBe(first.sessionToken);
    expect(await resolveSession(t.ctx, first.sessionToken)).toBeNull();
    const [latestLogin, update] = await readAuditEvents(t.ctx, {
      municipalityId,
      actorUserId: first.principal.userId,
      limit: 2,
    });
    expect(latestLogin?.action).toBe("login.success");
    expect(update).toEqual(
      expect.objectContaining({
        action: "user.update",
        before: expect.objectContaining({ role: "editor" }),
        after: expect.objectContaining({ role: "admin" }),
      }),
    );
  });

  it("refuses an answer whose state does not match, and audits the failure", async () => {
    const { loginId, callbackUrl } = await loginAtProvider();
    callbackUrl.searchParams.set("state", "falsch");
    await expect(
      finishSingleSignOn(t.ctx, sso, { loginId, callbackUrl }, ORIGIN),
    ).rejects.toMatchObject({ code: "ERR_SSO_FAILED" });
    const [failure] = await readAuditEvents(t.ctx, {
      municipalityId,
      action: "login.failure",
      limit: 1,
    });
    expect(failure).toEqual(
      expect.objectContaining({
        actorUserId: null,
        ip: ORIGIN.ip,
        after: expect.objectContaining({
          method: "sso",
          code: "ERR_SSO_FAILED",
        }),
      }),
    );
  });

  it("refuses an answer without the browser's login id, and the same answer twice", async () => {
    const { loginId, callbackUrl } = await loginAtProvider();
    await expect(
      finishSingleSignOn(t.ctx, sso, { loginId: null, callbackUrl }, ORIGIN),
    ).rejects.toMatchObject({ code: "ERR_SSO_FAILED" });
    await expect(
      finishSingleSignOn(
        t.ctx,
        sso,
        { loginId: "erfunden", callbackUrl },
        ORIGIN,
      ),
    ).rejects.toMatchObject({ code: "ERR_SSO_FAILED" });
    await finishSingleSignOn(t.ctx, sso, { loginId, callbackUrl }, ORIGIN);
    await expect(
      finishSingleSignOn(t.ctx, sso, { loginId, callbackUrl }, ORIGIN),
    ).rejects.toMatchObject({ code: "ERR_SSO_FAILED" });
  });

  it("refuses claims without a known role", async () => {
    provider.accounts.set("erika", {
      ...provider.accounts.get("erika")!,
      fortschritt_role: "superuser",
    });
    await expect(
      finishSingleSignOn(t.ctx, sso, await loginAtProvider(), ORIGIN),
    ).rejects.toMatchObject({
      code: "ERR_SSO_FAILED",
      detail: expect.stringContaining("keine Rolle"),
    });
  });

  it("does not take over a local account with the same address", async () => {
    await insertUser(t.ctx.db, {
      municipalityId,
      email: "lokal@kleve.de",
      name: "Lokal",
      role: "committee",
      passwordHash: null,
      now: TEST_NOW.toISOString(),
    });
    provider.accounts.set("mallory", {
      sub: "mallory",
      email: "LOKAL@kleve.de",
      name: "M",
      fortschritt_role: "admin",
    });
    provider.nextAccount = "mallory";
    await expect(
      finishSingleSignOn(t.ctx, sso, await loginAtProvider(), ORIGIN),
    ).rejects.toMatchObject({
      code: "ERR_SSO_FAILED",
      detail: expect.stringContaining("anderen Konto"),
    });
  });

  it("reports an unreachable provider as ERR_SSO_UNAVAILABLE", async () => {
    await expect(
      startSingleSignOn(t.ctx, { ...sso, issuer: "http://127.0.0.1:9" }),
    ).rejects.toMatchObject({ code: "ERR_SSO_UNAVAILABLE" });
  });
});
