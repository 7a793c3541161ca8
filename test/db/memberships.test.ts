/**
 * People in several municipalities and operators (Betrieb), on both dialects: one
 * account with a membership per municipality, a principal per request that carries the
 * membership of the request's municipality, deactivating one membership only, API
 * tokens scoped to municipalities, operators with a mandatory second factor who are no
 * members of anything, and the migration turning existing accounts into memberships.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import {
  authenticateApiToken,
  createApiToken,
} from "../../src/app/auth/api-tokens.js";
import {
  createAccount,
  setAccountActive,
} from "../../src/app/auth/manage-users.js";
import { signInWithPassword } from "../../src/app/auth/sign-in.js";
import { toUserPrincipal } from "../../src/app/auth/user-principal.js";
import { canManageUsers } from "../../src/app/policies/user.policy.js";
import {
  addOperator,
  getInstanceAuditLog,
  getMunicipalityOverview,
} from "../../src/app/operations/operators.js";
import { openDatabase } from "../../src/db/dialect.js";
import { migrateToLatest, migrateUpTo } from "../../src/db/migrate.js";
import { findMunicipalityBySlug } from "../../src/db/municipality.repository.js";
import { findUser } from "../../src/db/user.repository.js";
import { isMemberOf } from "../../src/domain/access/principal.js";
import { isAppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { postgresAdminUrl } from "../support/environment.js";
import { ensureOtherMunicipality } from "../web/support/api-writers.js";
import { rejectionOf } from "../support/failure.js";

let sequence = 0;
function uniqueEmail(): string {
  sequence += 1;
  return `person-${process.pid}-${sequence}@example.org`;
}

describe.each(DIALECTS)("memberships and operators on %s", (dialect) => {
  let t: TestContext;
  let kleve: number;
  let goch: number;

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    kleve = (await findMunicipalityBySlug(t.ctx.db, "kleve"))!.id;
    goch = (await findMunicipalityBySlug(
      t.ctx.db,
      await ensureOtherMunicipality(t.ctx),
    ))!.id;
  }, 120_000);
  afterAll(async () => t?.close());

  /** A person who administers Kleve and reads Goch's committee papers. */
  async function twoMunicipalityPerson(): Promise<number> {
    const email = uniqueEmail();
    const first = await createAccount(t.ctx, COMMAND_LINE, {
      municipalityId: kleve,
      email,
      name: "Zwei Kommunen",
      role: "admin",
      password: "Ein langes Passwort für zwei Kommunen",
    });
    const second = await createAccount(t.ctx, COMMAND_LINE, {
      municipalityId: goch,
      email: email.toUpperCase(),
      name: "Anderer Name",
      role: "committee",
    });
    expect(second.id).toBe(first.id);
    expect(second.name).toBe("Zwei Kommunen");
    return first.id;
  }

  it("gives one person a role per municipality, and the request's municipality decides", async () => {
    const id = await twoMunicipalityPerson();
    const user = (await findUser(t.ctx.db, { id }))!;
    expect(user.memberships.map((m) => [m.municipalitySlug, m.role])).toEqual([
      ["kleve", "admin"],
      ["goch", "committee"],
    ]);
    const inKleve = toUserPrincipal(user, "session", {
      municipalitySlug: "kleve",
    });
    const inGoch = toUserPrincipal(user, "session", {
      municipalitySlug: "goch",
    });
    expect([inKleve.municipalityId, inKleve.role]).toEqual([kleve, "admin"]);
    expect([inGoch.municipalityId, inGoch.role]).toEqual([goch, "committee"]);
    expect(canManageUsers(inKleve, kleve)).toBe(true);
    expect(canManageUsers(inGoch, goch)).toBe(false);
    expect(canManageUsers(inGoch, kleve)).toBe(false);
    expect(isMemberOf(inGoch, goch)).toBe(true);
    expect(inKleve.memberships?.map((m) => m.municipalitySlug)).toEqual([
      "kleve",
      "goch",
    ]);
  });

  it("refuses the same membership twice", async () => {
    const email = uniqueEmail();
    await createAccount(t.ctx, COMMAND_LINE, {
      municipalityId: goch,
      email,
      name: "Einmal",
      role: "committee",
    });
    const error = await rejectionOf(
      createAccount(t.ctx, COMMAND_LINE, {
        municipalityId: goch,
        email,
        name: "Zweimal",
        role: "committee",
      }),
    );
    expect(isAppError(error, "ERR_VALIDATION")).toBe(true);
  });

  it("ends access to one municipality only when that membership is deactivated", async () => {
    const id = await twoMunicipalityPerson();
    const summary = await setAccountActive(
      t.ctx,
      COMMAND_LINE,
      goch,
      id,
      false,
    );
    expect(summary.isActive).toBe(false);
    const user = (await findUser(t.ctx.db, { id }))!;
    expect(user.isActive).toBe(true);
    const inGoch = toUserPrincipal(user, "session", {
      municipalitySlug: "goch",
    });
    // Falls back to Kleve: nothing in Goch is allowed any more.
    expect(inGoch.municipalityId).toBe(kleve);
    expect(isMemberOf(inGoch, goch)).toBe(false);
    const signIn = await signInWithPassword(
      t.ctx,
      {
        email: user.email,
        password: "Ein langes Passwort für zwei Kommunen",
      },
      { ip: "198.51.100.7", userAgent: null },
    );
    expect(signIn.outcome).toBe("second-factor");
  });

  it("scopes an API token to the municipalities it names", async () => {
    const id = await twoMunicipalityPerson();
    const onlyKleve = await createApiToken(t.ctx, COMMAND_LINE, {
      userId: id,
      municipalities: ["kleve"],
    });
    const inGoch = await authenticateApiToken(t.ctx, onlyKleve.token, "goch");
    expect(isMemberOf(inGoch!, goch)).toBe(false);
    const both = await createApiToken(t.ctx, COMMAND_LINE, {
      userId: id,
      municipalities: ["kleve", "goch"],
    });
    const bothInGoch = await authenticateApiToken(t.ctx, both.token, "goch");
    expect([bothInGoch?.municipalityId, bothInGoch?.role]).toEqual([
      goch,
      "committee",
    ]);
    // Without naming them, a person in two municipalities must choose.
    const error = await rejectionOf(
      createApiToken(t.ctx, COMMAND_LINE, { userId: id }),
    );
    expect(isAppError(error, "ERR_VALIDATION")).toBe(true);
  });

  it("creates an operator who must set up a second factor and is no member of any municipality", async () => {
    const email = uniqueEmail();
    const created = await addOperator(t.ctx, COMMAND_LINE, {
      email,
      name: "Olaf Betrieb",
      password: "Ein langes Passwort für den Betrieb",
    });
    expect(created.isNew).toBe(true);
    const signIn = await signInWithPassword(
      t.ctx,
      { email, password: "Ein langes Passwort für den Betrieb" },
      { ip: "198.51.100.8", userAgent: null },
    );
    expect(signIn).toMatchObject({
      outcome: "second-factor",
      step: "enrolment",
    });
    const user = (await findUser(t.ctx.db, { id: created.id }))!;
    const unverified = toUserPrincipal(user, "session", {
      municipalitySlug: "kleve",
    });
    expect(unverified.operator).toBe("unverified");
    expect(unverified.municipalityId).toBeNull();
    expect(isMemberOf(unverified, kleve)).toBe(false);
    const refused = await rejectionOf(
      getMunicipalityOverview(t.ctx, unverified, {}),
    );
    expect(isAppError(refused, "ERR_OPERATOR_SECOND_FACTOR")).toBe(true);
    const verified = { ...unverified, operator: "verified" as const };
    const overview = await getMunicipalityOverview(t.ctx, verified, {
      search: "kle",
    });
    expect(overview.items.map((item) => item.slug)).toContain("kleve");
    const kleveState = overview.items.find((item) => item.slug === "kleve")!;
    expect(kleveState.editionCount).toBe(2);
    expect(kleveState.programmeTitle).not.toBeNull();
    const log = await getInstanceAuditLog(t.ctx, verified, {
      instanceOnly: true,
    });
    const actions = log.items.map((event) => event.action);
    expect(actions).toContain("operator.create");
    expect(actions).toContain("operations.overview");
    expect(log.items.every((event) => event.municipalityId === null)).toBe(
      true,
    );
  });
});

describe.each(DIALECTS)("the membership migration on %s", (dialect) => {
  it("turns every existing account into one membership and keeps sessions and tokens", async () => {
    let target:
      | { dialect: "sqlite"; file: string }
      | { dialect: "postgres"; url: string };
    let cleanUp: () => Promise<void>;
    if (dialect === "sqlite") {
      const directory = mkdtempSync(join(tmpdir(), "fortschritt-migration-"));
      target = { dialect: "sqlite", file: join(directory, "m.sqlite") };
      cleanUp = async () => rmSync(directory, { recursive: true, force: true });
    } else {
      const name = `fortschritt_migration_${process.pid}_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: postgresAdminUrl() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(postgresAdminUrl());
      url.pathname = `/${name}`;
      target = { dialect: "postgres", url: url.toString() };
      cleanUp = async () => {
        const client = new pg.Client({ connectionString: postgresAdminUrl() });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      };
    }
    const db = openDatabase(target);
    try {
      await migrateUpTo(db, "2026-12-05-subscribe-subscriptions");
      const now = "2026-12-01T10:00:00.000Z";
      const municipality = await db
        .insertInto("municipality")
        .values({
          slug: "alt",
          name: "Altstadt",
          state: null,
          website: null,
          created_at: now,
          updated_at: now,
        } as never)
        .returning("id")
        .executeTakeFirstOrThrow();
      await sql`insert into user_account (municipality_id, email, name, role, is_active, created_at, updated_at)
        values (${municipality.id}, 'a@alt.example', 'A', 'admin', 1, ${now}, ${now}),
               (${municipality.id}, 'b@alt.example', 'B', 'committee', 0, ${now}, ${now})`.execute(
        db,
      );
      const [a] = (
        await sql<{
          id: number;
        }>`select id from user_account where email = 'a@alt.example'`.execute(
          db,
        )
      ).rows;
      await sql`insert into session (id_hash, user_id, created_at, last_seen_at, expires_at)
        values ('h1', ${a!.id}, ${now}, ${now}, ${now})`.execute(db);
      await sql`insert into api_token (user_id, name, token_hash, created_at)
        values (${a!.id}, 'T', 'th1', ${now})`.execute(db);

      await migrateToLatest(db);

      const memberships = (
        await sql<{ email: string; role: string; is_active: number }>`
          select user_account.email, membership.role, membership.is_active from membership
          join user_account on user_account.id = membership.user_id order by user_account.email`.execute(
          db,
        )
      ).rows.map((row) => [row.email, row.role, Number(row.is_active)]);
      expect(memberships).toEqual([
        ["a@alt.example", "admin", 1],
        ["b@alt.example", "committee", 0],
      ]);
      const sessions = await sql`select id_hash from session`.execute(db);
      expect(sessions.rows).toHaveLength(1);
      const scopes =
        await sql`select token_id from api_token_municipality`.execute(db);
      expect(scopes.rows).toHaveLength(1);
      // An operator needs no municipality.
      await sql`insert into user_account (email, name, is_operator, created_at, updated_at)
        values ('op@example.org', 'Op', 1, ${now}, ${now})`.execute(db);
    } finally {
      await db.destroy();
      await cleanUp();
    }
  }, 120_000);
});
