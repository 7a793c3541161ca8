import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuditLog } from "../../src/app/audit/read-audit-log.js";
import { createActionField } from "../../src/app/catalogue/create-action-field.js";
import { createImpactArea } from "../../src/app/catalogue/create-impact-area.js";
import { createOrgUnit } from "../../src/app/catalogue/create-org-unit.js";
import { isEditConflict } from "../../src/app/catalogue/edit-conflict.js";
import {
  getCatalogue,
  searchCatalogue,
} from "../../src/app/catalogue/read-catalogue.js";
import { getStructureForEditing } from "../../src/app/catalogue/read-editor.js";
import { setPriorities } from "../../src/app/catalogue/set-priorities.js";
import { updateActionField } from "../../src/app/catalogue/update-action-field.js";
import { updateImpactArea } from "../../src/app/catalogue/update-impact-area.js";
import { updateOrgUnit } from "../../src/app/catalogue/update-org-unit.js";
import { updateProgramme } from "../../src/app/catalogue/update-programme.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import { AppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the change to be refused");
}

describe.each(DIALECTS)("editing the catalogue's frame on %s", (dialect) => {
  let t: TestContext;
  let municipalityId: number;
  let admin: UserPrincipal;
  let editor: UserPrincipal;

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
    admin = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
      name: "Anna Admin",
      email: "anna@kleve.example",
    });
    editor = buildPrincipal(municipalityId, { orgUnitCodes: ["10.1"] });
  });
  afterAll(async () => {
    await t.close();
  });

  it("changes the programme's title, horizon and goals, and refuses a horizon that ends before it starts", async () => {
    const { programme } = await getStructureForEditing(t.ctx, admin, "kleve");
    const bad = await rejectionOf(
      updateProgramme(t.ctx, admin, {
        municipality: "kleve",
        expectedVersion: programme.version,
        data: {
          title: programme.title,
          horizonStart: 2030,
          horizonEnd: 2020,
          goals: [],
        },
      }),
    );
    expect(bad.problems).toEqual([
      {
        path: "/data/horizonEnd",
        message: "Das Ende des Zeithorizonts liegt vor seinem Beginn.",
      },
    ]);
    const result = await updateProgramme(t.ctx, admin, {
      municipality: "kleve",
      expectedVersion: programme.version,
      reason: "3. Fortschreibung",
      data: {
        title: "kleve.digital 2032",
        subtitle: programme.subtitle,
        horizonStart: 2020,
        horizonEnd: 2032,
        summary: programme.summary,
        goals: [{ title: "Verwaltung arbeitet digital", description: null }],
      },
    });
    expect(result.version).toBe(programme.version + 1);
    const catalogue = await getCatalogue(t.ctx, "kleve");
    expect(catalogue.programme).toMatchObject({
      title: "kleve.digital 2032",
      horizonEnd: 2032,
      goals: [{ title: "Verwaltung arbeitet digital" }],
    });
    const stale = await rejectionOf(
      updateProgramme(t.ctx, admin, {
        municipality: "kleve",
        expectedVersion: programme.version,
        data: { title: "Alt", horizonStart: 2020, horizonEnd: 2030, goals: [] },
      }),
    );
    expect(stale.code).toBe("ERR_CONFLICT");
    expect(
      isEditConflict(stale) &&
        stale.current.kind === "programme" &&
        stale.current.programme.title,
    ).toBe("kleve.digital 2032");
    expect(
      isEditConflict(stale) && stale.changes.map((event) => event.reason),
    ).toEqual(["3. Fortschreibung"]);
  });

  it("replaces the priorities of one year and keeps the other years", async () => {
    const { programme } = await getStructureForEditing(t.ctx, admin, "kleve");
    const otherYears = programme.priorities.filter(
      (priority) => priority.year !== 2023,
    );
    await setPriorities(t.ctx, admin, {
      municipality: "kleve",
      expectedVersion: programme.version,
      year: 2023,
      data: {
        priorities: [
          {
            title: "E-Rechnung flächendeckend",
            projects: ["e-rechnungsworkflow"],
          },
        ],
      },
    });
    const after = (await getCatalogue(t.ctx, "kleve")).programme.priorities;
    expect(after.filter((priority) => priority.year === 2023)).toEqual([
      {
        year: 2023,
        title: "E-Rechnung flächendeckend",
        projectSlugs: ["e-rechnungsworkflow"],
      },
    ]);
    expect(after.filter((priority) => priority.year !== 2023)).toEqual(
      otherYears,
    );
  });

  it("keeps the frame to administrators and logs an editor's attempt", async () => {
    const { programme } = await getStructureForEditing(t.ctx, admin, "kleve");
    const error = await rejectionOf(
      updateProgramme(t.ctx, editor, {
        municipality: "kleve",
        expectedVersion: programme.version,
        data: {
          title: "Meins",
          horizonStart: 2020,
          horizonEnd: 2030,
          goals: [],
        },
      }),
    );
    expect(error.code).toBe("ERR_FORBIDDEN");
    await expect(
      getStructureForEditing(t.ctx, editor, "kleve"),
    ).rejects.toMatchObject({ code: "ERR_FORBIDDEN" });
    const log = await readAuditLog(t.ctx, admin, {
      municipality: "kleve",
      action: "access.denied",
    });
    expect(log.events.map((event) => event.after)).toContainEqual({
      attempted: "programme.update",
      code: "ERR_FORBIDDEN",
    });
  });

  it("refuses an action field colour that white text cannot be read on, naming the ratio", async () => {
    const { actionFields } = await getStructureForEditing(
      t.ctx,
      admin,
      "kleve",
    );
    const field = actionFields[0]!;
    const error = await rejectionOf(
      updateActionField(t.ctx, admin, {
        municipality: "kleve",
        actionField: field.key,
        expectedVersion: field.version,
        data: {
          number: field.number,
          name: field.name,
          colour: "#ffcc00",
          description: field.description,
        },
      }),
    );
    expect(error.problems).toEqual([
      {
        path: "/data/colour",
        message:
          "Weiße Schrift auf #ffcc00 erreicht nur 1,51 : 1; nötig sind mindestens 4,5 : 1. Bitte eine dunklere Farbe wählen.",
      },
    ]);
  });

  it("renames an action field and finds its projects by the new name", async () => {
    const { actionFields } = await getStructureForEditing(
      t.ctx,
      admin,
      "kleve",
    );
    const field = actionFields.find(
      (candidate) => candidate.key === "smart-working",
    )!;
    const result = await updateActionField(t.ctx, admin, {
      municipality: "kleve",
      actionField: field.key,
      expectedVersion: field.version,
      data: {
        number: field.number,
        name: "Vibraphon-Arbeitswelt",
        colour: "#0B5394",
        description: null,
      },
    });
    expect(result.version).toBe(field.version + 1);
    const catalogue = await getCatalogue(t.ctx, "kleve");
    const stored = catalogue.impactAreas
      .flatMap((area) => area.actionFields)
      .find((candidate) => candidate.key === "smart-working");
    expect(stored).toMatchObject({
      name: "Vibraphon-Arbeitswelt",
      colour: "#0b5394",
    });
    expect(
      (await searchCatalogue(t.ctx, "kleve", "vibraphon")).hits.length,
    ).toBeGreaterThan(0);
  });

  it("creates impact areas and action fields, refusing a key that is taken", async () => {
    const area = await createImpactArea(t.ctx, admin, {
      municipality: "kleve",
      data: {
        key: "digitale-bildung",
        name: "Digitale Bildung",
        description: null,
      },
    });
    expect(area).toEqual({ version: 1, key: "digitale-bildung" });
    const field = await createActionField(t.ctx, admin, {
      municipality: "kleve",
      data: {
        impactArea: "digitale-bildung",
        key: "schulen",
        number: 1,
        name: "Schulen",
        colour: "#1d4f91",
      },
    });
    expect(field.version).toBe(1);
    const taken = await rejectionOf(
      createActionField(t.ctx, admin, {
        municipality: "kleve",
        data: {
          impactArea: "digitale-bildung",
          key: "schulen",
          number: 2,
          name: "Noch einmal",
          colour: "#1d4f91",
        },
      }),
    );
    expect(taken.problems[0]?.path).toBe("/data/key");
    const structure = await getStructureForEditing(t.ctx, admin, "kleve");
    expect(
      structure.actionFields.find((candidate) => candidate.key === "schulen")
        ?.impactAreaKey,
    ).toBe("digitale-bildung");
    await updateImpactArea(t.ctx, admin, {
      municipality: "kleve",
      impactArea: "digitale-bildung",
      expectedVersion: 1,
      data: {
        name: "Bildung digital",
        description: "Schulen und Volkshochschule",
      },
    });
    expect(
      (await getCatalogue(t.ctx, "kleve")).impactAreas.at(-1),
    ).toMatchObject({
      name: "Bildung digital",
      description: "Schulen und Volkshochschule",
    });
  });

  it("creates org units under a parent and refuses a parent that would make a cycle", async () => {
    await createOrgUnit(t.ctx, admin, {
      municipality: "kleve",
      data: {
        code: "10.4",
        name: "Abteilung 10.4",
        kind: "division",
        parent: "10",
      },
    });
    const units = (await getStructureForEditing(t.ctx, admin, "kleve"))
      .orgUnits;
    expect(units.find((unit) => unit.code === "10.4")).toMatchObject({
      parentCode: "10",
      version: 1,
    });
    const ten = units.find((unit) => unit.code === "10")!;
    const cycle = await rejectionOf(
      updateOrgUnit(t.ctx, admin, {
        municipality: "kleve",
        orgUnit: "10",
        expectedVersion: ten.version,
        data: { name: "Fachbereich 10", kind: "department", parent: "10.4" },
      }),
    );
    expect(cycle.problems).toEqual([
      {
        path: "/data/parent",
        message:
          "Die Einheiten wären im Kreis einander untergeordnet: 10 → 10.4 → 10.",
      },
    ]);
    const unknown = await rejectionOf(
      createOrgUnit(t.ctx, admin, {
        municipality: "kleve",
        data: {
          code: "10.5",
          name: "Abteilung 10.5",
          kind: "division",
          parent: "99",
        },
      }),
    );
    expect(unknown.problems[0]).toEqual({
      path: "/data/parent",
      message: 'Die übergeordnete Einheit "99" gibt es nicht.',
    });
  });

  it("shows the whole log to administrators, filtered, only their projects' events to editors, and refuses committee readers", async () => {
    // Changes of its own, so that the log has entries whichever tests ran before.
    for (const number of [91, 92, 93, 94]) {
      await createActionField(t.ctx, admin, {
        municipality: "kleve",
        data: {
          impactArea: "digitale-verwaltung",
          key: `protokoll-${number}`,
          number,
          name: `Protokoll ${number}`,
          colour: "#1d4f91",
        },
      });
    }
    const all = await readAuditLog(t.ctx, admin, { municipality: "kleve" });
    expect(all.events.length).toBeGreaterThan(3);
    const byAdmin = await readAuditLog(t.ctx, admin, {
      municipality: "kleve",
      actorUserId: admin.userId,
      entityType: "action_field",
    });
    expect(
      byAdmin.events.every(
        (event) =>
          event.actorUserId === admin.userId &&
          event.entityType === "action_field",
      ),
    ).toBe(true);
    expect(byAdmin.actors.map((actor) => actor.label)).toContain(
      "Anna Admin <anna@kleve.example>",
    );
    const today = await readAuditLog(t.ctx, admin, {
      municipality: "kleve",
      from: "2022-11-28",
      until: "2022-11-28",
    });
    expect(today.events.length).toBe(all.events.length);
    const tomorrow = await readAuditLog(t.ctx, admin, {
      municipality: "kleve",
      from: "2022-11-29",
    });
    expect(tomorrow.events).toEqual([]);
    const page = await readAuditLog(t.ctx, admin, {
      municipality: "kleve",
      limit: 2,
    });
    expect(page.events).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    // Editors read only the events of projects they may edit: none of the frame's changes.
    const ofEditor = await readAuditLog(t.ctx, editor, {
      municipality: "kleve",
    });
    expect(
      ofEditor.events.filter((event) => event.entityType === "action_field"),
    ).toEqual([]);
    const committee = buildPrincipal(municipalityId, { role: "committee" });
    await expect(
      readAuditLog(t.ctx, committee, { municipality: "kleve" }),
    ).rejects.toMatchObject({ code: "ERR_FORBIDDEN" });
    await expect(
      readAuditLog(t.ctx, editor, {
        municipality: "kleve",
        from: "28.11.2022",
      }),
    ).rejects.toMatchObject({ code: "ERR_VALIDATION" });
  });
});
