/**
 * Ideas, feedback and barrier reports on both dialects: the switch per municipality, the
 * double opt-in and the status mails through the SMTP sink, moderation with its rules and
 * audit events, withdrawing, the rate limits and the honeypot (nothing stored), the
 * one-month clock of barrier reports on a controllable clock, and the deletion of personal
 * data by the scheduled job. Each test submits what it reads.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import { readDataset } from "../../src/app/open-data/datasets.js";
import {
  changeParticipationSettings,
  confirmItemAddress,
  getItemForSubmitter,
  getPublicItem,
  getQueue,
  listItemsTakenUpIn,
  listPublicItems,
  moderateItem,
  participationPrivacyJob,
  submitItem,
  withdrawItem,
  type ModerationInput,
  type SubmissionInput,
} from "../../src/app/participation/participation.js";
import { createScheduler } from "../../src/app/scheduler/scheduler.js";
import { listAuditEvents } from "../../src/db/audit.repository.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import {
  ANONYMOUS,
  type UserPrincipal,
} from "../../src/domain/access/principal.js";
import type { AppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.js";
import { appErrorOf } from "../support/failure.js";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
});

const K = "kleve";
const DAY = 24 * 60 * 60_000;

/** Waits for the n-th mail (counting from 1) to an address. */
async function nthMail(address: string, n: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = sink.messages.filter((mail) => mail.to.includes(address));
    if (mails.length >= n) return mails[n - 1]!.text;
    if (Date.now() > deadline) throw new Error(`no mail ${n} to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(DIALECTS)("participation on %s", (dialect) => {
  let now = new Date("2026-03-02T09:00:00Z");
  const clock = (): Date => now;
  let t: TestContext;
  let admin: UserPrincipal;
  let editor: UserPrincipal;
  let municipalityId: number;
  let ipCounter = 0;
  const delivery = () => ({
    mailer: createSmtpMailer({ url: sink.url, from: "portal@example.org" }),
    publicBaseUrl: "https://portal.example",
  });
  /** A fresh connection per submission unless the test says otherwise. */
  const freshIp = () => `203.0.113.${(ipCounter += 1) % 250}`;
  const idea = (overrides: Partial<SubmissionInput> = {}): SubmissionInput => ({
    municipality: K,
    kind: "idea",
    title: "Online-Termine im Bürgerbüro",
    body: "Termine sollten auch abends online buchbar sein.",
    project: "",
    email: "",
    honeypot: "",
    ...overrides,
  });
  const decision = (
    id: number,
    version: number,
    overrides: Partial<ModerationInput> = {},
  ): ModerationInput => ({
    municipality: K,
    id,
    expectedVersion: version,
    publish: true,
    status: "",
    note: "",
    orgUnit: "",
    linkProject: "",
    linkMeasure: "",
    linkEdition: "",
    mergedInto: "",
    ...overrides,
  });
  const versionOf = async (id: number): Promise<number> => {
    const queue = await getQueue(t.ctx, admin, K);
    const entry = queue.items.find((each) => each.item.id === id);
    if (entry === undefined) throw new Error(`no item ${id}`);
    return entry.version;
  };
  const linkIn = (text: string, kind: string): string => {
    const match = new RegExp(`/kleve/ideen/${kind}/([A-Za-z0-9_-]+)`).exec(
      text,
    );
    if (match?.[1] === undefined) throw new Error(`no ${kind} link in ${text}`);
    return match[1];
  };

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true, clock });
    municipalityId = (await getCatalogue(t.ctx, K)).municipality.id;
    admin = buildPrincipal(municipalityId, { role: "admin", orgUnitCodes: [] });
    editor = buildPrincipal(municipalityId, { role: "editor" });
    await changeParticipationSettings(t.ctx, admin, {
      municipality: K,
      mode: "public",
      overdueDays: 14,
      retentionDays: 90,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("takes contributions only as the municipality's switch says", async () => {
    const other = await openTestContext(dialect, { demo: true, clock });
    try {
      const otherAdmin = buildPrincipal(
        (await getCatalogue(other.ctx, K)).municipality.id,
        { role: "admin", orgUnitCodes: [] },
      );
      // Off by default.
      expect(
        (await appErrorOf(submitItem(other.ctx, null, ANONYMOUS, idea()))).code,
      ).toBe("ERR_NOT_FOUND");
      await changeParticipationSettings(other.ctx, otherAdmin, {
        municipality: K,
        mode: "staff",
        overdueDays: 30,
        retentionDays: 180,
      });
      expect(
        (
          await appErrorOf(
            submitItem(other.ctx, null, ANONYMOUS, idea(), { ip: freshIp() }),
          )
        ).code,
      ).toBe("ERR_NOT_FOUND");
      const staffIdea = await submitItem(other.ctx, null, otherAdmin, idea());
      expect(staffIdea.id).toBeGreaterThan(0);
      // Only administrators change the switch; the refusal is audited.
      const refused = await appErrorOf(
        changeParticipationSettings(
          other.ctx,
          buildPrincipal(otherAdmin.municipalityId as number),
          {
            municipality: K,
            mode: "public",
            overdueDays: 30,
            retentionDays: 180,
          },
        ),
      );
      expect(refused.code).toBe("ERR_FORBIDDEN");
    } finally {
      await other.close();
    }
  });

  it("confirms the address, publishes, links to a measure, takes up and mails each status change without personal data anywhere public", async () => {
    const email = `buergerin-${dialect}@example.org`;
    const catalogue = await getCatalogue(t.ctx, K);
    const { project } = listProjects(catalogue).find(
      (entry) => entry.project.measures.length > 0,
    )!;
    const measure = project.measures[0]!;
    const receipt = await submitItem(
      t.ctx,
      delivery(),
      ANONYMOUS,
      idea({ project: project.slug, email }),
      { ip: freshIp() },
    );
    expect(receipt.confirmationSent).toBe(true);
    const confirmation = await sink.waitForMail(email);
    expect(confirmation.text).toContain("48 Stunden");
    await confirmItemAddress(t.ctx, {
      municipality: K,
      token: linkIn(confirmation.text, "bestaetigen"),
    });
    // Not public before moderation.
    expect((await appErrorOf(getPublicItem(t.ctx, K, receipt.id))).code).toBe(
      "ERR_ITEM_NOT_FOUND",
    );
    // Editors read the queue but do not moderate.
    expect((await getQueue(t.ctx, editor, K)).canModerate).toBe(false);
    expect(
      (
        await appErrorOf(
          moderateItem(t.ctx, null, editor, decision(receipt.id, 1)),
        )
      ).code,
    ).toBe("ERR_FORBIDDEN");
    // Taken up needs a link.
    const missing = await appErrorOf(
      moderateItem(
        t.ctx,
        null,
        admin,
        decision(receipt.id, await versionOf(receipt.id), {
          status: "adopted",
        }),
      ),
    );
    expect(missing.problems.map((p) => p.path)).toEqual(["/form/projekt"]);
    await moderateItem(
      t.ctx,
      delivery(),
      admin,
      decision(receipt.id, await versionOf(receipt.id), {
        status: "adopted",
        note: "Wird mit der nächsten Ausbaustufe umgesetzt.",
        linkProject: project.slug,
        linkMeasure: String(measure.id),
        linkEdition: "2",
        orgUnit: "10.1",
      }),
    );
    const mail = await nthMail(email, 2);
    expect(mail).toContain("übernommen");
    expect(mail).toContain(measure.title);
    expect(mail).toContain("/kleve/ideen/abmelden/");

    const { item } = await getPublicItem(t.ctx, K, receipt.id);
    expect(item.status).toBe("adopted");
    expect(item.link).toEqual({
      projectSlug: project.slug,
      measureId: measure.id,
      measureTitle: measure.title,
      editionNumber: 2,
    });
    expect(item.history.map((step) => step.status)).toEqual([
      "received",
      "adopted",
    ]);
    const forProject = await listPublicItems(t.ctx, K, {
      projectSlug: project.slug,
    });
    expect(forProject.items.map((each) => each.id)).toContain(receipt.id);
    expect(
      (await listItemsTakenUpIn(t.ctx, K, 2)).map((each) => each.id),
    ).toContain(receipt.id);
    // Nothing public knows the address.
    expect(JSON.stringify(forProject)).not.toContain(email);
    const dataset = await readDataset(t.ctx, K, "ideen", {
      today: 0,
      baseUrl: "https://portal.example",
    });
    expect(dataset.rows.some((row) => row[0] === receipt.id)).toBe(true);
    expect(JSON.stringify(dataset)).not.toContain(email);
    // The decision is audited with the reason.
    const events = await listAuditEvents(t.ctx.db, {
      municipalityId,
      action: "participation.moderate",
      entityType: "participation_item",
      entityId: String(receipt.id),
      limit: 10,
    });
    expect(events.at(-1)?.reason).toBe(
      "Wird mit der nächsten Ausbaustufe umgesetzt.",
    );
  });

  it("writes the confirmation and every status mail in the language the contribution was sent in", async () => {
    const english = `reader-en-${dialect}@example.org`;
    const german = `leserin-de-${dialect}@example.org`;
    const sent = await submitItem(
      t.ctx,
      delivery(),
      ANONYMOUS,
      idea({
        title: `Evening appointments (${dialect})`,
        email: english,
        language: "en",
      }),
      { ip: freshIp() },
    );
    const confirmation = await sink.waitForMail(english);
    expect(confirmation.text).toContain(
      "please confirm your address within 48 hours",
    );
    expect(confirmation.text).not.toContain("Guten Tag");
    // Its links open the English pages.
    expect(confirmation.text).toMatch(
      /\/kleve\/ideen\/bestaetigen\/[A-Za-z0-9_-]+\?lang=en/,
    );
    await confirmItemAddress(t.ctx, {
      municipality: K,
      token: linkIn(confirmation.text, "bestaetigen"),
    });
    await moderateItem(
      t.ctx,
      delivery(),
      admin,
      decision(sent.id, await versionOf(sent.id), {
        status: "rejected",
        note: "Das Landesportal bietet das schon an.",
      }),
    );
    const status = await nthMail(english, 2);
    expect(status).toContain("is now: rejected");
    // The reason is the municipality's words, as written.
    expect(status).toContain("Reason: Das Landesportal bietet das schon an.");
    expect(status).toMatch(/\/kleve\/ideen\/abmelden\/[A-Za-z0-9_-]+\?lang=en/);
    expect(status).not.toContain("Guten Tag");

    // Without a language (or "de"), German as before.
    const other = await submitItem(
      t.ctx,
      delivery(),
      ANONYMOUS,
      idea({ title: `Abendtermine (${dialect})`, email: german }),
      { ip: freshIp() },
    );
    const bestaetigung = await sink.waitForMail(german);
    expect(bestaetigung.text).toContain(
      "bestätigen Sie bitte innerhalb von 48 Stunden",
    );
    expect(bestaetigung.text).not.toContain("lang=en");
    await confirmItemAddress(t.ctx, {
      municipality: K,
      token: linkIn(bestaetigung.text, "bestaetigen"),
    });
    await moderateItem(
      t.ctx,
      delivery(),
      admin,
      decision(other.id, await versionOf(other.id), { status: "reviewing" }),
    );
    expect(await nthMail(german, 2)).toContain("ist jetzt: in Prüfung");
  });

  it("refuses a rejection without a reason and shows the reason of one", async () => {
    const { id } = await submitItem(t.ctx, null, ANONYMOUS, idea(), {
      ip: freshIp(),
    });
    const refused = await appErrorOf(
      moderateItem(
        t.ctx,
        null,
        admin,
        decision(id, await versionOf(id), { status: "rejected" }),
      ),
    );
    expect(refused.code).toBe("ERR_VALIDATION");
    expect(refused.problems[0]?.path).toBe("/form/begruendung");
    await moderateItem(
      t.ctx,
      null,
      admin,
      decision(id, await versionOf(id), {
        status: "rejected",
        note: "Das Bürgerbüro bietet das schon an.",
      }),
    );
    const { item } = await getPublicItem(t.ctx, K, id);
    expect(item.status).toBe("rejected");
    expect(item.decisionNote).toBe("Das Bürgerbüro bietet das schon an.");
  });

  it("merges a duplicate into the item it joined", async () => {
    const first = await submitItem(t.ctx, null, ANONYMOUS, idea(), {
      ip: freshIp(),
    });
    const second = await submitItem(t.ctx, null, ANONYMOUS, idea(), {
      ip: freshIp(),
    });
    await moderateItem(t.ctx, null, admin, decision(first.id, 1));
    expect(
      (
        await appErrorOf(
          moderateItem(
            t.ctx,
            null,
            admin,
            decision(second.id, 1, { status: "merged" }),
          ),
        )
      ).problems[0]?.path,
    ).toBe("/form/zusammengefuehrt");
    await moderateItem(
      t.ctx,
      null,
      admin,
      decision(second.id, 1, {
        status: "merged",
        mergedInto: String(first.id),
      }),
    );
    const { item, mergedInto } = await getPublicItem(t.ctx, K, second.id);
    expect(item.status).toBe("merged");
    expect(mergedInto?.id).toBe(first.id);
  });

  it("withdraws an item: the status stays, its text and the address go", async () => {
    const email = `zurueck-${dialect}@example.org`;
    const receipt = await submitItem(
      t.ctx,
      delivery(),
      ANONYMOUS,
      idea({ email }),
      { ip: freshIp() },
    );
    await moderateItem(t.ctx, null, admin, decision(receipt.id, 1));
    await withdrawItem(t.ctx, {
      municipality: K,
      token: receipt.withdrawToken,
    });
    const { item } = await getPublicItem(t.ctx, K, receipt.id);
    expect(item.status).toBe("withdrawn");
    expect(item.title).toBeNull();
    expect(item.body).toBeNull();
    const row = await t.ctx.db
      .selectFrom("participation_item")
      .select(["email", "unsubscribe_token"])
      .where("id", "=", receipt.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ email: null, unsubscribe_token: null });
    const mine = await getItemForSubmitter(t.ctx, {
      municipality: K,
      token: receipt.withdrawToken,
    });
    expect(mine.item.history.at(-1)?.status).toBe("withdrawn");
  });

  it("refuses a filled honeypot and more than five posts in ten minutes from one connection or address, storing nothing beyond", async () => {
    // Only this test's rows: by their titles and address, never all items.
    const count = async (where: {
      titles?: readonly string[];
      email?: string;
    }) =>
      Number(
        (
          await t.ctx.db
            .selectFrom("participation_item")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .$if(where.titles !== undefined, (query) =>
              query.where("title", "in", [...(where.titles ?? [])]),
            )
            .$if(where.email !== undefined, (query) =>
              query.where("email", "=", where.email ?? ""),
            )
            .executeTakeFirstOrThrow()
        ).n,
      );
    const advert = `Werbung ${dialect}`;
    const bot = await appErrorOf(
      submitItem(
        t.ctx,
        null,
        ANONYMOUS,
        idea({ title: advert, honeypot: "https://spam" }),
        { ip: freshIp() },
      ),
    );
    expect(bot.code).toBe("ERR_VALIDATION");
    expect(bot.detail).toContain("nicht gespeichert");
    expect(await count({ titles: [advert] })).toBe(0);

    const ip = "198.51.100.99";
    const titles = Array.from({ length: 20 }, (_, n) => `Spam ${dialect} ${n}`);
    const outcomes: string[] = [];
    for (const title of titles) {
      try {
        await submitItem(t.ctx, null, ANONYMOUS, idea({ title }), { ip });
        outcomes.push("stored");
      } catch (error) {
        outcomes.push((error as AppError).code);
      }
    }
    expect(outcomes.filter((each) => each === "stored")).toHaveLength(5);
    expect(
      outcomes.slice(5).every((each) => each === "ERR_PARTICIPATION_LIMIT"),
    ).toBe(true);
    expect(await count({ titles: titles.slice(0, 5) })).toBe(5);
    expect(await count({ titles: titles.slice(5) })).toBe(0);
    // Too long: refused, nothing stored.
    const long = `Zu lang ${dialect} ${"x".repeat(300)}`;
    expect(
      (
        await appErrorOf(
          submitItem(t.ctx, null, ANONYMOUS, idea({ title: long }), {
            ip: freshIp(),
          }),
        )
      ).code,
    ).toBe("ERR_VALIDATION");
    expect(await count({ titles: [long] })).toBe(0);
    // The same address from other connections.
    const email = `viel-${dialect}@example.org`;
    for (let n = 0; n < 5; n += 1)
      await submitItem(t.ctx, null, ANONYMOUS, idea({ email }), {
        ip: freshIp(),
      });
    expect(
      (
        await appErrorOf(
          submitItem(t.ctx, null, ANONYMOUS, idea({ email }), {
            ip: freshIp(),
          }),
        )
      ).code,
    ).toBe("ERR_PARTICIPATION_LIMIT");
    expect(await count({ email })).toBe(5);
    // Ten minutes later the connection may send again.
    const later = now;
    now = new Date(now.getTime() + 11 * 60_000);
    try {
      await submitItem(t.ctx, null, ANONYMOUS, idea(), { ip });
    } finally {
      now = later;
    }
  });

  it("flags a barrier report as overdue after a month and other items after the municipality's days", async () => {
    const start = now;
    try {
      const barrier = await submitItem(
        t.ctx,
        null,
        ANONYMOUS,
        idea({ kind: "barrier", title: "Kontrast im Menü zu schwach" }),
        { ip: freshIp() },
      );
      const overdue = async () =>
        (await getQueue(t.ctx, editor, K, { kind: "barrier" })).items.find(
          (each) => each.item.id === barrier.id,
        )!;
      expect((await overdue()).isOverdue).toBe(false);
      now = new Date(start.getTime() + 29 * DAY);
      expect((await overdue()).isOverdue).toBe(false);
      expect((await overdue()).ageDays).toBe(29);
      now = new Date(start.getTime() + 30 * DAY);
      expect((await overdue()).isOverdue).toBe(true);
      const onlyOverdue = await getQueue(t.ctx, editor, K, {
        overdueOnly: true,
      });
      expect(onlyOverdue.items.map((each) => each.item.id)).toContain(
        barrier.id,
      );
      // An answer stops the clock.
      await moderateItem(
        t.ctx,
        null,
        admin,
        decision(barrier.id, await versionOf(barrier.id), {
          publish: false,
          status: "reviewing",
        }),
      );
      now = new Date(start.getTime() + 31 * DAY);
      // "in Prüfung" still waits for a decision.
      expect((await overdue()).isOverdue).toBe(true);
      await moderateItem(
        t.ctx,
        null,
        admin,
        decision(barrier.id, await versionOf(barrier.id), {
          publish: false,
          status: "implemented",
        }),
      );
      expect((await overdue()).isOverdue).toBe(false);
    } finally {
      now = start;
    }
  });

  it("deletes unconfirmed addresses after 48 hours, confirmed ones after the retention, and rate counters after a day", async () => {
    const start = now;
    try {
      const confirmed = `bleibt-${dialect}@example.org`;
      const first = await submitItem(
        t.ctx,
        delivery(),
        ANONYMOUS,
        idea({ email: confirmed }),
        {
          ip: freshIp(),
        },
      );
      await confirmItemAddress(t.ctx, {
        municipality: K,
        token: linkIn((await sink.waitForMail(confirmed)).text, "bestaetigen"),
      });
      const second = await submitItem(
        t.ctx,
        null,
        ANONYMOUS,
        idea({ email: `unbestaetigt-${dialect}@example.org` }),
        { ip: freshIp() },
      );
      const emailOf = async (id: number) =>
        (
          await t.ctx.db
            .selectFrom("participation_item")
            .select("email")
            .where("id", "=", id)
            .executeTakeFirstOrThrow()
        ).email;
      const runJob = () =>
        createScheduler(t.ctx, [participationPrivacyJob()], {
          owner: `privacy-${dialect}-${now.toISOString()}`,
        }).runDueJobs();
      now = new Date(start.getTime() + 49 * 60 * 60_000);
      await runJob();
      expect(await emailOf(second.id)).toBeNull();
      expect(await emailOf(first.id)).toBe(confirmed);
      const rates = await t.ctx.db
        .selectFrom("participation_rate")
        .select("at")
        .execute();
      expect(
        rates.every(
          (row) =>
            new Date(row.at).getTime() > now.getTime() - 24 * 60 * 60_000,
        ),
      ).toBe(true);
      now = new Date(start.getTime() + 91 * DAY);
      await runJob();
      expect(await emailOf(first.id)).toBeNull();
    } finally {
      now = start;
    }
  });
});
