/**
 * Keeping the OZG service register (administrators): adding a service, correcting a record
 * or recording a new state from a day on, and replacing the whole register from a CSV or
 * XLSX table — all or nothing, every problem named by line and column.
 */
import type { Executor } from "../../db/database.js";
import {
  closeServiceRecord,
  deleteServiceRecord,
  insertService,
  listServices,
  replaceServices,
  updateServiceRow,
} from "../../db/service.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  formatGermanDate,
  formatIsoDate,
  germanDayOf,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import {
  plannedLabel,
  planRegisterImport,
  type RegisterImportPlan,
} from "../../domain/service/register-import.js";
import { parseLeikaKey } from "../../domain/service/leika.js";
import {
  validateRegister,
  validateService,
  type Service,
} from "../../domain/service/service.js";
import {
  formatTableProblem,
  readServiceTable,
  type TableProblem,
  type TableRow,
} from "../../domain/service/service-table.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { UNKNOWN_ORIGIN, optionalText } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  authoriseReportingChange,
  reportingUseCase,
  invalid,
  advanceVersion,
  requireVersion,
} from "../reports/reporting-support.js";
import {
  ChangeServiceInputSchema,
  CreateServiceInputSchema,
  type ServiceData,
} from "./register.schema.js";

function serviceOf(
  leikaKey: string,
  data: ServiceData,
  validFrom: number | null,
  validUntil: number | null,
): Service {
  return {
    leikaKey,
    kind: data.kind ?? "ozg-service",
    name: data.name.trim(),
    topic: optionalText(data.topic),
    isResponsibleLocally: data.isResponsibleLocally,
    channel: data.channel,
    isFrontEndOnline: data.isFrontEndOnline,
    isBackEndConnected: data.isBackEndConnected,
    hasEPayment: data.hasEPayment,
    hasEId: data.hasEId,
    onlineApplications: data.onlineApplications,
    maturity: data.maturity,
    status: data.status,
    url: optionalText(data.url),
    validFrom,
    validUntil,
  };
}

/** The errors of a record as input problems (warnings do not stop saving). */
function recordProblems(service: Service): InputProblem[] {
  return validateService(service)
    .filter((problem) => problem.severity === "error")
    .map((problem) => ({
      path:
        problem.field === "leikaKey" ? "/leikaKey" : `/data/${problem.field}`,
      message: problem.message,
    }));
}

/** The errors the register of one key would have (overlapping spans). */
function registerProblems(records: readonly Service[]): InputProblem[] {
  return validateRegister(records)
    .filter(
      (problem) =>
        problem.severity === "error" &&
        problem.code === "SERVICE_VALIDITY_OVERLAP",
    )
    .map((problem) => ({ path: "/from", message: problem.message }));
}

/** "99123456760000 Hundesteuer An- und Abmeldung". */
export function serviceLabel(
  service: Pick<Service, "leikaKey" | "name">,
): string {
  return `${service.leikaKey} ${service.name}`;
}

/** Adds a service (the first record of its LeiKa key); returns the canonical key. */
export const createService = reportingUseCase(
  CreateServiceInputSchema,
  "service.create",
  (valid) => ({ entityType: "service", entityLabel: valid.data.name }),
  async ({ valid, change }) => {
    const key = parseLeikaKey(valid.leikaKey);
    if (!key.ok) throw invalid("/leikaKey", key.problem.message);
    const validFrom =
      valid.validFrom === null ? null : parseIsoDate(valid.validFrom);
    const service = serviceOf(key.key, valid.data, validFrom, null);
    const problems = recordProblems(service);
    if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
    return change.run(async (trx) => {
      if (
        (await listServices(trx, change.municipality.id)).some(
          (each) => each.service.leikaKey === key.key,
        )
      ) {
        throw invalid(
          "/leikaKey",
          `Die Leistung ${key.key} ist schon eingetragen; bitte dort einen neuen Stand erfassen.`,
        );
      }
      const id = await insertService(trx, change.municipality.id, service);
      return {
        value: { leikaKey: key.key },
        record: {
          entityId: id,
          entityLabel: serviceLabel(service),
          before: null,
          after: service,
          version: 1,
        },
      };
    });
  },
);

/**
 * Changes a service: corrects a record in place, or — with a day — ends the current record
 * the day before and adds the new state from that day, so the register remembers what held
 * on every as-of date of a report.
 */
export const changeService = reportingUseCase(
  ChangeServiceInputSchema,
  "service.update",
  (valid) => ({
    entityType: "service",
    entityId: valid.recordId,
    entityLabel: valid.leikaKey,
  }),
  async ({ valid, change }) => {
    const from = valid.from === null ? null : parseIsoDate(valid.from);
    if (valid.mode === "new-state" && from === null)
      throw invalid(
        "/from",
        "Bitte das Datum angeben, ab dem der neue Stand gilt.",
      );
    return change.run(async (trx) => {
      const records = (await listServices(trx, change.municipality.id)).filter(
        (each) => each.service.leikaKey === valid.leikaKey,
      );
      const stored = records.find((each) => each.id === valid.recordId);
      if (stored === undefined) throw new AppError("ERR_SERVICE_NOT_FOUND");
      requireVersion("service", stored, valid.expectedVersion);
      const others = records
        .filter((each) => each.id !== stored.id)
        .map((each) => each.service);
      if (valid.mode === "correct") {
        const corrected = serviceOf(
          valid.leikaKey,
          valid.data,
          stored.service.validFrom,
          stored.service.validUntil,
        );
        const problems = [
          ...recordProblems(corrected),
          ...registerProblems([...others, corrected]),
        ];
        if (problems.length > 0)
          throw new AppError("ERR_VALIDATION", { problems });
        await updateServiceRow(trx, stored.id, corrected);
        const version = await advanceVersion(trx, "ozg_service", stored);
        return {
          value: { version },
          record: {
            entityId: stored.id,
            entityLabel: serviceLabel(corrected),
            before: stored.service,
            after: corrected,
            version,
          },
        };
      }
      const start = from!;
      if (stored.service.validUntil !== null)
        throw invalid(
          "/from",
          "Ein neuer Stand lässt sich nur an den aktuellen Eintrag anschließen.",
        );
      if (
        stored.service.validFrom !== null &&
        start <= stored.service.validFrom
      ) {
        throw invalid(
          "/from",
          `Der neue Stand muss nach dem Beginn des bisherigen (${formatGermanDate(stored.service.validFrom)}) gelten.`,
        );
      }
      const closed: Service = { ...stored.service, validUntil: start - 1 };
      const next = serviceOf(valid.leikaKey, valid.data, start, null);
      const problems = [
        ...recordProblems(next),
        ...registerProblems([...others, closed, next]),
      ];
      if (problems.length > 0)
        throw new AppError("ERR_VALIDATION", { problems });
      await updateServiceRow(trx, stored.id, closed);
      const version = await advanceVersion(trx, "ozg_service", stored);
      const id = await insertService(trx, change.municipality.id, next);
      return {
        value: { version },
        record: {
          action: "service.new-state",
          entityId: stored.id,
          entityLabel: `${serviceLabel(next)} ab ${formatGermanDate(start)}`,
          before: stored.service,
          after: { ...next, recordId: id },
          version,
        },
      };
    });
  },
);

/** The rows of a table file as read by exports/register. */
export interface RegisterTable {
  readonly fileName: string;
  readonly headings: TableRow | undefined;
  readonly rows: readonly TableRow[];
}

/** What an import wrote, and what it warns about. */
export interface RegisterImportResult {
  readonly records: number;
  readonly services: number;
  readonly created: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly warnings: readonly string[];
}

/** The records a table holds, or ERR_REGISTER_IMPORT_INVALID naming line, column and rule. */
export function readRegisterTable(table: RegisterTable): {
  readonly services: readonly Service[];
  readonly warnings: readonly string[];
} {
  const result = readServiceTable(table.headings, table.rows);
  if (!result.ok) {
    throw new AppError("ERR_REGISTER_IMPORT_INVALID", {
      detail: `${table.fileName}:`,
      problems: result.problems.slice(0, 50).map((problem: TableProblem) => ({
        path: `/zeile/${problem.line}`,
        message: formatTableProblem(problem),
      })),
    });
  }
  return {
    services: result.services,
    warnings: result.warnings.map(formatTableProblem),
  };
}

/** Refuses a plan that would reach behind records starting after its as-of day. */
export function requirePlannable(plan: RegisterImportPlan, fileName: string) {
  const first = plan.later[0];
  if (first === undefined) return;
  throw new AppError("ERR_REGISTER_IMPORT_INVALID", {
    detail: `${fileName}:`,
    problems: [
      {
        path: "/stichtag",
        message:
          `Das Verzeichnis hat schon Einträge, die nach dem Stichtag ${formatGermanDate(plan.asOf)} beginnen ` +
          `(z. B. ${plannedLabel(first.service)} ab ${formatGermanDate(first.service.validFrom ?? plan.asOf)}). ` +
          "Ein Import gilt ab seinem Stichtag und darf spätere Stände nicht überschreiben; bitte einen späteren Stichtag wählen.",
      },
    ],
  });
}

/** Writes a plan: closes, corrects, removes and adds records; returns the number written. */
export async function applyRegisterPlan(
  trx: Executor,
  municipalityId: number,
  plan: RegisterImportPlan,
): Promise<number> {
  if (plan.isFirstImport)
    return replaceServices(trx, municipalityId, plan.created);
  let written = 0;
  for (const each of plan.changed) {
    if (each.before.service.validFrom === plan.asOf) {
      await updateServiceRow(trx, each.before.id, each.after);
      await trx
        .updateTable("ozg_service")
        .set((eb) => ({ version: eb("version", "+", 1) }))
        .where("id", "=", each.before.id)
        .execute();
    } else {
      await closeServiceRecord(trx, each.before.id, plan.asOf - 1);
      await insertService(trx, municipalityId, each.after);
    }
    written += 1;
  }
  for (const each of plan.removed) {
    if (each.service.validFrom === plan.asOf)
      await deleteServiceRecord(trx, each.id);
    else await closeServiceRecord(trx, each.id, plan.asOf - 1);
    written += 1;
  }
  for (const service of plan.created) {
    await insertService(trx, municipalityId, service);
    written += 1;
  }
  return written;
}

/** The counts of a plan, for the result and the audit log. */
export function planCounts(plan: RegisterImportPlan) {
  return {
    created: plan.created.length,
    changed: plan.changed.length,
    unchanged: plan.unchanged.length,
    removed: plan.removed.length,
  };
}

/**
 * Imports the table's records as of a day (ADR 0033): changed records end the day before
 * and new ones start on it, records no longer listed end the day before, unchanged ones
 * stay; nothing valid before the day changes. Into an empty register the file comes
 * with its history. Nothing is written unless every row is valid:
 * ERR_REGISTER_IMPORT_INVALID lists each problem with its line and column. The web
 * imports in two steps (register-import.ts: preview, then confirmation).
 */
export async function importRegister(
  ctx: AppContext,
  principal: Principal,
  input: {
    readonly municipality: string;
    readonly table: RegisterTable;
    /** ISO date the import holds from; null or left out: today. */
    readonly asOf?: string | null;
    readonly reason?: string | null;
  },
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<RegisterImportResult> {
  const change = await authoriseReportingChange(
    ctx,
    principal,
    input,
    "service.import",
    { entityType: "service", entityLabel: input.table.fileName },
    origin,
  );
  const read = readRegisterTable(input.table);
  const asOf =
    (input.asOf === undefined || input.asOf === null
      ? null
      : parseIsoDate(input.asOf)) ?? germanDayOf(ctx.clock());
  return change.run(async (trx) => {
    const before = await listServices(trx, change.municipality.id);
    const plan = planRegisterImport(before, read.services, asOf);
    requirePlannable(plan, input.table.fileName);
    const records = await applyRegisterPlan(trx, change.municipality.id, plan);
    const keys = new Set(read.services.map((service) => service.leikaKey)).size;
    const counts = planCounts(plan);
    return {
      value: { records, services: keys, ...counts, warnings: read.warnings },
      record: {
        entityId: null,
        entityLabel: input.table.fileName,
        before: { records: before.length },
        after: {
          asOf: formatIsoDate(asOf),
          records,
          services: keys,
          ...counts,
        },
        version: null,
      },
    };
  });
}
