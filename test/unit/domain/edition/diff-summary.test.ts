import { describe, expect, it } from "vitest";

import type { Catalogue } from "../../../../src/domain/catalogue/catalogue.js";
import { diffCatalogues } from "../../../../src/domain/edition/catalogue-diff.js";
import {
  addProject,
  buildActionField,
  buildCatalogue,
  buildKleveCatalogue,
  buildProject,
  buildSocialIntranet,
  moveProject,
  removeProject,
  updatePhase,
  updateProject,
} from "./factory.js";

/** DMS delayed, Social Intranet added, Smart City removed, Workflow moved, horizon extended. */
function revision(): { before: Catalogue; after: Catalogue } {
  const before = buildKleveCatalogue();
  let after = updateProject(before, "dokumentenmanagementsystem", (project) =>
    updatePhase(project, 211, { end: "2024" }),
  );
  after = addProject(after, "smart-working", buildSocialIntranet());
  after = removeProject(after, "smart-city-strategie");
  after = moveProject(after, "workflowmanagement", "e-government");
  after = { ...after, programme: { ...after.programme, horizonEnd: 2032 } };
  return { before, after };
}

describe("the summary of a change report", () => {
  it("counts changes and shifts overall", () => {
    const { before, after } = revision();
    const { summary } = diffCatalogues(before, after);
    expect(summary.changeCount).toBe(5);
    expect(summary.shiftCount).toBe(1);
    expect(summary.programmeChangeCount).toBe(1);
  });

  it("counts every kind, zero included", () => {
    const { before, after } = revision();
    const { countsByKind } = diffCatalogues(before, after).summary;
    expect(countsByKind["project-added"]).toBe(1);
    expect(countsByKind["measure-added"]).toBe(0);
  });

  it("lists every action field of the after-snapshot in order, with zero counts", () => {
    const { summary } = diffCatalogues(
      buildKleveCatalogue(),
      buildKleveCatalogue(),
    );
    expect(
      summary.byActionField.map((entry) => [
        entry.actionField.key,
        entry.changeCount,
      ]),
    ).toEqual([
      ["strategieplanung", 0],
      ["smart-working", 0],
      ["e-government", 0],
    ]);
  });

  it("counts a removed project under its old field", () => {
    const { before, after } = revision();
    const strategie = diffCatalogues(before, after).summary.byActionField.find(
      (entry) => entry.actionField.key === "strategieplanung",
    );
    expect(strategie?.countsByKind["project-removed"]).toBe(1);
  });

  it("counts a moved project under its new field", () => {
    const { before, after } = revision();
    const eGovernment = diffCatalogues(
      before,
      after,
    ).summary.byActionField.find(
      (entry) => entry.actionField.key === "e-government",
    );
    expect(eGovernment?.countsByKind["project-moved"]).toBe(1);
  });

  it("counts shifts and changed projects per field", () => {
    const { before, after } = revision();
    const smartWorking = diffCatalogues(
      before,
      after,
    ).summary.byActionField.find(
      (entry) => entry.actionField.key === "smart-working",
    );
    expect(smartWorking).toMatchObject({
      changeCount: 2,
      shiftCount: 1,
      changedProjectCount: 2,
      isRemoved: false,
    });
  });

  it("lists a field that exists only before when it lost projects", () => {
    const archived = buildActionField({
      id: 77,
      key: "archiv",
      number: 4,
      name: "Archiv",
      projects: [buildProject({ id: 770, slug: "alt" })],
    });
    const before = buildCatalogue({
      projects: [buildProject({ id: 1, slug: "bleibt" })],
    });
    const withArchive: Catalogue = {
      ...before,
      impactAreas: before.impactAreas.map((area) => ({
        ...area,
        actionFields: [...area.actionFields, archived],
      })),
    };
    const last = diffCatalogues(withArchive, before).summary.byActionField.at(
      -1,
    );
    expect(last).toMatchObject({
      actionField: { key: "archiv" },
      isRemoved: true,
      changeCount: 1,
    });
  });
});
