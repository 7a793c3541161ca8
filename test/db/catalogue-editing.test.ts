import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { addDependency } from "../../src/app/catalogue/add-dependency.js";
import { addMeasure } from "../../src/app/catalogue/add-measure.js";
import { addPhase } from "../../src/app/catalogue/add-phase.js";
import { createProject } from "../../src/app/catalogue/create-project.js";
import { deleteProject } from "../../src/app/catalogue/delete-project.js";
import { isEditConflict } from "../../src/app/catalogue/edit-conflict.js";
import { moveMeasure } from "../../src/app/catalogue/move-measure.js";
import {
  getCatalogue,
  getProject,
  searchCatalogue,
} from "../../src/app/catalogue/read-catalogue.js";
import { removeDependency } from "../../src/app/catalogue/remove-dependency.js";
import { removeMeasure } from "../../src/app/catalogue/remove-measure.js";
import { removePhase } from "../../src/app/catalogue/remove-phase.js";
import { reorderMeasures } from "../../src/app/catalogue/reorder-measures.js";
import { setMeasureStatus } from "../../src/app/catalogue/set-measure-status.js";
import { setResponsibilities } from "../../src/app/catalogue/set-responsibilities.js";
import { setTags } from "../../src/app/catalogue/set-tags.js";
import { updateMeasure } from "../../src/app/catalogue/update-measure.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { updateProject } from "../../src/app/catalogue/update-project.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import type { Project } from "../../src/domain/catalogue/catalogue.js";
import { formatPointInTime } from "../../src/domain/period/point-in-time.js";
import { AppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

/** The error a promise rejects with (fails the test when it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the change to be refused");
}

describe.each(DIALECTS)("editing a project on %s", (dialect) => {
  let t: TestContext;
  let municipalityId: number;
  let editor101: UserPrincipal;
  let editor61: UserPrincipal;
  let admin: UserPrincipal;
  let committee: UserPrincipal;

  async function project(slug: string): Promise<Project> {
    return (await getProject(t.ctx, "kleve", slug)).entry.project;
  }

  async function dataVersion(): Promise<number> {
    return (await getCatalogue(t.ctx, "kleve")).municipality.dataVersion;
  }

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
    editor101 = buildPrincipal(municipalityId, {
      name: "Erika Muster",
      email: "erika@kleve.example",
      orgUnitCodes: ["10.1"],
    });
    editor61 = buildPrincipal(municipalityId, { orgUnitCodes: ["61"] });
    admin = buildPrincipal(municipalityId, { role: "admin", orgUnitCodes: [] });
    committee = buildPrincipal(municipalityId, {
      role: "committee",
      orgUnitCodes: ["10.1"],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("moves the end of a phase from 2023 to QII/2024, with a new version, a new data version and an audit event", async () => {
    const before = await project("e-rechnungsworkflow");
    const phase = before.phases[0]!;
    expect(formatPointInTime(phase.end!)).toBe("2023");
    const versionBefore = await dataVersion();

    const result = await updatePhase(
      t.ctx,
      editor101,
      {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        phaseId: phase.id,
        expectedVersion: before.version,
        reason: "  Verzögerung durch OZG-Aufwand ",
        data: { label: "Einführung", start: "2021-Q4", end: "2024-Q2" },
      },
      { ip: "192.0.2.10" },
    );

    expect(result.version).toBe(before.version + 1);
    const after = await project("e-rechnungsworkflow");
    expect(after.version).toBe(before.version + 1);
    expect(formatPointInTime(after.phases[0]!.end!)).toBe("2024-Q2");
    expect(await dataVersion()).toBe(versionBefore + 1);

    const [event] = await readAuditEvents(t.ctx, {
      municipalityId,
      projectId: before.id,
      limit: 1,
    });
    expect(event).toMatchObject({
      at: TEST_NOW.toISOString(),
      actorUserId: editor101.userId,
      actorLabel: "Erika Muster <erika@kleve.example>",
      action: "phase.update",
      entityType: "phase",
      entityId: String(phase.id),
      entityLabel: "2.5 E-Rechnungsworkflow – Einführung",
      projectId: before.id,
      before: {
        label: "Einführung",
        start: "2021-Q4",
        end: "2023",
        continuation: null,
        note: null,
      },
      after: {
        label: "Einführung",
        start: "2021-Q4",
        end: "2024-Q2",
        continuation: null,
        note: null,
      },
      reason: "Verzögerung durch OZG-Aufwand",
      ip: "192.0.2.10",
      version: before.version + 1,
    });
  });

  it("refuses an editor of another department with ERR_FORBIDDEN, changes nothing and logs the refusal", async () => {
    const before = await project("e-rechnungsworkflow");
    const versionBefore = await dataVersion();
    const error = await rejectionOf(
      updateProject(t.ctx, editor61, {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        expectedVersion: before.version,
        data: {
          title: "Übernommen",
          summary: before.summary,
          status: "paused",
        },
      }),
    );
    expect(error.code).toBe("ERR_FORBIDDEN");
    expect(await project("e-rechnungsworkflow")).toEqual(before);
    expect(await dataVersion()).toBe(versionBefore);
    const [event] = await readAuditEvents(t.ctx, {
      municipalityId,
      projectId: before.id,
      limit: 1,
    });
    expect(event).toMatchObject({
      action: "access.denied",
      actorUserId: editor61.userId,
      entityType: "project",
      after: { attempted: "project.update", code: "ERR_FORBIDDEN" },
    });
    expect(event?.before).toBeNull();
  });

  it("lets an editor of Fachbereich 61 edit a project 61 shares, and refuses committee readers everywhere", async () => {
    const before = await project("online-beteiligungsplattform");
    const result = await setTags(t.ctx, editor61, {
      municipality: "kleve",
      project: "online-beteiligungsplattform",
      expectedVersion: before.version,
      data: { tags: ["Smart People", "Smart Governance"] },
    });
    expect(result.project.tags).toEqual(["Smart People", "Smart Governance"]);
    const error = await rejectionOf(
      setTags(t.ctx, committee, {
        municipality: "kleve",
        project: "online-beteiligungsplattform",
        expectedVersion: result.version,
        data: { tags: [] },
      }),
    );
    expect(error.code).toBe("ERR_FORBIDDEN");
  });

  it("refuses an editor of 10.1 on a project without 10.1", async () => {
    await createProject(t.ctx, admin, {
      municipality: "kleve",
      data: {
        actionField: "partizipation",
        slug: "buergerhaushalt",
        code: "3.9",
        title: "Bürgerhaushalt",
        summary: "Die Bürgerschaft schlägt Ausgaben vor.",
        status: "planned",
        responsibilities: [{ orgUnit: "61", role: "lead" }],
      },
    });
    const created = await project("buergerhaushalt");
    const error = await rejectionOf(
      updateProject(t.ctx, editor101, {
        municipality: "kleve",
        project: "buergerhaushalt",
        expectedVersion: created.version,
        data: { title: "Bürgerhaushalt 2.0", summary: "", status: "planned" },
      }),
    );
    expect(error.code).toBe("ERR_FORBIDDEN");
    expect((await project("buergerhaushalt")).title).toBe("Bürgerhaushalt");
  });

  it("refuses a save on a stale version with ERR_CONFLICT, carrying the current state and who changed what since", async () => {
    const start = await project("dokumentenmanagementsystem");
    await updateProject(t.ctx, admin, {
      municipality: "kleve",
      project: "dokumentenmanagementsystem",
      expectedVersion: start.version,
      reason: "Stand Sitzung APD",
      data: {
        title: start.title,
        summary: "Neue Zusammenfassung.",
        status: start.status,
      },
    });
    const error = await rejectionOf(
      updateProject(t.ctx, editor101, {
        municipality: "kleve",
        project: "dokumentenmanagementsystem",
        expectedVersion: start.version,
        data: {
          title: "Mein Titel",
          summary: start.summary,
          status: "completed",
        },
      }),
    );
    expect(error.code).toBe("ERR_CONFLICT");
    expect(error.status).toBe(409);
    if (!isEditConflict(error))
      throw new Error("expected an EditConflictError");
    expect(error.currentVersion).toBe(start.version + 1);
    expect(error.current).toMatchObject({
      kind: "project",
      project: { summary: "Neue Zusammenfassung.", title: start.title },
    });
    expect(error.changes).toHaveLength(1);
    expect(error.changes[0]).toMatchObject({
      action: "project.update",
      actorUserId: admin.userId,
      reason: "Stand Sitzung APD",
    });
    const stored = await project("dokumentenmanagementsystem");
    expect(stored.title).toBe(start.title);
    expect(stored.status).toBe(start.status);
  });

  it("refuses a dependency that would close a cycle, naming the cycle by code and title", async () => {
    const dms = await project("dokumentenmanagementsystem");
    const error = await rejectionOf(
      addDependency(t.ctx, editor101, {
        municipality: "kleve",
        project: "dokumentenmanagementsystem",
        expectedVersion: dms.version,
        data: { dependsOn: "e-rechnungsworkflow" },
      }),
    );
    expect(error.code).toBe("ERR_DEPENDENCY_CYCLE");
    expect(error.detail).toBe(
      "Kreis: 2.1 Dokumentenmanagementsystem → 2.5 E-Rechnungsworkflow → 2.1 Dokumentenmanagementsystem.",
    );
    expect(error.problems[0]?.path).toBe("/data/dependsOn");
    expect(await project("dokumentenmanagementsystem")).toEqual(dms);
  });

  it("adds and removes a dependency", async () => {
    const before = await project("workflowmanagement");
    const added = await addDependency(t.ctx, editor101, {
      municipality: "kleve",
      project: "workflowmanagement",
      expectedVersion: before.version,
      data: { dependsOn: "digitales-prozessmanagement" },
    });
    expect(added.project.dependsOn).toContain("digitales-prozessmanagement");
    const { dependents } = await getProject(
      t.ctx,
      "kleve",
      "digitales-prozessmanagement",
    );
    expect(dependents.map((entry) => entry.project.slug)).toContain(
      "workflowmanagement",
    );
    const removed = await removeDependency(t.ctx, editor101, {
      municipality: "kleve",
      project: "workflowmanagement",
      expectedVersion: added.version,
      dependsOn: "digitales-prozessmanagement",
    });
    expect(removed.project.dependsOn).toEqual(before.dependsOn);
  });

  it("refuses a phase whose end lies before its start, with a German message at the field", async () => {
    const before = await project("e-rechnungsworkflow");
    const error = await rejectionOf(
      addPhase(t.ctx, editor101, {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        expectedVersion: before.version,
        data: { label: "Evaluation", start: "2025", end: "2024-Q2" },
      }),
    );
    expect(error.code).toBe("ERR_VALIDATION");
    expect(error.problems).toEqual([
      { path: "/data/end", message: "Das Ende liegt vor dem Beginn." },
    ]);
    expect(await project("e-rechnungsworkflow")).toEqual(before);
  });

  it("refuses a changed phase whose end lies before its start and changes nothing", async () => {
    const before = await project("e-rechnungsworkflow");
    const phase = before.phases[0]!;
    const error = await rejectionOf(
      updatePhase(t.ctx, editor101, {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        phaseId: phase.id,
        expectedVersion: before.version,
        data: { label: phase.label, start: "2026", end: "2025-Q4" },
      }),
    );
    expect(error.code).toBe("ERR_VALIDATION");
    expect(error.problems).toEqual([
      { path: "/data/end", message: "Das Ende liegt vor dem Beginn." },
    ]);
    expect(await project("e-rechnungsworkflow")).toEqual(before);
  });

  it("refuses input that breaks the schema, naming each field with a JSON pointer", async () => {
    const error = await rejectionOf(
      addPhase(t.ctx, editor101, {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        expectedVersion: 1,
        data: { label: "", start: "QII/2024" },
      }),
    );
    expect(error.code).toBe("ERR_VALIDATION");
    expect(error.problems.map((problem) => problem.path)).toEqual([
      "/data/label",
      "/data/start",
    ]);
    expect(error.problems[0]?.message).toBe("darf nicht leer sein");
  });

  it("adds a phase with an open end and removes it again", async () => {
    const before = await project("e-rechnungsworkflow");
    const added = await addPhase(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: before.version,
      data: { label: "Betrieb", start: "2025-05", continuation: "permanent" },
    });
    const phase = added.project.phases.find(
      (candidate) => candidate.id === added.phaseId,
    );
    expect(phase).toMatchObject({
      label: "Betrieb",
      end: null,
      continuation: "permanent",
    });
    const removed = await removePhase(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: added.version,
      phaseId: added.phaseId,
    });
    expect(removed.project.phases).toHaveLength(before.phases.length);
  });

  it("adds, edits, moves, reorders, sets the status of and removes measures, keeping search up to date", async () => {
    const before = await project("e-rechnungsworkflow");
    const added = await addMeasure(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: before.version,
      data: {
        title: "Anbindung des Xylophon-Rechnungsportals",
        status: "planned",
      },
    });
    expect(added.project.measures.at(-1)).toMatchObject({
      id: added.measureId,
      status: "planned",
    });
    expect(
      (await searchCatalogue(t.ctx, "kleve", "xylophon")).hits.map(
        (hit) => hit.kind,
      ),
    ).toEqual(["measure"]);

    const moved = await moveMeasure(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: added.version,
      measureId: added.measureId,
      data: { direction: "up" },
    });
    expect(moved.project.measures.at(-2)?.id).toBe(added.measureId);

    const reversed = moved.project.measures
      .map((measure) => measure.id)
      .reverse();
    const reordered = await reorderMeasures(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: moved.version,
      data: { measureIds: reversed },
    });
    expect(reordered.project.measures.map((measure) => measure.id)).toEqual(
      reversed,
    );

    const incomplete = await rejectionOf(
      reorderMeasures(t.ctx, editor101, {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        expectedVersion: reordered.version,
        data: { measureIds: reversed.slice(1) },
      }),
    );
    expect(incomplete.problems[0]?.path).toBe("/data/measureIds");

    const status = await setMeasureStatus(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: reordered.version,
      measureId: added.measureId,
      data: { status: "done" },
    });
    const renamed = await updateMeasure(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: status.version,
      measureId: added.measureId,
      data: { title: "Anbindung des Marimba-Rechnungsportals", status: "done" },
    });
    expect(
      renamed.project.measures.find(
        (measure) => measure.id === added.measureId,
      ),
    ).toMatchObject({ status: "done" });
    expect((await searchCatalogue(t.ctx, "kleve", "xylophon")).hits).toEqual(
      [],
    );
    expect(
      (await searchCatalogue(t.ctx, "kleve", "marimba")).hits,
    ).toHaveLength(1);

    const removed = await removeMeasure(t.ctx, editor101, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: renamed.version,
      measureId: added.measureId,
    });
    expect(removed.project.measures).toHaveLength(before.measures.length);
    expect((await searchCatalogue(t.ctx, "kleve", "marimba")).hits).toEqual([]);
  });

  it("finds a project by its new title after the change", async () => {
    const before = await project("wissensmanagement");
    await updateProject(t.ctx, editor101, {
      municipality: "kleve",
      project: "wissensmanagement",
      expectedVersion: before.version,
      data: {
        title: "Wissensdatenbank Kalimba",
        summary: before.summary,
        status: before.status,
        tags: ["Smart Working"],
      },
    });
    const hits = (await searchCatalogue(t.ctx, "kleve", "kalimba")).hits;
    expect(
      hits
        .filter((hit) => hit.kind === "project")
        .map((hit) => hit.projectSlug),
    ).toEqual(["wissensmanagement"]);
    expect((await project("wissensmanagement")).tags).toEqual([
      "Smart Working",
    ]);
  });

  it("replaces responsibilities and refuses an unknown org unit at its field", async () => {
    const before = await project("social-media");
    const error = await rejectionOf(
      setResponsibilities(t.ctx, editor101, {
        municipality: "kleve",
        project: "social-media",
        expectedVersion: before.version,
        data: {
          responsibilities: [
            { orgUnit: "10.1", role: "lead" },
            { orgUnit: "99", role: "contributing" },
          ],
        },
      }),
    );
    expect(error.problems).toEqual([
      {
        path: "/data/responsibilities/1/orgUnit",
        message: 'Die Organisationseinheit "99" gibt es nicht.',
      },
    ]);
    const result = await setResponsibilities(t.ctx, editor101, {
      municipality: "kleve",
      project: "social-media",
      expectedVersion: before.version,
      data: {
        responsibilities: [
          { orgUnit: "10.1", role: "lead", note: "Redaktion" },
          { orgUnit: "61", role: "contributing" },
        ],
      },
    });
    expect(result.project.responsibilities).toEqual([
      { orgUnitCode: "10.1", role: "lead", note: "Redaktion" },
      { orgUnitCode: "61", role: "contributing", note: null },
    ]);
    const [event] = await readAuditEvents(t.ctx, {
      municipalityId,
      projectId: before.id,
      limit: 1,
    });
    expect(event?.action).toBe("responsibility.set");
    expect(event?.after).toEqual({
      responsibilities: [
        { orgUnit: "10.1", role: "lead", note: "Redaktion" },
        { orgUnit: "61", role: "contributing", note: null },
      ],
    });
  });

  it("lets only administrators create and delete projects; the deletion is logged with what was deleted", async () => {
    const refused = await rejectionOf(
      createProject(t.ctx, editor101, {
        municipality: "kleve",
        data: {
          actionField: "partizipation",
          slug: "neu",
          code: "3.99",
          title: "Neu",
          summary: "",
          status: "planned",
        },
      }),
    );
    expect(refused.code).toBe("ERR_FORBIDDEN");
    const created = await createProject(t.ctx, admin, {
      municipality: "kleve",
      reason: "Beschluss des Ausschusses",
      data: {
        actionField: "partizipation",
        slug: "kiezfonds",
        code: "3.10",
        title: "Kiezfonds",
        summary: "Kleine Projekte im Quartier.",
        status: "planned",
        tags: ["Smart People"],
      },
    });
    expect(created.version).toBe(1);
    const duplicate = await rejectionOf(
      createProject(t.ctx, admin, {
        municipality: "kleve",
        data: {
          actionField: "partizipation",
          slug: "kiezfonds",
          code: "3.10",
          title: "Noch einmal",
          summary: "",
          status: "planned",
        },
      }),
    );
    expect(duplicate.problems.map((problem) => problem.path)).toEqual([
      "/data/slug",
      "/data/code",
    ]);

    await deleteProject(t.ctx, admin, {
      municipality: "kleve",
      project: "kiezfonds",
      expectedVersion: 1,
      reason: "doch nicht",
    });
    await expect(getProject(t.ctx, "kleve", "kiezfonds")).rejects.toMatchObject(
      { code: "ERR_PROJECT_NOT_FOUND" },
    );
    const [event] = await readAuditEvents(t.ctx, {
      municipalityId,
      projectId: created.project.id,
      limit: 1,
    });
    expect(event).toMatchObject({
      action: "project.delete",
      reason: "doch nicht",
      before: { slug: "kiezfonds", title: "Kiezfonds" },
    });
  });
});
