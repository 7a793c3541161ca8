import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  attributeValues,
  countOccurrences,
  elementById,
  openWebApp,
  textOf,
  type WebTestApp,
} from "./support/web-app.js";

/** The full programme timeline's SVG markup. */
function timelineSvg(html: string): string {
  const start = html.indexOf(
    'class="app-timeline-chart app-timeline-chart--full"',
  );
  expect(start).toBeGreaterThan(-1);
  return html.slice(
    html.lastIndexOf("<svg", start),
    html.indexOf("</svg>", start) + 6,
  );
}

/** The timeline table's markup. */
function timelineTable(html: string): string {
  return elementById(html, "zeitstrahl-tabelle");
}

describe.each(WEB_DIALECTS)("portal on %s", (dialect) => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await openWebApp(dialect);
  });

  afterAll(async () => {
    await web.close();
  });

  describe("start page", () => {
    it("redirects to the only municipality", async () => {
      const response = await web.app.inject("/");
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe("/kleve/");
    });

    it("keeps the language when redirecting", async () => {
      const response = await web.app.inject("/?lang=en");
      expect(response.headers.location).toBe("/kleve/?lang=en");
    });

    it("redirects a municipality without trailing slash permanently", async () => {
      const response = await web.app.inject("/kleve?lang=en");
      expect(response.statusCode).toBe(301);
      expect(response.headers.location).toBe("/kleve/?lang=en");
    });

    it("answers an unknown municipality without trailing slash with 404", async () => {
      const response = await web.app.inject("/atlantis");
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain("Seite nicht gefunden");
    });

    it("answers a path that cannot be a municipality with 404 without asking the database", async () => {
      const response = await web.app.inject("/favicon.ico");
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
    });
  });

  describe("programme overview", () => {
    it("lists 42 projects in 6 action fields of 2 impact areas", async () => {
      const response = await web.app.inject("/kleve/");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      const html = response.body;
      expect(countOccurrences(html, 'class="app-project-list__item"')).toBe(42);
      expect(attributeValues(html, "data-action-field")).toHaveLength(6);
      expect(textOf(html)).toContain(
        "42 Projekte in 6 Aktionsfeldern und 2 Wirkungsbereichen",
      );
      expect(textOf(html)).toContain("23 Projekte in 3 Aktionsfeldern");
    });

    it("shows title, goals, the latest priorities and statuses in German", async () => {
      const html = (await web.app.inject("/kleve/")).body;
      const text = textOf(html);
      expect(text).toContain("kleve.digital 2030");
      expect(text).toContain(
        "Maßnahmenkatalog Digitalisierung – 2. Fortschreibung",
      );
      expect(text).toContain("Leitbild und Ziele");
      expect(text).toContain("Prioritäten 2022");
      expect(text).toContain("Neue Internetseite");
      expect(text).toContain("in Umsetzung");
      expect(text).toContain("ab 2020, laufend");
      expect(html).toContain('href="/kleve/zeitstrahl"');
      expect(html).toContain('href="/kleve/suche"');
    });

    it("draws each action field's colour as an SVG fill", async () => {
      const html = (await web.app.inject("/kleve/")).body;
      expect(html).toContain('fill="#1d4f91"');
      expect(html).toContain('fill="#00676b"');
    });

    it("switches the interface to English with lang=en and keeps it in links", async () => {
      const response = await web.app.inject("/kleve/?lang=en");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<html lang="en">');
      expect(textOf(response.body)).toContain(
        "42 projects in 6 action fields and 2 impact areas",
      );
      expect(response.body).toContain('href="/kleve/zeitstrahl?lang=en"');
      expect(response.body).toContain('href="/kleve/"');
      expect(response.body).toContain(">Deutsch<");
    });

    it("treats an unknown language as German", async () => {
      const response = await web.app.inject("/kleve/?lang=fr");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<html lang="de">');
    });

    it("answers an unknown municipality with a German 404 page", async () => {
      const response = await web.app.inject("/atlantis/");
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toContain("Seite nicht gefunden");
      expect(response.body).toContain(
        "Diese Kommune ist hier nicht eingetragen.",
      );
      expect(response.headers.etag).toBeUndefined();
      expect(response.headers["cache-control"]).toBe("no-store");
    });

    it("refuses a repeated query parameter with a 400 page", async () => {
      const response = await web.app.inject("/kleve/?lang=de&lang=en&lang=x");
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("Ungültige Eingabe");
    });
  });

  describe("project page", () => {
    it("shows that E-Rechnungsworkflow depends on the document management system", async () => {
      const response = await web.app.inject(
        "/kleve/projekte/e-rechnungsworkflow",
      );
      expect(response.statusCode).toBe(200);
      const dependsOn = elementById(response.body, "haengt-ab-von");
      expect(textOf(dependsOn)).toContain("Hängt ab von");
      expect(textOf(dependsOn)).toContain("2.1 Dokumentenmanagementsystem");
      expect(dependsOn).toContain(
        'href="/kleve/projekte/dokumentenmanagementsystem"',
      );
    });

    it("lists E-Rechnungsworkflow as a project the DMS is a prerequisite for", async () => {
      const response = await web.app.inject(
        "/kleve/projekte/dokumentenmanagementsystem",
      );
      expect(response.statusCode).toBe(200);
      const prerequisiteFor = elementById(response.body, "voraussetzung-fuer");
      expect(textOf(prerequisiteFor)).toContain("Voraussetzung für");
      expect(textOf(prerequisiteFor)).toContain("E-Rechnungsworkflow");
      expect(prerequisiteFor).toContain(
        'href="/kleve/projekte/e-rechnungsworkflow"',
      );
    });

    it("shows breadcrumbs, phases, a small timeline, measures and responsibilities", async () => {
      const html = (await web.app.inject("/kleve/projekte/e-rechnungsworkflow"))
        .body;
      const text = textOf(html);
      const start = html.indexOf('<nav class="app-breadcrumbs"');
      const breadcrumbs = textOf(
        html.slice(start, html.indexOf("</nav>", start)),
      );
      expect(breadcrumbs).toBe(
        "Stadt Kleve Digitale Verwaltung Smart Working E-Rechnungsworkflow",
      );
      expect(text).toContain("2.5 E-Rechnungsworkflow");
      expect(text).toContain("Einführung: QIV/2021–2023");
      expect(text).toContain("Laufender Support: ab 2024, laufend");
      expect(html).toContain(
        'class="app-timeline-chart app-timeline-chart--compact"',
      );
      expect(text).toContain(
        "Einführung des SAP-Rechnungsworkflows XSuite Invoice",
      );
      expect(text).toContain("Abteilung 10.1 – IT federführend");
      expect(text).toContain("Fachbereich 20 beteiligt");
    });

    it("answers an unknown project with a German 404 page", async () => {
      const response = await web.app.inject("/kleve/projekte/gibt-es-nicht");
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain(
        "Dieses Projekt gibt es im Maßnahmenkatalog nicht.",
      );
    });

    it("answers a malformed project slug with 404", async () => {
      const response = await web.app.inject("/kleve/projekte/Nicht_Gueltig");
      expect(response.statusCode).toBe(404);
    });

    it("answers a project of an unknown municipality with 404", async () => {
      const response = await web.app.inject(
        "/atlantis/projekte/e-rechnungsworkflow",
      );
      expect(response.statusCode).toBe(404);
    });
  });

  describe("timeline", () => {
    it("draws every project as a row of an accessible SVG and lists it in the table", async () => {
      const response = await web.app.inject("/kleve/zeitstrahl");
      expect(response.statusCode).toBe(200);
      const svg = timelineSvg(response.body);
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/<title id="zeitstrahl-titel">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="zeitstrahl-beschreibung">[^<]+<\/desc>/);
      expect(attributeValues(svg, "data-project")).toHaveLength(42);
      expect(
        attributeValues(timelineTable(response.body), "data-project"),
      ).toHaveLength(42);
      expect(svg).toContain(
        "2.5 E-Rechnungsworkflow – Einführung: QIV/2021–2023",
      );
      // The test clock stands on 28 November 2022: the today line is drawn.
      expect(svg).toContain(">heute<");
    });

    it("shows only the projects of the chosen action field, in chart and table alike", async () => {
      const catalogue = await getCatalogue(web.ctx, "kleve");
      const expected = listProjects(catalogue)
        .filter((entry) => entry.actionField.key === "smart-working")
        .map((entry) => entry.project.slug);
      expect(expected.length).toBeGreaterThan(1);

      const response = await web.app.inject(
        "/kleve/zeitstrahl?aktionsfeld=smart-working",
      );
      expect(response.statusCode).toBe(200);
      expect(
        attributeValues(timelineSvg(response.body), "data-project"),
      ).toEqual(expected);
      expect(
        attributeValues(timelineTable(response.body), "data-project"),
      ).toEqual(expected);
      expect(response.body).toContain(
        '<option value="smart-working" selected>',
      );
    });

    it("filters by responsible unit and by status", async () => {
      const byUnit = await web.app.inject("/kleve/zeitstrahl?einheit=20");
      expect(byUnit.statusCode).toBe(200);
      expect(
        attributeValues(timelineTable(byUnit.body), "data-project"),
      ).toContain("e-rechnungsworkflow");
      expect(
        attributeValues(timelineTable(byUnit.body), "data-project"),
      ).not.toContain("mobile-office");

      const byStatus = await web.app.inject("/kleve/zeitstrahl?status=ongoing");
      const slugs = attributeValues(
        timelineTable(byStatus.body),
        "data-project",
      );
      expect(slugs).toContain("mobile-office");
      expect(slugs).not.toContain("e-rechnungsworkflow");
    });

    it("treats empty filter values as no filter", async () => {
      const response = await web.app.inject(
        "/kleve/zeitstrahl?aktionsfeld=&einheit=&status=",
      );
      expect(response.statusCode).toBe(200);
      expect(
        attributeValues(timelineTable(response.body), "data-project"),
      ).toHaveLength(42);
    });

    it("answers unknown filter values with a 400 page that says what is wrong", async () => {
      const response = await web.app.inject(
        "/kleve/zeitstrahl?aktionsfeld=mondfahrt&status=fertig",
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.headers.etag).toBeUndefined();
      const text = textOf(response.body);
      expect(text).toContain("Diese Auswahl ist nicht möglich.");
      expect(text).toContain(
        "Das Aktionsfeld „mondfahrt“ gibt es in diesem Katalog nicht.",
      );
      expect(text).toContain("Den Status „fertig“ gibt es nicht.");
      expect(response.body).not.toContain("app-timeline-chart--full");
    });

    it("escapes filter values it repeats", async () => {
      const response = await web.app.inject(
        "/kleve/zeitstrahl?einheit=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      );
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toContain("<script>alert(1)</script>");
      expect(response.body).toContain("&lt;script>alert(1)&lt;/script>");
    });

    it("answers the timeline of an unknown municipality with 404", async () => {
      expect((await web.app.inject("/atlantis/zeitstrahl")).statusCode).toBe(
        404,
      );
    });
  });

  describe("search", () => {
    it("shows only the form for an empty query", async () => {
      const response = await web.app.inject("/kleve/suche");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('name="q"');
      expect(response.body).not.toContain("app-search-results");
    });

    it("finds E-Rechnungsworkflow for „rechnung“", async () => {
      const response = await web.app.inject("/kleve/suche?q=rechnung");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(
        'href="/kleve/projekte/e-rechnungsworkflow"',
      );
      expect(textOf(response.body)).toContain("E-Rechnungsworkflow");
    });

    it.each(["Buergerbuero", "bürgerbüro"])(
      "finds Digitales Bürgerbüro for „%s“",
      async (query) => {
        const response = await web.app.inject(
          `/kleve/suche?q=${encodeURIComponent(query)}`,
        );
        expect(response.statusCode).toBe(200);
        expect(textOf(response.body)).toContain("Digitales Bürgerbüro");
      },
    );

    it("refuses an overlong query with a 400 page and the catalogue's message", async () => {
      const response = await web.app.inject(
        `/kleve/suche?q=${"a".repeat(201)}`,
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers.etag).toBeUndefined();
      expect(response.body).toContain(
        "Bitte geben Sie einen Suchbegriff mit höchstens 200 Zeichen ein.",
      );
    });

    it("answers the search of an unknown municipality with 404", async () => {
      expect(
        (await web.app.inject("/atlantis/suche?q=rechnung")).statusCode,
      ).toBe(404);
    });
  });

  describe("caching", () => {
    it.each([
      "/kleve/",
      "/kleve/projekte/e-rechnungsworkflow",
      "/kleve/zeitstrahl",
      "/kleve/suche?q=rechnung",
    ])(
      "sends ETag and Cache-Control on %s and answers 304 to a matching If-None-Match",
      async (url) => {
        const first = await web.app.inject(url);
        expect(first.statusCode).toBe(200);
        const etag = first.headers.etag;
        expect(etag).toMatch(/^"\d+-[\w-]+"$/);
        expect(first.headers["cache-control"]).toBe("public, max-age=60");

        const second = await web.app.inject({
          url,
          headers: { "if-none-match": String(etag) },
        });
        expect(second.statusCode).toBe(304);
        expect(second.body).toBe("");
        expect(second.headers.etag).toBe(etag);
      },
    );

    it("gives each language and each filter its own ETag", async () => {
      const tags = await Promise.all(
        [
          "/kleve/zeitstrahl",
          "/kleve/zeitstrahl?lang=en",
          "/kleve/zeitstrahl?status=planned",
        ].map(async (url) => (await web.app.inject(url)).headers.etag),
      );
      expect(new Set(tags).size).toBe(3);
    });

    it("renders again when the ETag does not match", async () => {
      const response = await web.app.inject({
        url: "/kleve/",
        headers: { "if-none-match": '"0-veraltet"' },
      });
      expect(response.statusCode).toBe(200);
    });
  });

  describe("unknown pages", () => {
    it("answers an unknown path with a German 404 page", async () => {
      const response = await web.app.inject("/kleve/gibt/es/nicht");
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toContain("Seite nicht gefunden");
    });

    it("answers an unknown asset with 404", async () => {
      expect(
        (await web.app.inject("/assets/gibt-es-nicht.css")).statusCode,
      ).toBe(404);
    });

    it("serves the stylesheet and the script", async () => {
      const css = await web.app.inject("/assets/app.css");
      expect(css.statusCode).toBe(200);
      expect(css.headers["content-type"]).toMatch(/^text\/css/);
      const js = await web.app.inject("/assets/app.js");
      expect(js.statusCode).toBe(200);
      expect(js.headers["content-type"]).toMatch(/javascript/);
    });
  });
});

describe.each(WEB_DIALECTS)(
  "portal without municipalities on %s",
  (dialect) => {
    let web: WebTestApp;

    beforeAll(async () => {
      web = await openWebApp(dialect, { demo: false });
    });

    afterAll(async () => {
      await web.close();
    });

    it("shows an empty list on the start page instead of redirecting", async () => {
      const response = await web.app.inject("/");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("Es ist noch keine Kommune eingetragen.");
      expect(response.headers.etag).toBeDefined();
    });
  },
);
