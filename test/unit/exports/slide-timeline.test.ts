/**
 * The revision slides' timeline is placed by the geometry the catalogue's SVG uses: a
 * field too tall for one slide is cut between projects into parts that each fit, in order
 * and with the field's header; in each row the old period stands above the new bar, both
 * on their years, and a project's long name wraps instead of being cut.
 */
import { describe, expect, it } from "vitest";
import { dayNumberOf } from "../../../src/domain/calendar/calendar.js";
import {
  layoutTimelineComparison,
  type TimelineComparison,
} from "../../../src/domain/edition/timeline-comparison.js";
import {
  placeComparison,
  printComparisonHeight,
  SLIDE_PRINT,
} from "../../../src/domain/timeline/print-geometry.js";
import {
  SLIDE_TIMELINE_HEIGHT_PX,
  slideChunks,
} from "../../../src/exports/pptx/slide-timeline.js";
import {
  addProject,
  buildKleveCatalogue,
  buildProject,
  updatePhase,
  updateProject,
} from "../domain/edition/factory.js";

const today = dayNumberOf(2022, 12, 1);
const noState = () => null;

/** Kleve's Smart Working field with `extra` more projects, the DMS delayed by a year. */
function smartWorking(extra: number): TimelineComparison {
  const before = buildKleveCatalogue();
  let after = updateProject(before, "dokumentenmanagementsystem", (project) =>
    updatePhase(updatePhase(project, 211, { end: "2024" }), 212, {
      start: "2025",
    }),
  );
  for (let index = 0; index < extra; index += 1)
    after = addProject(
      after,
      "smart-working",
      buildProject({
        code: `2.${20 + index}`,
        title: `Digitale Kommunikation mit einem sehr langen Namen Nummer ${index + 1}`,
      }),
    );
  const comparison = layoutTimelineComparison({ before, after, today });
  return {
    ...comparison,
    groups: comparison.groups.filter((group) => group.key === "smart-working"),
  };
}

describe("the revision slides' timeline", () => {
  it("keeps a field that fits on one slide whole", () => {
    const layout = smartWorking(0);
    expect(slideChunks(layout, noState)).toHaveLength(1);
  });

  it("cuts a tall field between projects into parts that each fit, in order, each with the header", () => {
    const layout = smartWorking(12);
    const rows = layout.groups[0]!.rows.map((row) => row.code);
    const chunks = slideChunks(layout, noState);
    expect(chunks.length).toBeGreaterThan(1);
    expect(
      chunks.flatMap((chunk) => chunk.groups[0]!.rows.map((row) => row.code)),
    ).toEqual(rows);
    for (const chunk of chunks) {
      expect(chunk.groups).toHaveLength(1);
      expect(chunk.groups[0]!.label).toBe(layout.groups[0]!.label);
      expect(
        printComparisonHeight(chunk, SLIDE_PRINT, noState),
      ).toBeLessThanOrEqual(SLIDE_TIMELINE_HEIGHT_PX);
    }
  });

  it("places the old period above the new bar on their years and wraps a long name", () => {
    const placed = placeComparison(smartWorking(1), SLIDE_PRINT, noState);
    const rows = placed.groups[0]!.rows;
    const dms = rows.find((row) => row.row.code === "2.1")!;
    const old = dms.oldBars[0]!.box;
    const now = dms.newBars[0]!.marks;
    expect(old.y + old.height).toBeLessThan(now.y);
    // Both begin at the same year; the new one ends a year later.
    expect(now.x).toBe(old.x);
    expect(now.x + now.width - (old.x + old.width)).toBeCloseTo(
      placed.frame.yearWidth,
      0,
    );
    expect(dms.shifts.length).toBeGreaterThan(0);
    for (const shift of dms.shifts) {
      expect(shift.y).toBeGreaterThan(old.y + old.height);
      expect(shift.y).toBeLessThan(now.y);
    }
    const long = rows.find((row) => row.row.code === "2.20")!;
    expect(long.nameLines.length).toBeGreaterThan(1);
    expect(long.nameLines.join(" ")).toBe(
      "2.20 Digitale Kommunikation mit einem sehr langen Namen Nummer 1",
    );
    // Rows follow each other without overlapping, each tall enough for its name.
    rows.forEach((row, index) => {
      expect(row.height).toBeGreaterThanOrEqual(
        row.nameLines.length * placed.frame.lineHeight,
      );
      const next = rows[index + 1];
      if (next !== undefined) expect(next.y).toBe(row.y + row.height);
    });
  });
});
