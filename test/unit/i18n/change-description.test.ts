import { describe, expect, it } from "vitest";

import type { Catalogue } from "../../../src/domain/catalogue/catalogue.js";
import type {
  CatalogueChange,
  CatalogueChangeKind,
} from "../../../src/domain/edition/catalogue-change.js";
import { diffCatalogues } from "../../../src/domain/edition/catalogue-diff.js";
import {
  describeChangeGerman,
  describeConflictGerman,
  describeShiftCountGerman,
} from "../../../src/i18n/change-description.js";
import { findDependencyConflicts } from "../../../src/domain/edition/dependency-conflicts.js";
import {
  addProject,
  buildKleveCatalogue,
  buildMeasure,
  buildPhase,
  buildSocialIntranet,
  moveProject,
  updateMeasure,
  updatePhase,
  updateProject,
} from "../domain/edition/factory.js";

const DMS = "dokumentenmanagementsystem";

/** The one change of the given kind between the Kleve excerpt and `after`. */
function changeOf(
  after: Catalogue,
  kind: CatalogueChangeKind,
): CatalogueChange {
  const change = diffCatalogues(buildKleveCatalogue(), after).changes.find(
    (each) => each.kind === kind,
  );
  if (change === undefined) throw new Error(`no ${kind}`);
  return change;
}

function editDms(edit: Parameters<typeof updateProject>[2]): Catalogue {
  return updateProject(buildKleveCatalogue(), DMS, edit);
}

describe("German sentences for changes", () => {
  it("describes an end moved from 2023 to QII/2024", () => {
    const change = changeOf(
      editDms((project) => updatePhase(project, 211, { end: "2024-Q2" })),
      "phase-end-shifted",
    );
    expect(describeChangeGerman(change)).toBe(
      "Zeitraum Umsetzung: Ende von 2023 auf QII/2024 verschoben (1 Jahr später)",
    );
  });

  it("describes a start moved two quarters later", () => {
    const after = updateProject(
      buildKleveCatalogue(),
      "e-rechnungsworkflow",
      (project) => updatePhase(project, 251, { start: "2022-Q2" }),
    );
    expect(describeChangeGerman(changeOf(after, "phase-start-shifted"))).toBe(
      "Zeitraum Einführung: Beginn von QIV/2021 auf QII/2022 verschoben (2 Quartale später)",
    );
  });

  it("describes an end given more precisely", () => {
    const change = changeOf(
      editDms((project) => updatePhase(project, 211, { end: "2023-Q4" })),
      "phase-end-precision-changed",
    );
    expect(describeChangeGerman(change)).toBe(
      "Zeitraum Umsetzung: Ende von 2023 auf QIV/2023 präzisiert",
    );
  });

  it("describes the Social Intranet as newly added", () => {
    const after = addProject(
      buildKleveCatalogue(),
      "smart-working",
      buildSocialIntranet(),
    );
    expect(describeChangeGerman(changeOf(after, "project-added"))).toBe(
      "Neu aufgenommen",
    );
    expect(
      describeChangeGerman(changeOf(after, "project-added"), {
        withProject: true,
      }),
    ).toBe("Projekt 2.9 Social Intranet neu aufgenommen");
  });

  it("describes a measure done", () => {
    const change = changeOf(
      editDms((project) => updateMeasure(project, 2101, { status: "done" })),
      "measure-status-changed",
    );
    expect(describeChangeGerman(change)).toBe(
      "Einzelmaßnahme „Rollout außerhalb der Pilotbereiche“ erledigt",
    );
  });

  it("describes a measure begun", () => {
    const change = changeOf(
      editDms((project) =>
        updateMeasure(project, 2102, { status: "in_progress" }),
      ),
      "measure-status-changed",
    );
    expect(describeChangeGerman(change)).toBe(
      "Einzelmaßnahme „Anbindung von Fachverfahren“ begonnen",
    );
  });

  it("describes a measure added", () => {
    const change = changeOf(
      editDms((project) => ({
        ...project,
        measures: [
          ...project.measures,
          buildMeasure({ title: "Digitalisierung des Posteingangs" }),
        ],
      })),
      "measure-added",
    );
    expect(describeChangeGerman(change)).toBe(
      "Einzelmaßnahme „Digitalisierung des Posteingangs“ neu aufgenommen",
    );
  });

  it("describes a project finished a year early", () => {
    const after = updateProject(
      buildKleveCatalogue(),
      "online-beteiligungsplattform",
      (project) =>
        updatePhase({ ...project, status: "completed" }, 321, { end: "2021" }),
    );
    expect(
      describeChangeGerman(changeOf(after, "project-finished-early")),
    ).toBe("Früher abgeschlossen als geplant: 2021 statt 2022 (1 Jahr früher)");
    expect(
      describeChangeGerman(changeOf(after, "project-finished-early"), {
        withProject: true,
      }),
    ).toBe(
      "Projekt 3.2 Online-Beteiligungsplattform früher abgeschlossen als geplant: 2021 statt 2022 (1 Jahr früher)",
    );
  });

  it("describes a project moved to another action field", () => {
    const after = moveProject(
      buildKleveCatalogue(),
      "workflowmanagement",
      "strategieplanung",
    );
    expect(describeChangeGerman(changeOf(after, "project-moved"))).toBe(
      "Jetzt im Aktionsfeld 1 Strategieplanung (bisher 2 Smart Working)",
    );
    expect(
      describeChangeGerman(changeOf(after, "project-moved"), {
        withProject: true,
      }),
    ).toBe(
      "Projekt 2.6 Workflowmanagement jetzt im Aktionsfeld 1 Strategieplanung (bisher 2 Smart Working)",
    );
  });

  it("describes a status change with the UI's words", () => {
    const after = updateProject(
      buildKleveCatalogue(),
      "smart-city-strategie",
      (project) => ({
        ...project,
        status: "in_progress",
      }),
    );
    expect(
      describeChangeGerman(changeOf(after, "project-status-changed")),
    ).toBe("Status von „geplant“ auf „in Umsetzung“ geändert");
    expect(
      describeChangeGerman(changeOf(after, "project-status-changed"), {
        withProject: true,
      }),
    ).toBe(
      "Projekt 1.2 Smart City Strategie: Status von „geplant“ auf „in Umsetzung“ geändert",
    );
  });

  it("describes a new responsibility with the unit's name", () => {
    const change = changeOf(
      editDms((project) => ({
        ...project,
        responsibilities: [
          ...project.responsibilities,
          { orgUnitCode: "20", role: "contributing", note: null },
        ],
      })),
      "responsibility-added",
    );
    expect(describeChangeGerman(change)).toBe(
      "Zuständigkeit: Fachbereich 20 neu beteiligt",
    );
  });

  it("describes a new dependency", () => {
    const after = updateProject(
      buildKleveCatalogue(),
      "e-rechnungsworkflow",
      (project) => ({
        ...project,
        dependsOn: [DMS],
      }),
    );
    expect(describeChangeGerman(changeOf(after, "dependency-added"))).toBe(
      "Neue Abhängigkeit: setzt 2.1 Dokumentenmanagementsystem voraus",
    );
  });

  it("describes an added phase with its period", () => {
    const change = changeOf(
      editDms((project) => ({
        ...project,
        phases: [
          ...project.phases,
          buildPhase({ label: "Scanstruktur", start: "2025", end: "2026" }),
        ],
      })),
      "phase-added",
    );
    expect(describeChangeGerman(change)).toBe(
      "Zeitraum Scanstruktur (2025–2026) neu aufgenommen",
    );
  });

  it("describes an end replaced by 'danach laufend'", () => {
    const change = changeOf(
      editDms((project) =>
        updatePhase(project, 211, { end: null, continuation: "ongoing" }),
      ),
      "phase-open-end-added",
    );
    expect(describeChangeGerman(change)).toBe(
      "Zeitraum Umsetzung: kein Ende mehr (bisher 2023), danach laufend",
    );
  });

  it("describes a changed horizon", () => {
    const before = buildKleveCatalogue();
    const after = {
      ...before,
      programme: { ...before.programme, horizonEnd: 2032 },
    };
    expect(
      describeChangeGerman(changeOf(after, "programme-horizon-changed")),
    ).toBe("Zeithorizont von 2020–2030 auf 2020–2032 geändert");
  });

  it("puts the project in front of a change inside it when asked", () => {
    const change = changeOf(
      editDms((project) => updatePhase(project, 211, { end: "2024" })),
      "phase-end-shifted",
    );
    expect(describeChangeGerman(change, { withProject: true })).toBe(
      "2.1 Dokumentenmanagementsystem – Zeitraum Umsetzung: Ende von 2023 auf 2024 verschoben (1 Jahr später)",
    );
  });

  it("does not name the project twice for a project-level change", () => {
    const after = addProject(
      buildKleveCatalogue(),
      "smart-working",
      buildSocialIntranet(),
    );
    expect(
      describeChangeGerman(changeOf(after, "project-added"), {
        withProject: true,
      }),
    ).toBe("Projekt 2.9 Social Intranet neu aufgenommen");
  });
});

describe("German counts and conflicts", () => {
  it("counts shifts per reason", () => {
    expect(describeShiftCountGerman(5, "OZG-Aufwand")).toBe(
      "5 Verschiebungen wegen OZG-Aufwand",
    );
  });

  it("uses the singular for one shift", () => {
    expect(describeShiftCountGerman(1, "Personal")).toBe(
      "1 Verschiebung wegen Personal",
    );
  });

  it("describes a dependency conflict", () => {
    const draft = updateProject(
      buildKleveCatalogue(),
      "e-rechnungsworkflow",
      (project) => ({
        ...project,
        dependsOn: [DMS],
      }),
    );
    const [conflict] = findDependencyConflicts(draft);
    expect(describeConflictGerman(conflict!)).toBe(
      "2.5 E-Rechnungsworkflow beginnt QIV/2021, setzt aber 2.1 Dokumentenmanagementsystem voraus, das erst 2023 fertig ist: 2 Jahre zu früh",
    );
  });

  it("names the projects affected downstream of a conflict", () => {
    const draft = updateProject(
      updateProject(
        buildKleveCatalogue(),
        "digitale-kommunikation-intern",
        (project) => ({
          ...project,
          dependsOn: ["e-rechnungsworkflow"],
        }),
      ),
      "e-rechnungsworkflow",
      (project) => ({ ...project, dependsOn: [DMS] }),
    );
    const conflict = findDependencyConflicts(draft).find(
      (each) => each.dependent.code === "2.5",
    );
    expect(describeConflictGerman(conflict!)).toMatch(
      /; betroffen: 2\.10 Digitale Kommunikation \(intern\)$/,
    );
  });
});
