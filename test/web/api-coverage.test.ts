/**
 * Everything public in the portal is in the API too. Two walks:
 *  - over the route table: every public GET page of the portal names the API paths that
 *    expose the same records, and each of those paths is in the OpenAPI document (a new
 *    public page without an entry here fails);
 *  - over the portal itself: starting at /kleve/, every public page is followed, and every
 *    record it links to (project, edition, report) or shows (key figure) is found in the API.
 * And the committed docs/openapi.json is what the route schemas generate.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import { findProjectRoot } from "../../src/project-root.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";

const M = "/api/v1/municipalities/{slug}";

/**
 * Public portal pages → the API paths (as in the OpenAPI document) that expose their
 * records; an empty list only where the page shows no record of its own.
 */
const PORTAL_TO_API: Readonly<Record<string, readonly string[]>> = {
  "/": ["/api/v1/municipalities"],
  "/:slug": [],
  "/:slug/": [`${M}/catalogue`, `${M}/editions`],
  "/:slug/ideen": [`${M}/ideas`],
  "/:slug/ideen/:id": [`${M}/ideas`],
  "/:slug/projekte/:projectSlug": [`${M}/projects/{id}`, `${M}/indicators`],
  "/:slug/zeitstrahl": [`${M}/catalogue`],
  "/:slug/suche": [`${M}/catalogue`],
  "/:slug/fortschreibungen": [`${M}/editions`],
  "/:slug/fortschreibungen/:number": [`${M}/editions/{number}`],
  "/:slug/fortschreibungen/:number/projekte/:projectSlug": [
    `${M}/editions/{number}`,
  ],
  "/:slug/fortschreibungen/:number/zeitstrahl": [`${M}/editions/{number}`],
  "/:slug/fortschreibungen/:number/aenderungen": [
    `${M}/editions/{number}/changes`,
  ],
  "/:slug/fortschreibungen/:number/druckansicht": [`${M}/editions/{number}`],
  "/:slug/fortschreibungen/:number/katalog.docx": [`${M}/editions/{number}`],
  "/:slug/fortschreibungen/:number/katalog.pdf": [`${M}/editions/{number}`],
  "/:slug/fortschreibungen/:number/folien.pptx": [
    `${M}/editions/{number}/changes`,
  ],
  "/:slug/berichte": [`${M}/reports`, `${M}/meetings`, `${M}/bodies`],
  "/:slug/berichte/:report": [`${M}/reports/{report}`],
  "/:slug/berichte/:report/folien.pptx": [`${M}/reports/{report}`],
  "/:slug/berichte/:report/bericht.pdf": [`${M}/reports/{report}`],
  "/:slug/kennzahlen": [`${M}/indicators`, `${M}/indicators/{key}`],
  "/:slug/offene-daten": [
    `${M}/catalogue`,
    `${M}/editions/{number}/changes`,
    `${M}/reports/{report}`,
    `${M}/indicators`,
    `${M}/ozg/services`,
  ],
  "/:slug/dcat/:file": [
    `${M}/catalogue`,
    `${M}/editions`,
    `${M}/reports`,
    `${M}/indicators`,
    `${M}/ozg/services`,
  ],
  "/dcat/:file": ["/api/v1/municipalities"],
  "/:slug/einbetten/projekte/:projectSlug": [`${M}/projects/{id}`],
  "/:slug/einbetten/aktionsfelder/:fieldKey": [`${M}/catalogue`],
  "/:slug/einbetten/kennzahlen/:key": [`${M}/indicators/{key}`],
  "/:slug/feed.atom": [
    `${M}/editions/{number}/changes`,
    `${M}/reports/{report}`,
    `${M}/indicators`,
  ],
  "/:slug/projekte/:projectSlug/feed.atom": [
    `${M}/editions/{number}/changes`,
    `${M}/reports/{report}`,
    `${M}/indicators`,
  ],
  "/:slug/offene-daten/:name": [
    `${M}/catalogue`,
    `${M}/editions/{number}/changes`,
    `${M}/reports/{report}`,
    `${M}/indicators`,
    `${M}/ozg/services`,
  ],
};

/** Public routes that are no part of the published record (service, signing in). */
const NOT_RECORDS = new Set([
  "/health",
  "/passwort-vergessen",
  "/passwort-neu/:token",
  "/anmelden/zweiter-faktor",
  "/anmelden/zwei-faktor-einrichten",
  // Following by e-mail: a form and its confirmation links, not published records.
  "/:slug/benachrichtigungen",
  "/:slug/benachrichtigungen/bestaetigen/:token",
  "/:slug/benachrichtigungen/abmelden/:token",
  // The accessibility statement is about the portal, not a record of the programme.
  "/:slug/barrierefreiheit",
  "/:slug/barrierefreiheit.json",
  // Participation: the forms, the submitter's page and the links of the mails.
  "/:slug/ideen/einreichen",
  "/:slug/barriere-melden",
  "/:slug/ideen/zurueckziehen/:token",
  "/:slug/ideen/bestaetigen/:token",
  "/:slug/ideen/abmelden/:token",
]);

describe("the committed OpenAPI document", () => {
  it("is what the route schemas generate (npm run openapi)", async () => {
    const test = await openTestContext("sqlite", { demo: false });
    const app = await buildApp(test.ctx);
    try {
      await app.ready();
      const committed: unknown = JSON.parse(
        readFileSync(join(findProjectRoot(), "docs", "openapi.json"), "utf8"),
      );
      expect(committed).toEqual(JSON.parse(JSON.stringify(app.swagger())));
    } finally {
      await app.close();
      await test.close();
    }
  });
});

describe.each(DIALECTS)(
  "portal and API expose the same public record on %s",
  (dialect) => {
    let test: TestContext;
    let app: FastifyInstance;
    const routes: RouteOptions[] = [];

    beforeAll(async () => {
      test = await openTestContext(dialect, { demo: true });
      await loadDemoReport(test.ctx);
      app = await buildApp(test.ctx, {
        now: () => TEST_NOW,
        onRoute: (route) => routes.push(route),
      });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await test?.close();
    });

    it("maps every public portal page to API paths of the OpenAPI document", () => {
      const openApiPaths = new Set(
        Object.keys(
          (app.swagger() as { paths: Record<string, unknown> }).paths,
        ),
      );
      const publicPages = routes
        .filter(
          (route) =>
            [route.method].flat().includes("GET") &&
            route.config?.policy === "public",
        )
        .map((route) => route.url)
        .filter(
          (url) =>
            !url.startsWith("/api/") &&
            !url.startsWith("/assets/") &&
            !NOT_RECORDS.has(url),
        );
      expect(
        publicPages.filter((url) => PORTAL_TO_API[url] === undefined),
      ).toEqual([]);
      const missing = Object.values(PORTAL_TO_API)
        .flat()
        .filter((path) => !openApiPaths.has(path));
      expect(missing).toEqual([]);
    });

    it("finds every record the portal shows in the API", async () => {
      // Walk the public portal of Kleve; files and the pages of one project in an older
      // edition are recorded by their link, not fetched.
      const seen = new Set<string>();
      const queue = ["/kleve/"];
      const records = {
        projects: new Set<string>(),
        editions: new Set<number>(),
        reports: new Set<string>(),
      };
      const bodies = new Map<string, string>();
      while (queue.length > 0) {
        const path = queue.shift() as string;
        if (seen.has(path)) continue;
        seen.add(path);
        const response = await app.inject(path);
        expect(response.statusCode, path).toBe(200);
        bodies.set(path, response.body);
        for (const [, href] of response.body.matchAll(
          /href="(\/kleve\/[^"#?]*)/g,
        )) {
          const link = decodeURI(href ?? "");
          const project =
            /^\/kleve\/(?:fortschreibungen\/\d+\/)?projekte\/([a-z0-9-]+)$/.exec(
              link,
            );
          const edition = /^\/kleve\/fortschreibungen\/(\d+)/.exec(link);
          const report = /^\/kleve\/berichte\/([0-9-]+)/.exec(link);
          if (project?.[1] !== undefined) records.projects.add(project[1]);
          if (edition?.[1] !== undefined)
            records.editions.add(Number(edition[1]));
          if (report?.[1] !== undefined) records.reports.add(report[1]);
          const isFile =
            /\.(pdf|pptx|docx|csv|xlsx|json|ttl|rdf|jsonld|atom)$/.test(link);
          const isPrivate =
            /^\/kleve\/(verwaltung|entwurf|anmelden|konto)/.test(link);
          const isEditionProject =
            /^\/kleve\/fortschreibungen\/\d+\/projekte\//.test(link);
          // The barrier report (linked from every footer) is a form, not a published record.
          const isForm = link === "/kleve/barriere-melden";
          if (
            !isFile &&
            !isPrivate &&
            !isEditionProject &&
            !isForm &&
            !seen.has(link)
          )
            queue.push(link);
        }
      }
      expect(records.projects.size).toBe(42);
      expect(records.editions).toEqual(new Set([1, 2]));
      expect(records.reports.size).toBeGreaterThanOrEqual(2);

      const api = async (path: string): Promise<any> => {
        const response = await app.inject(
          `/api/v1/municipalities/kleve${path}`,
        );
        expect(response.statusCode, path).toBe(200);
        return response.json();
      };
      for (const slug of records.projects) await api(`/projects/${slug}`);
      const editions = (await api("/editions")).editions.map(
        (edition: { number: number }) => edition.number,
      );
      expect(new Set(editions)).toEqual(records.editions);
      for (const number of records.editions) await api(`/editions/${number}`);
      const reports = (await api("/reports")).reports as {
        id: number;
        meeting: { date: string };
      }[];
      for (const report of records.reports) {
        expect(
          reports.some(
            (each) =>
              String(each.id) === report || each.meeting.date === report,
          ),
          report,
        ).toBe(true);
        await api(`/reports/${report}`);
      }
      // Key figures are shown, not linked: every name on the figures page is in the API.
      const figuresPage = bodies.get("/kleve/kennzahlen") ?? "";
      const indicators = (await api("/indicators")).indicators as {
        definition: { name: string };
      }[];
      expect(indicators.length).toBeGreaterThan(0);
      for (const indicator of indicators)
        expect(figuresPage).toContain(
          indicator.definition.name.replaceAll("&", "&amp;"),
        );
    });
  },
);
