/**
 * Measures with what a measure has, on both databases: a budget year, the responsible
 * unit, a description and the phase; an end before the start is refused with a German
 * message and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMeasure } from "../../src/app/catalogue/add-measure.js";
import {
  exportCatalogue,
  importCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import { updateMeasure } from "../../src/app/catalogue/update-measure.js";
import {
  getCatalogue,
  getProject,
} from "../../src/app/catalogue/read-catalogue.js";
import { formatMeasurePeriodGerman } from "../../src/domain/catalogue/measure-period.js";
import { isAppError } from "../../src/errors.js";
import { DIALECTS } from "../support/database.js";
import {
  KLEVE as K,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";

const P = "e-rechnungsworkflow";

describe.each(DIALECTS)("measure details on %s", (dialect) => {
  let f: ReportingFixture;
  beforeEach(async () => {
    f = await openReportingFixture(dialect);
  });
  afterEach(async () => {
    await f?.t.close();
  });

  it("keeps a budget year, the owner, a description and the phase", async () => {
    const before = await getProject(f.t.ctx, K, P);
    const unit = (await getCatalogue(f.t.ctx, K)).orgUnits[0];
    const phase = before.entry.project.phases[0];
    if (unit === undefined || phase === undefined) throw new Error("fixture");
    const added = await addMeasure(f.t.ctx, f.admin, {
      municipality: K,
      project: P,
      expectedVersion: before.entry.project.version,
      data: {
        title: "Rechnungseingangsbuch ablösen",
        status: "planned",
        start: "2025",
        end: "2025",
        orgUnit: unit.code,
        description: "Haushaltsmittel 2025",
        phase: phase.label,
      },
    });
    const measure = (
      await getProject(f.t.ctx, K, P)
    ).entry.project.measures.find((each) => each.id === added.measureId);
    expect(measure).toMatchObject({
      orgUnitCode: unit.code,
      description: "Haushaltsmittel 2025",
      phaseLabel: phase.label,
    });
    expect(
      measure === undefined ? null : formatMeasurePeriodGerman(measure),
    ).toBe("2025");
  });

  it("refuses an end before the start and changes nothing", async () => {
    const before = await getProject(f.t.ctx, K, P);
    let error: unknown = null;
    try {
      await addMeasure(f.t.ctx, f.admin, {
        municipality: K,
        project: P,
        expectedVersion: before.entry.project.version,
        data: {
          title: "Zu früh beendet",
          status: "planned",
          start: "2026",
          end: "2025-Q4",
        },
      });
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error, "ERR_VALIDATION") && error.problems).toEqual([
      {
        path: "/data/end",
        message: "Das Ende (QIV/2025) liegt vor dem Beginn (2026).",
      },
    ]);
    const after = await getProject(f.t.ctx, K, P);
    expect(after.entry.project.measures).toHaveLength(
      before.entry.project.measures.length,
    );
    expect(after.entry.project.version).toBe(before.entry.project.version);
  });

  it("refuses a changed measure whose end lies before its start and changes nothing", async () => {
    const before = await getProject(f.t.ctx, K, P);
    const measure = before.entry.project.measures[0];
    if (measure === undefined) throw new Error("fixture");
    let error: unknown = null;
    try {
      await updateMeasure(f.t.ctx, f.admin, {
        municipality: K,
        project: P,
        measureId: measure.id,
        expectedVersion: before.entry.project.version,
        data: {
          title: measure.title,
          status: measure.status,
          start: "2027",
          end: "2026",
        },
      });
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error, "ERR_VALIDATION") && error.problems).toEqual([
      {
        path: "/data/end",
        message: "Das Ende (2026) liegt vor dem Beginn (2027).",
      },
    ]);
    expect((await getProject(f.t.ctx, K, P)).entry.project).toEqual(
      before.entry.project,
    );
  });

  it("carries a measure's period, unit, description and phase through JSON export and import", async () => {
    const before = await getProject(f.t.ctx, K, P);
    const unit = (await getCatalogue(f.t.ctx, K)).orgUnits[0];
    const phase = before.entry.project.phases[0];
    if (unit === undefined || phase === undefined) throw new Error("fixture");
    await addMeasure(f.t.ctx, f.admin, {
      municipality: K,
      project: P,
      expectedVersion: before.entry.project.version,
      data: {
        title: "Haushaltsmittel 2026 beantragen",
        status: "planned",
        start: "2026-Q1",
        end: "2026",
        orgUnit: unit.code,
        description: "Haushaltsjahr 2026",
        phase: phase.label,
      },
    });
    const exported = structuredClone(await exportCatalogue(f.t.ctx, K));
    exported.municipality.slug = "kleve-massnahmen";
    await importCatalogue(f.t.ctx, exported, { source: "test" });
    const copy = (
      await getProject(f.t.ctx, "kleve-massnahmen", P)
    ).entry.project.measures.find(
      (each) => each.title === "Haushaltsmittel 2026 beantragen",
    );
    expect(copy).toMatchObject({
      orgUnitCode: unit.code,
      description: "Haushaltsjahr 2026",
      phaseLabel: phase.label,
    });
    expect(copy === undefined ? null : formatMeasurePeriodGerman(copy)).toBe(
      "QI/2026 – 2026",
    );
  });
});
