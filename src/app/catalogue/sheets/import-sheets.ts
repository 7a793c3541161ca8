/**
 * The catalogue as a spreadsheet, as use cases (docs/adr/0027-sheets-catalogue-spreadsheet.md):
 * export; import in two steps — an upload is checked and kept under a token, its preview
 * says what would be created, changed and removed per sheet; only the confirmation
 * writes, in one transaction with audit events. The confirmation names the state of the
 * catalogue the preview was computed against, so that nobody confirms a preview that no
 * longer tells the truth. Editions are never touched: they are snapshots of their own.
 */
import {
  insertAuditEvents,
  type NewAuditEvent,
} from "../../../db/audit.repository.js";
import { loadCatalogue } from "../../../db/catalogue.repository.js";
import { syncCatalogue } from "../../../db/catalogue-sync.repository.js";
import type { Executor } from "../../../db/database.js";
import { bumpDataVersion } from "../../../db/municipality.repository.js";
import { replaceSearchEntries } from "../../../db/search.repository.js";
import {
  actorLabel,
  type Principal,
} from "../../../domain/access/principal.js";
import type { Municipality } from "../../../domain/catalogue/catalogue.js";
import { AppError } from "../../../errors.js";
import type { AuditActor, RequestOrigin } from "../../audit/record-audit.js";
import { COMMAND_LINE_AUDIT_ACTOR } from "../../auth/account-audit.js";
import type { AppContext } from "../../context.js";
import {
  discardUpload,
  fileSha256,
  prepareUpload,
  requireOwnUpload,
  type IncomingUpload,
  type KeptUploadRef,
  type UploadGate,
} from "../../uploads/kept-upload.js";
import { readUpload, type UploadRefusal } from "../../uploads/read-upload.js";
import {
  catalogueToDocument,
  documentToCatalogue,
  searchEntriesOf,
} from "../catalogue-document.js";
import type { CatalogueDocument } from "../catalogue-document.schema.js";
import {
  requireAdministrator,
  requireMunicipality,
  UNKNOWN_ORIGIN,
} from "../edit-support.js";
import {
  documentToTables,
  readTables,
  rowKey,
  SHEET_IDS,
  sheetProblemToInput,
  tablesToDocument,
  type CatalogueTables,
  type ProgrammeShape,
  type SheetId,
  type SheetRow,
} from "./catalogue-sheets.js";
import {
  bodiesToDocument,
  importBodies,
} from "../../reports/bodies-document.js";
import type { BodyDocument } from "../../reports/bodies-document.schema.js";
import {
  readCatalogueWorkbook,
  UnreadableWorkbookError,
} from "./read-catalogue-workbook.js";
import {
  changeCount,
  diffTables,
  tablesDigest,
  type SheetChanges,
} from "./sheet-diff.js";

/** At most this many problems are reported for one file. */
const MAX_PROBLEMS = 50;

/** What an import would change, and what it found and ignored. */
export interface SheetImportPreview {
  readonly municipality: Municipality;
  readonly fileName: string;
  readonly sheets: readonly SheetChanges[];
  /** All changes together; 0 means the file matches the catalogue. */
  readonly total: number;
  /** Columns and sheets that are not part of the catalogue, reported and ignored. */
  readonly ignored: readonly string[];
  /** The state of the stored catalogue the preview was computed against. */
  readonly base: string;
}

/** A preview with the token under which its file waits. */
export interface PreparedSheetImport {
  readonly token: string;
  readonly preview: SheetImportPreview;
}

function emptyTables(): CatalogueTables {
  const tables = {} as Record<SheetId, readonly SheetRow[]>;
  for (const id of SHEET_IDS) tables[id] = [];
  return tables;
}

/** The stored catalogue as tables (empty tables when there is none yet). */
async function storedTables(
  db: Executor,
  municipality: Municipality,
): Promise<CatalogueTables> {
  const catalogue = await loadCatalogue(db, municipality);
  if (catalogue === null) return emptyTables();
  const bodies = await bodiesToDocument(db, municipality.id);
  return documentToTables({
    ...catalogueToDocument(catalogue),
    bodies: [...bodies],
  });
}

/**
 * The file's bodies merged into the stored ones as an import writes them: a body or a
 * meeting the file lacks stays (meetings carry reports, and an import never removes
 * history); of a body in the file, its members are the file's.
 */
function withStoredBodies(
  document: CatalogueDocument,
  stored: readonly BodyDocument[],
): CatalogueDocument {
  const file = document.bodies ?? [];
  if (file.length === 0 && stored.length === 0) return document;
  const keyOf = (meeting: NonNullable<BodyDocument["meetings"]>[number]) =>
    `${meeting.date}\u0000${meeting.agendaItem?.number ?? ""}`;
  const merged = stored.map((before) => {
    const after = file.find(
      (each) => each.abbreviation === before.abbreviation,
    );
    if (after === undefined) return before;
    const inFile = new Set((after.meetings ?? []).map(keyOf));
    return {
      ...after,
      meetings: [
        ...(after.meetings ?? []),
        ...(before.meetings ?? []).filter((each) => !inFile.has(keyOf(each))),
      ].sort((a, b) => a.date.localeCompare(b.date)),
    };
  });
  const added = file.filter(
    (each) =>
      !stored.some((before) => before.abbreviation === each.abbreviation),
  );
  return { ...document, bodies: [...merged, ...added] };
}

/** The stored programme's levels and org unit kinds, which a file is read against. */
async function storedShape(
  db: Executor,
  municipality: Municipality,
): Promise<ProgrammeShape> {
  const catalogue = await loadCatalogue(db, municipality);
  if (catalogue === null) return {};
  const { levels, orgUnitKinds } = catalogueToDocument(catalogue).programme;
  return {
    ...(levels === undefined ? {} : { levels }),
    ...(orgUnitKinds === undefined ? {} : { orgUnitKinds }),
  };
}

function documentMunicipality(
  municipality: Municipality,
): CatalogueDocument["municipality"] {
  return {
    slug: municipality.slug,
    name: municipality.name,
    ...(municipality.state === null ? {} : { state: municipality.state }),
    ...(municipality.website === null ? {} : { website: municipality.website }),
  };
}

interface CheckedFile {
  readonly document: CatalogueDocument;
  readonly tables: CatalogueTables;
  readonly ignored: readonly string[];
  /** Lines of the uploaded file by sheet and key, to name them in the preview. */
  readonly lines: ReadonlyMap<string, number>;
}

/**
 * Fills the optional columns a file does not have (an older workbook without a measure's
 * details) from the stored catalogue, row by row key, so that they stay as they are.
 */
function withStoredCells(
  read: ReturnType<typeof readTables>,
  stored: CatalogueTables,
): ReturnType<typeof readTables> {
  const tables = { ...read.tables };
  for (const id of read.absentSheets) tables[id] = stored[id];
  for (const id of SHEET_IDS) {
    const columns = read.absent[id] ?? [];
    if (columns.length === 0) continue;
    const byKey = new Map(stored[id].map((row) => [rowKey(id, row), row]));
    tables[id] = read.tables[id].map((row) => {
      const before = byKey.get(rowKey(id, row));
      if (before === undefined) return row;
      const cells = { ...row.cells };
      for (const column of columns) cells[column] = before.cells[column] ?? "";
      return { line: row.line, cells };
    });
  }
  return { ...read, tables };
}

/** A workbook that cannot be read at all: named with the whole file as its place. */
const UNREADABLE_SHEET: UploadRefusal = {
  error: UnreadableWorkbookError,
  code: "ERR_SHEET_IMPORT_INVALID",
  path: "/",
};

/** Reads and checks a file; throws ERR_SHEET_IMPORT_INVALID naming sheet, row and column. */
async function checkFile(
  db: Executor,
  municipality: Municipality,
  fileName: string,
  bytes: Buffer,
): Promise<CheckedFile> {
  const raw = await readUpload(
    readCatalogueWorkbook,
    fileName,
    bytes,
    UNREADABLE_SHEET,
  );
  const read = withStoredCells(
    readTables(raw),
    await storedTables(db, municipality),
  );
  const result =
    read.problems.length > 0
      ? { ok: false as const, problems: read.problems }
      : tablesToDocument(
          read.tables,
          documentMunicipality(municipality),
          await storedShape(db, municipality),
        );
  if (!result.ok)
    throw new AppError("ERR_SHEET_IMPORT_INVALID", {
      detail: `${fileName}:`,
      problems: result.problems.slice(0, MAX_PROBLEMS).map(sheetProblemToInput),
    });
  const lines = new Map<string, number>();
  for (const id of SHEET_IDS)
    for (const row of read.tables[id])
      lines.set(`${id}\u0000${rowKey(id, row)}`, row.line);
  const document = withStoredBodies(
    result.document,
    await bodiesToDocument(db, municipality.id),
  );
  return {
    document,
    tables: documentToTables(document),
    ignored: read.ignored,
    lines,
  };
}

async function previewOf(
  db: Executor,
  municipality: Municipality,
  fileName: string,
  checked: CheckedFile,
): Promise<SheetImportPreview> {
  const before = await storedTables(db, municipality);
  const sheets = diffTables(before, checked.tables, checked.lines);
  return {
    municipality,
    fileName,
    sheets,
    total: sheets.reduce((sum, each) => sum + changeCount(each), 0),
    ignored: checked.ignored,
    base: tablesDigest(before),
  };
}

/** Writes what a preview showed, in one transaction with its audit events. */
async function applyImport(
  ctx: AppContext,
  actor: AuditActor,
  municipality: Municipality,
  checked: CheckedFile,
  options: {
    readonly fileName: string;
    readonly fileSha256: string;
    readonly base: string | null;
    readonly reason: string | null;
    readonly origin: RequestOrigin;
    readonly tokenHash: string | null;
  },
): Promise<SheetImportPreview> {
  const now = ctx.clock().toISOString();
  const preview = await ctx.db.transaction().execute(async (trx) => {
    const preview = await previewOf(
      trx,
      municipality,
      options.fileName,
      checked,
    );
    if (options.base !== null && preview.base !== options.base)
      throw new AppError("ERR_SHEET_IMPORT_STALE");
    if (options.tokenHash !== null)
      await discardUpload(trx, { tokenHash: options.tokenHash });
    if (preview.total === 0) return preview;
    await bumpDataVersion(trx, municipality.id, now, "draft");
    await syncCatalogue(
      trx,
      municipality.id,
      documentToCatalogue(checked.document),
      now,
    );
    const stored = await loadCatalogue(trx, municipality);
    if (stored === null) throw new Error("catalogue vanished during import");
    await replaceSearchEntries(trx, municipality.id, searchEntriesOf(stored));
    if (checked.document.bodies !== undefined)
      await importBodies(trx, municipality.id, checked.document.bodies);
    const events: NewAuditEvent[] = [];
    const event = (entry: {
      action: string;
      entityType: string;
      entityId: string | null;
      entityLabel: string | null;
      before: unknown;
      after: unknown;
    }): void => {
      events.push({
        municipalityId: municipality.id,
        at: now,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        projectId: null,
        reason: options.reason,
        ip: options.origin.ip,
        version: null,
        ...entry,
      });
    };
    event({
      action: "catalogue.sheet-import",
      entityType: "catalogue",
      entityId: null,
      entityLabel: options.fileName,
      before: null,
      after: {
        file: options.fileName,
        sha256: options.fileSha256,
        changes: Object.fromEntries(
          preview.sheets.map((each) => [
            each.sheet,
            {
              created: each.created.length,
              changed: each.changed.length,
              removed: each.removed.length,
              reordered: each.reordered,
            },
          ]),
        ),
      },
    });
    // One event per row, with the cells before and after, so the log tells what changed.
    for (const each of preview.sheets) {
      for (const [action, rows] of [
        ["catalogue.sheet-row-created", each.created],
        ["catalogue.sheet-row-changed", each.changed],
        ["catalogue.sheet-row-removed", each.removed],
      ] as const) {
        for (const row of rows)
          event({
            action,
            entityType: each.sheet,
            entityId: row.key,
            entityLabel: `${each.title}: ${row.key}`,
            before: Object.fromEntries(
              row.cells
                .filter((cell) => cell.before !== "")
                .map((cell) => [cell.column, cell.before]),
            ),
            after: Object.fromEntries(
              row.cells
                .filter((cell) => cell.after !== "")
                .map((cell) => [cell.column, cell.after]),
            ),
          });
      }
    }
    await insertAuditEvents(trx, events);
    return preview;
  });
  ctx.cache.clear();
  return preview;
}

/** The catalogue spreadsheet's uploads: an administrator's, logged against the catalogue. */
const SHEET_UPLOADS: UploadGate = {
  purpose: "catalogue-sheet",
  guard: requireAdministrator,
  attempted: "catalogue.sheet-import",
  entityType: "catalogue",
};

/** Checks an uploaded file and keeps it under a token; returns the token and the preview. */
export async function prepareSheetImport(
  ctx: AppContext,
  principal: Principal,
  input: IncomingUpload,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<PreparedSheetImport> {
  const { token, checked } = await prepareUpload(
    ctx,
    principal,
    SHEET_UPLOADS,
    input,
    origin,
    async (municipality) =>
      previewOf(
        ctx.db,
        municipality,
        input.fileName,
        await checkFile(ctx.db, municipality, input.fileName, input.bytes),
      ),
  );
  return { token, preview: checked };
}

/** The principal's own upload the input names, with its file checked against the catalogue as it is now. */
async function requireCheckedUpload(
  ctx: AppContext,
  principal: Principal,
  input: KeptUploadRef,
  origin: RequestOrigin,
) {
  const { municipality, upload } = await requireOwnUpload(
    ctx,
    principal,
    SHEET_UPLOADS,
    input,
    origin,
  );
  const checked = await checkFile(
    ctx.db,
    municipality,
    upload.fileName,
    upload.content,
  );
  return { municipality, upload, checked };
}

/** The preview of an upload, against the catalogue as it is now. */
export async function showSheetImport(
  ctx: AppContext,
  principal: Principal,
  input: KeptUploadRef,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<SheetImportPreview> {
  const { municipality, upload, checked } = await requireCheckedUpload(
    ctx,
    principal,
    input,
    origin,
  );
  return previewOf(ctx.db, municipality, upload.fileName, checked);
}

/**
 * Imports an upload whose preview was confirmed. `base` is the state the preview was
 * computed against; when the catalogue changed since, ERR_SHEET_IMPORT_STALE and nothing
 * is written.
 */
export async function confirmSheetImport(
  ctx: AppContext,
  principal: Principal,
  input: KeptUploadRef & {
    readonly base: string;
    readonly reason?: string | null;
  },
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<SheetImportPreview> {
  const { municipality, upload, checked } = await requireCheckedUpload(
    ctx,
    principal,
    input,
    origin,
  );
  return applyImport(
    ctx,
    {
      userId: principal.kind === "user" ? principal.userId : null,
      label: actorLabel(principal),
    },
    municipality,
    checked,
    {
      fileName: upload.fileName,
      fileSha256: upload.fileSha256,
      base: input.base,
      reason: input.reason?.trim() || null,
      origin,
      tokenHash: upload.tokenHash,
    },
  );
}

/** The catalogue as tables, for an administrator's download. */
export async function exportCatalogueSheets(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{
  readonly municipality: Municipality;
  readonly tables: CatalogueTables;
}> {
  const { municipality } = await requireAdministrator.bySlug(
    ctx,
    principal,
    municipalitySlug,
    "catalogue.sheet-export",
    { entityType: "catalogue" },
    origin,
  );
  return { municipality, tables: await storedTables(ctx.db, municipality) };
}

/** The catalogue as tables, for the command line (which has the database anyway). */
export async function exportCatalogueSheetsForOperator(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<CatalogueTables> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  return storedTables(ctx.db, municipality);
}

/**
 * The command line's import: the preview, and with `apply` the import in one go (the
 * preview is what the person at the terminal reads before running it with --apply).
 */
export async function importCatalogueSheetsForOperator(
  ctx: AppContext,
  input: {
    readonly municipality: string;
    readonly fileName: string;
    readonly bytes: Buffer;
    readonly apply: boolean;
  },
): Promise<SheetImportPreview> {
  const municipality = await requireMunicipality(ctx.db, input.municipality);
  const checked = await checkFile(
    ctx.db,
    municipality,
    input.fileName,
    input.bytes,
  );
  if (!input.apply)
    return previewOf(ctx.db, municipality, input.fileName, checked);
  return applyImport(ctx, COMMAND_LINE_AUDIT_ACTOR, municipality, checked, {
    fileName: input.fileName,
    fileSha256: fileSha256(input.bytes),
    base: null,
    reason: null,
    origin: UNKNOWN_ORIGIN,
    tokenHash: null,
  });
}
