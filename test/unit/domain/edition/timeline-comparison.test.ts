import { describe, expect, it } from "vitest";

import type { Catalogue } from "../../../../src/domain/catalogue/catalogue.js";
import {
  layoutTimelineComparison,
  type TimelineComparison,
  type TimelineComparisonRow,
} from "../../../../src/domain/edition/timeline-comparison.js";
import { dayNumberOf } from "../../../../src/domain/calendar/calendar.js";
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

const DMS = "dokumentenmanagementsystem";
const today = dayNumberOf(2022, 12, 1);

function compare(
  after: Catalogue,
  before: Catalogue = buildKleveCatalogue(),
): TimelineComparison {
  return layoutTimelineComparison({ before, after, today });
}

function rowOf(
  comparison: TimelineComparison,
  code: string,
): TimelineComparisonRow {
  const row = comparison.groups
    .flatMap((group) => group.rows)
    .find((each) => each.code === code);
  if (row === undefined) throw new Error(`no row ${code}`);
  return row;
}

function dmsDelayed(): Catalogue {
  return updateProject(buildKleveCatalogue(), DMS, (project) =>
    updatePhase(updatePhase(project, 211, { end: "2024" }), 212, {
      start: "2025",
    }),
  );
}

describe("the old-versus-new timeline", () => {
  it("stacks the rows in the after-snapshot's grouping, one header per action field", () => {
    const comparison = compare(buildKleveCatalogue());
    expect(
      comparison.groups.map((group) => [
        group.key,
        group.rowIndex,
        group.rows.map((row) => row.rowIndex),
      ]),
    ).toEqual([
      ["strategieplanung", 0, [1, 2]],
      ["smart-working", 3, [4, 5, 6, 7]],
      ["e-government", 8, [9]],
    ]);
    expect(comparison.rowCount).toBe(10);
  });

  it("draws the old and the new bars of an unchanged project alike and marks it kept", () => {
    const row = rowOf(compare(buildKleveCatalogue()), "1.1");
    expect(row.state).toBe("kept");
    expect(row.oldBars).toEqual(row.newBars);
    expect(row.markers).toEqual([]);
  });

  it("marks the DMS delay from the end of 2023 to the end of 2024", () => {
    const row = rowOf(compare(dmsDelayed()), "2.1");
    expect(row.state).toBe("shifted");
    expect(row.markers[0]).toMatchObject({
      phaseId: 211,
      phaseLabel: "Umsetzung",
      edge: "end",
      fromX: 4,
      toX: 5,
      shift: { direction: "later", amount: 1, unit: "year" },
    });
  });

  it("marks each moved phase start and end of a project", () => {
    const row = rowOf(compare(dmsDelayed()), "2.1");
    expect(row.markers.map((marker) => [marker.phaseId, marker.edge])).toEqual([
      [211, "end"],
      [212, "start"],
    ]);
  });

  it("keeps the old bar outlined where the plan was and the new bar where it is", () => {
    const row = rowOf(compare(dmsDelayed()), "2.1");
    expect(row.oldBars[0]).toMatchObject({ phaseId: 211, x: 0, width: 4 });
    expect(row.newBars[0]).toMatchObject({ phaseId: 211, x: 0, width: 5 });
  });

  it("does not mark an end given more precisely (2023 → 2023-Q4)", () => {
    const after = updateProject(buildKleveCatalogue(), DMS, (project) =>
      updatePhase(project, 211, { end: "2023-Q4" }),
    );
    expect(rowOf(compare(after), "2.1").state).toBe("kept");
  });

  it("does not mark an end that became open; the bars show it", () => {
    const after = updateProject(buildKleveCatalogue(), DMS, (project) =>
      updatePhase(project, 211, { end: null, continuation: "ongoing" }),
    );
    expect(rowOf(compare(after), "2.1").markers).toEqual([]);
  });

  it("gives the periods of both snapshots in German for the table alternative", () => {
    const after = updateProject(
      buildKleveCatalogue(),
      "smart-city-strategie",
      (project) => updatePhase(project, 121, { start: "2024" }),
    );
    const row = rowOf(compare(after), "1.2");
    expect([row.oldSpanLabel, row.newSpanLabel]).toEqual([
      "2023–2030",
      "2024–2030",
    ]);
  });

  it("shows an added project in its new field without old bars", () => {
    const after = addProject(
      buildKleveCatalogue(),
      "smart-working",
      buildSocialIntranet(),
    );
    const comparison = compare(after);
    const row = rowOf(comparison, "2.9");
    expect(row.state).toBe("added");
    expect(row.oldBars).toEqual([]);
    expect(row.newBars.length).toBe(2);
    expect(comparison.groups[1]?.rows.at(-1)?.code).toBe("2.9");
  });

  it("shows a removed project in its old field, after the project that preceded it", () => {
    const after = removeProject(buildKleveCatalogue(), "e-rechnungsworkflow");
    const group = compare(after).groups[1];
    expect(group?.rows.map((row) => [row.code, row.state])).toEqual([
      ["2.1", "kept"],
      ["2.5", "removed"],
      ["2.6", "kept"],
      ["2.10", "kept"],
    ]);
    expect(group?.rows[1]?.newBars).toEqual([]);
    expect(group?.rows[1]?.oldBars.length).toBe(2);
  });

  it("puts a removed project first when nothing preceded it", () => {
    const after = removeProject(buildKleveCatalogue(), DMS);
    expect(compare(after).groups[1]?.rows[0]).toMatchObject({
      code: "2.1",
      state: "removed",
    });
  });

  it("shows a project that moved to another field only in its new field", () => {
    const after = moveProject(
      buildKleveCatalogue(),
      "workflowmanagement",
      "e-government",
    );
    const comparison = compare(after);
    expect(comparison.groups[1]?.rows.map((row) => row.code)).not.toContain(
      "2.6",
    );
    expect(comparison.groups[2]?.rows.map((row) => row.code)).toEqual([
      "3.2",
      "2.6",
    ]);
  });

  it("adds a group for a field that only the old snapshot had", () => {
    const field = buildActionField({
      id: 77,
      key: "archiv",
      name: "Archiv",
      projects: [buildProject({ id: 770, slug: "alt", code: "9.1" })],
    });
    const after = buildCatalogue({ projects: [buildProject({ id: 1 })] });
    const before: Catalogue = {
      ...after,
      impactAreas: after.impactAreas.map((area) => ({
        ...area,
        actionFields: [...area.actionFields, field],
      })),
    };
    const last = compare(after, before).groups.at(-1);
    expect(last).toMatchObject({
      key: "archiv",
      isRemoved: true,
      rows: [{ code: "9.1", state: "removed" }],
    });
  });

  it("counts rows per state, per field and overall", () => {
    let after = addProject(
      dmsDelayed(),
      "smart-working",
      buildSocialIntranet(),
    );
    after = removeProject(after, "workflowmanagement");
    const comparison = compare(after);
    expect(comparison.groups[1]?.counts).toEqual({
      added: 1,
      removed: 1,
      shifted: 1,
      kept: 2,
    });
    expect(comparison.counts).toEqual({
      added: 1,
      removed: 1,
      shifted: 1,
      kept: 5,
    });
  });
});

describe("the shared axis", () => {
  it("spans both programmes' horizons by default", () => {
    const after = buildKleveCatalogue();
    const extended = {
      ...after,
      programme: { ...after.programme, horizonEnd: 2032 },
    };
    const comparison = compare(extended);
    expect(comparison.horizon).toEqual({ startYear: 2020, endYear: 2032 });
    expect(comparison.width).toBe(13);
  });

  it("uses the horizon it is given", () => {
    const comparison = layoutTimelineComparison({
      before: buildKleveCatalogue(),
      after: buildKleveCatalogue(),
      today,
      horizon: { startYear: 2022, endYear: 2026 },
    });
    expect(comparison.width).toBe(5);
    expect(rowOf(comparison, "2.1").newBars[0]).toMatchObject({
      x: 0,
      clippedStart: true,
    });
  });

  it("places today on the axis", () => {
    expect(compare(buildKleveCatalogue()).todayX).toBeCloseTo(
      2 + 334 / 365,
      10,
    );
  });
});
