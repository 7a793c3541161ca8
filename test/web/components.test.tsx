/**
 * Components and pages rendered from a hand-made catalogue, without database or HTTP:
 * what the timeline draws, and that catalogue text is always escaped.
 */
import { describe, expect, it } from "vitest";
import {
  findProject,
  listProjects,
} from "../../src/domain/catalogue/catalogue.js";
import { NO_FILTER } from "../../src/domain/catalogue/catalogue-filter.js";
import { dayNumberOf } from "../../src/domain/calendar/calendar.js";
import { TimelineChart } from "../../src/web/components/timeline-chart/timeline-chart.js";
import { createViewContext } from "../../src/web/components/view.js";
import { ProgrammePage } from "../../src/web/portal/programme-page.js";
import { ProjectPage } from "../../src/web/portal/project-page.js";
import { SearchPage } from "../../src/web/portal/search-page.js";
import { TimelinePage } from "../../src/web/portal/timeline-page.js";
import { buildProgrammeTimeline } from "../../src/web/portal/timeline.presenter.js";
import {
  buildCatalogue,
  buildPhase,
  buildProject,
} from "../support/catalogue-fixture.js";

const german = createViewContext("de");
const TODAY = dayNumberOf(2022, 11, 28);

async function renderChart(
  catalogue = buildCatalogue(),
  today = TODAY,
): Promise<string> {
  const model = buildProgrammeTimeline(catalogue, today, "de");
  return await (
    <TimelineChart
      view={german}
      layout={model.layout}
      idPrefix="test"
      variant="full"
      title="Zeitstrahl"
      description="Beschreibung"
      describeBar={model.describeBar}
    />
  );
}

/** The markup of one project's row in the chart. */
function rowOf(svg: string, slug: string): string {
  const start = svg.indexOf(`data-project="${slug}"`);
  expect(start).toBeGreaterThan(-1);
  const next = svg.indexOf('class="app-timeline-chart__row"', start);
  return svg.slice(start, next === -1 ? undefined : next);
}

/** The x attribute of the first bar in a row. */
function firstBarX(row: string): number {
  return Number(/<rect x="([\d.]+)"/.exec(row)?.[1]);
}

describe("TimelineChart", () => {
  it("is one image with a title and a description for assistive technology", async () => {
    const svg = await renderChart();
    expect(svg).toMatch(
      /^<figure class="app-timeline-chart__figure"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="test-titel" aria-describedby="test-beschreibung">/,
    );
    expect(svg).toContain('<title id="test-titel">Zeitstrahl</title>');
    expect(svg).toContain('<desc id="test-beschreibung">Beschreibung</desc>');
  });

  it("gives every bar a tooltip with project, phase and period", async () => {
    const svg = await renderChart();
    expect(svg).toContain(
      "<title>2.5 E-Rechnungsworkflow – Einführung: QIV/2021–2023</title>",
    );
    expect(svg).toContain(
      "<title>2.1 Dokumentenmanagementsystem – Laufender Support: ab 2025, laufend</title>",
    );
  });

  it("starts a quarter-precise phase on its quarter line", async () => {
    const svg = await renderChart();
    // 300 px of labels, 70 px per year: QIV/2021 begins at 300 + 1.75 × 70 = 422.5, plus the 1 px gap.
    expect(firstBarX(rowOf(svg, "e-rechnungsworkflow"))).toBe(423.5);
    expect(firstBarX(rowOf(svg, "digitalisierungsstrategie"))).toBe(301);
    // Three quarter lines per year, each also marked on the axis (one path of marks).
    const marks =
      /class="app-timeline-chart__quarter-tick"[^>]* d="([^"]*)"/.exec(
        svg,
      )?.[1];
    expect(marks?.split("M").length).toBe(34);
    const lines = /class="app-timeline-chart__quarter"[^>]* d="([^"]*)"/.exec(
      svg,
    )?.[1];
    expect(lines?.split("M").length).toBe(34);
  });

  it("draws an open end fading out with an arrow, and a closed end without", async () => {
    const svg = await renderChart();
    const open = rowOf(svg, "dokumentenmanagementsystem");
    expect(open).toContain('fill="url(#test-ausblenden)"');
    // A veil, not an SVG mask (which a PDF holds as a page-sized picture).
    expect(svg).not.toContain("<mask");
    expect(open).toContain('class="app-timeline-chart__arrow"');
    const closed = rowOf(svg, "digitalisierungsstrategie");
    expect(closed).not.toContain("url(#test-ausblenden)");
    expect(closed).not.toContain("app-timeline-chart__arrow");
  });

  it("tells consecutive phases apart: solid first, hatched second", async () => {
    const row = rowOf(await renderChart(), "dokumentenmanagementsystem");
    const fills = [...row.matchAll(/ fill="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(fills.slice(0, 2)).toEqual(["#00676b", "url(#test-schraffur-1)"]);
  });

  it("dots a standing task", async () => {
    const row = rowOf(await renderChart(), "projektmarketing");
    expect(row).toContain('fill="url(#test-punkte-2)"');
  });

  it("draws the today line only when today lies within the horizon", async () => {
    expect(await renderChart()).toContain('class="app-timeline-chart__today"');
    expect(
      await renderChart(buildCatalogue(), dayNumberOf(2035, 1, 1)),
    ).not.toContain("app-timeline-chart__today");
  });

  it("labels each group with impact area and action field on a bar in the field colour", async () => {
    const svg = await renderChart();
    expect(svg).toContain(">Digitale Verwaltung › 2 Smart Working</text>");
    expect(svg).toContain('fill="#00676b"');
  });

  it("replaces a colour that is not #rrggbb with grey", async () => {
    const catalogue = buildCatalogue();
    const broken = {
      ...catalogue,
      impactAreas: catalogue.impactAreas.map((area) => ({
        ...area,
        actionFields: area.actionFields.map((field) => ({
          ...field,
          colour: 'red" onload="alert(1)',
        })),
      })),
    };
    const svg = await renderChart(broken);
    expect(svg).not.toContain("onload");
    expect(svg).toContain('fill="#505a5f"');
  });
});

describe("pages escape catalogue text", () => {
  const attack = '<script>alert("x")</script>';
  const catalogue = buildCatalogue();
  const hostile = {
    ...catalogue,
    municipality: { ...catalogue.municipality, name: attack },
    programme: {
      ...catalogue.programme,
      title: attack,
      summary: attack,
      goals: [{ title: attack, description: attack }],
    },
    impactAreas: catalogue.impactAreas.map((area) => ({
      ...area,
      name: attack,
      actionFields: area.actionFields.map((field) => ({
        ...field,
        name: attack,
        projects: field.projects.map((project) => ({
          ...project,
          title: attack,
          summary: attack,
          tags: [attack],
          measures: [{ id: 1, title: attack, status: "planned" as const }],
          phases: [buildPhase({ label: attack, note: attack })],
        })),
      })),
    })),
  };

  const renderAll = async (): Promise<readonly string[]> => {
    const entry = findProject(hostile, "e-rechnungsworkflow")!;
    return Promise.all([
      (async () =>
        await (
          <ProgrammePage
            view={german}
            requestUrl="/musterstadt/"
            catalogue={hostile}
          />
        ))(),
      (async () =>
        await (
          <ProjectPage
            view={german}
            requestUrl="/x"
            catalogue={hostile}
            entry={entry}
            dependents={listProjects(hostile)}
            today={TODAY}
          />
        ))(),
      (async () =>
        await (
          <TimelinePage
            view={german}
            requestUrl="/x"
            catalogue={hostile}
            filtered={hostile}
            filter={NO_FILTER}
            today={TODAY}
            problems={undefined}
          />
        ))(),
      (async () =>
        await (
          <SearchPage
            view={german}
            requestUrl="/x"
            catalogue={hostile}
            query={attack}
            result={{
              query: attack,
              hits: [
                {
                  kind: "measure",
                  projectSlug: "e-rechnungsworkflow",
                  projectCode: "2.5",
                  projectTitle: attack,
                  impactAreaName: attack,
                  actionFieldName: attack,
                  actionFieldColour: "#00676b",
                  title: attack,
                  excerpt: attack,
                },
              ],
            }}
          />
        ))(),
    ]);
  };

  it("never lets a title, summary, label or query become markup", async () => {
    for (const html of await renderAll()) {
      // Inside a double-quoted attribute only a quote could break out, and kitajs escapes it.
      const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes).not.toContain("<script>alert");
      expect(html).toContain("&lt;script>alert");
      expect(html).not.toContain('alert("x")');
    }
  });
});

describe("project page", () => {
  it("says so when a project has no phases, measures or responsibilities", async () => {
    const catalogue = buildCatalogue();
    const entry = findProject(catalogue, "digitales-buergerbuero")!;
    const empty = {
      ...entry,
      project: buildProject({
        ...entry.project,
        phases: [],
        measures: [],
        responsibilities: [],
      }),
    };
    const html = await (
      <ProjectPage
        view={german}
        requestUrl="/x"
        catalogue={catalogue}
        entry={empty}
        dependents={[]}
        today={TODAY}
      />
    );
    expect(html).toContain(
      "Für dieses Projekt ist noch kein Zeitplan eingetragen.",
    );
    expect(html).toContain(
      "Für dieses Projekt sind keine Einzelmaßnahmen eingetragen.",
    );
    expect(html).toContain("Es ist keine Zuständigkeit eingetragen.");
    expect(html).not.toContain("app-timeline-chart");
  });

  it("marks catalogue text as German on an English page", async () => {
    const catalogue = buildCatalogue();
    const entry = findProject(catalogue, "e-rechnungsworkflow")!;
    const html = await (
      <ProjectPage
        view={createViewContext("en")}
        requestUrl="/x?lang=en"
        catalogue={catalogue}
        entry={entry}
        dependents={[]}
        today={TODAY}
      />
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<span lang="de">E-Rechnungsworkflow</span>');
    expect(html).toContain("Q4 2021–2023");
    expect(html).toContain("Depends on");
  });
});
