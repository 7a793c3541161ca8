/**
 * Every portal page meets WCAG 2.1 AA as far as axe can tell, for readers with and
 * without JavaScript (BITV 2.0 makes this a duty of the municipality), including the page
 * a reader gets while a document is still being built. A failure lists
 * each rule with the elements that break it, so that the markup can be fixed directly.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DocumentMaker } from "../../src/app/documents/published-documents.js";
import {
  findAccessibilityViolations,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

/** A published document whose build never finishes during the walk: its URL shows "Dokument wird erstellt …". */
const HELD_DOCUMENT = "/kleve/fortschreibungen/2/katalog.pdf";

/** Builds of the held document wait here until the rig closes; then they fail unfinished. */
const HELD: (() => void)[] = [];

/** The app's document maker with the catalogue PDF of the 2. Fortschreibung held. */
function holdingCataloguePdf(maker: DocumentMaker): DocumentMaker {
  return {
    sourceKey: (slug, subject, kind) => maker.sourceKey(slug, subject, kind),
    async make(slug, subject, kind) {
      if (subject.type === "edition" && subject.key === "2" && kind === "pdf") {
        await new Promise<void>((release) => HELD.push(release));
        throw new Error("held for the accessibility walk");
      }
      return maker.make(slug, subject, kind);
    },
  };
}

/** The portal's pages, each with the status it must answer with. */
const PAGES = [
  {
    name: "the start page (redirects to the only municipality)",
    path: "/",
    status: 200,
  },
  { name: "the programme overview", path: "/kleve/", status: 200 },
  { name: "the overview in English", path: "/kleve/?lang=en", status: 200 },
  {
    name: "a project with a dependency",
    path: "/kleve/projekte/e-rechnungsworkflow",
    status: 200,
  },
  {
    name: "a project that others depend on",
    path: "/kleve/projekte/dokumentenmanagementsystem",
    status: 200,
  },
  { name: "the timeline", path: "/kleve/zeitstrahl", status: 200 },
  {
    name: "the timeline filtered by action field",
    path: "/kleve/zeitstrahl?aktionsfeld=smart-working",
    status: 200,
  },
  {
    name: "the timeline with a filter that matches nothing",
    path: "/kleve/zeitstrahl?aktionsfeld=partizipation&status=paused",
    status: 200,
  },
  {
    name: "the timeline with an invalid filter",
    path: "/kleve/zeitstrahl?aktionsfeld=gibt-es-nicht",
    status: 400,
  },
  {
    name: "the state of an edition's documents",
    path: "/kleve/fortschreibungen/2/dokumente",
    status: 200,
  },
  {
    name: "the state of a report's documents",
    path: "/kleve/berichte/1/dokumente",
    status: 200,
  },
  { name: "the empty search form", path: "/kleve/suche", status: 200 },
  { name: "search results", path: "/kleve/suche?q=rechnung", status: 200 },
  {
    name: "a search without hits",
    path: "/kleve/suche?q=xylophon",
    status: 200,
  },
  {
    // The build of this document is held (see HELD), so the reader gets the progress page.
    name: "the progress page while a document is built",
    path: HELD_DOCUMENT,
    status: 202,
  },
  { name: "an unknown page", path: "/kleve/gibt-es-nicht", status: 404 },
  {
    name: "an unknown project",
    path: "/kleve/projekte/gibt-es-nicht",
    status: 404,
  },
] as const;

let rig: BrowserRig;

beforeAll(async () => {
  // With Kleve's status reports, for the page of a report's documents.
  rig = await openBrowserRig({
    wrapDocumentMaker: holdingCataloguePdf,
    demo: "with-reports",
  });
});

afterAll(async () => {
  for (const release of HELD.splice(0)) release();
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

describe.each(JAVASCRIPT_MODES)(
  "accessibility $mode",
  ({ javaScriptEnabled }) => {
    it.each(PAGES)(
      "$name ($path) has no axe violations",
      async ({ path, status }) => {
        const page = await rig.newPage(javaScriptEnabled);
        try {
          const response = await page.goto(path);
          expect(response?.status()).toBe(status);
          expect(await findAccessibilityViolations(page)).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  },
);

/** A page with three barriers axe must name: grey on white, a picture without words, a field without a label. */
const BROKEN_PAGE = `<!doctype html><html lang="de"><head><title>Mit Barrieren</title></head>
<body><main><h1>Mit Barrieren</h1>
<p><font color="#bbbbbb">Kaum lesbar</font></p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input type="text" name="ohne-beschriftung">
</main></body></html>`;

/** The axe rules BROKEN_PAGE breaks, one per barrier. */
const BROKEN_PAGE_RULES = ["color-contrast", "image-alt", "label"];

/** The rule of each finding (its first word), sorted. */
function ruleIds(found: readonly string[]): string[] {
  return found.map((text) => text.split(" ")[0]!).sort();
}

describe.each(JAVASCRIPT_MODES)(
  "the accessibility check itself $mode",
  ({ javaScriptEnabled }) => {
    it("names each barrier of a page with barriers, with the element that has it", async () => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        // Written into a page of the portal, so that it has the portal's origin (and its
        // content security policy, which refuses inline styles: hence the font element).
        await page.goto("/kleve/");
        await page.setContent(BROKEN_PAGE);
        const found = await findAccessibilityViolations(page);
        expect(ruleIds(found)).toEqual(BROKEN_PAGE_RULES);
        expect(found.join("\n")).toContain("Kaum lesbar");
      } finally {
        await page.close();
      }
    });

    it("names the barriers inside a frame of the page too", async () => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.goto("/kleve/");
        await page.setContent(
          `<!doctype html><html lang="de"><head><title>Mit Rahmen</title></head><body><main><h1>Mit Rahmen</h1><iframe title="Eingebettet" srcdoc="${BROKEN_PAGE.replaceAll('"', "&quot;")}"></iframe></main></body></html>`,
        );
        await expect.poll(() => page.frames().length).toBe(2);
        const found = await findAccessibilityViolations(page);
        expect(ruleIds(found)).toEqual(BROKEN_PAGE_RULES);
      } finally {
        await page.close();
      }
    });
  },
);
