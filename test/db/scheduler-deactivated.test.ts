/**
 * The reminder job and deactivated municipalities, on both dialects: while a municipality
 * is deactivated its due reminders are skipped (no mail, no error, nothing claimed), and
 * after reactivation they go out as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { loadDemo } from "../../src/app/edition/demo-editions.js";
import type { MailMessage, Mailer } from "../../src/app/mail/mailer.js";
import { setMunicipalityState } from "../../src/app/municipalities/lifecycle.js";
import {
  createMeeting,
  readCommitteesAndMeetings,
} from "../../src/app/reports/committees.js";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { setReminderDays } from "../../src/app/reports/reminder-rules.js";
import { sendDueReportReminders } from "../../src/app/scheduler/report-reminder-job.js";
import { listSentReminders } from "../../src/db/scheduler.repository.js";
import { createTestUser } from "../support/accounts.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

describe.each(DIALECTS)(
  "reminders of a deactivated municipality on %s",
  (dialect) => {
    const now = new Date("2022-12-14T07:00:00Z");
    let t: TestContext;

    beforeAll(async () => {
      t = await openTestContext(dialect, { clock: () => now });
      await loadDemo(t.ctx);
      await loadDemoReport(t.ctx);
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it("skips a deactivated municipality without an error and sends after reactivation", async () => {
      const { ctx } = t;
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
      const { id: reportId } = await createReport(ctx, admin, {
        municipality: "kleve",
        data: { meetingId, asOf: "2022-12-15" },
      });
      const editor = await createTestUser(ctx, {
        role: "editor",
        orgUnitCodes: ["10.1"],
        municipalitySlug: "kleve",
      });
      await setReminderDays(ctx, admin, { municipality: "kleve", days: "7" });
      const sent: MailMessage[] = [];
      const mailer: Mailer = {
        send: async (message) => {
          sent.push(message);
        },
      };
      const delivery = {
        mailer,
        publicBaseUrl: "https://fortschritt.kleve.example",
      };

      await setMunicipalityState(
        ctx,
        COMMAND_LINE,
        { municipality: "kleve" },
        false,
      );
      expect(await sendDueReportReminders(ctx, delivery, now, "test")).toBe(0);
      expect(sent).toEqual([]);
      expect(await listSentReminders(ctx.db, reportId)).toEqual([]);

      await setMunicipalityState(
        ctx,
        COMMAND_LINE,
        { municipality: "kleve" },
        true,
      );
      expect(await sendDueReportReminders(ctx, delivery, now, "test")).toBe(1);
      expect(sent.map((mail) => mail.to)).toContain(editor.email);
      expect(await listSentReminders(ctx.db, reportId)).toHaveLength(1);
    });
  },
);
