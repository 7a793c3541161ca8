/**
 * The register import in two steps (ADR 0033): an uploaded file is checked and kept under
 * a token (src/app/uploads/kept-upload.ts, shared with the catalogue spreadsheet, under a
 * hash of its own, so a token of one import never opens the other); its preview says what the
 * import as of a day would add, change, keep and close, with the changed fields; only
 * the confirmation writes. The confirmation names the state of the register (and the
 * as-of day) the preview was computed against, so a preview that no longer tells the
 * truth is refused with ERR_REGISTER_IMPORT_STALE.
 */
import { createHash } from "node:crypto";
import type { Executor } from "../../db/database.js";
import { listServices } from "../../db/service.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import {
  formatIsoDate,
  germanDayOf,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import {
  plannedLabel,
  planRegisterImport,
  type RegisterImportPlan,
} from "../../domain/service/register-import.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { UNKNOWN_ORIGIN } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  discardUpload,
  prepareUpload,
  requireOwnUpload,
  type IncomingUpload,
  type KeptUploadRef,
  type UploadGate,
} from "../uploads/kept-upload.js";
import {
  requireReportingAdmin,
  runReportingChange,
} from "../reports/reporting-support.js";
import {
  applyRegisterPlan,
  planCounts,
  readRegisterTable,
  requirePlannable,
  type RegisterImportResult,
} from "./manage-register.js";
import { readRegisterFile } from "./read-register-file.js";
import { readUpload, type UploadRefusal } from "../uploads/read-upload.js";

/** At most this many records are named per group in a preview (the counts are complete). */
const MAX_LISTED = 200;

/** A changed service in the preview. */
export interface PreviewChange {
  readonly label: string;
  readonly fields: readonly string[];
}

/** What an import as of a day would do. */
export interface RegisterImportPreview {
  readonly fileName: string;
  /** The as-of day (day number). */
  readonly asOf: number;
  readonly isFirstImport: boolean;
  readonly counts: {
    readonly created: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly removed: number;
  };
  readonly created: readonly string[];
  readonly changed: readonly PreviewChange[];
  readonly removed: readonly string[];
  readonly warnings: readonly string[];
  /** The state of the register (and the as-of day) the preview was computed against. */
  readonly base: string;
}

const hash = (text: string | Buffer): string =>
  createHash("sha256").update(text).digest("hex");

async function baseOf(
  db: Executor,
  municipalityId: number,
  asOf: number,
): Promise<string> {
  const records = await listServices(db, municipalityId);
  return hash(
    JSON.stringify({
      asOf,
      records: records.map((each) => [each.id, each.version, each.service]),
    }),
  );
}

/** A register file that cannot be read at all: named at the form's file field. */
const UNREADABLE_REGISTER: UploadRefusal = {
  error: RangeError,
  code: "ERR_REGISTER_IMPORT_INVALID",
  path: "/form/datei",
};

/** Reads a file into records, or ERR_REGISTER_IMPORT_INVALID with line, column and rule. */
async function readFile(fileName: string, bytes: Buffer) {
  const table = await readUpload(
    readRegisterFile,
    fileName,
    bytes,
    UNREADABLE_REGISTER,
  );
  return readRegisterTable({ fileName, ...table });
}

function previewOf(
  fileName: string,
  plan: RegisterImportPlan,
  warnings: readonly string[],
  base: string,
): RegisterImportPreview {
  return {
    fileName,
    asOf: plan.asOf,
    isFirstImport: plan.isFirstImport,
    counts: planCounts(plan),
    created: plan.created.slice(0, MAX_LISTED).map(plannedLabel),
    changed: plan.changed.slice(0, MAX_LISTED).map((each) => ({
      label: plannedLabel(each.after),
      fields: each.fields,
    })),
    removed: plan.removed
      .slice(0, MAX_LISTED)
      .map((each) => plannedLabel(each.service)),
    warnings,
    base,
  };
}

async function planOf(
  db: Executor,
  municipality: Municipality,
  fileName: string,
  bytes: Buffer,
  asOf: number,
) {
  const read = await readFile(fileName, bytes);
  const plan = planRegisterImport(
    await listServices(db, municipality.id),
    read.services,
    asOf,
  );
  requirePlannable(plan, fileName);
  return {
    plan,
    read,
    preview: previewOf(
      fileName,
      plan,
      read.warnings,
      await baseOf(db, municipality.id, asOf),
    ),
  };
}

function asOfDay(ctx: AppContext, asOf: string | null | undefined): number {
  const day = asOf === null || asOf === undefined ? null : parseIsoDate(asOf);
  return day ?? germanDayOf(ctx.clock());
}

/** The OZG register's uploads: a reporting administrator's, logged against the services. */
const REGISTER_UPLOADS: UploadGate = {
  purpose: "ozg-register",
  guard: requireReportingAdmin,
  attempted: "service.import",
  entityType: "service",
};

/** Checks an uploaded file and keeps it under a token; returns the token and the preview. */
export async function prepareRegisterImport(
  ctx: AppContext,
  principal: Principal,
  input: IncomingUpload & {
    /** ISO date the import holds from; null: today. */
    readonly asOf: string | null;
  },
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{
  readonly token: string;
  readonly preview: RegisterImportPreview;
}> {
  const { token, checked } = await prepareUpload(
    ctx,
    principal,
    REGISTER_UPLOADS,
    input,
    origin,
    async (municipality) =>
      planOf(
        ctx.db,
        municipality,
        input.fileName,
        input.bytes,
        asOfDay(ctx, input.asOf),
      ),
  );
  return { token, preview: checked.preview };
}

/** The preview of an upload as of a day, against the register as it is now. */
export async function showRegisterImport(
  ctx: AppContext,
  principal: Principal,
  input: KeptUploadRef & { readonly asOf: string | null },
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<RegisterImportPreview> {
  const { municipality, upload } = await requireOwnUpload(
    ctx,
    principal,
    REGISTER_UPLOADS,
    input,
    origin,
  );
  return (
    await planOf(
      ctx.db,
      municipality,
      upload.fileName,
      upload.content,
      asOfDay(ctx, input.asOf),
    )
  ).preview;
}

/**
 * Imports what the preview showed. `base` is the preview's `base`: when the register (or
 * the as-of day) differs from it, ERR_REGISTER_IMPORT_STALE and nothing is written.
 */
export async function confirmRegisterImport(
  ctx: AppContext,
  principal: Principal,
  input: KeptUploadRef & {
    readonly asOf: string | null;
    readonly base: string;
    readonly reason?: string | null;
  },
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<RegisterImportResult> {
  const { municipality, upload } = await requireOwnUpload(
    ctx,
    principal,
    REGISTER_UPLOADS,
    input,
    origin,
  );
  const asOf = asOfDay(ctx, input.asOf);
  return runReportingChange(
    ctx,
    principal,
    municipality,
    origin,
    input.reason,
    async (trx) => {
      const { plan, read, preview } = await planOf(
        trx,
        municipality,
        upload.fileName,
        upload.content,
        asOf,
      );
      if (preview.base !== input.base)
        throw new AppError("ERR_REGISTER_IMPORT_STALE");
      await discardUpload(trx, upload);
      const before = (await listServices(trx, municipality.id)).length;
      const records = await applyRegisterPlan(trx, municipality.id, plan);
      const services = new Set(read.services.map((each) => each.leikaKey)).size;
      const counts = planCounts(plan);
      return {
        value: { records, services, ...counts, warnings: read.warnings },
        record: {
          action: "service.import",
          entityType: "service",
          entityId: null,
          entityLabel: upload.fileName,
          before: { records: before },
          after: {
            asOf: formatIsoDate(asOf),
            sha256: upload.fileSha256,
            records,
            services,
            ...counts,
          },
          version: null,
        },
      };
    },
  );
}
