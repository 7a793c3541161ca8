import { describe, expect, it } from "vitest";

import { plannedFinishOf } from "../../../../src/domain/edition/planned-finish.js";
import { buildPhase, buildProject, point } from "./factory.js";

describe("the planned finish of a project", () => {
  it("is the end of the last finite phase", () => {
    const project = buildProject({
      phases: [
        buildPhase({ start: "2020", end: "2023" }),
        buildPhase({ start: "2024", end: null, continuation: "ongoing" }),
      ],
    });
    expect(plannedFinishOf(project)?.end).toEqual(point("2023"));
  });

  it("counts a phase that ends and then continues ('2021, danach laufend')", () => {
    const project = buildProject({
      phases: [
        buildPhase({ start: "2021", end: "2021", continuation: "ongoing" }),
      ],
    });
    expect(plannedFinishOf(project)?.end).toEqual(point("2021"));
  });

  it("ignores standing tasks", () => {
    const project = buildProject({
      phases: [
        buildPhase({ start: "2020", end: "2030", continuation: "permanent" }),
      ],
    });
    expect(plannedFinishOf(project)).toBeNull();
  });

  it("is null for a project with only an open phase", () => {
    const project = buildProject({
      phases: [
        buildPhase({ start: "2025", end: null, continuation: "ongoing" }),
      ],
    });
    expect(plannedFinishOf(project)).toBeNull();
  });

  it("treats a phase running to the horizon's end after an earlier finite phase as operation", () => {
    const strategie = buildProject({
      phases: [
        buildPhase({ label: "Erstellung", start: "2020", end: "2023" }),
        buildPhase({ label: "Durchführung", start: "2024", end: "2030" }),
      ],
    });
    expect(plannedFinishOf(strategie, 2030)?.end).toEqual(point("2023"));
    expect(plannedFinishOf(strategie)?.end).toEqual(point("2030"));
  });

  it("keeps the horizon's end for a project whose only finite phase reaches it", () => {
    const project = buildProject({
      phases: [buildPhase({ start: "2025", end: "2030" })],
    });
    expect(plannedFinishOf(project, 2030)?.end).toEqual(point("2030"));
  });

  it("prefers the coarser point when two ends fall on the same last day", () => {
    const project = buildProject({
      phases: [
        buildPhase({ start: "2022", end: "2023-Q4" }),
        buildPhase({ start: "2022", end: "2023" }),
      ],
    });
    expect(plannedFinishOf(project)?.end).toEqual(point("2023"));
  });
});
