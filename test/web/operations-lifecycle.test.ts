/**
 * The operators' forms of the municipality lifecycle over HTTP, on both databases: an
 * operator (signed in with the second factor) creates a municipality from a template,
 * gets a bad Regionalschlüssel or a reserved slug explained in German at the field with
 * nothing created, invites the first administrator (link shown once without mail; an
 * existing account gets a membership and a mail), invites editors and committee readers
 * with exactly their role, and deactivates and reactivates the
 * municipality after a confirmation step. People who are no operators are refused.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestOperator,
  createTestUser,
  csrfTokenIn,
  postForm,
  signIn,
} from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  openIdentityApp,
  type IdentityTestApp,
} from "./support/identity-app.js";
import { textOf } from "./support/web-app.js";

function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

describe.each(WEB_DIALECTS)(
  "the operators' lifecycle forms on %s",
  (dialect) => {
    let web: IdentityTestApp;
    let cookie: string;

    beforeAll(async () => {
      web = await openIdentityApp(dialect, { mail: true });
      cookie = await signIn(web.app, await createTestOperator(web.ctx));
    });
    afterAll(async () => {
      await web.close();
    });

    async function municipalityCount(): Promise<number> {
      const row = await web.ctx.db
        .selectFrom("municipality")
        .select(web.ctx.db.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    async function create(fields: Record<string, string>) {
      return postForm(web.app, cookie, "/betrieb/kommune-anlegen", fields, {
        csrfFrom: "/betrieb/kommune-anlegen",
      });
    }

    it("creates a municipality with the shape of a template and shows it", async () => {
      const form = await web.app.inject({
        url: "/betrieb/kommune-anlegen",
        headers: { cookie },
      });
      expect(form.statusCode).toBe(200);
      expect(form.body).toMatch(/<form[^>]*novalidate/);
      expect(csrfTokenIn(form.body)).not.toBeNull();
      expect(textOf(form.body)).toContain(
        "Aufbau von Stadt Kleve (kleve) übernehmen",
      );

      const slug = uniqueSlug("goch");
      const created = await create({
        name: "Stadt Goch",
        slug,
        state: "05",
        regionalKey: "0515 4002 0020",
        website: "https://www.goch.de",
        template: "kleve",
      });
      expect(created.statusCode).toBe(303);
      expect(created.headers.location).toBe(
        `/betrieb/kommunen/${slug}?angelegt=1&vorlage=kleve`,
      );
      const page = await web.app.inject({
        url: String(created.headers.location),
        headers: { cookie },
      });
      expect(page.statusCode).toBe(200);
      const text = textOf(page.body);
      expect(text).toContain(
        "Die Kommune ist mit dem Aufbau von kleve angelegt.",
      );
      expect(text).toContain("051540020020");
      expect(text).toContain("Nordrhein-Westfalen");
      expect(text).toContain("aktiv");
      // The shape came along, the data did not.
      const reasons = await web.ctx.db
        .selectFrom("reason_category")
        .innerJoin(
          "municipality",
          "municipality.id",
          "reason_category.municipality_id",
        )
        .select("reason_category.id")
        .where("municipality.slug", "=", slug)
        .execute();
      expect(reasons.length).toBeGreaterThan(0);
      const projects = await web.ctx.db
        .selectFrom("project")
        .innerJoin("municipality", "municipality.id", "project.municipality_id")
        .select("project.id")
        .where("municipality.slug", "=", slug)
        .execute();
      expect(projects).toHaveLength(0);
      // The overview lists it with its state and links its page.
      const overview = await web.app.inject({
        url: `/betrieb/?q=${slug}`,
        headers: { cookie },
      });
      expect(overview.body).toContain(`href="/betrieb/kommunen/${slug}"`);
    });

    it("explains a wrong Regionalschlüssel, a reserved and a taken slug in German and creates nothing", async () => {
      const before = await municipalityCount();
      const wrongKey = await create({
        name: "Stadt Goch",
        slug: uniqueSlug("goch"),
        state: "09",
        regionalKey: "051540020020",
      });
      expect(wrongKey.statusCode).toBe(400);
      expect(textOf(wrongKey.body)).toContain(
        "Der Regionalschlüssel beginnt mit 05, Bayern hat aber den Schlüssel 09.",
      );
      expect(wrongKey.body).toContain('href="#kommune-regionalKey"');
      expect(wrongKey.body).toContain('value="Stadt Goch"');
      for (const slug of ["betrieb", "einladung", "kleve"]) {
        const refused = await create({
          name: "Stadt Goch",
          slug,
          state: "05",
          regionalKey: "051540020020",
        });
        expect(refused.statusCode).toBe(400);
        expect(textOf(refused.body)).toMatch(
          slug === "kleve" ? /bereits eine andere Kommune/ : /reserviert/,
        );
      }
      const empty = await create({});
      expect(empty.statusCode).toBe(400);
      expect(textOf(empty.body)).toContain("Bitte geben Sie den Namen ein.");
      expect(textOf(empty.body)).toContain("Bitte wählen Sie das Bundesland.");
      expect(await municipalityCount()).toBe(before);
    });

    it("invites the first administrator, and gives a person with an account a membership and a mail", async () => {
      const slug = uniqueSlug("goch");
      expect(
        (
          await create({
            name: "Stadt Goch",
            slug,
            state: "05",
            regionalKey: "051540020020",
          })
        ).statusCode,
      ).toBe(303);
      const email = `erste-${slug}@goch.example`;
      const invited = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/einladung`,
        { email, name: "Erika Erste" },
        { csrfFrom: `/betrieb/kommunen/${slug}` },
      );
      expect(invited.statusCode).toBe(303);
      const mail = await web.sink!.waitForMail(email);
      expect(mail.text).toMatch(/\/passwort-neu\/[A-Za-z0-9_-]{20,}/);

      // A Kleve administrator gets a membership in the new municipality, not a second account.
      const kleveAdmin = await createTestUser(web.ctx, {
        role: "admin",
        municipalitySlug: "kleve",
      });
      const added = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/einladung`,
        { email: kleveAdmin.email.toUpperCase(), name: "egal" },
        { csrfFrom: `/betrieb/kommunen/${slug}` },
      );
      expect(added.statusCode).toBe(200);
      expect(textOf(added.body)).toContain(
        `Zu ${kleveAdmin.email} gab es schon ein Konto: Es hat jetzt die Rolle Administration in Stadt Goch.`,
      );
      const notice = await web.sink!.waitForMail(kleveAdmin.email);
      expect(notice.text).toContain("Zugang zu Stadt Goch");
      expect(notice.text).toContain(`/${slug}/verwaltung/`);
      const adminCookie = await signIn(web.app, kleveAdmin);
      expect(
        (
          await web.app.inject({
            url: `/${slug}/verwaltung/benutzer`,
            headers: { cookie: adminCookie },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await web.app.inject({
            url: "/kleve/verwaltung/benutzer",
            headers: { cookie: adminCookie },
          })
        ).statusCode,
      ).toBe(200);

      // Someone who belongs to the municipality already is refused at the field.
      const again = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/einladung`,
        { email, name: "Erika Erste" },
        { csrfFrom: `/betrieb/kommunen/${slug}` },
      );
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('href="#einladung-email"');
      expect(textOf(again.body)).toContain("gehört schon zu Stadt Goch");
    });

    it("invites an editor and a committee reader as well, each with exactly that role", async () => {
      const slug = uniqueSlug("kalkar");
      expect(
        (
          await create({
            name: "Stadt Kalkar",
            slug,
            state: "05",
            regionalKey: "051540020020",
          })
        ).statusCode,
      ).toBe(303);
      const page = await web.app.inject({
        url: `/betrieb/kommunen/${slug}`,
        headers: { cookie },
      });
      expect(page.body).toContain('name="role" value="editor"');
      expect(page.body).toContain('name="role" value="committee"');
      for (const role of ["editor", "committee"] as const) {
        const email = `${role}-${slug}@kalkar.example`;
        const invited = await postForm(
          web.app,
          cookie,
          `/betrieb/kommunen/${slug}/einladung`,
          { email, name: `Eingeladen als ${role}`, role },
          { csrfFrom: `/betrieb/kommunen/${slug}` },
        );
        expect(invited.statusCode).toBe(303);
        const membership = await web.ctx.db
          .selectFrom("membership")
          .innerJoin("user_account", "user_account.id", "membership.user_id")
          .innerJoin(
            "municipality",
            "municipality.id",
            "membership.municipality_id",
          )
          .select("membership.role")
          .where("user_account.email", "=", email)
          .where("municipality.slug", "=", slug)
          .executeTakeFirstOrThrow();
        expect(membership.role).toBe(role);
      }

      // A Kleve administrator invited as committee reader is told which role was added.
      const kleveAdmin = await createTestUser(web.ctx, {
        role: "admin",
        municipalitySlug: "kleve",
      });
      const added = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/einladung`,
        { email: kleveAdmin.email, name: "egal", role: "committee" },
        { csrfFrom: `/betrieb/kommunen/${slug}` },
      );
      expect(added.statusCode).toBe(200);
      expect(textOf(added.body)).toContain(
        `Zu ${kleveAdmin.email} gab es schon ein Konto: Es hat jetzt die Rolle Ausschuss in Stadt Kalkar.`,
      );

      // An unknown role is explained at the field and nobody is invited.
      const email = `wer-${slug}@kalkar.example`;
      const refused = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/einladung`,
        { email, name: "Niemand", role: "chef" },
        { csrfFrom: `/betrieb/kommunen/${slug}` },
      );
      expect(refused.statusCode).toBe(400);
      expect(
        await web.ctx.db
          .selectFrom("user_account")
          .select("id")
          .where("email", "=", email)
          .executeTakeFirst(),
      ).toBeUndefined();
    });

    it("deactivates and reactivates after a confirmation step, keeping everything", async () => {
      const slug = uniqueSlug("goch");
      await create({
        name: "Stadt Goch",
        slug,
        state: "05",
        regionalKey: "051540020020",
      });
      const confirm = await web.app.inject({
        url: `/betrieb/kommunen/${slug}/deaktivieren`,
        headers: { cookie },
      });
      expect(confirm.statusCode).toBe(200);
      expect(textOf(confirm.body)).toContain("Stadt Goch deaktivieren?");
      expect(confirm.body).toMatch(/<form[^>]*novalidate/);
      // Opening the confirmation changes nothing.
      expect((await web.app.inject(`/${slug}/`)).statusCode).toBe(200);
      const deactivated = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/deaktivieren`,
        { grund: "Vertrag beendet" },
        { csrfFrom: `/betrieb/kommunen/${slug}/deaktivieren` },
      );
      expect(deactivated.statusCode).toBe(303);
      expect(deactivated.headers.location).toBe(
        `/betrieb/kommunen/${slug}?deaktiviert=1`,
      );
      expect((await web.app.inject(`/${slug}/`)).statusCode).toBe(410);
      const page = await web.app.inject({
        url: `/betrieb/kommunen/${slug}?deaktiviert=1`,
        headers: { cookie },
      });
      expect(textOf(page.body)).toContain("Die Kommune ist deaktiviert.");
      expect(page.body).toContain(
        `href="/betrieb/kommunen/${slug}/reaktivieren"`,
      );
      // Twice is explained, not repeated.
      const twice = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/deaktivieren`,
        {},
        { csrfFrom: `/betrieb/kommunen/${slug}/deaktivieren` },
      );
      expect(twice.statusCode).toBe(400);
      expect(textOf(twice.body)).toContain(
        "Stadt Goch ist bereits deaktiviert.",
      );
      const reason = await web.ctx.db
        .selectFrom("audit_event")
        .innerJoin(
          "municipality",
          "municipality.id",
          "audit_event.municipality_id",
        )
        .select(["audit_event.reason", "audit_event.actor_user_id"])
        .where("municipality.slug", "=", slug)
        .where("audit_event.action", "=", "municipality.deactivate")
        .executeTakeFirstOrThrow();
      expect(reason.reason).toBe("Vertrag beendet");
      expect(reason.actor_user_id).not.toBeNull();

      const reactivated = await postForm(
        web.app,
        cookie,
        `/betrieb/kommunen/${slug}/reaktivieren`,
        {},
        { csrfFrom: `/betrieb/kommunen/${slug}/reaktivieren` },
      );
      expect(reactivated.statusCode).toBe(303);
      expect((await web.app.inject(`/${slug}/`)).statusCode).toBe(200);
    });

    it("refuses the forms to people who are no operators", async () => {
      const admin = await createTestUser(web.ctx, {
        role: "admin",
        municipalitySlug: "kleve",
      });
      const adminCookie = await signIn(web.app, admin);
      const refused = await postForm(
        web.app,
        adminCookie,
        "/betrieb/kommune-anlegen",
        {
          name: "Stadt Goch",
          slug: uniqueSlug("goch"),
          state: "05",
          regionalKey: "051540020020",
        },
        { csrfFrom: "/konto" },
      );
      expect(refused.statusCode).toBe(403);
      const deactivate = await postForm(
        web.app,
        adminCookie,
        "/betrieb/kommunen/kleve/deaktivieren",
        {},
        { csrfFrom: "/konto" },
      );
      expect(deactivate.statusCode).toBe(403);
      expect((await web.app.inject("/kleve/")).statusCode).toBe(200);
    });
  },
);
