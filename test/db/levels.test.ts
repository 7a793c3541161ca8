import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportCatalogue,
  importCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import {
  listProjects,
  visibleImpactAreas,
} from "../../src/domain/catalogue/catalogue.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";

/** A flat programme: topics → projects → steps, with an undecided end overlapping a phase. */
function flatDocument(slug: string): unknown {
  return {
    format: "fortschritt-catalogue",
    version: 1,
    municipality: { slug, name: "Gemeinde Flachland" },
    programme: {
      title: "Digitales Flachland",
      horizonStart: 2022,
      horizonEnd: 2028,
      goals: [],
      priorities: [],
      levels: {
        flat: true,
        actionField: { singular: "Thema", plural: "Themen" },
        project: { singular: "Vorhaben", plural: "Vorhaben" },
        measure: { singular: "Schritt", plural: "Schritte" },
      },
      orgUnitKinds: [
        { key: "dezernat", label: "Dezernat" },
        { key: "stabsstelle", label: "Stabsstelle" },
      ],
    },
    orgUnits: [{ code: "cdo", name: "Stabsstelle CDO", kind: "stabsstelle" }],
    actionFields: [
      {
        key: "e-akte",
        number: 1,
        name: "E-Akte",
        colour: "#1d4f91",
        projects: [
          {
            slug: "e-akte-einfuehrung",
            code: "1",
            title: "Einführung der E-Akte",
            summary: "Die E-Akte kommt in alle Ämter.",
            status: "in_progress",
            phases: [
              { label: "Pilot", start: "2023", end: "2024" },
              { label: "Rollout", start: "2024-Q2", continuation: "undecided" },
            ],
            measures: [{ title: "Pilotamt auswählen", status: "done" }],
            responsibilities: [{ orgUnit: "cdo", role: "lead" }],
          },
        ],
      },
    ],
  };
}

describe.each(DIALECTS)("level names and flat programmes on %s", (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it("imports a flat programme with its names, shows no impact area and exports the same shape", async () => {
    const slug = `flach-${dialect}`;
    await importCatalogue(t.ctx, flatDocument(slug), { source: "test" });
    const catalogue = await getCatalogue(t.ctx, slug);
    expect(catalogue.programme.levels.flat).toBe(true);
    expect(catalogue.programme.levels.actionField.plural).toBe("Themen");
    expect(catalogue.programme.levels.impactArea.singular).toBe(
      "Wirkungsbereich",
    );
    expect(visibleImpactAreas(catalogue)).toEqual([]);
    expect(catalogue.programme.orgUnitKinds.map((kind) => kind.label)).toEqual([
      "Dezernat",
      "Stabsstelle",
    ]);
    const [entry] = listProjects(catalogue);
    expect(entry?.project.phases[1]?.continuation).toBe("undecided");
    expect(entry?.project.phases[1]?.end).toBeNull();

    const exported = await exportCatalogue(t.ctx, slug);
    expect(exported.impactAreas).toBeUndefined();
    expect(exported.actionFields?.map((field) => field.key)).toEqual([
      "e-akte",
    ]);
    expect(exported.programme.levels?.flat).toBe(true);
    expect(exported.programme.levels?.measure?.singular).toBe("Schritt");
    expect(JSON.stringify(exported)).not.toContain('"programm"');
  });

  it("refuses a flat document that still has impact areas, and an org unit of an unknown kind", async () => {
    const slug = `flach-falsch-${dialect}`;
    const document = flatDocument(slug) as Record<string, unknown>;
    const broken = {
      ...document,
      impactAreas: [],
      orgUnits: [{ code: "cdo", name: "Stabsstelle CDO", kind: "amt" }],
    };
    const error = (await importCatalogue(t.ctx, broken, {
      source: "test",
    }).catch((caught: unknown) => caught)) as {
      problems?: readonly { path: string; message: string }[];
    };
    const paths = (error.problems ?? []).map((problem) => problem.path);
    expect(paths).toContain("/impactAreas");
    expect(paths).toContain("/orgUnits/0/kind");
  });
});
