/**
 * Following by e-mail over HTTP, on both dialects, with mail through the local SMTP sink:
 * the links of the mails change nothing on GET (a page with a button) and act on POST
 * without a CSRF token; a digest carries List-Unsubscribe and List-Unsubscribe-Post
 * (RFC 8058) and the one-click POST deletes the address; requests are limited per address
 * and per IP address with a German message and nothing stored; the open data page and the
 * footer link to following; the mails speak the form's language.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { addObservation } from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import { sendDigests } from "../../src/app/open-data/subscriptions.js";
import { countSubscriptions } from "../../src/db/subscription.repository.js";
import { buildApp } from "../../src/web/build-app.js";
import { csrfTokenIn, mergeCookies } from "../support/accounts.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.js";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
});

/** A header of a raw message, its folded lines joined. */
function header(raw: string, name: string): string | null {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ");
  const line = (unfolded ?? "")
    .split(/\r?\n/)
    .find((each) => each.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? null : line.slice(name.length + 1).trim();
}

function tokenIn(text: string, kind: "bestaetigen" | "abmelden"): string {
  const match = new RegExp(
    `/kleve/benachrichtigungen/${kind}/([A-Za-z0-9_-]+)`,
  ).exec(text);
  if (match?.[1] === undefined) throw new Error(`no ${kind} link in ${text}`);
  return match[1];
}

describe.each(DIALECTS)("following by e-mail over HTTP on %s", (dialect) => {
  let test: TestContext;
  let app: FastifyInstance;
  let municipalityId: number;
  const delivery = () => ({
    mailer: createSmtpMailer({ url: sink.url, from: "portal@example.org" }),
    publicBaseUrl: "https://portal.example",
  });
  const address = (name: string) => `${name}-${dialect}@example.org`;

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: "with-reports" });
    app = await buildApp(test.ctx, { now: () => TEST_NOW, mail: delivery() });
    municipalityId = (await getCatalogue(test.ctx, "kleve")).municipality.id;
  });
  afterAll(async () => {
    await app?.close();
    await test?.close();
  });

  /** Sends the form as a visitor from the IP address; answers the response. */
  async function subscribe(
    email: string,
    options: { ip?: string; lang?: "en" } = {},
  ) {
    const query = options.lang === undefined ? "" : `?lang=${options.lang}`;
    const page = await app.inject({
      url: `/kleve/benachrichtigungen${query}`,
      ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
    });
    const cookie = mergeCookies("", page);
    return app.inject({
      method: "POST",
      url: `/kleve/benachrichtigungen${query}`,
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
      },
      ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
      payload: new URLSearchParams({
        _csrf: csrfTokenIn(page.body) ?? "",
        email,
        webseite: "",
      }).toString(),
    });
  }

  const confirmedAt = async (email: string) =>
    (
      await test.ctx.db
        .selectFrom("feed_subscription")
        .select("confirmed_at")
        .where("email", "=", email)
        .executeTakeFirst()
    )?.confirmed_at;

  it("confirms only on POST, sends one digest with List-Unsubscribe, and unsubscribes with one click", async () => {
    const follower = address("folgt");
    expect((await subscribe(follower)).statusCode).toBe(303);
    const confirmation = await sink.waitForMail(follower);
    const confirmToken = tokenIn(confirmation.text, "bestaetigen");
    const confirmPath = `/kleve/benachrichtigungen/bestaetigen/${confirmToken}`;

    // A mail scanner opening the link changes nothing: a page with a button that POSTs.
    const opened = await app.inject(confirmPath);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(
      `<form method="post" action="${confirmPath}">`,
    );
    expect(opened.body).toContain("Ja, Benachrichtigungen erhalten");
    expect(await confirmedAt(follower)).toBeNull();

    // The button: a POST without cookie or CSRF token (the token in the URL is the credential).
    const confirmed = await app.inject({ method: "POST", url: confirmPath });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain("Adresse bestätigt");
    expect(await confirmedAt(follower)).not.toBeNull();

    // Something is published: exactly one digest, with the one-click unsubscribe headers.
    const principal = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const office = (
      await getIndicatorsForStaff(test.ctx, principal, "kleve")
    ).indicators.find((each) => each.indicator.key === "mobile-office");
    if (office === undefined) throw new Error("demo figure missing");
    await addObservation(test.ctx, principal, {
      municipality: "kleve",
      indicator: "mobile-office",
      expectedVersion: office.version,
      data: { day: "2022-11-27", value: 146, denominator: 572, note: null },
    });
    const before = sink.messages.length;
    await sendDigests(test.ctx, delivery(), TEST_NOW);
    await sendDigests(test.ctx, delivery(), TEST_NOW);
    const digests = sink.messages
      .slice(before)
      .filter((mail) => mail.to.includes(follower));
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    const unsubscribeToken = tokenIn(digest.text, "abmelden");
    const unsubscribePath = `/kleve/benachrichtigungen/abmelden/${unsubscribeToken}`;
    expect(header(digest.raw, "List-Unsubscribe")).toBe(
      `<https://portal.example${unsubscribePath}>`,
    );
    expect(header(digest.raw, "List-Unsubscribe-Post")).toBe(
      "List-Unsubscribe=One-Click",
    );

    // Opening the unsubscribe link keeps the address; the one-click POST deletes it.
    const count = await countSubscriptions(test.ctx.db, municipalityId);
    const page = await app.inject(unsubscribePath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Abbestellen und Adresse löschen");
    expect(await countSubscriptions(test.ctx.db, municipalityId)).toBe(count);
    const oneClick = await app.inject({
      method: "POST",
      url: unsubscribePath,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain("Ihre E-Mail-Adresse ist gelöscht");
    expect(await countSubscriptions(test.ctx.db, municipalityId)).toBe(
      count - 1,
    );
    const again = await app.inject({ method: "POST", url: unsubscribePath });
    expect(again.statusCode).toBe(404);
  });

  it("sends one confirmation per address in ten minutes: a second request is refused in German and stores nothing", async () => {
    const email = address("zweimal");
    expect((await subscribe(email, { ip: "198.51.100.1" })).statusCode).toBe(
      303,
    );
    await sink.waitForMail(email);
    const rows = await test.ctx.db
      .selectFrom("feed_subscription")
      .selectAll()
      .where("email", "=", email)
      .execute();
    const refused = await subscribe(email, { ip: "198.51.100.2" });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("600");
    expect(refused.body).toContain("Zu viele Anfragen in kurzer Zeit");
    expect(refused.body).toContain('aria-invalid="true"');
    expect(
      await test.ctx.db
        .selectFrom("feed_subscription")
        .selectAll()
        .where("email", "=", email)
        .execute(),
    ).toEqual(rows);
    expect(
      sink.messages.filter((mail) => mail.to.includes(email)),
    ).toHaveLength(1);
  });

  it("takes at most ten requests from one IP address in ten minutes", async () => {
    const ip = "203.0.113.7";
    for (let n = 1; n <= 10; n += 1)
      expect((await subscribe(address(`ip${n}`), { ip })).statusCode).toBe(303);
    const count = await countSubscriptions(test.ctx.db, municipalityId);
    const refused = await subscribe(address("ip11"), { ip });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain("es wurde nichts gespeichert");
    expect(await countSubscriptions(test.ctx.db, municipalityId)).toBe(count);
    // Another address is not affected.
    expect(
      (await subscribe(address("ip12"), { ip: "203.0.113.8" })).statusCode,
    ).toBe(303);
  });

  it("writes the mails and pages in the language of the form", async () => {
    const email = address("english");
    expect((await subscribe(email, { lang: "en" })).statusCode).toBe(303);
    const mail = await sink.waitForMail(email);
    expect(mail.text).toContain("Please confirm within 48 hours");
    expect(mail.text).toContain("?lang=en");
    const path = `/kleve/benachrichtigungen/bestaetigen/${tokenIn(mail.text, "bestaetigen")}?lang=en`;
    expect((await app.inject(path)).body).toContain(
      "Yes, send me notifications",
    );
    const confirmed = await app.inject({ method: "POST", url: path });
    expect(confirmed.body).toContain("Address confirmed");
  });

  it("links following by feed and e-mail from the open data page and the footer", async () => {
    const openData = await app.inject("/kleve/offene-daten");
    expect(openData.body).toContain('id="folgen"');
    expect(openData.body).toContain('href="/kleve/feed.atom"');
    expect(openData.body).toContain('href="/kleve/benachrichtigungen"');
    const portal = await app.inject("/kleve/zeitstrahl");
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('href="/kleve/offene-daten#folgen"');
  });
});
