import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { addDependency } from "../../src/app/catalogue/add-dependency.js";
import { isEditConflict } from "../../src/app/catalogue/edit-conflict.js";
import {
  getCatalogue,
  getProject,
} from "../../src/app/catalogue/read-catalogue.js";
import { updateOrgUnit } from "../../src/app/catalogue/update-org-unit.js";
import { updateProject } from "../../src/app/catalogue/update-project.js";
import { AppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

describe.each(DIALECTS)("concurrent edits on %s", (dialect) => {
  let t: TestContext;
  let municipalityId: number;

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("lets exactly one of 20 simultaneous saves of the same version win; the others get ERR_CONFLICT and the winner's input is stored", async () => {
    const { entry } = await getProject(t.ctx, "kleve", "e-rechnungsworkflow");
    const start = entry.project;
    const dataVersionBefore = (await getCatalogue(t.ctx, "kleve")).municipality
      .dataVersion;
    const people = Array.from({ length: 20 }, (_, index) =>
      buildPrincipal(municipalityId, {
        name: `Person ${index}`,
        orgUnitCodes: ["10.1"],
      }),
    );
    const inputs = people.map((_, index) => ({
      title: `E-Rechnungsworkflow (Fassung ${index})`,
      summary: `Zusammenfassung der Fassung ${index}.`,
      status: index % 2 === 0 ? ("in_progress" as const) : ("paused" as const),
      tags: [`Fassung ${index}`],
    }));

    const outcomes = await Promise.allSettled(
      people.map((principal, index) =>
        updateProject(t.ctx, principal, {
          municipality: "kleve",
          project: "e-rechnungsworkflow",
          expectedVersion: start.version,
          data: inputs[index]!,
        }),
      ),
    );

    const winners = outcomes.flatMap((outcome, index) =>
      outcome.status === "fulfilled" ? [index] : [],
    );
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const losers = outcomes.filter(
      (outcome): outcome is PromiseRejectedResult =>
        outcome.status === "rejected",
    );
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.reason).toBeInstanceOf(AppError);
      expect((loser.reason as AppError).code).toBe("ERR_CONFLICT");
      expect(isEditConflict(loser.reason) && loser.reason.currentVersion).toBe(
        start.version + 1,
      );
    }

    const stored = (await getProject(t.ctx, "kleve", "e-rechnungsworkflow"))
      .entry.project;
    expect({
      title: stored.title,
      summary: stored.summary,
      status: stored.status,
      tags: stored.tags,
    }).toEqual(inputs[winner]);
    expect(stored.version).toBe(start.version + 1);
    expect((await getCatalogue(t.ctx, "kleve")).municipality.dataVersion).toBe(
      dataVersionBefore + 1,
    );
    const events = await readAuditEvents(t.ctx, {
      municipalityId,
      projectId: start.id,
      action: "project.update",
      limit: 50,
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.actorUserId).toBe(people[winner]!.userId);
  });

  it("never lets two simultaneous dependencies close a cycle together", async () => {
    const editor = buildPrincipal(municipalityId, { orgUnitCodes: ["10.1"] });
    const a = (await getProject(t.ctx, "kleve", "wissensmanagement")).entry
      .project;
    const b = (await getProject(t.ctx, "kleve", "social-intranet")).entry
      .project;
    const outcomes = await Promise.allSettled([
      addDependency(t.ctx, editor, {
        municipality: "kleve",
        project: a.slug,
        expectedVersion: a.version,
        data: { dependsOn: b.slug },
      }),
      addDependency(t.ctx, editor, {
        municipality: "kleve",
        project: b.slug,
        expectedVersion: b.version,
        data: { dependsOn: a.slug },
      }),
    ]);
    expect(
      outcomes.filter((outcome) => outcome.status === "fulfilled"),
    ).toHaveLength(1);
    const refused = outcomes.find(
      (outcome): outcome is PromiseRejectedResult =>
        outcome.status === "rejected",
    );
    expect((refused?.reason as AppError).code).toBe("ERR_DEPENDENCY_CYCLE");
  });

  it("never lets two simultaneous parent changes put org units into a cycle", async () => {
    const admin = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const outcomes = await Promise.allSettled([
      updateOrgUnit(t.ctx, admin, {
        municipality: "kleve",
        orgUnit: "20",
        expectedVersion: 1,
        data: { name: "Fachbereich 20", kind: "department", parent: "10.2" },
      }),
      updateOrgUnit(t.ctx, admin, {
        municipality: "kleve",
        orgUnit: "10",
        expectedVersion: 1,
        data: { name: "Fachbereich 10", kind: "department", parent: "20.1" },
      }),
    ]);
    expect(
      outcomes.filter((outcome) => outcome.status === "fulfilled"),
    ).toHaveLength(1);
    const refused = outcomes.find(
      (outcome): outcome is PromiseRejectedResult =>
        outcome.status === "rejected",
    );
    expect((refused?.reason as AppError).problems[0]?.message).toMatch(
      /im Kreis/,
    );
  });
});
