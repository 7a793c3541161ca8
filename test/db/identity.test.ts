import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COMMAND_LINE,
  COMMAND_LINE_LABEL,
} from "../../src/app/auth/account-audit.js";
import {
  authenticateApiToken,
  createApiToken,
} from "../../src/app/auth/api-tokens.js";
import {
  changeAccount,
  createAccount,
  getAccount,
} from "../../src/app/auth/manage-users.js";
import {
  createSession,
  purgeExpiredSessions,
  resolveSession,
} from "../../src/app/auth/sessions.js";
import { inviteAccount } from "../../src/app/auth/passwords.js";
import {
  checkSecondFactor,
  signInWithPassword,
} from "../../src/app/auth/sign-in.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { findUser } from "../../src/db/user.repository.js";
import { isAppError } from "../../src/errors.js";
import { createTestUser } from "../support/accounts.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";

describe.each(DIALECTS)("accounts and sessions on %s", (dialect) => {
  let test: TestContext;
  let now = TEST_NOW.getTime();
  const origin = { ip: "192.0.2.1", userAgent: "vitest" };

  beforeAll(async () => {
    test = await openTestContext(dialect, {
      demo: true,
      clock: () => new Date(now),
    });
  });

  afterAll(async () => {
    await test.close();
  });

  it("stores the address in lower case and the password as Argon2id, and audits the command line", async () => {
    const account = await createAccount(test.ctx, COMMAND_LINE, {
      municipalityId: 1,
      email: "  Erika.Muster@Kleve.EXAMPLE ",
      name: "Erika Muster",
      role: "admin",
      password: "Ein sicheres Passwort für Erika",
    });
    expect(account.email).toBe("erika.muster@kleve.example");
    const stored = await findUser(test.ctx.db, { id: account.id });
    expect(stored?.passwordHash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/,
    );
    const event = await test.ctx.db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "user.create")
      .where("entity_id", "=", String(account.id))
      .executeTakeFirstOrThrow();
    expect(event.actor_label).toBe(COMMAND_LINE_LABEL);
    expect(event.after_json).not.toContain("Passwort");
  });

  it("refuses a second account with the same address in another case", async () => {
    await createAccount(test.ctx, COMMAND_LINE, {
      municipalityId: 1,
      email: "max.doppelt@kleve.example",
      name: "Max Doppelt",
      role: "committee",
    });
    const error = await createAccount(test.ctx, COMMAND_LINE, {
      municipalityId: 1,
      email: "MAX.Doppelt@kleve.example",
      name: "Doppelt",
      role: "committee",
    }).catch((e: unknown) => e);
    expect(isAppError(error, "ERR_VALIDATION")).toBe(true);
  });

  it("accepts a TOTP code once even when two requests race with it", async () => {
    const user = await createTestUser(test.ctx, { role: "editor" });
    now += 60_000;
    const record = (await findUser(test.ctx.db, { id: user.userId }))!;
    const code = totpCodeAt(user.totpSecret!, new Date(now));
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        checkSecondFactor(test.ctx.db, test.ctx, record, code),
      ),
    );
    expect(results.filter((result) => result === "totp")).toHaveLength(1);
  });

  it("refuses a code older than the last accepted one", async () => {
    const user = await createTestUser(test.ctx, { role: "editor" });
    const record = (await findUser(test.ctx.db, { id: user.userId }))!;
    now += 60_000;
    expect(
      await checkSecondFactor(
        test.ctx.db,
        test.ctx,
        record,
        totpCodeAt(user.totpSecret!, new Date(now)),
      ),
    ).toBe("totp");
    expect(
      await checkSecondFactor(
        test.ctx.db,
        test.ctx,
        record,
        totpCodeAt(user.totpSecret!, new Date(now - 30_000)),
      ),
    ).toBeNull();
  });

  it("deletes a session that has ended and keeps one in use", async () => {
    const user = await createTestUser(test.ctx, { role: "committee" });
    const token = await createSession(test.ctx.db, test.ctx, user.userId, {
      isPendingSecondFactor: false,
      origin,
    });
    expect((await resolveSession(test.ctx, token))?.kind).toBe("active");
    now += 31 * 60_000;
    expect(await resolveSession(test.ctx, token)).toBeNull();
    const count = await test.ctx.db
      .selectFrom("session")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", user.userId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("purges ended sessions and keeps live ones", async () => {
    const user = await createTestUser(test.ctx, { role: "committee" });
    await createSession(test.ctx.db, test.ctx, user.userId, {
      isPendingSecondFactor: false,
      origin,
    });
    now += 31 * 60_000;
    const live = await createSession(test.ctx.db, test.ctx, user.userId, {
      isPendingSecondFactor: false,
      origin,
    });
    await purgeExpiredSessions(test.ctx);
    const rows = await test.ctx.db
      .selectFrom("session")
      .select("user_id")
      .where("user_id", "=", user.userId)
      .execute();
    expect(rows).toHaveLength(1);
    expect((await resolveSession(test.ctx, live))?.kind).toBe("active");
  });

  it("invites only accounts that have no password yet", async () => {
    const withPassword = await createTestUser(test.ctx, { role: "committee" });
    const error = await inviteAccount(
      test.ctx,
      COMMAND_LINE,
      {
        userId: withPassword.userId,
        delivery: null,
        publicBaseUrl: "https://x.example",
      },
      { ip: null },
    ).catch((e: unknown) => e);
    expect(isAppError(error, "ERR_VALIDATION")).toBe(true);
    const fresh = await createAccount(test.ctx, COMMAND_LINE, {
      municipalityId: 1,
      email: `einladung-${dialect}@kleve.example`,
      name: "Neu",
      role: "committee",
    });
    const invitation = await inviteAccount(
      test.ctx,
      COMMAND_LINE,
      { userId: fresh.id, delivery: null, publicBaseUrl: "https://x.example" },
      { ip: null },
    );
    expect(invitation).toMatchObject({ isMailed: false });
    expect(invitation.link).toMatch(
      /^https:\/\/x\.example\/passwort-neu\/[A-Za-z0-9_-]{43}$/,
    );
  });

  it("ends all sessions of an account whose role changes", async () => {
    const admin = await createTestUser(test.ctx, { role: "admin" });
    const user = await createTestUser(test.ctx, { role: "committee" });
    const token = await createSession(test.ctx.db, test.ctx, user.userId, {
      isPendingSecondFactor: false,
      origin,
    });
    const principal = {
      kind: "user",
      userId: admin.userId,
      municipalityId: admin.municipalityId,
      role: "admin",
      orgUnitCodes: [],
      name: admin.name,
      email: admin.email,
      via: "session",
    } as const;
    const current = await getAccount(
      test.ctx,
      principal,
      admin.municipalityId,
      user.userId,
    );
    await changeAccount(
      test.ctx,
      principal,
      admin.municipalityId,
      user.userId,
      {
        name: current.name,
        role: "editor",
        orgUnitCodes: ["10.1"],
        version: current.version,
      },
    );
    expect(await resolveSession(test.ctx, token)).toBeNull();
  });

  it("lets only an administrator of the municipality manage accounts", async () => {
    const editor = await createTestUser(test.ctx, { role: "editor" });
    const principal = {
      kind: "user",
      userId: editor.userId,
      municipalityId: editor.municipalityId,
      role: "editor",
      orgUnitCodes: [],
      name: editor.name,
      email: editor.email,
      via: "session",
    } as const;
    const error = await createAccount(test.ctx, principal, {
      municipalityId: editor.municipalityId,
      email: "x@kleve.example",
      name: "X",
      role: "admin",
    }).catch((e: unknown) => e);
    expect(isAppError(error, "ERR_FORBIDDEN")).toBe(true);
  });

  it("turns an API token into the owner's principal, read afresh each time", async () => {
    const user = await createTestUser(test.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
    });
    const { token } = await createApiToken(test.ctx, COMMAND_LINE, {
      userId: user.userId,
      name: "Skript",
    });
    expect(token).toMatch(/^fst_[A-Za-z0-9_-]{43}$/);
    const principal = await authenticateApiToken(test.ctx, token);
    expect(principal).toMatchObject({
      kind: "user",
      userId: user.userId,
      role: "editor",
      orgUnitCodes: ["10.1"],
      via: "token",
    });
    expect(await authenticateApiToken(test.ctx, `${token}x`)).toBeNull();
  });

  it("counts failures per address and refuses the 21st attempt within 15 minutes", async () => {
    now += 60 * 60_000;
    const from = { ip: "198.51.100.7", userAgent: null };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      expect(
        (
          await signInWithPassword(
            test.ctx,
            { email: `x${attempt}@kleve.example`, password: "falsch und lang" },
            from,
          )
        ).outcome,
      ).toBe("refused");
    }
    const error = await signInWithPassword(
      test.ctx,
      { email: "x@kleve.example", password: "falsch und lang" },
      from,
    ).catch((e: unknown) => e);
    expect(isAppError(error, "ERR_TOO_MANY_ATTEMPTS")).toBe(true);
  });
});
