/**
 * The OZG register import as of a day, on both databases: a preview that changes nothing,
 * the confirmation that closes changed and no longer listed records the day before and
 * opens new ones, figures of earlier days that stay as they were, a stale preview that is
 * refused, and a bad file that names line, column and rule and changes nothing.
 */
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoRegisterFile } from "../../src/app/reports/demo-report.js";
import {
  createService,
  importRegister,
} from "../../src/app/services/manage-register.js";
import { exportRegister } from "../../src/app/services/read-register.js";
import { readRegisterFile } from "../../src/app/services/read-register-file.js";
import {
  confirmRegisterImport,
  prepareRegisterImport,
  showRegisterImport,
} from "../../src/app/services/register-import.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import { dayNumberOf } from "../../src/domain/calendar/calendar.js";
import { aggregateOzgFigures } from "../../src/domain/service/ozg-figures.js";
import { registerOn, type Service } from "../../src/domain/service/service.js";
import { isAppError } from "../../src/errors.js";
import { writeRegisterFile } from "../../src/exports/register/register-file.js";
import { DIALECTS } from "../support/database.js";
import {
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";
import { rejectionOf } from "../support/failure.js";

const K = "kleve";
const PREVIOUS_REPORT = dayNumberOf(2022, 8, 23);
const REPORT = dayNumberOf(2022, 11, 28);
const IMPORT_DAY = dayNumberOf(2023, 3, 1);

/** The register of the next year as another office would send it: flat, as of 01.03.2023. */
function nextYearFile(register: readonly Service[]): Service[] {
  const current = registerOn(register, IMPORT_DAY).map((service) => ({
    ...service,
    validFrom: null,
    validUntil: null,
  }));
  const planned = current.filter(
    (service) =>
      service.status === "planned" &&
      service.isResponsibleLocally &&
      service.kind === "ozg-service",
  );
  const goOnline = new Set(planned.slice(0, 3).map((s) => s.leikaKey));
  const dropped = new Set(planned.slice(3, 5).map((s) => s.leikaKey));
  const next = current
    .filter((service) => !dropped.has(service.leikaKey))
    .map((service) =>
      goOnline.has(service.leikaKey)
        ? {
            ...service,
            status: "online" as const,
            isFrontEndOnline: true,
            channel: "own-development" as const,
            onlineApplications: 1,
            url: "https://www.kleve.de/serviceportal",
          }
        : service,
    );
  next.push({
    ...current[0]!,
    leikaKey: "99990000009999",
    name: "Bewohnerparkausweis beantragen",
    kind: "ozg-service",
  });
  return next;
}

describe.each(DIALECTS)(
  "the OZG register import as of a day on %s",
  (dialect) => {
    let f: ReportingFixture;
    let admin: UserPrincipal;

    beforeEach(async () => {
      f = await openReportingFixture(dialect);
      ({ admin } = f);
      const file = demoRegisterFile();
      await importRegister(f.ctx, admin, {
        municipality: K,
        table: {
          fileName: "kleve.csv",
          ...(await readRegisterFile("kleve.csv", await readFile(file))),
        },
      });
    });
    afterEach(async () => {
      await f?.t.close();
    });

    it("previews without changing anything, then closes and opens records as of the day and keeps every earlier figure", async () => {
      const before = await exportRegister(f.ctx, admin, K);
      const figuresBefore = [PREVIOUS_REPORT, REPORT].map((day) =>
        aggregateOzgFigures(before, day),
      );
      expect(figuresBefore[1]?.defined).toBe(107);
      const bytes = await writeRegisterFile(nextYearFile(before), "xlsx");

      const { token, preview } = await prepareRegisterImport(f.ctx, admin, {
        municipality: K,
        fileName: "ozg-2023.xlsx",
        bytes,
        asOf: "2023-03-01",
      });
      expect(preview.counts).toEqual({
        created: 1,
        changed: 3,
        unchanged:
          before.filter((s) => registerOn([s], IMPORT_DAY).length > 0).length -
          5,
        removed: 2,
      });
      expect(preview.changed[0]?.fields).toEqual([
        "Zugangsweg",
        "Front-End online",
        "Online-Anträge",
        "Status",
        "URL",
      ]);
      expect(preview.created).toEqual([
        "99990000009999 Bewohnerparkausweis beantragen",
      ]);
      expect(await exportRegister(f.ctx, admin, K)).toEqual(before);
      expect(
        await showRegisterImport(f.ctx, admin, {
          municipality: K,
          token,
          asOf: "2023-03-01",
        }),
      ).toEqual(preview);

      const result = await confirmRegisterImport(f.ctx, admin, {
        municipality: K,
        token,
        asOf: "2023-03-01",
        base: preview.base,
      });
      expect(result).toMatchObject(preview.counts);

      const after = await exportRegister(f.ctx, admin, K);
      expect(
        [PREVIOUS_REPORT, REPORT].map((day) => aggregateOzgFigures(after, day)),
      ).toEqual(figuresBefore);
      const now = aggregateOzgFigures(after, IMPORT_DAY);
      const then = aggregateOzgFigures(before, IMPORT_DAY);
      // Three went online; the new service is online too (a copy of an online one).
      expect(now.implemented).toBe(then.implemented + 4);
      expect(now.defined).toBe(then.defined - 2 + 1);
      // Every earlier record is still there, ended the day before at most.
      for (const record of before) {
        expect(
          after.some(
            (each) =>
              each.leikaKey === record.leikaKey &&
              each.validFrom === record.validFrom &&
              each.name === record.name,
          ),
        ).toBe(true);
      }
      expect(
        isAppError(
          await rejectionOf(
            confirmRegisterImport(f.ctx, admin, {
              municipality: K,
              token,
              asOf: "2023-03-01",
              base: preview.base,
            }),
          ),
          "ERR_SHEET_IMPORT_EXPIRED",
        ),
      ).toBe(true);
    });

    it("refuses a preview the register has moved away from, and imports nothing", async () => {
      const before = await exportRegister(f.ctx, admin, K);
      const { token, preview } = await prepareRegisterImport(f.ctx, admin, {
        municipality: K,
        fileName: "ozg.csv",
        bytes: await writeRegisterFile(nextYearFile(before), "csv"),
        asOf: "2023-03-01",
      });
      await createService(f.ctx, admin, {
        municipality: K,
        leikaKey: "99990000008888",
        validFrom: "2023-02-01",
        data: {
          name: "Inzwischen eingetragen",
          topic: null,
          isResponsibleLocally: true,
          channel: null,
          isFrontEndOnline: false,
          isBackEndConnected: false,
          hasEPayment: false,
          hasEId: false,
          onlineApplications: 0,
          maturity: null,
          status: "planned",
          url: null,
        },
      });
      const changed = await exportRegister(f.ctx, admin, K);
      const error = await rejectionOf(
        confirmRegisterImport(f.ctx, admin, {
          municipality: K,
          token,
          asOf: "2023-03-01",
          base: preview.base,
        }),
      );
      expect(isAppError(error, "ERR_REGISTER_IMPORT_STALE")).toBe(true);
      expect(await exportRegister(f.ctx, admin, K)).toEqual(changed);
      const fresh = await showRegisterImport(f.ctx, admin, {
        municipality: K,
        token,
        asOf: "2023-03-01",
      });
      expect(fresh.counts.removed).toBe(preview.counts.removed + 1);
    });

    it("names line, column and rule of a bad file, and keeps neither file nor register", async () => {
      const before = await exportRegister(f.ctx, admin, K);
      const error = await rejectionOf(
        prepareRegisterImport(f.ctx, admin, {
          municipality: K,
          fileName: "kaputt.csv",
          bytes: Buffer.from(
            "LeiKa-Schlüssel;Name;Zuständig vor Ort;Front-End online;Back-End angebunden;E-Payment;eID;Online-Anträge;Status;Art\n" +
              "99123456760000;Hundesteuer;ja;nein;nein;nein;nein;0;erledigt;OZG-Leistung\n" +
              "99123456760001;Parken;ja;nein;nein;nein;nein;0;geplant;Formular\n",
            "utf8",
          ),
          asOf: "2023-03-01",
        }),
      );
      expect(isAppError(error, "ERR_REGISTER_IMPORT_INVALID")).toBe(true);
      const messages = isAppError(error)
        ? error.problems.map((problem) => problem.message)
        : [];
      expect(messages[0]).toMatch(
        /^Zeile 2, Spalte „Status“: Unbekannter Status/,
      );
      expect(messages[1]).toMatch(
        /^Zeile 3, Spalte „Art“: Unbekannte Art „Formular“/,
      );
      expect(await exportRegister(f.ctx, admin, K)).toEqual(before);
    });

    it("refuses an as-of day before records that start later", async () => {
      const error = await rejectionOf(
        prepareRegisterImport(f.ctx, admin, {
          municipality: K,
          fileName: "ozg.csv",
          bytes: await writeRegisterFile(
            await exportRegister(f.ctx, admin, K),
            "csv",
          ),
          asOf: "2022-10-01",
        }),
      );
      expect(
        isAppError(error, "ERR_REGISTER_IMPORT_INVALID") &&
          error.problems[0]?.message,
      ).toMatch(/nach dem Stichtag 01\.10\.2022 beginnen/);
    });
  },
);
