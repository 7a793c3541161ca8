import { describe, expect, it } from "vitest";

import type {
  Catalogue,
  Project,
} from "../../../../src/domain/catalogue/catalogue.js";
import {
  dependencyEdgesOf,
  findDependencyConflicts,
  findIntroducedConflicts,
} from "../../../../src/domain/edition/dependency-conflicts.js";
import {
  addProject,
  buildCatalogue,
  buildKleveCatalogue,
  buildPhase,
  buildProject,
  point,
  updatePhase,
  updateProject,
} from "./factory.js";

const DMS = "dokumentenmanagementsystem";
const E_RECHNUNG = "e-rechnungsworkflow";

function needs(
  catalogue: Catalogue,
  slug: string,
  ...prerequisites: string[]
): Catalogue {
  return updateProject(catalogue, slug, (project) => ({
    ...project,
    dependsOn: [...project.dependsOn, ...prerequisites],
  }));
}

/** Two projects: "voraussetzung" with the given phases, "nachfolger" starting at `start` and needing it. */
function pair(prerequisite: Partial<Project>, start: string): Catalogue {
  return buildCatalogue({
    projects: [
      buildProject({
        id: 1,
        slug: "voraussetzung",
        code: "2.1",
        title: "Voraussetzung",
        ...prerequisite,
      }),
      buildProject({
        id: 2,
        slug: "nachfolger",
        code: "2.2",
        title: "Nachfolger",
        phases: [buildPhase({ start, end: "2030" })],
        dependsOn: ["voraussetzung"],
      }),
    ],
  });
}

describe("dependency conflicts in the Kleve excerpt", () => {
  it("finds none in the published edition", () => {
    expect(findDependencyConflicts(buildKleveCatalogue())).toEqual([]);
  });

  it("finds the E-Rechnungsworkflow starting before the DMS is finished once it needs the DMS", () => {
    const draft = needs(buildKleveCatalogue(), E_RECHNUNG, DMS);
    expect(findDependencyConflicts(draft)).toEqual([
      {
        key: "dependency-conflict:project-25:needs:project-21",
        dependent: {
          id: 25,
          slug: E_RECHNUNG,
          code: "2.5",
          title: "E-Rechnungsworkflow",
        },
        prerequisite: {
          id: 21,
          slug: DMS,
          code: "2.1",
          title: "Dokumentenmanagementsystem",
        },
        dependentStart: point("2021-Q4"),
        prerequisiteReady: point("2023"),
        readiness: "finish",
        gap: { direction: "later", amount: 2, unit: "year" },
        downstream: [],
      },
    ]);
  });

  it("finds the conflict a delay of the DMS creates for the internal communication", () => {
    const draft = updateProject(buildKleveCatalogue(), DMS, (project) =>
      updatePhase(project, 211, { end: "2025" }),
    );
    expect(
      findDependencyConflicts(draft).map((conflict) => conflict.dependent.slug),
    ).toEqual(["digitale-kommunikation-intern"]);
  });

  it("lists the projects downstream of the dependent in catalogue order", () => {
    let draft = needs(buildKleveCatalogue(), E_RECHNUNG, DMS);
    draft = addProject(
      draft,
      "smart-working",
      buildProject({
        id: 90,
        slug: "rechnungsarchiv",
        code: "2.11",
        title: "Rechnungsarchiv",
        dependsOn: [E_RECHNUNG],
      }),
    );
    draft = needs(draft, "workflowmanagement", "rechnungsarchiv");
    const [conflict] = findDependencyConflicts(draft).filter(
      (each) => each.dependent.slug === E_RECHNUNG,
    );
    expect(conflict?.downstream.map((project) => project.slug)).toEqual([
      "workflowmanagement",
      "rechnungsarchiv",
    ]);
  });
});

describe("when a prerequisite counts as ready", () => {
  it("is no conflict to start in the year the prerequisite finishes", () => {
    const catalogue = pair(
      { phases: [buildPhase({ start: "2022", end: "2024-Q2" })] },
      "2024",
    );
    expect(findDependencyConflicts(catalogue)).toEqual([]);
  });

  it("compares quarters when both points are quarters", () => {
    const catalogue = pair(
      { phases: [buildPhase({ start: "2022", end: "2024-Q3" })] },
      "2024-Q1",
    );
    expect(findDependencyConflicts(catalogue)[0]?.gap).toEqual({
      direction: "later",
      amount: 2,
      unit: "quarter",
    });
  });

  it("ignores the support phase that runs on after the prerequisite's last finite phase", () => {
    const catalogue = pair(
      {
        phases: [
          buildPhase({ start: "2020", end: "2023" }),
          buildPhase({ start: "2024", end: null, continuation: "ongoing" }),
        ],
      },
      "2024",
    );
    expect(findDependencyConflicts(catalogue)).toEqual([]);
  });

  it("treats a standing task as ready from its start", () => {
    const catalogue = pair(
      {
        phases: [
          buildPhase({ start: "2022", end: "2030", continuation: "permanent" }),
        ],
      },
      "2021",
    );
    expect(findDependencyConflicts(catalogue)[0]).toMatchObject({
      readiness: "start",
      prerequisiteReady: point("2022"),
    });
  });

  it("lets a project start alongside a standing task it needs", () => {
    const catalogue = pair(
      {
        phases: [
          buildPhase({ start: "2020", end: "2030", continuation: "permanent" }),
        ],
      },
      "2021",
    );
    expect(findDependencyConflicts(catalogue)).toEqual([]);
  });

  it("treats a prerequisite with only an open phase as ready from its start", () => {
    const catalogue = pair(
      {
        phases: [
          buildPhase({ start: "2025", end: null, continuation: "ongoing" }),
        ],
      },
      "2024",
    );
    expect(findDependencyConflicts(catalogue)[0]?.readiness).toBe("start");
  });

  it("ignores a completed prerequisite whatever its plan says", () => {
    const catalogue = pair(
      {
        status: "completed",
        phases: [buildPhase({ start: "2022", end: "2026" })],
      },
      "2023",
    );
    expect(findDependencyConflicts(catalogue)).toEqual([]);
  });

  it("ignores a completed dependent", () => {
    const catalogue = updateProject(
      pair({ phases: [buildPhase({ start: "2022", end: "2026" })] }, "2023"),
      "nachfolger",
      (project) => ({ ...project, status: "completed" }),
    );
    expect(findDependencyConflicts(catalogue)).toEqual([]);
  });

  it("skips slugs that name no project and self-dependencies", () => {
    const catalogue = buildCatalogue({
      projects: [
        buildProject({
          id: 1,
          slug: "allein",
          dependsOn: ["allein", "gibt-es-nicht"],
        }),
      ],
    });
    expect(findDependencyConflicts(catalogue)).toEqual([]);
  });
});

describe("conflicts a revision introduces", () => {
  it("reports only the conflicts the previous edition did not have", () => {
    const previous = needs(buildKleveCatalogue(), E_RECHNUNG, DMS);
    const draft = updateProject(previous, DMS, (project) =>
      updatePhase(project, 211, { end: "2025" }),
    );
    expect(
      findIntroducedConflicts(previous, draft).map((conflict) => conflict.key),
    ).toEqual(["dependency-conflict:project-210:needs:project-21"]);
  });
});

describe("dependency edges", () => {
  it("reads 'from needs to' edges in catalogue order", () => {
    expect(dependencyEdgesOf(buildKleveCatalogue())).toEqual([
      { from: "smart-city-strategie", to: "digitalisierungsstrategie" },
      { from: "digitale-kommunikation-intern", to: DMS },
    ]);
  });
});
