/**
 * Editions on both dialects: the demo's two editions, the snapshot that keeps record ids,
 * what the public reads, immutability (no repository function, and the database refuses),
 * reasons for shifts and publishing with its refusals, the reason categories.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { updateMeasure } from "../../src/app/catalogue/update-measure.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { updateProject } from "../../src/app/catalogue/update-project.js";
import { compareEditions } from "../../src/app/edition/change-report.js";
import { createDemoEditions } from "../../src/app/edition/demo-editions.js";
import {
  catalogueToSnapshot,
  snapshotToCatalogue,
} from "../../src/app/edition/edition-snapshot.js";
import { catalogueToDocument } from "../../src/app/catalogue/catalogue-document.js";
import { importCatalogue } from "../../src/app/catalogue/import-catalogue.js";
import { publishEdition } from "../../src/app/edition/publish-edition.js";
import {
  getCatalogueForReader,
  getEdition,
  getPublishedCatalogue,
  listEditions,
  searchPublished,
} from "../../src/app/edition/read-editions.js";
import {
  createReasonCategory,
  getReasonCategoriesForEditing,
  removeReasonCategory,
  updateReasonCategoryOf,
} from "../../src/app/edition/reason-categories.js";
import {
  getDraftRevision,
  setDraftForeword,
  setDraftReason,
} from "../../src/app/edition/revise-draft.js";
import * as editionRepository from "../../src/db/edition.repository.js";
import {
  ANONYMOUS,
  type UserPrincipal,
} from "../../src/domain/access/principal.js";
import {
  findProject,
  listProjects,
} from "../../src/domain/catalogue/catalogue.js";
import { shiftsNeedingReason } from "../../src/domain/edition/catalogue-diff.js";
import { describeShiftCountGerman } from "../../src/i18n/change-description.js";
import { DEFAULT_REASON_CATEGORIES } from "../../src/domain/edition/reasons.js";
import { isAppError, type AppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

/** Expects a promise to fail with an AppError of the code; returns the error. */
async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
  return error as AppError;
}

describe.each(DIALECTS)("editions on %s", (dialect) => {
  let t: TestContext;
  let municipalityId: number;
  let admin: UserPrincipal;
  let editor: UserPrincipal;
  let otherEditor: UserPrincipal;
  let committee: UserPrincipal;

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
    admin = buildPrincipal(municipalityId, { role: "admin", orgUnitCodes: [] });
    editor = buildPrincipal(municipalityId, {
      role: "editor",
      orgUnitCodes: ["10.1"],
    });
    otherEditor = buildPrincipal(municipalityId, {
      role: "editor",
      orgUnitCodes: ["32"],
    });
    committee = buildPrincipal(municipalityId, {
      role: "committee",
      orgUnitCodes: [],
    });
  });

  afterAll(async () => {
    await t.close();
  });

  /** Runs a test on a fresh demo database of its own (same municipality, same people). */
  async function onOwnDatabase(
    body: (own: TestContext) => Promise<void>,
  ): Promise<void> {
    const own = await openTestContext(dialect, { demo: true });
    try {
      await body(own);
    } finally {
      await own.close();
    }
  }

  describe("the demo", () => {
    it("has the 1. Fortschreibung as a reconstruction and the current catalogue as the 2.", async () => {
      const { editions } = await listEditions(t.ctx, "kleve");
      expect(
        editions.map((edition) => [
          edition.number,
          edition.title,
          edition.isReconstruction,
        ]),
      ).toEqual([
        [1, "1. Fortschreibung", true],
        [2, "2. Fortschreibung", false],
      ]);
      expect(editions[0]?.note).toContain(
        "Rekonstruktion zur Veranschaulichung",
      );
      const { edition } = await getEdition(t.ctx, "kleve", 2);
      expect(edition.catalogue.programme.subtitle).toBe(
        "Maßnahmenkatalog Digitalisierung – 2. Fortschreibung",
      );
      expect(listProjects(edition.catalogue)).toHaveLength(42);
      expect(edition.foreword).toContain("Zielprogramm");
    });

    it("reports the delays of the revision slides, each with its reason", async () => {
      const report = await compareEditions(t.ctx, "kleve", 2);
      const shifts = shiftsNeedingReason(report.diff);
      expect(shifts.length).toBe(report.diff.summary.shiftCount);
      expect(
        shifts.every((change) => report.effectiveReasons.has(change.key)),
      ).toBe(true);
      expect(report.counts.withoutReason).toBe(0);
      const lines = report.counts.byCategory.map((entry) =>
        describeShiftCountGerman(entry.count, entry.category),
      );
      expect(lines).toContain("15 Verschiebungen wegen OZG-Aufwand");
      expect(lines).toContain("2 Verschiebungen wegen Personal");
      const dms = shifts.filter(
        (change) => change.project.slug === "dokumentenmanagementsystem",
      );
      expect(
        dms.map((change) => report.effectiveReasons.get(change.key)?.text),
      ).toEqual([
        "Verzögerung aufgrund von erhöhtem Support",
        "Verzögerung aufgrund von erhöhtem Support",
      ]);
      expect(
        report.diff.changes.filter(
          (change) => change.kind === "priority-added",
        ),
      ).toHaveLength(3);
    });

    it("publishes its editions only once", async () => {
      expect(await createDemoEditions(t.ctx)).toEqual([]);
      expect((await listEditions(t.ctx, "kleve")).editions).toHaveLength(2);
    });
  });

  describe("the snapshot", () => {
    it("keeps the record ids, so that the draft and the edition compare by id", async () => {
      const draft = await getCatalogue(t.ctx, "kleve");
      const thawed = snapshotToCatalogue(
        JSON.parse(JSON.stringify(catalogueToSnapshot(draft))),
        draft.municipality,
      );
      expect(thawed).toEqual(draft);
    });

    it("is the catalogue in the exchange format", async () => {
      const snapshot = catalogueToSnapshot(await getCatalogue(t.ctx, "kleve"));
      expect(snapshot.format).toBe("fortschritt-edition-snapshot");
      expect(snapshot.catalogue.format).toBe("fortschritt-catalogue");
      expect(
        snapshot.ids.projects["dokumentenmanagementsystem"]?.phases,
      ).toHaveLength(2);
    });
  });

  describe("an edition", () => {
    it("has no repository function that could change or delete it", () => {
      const names = Object.keys(editionRepository);
      expect(
        names.filter((name) =>
          /update|delete|remove|replace|change/i.test(name),
        ),
      ).toEqual([]);
    });

    it("cannot be changed, not even with SQL", async () => {
      await expect(
        sql`update edition set title = 'geschönt'`.execute(t.ctx.db),
      ).rejects.toThrow(/cannot be changed or deleted/);
      expect((await getEdition(t.ctx, "kleve", 2)).edition.title).toBe(
        "2. Fortschreibung",
      );
    });

    it("cannot be deleted, not even with SQL", async () => {
      await expect(sql`delete from edition`.execute(t.ctx.db)).rejects.toThrow(
        /cannot be changed or deleted/,
      );
      expect((await listEditions(t.ctx, "kleve")).editions).toHaveLength(2);
    });

    it("answers an unknown number with ERR_EDITION_NOT_FOUND", async () => {
      await expectAppError(
        getEdition(t.ctx, "kleve", 99),
        "ERR_EDITION_NOT_FOUND",
      );
      await expectAppError(
        compareEditions(t.ctx, "kleve", 2, 2),
        "ERR_VALIDATION",
      );
      await expectAppError(
        compareEditions(t.ctx, "kleve", 1),
        "ERR_VALIDATION",
      );
    });
  });

  describe("revising and publishing", () => {
    it("shows the public the latest edition while the draft changes, in pages, search and API", () =>
      // Publishing changes what every other test sees: this one works on a database of its own.
      onOwnDatabase(async (t) => {
        const draft = await getCatalogue(t.ctx, "kleve");
        const entry = findProject(draft, "egov-basisstruktur")!;
        await updateProject(t.ctx, admin, {
          municipality: "kleve",
          project: "egov-basisstruktur",
          expectedVersion: entry.project.version,
          data: {
            title: "Zylinderkopfdichtung",
            summary: entry.project.summary,
            status: entry.project.status,
          },
        });
        const published = await getPublishedCatalogue(t.ctx, "kleve");
        expect(published.edition?.number).toBe(2);
        expect(
          findProject(published.catalogue, "egov-basisstruktur")?.project.title,
        ).toBe("eGov-Basisstruktur");
        expect(
          (await searchPublished(t.ctx, "kleve", "Zylinderkopfdichtung")).hits,
        ).toEqual([]);
        expect(
          (await searchPublished(t.ctx, "kleve", "Basisstruktur")).hits.map(
            (hit) => hit.projectSlug,
          ),
        ).toContain("egov-basisstruktur");
        const publicView = await getCatalogueForReader(
          t.ctx,
          ANONYMOUS,
          "kleve",
        );
        const staffView = await getCatalogueForReader(
          t.ctx,
          committee,
          "kleve",
        );
        expect([publicView.isDraft, staffView.isDraft]).toEqual([false, true]);
        expect(
          findProject(staffView.catalogue, "egov-basisstruktur")?.project.title,
        ).toBe("Zylinderkopfdichtung");
      }));

    it("refuses the draft's change page to people of another municipality and logs it", async () => {
      const stranger = buildPrincipal(municipalityId + 1000, { role: "admin" });
      await expectAppError(
        getDraftRevision(t.ctx, stranger, "kleve"),
        "ERR_FORBIDDEN",
      );
    });

    it("asks a reason for a dated measure that moved since the last edition, and none for a date first given", () =>
      onOwnDatabase(async (t) => {
        const dmsOf = async () =>
          findProject(
            await getCatalogue(t.ctx, "kleve"),
            "dokumentenmanagementsystem",
          )!.project;
        const setDates = async (start: string, end: string) => {
          const dms = await dmsOf();
          const measure = dms.measures[0]!;
          await updateMeasure(t.ctx, admin, {
            municipality: "kleve",
            project: "dokumentenmanagementsystem",
            measureId: measure.id,
            expectedVersion: dms.version,
            data: { title: measure.title, status: measure.status, start, end },
          });
          return measure.id;
        };
        // A budget year given for the first time: no shift, the edition publishes.
        await setDates("2024", "2024");
        const first = await getDraftRevision(t.ctx, admin, "kleve");
        expect(first.missing).toEqual([]);
        await publishEdition(t.ctx, admin, {
          municipality: "kleve",
          expectedDataVersion: first.dataVersion,
          confirmConflicts: true,
          data: {},
        });
        // The measure moves a year: a shift that names the measure and needs a reason.
        const measureId = await setDates("2024", "2025");
        const dms = await dmsOf();
        const second = await getDraftRevision(t.ctx, admin, "kleve");
        expect(second.missing.map(({ change }) => change.key)).toEqual([
          `measure-end-shifted:project-${dms.id}:measure-${measureId}`,
        ]);
        const blocked = await expectAppError(
          publishEdition(t.ctx, admin, {
            municipality: "kleve",
            expectedDataVersion: second.dataVersion,
            confirmConflicts: true,
            data: {},
          }),
          "ERR_EDITION_REASONS_MISSING",
        );
        expect(blocked.problems[0]?.message).toContain(
          "2.1 Dokumentenmanagementsystem",
        );
        expect((await listEditions(t.ctx, "kleve")).editions).toHaveLength(3);
      }));

    it("stops publishing until every shift has a reason, then publishes the 3. Fortschreibung", () =>
      // Publishing changes what every other test sees: this one works on a database of its own.
      onOwnDatabase(async (t) => {
        const draft = await getCatalogue(t.ctx, "kleve");
        const dms = findProject(draft, "dokumentenmanagementsystem")!.project;
        await updatePhase(t.ctx, admin, {
          municipality: "kleve",
          project: "dokumentenmanagementsystem",
          phaseId: dms.phases[0]!.id,
          expectedVersion: dms.version,
          data: { label: "Umsetzung", start: "2020", end: "2025-Q2" },
        });

        const revision = await getDraftRevision(t.ctx, committee, "kleve");
        expect(revision.nextNumber).toBe(3);
        const keys = revision.missing.map(({ change }) => change.key);
        expect(keys).toEqual([
          `phase-end-shifted:project-${dms.id}:phase-${dms.phases[0]!.id}`,
        ]);
        expect(revision.reasonEditableKeys.size).toBe(0);

        const blocked = await expectAppError(
          publishEdition(t.ctx, admin, {
            municipality: "kleve",
            expectedDataVersion: revision.dataVersion,
            confirmConflicts: true,
            data: {},
          }),
          "ERR_EDITION_REASONS_MISSING",
        );
        expect(blocked.problems.map((problem) => problem.path)).toEqual([
          `/reasons/${keys[0]}`,
        ]);
        expect(blocked.problems[0]?.message).toContain(
          "2.1 Dokumentenmanagementsystem",
        );
        expect((await listEditions(t.ctx, "kleve")).editions).toHaveLength(2);

        await expectAppError(
          setDraftReason(t.ctx, otherEditor, {
            municipality: "kleve",
            changeKey: keys[0]!,
            expectedVersion: 0,
            data: { category: "staff", text: "" },
          }),
          "ERR_FORBIDDEN",
        );
        await expectAppError(
          setDraftReason(t.ctx, editor, {
            municipality: "kleve",
            changeKey: keys[0]!,
            expectedVersion: 0,
            data: { category: "other", text: " " },
          }),
          "ERR_VALIDATION",
        );
        await expectAppError(
          setDraftReason(t.ctx, editor, {
            municipality: "kleve",
            changeKey: "phase-end-shifted:project-1:phase-999",
            expectedVersion: 0,
            data: { category: "staff", text: "" },
          }),
          "ERR_VALIDATION",
        );
        expect(
          await setDraftReason(t.ctx, editor, {
            municipality: "kleve",
            changeKey: keys[0]!,
            expectedVersion: 0,
            data: {
              category: "ozg-effort",
              text: "Verzögerung aufgrund OZG-Aufwand",
            },
          }),
        ).toEqual({ version: 1 });
        await expectAppError(
          setDraftReason(t.ctx, editor, {
            municipality: "kleve",
            changeKey: keys[0]!,
            expectedVersion: 0,
            data: { category: "staff", text: "" },
          }),
          "ERR_CONFLICT",
        );
        await setDraftForeword(t.ctx, admin, {
          municipality: "kleve",
          expectedVersion: (await getDraftRevision(t.ctx, admin, "kleve"))
            .foreword.version,
          data: { foreword: "Das Vorwort der dritten Fortschreibung." },
        });

        const ready = await getDraftRevision(t.ctx, admin, "kleve");
        expect(ready.missing).toEqual([]);
        // The DMS now ends later than Digitale Kommunikation (intern), which needs it, begins.
        expect(
          ready.introducedConflicts.map((conflict) => conflict.dependent.slug),
        ).toContain("digitale-kommunikation-intern");
        await expectAppError(
          publishEdition(t.ctx, editor, {
            municipality: "kleve",
            expectedDataVersion: ready.dataVersion,
            confirmConflicts: true,
            data: {},
          }),
          "ERR_FORBIDDEN",
        );
        await expectAppError(
          publishEdition(t.ctx, admin, {
            municipality: "kleve",
            expectedDataVersion: ready.dataVersion,
            confirmConflicts: false,
            data: {},
          }),
          "ERR_EDITION_NEEDS_CONFIRMATION",
        );
        await expectAppError(
          publishEdition(t.ctx, admin, {
            municipality: "kleve",
            expectedDataVersion: ready.dataVersion - 1,
            confirmConflicts: true,
            data: {},
          }),
          "ERR_CONFLICT",
        );
        await expectAppError(
          publishEdition(t.ctx, admin, {
            municipality: "kleve",
            expectedDataVersion: ready.dataVersion,
            confirmConflicts: true,
            data: { publishedOn: "2022-01-01" },
          }),
          "ERR_VALIDATION",
        );

        expect(
          await publishEdition(t.ctx, admin, {
            municipality: "kleve",
            expectedDataVersion: ready.dataVersion,
            confirmConflicts: true,
            data: {
              councilReference: "Rat der Stadt Kleve, Sitzung vom 14.12.2022",
              councilUrl: "https://www.kleve.de/rat",
            },
          }),
        ).toEqual({ number: 3 });

        const { edition } = await getEdition(t.ctx, "kleve", 3);
        expect(edition).toMatchObject({
          title: "3. Fortschreibung",
          publishedOn: "2022-11-28",
          councilReference: "Rat der Stadt Kleve, Sitzung vom 14.12.2022",
          foreword: "Das Vorwort der dritten Fortschreibung.",
        });
        expect([...edition.reasons]).toEqual([
          [
            keys[0],
            {
              category: "ozg-effort",
              categoryLabel: "OZG-Aufwand",
              text: "Verzögerung aufgrund OZG-Aufwand",
            },
          ],
        ]);
        expect(
          (await getPublishedCatalogue(t.ctx, "kleve")).edition?.number,
        ).toBe(3);
        const after = await getDraftRevision(t.ctx, admin, "kleve");
        expect([
          after.draftReasons.size,
          after.report?.diff.changes.length,
        ]).toEqual([0, 0]);
        const [event] = await readAuditEvents(t.ctx, {
          municipalityId,
          action: "edition.publish",
          limit: 1,
        });
        expect(event).toMatchObject({
          entityId: "3",
          entityLabel: "3. Fortschreibung",
          actorUserId: admin.userId,
        });
        const [reasonEvent] = await readAuditEvents(t.ctx, {
          municipalityId,
          action: "edition.reason",
          limit: 1,
        });
        expect(reasonEvent).toMatchObject({
          actorUserId: editor.userId,
          after: {
            category: "ozg-effort",
            text: "Verzögerung aufgrund OZG-Aufwand",
          },
        });

        const report = await compareEditions(t.ctx, "kleve", 3, 1);
        expect(
          report.reasons.get(keys[0]!)?.map((reason) => reason.editionNumber),
        ).toEqual([2, 3]);
      }));
  });

  describe("a municipality without editions", () => {
    it("shows its current state until it publishes its 1. Fortschreibung, which needs no reasons", async () => {
      const document = catalogueToDocument(await getCatalogue(t.ctx, "kleve"));
      await importCatalogue(
        t.ctx,
        {
          ...document,
          municipality: {
            ...document.municipality,
            slug: "testdorf",
            name: "Testdorf",
          },
        },
        { source: "test" },
      );
      const before = await getPublishedCatalogue(t.ctx, "testdorf");
      expect(before.edition).toBeNull();
      expect(before.catalogue.municipality.slug).toBe("testdorf");
      const testdorf = before.catalogue.municipality.id;
      const administrator = buildPrincipal(testdorf, {
        role: "admin",
        orgUnitCodes: [],
      });
      const revision = await getDraftRevision(t.ctx, administrator, "testdorf");
      expect([revision.report, revision.nextNumber, revision.missing]).toEqual([
        null,
        1,
        [],
      ]);
      expect(
        (await getReasonCategoriesForEditing(t.ctx, administrator, "testdorf"))
          .categories,
      ).toHaveLength(DEFAULT_REASON_CATEGORIES.length);
      // The catalogue's known conflicts (E-Rechnung before the DMS is done) are new to a first edition: confirm.
      await expectAppError(
        publishEdition(t.ctx, administrator, {
          municipality: "testdorf",
          expectedDataVersion: revision.dataVersion,
          confirmConflicts: false,
          data: {},
        }),
        "ERR_EDITION_NEEDS_CONFIRMATION",
      );
      expect(
        await publishEdition(t.ctx, administrator, {
          municipality: "testdorf",
          expectedDataVersion: revision.dataVersion,
          confirmConflicts: true,
          data: {},
        }),
      ).toEqual({ number: 1 });
      const after = await getPublishedCatalogue(t.ctx, "testdorf");
      expect(after.edition?.title).toBe("1. Fortschreibung");
      expect(
        (await listEditions(t.ctx, "kleve")).editions.length,
      ).toBeGreaterThanOrEqual(2);
    });
  });

  describe("reason categories", () => {
    it("start with the defaults and can be added, renamed and removed by administrators", async () => {
      const { categories } = await getReasonCategoriesForEditing(
        t.ctx,
        admin,
        "kleve",
      );
      expect(categories.map((category) => category.label)).toEqual(
        DEFAULT_REASON_CATEGORIES.map((category) => category.label),
      );
      await expectAppError(
        getReasonCategoriesForEditing(t.ctx, editor, "kleve"),
        "ERR_FORBIDDEN",
      );
      await createReasonCategory(t.ctx, admin, {
        municipality: "kleve",
        data: { key: "witterung", label: "Witterung", requiresText: false },
      });
      await expectAppError(
        createReasonCategory(t.ctx, admin, {
          municipality: "kleve",
          data: { key: "witterung", label: "Doppelt", requiresText: false },
        }),
        "ERR_VALIDATION",
      );
      await updateReasonCategoryOf(t.ctx, admin, {
        municipality: "kleve",
        key: "witterung",
        expectedVersion: 1,
        data: { label: "Wetter", requiresText: true },
      });
      await expectAppError(
        updateReasonCategoryOf(t.ctx, admin, {
          municipality: "kleve",
          key: "witterung",
          expectedVersion: 1,
          data: { label: "Veraltet", requiresText: true },
        }),
        "ERR_CONFLICT",
      );
      const changed = (
        await getReasonCategoriesForEditing(t.ctx, admin, "kleve")
      ).categories.at(-1);
      expect(changed).toMatchObject({
        key: "witterung",
        label: "Wetter",
        requiresText: true,
        version: 2,
      });
      await removeReasonCategory(t.ctx, admin, {
        municipality: "kleve",
        key: "witterung",
        expectedVersion: 2,
      });
      expect(
        (await getReasonCategoriesForEditing(t.ctx, admin, "kleve")).categories,
      ).toHaveLength(DEFAULT_REASON_CATEGORIES.length);
    });

    it("block publishing when a reason's category was removed", () =>
      // Publishing changes what every other test sees: this one works on a database of its own.
      onOwnDatabase(async (t) => {
        await createReasonCategory(t.ctx, admin, {
          municipality: "kleve",
          data: { key: "kurzlebig", label: "Kurzlebig", requiresText: false },
        });
        const draft = await getCatalogue(t.ctx, "kleve");
        const project = findProject(draft, "workflowmanagement")!.project;
        await updatePhase(t.ctx, admin, {
          municipality: "kleve",
          project: "workflowmanagement",
          phaseId: project.phases[0]!.id,
          expectedVersion: project.version,
          data: { label: "Umsetzung", start: "2022", end: "2025" },
        });
        const key = (await getDraftRevision(t.ctx, admin, "kleve")).missing[0]!
          .change.key;
        await setDraftReason(t.ctx, admin, {
          municipality: "kleve",
          changeKey: key,
          expectedVersion: 0,
          data: { category: "kurzlebig", text: "" },
        });
        expect((await getDraftRevision(t.ctx, admin, "kleve")).missing).toEqual(
          [],
        );
        await removeReasonCategory(t.ctx, admin, {
          municipality: "kleve",
          key: "kurzlebig",
          expectedVersion: 1,
        });
        expect(
          (await getDraftRevision(t.ctx, admin, "kleve")).missing.map(
            (entry) => entry.problem,
          ),
        ).toEqual(["REASON_UNKNOWN_CATEGORY"]);
      }));
  });
});
