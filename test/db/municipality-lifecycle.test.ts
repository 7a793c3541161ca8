/**
 * The lifecycle of a municipality on both databases: creating one empty or from the shape
 * of another (never its data), the checks that refuse a bad Regionalschlüssel or a taken
 * slug without changing anything, deactivation that keeps everything and stops changes,
 * invitations, and the release that decides what the public sees before the first edition.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createImpactArea } from "../../src/app/catalogue/create-impact-area.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { updateProgramme } from "../../src/app/catalogue/update-programme.js";
import { getPublishedCatalogue } from "../../src/app/edition/read-editions.js";
import {
  grantMunicipalityAccess,
  inviteIntoMunicipality,
} from "../../src/app/municipalities/invitations.js";
import {
  createMunicipality,
  listMunicipalitiesForOperators,
  setMunicipalityState,
} from "../../src/app/municipalities/lifecycle.js";
import { releaseWorkingState } from "../../src/app/municipalities/release.js";
import { AppError } from "../../src/errors.js";
import { createAccount } from "../../src/app/auth/manage-users.js";
import type { MailMessage, Mailer } from "../../src/app/mail/mailer.js";
import { addOperator } from "../../src/app/operations/operators.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/** A valid creation input for Goch (NRW) under a fresh slug. */
function gochInput(slug: string, extra: Record<string, unknown> = {}) {
  return {
    name: "Stadt Goch",
    slug,
    state: "Nordrhein-Westfalen",
    regionalKey: "051540020020",
    website: "https://www.goch.de",
    contactEmail: "digital@goch.example",
    ...extra,
  };
}

describe.each(DIALECTS)("the municipality lifecycle on %s", (dialect) => {
  let t: TestContext;

  async function counts() {
    const db = t.ctx.db;
    const municipalities = await db
      .selectFrom("municipality")
      .select(db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom("audit_event")
      .select(db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const users = await db
      .selectFrom("user_account")
      .select(db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return {
      municipalities: Number(municipalities.n),
      events: Number(events.n),
      users: Number(users.n),
    };
  }

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it("creates an empty municipality with a programme frame, audited, and lists it", async () => {
    const slug = uniqueSlug("goch");
    const created = await createMunicipality(
      t.ctx,
      COMMAND_LINE,
      gochInput(slug),
    );
    expect(created.municipality).toMatchObject({
      slug,
      name: "Stadt Goch",
      state: "Nordrhein-Westfalen",
      regionalKey: "051540020020",
      contactEmail: "digital@goch.example",
      isActive: true,
      requiresRelease: true,
    });
    expect(created.copied).toEqual([]);
    const catalogue = await getCatalogue(t.ctx, slug);
    expect(catalogue.programme.title).toBe(
      "Digitalisierungsprogramm Stadt Goch",
    );
    expect(catalogue.impactAreas).toEqual([]);
    const listed = await listMunicipalitiesForOperators(t.ctx, COMMAND_LINE);
    expect(listed.find((m) => m.slug === slug)).toMatchObject({
      projects: 0,
      editions: 0,
      users: 0,
      isActive: true,
    });
    const [event] = await t.ctx.db
      .selectFrom("audit_event")
      .select(["action", "actor_label"])
      .where("municipality_id", "=", created.municipality.id)
      .execute();
    expect(event).toEqual({
      action: "municipality.create",
      actor_label: "Kommandozeile (Betrieb)",
    });
  });

  it("refuses a wrong Regionalschlüssel in German and changes nothing", async () => {
    const before = await counts();
    const format = await rejectionOf(
      createMunicipality(
        t.ctx,
        COMMAND_LINE,
        gochInput(uniqueSlug("goch"), { regionalKey: "05154002" }),
      ),
    );
    expect(format.code).toBe("ERR_VALIDATION");
    expect(format.problems).toContainEqual({
      path: "/regionalKey",
      message: expect.stringContaining("12 Ziffern"),
    });
    const land = await rejectionOf(
      createMunicipality(
        t.ctx,
        COMMAND_LINE,
        gochInput(uniqueSlug("goch"), { regionalKey: "091620000000" }),
      ),
    );
    expect(land.problems).toEqual([
      {
        path: "/regionalKey",
        message:
          "Der Regionalschlüssel beginnt mit 09, Nordrhein-Westfalen hat aber den Schlüssel 05. Bitte prüfen Sie Schlüssel und Bundesland.",
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a slug that is taken, reserved or malformed, and changes nothing", async () => {
    const slug = uniqueSlug("goch");
    await createMunicipality(t.ctx, COMMAND_LINE, gochInput(slug));
    const before = await counts();
    const taken = await rejectionOf(
      createMunicipality(t.ctx, COMMAND_LINE, gochInput(slug)),
    );
    expect(taken.code).toBe("ERR_VALIDATION");
    expect(taken.problems).toEqual([
      {
        path: "/slug",
        message: `Den Kurznamen „${slug}“ hat bereits eine andere Kommune. Bitte wählen Sie einen anderen.`,
      },
    ]);
    const kleve = await rejectionOf(
      createMunicipality(t.ctx, COMMAND_LINE, gochInput("kleve")),
    );
    expect(kleve.problems[0]?.path).toBe("/slug");
    const reserved = await rejectionOf(
      createMunicipality(t.ctx, COMMAND_LINE, gochInput("betrieb")),
    );
    expect(reserved.problems[0]?.message).toContain("reserviert");
    const malformed = await rejectionOf(
      createMunicipality(t.ctx, COMMAND_LINE, gochInput("Goch Stadt")),
    );
    expect(malformed.problems[0]?.message).toContain("Kleinbuchstaben");
    expect(await counts()).toEqual(before);
  });

  it("copies the shape of a template, never its data", async () => {
    const slug = uniqueSlug("kalkar");
    const kleve = await getCatalogue(t.ctx, "kleve");
    const created = await createMunicipality(t.ctx, COMMAND_LINE, {
      ...gochInput(slug),
      name: "Stadt Kalkar",
      template: "kleve",
    });
    expect(created.template).toBe("kleve");
    expect(created.copied.map((part) => part.key)).toEqual([
      "programme-skeleton",
      "reason-categories",
      "key-figures",
      "reporting",
    ]);
    const copy = await getCatalogue(t.ctx, slug);
    expect(copy.impactAreas.map((area) => area.key)).toEqual(
      kleve.impactAreas.map((area) => area.key),
    );
    expect(
      copy.impactAreas.flatMap((area) => area.actionFields.map((f) => f.key)),
    ).toEqual(
      kleve.impactAreas.flatMap((area) => area.actionFields.map((f) => f.key)),
    );
    // No data: no projects, goals, org units, key-figure values, reports.
    expect(
      copy.impactAreas.flatMap((area) =>
        area.actionFields.flatMap((f) => f.projects),
      ),
    ).toEqual([]);
    expect(copy.programme.goals).toEqual([]);
    expect(copy.orgUnits).toEqual([]);
    const id = created.municipality.id;
    const db = t.ctx.db;
    const indicators = await db
      .selectFrom("indicator")
      .select(["id", "project_slug"])
      .where("municipality_id", "=", id)
      .execute();
    const kleveIndicators = await db
      .selectFrom("indicator")
      .select("id")
      .where("municipality_id", "=", kleve.municipality.id)
      .execute();
    expect(indicators.length).toBe(kleveIndicators.length);
    expect(indicators.every((row) => row.project_slug === null)).toBe(true);
    if (indicators.length > 0) {
      const values = await db
        .selectFrom("indicator_observation")
        .select("id")
        .where(
          "indicator_id",
          "in",
          indicators.map((row) => row.id),
        )
        .execute();
      expect(values).toEqual([]);
    }
    const reports = await db
      .selectFrom("status_report")
      .select("id")
      .where("municipality_id", "=", id)
      .execute();
    expect(reports).toEqual([]);
    const categories = await db
      .selectFrom("reason_category")
      .select("key")
      .where("municipality_id", "=", id)
      .orderBy("position")
      .execute();
    const kleveCategories = await db
      .selectFrom("reason_category")
      .select("key")
      .where("municipality_id", "=", kleve.municipality.id)
      .orderBy("position")
      .execute();
    expect(categories).toEqual(kleveCategories);
  });

  it("deactivates without deleting, refuses changes meanwhile, and reactivates as before", async () => {
    const slug = uniqueSlug("goch");
    const { municipality } = await createMunicipality(
      t.ctx,
      COMMAND_LINE,
      gochInput(slug),
    );
    const admin = buildPrincipal(municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    await createImpactArea(t.ctx, admin, {
      municipality: slug,
      data: { key: "verwaltung", name: "Verwaltung", description: null },
    });
    const deactivated = await setMunicipalityState(
      t.ctx,
      COMMAND_LINE,
      { municipality: slug, reason: "Vertrag ruht" },
      false,
    );
    expect(deactivated.isActive).toBe(false);
    expect((await t.ctx.versions.find(slug))?.isActive).toBe(false);
    const before = await getCatalogue(t.ctx, slug);
    const refused = await rejectionOf(
      createImpactArea(t.ctx, admin, {
        municipality: slug,
        data: { key: "bildung", name: "Bildung", description: null },
      }),
    );
    expect(refused.code).toBe("ERR_MUNICIPALITY_READ_ONLY");
    expect(
      (
        await rejectionOf(
          inviteIntoMunicipality(
            t.ctx,
            COMMAND_LINE,
            {
              municipality: slug,
              email: `${slug}@goch.example`,
              name: "Nina Neu",
              role: "admin",
            },
            { mail: null, baseUrl: "http://localhost" },
          ),
        )
      ).code,
    ).toBe("ERR_MUNICIPALITY_READ_ONLY");
    expect(
      (await getCatalogue(t.ctx, slug)).impactAreas.map((area) => area.key),
    ).toEqual(before.impactAreas.map((area) => area.key));
    const twice = await rejectionOf(
      setMunicipalityState(t.ctx, COMMAND_LINE, { municipality: slug }, false),
    );
    expect(twice.message).toContain("bereits deaktiviert");
    await setMunicipalityState(
      t.ctx,
      COMMAND_LINE,
      { municipality: slug },
      true,
    );
    expect((await t.ctx.versions.find(slug))?.isActive).toBe(true);
    await createImpactArea(t.ctx, admin, {
      municipality: slug,
      data: { key: "bildung", name: "Bildung", description: null },
    });
    expect(
      (await getCatalogue(t.ctx, slug)).impactAreas.map((area) => area.key),
    ).toEqual(["verwaltung", "bildung"]);
    const actions = await t.ctx.db
      .selectFrom("audit_event")
      .select("action")
      .where("municipality_id", "=", municipality.id)
      .where("action", "like", "municipality.%")
      .orderBy("id")
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      "municipality.create",
      "municipality.deactivate",
      "municipality.reactivate",
    ]);
  });

  it("invites a person with a one-time link, and refuses an address that belongs to the municipality already", async () => {
    const slug = uniqueSlug("goch");
    const { municipality } = await createMunicipality(
      t.ctx,
      COMMAND_LINE,
      gochInput(slug),
    );
    const email = `erste-${slug}@goch.example`;
    const invitation = await inviteIntoMunicipality(
      t.ctx,
      COMMAND_LINE,
      { municipality: slug, email, name: "Erika Erste", role: "admin" },
      { mail: null, baseUrl: "https://fortschritt.example" },
    );
    expect(invitation.isMailed).toBe(false);
    expect(invitation.link).toMatch(
      /^https:\/\/fortschritt\.example\/passwort-neu\/[A-Za-z0-9_-]{20,}$/,
    );
    expect(invitation.account).toMatchObject({
      municipalityId: municipality.id,
      role: "admin",
      hasPassword: false,
    });
    const before = await counts();
    const again = await rejectionOf(
      inviteIntoMunicipality(
        t.ctx,
        COMMAND_LINE,
        { municipality: slug, email, name: "Erika Erste", role: "editor" },
        { mail: null, baseUrl: "https://fortschritt.example" },
      ),
    );
    expect(again.code).toBe("ERR_VALIDATION");
    expect(again.problems[0]?.path).toBe("/email");
    expect(again.problems[0]?.message).toContain("bereits ein Konto");
    expect(await counts()).toEqual(before);
    expect(
      await grantMunicipalityAccess(t.ctx, email, {
        id: municipality.id + 1000,
        name: "Anderswo",
      }),
    ).toMatchObject({ kind: "membership", hasPassword: false });
    // An administrator of another municipality cannot invite here.
    const kleve = await getCatalogue(t.ctx, "kleve");
    const kleveAdmin = buildPrincipal(kleve.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    expect(
      (
        await rejectionOf(
          inviteIntoMunicipality(
            t.ctx,
            kleveAdmin,
            {
              municipality: slug,
              email: `zweite-${slug}@goch.example`,
              name: "Zora Zweite",
              role: "editor",
            },
            { mail: null, baseUrl: "https://fortschritt.example" },
          ),
        )
      ).code,
    ).toBe("ERR_FORBIDDEN");
  });

  it("gives a person who has an account a membership with the role instead of a second account, and tells them by mail", async () => {
    const slug = uniqueSlug("goch");
    const { municipality } = await createMunicipality(
      t.ctx,
      COMMAND_LINE,
      gochInput(slug),
    );
    const kleve = await getCatalogue(t.ctx, "kleve");
    const email = `beide-${slug}@kleve.example`;
    const person = await createAccount(t.ctx, COMMAND_LINE, {
      municipalityId: kleve.municipality.id,
      email,
      name: "Berta Beide",
      role: "admin",
      password: "Ein langes Passwort für Berta Beide",
    });
    const sent: MailMessage[] = [];
    const mailer: Mailer = {
      send: async (message) => {
        sent.push(message);
      },
    };
    const before = await counts();
    const invitation = await inviteIntoMunicipality(
      t.ctx,
      COMMAND_LINE,
      {
        municipality: slug,
        email: ` ${email.toUpperCase()} `,
        name: "egal",
        role: "editor",
      },
      {
        mail: { mailer, publicBaseUrl: "https://fortschritt.example" },
        baseUrl: "https://fortschritt.example",
      },
    );
    expect(invitation).toMatchObject({
      kind: "membership",
      isMailed: true,
      link: `https://fortschritt.example/${slug}/verwaltung/`,
      account: {
        id: person.id,
        role: "editor",
        municipalityId: municipality.id,
      },
    });
    const after = await counts();
    expect(after.users).toBe(before.users);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(email);
    expect(sent[0]?.text).toContain("die Rolle Redaktion in Stadt Goch");
    // One person, two memberships, each with its own role; the name stays the person's.
    const memberships = await t.ctx.db
      .selectFrom("membership")
      .select(["municipality_id", "role", "is_active"])
      .where("user_id", "=", person.id)
      .orderBy("municipality_id")
      .execute();
    expect(
      memberships.map((m) => [
        Number(m.municipality_id),
        m.role,
        Number(m.is_active),
      ]),
    ).toEqual([
      [kleve.municipality.id, "admin", 1],
      [municipality.id, "editor", 1],
    ]);
    const audit = await t.ctx.db
      .selectFrom("audit_event")
      .select("action")
      .where("municipality_id", "=", municipality.id)
      .where("entity_type", "=", "user_account")
      .execute();
    expect(audit.map((e) => e.action)).toContain("membership.create");
    // The same person again is refused, and nothing changes.
    const again = await rejectionOf(
      inviteIntoMunicipality(
        t.ctx,
        COMMAND_LINE,
        { municipality: slug, email, name: "Berta Beide", role: "admin" },
        { mail: null, baseUrl: "https://fortschritt.example" },
      ),
    );
    expect(again.problems[0]?.message).toContain("gehört schon zu Stadt Goch");
    expect(await counts()).toEqual(after);
  });

  it("lets an operator with a completed second factor invite, and nobody who only started signing in", async () => {
    const slug = uniqueSlug("goch");
    await createMunicipality(t.ctx, COMMAND_LINE, gochInput(slug));
    const operator = await addOperator(t.ctx, COMMAND_LINE, {
      email: `betrieb-${slug}@betrieb.example`,
      name: "Olga Betrieb",
      password: "Ein langes Passwort für den Betrieb",
    });
    const principal = {
      kind: "user" as const,
      userId: operator.id,
      municipalityId: null,
      role: "committee" as const,
      orgUnitCodes: [],
      name: operator.name,
      email: operator.email,
      via: "session" as const,
    };
    const input = {
      municipality: slug,
      email: `erste-${slug}@goch.example`,
      name: "Erika Erste",
      role: "admin",
    };
    const delivery = { mail: null, baseUrl: "https://fortschritt.example" };
    const unverified = await rejectionOf(
      inviteIntoMunicipality(
        t.ctx,
        { ...principal, operator: "unverified" },
        input,
        delivery,
      ),
    );
    expect(unverified.code).toBe("ERR_OPERATOR_SECOND_FACTOR");
    const invitation = await inviteIntoMunicipality(
      t.ctx,
      { ...principal, operator: "verified" },
      input,
      delivery,
    );
    expect(invitation.kind).toBe("invitation");
    const event = await t.ctx.db
      .selectFrom("audit_event")
      .select(["actor_user_id", "actor_label"])
      .where("action", "=", "user.create")
      .where("entity_label", "=", input.email)
      .executeTakeFirstOrThrow();
    expect(Number(event.actor_user_id)).toBe(operator.id);
    expect(event.actor_label).toContain("Olga Betrieb");
  });

  it("shows the public only what an administrator released, never what was typed since", async () => {
    const slug = uniqueSlug("goch");
    const { municipality } = await createMunicipality(
      t.ctx,
      COMMAND_LINE,
      gochInput(slug),
    );
    const admin = buildPrincipal(municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    const frame = await getCatalogue(t.ctx, slug);
    await updateProgramme(t.ctx, admin, {
      municipality: slug,
      expectedVersion: 1,
      data: {
        title: "Goch digital 2030",
        subtitle: null,
        horizonStart: frame.programme.horizonStart,
        horizonEnd: frame.programme.horizonEnd,
        summary: "Entwurf des Leitbilds",
        goals: [{ title: "L".repeat(1000), description: null }],
      },
    });
    let published = await getPublishedCatalogue(t.ctx, slug);
    expect(published.isReleaseOnly).toBe(true);
    expect(published.edition).toBeNull();
    expect(published.catalogue.programme.title).toBe(
      "Digitalisierungsprogramm Stadt Goch",
    );
    expect(published.catalogue.programme.summary).toBeNull();
    await releaseWorkingState(t.ctx, admin, slug);
    published = await getPublishedCatalogue(t.ctx, slug);
    expect(published.catalogue.programme.title).toBe("Goch digital 2030");
    expect(published.catalogue.programme.goals[0]?.title).toHaveLength(1000);
    await createImpactArea(t.ctx, admin, {
      municipality: slug,
      data: {
        key: "heimlich",
        name: "Noch nicht angekündigt",
        description: null,
      },
    });
    published = await getPublishedCatalogue(t.ctx, slug);
    expect(published.catalogue.impactAreas).toEqual([]);
    const editor = buildPrincipal(municipality.id, { role: "editor" });
    expect(
      (await rejectionOf(releaseWorkingState(t.ctx, editor, slug))).code,
    ).toBe("ERR_FORBIDDEN");
  });
});
