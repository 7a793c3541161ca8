/**
 * Every page, public and staff, walked in Chromium (test/support/page-walk.ts: the routes
 * come from the app, their parameters from the demo's links):
 *  - on `?lang=en`, no German text outside an element marked `lang="de"` (WCAG 3.1.2):
 *    the interface is translated, the municipality's own content (names, titles,
 *    descriptions, reasons) is marked German. "German" is decided by the German
 *    dictionary values that differ from the English ones and a few German function words
 *    (test/support/german-text.ts); a failure names the page, the element and the text;
 *  - every page has a title of its own, in German and in English, and an error page's
 *    title starts with "Fehler:" ("Error:") (WCAG 2.4.2). The titles are the server's (no
 *    script sets one; the English walks with and without scripts are held to that), so the
 *    German ones are read on the walk without scripts: three walks, not four.
 * The walk runs with JavaScript, so that text the scripts add is read too, and without
 * it, so that what a reader without scripts gets (the server's HTML, `<noscript>` content)
 * is read as well. Axe runs on the pages in test/e2e/accessibility.test.ts.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  changeParticipationSettings,
  moderateItem,
  submitItem,
} from "../../src/app/participation/participation.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { addMember } from "../../src/app/reports/body-members.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { addReportSection } from "../../src/app/reports/report-sections.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { createTestUser } from "../support/accounts.js";
import { signInInBrowser } from "../support/browser-steps.js";
import {
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { germanEvidenceIn } from "../support/german-text.js";
import { routeCollector, walkPages, type Walk } from "../support/page-walk.js";
import { buildPrincipal } from "../support/principals.js";

let rig: BrowserRig;
const collector = routeCollector();

beforeAll(async () => {
  rig = await openBrowserRig({
    onRoute: collector.onRoute,
    demo: "with-reports",
  });
  // Ideas and feedback on, with one published idea, so that their pages are walked too.
  const kleveId = (await getCatalogue(rig.ctx, "kleve")).municipality.id;
  const moderator = buildPrincipal(kleveId, {
    role: "admin",
    orgUnitCodes: [],
  });
  await changeParticipationSettings(rig.ctx, moderator, {
    municipality: "kleve",
    mode: "public",
    overdueDays: 30,
    retentionDays: 180,
  });
  const idea = await submitItem(rig.ctx, null, ANONYMOUS, {
    municipality: "kleve",
    kind: "idea",
    title: "Sitzungsunterlagen als Podcast",
    body: "Die Tagesordnung zum Anhören, für alle, die unterwegs sind.",
    project: "",
    email: "",
    honeypot: "",
  });
  await moderateItem(rig.ctx, null, moderator, {
    municipality: "kleve",
    id: idea.id,
    expectedVersion: 1,
    publish: true,
    status: "",
    note: "",
    orgUnit: "",
    linkProject: "",
    linkMeasure: "",
    linkEdition: "",
    mergedInto: "",
  });
});

afterAll(async () => {
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

/** An administrator of Kleve, signed in through the login pages, with or without scripts. */
async function signedInAdministrator(
  javaScriptEnabled: boolean,
): Promise<Page> {
  const user = await createTestUser(rig.ctx, { role: "admin" });
  // A context of its own, so that each walk signs in afresh.
  const opener = await rig.newPage(true);
  const context = await opener
    .context()
    .browser()!
    .newContext({ baseURL: rig.baseUrl, locale: "de-DE", javaScriptEnabled });
  await opener.close();
  const page = await context.newPage();
  await signInInBrowser(rig, page, user, { landing: "/kleve/verwaltung/" });
  return page;
}

/**
 * Values for pages that no link leads to: from the demo data (the embeds' addresses are
 * shown as text), and a draft report with a free section and a body member, which the
 * demo has none of, so that their edit and confirmation pages are walked too.
 */
async function demoParameters(): Promise<Record<string, string>> {
  const { impactAreas, municipality } = await getCatalogue(rig.ctx, "kleve");
  const field = impactAreas[0]!.actionFields[0]!;
  const admin = buildPrincipal(municipality.id, {
    role: "admin",
    orgUnitCodes: [],
  });
  const meeting = await rig.ctx.db
    .selectFrom("meeting")
    .select(["id", "committee_id"])
    .where("municipality_id", "=", municipality.id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const draft = await createReport(rig.ctx, admin, {
    municipality: "kleve",
    data: { meetingId: meeting.id, asOf: "2022-12-01" },
  });
  const { version } = await rig.ctx.db
    .selectFrom("status_report")
    .select("version")
    .where("id", "=", draft.id)
    .executeTakeFirstOrThrow();
  const section = await addReportSection(rig.ctx, admin, {
    municipality: "kleve",
    reportId: draft.id,
    expectedVersion: version,
    kind: "introduction",
    data: {
      heading: "",
      text: "Einleitung",
      figureKeys: [],
      projectSlugs: [],
      question: "",
      unit: "count",
      answers: [],
    },
  });
  const member = await addMember(rig.ctx, admin, {
    municipality: "kleve",
    bodyId: meeting.committee_id,
    data: { name: "Mitglied", isPublic: false },
  });
  return {
    fieldKey: field.key,
    projectSlug: field.projects[0]!.slug,
    reportNumber: String(draft.number),
    sectionId: String(section.id),
    committeeId: String(meeting.committee_id),
    memberId: String(member.id),
  };
}

/**
 * Pages whose English version still shows German text that is ours: none. A page that
 * falls back into German fails the test; should one ever need to wait for its words, it
 * goes here, and the test fails again once it no longer needs its place.
 */
const NOT_YET_TRANSLATED: ReadonlySet<string> = new Set<string>([]);

/**
 * One walk per language and mode, shared by the tests below (each asks for it; the first
 * starts it). Without JavaScript, the contexts switch scripts off with Playwright's own
 * option: the walk reads each page synchronously and runs no axe, so the timers that
 * option stops (see test/support/browser.ts) are never needed.
 */
const walks = new Map<string, Promise<Walk>>();
function walk(
  language: "de" | "en",
  javaScriptEnabled: boolean,
): Promise<Walk> {
  const key = `${language} ${String(javaScriptEnabled)}`;
  let started = walks.get(key);
  if (started === undefined) {
    started = (async () => {
      const staff = await signedInAdministrator(javaScriptEnabled);
      // Anonymous pages in a context of their own, so that the staff session never shows there.
      const anonymousContext = await staff.context().browser()!.newContext({
        baseURL: rig.baseUrl,
        locale: "de-DE",
        javaScriptEnabled,
      });
      const anonymous = await anonymousContext.newPage();
      try {
        return await walkPages({
          routes: collector.routes,
          baseUrl: rig.baseUrl,
          anonymous,
          staff,
          seeds: ["/", "/kleve/", "/kleve/verwaltung/", "/konto"],
          language,
          parameters: await demoParameters(),
        });
      } finally {
        await anonymousContext.close();
        await staff.context().close();
      }
    })();
    walks.set(key, started);
  }
  return started;
}

describe.each(JAVASCRIPT_MODES)("every page $mode", ({ javaScriptEnabled }) => {
  it("walks every page route of the app", async () => {
    const { pages, unreached } = await walk("en", javaScriptEnabled);
    expect(unreached).toEqual([]);
    expect(pages.length).toBeGreaterThan(40);
  }, 600_000);

  it('shows no German outside lang="de" on ?lang=en pages', async () => {
    const { pages } = await walk("en", javaScriptEnabled);
    const german: string[] = [];
    const stillGerman = new Set<string>();
    for (const page of pages) {
      for (const { text, where } of page.texts) {
        const evidence = germanEvidenceIn(text);
        if (evidence === null) continue;
        stillGerman.add(page.route);
        if (!NOT_YET_TRANSLATED.has(page.route))
          german.push(
            `${page.path} (${page.route}) ${where}: "${text.slice(0, 160)}" [${evidence}]`,
          );
      }
    }
    expect(german).toEqual([]);
    // A page translated since: take it off the list, so that it stays translated.
    expect(
      [...NOT_YET_TRANSLATED].filter((route) => !stillGerman.has(route)),
    ).toEqual([]);
  }, 600_000);

  // German titles are read on the walk without scripts only: no script of the app sets a
  // title (the test below holds the English walks with and without scripts to that).
  it.each(javaScriptEnabled ? (["en"] as const) : (["de", "en"] as const))(
    "gives every page its own title (%s), and error pages one that starts with the error word",
    async (language) => {
      const { pages } = await walk(language, javaScriptEnabled);
      const errorWord = language === "de" ? "Fehler: " : "Error: ";
      const problems: string[] = [];
      const byTitle = new Map<string, Set<string>>();
      for (const page of pages) {
        if (page.status >= 400) {
          if (!page.title.startsWith(errorWord))
            problems.push(
              `${page.path} (${page.status}): "${page.title}" does not start with "${errorWord}"`,
            );
          continue;
        }
        // A redirect to a page walked already (e.g. "/kleve" → "/kleve/") is that page.
        const pagesWithTitle = byTitle.get(page.title) ?? new Set<string>();
        pagesWithTitle.add(page.finalPath.split("?")[0]!);
        byTitle.set(page.title, pagesWithTitle);
      }
      for (const [title, paths] of byTitle)
        if (paths.size > 1)
          problems.push(`"${title}" is the title of ${[...paths].join(", ")}`);
      expect(problems).toEqual([]);
    },
    600_000,
  );
});

it("gives each page the same title with and without scripts", async () => {
  const [withScripts, withoutScripts] = await Promise.all([
    walk("en", true),
    walk("en", false),
  ]);
  const titleWithoutScripts = new Map(
    withoutScripts.pages.map((page) => [page.path, page.title]),
  );
  const compared = withScripts.pages.filter((page) =>
    titleWithoutScripts.has(page.path),
  );
  expect(compared.length).toBeGreaterThan(40);
  expect(
    compared
      .filter((page) => page.title !== titleWithoutScripts.get(page.path))
      .map(
        (page) =>
          `${page.path}: "${page.title}" with scripts, "${titleWithoutScripts.get(page.path)}" without`,
      ),
  ).toEqual([]);
}, 600_000);
