/**
 * The old-versus-new timeline rendered from the edition tests' Kleve excerpt, without
 * database or HTTP: outlined old bars, solid new bars, an arrow per shift, the words for
 * added and removed projects, and tables with old period, new period and reason.
 */
import { describe, expect, it } from "vitest";
import { assembleReport } from "../../src/domain/edition/change-report.js";
import { NO_FILTER } from "../../src/domain/catalogue/catalogue-filter.js";
import type { EditionSummary } from "../../src/domain/edition/edition.js";
import { DEFAULT_REASON_CATEGORIES } from "../../src/domain/edition/reasons.js";
import { createViewContext } from "../../src/web/components/view.js";
import { buildComparison } from "../../src/web/edition/comparison.presenter.js";
import { ComparisonView } from "../../src/web/edition/comparison-view.js";
import {
  KLEVE,
  addProject,
  buildKleveCatalogue,
  buildSocialIntranet,
  removeProject,
  updatePhase,
  updateProject,
} from "../unit/domain/edition/factory.js";
import { textOf } from "./support/web-app.js";

const german = createViewContext("de");

function summary(number: number): EditionSummary {
  return {
    number,
    title: `${number}. Fortschreibung`,
    publishedOn: "2022-03-31",
    publishedAt: "",
    publishedByLabel: "",
    councilReference: null,
    councilUrl: null,
    note: null,
    isReconstruction: false,
  };
}

function report() {
  const before = buildKleveCatalogue();
  const moved = updateProject(before, "dokumentenmanagementsystem", (project) =>
    updatePhase(project, KLEVE.dms * 10 + 1, { end: "2024" }),
  );
  const after = addProject(
    removeProject(moved, "workflowmanagement"),
    "smart-working",
    buildSocialIntranet(),
  );
  const key = `phase-end-shifted:project-${KLEVE.dms}:phase-${KLEVE.dms * 10 + 1}`;
  return assembleReport({
    municipality: after.municipality,
    before,
    after,
    from: summary(1),
    to: summary(2),
    asOf: undefined,
    reasons: new Map([
      [
        key,
        [
          {
            category: "staff",
            categoryLabel: "Personal",
            text: "Verzögerung aufgrund von erhöhtem Support",
            editionNumber: 2,
          },
        ],
      ],
    ]),
    categories: DEFAULT_REASON_CATEGORIES,
  });
}

async function render(): Promise<string> {
  const model = buildComparison(german, report(), {
    filter: NO_FILTER,
    today: Number.MIN_SAFE_INTEGER,
    olderTitle: "1. Fortschreibung",
    newerTitle: "2. Fortschreibung",
  });
  return await (
    <ComparisonView
      view={german}
      model={model}
      idPrefix="vergleich"
      projectHref={() => null}
    />
  );
}

describe("the old-versus-new timeline", () => {
  it("is one image with a title and a description", async () => {
    const html = await render();
    expect(html).toMatch(
      /<svg[^>]*class="app-comparison-chart"[^>]*role="img"[^>]*aria-labelledby="vergleich-titel" aria-describedby="vergleich-beschreibung"/,
    );
    expect(html).toContain(
      "Zeitstrahl: 2. Fortschreibung verglichen mit der 1. Fortschreibung",
    );
  });

  it("draws old periods outlined and new ones solid, and marks the shift with an arrow", async () => {
    const html = await render();
    const row = html.slice(
      html.indexOf(`data-project="project-${KLEVE.dms}"`),
      html.indexOf(
        "</g></g>",
        html.indexOf(`data-project="project-${KLEVE.dms}"`),
      ),
    );
    expect(row).toContain('data-state="shifted"');
    expect(row).toContain('stroke-dasharray="5 3"');
    expect(row).toContain('fill="#00676b"');
    expect(row).toContain("marker-end=");
    expect(row).toContain("Umsetzung: Ende von 2023 auf 2024 (1 Jahr später)");
  });

  it("says in words which projects were added and removed", async () => {
    const html = await render();
    expect(html).toMatch(/data-state="added"[^]*?\(neu aufgenommen\)/);
    expect(html).toMatch(/data-state="removed"[^]*?\(gestrichen\)/);
  });

  it("lists old period, new period, the change and the reason per action field", async () => {
    const html = await render();
    const table = textOf(
      html.slice(
        html.indexOf('id="vergleich-tabelle-2"'),
        html.indexOf("</table>", html.indexOf('id="vergleich-tabelle-2"')),
      ),
    );
    expect(table).toContain("Smart Working: alter und neuer Zeitraum");
    expect(table).toContain(
      "2.1 Dokumentenmanagementsystem Umsetzung: 2020–2023 Laufender Support: ab 2024, laufend Umsetzung: 2020–2024",
    );
    expect(table).toContain(
      "Personal: Verzögerung aufgrund von erhöhtem Support",
    );
    expect(table).toContain("2.6 Workflowmanagement");
    // The row names the project; its change does not repeat the name.
    expect(table).toContain("2.6 Workflowmanagement");
    expect(table).toContain("Gestrichen");
    expect(table).not.toContain("Projekt 2.6 Workflowmanagement gestrichen");
    expect(table).toContain("2.9 Social Intranet – Erstellung: 2023");
  });
});
