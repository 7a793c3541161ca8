/**
 * Importing and exporting a municipality's catalogue as one document. An import is all
 * or nothing: the whole file is checked first, then written in one transaction.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import {
  deleteCatalogue,
  insertCatalogue,
  loadCatalogue,
} from "../../db/catalogue.repository.js";
import {
  findMunicipalityBySlug,
  insertMunicipality,
  updateMunicipality,
} from "../../db/municipality.repository.js";
import { replaceSearchEntries } from "../../db/search.repository.js";
import { insertReasonCategories } from "../../db/revision.repository.js";
import { DEFAULT_REASON_CATEGORIES } from "../../domain/edition/reasons.js";
import { AppError, type InputProblem } from "../../errors.js";
import { findProjectRoot } from "../../project-root.js";
import type { AppContext } from "../context.js";
import {
  catalogueToDocument,
  checkCatalogueDocument,
  documentToCatalogue,
  searchEntriesOf,
} from "./catalogue-document.js";
import {
  CatalogueDocumentSchema,
  type CatalogueDocument,
} from "./catalogue-document.schema.js";
import { validate } from "../validation/validate.js";
import {
  findIndicatorProblems,
  importIndicators,
  indicatorsToDocument,
} from "../indicators/indicators-document.js";
import {
  bodiesToDocument,
  findBodyProblems,
  importBodies,
} from "../reports/bodies-document.js";
import {
  findReportProblems,
  importReports,
  reportsToDocument,
  type ReportImportSummary,
} from "../reports/reports-document.js";

/** What an import wrote. */
export interface ImportSummary {
  readonly municipalitySlug: string;
  readonly replaced: boolean;
  readonly impactAreas: number;
  readonly actionFields: number;
  readonly projects: number;
  readonly measures: number;
  /** The file's reports: added, or kept as they were (absent: the file has none). */
  readonly reports?: ReportImportSummary;
}

let yamlLibrary: typeof Yaml | null = null;

/** The YAML parser, loaded on the first import (its CommonJS build): serving pages never needs it. */
function yaml(): typeof Yaml {
  yamlLibrary ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yamlLibrary;
}

/** Parses JSON or YAML text; a syntax error becomes ERR_IMPORT_INVALID with its line. */
export function parseCatalogueText(text: string, source: string): unknown {
  const document = yaml().parseDocument(text, {
    prettyErrors: true,
    uniqueKeys: true,
  });
  const error = document.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0]?.line;
    throw new AppError("ERR_IMPORT_INVALID", {
      detail: `${source}${line === undefined ? "" : `, Zeile ${line}`}: Die Datei ist kein gültiges JSON oder YAML.`,
      problems: [
        { path: "/", message: error.message.split("\n")[0] ?? error.message },
      ],
    });
  }
  try {
    // An alias bomb ("billion laughs") expands a few lines into billions of values.
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new AppError("ERR_IMPORT_INVALID", {
      detail: `${source}: Die Datei enthält zu viele Verweise (YAML-Aliase); höchstens ${MAX_YAML_ALIASES} sind erlaubt.`,
      problems: [{ path: "/", message: "zu viele Verweise (YAML-Aliase)" }],
      cause: error,
    });
  }
}

/**
 * Names the line and column of each problem in the file's text ("… (Zeile 12, Spalte 9)"),
 * found by its JSON pointer; a pointer to a value that is missing names its parent.
 */
export function locateProblems(
  text: string,
  problems: readonly InputProblem[],
): readonly InputProblem[] {
  const { isNode, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (document.errors.length > 0) return problems;
  return problems.map((problem) => {
    const segments = problem.path
      .split("/")
      .slice(1)
      .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
    for (let length = segments.length; length >= 0; length -= 1) {
      const node: unknown =
        length === 0
          ? document.contents
          : document.getIn(
              segments
                .slice(0, length)
                .map((segment) =>
                  /^\d+$/.test(segment) ? Number(segment) : segment,
                ),
              true,
            );
      if (!isNode(node) || node.range == null) continue;
      const position = lineCounter.linePos(node.range[0]);
      return {
        path: problem.path,
        message: `${problem.message} (Zeile ${position.line}, Spalte ${position.col})`,
      };
    }
    return problem;
  });
}

/** How many aliases (`*name`) a YAML catalogue may use; a real catalogue needs none. */
const MAX_YAML_ALIASES = 100;

/** Reads a file and parses it as a catalogue document source. */
export async function readCatalogueFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new AppError("ERR_IMPORT_INVALID", {
      detail: `${file}: Die Datei lässt sich nicht lesen.`,
      cause: error,
    });
  }
  return parseCatalogueText(text, file);
}

/** Imports a catalogue; `replace` allows overwriting an existing municipality with the same slug. */
export async function importCatalogue(
  ctx: AppContext,
  value: unknown,
  options: { readonly source: string; readonly replace?: boolean },
): Promise<ImportSummary> {
  const result = checkCatalogueDocument(value);
  // The parts beyond the catalogue are checked as soon as the file has the right form,
  // so that one answer names every problem of the file.
  const shaped = result.ok ? result : validate(CatalogueDocumentSchema, value);
  const bodyProblems = shaped.ok
    ? [
        ...(shaped.value.bodies === undefined
          ? []
          : findBodyProblems(shaped.value.bodies)),
        ...(shaped.value.indicators === undefined
          ? []
          : findIndicatorProblems(
              shaped.value.indicators,
              projectSlugsOf(shaped.value),
            )),
        ...(shaped.value.reports === undefined
          ? []
          : findReportProblems(
              shaped.value.reports,
              projectSlugsOf(shaped.value),
            )),
      ]
    : [];
  const checked =
    bodyProblems.length === 0
      ? result
      : {
          ok: false as const,
          problems: [...(result.ok ? [] : result.problems), ...bodyProblems],
        };
  if (!checked.ok) {
    throw new AppError("ERR_IMPORT_INVALID", {
      detail: `${options.source}:`,
      problems: checked.problems,
    });
  }
  const document = checked.value;
  const catalogue = documentToCatalogue(document);
  const now = ctx.clock().toISOString();

  let reports: ReportImportSummary | undefined;
  const replaced = await ctx.db.transaction().execute(async (trx) => {
    const existing = await findMunicipalityBySlug(
      trx,
      document.municipality.slug,
    );
    if (existing !== null && options.replace !== true)
      throw new AppError("ERR_IMPORT_MUNICIPALITY_EXISTS");
    const fields = {
      name: document.municipality.name,
      state: document.municipality.state ?? null,
      website: document.municipality.website ?? null,
    };
    let municipalityId: number;
    if (existing === null) {
      municipalityId = await insertMunicipality(trx, {
        slug: document.municipality.slug,
        ...fields,
        dataVersion: 1,
        now,
      });
      // A new municipality starts with the usual reasons for shifts; its administrators edit the list.
      await insertReasonCategories(
        trx,
        municipalityId,
        DEFAULT_REASON_CATEGORIES,
      );
    } else {
      // The municipality stays (with its accounts and audit log); only its catalogue is replaced.
      // Its data version moves on, so that no cache or ETag can match the old content.
      municipalityId = existing.id;
      await deleteCatalogue(trx, municipalityId);
      await updateMunicipality(trx, municipalityId, { ...fields, now });
    }
    await insertCatalogue(trx, municipalityId, catalogue, now);
    const municipality = await findMunicipalityBySlug(
      trx,
      document.municipality.slug,
    );
    const stored =
      municipality === null ? null : await loadCatalogue(trx, municipality);
    if (stored === null) throw new Error("catalogue vanished during import");
    await replaceSearchEntries(trx, municipalityId, searchEntriesOf(stored));
    if (document.bodies !== undefined)
      await importBodies(trx, municipalityId, document.bodies);
    if (document.indicators !== undefined)
      await importIndicators(
        trx,
        municipalityId,
        document.indicators,
        now,
        options.source,
      );
    // After the bodies: a report names its meeting.
    if (document.reports !== undefined)
      reports = await importReports(
        trx,
        municipalityId,
        document.reports,
        now,
        options.source,
      );
    return existing !== null;
  });
  ctx.cache.clear();

  const projects = catalogue.impactAreas.flatMap((area) =>
    area.actionFields.flatMap((field) => field.projects),
  );
  return {
    municipalitySlug: document.municipality.slug,
    replaced,
    impactAreas: catalogue.impactAreas.length,
    actionFields: catalogue.impactAreas.reduce(
      (sum, area) => sum + area.actionFields.length,
      0,
    ),
    projects: projects.length,
    measures: projects.reduce(
      (sum, project) => sum + project.measures.length,
      0,
    ),
    ...(reports === undefined ? {} : { reports }),
  };
}

/** The slugs of all projects of a document, flat or not. */
function projectSlugsOf(document: CatalogueDocument): ReadonlySet<string> {
  return new Set(
    [
      ...(document.impactAreas ?? []).flatMap((area) => area.actionFields),
      ...(document.actionFields ?? []),
    ].flatMap((field) => field.projects.map((project) => project.slug)),
  );
}

/** Exports a municipality's catalogue as a document; throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function exportCatalogue(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<CatalogueDocument> {
  const municipality = await findMunicipalityBySlug(ctx.db, municipalitySlug);
  const catalogue =
    municipality === null ? null : await loadCatalogue(ctx.db, municipality);
  if (catalogue === null)
    throw new AppError("ERR_MUNICIPALITY_NOT_FOUND", {
      detail: `(${municipalitySlug})`,
    });
  const document = catalogueToDocument(catalogue);
  // Bodies belong to the municipality, not to an edition: they are added here only.
  const bodies = await bodiesToDocument(ctx.db, catalogue.municipality.id);
  // Key figures too: they keep their history across editions.
  const indicators = await indicatorsToDocument(
    ctx.db,
    catalogue.municipality.id,
  );
  // And reports, which name their meetings and never change once published.
  const reports = await reportsToDocument(ctx.db, catalogue.municipality.id);
  return {
    ...document,
    ...(bodies.length === 0 ? {} : { bodies: [...bodies] }),
    ...(indicators.length === 0 ? {} : { indicators: [...indicators] }),
    ...(reports.length === 0 ? {} : { reports: [...reports] }),
  };
}

/** The demo catalogue shipped with Fortschritt: Kleve's Maßnahmenkatalog, 2. Fortschreibung. */
export function demoCatalogueFile(): string {
  return `${findProjectRoot()}/demo/kleve.yaml`;
}

/** Loads the demo catalogue. */
export async function importDemoCatalogue(
  ctx: AppContext,
  options: { replace?: boolean } = {},
): Promise<ImportSummary> {
  const file = demoCatalogueFile();
  return importCatalogue(ctx, await readCatalogueFile(file), {
    source: file,
    replace: options.replace ?? false,
  });
}
