/**
 * How many SQL statements the pages that must stay fast with many municipalities send for
 * one request (ADR 0052), on both databases: the staff dashboard, the draft changes, a
 * draft report with its computed changes, the operators' overview, `/`, a project page and
 * the catalogue API. Each is requested once with 3 municipalities, 42 projects and one
 * draft report, and once more after 10 municipalities, 10 projects and 2 draft reports
 * were added: the counts must be the same (a loop with a query per project, per report or
 * per municipality would add to them) and stay below a small bound.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createProject } from "../../src/app/catalogue/create-project.js";
import type { AppContext } from "../../src/app/context.js";
import {
  closeAppContext,
  openAppContext,
  type ExecutedQuery,
} from "../../src/app/database.js";
import { createMunicipality } from "../../src/app/municipalities/lifecycle.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  createTestOperator,
  createTestUser,
  signIn,
} from "../support/accounts.js";
import { DIALECTS, TEST_NOW } from "../support/database.js";
import {
  createDraftReport,
  KLEVE,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";

/** No page may send more statements than this for one request. */
const MOST_QUERIES = 45;

describe.each(DIALECTS)("queries per request on %s", (dialect) => {
  let fixture: ReportingFixture;
  let counting: AppContext;
  let staffCookie: string;
  let operatorCookie: string;
  let reportNumber: number;
  // Every statement is counted for the request whose handling sent it.
  const request = new AsyncLocalStorage<ExecutedQuery[]>();

  const addMunicipalities = async (from: number, count: number) => {
    for (let i = from; i < from + count; i += 1)
      await createMunicipality(counting, COMMAND_LINE, {
        name: `Gemeinde Zählstadt ${i}`,
        slug: `zaehlstadt-${i}`,
        state: "Nordrhein-Westfalen",
        regionalKey: "051540020020",
      });
  };

  beforeAll(async () => {
    const opened = await openReportingFixture(dialect);
    // A second context on the same database, whose statements are counted.
    counting = await openAppContext(opened.t.target, {
      clock: () => TEST_NOW,
      onQuery: (query) => request.getStore()?.push(query),
      // No periodic reload of the published versions in the middle of a count.
      watch: { postgresPollMs: 3_600_000 },
    });
    fixture = { ...opened, ctx: counting };
    await addMunicipalities(1, 2);
    const reportId = await createDraftReport(fixture, "2023-02-01");
    reportNumber = (
      await counting.db
        .selectFrom("status_report")
        .select("number")
        .where("id", "=", reportId)
        .executeTakeFirstOrThrow()
    ).number;
    const app = await buildApp(counting, { now: () => TEST_NOW });
    try {
      staffCookie = await signIn(
        app,
        await createTestUser(counting, {
          role: "admin",
          municipalitySlug: KLEVE,
        }),
      );
      operatorCookie = await signIn(app, await createTestOperator(counting));
    } finally {
      await app.close();
    }
  });

  afterAll(async () => {
    if (counting !== undefined) await closeAppContext(counting);
    await fixture?.t.close();
  });

  /** The statements each page sends, requested once in a new app with the catalogues forgotten. */
  async function countQueries(): Promise<Record<string, number>> {
    const app: FastifyInstance = await buildApp(counting, {
      now: () => TEST_NOW,
    });
    try {
      // What a process loads once (the published versions) is loaded before counting,
      // after the announcement of the last write (PostgreSQL's NOTIFY) has come back.
      await new Promise((done) => setTimeout(done, 500));
      await app.inject({ method: "GET", url: `/${KLEVE}/` });
      const pages: readonly (readonly [string, string])[] = [
        [`/${KLEVE}/verwaltung/`, staffCookie],
        [`/${KLEVE}/entwurf/aenderungen`, staffCookie],
        [`/${KLEVE}/verwaltung/berichte/${reportNumber}`, staffCookie],
        ["/betrieb/", operatorCookie],
        ["/betrieb/?q=z%C3%A4hlstadt", operatorCookie],
        ["/", ""],
        ["/?q=z%C3%A4hlstadt", ""],
        [`/${KLEVE}/projekte/e-rechnungsworkflow`, ""],
        [`/api/v1/municipalities/${KLEVE}/catalogue`, ""],
      ];
      const counts: Record<string, number> = {};
      for (const [url, cookie] of pages) {
        counting.cache.clear();
        const queries: ExecutedQuery[] = [];
        // inject() sends when awaited: awaited inside, so that the request runs in the store.
        const response = await request.run(
          queries,
          async () =>
            await app.inject({
              method: "GET",
              url,
              headers: cookie === "" ? {} : { cookie },
            }),
        );
        expect(response.statusCode, url).toBe(200);
        counts[url] = queries.length;
      }
      return counts;
    } finally {
      await app.close();
    }
  }

  it("sends as many statements with more municipalities, projects and draft reports", async () => {
    const before = await countQueries();
    await addMunicipalities(3, 10);
    for (let i = 1; i <= 10; i += 1)
      await createProject(counting, fixture.admin, {
        municipality: KLEVE,
        data: {
          actionField: "partizipation",
          slug: `zaehlprojekt-${i}`,
          code: `3.${40 + i}`,
          title: `Zählprojekt ${i}`,
          summary: "Ein weiteres Projekt, damit der Katalog wächst.",
          status: "planned",
          tags: ["Zählung"],
          responsibilities: [{ orgUnit: "61", role: "lead" }],
        },
      });
    await createDraftReport(fixture, "2023-02-15");
    await createDraftReport(fixture, "2023-03-01");
    const after = await countQueries();

    // Signed-in pages read at least the session: a count of 0 would mean nothing was counted.
    for (const url of Object.keys(before).filter(
      (each) => each.includes("/verwaltung/") || each.startsWith("/betrieb/"),
    ))
      expect(before[url], url).toBeGreaterThan(0);
    expect(after).toEqual(before);
    for (const [url, count] of Object.entries(after))
      expect(count, url).toBeLessThanOrEqual(MOST_QUERIES);
  });
});
