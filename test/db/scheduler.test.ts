/**
 * Reminders that send themselves, on both dialects: two app contexts (two "processes")
 * on one database run the scheduler with a clock the test moves; the SMTP sink receives
 * exactly one mail per rule and editor, none twice after a restart, none for a published
 * report.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/app/context.js";
import { loadDemo } from "../../src/app/edition/demo-editions.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import {
  createMeeting,
  readCommitteesAndMeetings,
} from "../../src/app/reports/committees.js";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import { listPublishedReports } from "../../src/app/reports/read-reports.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import {
  getReminderDays,
  parseReminderDays,
  setReminderDays,
} from "../../src/app/reports/reminder-rules.js";
import {
  reportReminderJob,
  SCHEDULER_ACTOR,
} from "../../src/app/scheduler/report-reminder-job.js";
import {
  createScheduler,
  type PeriodicJob,
} from "../../src/app/scheduler/scheduler.js";
import { listSentReminders } from "../../src/db/scheduler.repository.js";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { AppError } from "../../src/errors.js";
import { createTestUser, type TestUser } from "../support/accounts.js";
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

describe.each(DIALECTS)("reminders that send themselves on %s", (dialect) => {
  let now = new Date("2022-11-01T07:00:00Z");
  const clock = (): Date => now;
  let database: SharedDatabase;
  let editor: TestUser;
  let draftId: number;
  let delivery: {
    mailer: ReturnType<typeof createSmtpMailer>;
    publicBaseUrl: string;
  };

  const mailsFor = (user: TestUser) =>
    sink.messages.filter((mail) => mail.to.includes(user.email));
  /** Two processes, each with its own scheduler, run their due jobs at the same moment. */
  async function runTwoProcesses(
    a: AppContext,
    b: AppContext,
  ): Promise<readonly string[]> {
    const [first, second] = await Promise.all([
      createScheduler(a, [reportReminderJob(delivery)], {
        owner: "process-a",
      }).runDueJobs(),
      createScheduler(b, [reportReminderJob(delivery)], {
        owner: "process-b",
      }).runDueJobs(),
    ]);
    return [...first, ...second];
  }

  beforeAll(async () => {
    database = await databases.create(dialect, clock);
    const { ctx } = database;
    await loadDemo(ctx);
    await loadDemoReport(ctx);
    delivery = {
      mailer: createSmtpMailer({
        url: sink.url,
        from: "Fortschritt <fortschritt@kleve.example>",
      }),
      publicBaseUrl: "https://fortschritt.kleve.example",
    };
    const municipalityId = (await getCatalogue(ctx, "kleve")).municipality.id;
    const admin = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const committeeId = (await readCommitteesAndMeetings(ctx, municipalityId))
      .committees[0]!.id;
    const { id: meetingId } = await createMeeting(ctx, admin, {
      municipality: "kleve",
      data: {
        committeeId,
        day: "2022-12-20",
        title: null,
        oparlMeetingUrl: null,
        oparlAgendaItemUrl: null,
        oparlPaperUrl: null,
      },
    });
    draftId = (
      await createReport(ctx, admin, {
        municipality: "kleve",
        data: { meetingId, asOf: "2022-12-15" },
      })
    ).id;
    editor = await createTestUser(ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
      email: `redaktion-${dialect}@kleve.example`,
    });
    expect(
      await setReminderDays(ctx, admin, {
        municipality: "kleve",
        days: "7, 21",
      }),
    ).toEqual([21, 7]);
  }, 120_000);

  // One scenario, because the clock only moves forward: what was sent on one rule's day
  // decides what may be sent on the next.
  it("follows a report's rules over time: nothing before the first rule's day or for a published report, one request 21 days before, one reminder 7 days before, nothing twice after a restart", async () => {
    {
      const b = await database.open();
      // 21 and 7 days before the published report of 29.11.2022.
      for (const moment of ["2022-11-08T07:00:00Z", "2022-11-22T07:00:00Z"]) {
        now = new Date(moment);
        expect(await runTwoProcesses(database.ctx, b)).toEqual([
          "report-reminders",
        ]);
      }
      expect(mailsFor(editor)).toHaveLength(0);
      const { reports } = await listPublishedReports(database.ctx, "kleve");
      expect(reports.length).toBeGreaterThan(0);
      for (const { id } of reports)
        expect(await listSentReminders(database.ctx.db, id)).toEqual([]);
    }
    {
      const b = await database.open();
      now = new Date("2022-11-29T07:00:00Z");
      expect(await runTwoProcesses(database.ctx, b)).toEqual([
        "report-reminders",
      ]);
      expect(mailsFor(editor)).toHaveLength(1);
      expect(mailsFor(editor)[0]!.text).toContain(
        "bitten wir um den aktuellen Stand Ihrer Projekte",
      );
      expect(mailsFor(editor)[0]!.text).toContain(
        `https://fortschritt.kleve.example/kleve/verwaltung/berichte/${draftId}`,
      );

      // The job is due again 15 minutes later; the rule has been sent and is not sent again.
      now = new Date("2022-11-29T07:20:00Z");
      expect(await runTwoProcesses(database.ctx, b)).toEqual([
        "report-reminders",
      ]);
      expect(mailsFor(editor)).toHaveLength(1);
    }
    {
      const b = await database.open();
      now = new Date("2022-12-13T07:00:00Z");
      await runTwoProcesses(database.ctx, b);
      expect(mailsFor(editor)).toHaveLength(2);
      expect(mailsFor(editor)[1]!.text).toContain(
        "fehlen noch Angaben zu Ihren Projekten",
      );

      const [c, d] = [await database.open(), await database.open()];
      now = new Date("2022-12-13T09:00:00Z");
      expect(await runTwoProcesses(c, d)).toEqual(["report-reminders"]);
      now = new Date("2022-12-19T09:00:00Z");
      await runTwoProcesses(c, d);
      expect(mailsFor(editor)).toHaveLength(2);

      const sent = await listSentReminders(database.ctx.db, draftId);
      expect(sent.map((row) => [row.daysBefore, row.kind, row.sent])).toEqual([
        [21, "request", 1],
        [7, "reminder", 1],
      ]);
      const events = await readAuditEvents(database.ctx, {
        municipalityId: editor.municipalityId,
        entityType: "status_report",
        entityId: String(draftId),
        limit: 50,
      });
      expect(
        events.filter(
          (event) =>
            event.action === "report.remind" &&
            event.actorLabel === SCHEDULER_ACTOR,
        ),
      ).toHaveLength(2);
    }
  });

  it("lets exactly one of two processes hold a job's lease, and the other runs it once the interval has passed", async () => {
    const runs: string[] = [];
    const job = (owner: string): PeriodicJob => ({
      name: "test-job",
      intervalMs: 60_000,
      async run() {
        runs.push(owner);
      },
    });
    const b = await database.open();
    now = new Date("2023-01-01T00:00:00Z");
    await Promise.all([
      createScheduler(database.ctx, [job("a")], { owner: "a" }).runDueJobs(),
      createScheduler(b, [job("b")], { owner: "b" }).runDueJobs(),
    ]);
    expect(runs).toHaveLength(1);
    now = new Date("2023-01-01T00:00:30Z");
    await createScheduler(b, [job("b")], { owner: "b" }).runDueJobs();
    expect(runs).toHaveLength(1);
    now = new Date("2023-01-01T00:01:00Z");
    await createScheduler(b, [job("b")], { owner: "b" }).runDueJobs();
    expect(runs).toHaveLength(2);
  });

  it("takes over a lease that a crashed process left behind, once it has run out", async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const stuck: PeriodicJob = {
      name: "stuck-job",
      intervalMs: 60_000,
      leaseMs: 5 * 60_000,
      run: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    };
    const runs: string[] = [];
    const healthy: PeriodicJob = {
      name: "stuck-job",
      intervalMs: 60_000,
      async run() {
        runs.push("b");
      },
    };
    now = new Date("2023-02-01T00:00:00Z");
    const crashed = createScheduler(database.ctx, [stuck], {
      owner: "crashed",
    }).runDueJobs();
    await running;
    const b = await database.open();
    now = new Date("2023-02-01T00:04:00Z");
    await createScheduler(b, [healthy], { owner: "b" }).runDueJobs();
    expect(runs).toEqual([]);
    now = new Date("2023-02-01T00:06:00Z");
    await createScheduler(b, [healthy], { owner: "b" }).runDueJobs();
    expect(runs).toEqual(["b"]);
    release();
    await crashed;
  });

  it("refuses reminder days that are not whole numbers of days between 1 and 365, and keeps the rules", async () => {
    const municipalityId = editor.municipalityId;
    const admin = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    for (const text of ["21, sieben", "0", "400", "1 2 3 4 5 6"]) {
      const error = await setReminderDays(database.ctx, admin, {
        municipality: "kleve",
        days: text,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("ERR_VALIDATION");
    }
    expect(await getReminderDays(database.ctx, admin, "kleve")).toEqual([
      21, 7,
    ]);
    expect(parseReminderDays("")).toEqual([]);
    const refused = await setReminderDays(
      database.ctx,
      buildPrincipal(municipalityId),
      { municipality: "kleve", days: "1" },
    ).catch((caught: unknown) => caught);
    expect((refused as AppError).code).toBe("ERR_FORBIDDEN");
  });
});
