import { describe, expect, it } from "vitest";
import {
  catalogueToSnapshot,
  isEditionSnapshot,
  snapshotToCatalogue,
} from "../../../src/app/edition/edition-snapshot.js";
import { diffCatalogues } from "../../../src/domain/edition/catalogue-diff.js";
import { buildKleveCatalogue, KLEVE } from "../domain/edition/factory.js";

describe("the edition snapshot", () => {
  it("thaws into the catalogue it froze, ids and all", () => {
    const catalogue = buildKleveCatalogue();
    const snapshot = JSON.parse(
      JSON.stringify(catalogueToSnapshot(catalogue)),
    ) as unknown;
    expect(isEditionSnapshot(snapshot)).toBe(true);
    if (!isEditionSnapshot(snapshot)) return;
    expect(snapshotToCatalogue(snapshot, catalogue.municipality)).toEqual(
      catalogue,
    );
    expect(snapshot.ids.projects["dokumentenmanagementsystem"]).toEqual({
      id: KLEVE.dms,
      version: 1,
      phases: [211, 212],
      measures: [2101, 2102],
    });
  });

  it("keeps identity across a rename, so the diff reports a rename and no removal", () => {
    const catalogue = buildKleveCatalogue();
    const snapshot = catalogueToSnapshot(catalogue);
    const renamed = {
      ...snapshot,
      catalogue: JSON.parse(
        JSON.stringify(snapshot.catalogue).replace(
          '"title":"Workflowmanagement"',
          '"title":"Workflows"',
        ),
      ),
    };
    const diff = diffCatalogues(
      catalogue,
      snapshotToCatalogue(renamed, catalogue.municipality),
    );
    expect(diff.changes.map((change) => change.kind)).toEqual([
      "project-renamed",
    ]);
  });

  it("gives records without ids negative ids, so they count as added", () => {
    const catalogue = buildKleveCatalogue();
    const snapshot = catalogueToSnapshot(catalogue);
    const projects = Object.fromEntries(
      Object.entries(snapshot.ids.projects).filter(
        ([slug]) => slug !== "workflowmanagement",
      ),
    );
    const thawed = snapshotToCatalogue(
      { ...snapshot, ids: { ...snapshot.ids, projects } },
      catalogue.municipality,
    );
    const diff = diffCatalogues(catalogue, thawed);
    // Paired by slug then (a catalogue imported afresh): its phases count as new.
    expect(diff.projectsMatchedBySlug).toEqual(["workflowmanagement"]);
  });

  it("recognises only its own format", () => {
    expect(
      isEditionSnapshot({ format: "fortschritt-catalogue", version: 1 }),
    ).toBe(false);
    expect(isEditionSnapshot(null)).toBe(false);
  });
});
