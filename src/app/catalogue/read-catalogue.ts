/**
 * Read use cases of the public catalogue: municipalities, the whole tree, one project,
 * search. Views and the API receive plain domain data from here.
 */
import { loadCatalogue } from "../../db/catalogue.repository.js";
import {
  findDataVersion,
  findMunicipalityBySlug,
  listMunicipalities as listMunicipalityRows,
} from "../../db/municipality.repository.js";
import { searchEntries } from "../../db/search.repository.js";
import {
  dependentsOfProject,
  findProject,
  listProjects,
  type Catalogue,
  type Municipality,
  type ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import {
  matchEntries,
  type SearchableEntry,
} from "../../domain/search/match-entries.js";
import { searchTokens } from "../../domain/search/search-words.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import { isDatabaseReachable } from "../database.js";

/** One search result: a project, or a measure within its project. */
export interface SearchHit {
  readonly kind: "project" | "measure";
  readonly projectSlug: string;
  readonly projectCode: string;
  readonly projectTitle: string;
  readonly impactAreaName: string;
  readonly actionFieldName: string;
  readonly actionFieldColour: string;
  /** The project's or the measure's title. */
  readonly title: string;
  /** The beginning of the project's summary, plain text; empty for a measure. */
  readonly excerpt: string;
}

/** The result of a search over one municipality's catalogue. */
export interface SearchResult {
  readonly query: string;
  readonly hits: readonly SearchHit[];
}

/** The longest query accepted; longer input is almost certainly not typed by a person. */
export const MAX_QUERY_LENGTH = 200;

/** At most this many hits are shown. */
const MAX_HITS = 50;

/** All municipalities, by name. */
export async function listMunicipalities(
  ctx: AppContext,
): Promise<readonly Municipality[]> {
  return listMunicipalityRows(ctx.db);
}

/** The data version of a municipality (for ETags), or null when it does not exist. */
export async function getDataVersion(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<number | null> {
  return findDataVersion(ctx.db, municipalitySlug);
}

/** The whole catalogue; throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function getCatalogue(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<Catalogue> {
  const version = await findDataVersion(ctx.db, municipalitySlug);
  if (version === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  const cached = ctx.cache.get(municipalitySlug, version);
  if (cached !== undefined) return cached;
  const municipality = await findMunicipalityBySlug(ctx.db, municipalitySlug);
  const catalogue =
    municipality === null ? null : await loadCatalogue(ctx.db, municipality);
  if (catalogue === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  ctx.cache.set(municipalitySlug, catalogue);
  return catalogue;
}

/** One project in its catalogue; throws ERR_MUNICIPALITY_NOT_FOUND or ERR_PROJECT_NOT_FOUND. */
export async function getProject(
  ctx: AppContext,
  municipalitySlug: string,
  projectSlug: string,
): Promise<{
  readonly catalogue: Catalogue;
  readonly entry: ProjectInContext;
  readonly dependents: readonly ProjectInContext[];
}> {
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  const entry = findProject(catalogue, projectSlug);
  if (entry === null) throw new AppError("ERR_PROJECT_NOT_FOUND");
  return {
    catalogue,
    entry,
    dependents: dependentsOfProject(catalogue, projectSlug),
  };
}

/** The trimmed search query; ERR_SEARCH_QUERY_INVALID for an empty or overlong one. */
export function validSearchQuery(query: string): string {
  const trimmed = query.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_QUERY_LENGTH)
    throw new AppError("ERR_SEARCH_QUERY_INVALID");
  return trimmed;
}

/**
 * The hits of a (valid) query among entries of a catalogue, by the one search rule
 * (domain/search/): for the draft the database's candidates, for an edition all its entries.
 */
export function searchResultOf(
  catalogue: Catalogue,
  query: string,
  entries: readonly SearchableEntry[],
): SearchResult {
  const projectsById = new Map(
    listProjects(catalogue).map((entry) => [entry.project.id, entry]),
  );
  const hits = matchEntries(entries, searchTokens(query), MAX_HITS).flatMap(
    (match): SearchHit[] => {
      const entry = projectsById.get(match.projectId);
      if (entry === undefined) return [];
      return [
        {
          kind: match.measureId === null ? "project" : "measure",
          projectSlug: entry.project.slug,
          projectCode: entry.project.code,
          projectTitle: entry.project.title,
          impactAreaName: entry.impactArea.name,
          actionFieldName: entry.actionField.name,
          actionFieldColour: entry.actionField.colour,
          title: match.measureId === null ? entry.project.title : match.title,
          // A measure has no text of its own; the view names its project instead.
          excerpt:
            match.measureId === null ? excerpt(entry.project.summary) : "",
        },
      ];
    },
  );
  return { query, hits };
}

/** Searches the draft's projects and measures; throws ERR_SEARCH_QUERY_INVALID for an empty or overlong query. */
export async function searchCatalogue(
  ctx: AppContext,
  municipalitySlug: string,
  query: string,
): Promise<SearchResult> {
  const trimmed = validSearchQuery(query);
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  // The database narrows down by the same rule; the matcher ranks, as for an edition.
  return searchResultOf(
    catalogue,
    trimmed,
    await searchEntries(
      ctx.db,
      catalogue.municipality.id,
      searchTokens(trimmed),
    ),
  );
}

/** The first sentence or so of a text, cut at a word boundary. */
function excerpt(text: string, length = 180): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), length / 2))} …`;
}

/** Whether the database answers. */
export async function checkHealth(
  ctx: AppContext,
): Promise<{ readonly ok: boolean; readonly dialect: string }> {
  return { ok: await isDatabaseReachable(ctx), dialect: ctx.dialect };
}
