/**
 * Following a municipality by e-mail, on both dialects: double opt-in through the SMTP
 * sink, one digest per day of what was published since, nothing for unconfirmed addresses,
 * unsubscribing deletes the address, an invalid address stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { loadDemo } from "../../src/app/edition/demo-editions.js";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import { addObservation } from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import {
  confirmFollowing,
  digestJob,
  requestSubscription,
  unsubscribe,
} from "../../src/app/open-data/subscriptions.js";
import { createScheduler } from "../../src/app/scheduler/scheduler.js";
import { countSubscriptions } from "../../src/db/subscription.repository.js";
import { AppError } from "../../src/errors.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import {
  sharedDatabases,
  type SharedDatabase,
} from "../support/shared-database.js";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.js";

const databases = sharedDatabases();
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await databases.closeAll();
  await sink?.close();
});

describe.each(DIALECTS)("following by e-mail on %s", (dialect) => {
  let now = new Date("2022-11-27T09:00:00Z");
  const clock = (): Date => now;
  let database: SharedDatabase;
  let delivery: {
    mailer: ReturnType<typeof createSmtpMailer>;
    publicBaseUrl: string;
  };
  let municipalityId: number;
  const follower = `folgt-${dialect}@example.org`;
  const unconfirmed = `unbestaetigt-${dialect}@example.org`;
  const mailsFor = (address: string) =>
    sink.messages.filter((mail) => mail.to.includes(address));
  const linkIn = (text: string, kind: "bestaetigen" | "abmelden"): string => {
    const match = new RegExp(
      `/kleve/benachrichtigungen/${kind}/([A-Za-z0-9_-]+)`,
    ).exec(text);
    if (match?.[1] === undefined) throw new Error(`no ${kind} link in ${text}`);
    return match[1];
  };
  const runDigests = () =>
    createScheduler(database.ctx, [digestJob(delivery)], {
      owner: `digest-${dialect}`,
    }).runDueJobs();

  beforeAll(async () => {
    database = await databases.create(dialect, clock);
    await loadDemo(database.ctx);
    await loadDemoReport(database.ctx);
    municipalityId = (await getCatalogue(database.ctx, "kleve")).municipality
      .id;
    delivery = {
      mailer: createSmtpMailer({ url: sink.url, from: "portal@example.org" }),
      publicBaseUrl: "https://portal.example",
    };
  });

  it("refuses an invalid address with a German message and stores nothing", async () => {
    const before = await countSubscriptions(database.ctx.db, municipalityId);
    const error = await requestSubscription(database.ctx, delivery, {
      municipality: "kleve",
      email: "keine-adresse",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("ERR_VALIDATION");
    expect((error as AppError).problems).toEqual([
      {
        path: "/email",
        message:
          "Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.",
      },
    ]);
    expect(await countSubscriptions(database.ctx.db, municipalityId)).toBe(
      before,
    );
  });

  it("confirms, sends one digest per day of what was published since, and deletes the address on unsubscribing", async () => {
    await requestSubscription(database.ctx, delivery, {
      municipality: "kleve",
      email: follower,
    });
    await requestSubscription(database.ctx, delivery, {
      municipality: "kleve",
      email: unconfirmed,
    });
    const confirmation = await sink.waitForMail(follower);
    expect(confirmation.text).toContain("48 Stunden");
    await confirmFollowing(database.ctx, {
      municipality: "kleve",
      token: linkIn(confirmation.text, "bestaetigen"),
    });
    // The link works once.
    await expect(
      confirmFollowing(database.ctx, {
        municipality: "kleve",
        token: linkIn(confirmation.text, "bestaetigen"),
      }),
    ).rejects.toThrow(AppError);

    // Nothing new yet: no digest.
    now = new Date("2022-11-27T10:00:00Z");
    await runDigests();
    expect(mailsFor(follower)).toHaveLength(1);

    const principal = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const office = (
      await getIndicatorsForStaff(database.ctx, principal, "kleve")
    ).indicators.find((each) => each.indicator.key === "mobile-office");
    if (office === undefined) throw new Error("demo figure missing");
    await addObservation(database.ctx, principal, {
      municipality: "kleve",
      indicator: "mobile-office",
      expectedVersion: office.version,
      data: { day: "2022-11-27", value: 146, denominator: 572, note: null },
    });

    now = new Date("2022-11-27T11:00:00Z");
    await runDigests();
    const digests = mailsFor(follower).slice(1);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.text).toContain("Stand 27.11.2022");
    expect(mailsFor(unconfirmed)).toHaveLength(1); // only the confirmation

    // The same day again: nothing, even with something new.
    const again = (
      await getIndicatorsForStaff(database.ctx, principal, "kleve")
    ).indicators.find((each) => each.indicator.key === "mobile-office");
    await addObservation(database.ctx, principal, {
      municipality: "kleve",
      indicator: "mobile-office",
      expectedVersion: again?.version ?? 0,
      data: { day: "2022-11-26", value: 140, denominator: 572, note: null },
    });
    now = new Date("2022-11-27T15:00:00Z");
    await runDigests();
    expect(mailsFor(follower)).toHaveLength(2);
    // The next day it comes, alone.
    now = new Date("2022-11-28T07:00:00Z");
    await runDigests();
    expect(mailsFor(follower)).toHaveLength(3);
    expect(mailsFor(follower)[2]?.text).toContain("Stand 26.11.2022");
    expect(mailsFor(follower)[2]?.text).not.toContain("Stand 27.11.2022");

    const before = await countSubscriptions(database.ctx.db, municipalityId);
    await unsubscribe(database.ctx, {
      municipality: "kleve",
      token: linkIn(digests[0]?.text ?? "", "abmelden"),
    });
    expect(await countSubscriptions(database.ctx.db, municipalityId)).toBe(
      before - 1,
    );
    const rows = await database.ctx.db
      .selectFrom("feed_subscription")
      .select("email")
      .execute();
    expect(rows.map((row) => row.email)).not.toContain(follower);

    // The next day: the unsubscribed address gets nothing.
    now = new Date("2022-11-29T07:00:00Z");
    await runDigests();
    expect(mailsFor(follower)).toHaveLength(3);
  });
});
