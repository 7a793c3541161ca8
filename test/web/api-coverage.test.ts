/**
 * Everything public in the portal is in the API too. Two walks:
 *  - over the route table: every public GET page of the portal names the API paths that
 *    expose the same records, and each of those paths is in the OpenAPI document (a new
 *    public page without an entry here fails);
 *  - over the portal itself: starting at /kleve/, every public page is followed; the
 *    records it links to (projects, editions, reports, ideas) are exactly those the API
 *    lists, and the portal shows what the API says of them (titles, action fields, the
 *    body and day of a report's meeting, bodies and their public members, key figures).
 * And the committed docs/openapi.json is what the route schemas generate.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import {
  changeParticipationSettings,
  getQueue,
  moderateItem,
  submitItem,
} from "../../src/app/participation/participation.js";
import { addMember } from "../../src/app/reports/body-members.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { findProjectRoot } from "../../src/project-root.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

const M = "/api/v1/municipalities/{slug}";

/** Text as the portal's templates write it into HTML. */
function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&#34;")
    .replaceAll("'", "&#39;");
}

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
  // The state of the stored documents: the edition (or report) they are made from.
  "/:slug/fortschreibungen/:number/dokumente": [`${M}/editions/{number}`],
  "/:slug/berichte": [`${M}/reports`, `${M}/meetings`, `${M}/bodies`],
  "/:slug/berichte/:report": [`${M}/reports/{report}`],
  "/:slug/berichte/:report/folien.pptx": [`${M}/reports/{report}`],
  "/:slug/berichte/:report/bericht.pdf": [`${M}/reports/{report}`],
  "/:slug/berichte/:report/dokumente": [`${M}/reports/{report}`],
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
  "/:slug/einbetten/projekte/:key": [`${M}/projects/{id}`],
  "/:slug/einbetten/aktionsfelder/:key": [`${M}/catalogue`],
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
      test = await openTestContext(dialect, { demo: "with-reports" });
      // Records beyond the demo: a published idea and a public member of a body.
      const municipalityId = (await getCatalogue(test.ctx, "kleve"))
        .municipality.id;
      const admin = buildPrincipal(municipalityId, {
        role: "admin",
        orgUnitCodes: [],
      });
      await changeParticipationSettings(test.ctx, admin, {
        municipality: "kleve",
        mode: "public",
        overdueDays: 14,
        retentionDays: 90,
      });
      const { id } = await submitItem(
        test.ctx,
        null,
        ANONYMOUS,
        {
          municipality: "kleve",
          kind: "idea",
          title: "Sitzungsunterlagen als offene Daten",
          body: "Die Vorlagen sollten maschinenlesbar erscheinen.",
          project: "",
          email: "",
          honeypot: "",
        },
        { ip: "198.51.100.30" },
      );
      const queued = (await getQueue(test.ctx, admin, "kleve")).items.find(
        (each) => each.item.id === id,
      );
      if (queued === undefined) throw new Error("idea not in the queue");
      await moderateItem(test.ctx, null, admin, {
        municipality: "kleve",
        id,
        expectedVersion: queued.version,
        publish: true,
        status: "",
        note: "",
        orgUnit: "",
        linkProject: "",
        linkMeasure: "",
        linkEdition: "",
        mergedInto: "",
      });
      await addMember(test.ctx, admin, {
        municipality: "kleve",
        bodyId: 1,
        data: {
          name: "Paula Öffentlich",
          group: "Bürgerschaft",
          isPublic: true,
        },
      });
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

    // A walk over every public page: it gets room on a busy machine.
    it("finds every record the portal shows in the API, and every record the API lists in the portal, saying the same", async () => {
      // Walk the public portal of Kleve; files and the pages of one project in an older
      // edition are recorded by their link, not fetched.
      const seen = new Set<string>();
      const queue = ["/kleve/"];
      const records = {
        projects: new Set<string>(),
        editions: new Set<number>(),
        reports: new Set<string>(),
        ideas: new Set<number>(),
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
          const idea = /^\/kleve\/ideen\/(\d+)$/.exec(link);
          if (project?.[1] !== undefined) records.projects.add(project[1]);
          if (edition?.[1] !== undefined)
            records.editions.add(Number(edition[1]));
          if (report?.[1] !== undefined) records.reports.add(report[1]);
          if (idea?.[1] !== undefined) records.ideas.add(Number(idea[1]));
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
      const portal = [...bodies.values()].join("\n");
      const page = (path: string): string => {
        const body = bodies.get(path);
        expect(body, `${path} not reached by the walk`).toBeDefined();
        return body ?? "";
      };

      const api = async (path: string): Promise<any> => {
        const response = await app.inject(
          `/api/v1/municipalities/kleve${path}`,
        );
        expect(response.statusCode, path).toBe(200);
        return response.json();
      };

      // Projects: the same set, each with its title and action field on its page.
      const catalogue = await api("/catalogue");
      const apiProjects = new Set<string>(
        (
          catalogue.impactAreas as {
            actionFields: { projects: { slug: string }[] }[];
          }[]
        ).flatMap((area) =>
          area.actionFields.flatMap((field) =>
            field.projects.map((each) => each.slug),
          ),
        ),
      );
      expect(apiProjects.size).toBeGreaterThan(0);
      expect(records.projects).toEqual(apiProjects);
      for (const slug of records.projects) {
        const detail = await api(`/projects/${slug}`);
        const html = page(`/kleve/projekte/${slug}`);
        expect(html, slug).toContain(escapeHtml(detail.project.title));
        expect(html, slug).toContain(escapeHtml(detail.actionField.name));
      }

      // Editions: the same set, each with its title on its page.
      const editions = (await api("/editions")).editions as {
        number: number;
        title: string;
      }[];
      expect(new Set(editions.map((each) => each.number))).toEqual(
        records.editions,
      );
      for (const edition of editions) {
        await api(`/editions/${edition.number}`);
        expect(page(`/kleve/fortschreibungen/${edition.number}`)).toContain(
          escapeHtml(edition.title),
        );
      }

      // Reports: every one linked is in the API, every one in the API is linked, and the
      // report page names the body and the day of the meeting the API names.
      const reports = (await api("/reports")).reports as {
        id: number;
        meeting: { date: string };
      }[];
      expect(reports.length).toBeGreaterThanOrEqual(2);
      const sameReport = (
        link: string,
        each: { id: number; meeting: { date: string } },
      ) => String(each.id) === link || each.meeting.date === link;
      for (const report of records.reports)
        expect(
          reports.some((each) => sameReport(report, each)),
          report,
        ).toBe(true);
      for (const report of reports) {
        const link = [...records.reports].find((each) =>
          sameReport(each, report),
        );
        expect(
          link,
          `report ${report.id} is linked in the portal`,
        ).toBeDefined();
        const detail = await api(`/reports/${report.id}`);
        const html = page(`/kleve/berichte/${link ?? ""}`);
        expect(html).toContain(escapeHtml(detail.meeting.body.name));
        const [year, month, day] = (detail.meeting.date as string).split("-");
        expect(html).toContain(`${day}.${month}.${year}`);
      }

      // Bodies and their public members: named in the portal as in the API.
      const apiBodies = (await api("/bodies")).bodies as {
        name: string;
        members: { name: string }[];
      }[];
      expect(apiBodies.length).toBeGreaterThan(0);
      for (const body of apiBodies) {
        expect(portal).toContain(escapeHtml(body.name));
        for (const member of body.members)
          expect(portal).toContain(escapeHtml(member.name));
      }

      // Published ideas: the same set, each with its title on its page.
      const ideas = (await api("/ideas")).items as {
        id: number;
        title: string | null;
      }[];
      expect(ideas.length).toBeGreaterThan(0);
      expect(new Set(ideas.map((each) => each.id))).toEqual(records.ideas);
      for (const idea of ideas)
        expect(page(`/kleve/ideen/${idea.id}`)).toContain(
          escapeHtml(idea.title ?? ""),
        );

      // Key figures are shown, not linked: every name on the figures page is in the API,
      // with its latest value up to today.
      const figuresPage = page("/kleve/kennzahlen");
      const indicators = (await api("/indicators")).indicators as {
        key: string;
        definition: { name: string };
      }[];
      expect(indicators.length).toBeGreaterThan(0);
      for (const indicator of indicators)
        expect(figuresPage).toContain(escapeHtml(indicator.definition.name));
    }, 180_000);
  },
);
