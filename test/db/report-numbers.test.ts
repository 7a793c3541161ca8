/**
 * Status reports numbered per municipality (ADR 0044) on both dialects: 1, 2, 3 … in each
 * municipality, the backfill of existing reports, numbers given under concurrency, the
 * rules of a backdated publication date, and the confirmation a second published report
 * for one meeting needs.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createMunicipality } from "../../src/app/municipalities/lifecycle.js";
import {
  createCommittee,
  createMeeting,
} from "../../src/app/reports/committees.js";
import {
  createReport,
  publishReport,
} from "../../src/app/reports/manage-reports.js";
import {
  getPublishedReport,
  publishedReportsOnDate,
  renumberedReport,
} from "../../src/app/reports/read-reports.js";
import { listAuditEvents } from "../../src/db/audit.repository.js";
import { findReport } from "../../src/db/report.repository.js";
import * as numbering from "../../src/db/migrations/2026-12-10-reportnum-numbers-and-backdating.js";
import { AppError } from "../../src/errors.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import {
  at,
  createDraftReport,
  createPublishedReport,
  KLEVE,
  NO_MEETING_LINKS,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";

/** The problems of a refused call (ERR_VALIDATION), as path → message. */
async function problemsOf(
  work: Promise<unknown>,
): Promise<Record<string, string>> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "ERR_VALIDATION")
      return Object.fromEntries(
        (error.problems ?? []).map((problem) => [
          problem.path,
          problem.message,
        ]),
      );
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(DIALECTS)("report numbers on %s", (dialect) => {
  let f: ReportingFixture;
  let kleveId: number;

  beforeAll(async () => {
    f = await openReportingFixture(dialect);
    kleveId = (
      await f.ctx.db
        .selectFrom("municipality")
        .select("id")
        .where("slug", "=", KLEVE)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await f?.t.close();
  });

  it("numbers the reports of each municipality 1, 2, 3 … whatever the ids", async () => {
    const goch = await createMunicipality(f.ctx, COMMAND_LINE, {
      name: "Stadt Goch",
      slug: "goch-berichte",
      state: "Nordrhein-Westfalen",
      regionalKey: "051540020020",
      website: "https://www.goch.de",
      contactEmail: "digital@goch.example",
    });
    const gochAdmin = buildPrincipal(goch.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    const committeeId = (
      await createCommittee(f.ctx, gochAdmin, {
        municipality: "goch-berichte",
        data: { name: "Digitalausschuss", abbreviation: "DA" },
      })
    ).id;
    const meetingId = (
      await createMeeting(f.ctx, gochAdmin, {
        municipality: "goch-berichte",
        data: { committeeId, day: "2023-05-10", ...NO_MEETING_LINKS },
      })
    ).id;
    const kleveFirst = await createReport(f.ctx, f.admin, {
      municipality: KLEVE,
      data: { meetingId: f.meetingId, asOf: "2023-03-01" },
    });
    const gochFirst = await createReport(f.ctx, gochAdmin, {
      municipality: "goch-berichte",
      data: { meetingId, asOf: "2023-05-01" },
    });
    const gochSecond = await createReport(f.ctx, gochAdmin, {
      municipality: "goch-berichte",
      data: { meetingId, asOf: "2023-05-02" },
    });
    expect(gochFirst.number).toBe(1);
    expect(gochSecond.number).toBe(2);
    expect(gochFirst.id).toBeGreaterThan(kleveFirst.id);
    const kleveNext = await createReport(f.ctx, f.admin, {
      municipality: KLEVE,
      data: { meetingId: f.meetingId, asOf: "2023-03-02" },
    });
    expect(kleveNext.number).toBe(kleveFirst.number + 1);
    // The unique index refuses a number twice in a municipality …
    await expect(
      f.ctx.db
        .updateTable("status_report")
        .set({ number: gochFirst.number })
        .where("id", "=", gochSecond.id)
        .execute(),
    ).rejects.toThrow();
    // … and an old id-based URL that names no number is sent on to the number.
    expect(
      await renumberedReport(f.ctx, "goch-berichte", String(gochSecond.id), {
        published: false,
      }),
    ).toEqual({ number: 2 });
    expect(
      await renumberedReport(f.ctx, "goch-berichte", "1", { published: false }),
    ).toBeNull();
    // Drafts are never named to the public.
    expect(
      await renumberedReport(f.ctx, "goch-berichte", String(gochSecond.id), {
        published: true,
      }),
    ).toBeNull();
  });

  it("gives distinct numbers to reports created at the same time", async () => {
    const created = await Promise.all(
      ["2023-04-01", "2023-04-02", "2023-04-03", "2023-04-04"].map((asOf) =>
        createReport(f.ctx, f.admin, {
          municipality: KLEVE,
          data: { meetingId: f.meetingId, asOf },
        }),
      ),
    );
    const numbers = created.map((each) => each.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers[3]! - numbers[0]!).toBe(3);
  });

  it("fills in the numbers of existing reports by creation time per municipality", async () => {
    const before = await f.ctx.db
      .selectFrom("status_report")
      .select(["id", "municipality_id", "number", "created_at"])
      .orderBy("id")
      .execute();
    // Put the numbers back to nothing under the frozen published rows, then run the backfill.
    await createPublishedReport(f, { asOf: "2023-02-01" });
    const rows = await f.ctx.db
      .selectFrom("status_report")
      .select(["id", "municipality_id", "number", "created_at"])
      .orderBy("id")
      .execute();
    await numbering.down(f.ctx.db);
    await numbering.up(f.ctx.db);
    const after = await f.ctx.db
      .selectFrom("status_report")
      .select(["id", "municipality_id", "number", "created_at"])
      .execute();
    expect(before.length + 1).toBe(rows.length);
    const expected = new Map<number, number>();
    for (const id of new Set(rows.map((row) => row.municipality_id))) {
      rows
        .filter((row) => row.municipality_id === id)
        .sort(
          (a, b) =>
            new Date(a.created_at).getTime() -
              new Date(b.created_at).getTime() || a.id - b.id,
        )
        .forEach((row, index) => expected.set(row.id, index + 1));
    }
    expect(
      Object.fromEntries(after.map((row) => [row.id, row.number])),
    ).toEqual(Object.fromEntries(expected));
    // The published rows stay frozen.
    const published = await f.ctx.db
      .selectFrom("status_report")
      .select("id")
      .where("status", "=", "published")
      .executeTakeFirstOrThrow();
    await expect(
      sql`update status_report set title = 'x' where id = ${published.id}`.execute(
        f.ctx.db,
      ),
    ).rejects.toThrow();
  });

  it("backdates a publication: not after today, not before the as-of date, marked as entered later", async () => {
    const reportId = await createDraftReport(f, "2022-11-28");
    const ready = async () => {
      // Entries for every project shown: the fixture's way of getting a publishable draft.
      const { saveReportEntry } =
        await import("../../src/app/reports/report-entries.js");
      const { getReportDocument } =
        await import("../../src/app/reports/read-reports.js");
      const { reportProjects } =
        await import("../../src/domain/report/report-document.js");
      const { document } = await getReportDocument(
        f.ctx,
        f.admin,
        KLEVE,
        reportId,
      );
      for (const project of reportProjects(document))
        await saveReportEntry(f.ctx, f.admin, {
          municipality: KLEVE,
          reportId,
          project: project.slug,
          expectedVersion: 0,
          data: {
            status: "not-started",
            text: "",
            highlights: [],
            newDate: null,
            isIncluded: true,
          },
        });
    };
    await ready();
    const today = at(f.ctx, "2026-12-10T10:00:00Z");
    const version = (await findReport(f.ctx.db, kleveId, reportId))!.version;
    const publish = (publishedOn: string) =>
      publishReport(today, f.admin, {
        municipality: KLEVE,
        reportId,
        expectedVersion: version,
        publishedOn,
        confirmSecondReport: true,
      });
    expect(await problemsOf(publish("2026-12-11"))).toEqual({
      "/data/publishedOn":
        "Das Veröffentlichungsdatum darf nicht nach heute (10.12.2026) liegen.",
    });
    expect(await problemsOf(publish("2022-11-27"))).toEqual({
      "/data/publishedOn":
        "Das Veröffentlichungsdatum darf nicht vor dem Stand des Berichts (28.11.2022) liegen.",
    });
    expect((await findReport(f.ctx.db, kleveId, reportId))!.status).toBe(
      "draft",
    );
    await publish("2022-11-28");
    const stored = (await findReport(f.ctx.db, kleveId, reportId))!;
    expect(stored.status).toBe("published");
    expect(stored.publishedAt).toBe("2022-11-27T23:00:00.000Z");
    expect(stored.recordedAt).toBe("2026-12-10T10:00:00.000Z");
    const { document } = await getPublishedReport(
      f.ctx,
      KLEVE,
      String(stored.number),
    );
    expect(document.recordedAt).toBe("2026-12-10T10:00:00.000Z");
    expect(document.number).toBe(stored.number);
    const events = await listAuditEvents(f.ctx.db, {
      municipalityId: kleveId,
      entityType: "status_report",
      entityId: String(reportId),
      limit: 10,
    });
    expect(JSON.stringify(events.map((event) => event.after))).toContain(
      "veröffentlicht am 28.11.2022 (nachgetragen am 10.12.2026)",
    );
  });

  it("publishes a second report for a meeting only when confirmed, and the date names both", async () => {
    const meetingId = (
      await createMeeting(f.ctx, f.admin, {
        municipality: KLEVE,
        data: {
          committeeId: f.committeeId,
          day: "2023-06-20",
          ...NO_MEETING_LINKS,
        },
      })
    ).id;
    const second = { ...f, meetingId };
    await createPublishedReport(second, { asOf: "2023-06-01" });
    const draftId = await createDraftReport(second, "2023-06-02");
    const { saveReportEntry } =
      await import("../../src/app/reports/report-entries.js");
    const { getReportDocument } =
      await import("../../src/app/reports/read-reports.js");
    const { reportProjects } =
      await import("../../src/domain/report/report-document.js");
    const { document } = await getReportDocument(
      f.ctx,
      f.admin,
      KLEVE,
      draftId,
    );
    for (const project of reportProjects(document))
      await saveReportEntry(f.ctx, f.admin, {
        municipality: KLEVE,
        reportId: draftId,
        project: project.slug,
        expectedVersion: 0,
        data: {
          status: "not-started",
          text: "",
          highlights: [],
          newDate: null,
          isIncluded: true,
        },
      });
    const version = (await findReport(f.ctx.db, kleveId, draftId))!.version;
    const problems = await problemsOf(
      publishReport(f.ctx, f.admin, {
        municipality: KLEVE,
        reportId: draftId,
        expectedVersion: version,
      }),
    );
    expect(problems["/data/confirmSecondReport"]).toMatch(
      /^Für die Sitzung am 20\.06\.2023 ist schon der Bericht Nr\. \d+ veröffentlicht\. Bestätigen Sie/,
    );
    expect((await findReport(f.ctx.db, kleveId, draftId))!.status).toBe(
      "draft",
    );
    await publishReport(f.ctx, f.admin, {
      municipality: KLEVE,
      reportId: draftId,
      expectedVersion: version,
      confirmSecondReport: true,
    });
    const onDate = await publishedReportsOnDate(f.ctx, KLEVE, "2023-06-20");
    expect(onDate.reports).toHaveLength(2);
    expect(onDate.reports[0]!.number).toBeLessThan(onDate.reports[1]!.number);
  });
});
