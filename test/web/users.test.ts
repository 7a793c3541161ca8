import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestUser,
  csrfTokenIn,
  postForm,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  openIdentityApp,
  TEST_BASE_URL,
  type IdentityTestApp,
} from "./support/identity-app.js";
import { textOf } from "./support/web-app.js";

const USERS = "/kleve/verwaltung/benutzer";

describe.each(WEB_DIALECTS)("user management on %s", (dialect) => {
  let web: IdentityTestApp;
  let admin: TestUser;
  let adminCookie: string;

  beforeAll(async () => {
    web = await openIdentityApp(dialect, { mail: true });
    admin = await createTestUser(web.ctx, { role: "admin", name: "Ada Admin" });
    adminCookie = await signIn(web.app, admin);
  });

  afterAll(async () => {
    await web.close();
  });

  it("sends anonymous visitors to sign in (303) and refuses editors and committee members (403)", async () => {
    const anonymous = await web.app.inject(USERS);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(
      `/anmelden?next=${encodeURIComponent(USERS)}`,
    );
    for (const role of ["editor", "committee"] as const) {
      const cookie = await signIn(
        web.app,
        await createTestUser(web.ctx, { role, orgUnitCodes: ["10.1"] }),
      );
      const response = await web.app.inject({
        url: USERS,
        headers: { cookie },
      });
      expect(response.statusCode, role).toBe(403);
      expect(response.body).toContain("Kein Zugriff");
      const post = await postForm(web.app, cookie, USERS, {
        email: "x@kleve.example",
        name: "X",
        role: "admin",
      });
      expect(post.statusCode, role).toBe(403);
    }
    const denied = await web.ctx.db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "access.denied")
      .execute();
    expect(denied.map((row) => row.entity_id)).toContain(
      `GET ${"/:slug/verwaltung/benutzer"}`,
    );
  });

  it("lists the accounts of the municipality", async () => {
    const response = await web.app.inject({
      url: USERS,
      headers: { cookie: adminCookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(textOf(response.body)).toContain("Ada Admin");
    expect(response.body).toContain("Benutzerverwaltung");
    expect(response.body).toContain('action="/abmelden"');
  });

  it("creates an editor for 10.1 and mails the invitation, which sets the password", async () => {
    const created = await postForm(web.app, adminCookie, USERS, {
      email: "Neue.Redaktion@Kleve.example",
      name: "Neue Redaktion",
      role: "editor",
      orgUnitCodes: ["10.1"],
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toMatch(
      /^\/kleve\/verwaltung\/benutzer\/\d+\?angelegt=mail$/,
    );
    const page = await web.app.inject({
      url: created.headers.location!,
      headers: { cookie: adminCookie },
    });
    expect(textOf(page.body)).toContain(
      "Eine Einladung wurde an neue.redaktion@kleve.example geschickt.",
    );
    expect(page.body).toMatch(/id="rolle-editor"[^>]*checked/);
    const mail = await web.sink!.waitForMail("neue.redaktion@kleve.example");
    const link = new RegExp(
      `${TEST_BASE_URL}(/passwort-neu/[A-Za-z0-9_-]+)`,
    ).exec(mail.text)?.[1];
    expect(link).toBeDefined();
    const form = await web.app.inject(link!);
    expect(form.statusCode).toBe(200);
    const audit = await web.ctx.db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "user.create")
      .where("entity_label", "=", "neue.redaktion@kleve.example")
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(admin.userId);
    expect(JSON.parse(audit.after_json!)).toEqual({
      email: "neue.redaktion@kleve.example",
      name: "Neue Redaktion",
      role: "editor",
      orgUnitCodes: ["10.1"],
      isActive: true,
    });
  });

  it("keeps the input and names each problem at the top and at its field", async () => {
    const response = await postForm(web.app, adminCookie, USERS, {
      email: admin.email,
      name: "  ",
      role: "superuser",
      orgUnitCodes: ["99.9"],
    });
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    expect(text).toContain("Es gibt ein Problem");
    expect(response.body).toContain('href="#name"');
    expect(response.body).toContain('href="#rolle-admin"');
    expect(response.body).toContain('href="#einheiten"');
    expect(text).toContain("Bitte geben Sie den Namen ein.");
    expect(text).toContain("Die Organisationseinheit „99.9“ gibt es nicht.");
    expect(response.body).toContain(`value="${admin.email}"`);
    const duplicate = await postForm(web.app, adminCookie, USERS, {
      email: admin.email.toUpperCase(),
      name: "Doppelt",
      role: "committee",
    });
    expect(textOf(duplicate.body)).toContain(
      "Zu dieser E-Mail-Adresse gibt es bereits ein Konto.",
    );
  });

  it("changes role and org units, and refuses a form saved on a stale version (409)", async () => {
    const user = await createTestUser(web.ctx, {
      role: "committee",
      name: "Carla Committee",
    });
    const path = `${USERS}/${user.userId}`;
    const page = await web.app.inject({
      url: path,
      headers: { cookie: adminCookie },
    });
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
    expect(version).toBeDefined();
    const saved = await postForm(
      web.app,
      adminCookie,
      path,
      {
        version: version!,
        name: "Carla Redaktion",
        role: "editor",
        orgUnitCodes: ["10.1", "20"],
      },
      { csrfFrom: path },
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${path}?gespeichert=1`);
    const stale = await postForm(
      web.app,
      adminCookie,
      path,
      { version: version!, name: "Überschrieben?", role: "admin" },
      { csrfFrom: path },
    );
    expect(stale.statusCode).toBe(409);
    expect(textOf(stale.body)).toContain(
      "Jemand anderes hat dieses Konto inzwischen geändert.",
    );
    expect(stale.body).toContain('value="Carla Redaktion"');
    const row = await web.ctx.db
      .selectFrom("user_account")
      .innerJoin("membership", "membership.user_id", "user_account.id")
      .select(["user_account.name", "membership.role"])
      .where("user_account.id", "=", user.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Carla Redaktion", role: "editor" });
  });

  it("deactivates an account, ending its sessions at once, and reactivates it", async () => {
    const user = await createTestUser(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
    });
    const session = await signIn(web.app, user);
    expect(
      (await web.app.inject({ url: "/konto", headers: { cookie: session } }))
        .statusCode,
    ).toBe(200);
    const path = `${USERS}/${user.userId}`;
    const off = await postForm(
      web.app,
      adminCookie,
      `${path}/deaktivieren`,
      {},
      { csrfFrom: path },
    );
    expect(off.statusCode).toBe(303);
    expect(
      (await web.app.inject({ url: "/konto", headers: { cookie: session } }))
        .statusCode,
    ).toBe(303);
    const count = await web.ctx.db
      .selectFrom("session")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", user.userId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    await expect(signIn(web.app, user)).rejects.toThrow(/failed with 401/);
    const on = await postForm(
      web.app,
      adminCookie,
      `${path}/reaktivieren`,
      {},
      { csrfFrom: path },
    );
    expect(on.statusCode).toBe(303);
    expect(await signIn(web.app, user)).toMatch(/^fortschritt=/);
    const actions = (
      await web.ctx.db
        .selectFrom("audit_event")
        .select("action")
        .where("entity_id", "=", String(user.userId))
        .execute()
    ).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(["user.deactivate", "user.reactivate"]),
    );
  });

  it("does not let an administrator deactivate their own account", async () => {
    const path = `${USERS}/${admin.userId}`;
    const response = await postForm(
      web.app,
      adminCookie,
      `${path}/deaktivieren`,
      {},
      { csrfFrom: path },
    );
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain(
      "Sie können Ihr eigenes Konto nicht deaktivieren.",
    );
  });

  it("refuses an administrator of Kleve in another municipality's URL", async () => {
    const response = await web.app.inject({
      url: "/atlantis/verwaltung/benutzer",
      headers: { cookie: adminCookie },
    });
    expect(response.statusCode).toBe(404);
  });

  it("has one h1, labels for every input and no inline style on its forms", async () => {
    for (const url of [USERS, `${USERS}/neu`, `${USERS}/${admin.userId}`]) {
      const page = await web.app.inject({
        url,
        headers: { cookie: adminCookie },
      });
      expect(page.statusCode, url).toBe(200);
      expect(page.body.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(page.body).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
      expect(csrfTokenIn(page.body)).not.toBeNull();
      for (const id of [
        ...page.body.matchAll(
          /<input[^>]*type="(?:text|email|radio|checkbox|password)"[^>]*id="([^"]+)"/g,
        ),
      ].map((m) => m[1])) {
        expect(page.body, `${url} #${id}`).toContain(`for="${id}"`);
      }
    }
  });
});
