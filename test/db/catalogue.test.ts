import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportCatalogue,
  importCatalogue,
  importDemoCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import {
  getCatalogue,
  getProject,
  listMunicipalities,
  searchCatalogue,
} from "../../src/app/catalogue/read-catalogue.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import { formatPointInTime } from "../../src/domain/period/point-in-time.js";
import { AppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";

function projectSlugs(
  result: Awaited<ReturnType<typeof searchCatalogue>>,
): string[] {
  return result.hits.map((hit) => hit.projectSlug);
}

describe.each(DIALECTS)("the catalogue on %s", (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it("holds the whole Kleve demo catalogue: 42 projects in 6 action fields of 2 impact areas", async () => {
    const catalogue = await getCatalogue(t.ctx, "kleve");
    expect(catalogue.impactAreas.map((area) => area.name)).toEqual([
      "Digitale Verwaltung",
      "Digitale Stadt",
    ]);
    expect(
      catalogue.impactAreas.flatMap((area) => area.actionFields),
    ).toHaveLength(6);
    expect(listProjects(catalogue)).toHaveLength(42);
  });

  it("keeps the catalogue order and codes, numbering anew in each impact area", async () => {
    const catalogue = await getCatalogue(t.ctx, "kleve");
    const codes = catalogue.impactAreas.map((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => project.code),
      ),
    );
    expect(codes[0]?.slice(0, 3)).toEqual(["1.1", "1.2", "1.3"]);
    expect(codes[1]?.[0]).toBe("1.1");
  });

  it("shows that the e-invoicing workflow depends on the document management system", async () => {
    const { entry, dependents } = await getProject(
      t.ctx,
      "kleve",
      "e-rechnungsworkflow",
    );
    expect(entry.project.dependsOn).toContain("dokumentenmanagementsystem");
    const dms = await getProject(t.ctx, "kleve", "dokumentenmanagementsystem");
    expect(dms.dependents.map((d) => d.project.slug)).toContain(
      "e-rechnungsworkflow",
    );
    expect(dependents.map((d) => d.project.slug)).not.toContain(
      "dokumentenmanagementsystem",
    );
  });

  it("keeps quarter precision and open ends of phases", async () => {
    const { entry } = await getProject(t.ctx, "kleve", "e-rechnungsworkflow");
    const first = entry.project.phases[0]!;
    expect(formatPointInTime(first.start)).toBe("2021-Q4");
    const dms = await getProject(t.ctx, "kleve", "dokumentenmanagementsystem");
    const support = dms.entry.project.phases.find(
      (phase) => phase.end === null,
    );
    expect(support?.continuation).toBe("ongoing");
  });

  it("refuses an unknown project with ERR_PROJECT_NOT_FOUND and an unknown municipality with ERR_MUNICIPALITY_NOT_FOUND", async () => {
    await expect(
      getProject(t.ctx, "kleve", "gibt-es-nicht"),
    ).rejects.toMatchObject({ code: "ERR_PROJECT_NOT_FOUND" });
    await expect(getCatalogue(t.ctx, "nirgendwo")).rejects.toMatchObject({
      code: "ERR_MUNICIPALITY_NOT_FOUND",
    });
  });

  it("exports the catalogue and imports it again without losing anything", async () => {
    const exported = await exportCatalogue(t.ctx, "kleve");
    const copy = structuredClone(exported);
    copy.municipality.slug = "kleve-kopie";
    await importCatalogue(t.ctx, copy, { source: "copy" });
    const again = await exportCatalogue(t.ctx, "kleve-kopie");
    expect({
      ...again,
      municipality: { ...again.municipality, slug: "kleve" },
    }).toEqual(exported);
    expect((await listMunicipalities(t.ctx)).map((m) => m.slug)).toEqual(
      expect.arrayContaining(["kleve", "kleve-kopie"]),
    );
  });

  it("refuses to overwrite an existing municipality unless asked to replace it", async () => {
    await expect(importDemoCatalogue(t.ctx)).rejects.toMatchObject({
      code: "ERR_IMPORT_MUNICIPALITY_EXISTS",
    });
    const before = await getCatalogue(t.ctx, "kleve");
    const summary = await importDemoCatalogue(t.ctx, { replace: true });
    expect(summary).toMatchObject({
      replaced: true,
      projects: 42,
      actionFields: 6,
    });
    const after = await getCatalogue(t.ctx, "kleve");
    expect(after.municipality.dataVersion).toBeGreaterThan(
      before.municipality.dataVersion,
    );
  });

  it("imports nothing from a file with a dependency cycle and names the cycle", async () => {
    const document = await exportCatalogue(t.ctx, "kleve");
    const broken = structuredClone(document);
    broken.municipality.slug = "kreis-test";
    const projects = (broken.impactAreas ?? []).flatMap((area) =>
      area.actionFields.flatMap((field) => field.projects),
    );
    const dms = projects.find(
      (project) => project.slug === "dokumentenmanagementsystem",
    )!;
    dms.dependsOn = ["e-rechnungsworkflow"];
    const error = await importCatalogue(t.ctx, broken, {
      source: "broken.yaml",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("ERR_IMPORT_INVALID");
    expect(
      (error as AppError).problems.map((p) => p.message).join(" "),
    ).toMatch(/Kreis: .*Dokumentenmanagementsystem.*E-Rechnungsworkflow/);
    expect((await listMunicipalities(t.ctx)).map((m) => m.slug)).not.toContain(
      "kreis-test",
    );
  });

  it("names the path and the rule for each problem in an invalid file", async () => {
    const document = await exportCatalogue(t.ctx, "kleve");
    const broken = structuredClone(document) as any;
    broken.municipality.slug = "fehlerhaft";
    broken.impactAreas[0].actionFields[0].projects[0].phases[0].start =
      "2023-02-30";
    broken.impactAreas[0].actionFields[0].colour = "#ffff00";
    broken.impactAreas[0].actionFields[0].projects[1].responsibilities[0].orgUnit =
      "99.9";
    const error = (await importCatalogue(t.ctx, broken, { source: "x" }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.problems).toEqual(
      expect.arrayContaining([
        {
          path: "/impactAreas/0/actionFields/0/projects/0/phases/0/start",
          message: '"2023-02-30" ist kein gültiges Datum.',
        },
        expect.objectContaining({
          path: "/impactAreas/0/actionFields/0/colour",
        }),
        expect.objectContaining({
          path: "/impactAreas/0/actionFields/0/projects/1/responsibilities/0/orgUnit",
        }),
      ]),
    );
    await expect(getCatalogue(t.ctx, "fehlerhaft")).rejects.toMatchObject({
      code: "ERR_MUNICIPALITY_NOT_FOUND",
    });
  });

  it("finds projects by word prefix and lists the project before its measures", async () => {
    const result = await searchCatalogue(t.ctx, "kleve", "rechnung");
    expect(result.hits[0]).toMatchObject({
      kind: "project",
      projectSlug: "e-rechnungsworkflow",
    });
    expect(result.hits.some((hit) => hit.kind === "measure")).toBe(true);
  });

  it("refuses a municipality named like an address of the application", async () => {
    const document = structuredClone(await exportCatalogue(t.ctx, "kleve"));
    document.municipality.slug = "api";
    const error = (await importCatalogue(t.ctx, document, {
      source: "x",
    }).catch((e: unknown) => e)) as AppError;
    expect(error.problems).toContainEqual({
      path: "/municipality/slug",
      message: '"api" ist für Adressen der Anwendung reserviert.',
    });
  });

  it("finds the citizens' office whether umlauts are typed or spelled out", async () => {
    for (const query of ["bürgerbüro", "Buergerbuero", "BÜRGERBÜRO"]) {
      expect(
        projectSlugs(await searchCatalogue(t.ctx, "kleve", query)),
      ).toContain("digitales-buergerbuero");
    }
  });

  it("finds individual measures and names their project", async () => {
    const result = await searchCatalogue(t.ctx, "kleve", "Posteingang");
    const hit = result.hits.find((h) => h.kind === "measure");
    expect(hit?.projectSlug).toBe("dokumentenmanagementsystem");
  });

  it("treats full-text operators in a query as plain words", async () => {
    const result = await searchCatalogue(t.ctx, "kleve", 'Rechnung"*( NEAR');
    expect(result.hits).toEqual([]);
    const plain = await searchCatalogue(t.ctx, "kleve", '"Rechnung*"');
    expect(projectSlugs(plain)).toContain("e-rechnungsworkflow");
  });

  it("refuses an empty or overlong query with ERR_SEARCH_QUERY_INVALID", async () => {
    await expect(searchCatalogue(t.ctx, "kleve", "   ")).rejects.toMatchObject({
      code: "ERR_SEARCH_QUERY_INVALID",
    });
    await expect(
      searchCatalogue(t.ctx, "kleve", "x".repeat(201)),
    ).rejects.toMatchObject({ code: "ERR_SEARCH_QUERY_INVALID" });
  });
});
