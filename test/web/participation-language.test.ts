/**
 * The participation forms over HTTP in English: the form posts to its English URL, the
 * receipt page after sending stays English, and the confirmation mail (local SMTP sink)
 * is English with links to the English pages; the German form does as before.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import { changeParticipationSettings } from "../../src/app/participation/participation.js";
import { buildApp } from "../../src/web/build-app.js";
import { csrfTokenIn, mergeCookies } from "../support/accounts.js";
import {
  openTestContext,
  TEST_NOW,
  WEB_DIALECTS,
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

describe.each(WEB_DIALECTS)("participation in English on %s", (dialect) => {
  let test: TestContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: true });
    app = await buildApp(test.ctx, {
      now: () => TEST_NOW,
      mail: {
        mailer: createSmtpMailer({ url: sink.url, from: "portal@example.org" }),
        publicBaseUrl: "https://portal.example",
      },
    });
    const { municipality } = await getCatalogue(test.ctx, "kleve");
    await changeParticipationSettings(
      test.ctx,
      buildPrincipal(municipality.id, { role: "admin", orgUnitCodes: [] }),
      {
        municipality: "kleve",
        mode: "public",
        overdueDays: 30,
        retentionDays: 90,
      },
    );
  });
  afterAll(async () => {
    await app?.close();
    await test?.close();
  });

  async function send(
    path: string,
    lang: "en" | null,
    fields: Record<string, string>,
  ) {
    const query = lang === null ? "" : `?lang=${lang}`;
    const page = await app.inject(`${path}${query}`);
    expect(page.statusCode).toBe(200);
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
    expect(action).toBe(`${path}${query}`);
    return app.inject({
      method: "POST",
      url: action!,
      headers: {
        cookie: mergeCookies("", page),
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({
        _csrf: csrfTokenIn(page.body) ?? "",
        webseite: "",
        ...fields,
      }).toString(),
    });
  }

  it("keeps the English of the idea form and the barrier form through the receipt and the confirmation mail", async () => {
    const reader = `reader-${dialect}@example.org`;
    const sent = await send("/kleve/ideen/einreichen", "en", {
      art: "idea",
      titel: `Evening appointments (${dialect})`,
      text: "Appointments should be bookable online in the evening.",
      projekt: "",
      email: reader,
    });
    expect(sent.statusCode).toBe(303);
    const receipt = String(sent.headers.location);
    expect(receipt).toMatch(/^\/kleve\/ideen\/zurueckziehen\/[^?]+\?.*lang=en/);
    const shown = await app.inject(receipt);
    expect(shown.body).toContain('lang="en"');
    const mail = await sink.waitForMail(reader);
    expect(mail.text).toContain("please confirm your address within 48 hours");
    const link = /\/kleve\/ideen\/bestaetigen\/[A-Za-z0-9_-]+\?lang=en/.exec(
      mail.text,
    )?.[0];
    expect(link).toBeDefined();
    // The confirmation page says so in English, and its address (with the token) reaches no other site.
    const confirmed = await app.inject(link!);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain("Address confirmed");
    expect(confirmed.headers["referrer-policy"]).toBe("no-referrer");
    expect(confirmed.headers["cache-control"]).toContain("no-store");

    const barrier = `barrier-${dialect}@example.org`;
    const reported = await send("/kleve/barriere-melden", "en", {
      titel: `Low contrast (${dialect})`,
      text: "The menu text is too light on white.",
      email: barrier,
    });
    expect(reported.statusCode).toBe(303);
    expect(String(reported.headers.location)).toContain("lang=en");
    expect((await sink.waitForMail(barrier)).text).toContain("Hello,");

    const leserin = `leserin-${dialect}@example.org`;
    const german = await send("/kleve/ideen/einreichen", null, {
      art: "idea",
      titel: `Abendtermine (${dialect})`,
      text: "Termine sollten abends online buchbar sein.",
      projekt: "",
      email: leserin,
    });
    expect(german.statusCode).toBe(303);
    expect(String(german.headers.location)).not.toContain("lang=en");
    const deutsch = await sink.waitForMail(leserin);
    expect(deutsch.text).toContain("Guten Tag,");
    expect(deutsch.text).not.toContain("lang=en");
  });
});
