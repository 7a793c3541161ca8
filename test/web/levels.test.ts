/**
 * A flat municipality (Thema → Vorhaben → Schritt) reads its own level names on the
 * overview, a project page, the timeline and the structure editor, never Kleve's, and
 * adds a topic without choosing an impact area (docs/adr/0029).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, postForm, signIn } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  FLAT_PROJECT,
  importFlatProgramme,
  KLEVE_LEVEL_WORDS,
} from "../support/flat-programme.js";
import { openWebApp, textOf, type WebTestApp } from "./support/web-app.js";

function expectNoKleveLevels(text: string): void {
  for (const word of KLEVE_LEVEL_WORDS) expect(text).not.toContain(word);
}

/** The visible text of the breadcrumb navigation. */
function breadcrumbs(html: string): string {
  const match = /<nav[^>]*class="app-breadcrumbs"[\s\S]*?<\/nav>/u.exec(html);
  expect(match).not.toBeNull();
  return textOf(match?.[0] ?? "");
}

describe.each(WEB_DIALECTS)(
  "a flat programme with its own level names on %s",
  (dialect) => {
    let web: WebTestApp;
    let cookie: string;
    const slug = `flachland-${dialect}`;

    beforeAll(async () => {
      web = await openWebApp(dialect);
      await importFlatProgramme(web.ctx, slug);
      const admin = await createTestUser(web.ctx, {
        role: "admin",
        municipalitySlug: slug,
      });
      cookie = await signIn(web.app, admin);
    }, 120_000);
    afterAll(async () => web?.close());

    it("lists topics and projects on the overview without a top level", async () => {
      for (const lang of ["", "?lang=en"]) {
        const page = await web.app.inject({ url: `/${slug}/${lang}` });
        expect(page.statusCode).toBe(200);
        const text = textOf(page.body);
        expect(text).toContain("Thema 1");
        // Another test of this file may have added a topic already.
        expect(text).toMatch(/2 Vorhaben in [23] Themen/);
        expect(page.body).not.toContain("app-impact-area");
        expect(page.body).not.toContain('id="wirkungsbereich-');
        expectNoKleveLevels(text);
      }
    });

    it("leads from a project page's breadcrumb straight to its topic", async () => {
      const page = await web.app.inject({
        url: `/${slug}/projekte/${FLAT_PROJECT}`,
      });
      expect(page.statusCode).toBe(200);
      const crumbs = breadcrumbs(page.body);
      expect(crumbs).toContain("Gemeinde Flachland");
      expect(crumbs).toContain("E-Akte");
      expect(crumbs).not.toContain("Digitales Flachland");
      const text = textOf(page.body);
      expect(text).toContain("Schritte");
      expect(text).toContain("Thema 1");
      expectNoKleveLevels(text);
    });

    it("filters the timeline by topic and groups it without the hidden level", async () => {
      const page = await web.app.inject({ url: `/${slug}/zeitstrahl` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(
        /<label class="app-label" for="filter-aktionsfeld">\s*Thema\s*<\/label>/u,
      );
      expect(page.body).not.toContain("<optgroup");
      const text = textOf(page.body);
      expect(text).toContain("Vorhaben auswählen");
      expect(text).not.toContain("Digitales Flachland ›");
      expectNoKleveLevels(text);
      const empty = await web.app.inject({
        url: `/${slug}/zeitstrahl?status=paused`,
      });
      expect(textOf(empty.body)).toContain("Vorhaben");
      expectNoKleveLevels(textOf(empty.body));
    });

    it("guides the new municipality without an impact-area step", async () => {
      const page = await web.app.inject({
        url: `/${slug}/verwaltung/`,
        headers: { cookie },
      });
      expect(page.statusCode).toBe(200);
      const text = textOf(page.body);
      expect(text).toContain("Vorhaben");
      expectNoKleveLevels(text);
    });

    it("edits topics in the structure editor and adds one without an impact area", async () => {
      const page = await web.app.inject({
        url: `/${slug}/verwaltung/struktur`,
        headers: { cookie },
      });
      expect(page.statusCode).toBe(200);
      const text = textOf(page.body);
      expect(text).toContain("Neues Thema");
      expect(page.body).not.toContain('name="wirkungsbereich"');
      expectNoKleveLevels(text);

      const created = await postForm(
        web.app,
        cookie,
        `/${slug}/verwaltung/struktur/aktionsfelder`,
        {
          schluessel: "ozg",
          nummer: "3",
          name: "Onlinezugang",
          farbe: "#6f2da8",
          beschreibung: "",
          grund: "",
        },
        { csrfFrom: `/${slug}/verwaltung/struktur` },
      );
      expect(created.statusCode).toBe(303);
      const saved = await web.app.inject({
        url: String(created.headers.location),
        headers: { cookie },
      });
      expect(textOf(saved.body)).toContain("Das Thema wurde gespeichert.");
      expectNoKleveLevels(textOf(saved.body));
      const overview = await web.app.inject({
        url: `/${slug}/`,
        headers: { cookie },
      });
      expect(textOf(overview.body)).toContain("Onlinezugang");
      expect(overview.body).not.toContain("app-impact-area");
    });
  },
);
