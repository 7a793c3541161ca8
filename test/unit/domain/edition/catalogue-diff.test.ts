import { describe, expect, it } from "vitest";

import type { Catalogue } from "../../../../src/domain/catalogue/catalogue.js";
import {
  CATALOGUE_CHANGE_KINDS,
  isShift,
  type CatalogueChange,
  type CatalogueChangeKind,
} from "../../../../src/domain/edition/catalogue-change.js";
import {
  diffCatalogues,
  shiftsNeedingReason,
  type CatalogueDiff,
} from "../../../../src/domain/edition/catalogue-diff.js";
import { dayNumberOf } from "../../../../src/domain/calendar/calendar.js";
import {
  KLEVE,
  addProject,
  buildCatalogue,
  buildKleveCatalogue,
  buildMeasure,
  buildPhase,
  buildProject,
  buildSocialIntranet,
  moveProject,
  point,
  removeProject,
  updateMeasure,
  updatePhase,
  updateProject,
} from "./factory.js";

const DMS = "dokumentenmanagementsystem";
const E_RECHNUNG = "e-rechnungsworkflow";
const BETEILIGUNG = "online-beteiligungsplattform";
// Phase ids of the Kleve excerpt: project id * 10 + position.
const DMS_UMSETZUNG = 211;
const DMS_SUPPORT = 212;
const E_RECHNUNG_EINFUEHRUNG = 251;
const BETEILIGUNG_UMSETZUNG = 321;

function only<K extends CatalogueChangeKind>(
  diff: CatalogueDiff,
  kind: K,
): Extract<CatalogueChange, { kind: K }> {
  const found = diff.changes.filter(
    (change): change is Extract<CatalogueChange, { kind: K }> =>
      change.kind === kind,
  );
  if (found.length !== 1) {
    throw new Error(
      `expected one ${kind}, got ${found.length}: ${kindsOf(diff).join(", ")}`,
    );
  }
  return found[0]!;
}

function kindsOf(diff: CatalogueDiff): readonly CatalogueChangeKind[] {
  return diff.changes.map((change) => change.kind);
}

/** The Kleve excerpt with one phase of one project changed. */
function withPhase(
  slug: string,
  phaseId: number,
  overrides: Parameters<typeof updatePhase>[2],
  from: Catalogue = buildKleveCatalogue(),
): Catalogue {
  return updateProject(from, slug, (project) =>
    updatePhase(project, phaseId, overrides),
  );
}

describe("matching projects between snapshots", () => {
  it("reports nothing for two identical snapshots", () => {
    const edition = buildKleveCatalogue();
    const diff = diffCatalogues(edition, buildKleveCatalogue());
    expect(diff.changes).toEqual([]);
    expect(diff.summary.changeCount).toBe(0);
  });

  it("keeps a project whose slug and title changed as the same project, matched by id", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) => ({
      ...project,
      slug: "dms",
      title: "DMS und E-Akte",
    }));
    expect(kindsOf(diffCatalogues(before, after))).toEqual(["project-renamed"]);
  });

  it("pairs projects by slug when the ids differ between the snapshots", () => {
    const before = buildCatalogue({
      projects: [buildProject({ id: 1, slug: "social-intranet" })],
    });
    const after = buildCatalogue({
      projects: [buildProject({ id: 901, slug: "social-intranet" })],
    });
    const diff = diffCatalogues(before, after);
    expect(kindsOf(diff)).not.toContain("project-added");
    expect(kindsOf(diff)).not.toContain("project-removed");
    expect(diff.projectsMatchedBySlug).toEqual(["social-intranet"]);
  });
});

describe("phase start and end shifts", () => {
  it("reports the DMS end moved from 2023 to 2024 as one year later", () => {
    const after = withPhase(DMS, DMS_UMSETZUNG, { end: "2024" });
    const change = only(
      diffCatalogues(buildKleveCatalogue(), after),
      "phase-end-shifted",
    );
    expect(change).toMatchObject({
      key: "phase-end-shifted:project-21:phase-211",
      project: { code: "2.1", title: "Dokumentenmanagementsystem" },
      phase: { id: DMS_UMSETZUNG, label: "Umsetzung" },
      from: point("2023"),
      to: point("2024"),
      shift: { direction: "later", amount: 1, unit: "year" },
    });
  });

  it("reports the E-Rechnungsworkflow start moved by two quarters", () => {
    const after = withPhase(E_RECHNUNG, E_RECHNUNG_EINFUEHRUNG, {
      start: "2022-Q2",
    });
    const change = only(
      diffCatalogues(buildKleveCatalogue(), after),
      "phase-start-shifted",
    );
    expect(change.shift).toEqual({
      direction: "later",
      amount: 2,
      unit: "quarter",
    });
    expect(change.from).toEqual(point("2021-Q4"));
    expect(change.to).toEqual(point("2022-Q2"));
  });

  it("reports a move from 2023 to 2024-Q2 as exactly that, one year later", () => {
    const after = withPhase(DMS, DMS_UMSETZUNG, { end: "2024-Q2" });
    const change = only(
      diffCatalogues(buildKleveCatalogue(), after),
      "phase-end-shifted",
    );
    expect(change.from).toEqual(point("2023"));
    expect(change.to).toEqual(point("2024-Q2"));
    expect(change.shift).toEqual({
      direction: "later",
      amount: 1,
      unit: "year",
    });
  });

  it("measures a move from 2024-Q2 to 2024-Q4 in quarters", () => {
    const before = withPhase(DMS, DMS_UMSETZUNG, { end: "2024-Q2" });
    const after = withPhase(DMS, DMS_UMSETZUNG, { end: "2024-Q4" });
    const change = only(diffCatalogues(before, after), "phase-end-shifted");
    expect(change.shift).toEqual({
      direction: "later",
      amount: 2,
      unit: "quarter",
    });
  });

  it("reports a move to an earlier point with direction earlier", () => {
    const after = withPhase(DMS, DMS_SUPPORT, { start: "2023" });
    const change = only(
      diffCatalogues(buildKleveCatalogue(), after),
      "phase-start-shifted",
    );
    expect(change.shift).toEqual({
      direction: "earlier",
      amount: 1,
      unit: "year",
    });
  });

  it("reports 2023 → 2023-Q4 as given more precisely, not as a shift", () => {
    const after = withPhase(DMS, DMS_UMSETZUNG, { end: "2023-Q4" });
    const diff = diffCatalogues(buildKleveCatalogue(), after);
    expect(only(diff, "phase-end-precision-changed")).toMatchObject({
      from: point("2023"),
      to: point("2023-Q4"),
      precision: "finer",
    });
    expect(shiftsNeedingReason(diff)).toEqual([]);
  });

  it("reports 2023-Q2 → 2023 as given less precisely, not as a shift", () => {
    const before = withPhase(DMS, DMS_UMSETZUNG, { end: "2023-Q2" });
    const after = withPhase(DMS, DMS_UMSETZUNG, { end: "2023" });
    const diff = diffCatalogues(before, after);
    expect(only(diff, "phase-end-precision-changed").precision).toBe("coarser");
    expect(shiftsNeedingReason(diff)).toEqual([]);
  });

  it("reports a refined start as a precision change of the start", () => {
    const after = withPhase(DMS, DMS_SUPPORT, { start: "2024-01" });
    const change = only(
      diffCatalogues(buildKleveCatalogue(), after),
      "phase-start-precision-changed",
    );
    expect(change.precision).toBe("finer");
  });

  it("keeps a shift's key when the draft moves the same end again", () => {
    const edition = buildKleveCatalogue();
    const firstDraft = withPhase(DMS, DMS_UMSETZUNG, { end: "2024" });
    const secondDraft = withPhase(DMS, DMS_UMSETZUNG, { end: "2025" });
    expect(
      only(diffCatalogues(edition, firstDraft), "phase-end-shifted").key,
    ).toBe(only(diffCatalogues(edition, secondDraft), "phase-end-shifted").key);
  });
});

describe("phases added, removed, relabelled and open ends", () => {
  it("reports a phase added to a project", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) => ({
      ...project,
      phases: [
        ...project.phases,
        buildPhase({
          id: 213,
          label: "Scanstruktur",
          start: "2025",
          end: "2026",
        }),
      ],
    }));
    expect(only(diffCatalogues(before, after), "phase-added")).toMatchObject({
      key: "phase-added:project-21:phase-213",
      phase: { id: 213, label: "Scanstruktur" },
      period: { start: point("2025"), end: point("2026"), continuation: null },
    });
  });

  it("reports a phase removed from a project", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) => ({
      ...project,
      phases: project.phases.filter((phase) => phase.id !== DMS_SUPPORT),
    }));
    expect(only(diffCatalogues(before, after), "phase-removed").phase).toEqual({
      id: DMS_SUPPORT,
      label: "Laufender Support",
    });
  });

  it("reports a relabelled phase with old and new label", () => {
    const after = withPhase(DMS, DMS_UMSETZUNG, { label: "Einführung" });
    expect(
      only(diffCatalogues(buildKleveCatalogue(), after), "phase-relabelled"),
    ).toMatchObject({ from: "Umsetzung", to: "Einführung" });
  });

  it("reports an end replaced by 'danach laufend' as an open end added", () => {
    const after = withPhase(DMS, DMS_UMSETZUNG, {
      end: null,
      continuation: "ongoing",
    });
    const diff = diffCatalogues(buildKleveCatalogue(), after);
    expect(only(diff, "phase-open-end-added")).toMatchObject({
      from: point("2023"),
      continuation: { from: null, to: "ongoing" },
    });
    expect(kindsOf(diff)).not.toContain("phase-continuation-changed");
  });

  it("reports an open phase that now ends as an open end removed", () => {
    const after = withPhase(DMS, DMS_SUPPORT, {
      end: "2030",
      continuation: null,
    });
    expect(
      only(
        diffCatalogues(buildKleveCatalogue(), after),
        "phase-open-end-removed",
      ),
    ).toMatchObject({
      to: point("2030"),
      continuation: { from: "ongoing", to: null },
    });
  });

  it("reports 'danach laufend' turned into a standing task as a continuation change", () => {
    const after = withPhase(DMS, DMS_SUPPORT, { continuation: "permanent" });
    expect(
      only(
        diffCatalogues(buildKleveCatalogue(), after),
        "phase-continuation-changed",
      ),
    ).toMatchObject({ from: "ongoing", to: "permanent" });
  });
});

describe("projects added, removed, renamed, moved and changed", () => {
  it("reports the Social Intranet as added, without listing its phases and measures", () => {
    const before = buildKleveCatalogue();
    const after = addProject(before, "smart-working", buildSocialIntranet());
    const diff = diffCatalogues(before, after);
    expect(kindsOf(diff)).toEqual(["project-added"]);
    expect(only(diff, "project-added")).toMatchObject({
      key: "project-added:project-29",
      project: {
        code: "2.9",
        title: "Social Intranet",
        actionField: { key: "smart-working", number: 2 },
      },
    });
  });

  it("reports a removed project", () => {
    const before = buildKleveCatalogue();
    const after = removeProject(before, "workflowmanagement");
    expect(kindsOf(diffCatalogues(before, after))).toEqual(["project-removed"]);
  });

  it("reports a new title with old and new", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, E_RECHNUNG, (project) => ({
      ...project,
      title: "E-Rechnung",
    }));
    expect(
      only(diffCatalogues(before, after), "project-renamed"),
    ).toMatchObject({
      from: "E-Rechnungsworkflow",
      to: "E-Rechnung",
    });
  });

  it("reports a changed project number", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, "workflowmanagement", (project) => ({
      ...project,
      code: "2.7",
    }));
    expect(
      only(diffCatalogues(before, after), "project-code-changed"),
    ).toMatchObject({
      from: "2.6",
      to: "2.7",
    });
  });

  it("reports a project moved to another action field of the same impact area", () => {
    const before = buildKleveCatalogue();
    const after = moveProject(before, "workflowmanagement", "strategieplanung");
    const change = only(diffCatalogues(before, after), "project-moved");
    expect(change.from.actionField.key).toBe("smart-working");
    expect(change.to.actionField.key).toBe("strategieplanung");
    expect(change.impactAreaChanged).toBe(false);
  });

  it("marks a move into another impact area", () => {
    const before = buildKleveCatalogue();
    const after = moveProject(before, "workflowmanagement", "e-government");
    expect(
      only(diffCatalogues(before, after), "project-moved").impactAreaChanged,
    ).toBe(true);
  });

  it("does not report a move when only the order within the field changed", () => {
    const before = buildKleveCatalogue();
    const after = moveProject(before, DMS, "smart-working");
    expect(diffCatalogues(before, after).changes).toEqual([]);
  });

  it("reports a status change", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, "smart-city-strategie", (project) => ({
      ...project,
      status: "in_progress",
    }));
    expect(
      only(diffCatalogues(before, after), "project-status-changed"),
    ).toMatchObject({
      from: "planned",
      to: "in_progress",
    });
  });
});

describe("projects finished early or late", () => {
  function completeBeteiligung(end?: string): Catalogue {
    return updateProject(buildKleveCatalogue(), BETEILIGUNG, (project) => {
      const completed = { ...project, status: "completed" as const };
      return end === undefined
        ? completed
        : updatePhase(completed, BETEILIGUNG_UMSETZUNG, { end });
    });
  }

  it("reports a project completed with its last finite phase ending a year early", () => {
    const diff = diffCatalogues(
      buildKleveCatalogue(),
      completeBeteiligung("2021"),
    );
    expect(only(diff, "project-finished-early")).toMatchObject({
      key: "project-finished-early:project-32",
      phase: { id: BETEILIGUNG_UMSETZUNG, label: "Umsetzung" },
      from: point("2022"),
      to: point("2021"),
      shift: { direction: "earlier", amount: 1, unit: "year" },
      basis: "plan",
    });
  });

  it("does not also report the end shift of the phase that makes the finish", () => {
    const diff = diffCatalogues(
      buildKleveCatalogue(),
      completeBeteiligung("2021"),
    );
    expect(kindsOf(diff)).toEqual([
      "project-status-changed",
      "project-finished-early",
    ]);
  });

  it("reports a project completed with its end moved later as finished late", () => {
    const diff = diffCatalogues(
      buildKleveCatalogue(),
      completeBeteiligung("2023-Q2"),
    );
    expect(only(diff, "project-finished-late").shift).toEqual({
      direction: "later",
      amount: 1,
      unit: "year",
    });
  });

  it("reports a project completed without touching its plan as early when the draft's day lies before the planned finish", () => {
    const diff = diffCatalogues(buildKleveCatalogue(), completeBeteiligung(), {
      asOf: dayNumberOf(2021, 12, 2),
    });
    expect(only(diff, "project-finished-early")).toMatchObject({
      from: point("2022"),
      to: point("2021"),
      basis: "as-of",
    });
  });

  it("does not infer a finish from an untouched plan without the draft's day", () => {
    const diff = diffCatalogues(buildKleveCatalogue(), completeBeteiligung());
    expect(kindsOf(diff)).toEqual(["project-status-changed"]);
  });

  it("never infers lateness from the draft's day", () => {
    const diff = diffCatalogues(buildKleveCatalogue(), completeBeteiligung(), {
      asOf: dayNumberOf(2024, 3, 1),
    });
    expect(kindsOf(diff)).toEqual(["project-status-changed"]);
  });

  it("reports only a phase shift, not a finish, for a project still running", () => {
    const after = withPhase(DMS, DMS_UMSETZUNG, { end: "2024" });
    expect(kindsOf(diffCatalogues(buildKleveCatalogue(), after))).toEqual([
      "phase-end-shifted",
    ]);
  });
});

describe("measures", () => {
  it("reports a dated measure moving as a shift that needs a reason, and a date first given or refined as none", () => {
    const dated = updateProject(buildKleveCatalogue(), DMS, (project) =>
      updateMeasure(project, 2101, {
        start: point("2024"),
        end: point("2024"),
      }),
    );
    const moved = updateProject(dated, DMS, (project) =>
      updateMeasure(project, 2101, {
        start: point("2024"),
        end: point("2025-Q2"),
      }),
    );
    const diff = diffCatalogues(dated, moved);
    expect(only(diff, "measure-end-shifted")).toMatchObject({
      key: "measure-end-shifted:project-21:measure-2101",
      measure: { id: 2101 },
      shift: { direction: "later" },
    });
    expect(shiftsNeedingReason(diff).map((change) => change.kind)).toEqual([
      "measure-end-shifted",
    ]);
    // The budget year first given, then given to the quarter: no shift.
    expect(kindsOf(diffCatalogues(buildKleveCatalogue(), dated))).not.toContain(
      "measure-end-shifted",
    );
    const refined = updateProject(dated, DMS, (project) =>
      updateMeasure(project, 2101, { end: point("2024-Q4") }),
    );
    expect(shiftsNeedingReason(diffCatalogues(dated, refined))).toEqual([]);
  });

  it("reports a measure done", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) =>
      updateMeasure(project, 2101, { status: "done" }),
    );
    expect(
      only(diffCatalogues(before, after), "measure-status-changed"),
    ).toMatchObject({
      key: "measure-status-changed:project-21:measure-2101",
      measure: { id: 2101, title: "Rollout außerhalb der Pilotbereiche" },
      from: "in_progress",
      to: "done",
    });
  });

  it("reports a measure added", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) => ({
      ...project,
      measures: [
        ...project.measures,
        buildMeasure({ id: 2103, title: "Digitalisierung des Posteingangs" }),
      ],
    }));
    expect(
      only(diffCatalogues(before, after), "measure-added").measure.title,
    ).toBe("Digitalisierung des Posteingangs");
  });

  it("reports a measure removed", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) => ({
      ...project,
      measures: project.measures.filter((measure) => measure.id !== 2102),
    }));
    expect(
      only(diffCatalogues(before, after), "measure-removed").measure.id,
    ).toBe(2102);
  });

  it("reports a renamed measure", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) =>
      updateMeasure(project, 2102, { title: "Anbindung der Fachverfahren" }),
    );
    expect(
      only(diffCatalogues(before, after), "measure-renamed"),
    ).toMatchObject({
      from: "Anbindung von Fachverfahren",
      to: "Anbindung der Fachverfahren",
    });
  });
});

describe("responsibilities", () => {
  it("reports a unit that became responsible, with its name", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, DMS, (project) => ({
      ...project,
      responsibilities: [
        ...project.responsibilities,
        { orgUnitCode: "20", role: "contributing", note: null },
      ],
    }));
    expect(
      only(diffCatalogues(before, after), "responsibility-added"),
    ).toMatchObject({
      key: "responsibility-added:project-21:org-unit-20",
      orgUnit: { code: "20", name: "Fachbereich 20" },
      role: "contributing",
    });
  });

  it("reports a unit that is no longer responsible", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, E_RECHNUNG, (project) => ({
      ...project,
      responsibilities: project.responsibilities.filter(
        (each) => each.orgUnitCode !== "10.2",
      ),
    }));
    expect(
      only(diffCatalogues(before, after), "responsibility-removed").orgUnit
        .code,
    ).toBe("10.2");
  });

  it("reports a changed role", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, E_RECHNUNG, (project) => ({
      ...project,
      responsibilities: project.responsibilities.map((each) =>
        each.orgUnitCode === "10.2" ? { ...each, role: "lead" as const } : each,
      ),
    }));
    expect(
      only(diffCatalogues(before, after), "responsibility-role-changed"),
    ).toMatchObject({
      from: "contributing",
      to: "lead",
    });
  });
});

describe("dependencies", () => {
  it("reports a dependency added, naming the prerequisite", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, E_RECHNUNG, (project) => ({
      ...project,
      dependsOn: [DMS],
    }));
    expect(
      only(diffCatalogues(before, after), "dependency-added"),
    ).toMatchObject({
      key: "dependency-added:project-25:needs:project-21",
      project: { code: "2.5" },
      prerequisite: {
        slug: DMS,
        code: "2.1",
        title: "Dokumentenmanagementsystem",
      },
    });
  });

  it("reports a dependency removed", () => {
    const before = buildKleveCatalogue();
    const after = updateProject(before, "smart-city-strategie", (project) => ({
      ...project,
      dependsOn: [],
    }));
    expect(
      only(diffCatalogues(before, after), "dependency-removed").prerequisite
        .slug,
    ).toBe("digitalisierungsstrategie");
  });

  it("does not report a dependency change when the prerequisite's slug is renamed", () => {
    const before = buildKleveCatalogue();
    const renamed = updateProject(
      before,
      "digitalisierungsstrategie",
      (project) => ({
        ...project,
        slug: "strategie",
      }),
    );
    const after = updateProject(renamed, "smart-city-strategie", (project) => ({
      ...project,
      dependsOn: ["strategie"],
    }));
    expect(diffCatalogues(before, after).changes).toEqual([]);
  });
});

describe("programme priorities and horizon", () => {
  function withProgramme(
    change: (programme: Catalogue["programme"]) => Catalogue["programme"],
  ): Catalogue {
    const catalogue = buildKleveCatalogue();
    return { ...catalogue, programme: change(catalogue.programme) };
  }

  it("reports a priority added for a year", () => {
    const after = withProgramme((programme) => ({
      ...programme,
      priorities: [
        ...programme.priorities,
        {
          year: 2023,
          title: "Umsetzung Onlinezugangsgesetz (OZG)",
          projectSlugs: [],
        },
      ],
    }));
    expect(
      only(diffCatalogues(buildKleveCatalogue(), after), "priority-added"),
    ).toMatchObject({
      key: "priority-added:2023:Umsetzung Onlinezugangsgesetz (OZG)",
      year: 2023,
    });
  });

  it("reports a priority removed", () => {
    const after = withProgramme((programme) => ({
      ...programme,
      priorities: programme.priorities.filter(
        (each) => each.title !== "Neue Internetseite",
      ),
    }));
    expect(
      only(diffCatalogues(buildKleveCatalogue(), after), "priority-removed")
        .title,
    ).toBe("Neue Internetseite");
  });

  it("reports a priority that now names other projects", () => {
    const after = withProgramme((programme) => ({
      ...programme,
      priorities: programme.priorities.map((each) =>
        each.title === "Neue Internetseite"
          ? { ...each, projectSlugs: [BETEILIGUNG] }
          : each,
      ),
    }));
    const change = only(
      diffCatalogues(buildKleveCatalogue(), after),
      "priority-projects-changed",
    );
    expect(change.added).toEqual([
      { slug: BETEILIGUNG, code: "3.2", title: "Online-Beteiligungsplattform" },
    ]);
    expect(change.removed).toEqual([]);
  });

  it("reports a changed horizon", () => {
    const after = withProgramme((programme) => ({
      ...programme,
      horizonEnd: 2032,
    }));
    expect(
      only(
        diffCatalogues(buildKleveCatalogue(), after),
        "programme-horizon-changed",
      ),
    ).toMatchObject({
      from: { startYear: 2020, endYear: 2030 },
      to: { startYear: 2020, endYear: 2032 },
    });
  });
});

describe("shifts that need a reason", () => {
  it("counts start and end shifts of phases and dated measures and early or late finishes as shifts", () => {
    const shiftKinds = CATALOGUE_CHANGE_KINDS.filter((kind) =>
      isShift({ kind } as CatalogueChange),
    );
    expect(shiftKinds).toEqual([
      "project-finished-early",
      "project-finished-late",
      "phase-start-shifted",
      "phase-end-shifted",
      "measure-start-shifted",
      "measure-end-shifted",
    ]);
  });

  it("lists the shifts of a revision in report order", () => {
    const moved = withPhase(DMS, DMS_UMSETZUNG, { end: "2024" });
    const after = withPhase(DMS, DMS_SUPPORT, { start: "2025" }, moved);
    const withNewProject = addProject(
      after,
      "smart-working",
      buildSocialIntranet(),
    );
    expect(
      shiftsNeedingReason(
        diffCatalogues(buildKleveCatalogue(), withNewProject),
      ).map((change) => change.key),
    ).toEqual([
      "phase-end-shifted:project-21:phase-211",
      "phase-start-shifted:project-21:phase-212",
    ]);
  });
});

describe("the order of changes", () => {
  it("puts programme changes first, then projects in catalogue order, removed projects last", () => {
    const before = buildKleveCatalogue();
    let after = removeProject(before, "digitalisierungsstrategie");
    after = withPhase(DMS, DMS_UMSETZUNG, { end: "2024" }, after);
    after = updateProject(after, "smart-city-strategie", (project) => ({
      ...project,
      status: "in_progress",
    }));
    after = { ...after, programme: { ...after.programme, horizonStart: 2021 } };
    expect(
      diffCatalogues(before, after).changes.map((change) => change.key),
    ).toEqual([
      "programme-horizon-changed",
      "project-status-changed:project-12",
      "phase-end-shifted:project-21:phase-211",
      `project-removed:project-${KLEVE.digitalisierungsstrategie}`,
    ]);
  });
});
