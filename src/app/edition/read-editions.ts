/**
 * Reading editions and what the public sees. Once a municipality has published an edition,
 * the portal, its search, its timeline and the public API show the latest edition, never
 * the draft; until then they show the current state. Older editions stay readable by
 * number. Editions never change, so their thawed catalogues are cached for good.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import {
  findEdition,
  listEditionSummaries,
} from "../../db/edition.repository.js";
import { findMunicipalityBySlug } from "../../db/municipality.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  dependentsOfProject,
  findProject,
  type Catalogue,
  type Municipality,
  type ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import type {
  Edition,
  EditionReason,
  EditionSummary,
} from "../../domain/edition/edition.js";
import type { ReasonCategory } from "../../domain/edition/reasons.js";
import { AppError } from "../../errors.js";
import {
  searchEntriesOf,
  type SearchEntry,
} from "../catalogue/catalogue-document.js";
import {
  getCatalogue,
  searchCatalogue,
  searchResultOf,
  validSearchQuery,
  type SearchResult,
} from "../catalogue/read-catalogue.js";
import type { AppContext } from "../context.js";
import {
  approximateBytes,
  createMemoryCache,
  type MemoryCache,
} from "../memory-cache.js";
import { canReadDraft } from "../policies/edition.policy.js";
import { isEditionSnapshot, snapshotToCatalogue } from "./edition-snapshot.js";
import { releasedCatalogue } from "../municipalities/release.js";

/** What the public sees of a municipality. */
export interface PublishedCatalogue {
  readonly catalogue: Catalogue;
  /** The edition shown, or null while the municipality has none (then the current state is shown). */
  readonly edition: EditionSummary | null;
  /** Every edition, oldest first. */
  readonly editions: readonly EditionSummary[];
  /** True when, without an edition, the public sees only the state an administrator released (ADR 0026). */
  readonly isReleaseOnly?: boolean;
}

/** An edition of a municipality, with the list it belongs to. */
export interface EditionView {
  readonly municipality: Municipality;
  readonly edition: Edition;
  /** Every edition, oldest first. */
  readonly editions: readonly EditionSummary[];
}

// ---------------------------------------------------------------------------
// The cache of thawed editions: immutable, so an entry is never stale.

interface CachedEdition {
  readonly edition: Omit<Edition, "catalogue"> & {
    readonly catalogue: Omit<Catalogue, "municipality">;
  };
  readonly searchEntries: readonly SearchEntry[];
}

/** Thawed editions kept per database handle, bounded by bytes; built once for concurrent readers. */
const caches = new WeakMap<
  Kysely<Database>,
  MemoryCache<
    CachedEdition,
    { ctx: AppContext; municipality: Municipality; number: number }
  >
>();

function cacheOf(
  ctx: AppContext,
): MemoryCache<
  CachedEdition,
  { ctx: AppContext; municipality: Municipality; number: number }
> {
  let cache = caches.get(ctx.db);
  if (cache === undefined) {
    cache = createMemoryCache({
      name: "editions",
      maxBytes: 48 * 1024 * 1024,
      sizeOf: (entry) =>
        approximateBytes(entry.edition) + approximateBytes(entry.searchEntries),
      build: async (_key, { ctx: context, municipality, number }) =>
        thawEdition(context, municipality, number),
    });
    caches.set(ctx.db, cache);
  }
  return cache;
}

function parseReasons(value: unknown): ReadonlyMap<string, EditionReason> {
  const reasons = new Map<string, EditionReason>();
  if (!Array.isArray(value)) return reasons;
  for (const item of value as unknown[]) {
    if (item === null || typeof item !== "object") continue;
    const { key, category, categoryLabel, text } = item as Record<
      string,
      unknown
    >;
    if (typeof key !== "string" || typeof category !== "string") continue;
    reasons.set(key, {
      category,
      categoryLabel:
        typeof categoryLabel === "string" ? categoryLabel : category,
      text: typeof text === "string" ? text : "",
    });
  }
  return reasons;
}

function parseCategories(value: unknown): readonly ReasonCategory[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flatMap((item) => {
    if (item === null || typeof item !== "object") return [];
    const { key, label, requiresText } = item as Record<string, unknown>;
    return typeof key === "string" && typeof label === "string"
      ? [{ key, label, requiresText: requiresText === true }]
      : [];
  });
}

/** An edition with its content, or null; thawed once per process. */
async function loadEdition(
  ctx: AppContext,
  municipality: Municipality,
  number: number,
): Promise<Edition | null> {
  const cached = await cacheOf(ctx).fetch(`${municipality.id}:${number}`, {
    ctx,
    municipality,
    number,
  });
  if (cached === undefined) return null;
  // The municipality is the live one (its name, data version); the content is the edition's.
  return {
    ...cached.edition,
    catalogue: { municipality, ...cached.edition.catalogue },
  };
}

async function thawEdition(
  ctx: AppContext,
  municipality: Municipality,
  number: number,
): Promise<CachedEdition | undefined> {
  const stored = await findEdition(ctx.db, municipality.id, number);
  if (stored === null) return undefined;
  if (!isEditionSnapshot(stored.snapshot))
    throw new Error(
      `edition ${number} of ${municipality.slug} has no readable snapshot`,
    );
  const thawed = snapshotToCatalogue(stored.snapshot, municipality);
  const catalogue = {
    programme: thawed.programme,
    orgUnits: thawed.orgUnits,
    impactAreas: thawed.impactAreas,
  };
  return {
    edition: {
      number: stored.number,
      title: stored.title,
      publishedOn: stored.publishedOn,
      publishedAt: stored.publishedAt,
      publishedByLabel: stored.publishedByLabel,
      councilReference: stored.councilReference,
      councilUrl: stored.councilUrl,
      oparlPaperUrl: stored.oparlPaperUrl ?? null,
      note: stored.note,
      isReconstruction: stored.isReconstruction,
      foreword: stored.foreword,
      catalogue,
      reasons: parseReasons(stored.reasons),
      reasonCategories: parseCategories(stored.reasonCategories),
    },
    searchEntries: searchEntriesOf(thawed),
  };
}

function searchEntriesOfCached(
  ctx: AppContext,
  municipality: Municipality,
  number: number,
): readonly SearchEntry[] {
  return cacheOf(ctx).peek(`${municipality.id}:${number}`)?.searchEntries ?? [];
}

/** A municipality by slug; throws ERR_MUNICIPALITY_NOT_FOUND. */
async function requireMunicipality(
  ctx: AppContext,
  slug: string,
): Promise<Municipality> {
  const municipality = await findMunicipalityBySlug(ctx.db, slug);
  if (municipality === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  return municipality;
}

// ---------------------------------------------------------------------------
// Use cases

/** The editions of a municipality, oldest first; throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function listEditions(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<{
  readonly municipality: Municipality;
  readonly editions: readonly EditionSummary[];
}> {
  const municipality = await requireMunicipality(ctx, municipalitySlug);
  return {
    municipality,
    editions: await listEditionSummaries(ctx.db, municipality.id),
  };
}

/** One edition with its content; throws ERR_MUNICIPALITY_NOT_FOUND or ERR_EDITION_NOT_FOUND. */
export async function getEdition(
  ctx: AppContext,
  municipalitySlug: string,
  number: number,
): Promise<EditionView> {
  const municipality = await requireMunicipality(ctx, municipalitySlug);
  const edition =
    Number.isSafeInteger(number) && number > 0
      ? await loadEdition(ctx, municipality, number)
      : null;
  if (edition === null) throw new AppError("ERR_EDITION_NOT_FOUND");
  return {
    municipality,
    edition,
    editions: await listEditionSummaries(ctx.db, municipality.id),
  };
}

/** What the public sees: the latest edition, or the current state while there is none. */
export async function getPublishedCatalogue(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<PublishedCatalogue> {
  const municipality = await requireMunicipality(ctx, municipalitySlug);
  const editions = await listEditionSummaries(ctx.db, municipality.id);
  const latest = editions.at(-1);
  if (latest === undefined) {
    const released = await releasedCatalogue(ctx, municipality);
    if (released !== undefined)
      return {
        catalogue: released,
        edition: null,
        editions,
        isReleaseOnly: true,
      };
    return {
      catalogue: await getCatalogue(ctx, municipalitySlug),
      edition: null,
      editions,
    };
  }
  const edition = await loadEdition(ctx, municipality, latest.number);
  if (edition === null)
    throw new Error("an edition vanished while it was read");
  return { catalogue: edition.catalogue, edition: latest, editions };
}

/** A project as the public sees it; throws ERR_MUNICIPALITY_NOT_FOUND or ERR_PROJECT_NOT_FOUND. */
export async function getPublishedProject(
  ctx: AppContext,
  municipalitySlug: string,
  projectSlug: string,
): Promise<
  PublishedCatalogue & {
    readonly entry: ProjectInContext;
    readonly dependents: readonly ProjectInContext[];
  }
> {
  const published = await getPublishedCatalogue(ctx, municipalitySlug);
  return { ...published, ...projectIn(published.catalogue, projectSlug) };
}

/** A project of a catalogue with what needs it; throws ERR_PROJECT_NOT_FOUND. */
export function projectIn(
  catalogue: Catalogue,
  projectSlug: string,
): {
  readonly entry: ProjectInContext;
  readonly dependents: readonly ProjectInContext[];
} {
  const entry = findProject(catalogue, projectSlug);
  if (entry === null) throw new AppError("ERR_PROJECT_NOT_FOUND");
  return { entry, dependents: dependentsOfProject(catalogue, projectSlug) };
}

/**
 * What an API reader sees: who may read the municipality's draft (its staff and
 * committee, signed in or with a token) reads the draft, which is what changes through
 * the API apply to; everybody else reads what is published.
 */
export async function getCatalogueForReader(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
): Promise<PublishedCatalogue & { readonly isDraft: boolean }> {
  const published = await getPublishedCatalogue(ctx, municipalitySlug);
  if (published.edition === null && published.isReleaseOnly !== true)
    return { ...published, isDraft: true };
  if (canReadDraft(principal, published.catalogue.municipality.id)) {
    return {
      ...published,
      catalogue: await getCatalogue(ctx, municipalitySlug),
      isDraft: true,
    };
  }
  return { ...published, isDraft: false };
}

/** Searches what is published; throws ERR_SEARCH_QUERY_INVALID for an empty or overlong query. */
export async function searchPublished(
  ctx: AppContext,
  municipalitySlug: string,
  query: string,
): Promise<SearchResult> {
  const trimmed = validSearchQuery(query);
  const published = await getPublishedCatalogue(ctx, municipalitySlug);
  if (published.edition === null && published.isReleaseOnly === true)
    return searchResultOf(
      published.catalogue,
      trimmed,
      searchEntriesOf(published.catalogue),
    );
  if (published.edition === null)
    return searchCatalogue(ctx, municipalitySlug, query);
  const { catalogue } = published;
  return searchResultOf(
    catalogue,
    trimmed,
    searchEntriesOfCached(
      ctx,
      catalogue.municipality,
      published.edition.number,
    ),
  );
}
