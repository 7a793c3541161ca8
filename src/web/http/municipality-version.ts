/**
 * The version a public response of one municipality is tagged and kept by, read from the
 * slug in its URL. A slug that cannot name a municipality is a 404 before anything is
 * asked; so is one of the app's own first path segments (/api/…), which only reaches a
 * /:slug route when nothing else matched.
 */
import { RESERVED_MUNICIPALITY_SLUGS } from "../../app/catalogue/catalogue-document.js";
import { getDataVersion } from "../../app/catalogue/read-catalogue.js";
import type { AppContext } from "../../app/context.js";
import { AppError } from "../../errors.js";
import { municipalitySlugParam } from "./params.js";

const RESERVED: ReadonlySet<string> = new Set(RESERVED_MUNICIPALITY_SLUGS);

/** A municipality slug that is none of the app's reserved first path segments, or a 404. */
export function publicSlugParam(value: string): string {
  municipalitySlugParam(value);
  if (RESERVED.has(value)) throw new AppError("ERR_NOT_FOUND");
  return value;
}

/**
 * The municipality's published version, from memory: what pages showing the published
 * programme follow (an edit of the draft leaves their tags and kept copies alone). A
 * municipality that does not exist is a 404, a deactivated one its own error.
 */
export async function requirePublishedVersion(
  ctx: AppContext,
  slug: string,
): Promise<number> {
  const municipality = await ctx.versions.find(municipalitySlugParam(slug));
  if (municipality === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  if (!municipality.isActive)
    throw new AppError("ERR_MUNICIPALITY_DEACTIVATED");
  return municipality.publishedVersion;
}

/**
 * The published version of the municipality a portal page's URL names, which the page's
 * tag and kept copy follow: a 404 for a slug that cannot or does not exist, or is one of
 * the app's own first path segments.
 */
export async function requirePublicPageVersion(
  ctx: AppContext,
  slug: string,
): Promise<number> {
  return requirePublishedVersion(ctx, publicSlugParam(slug));
}

/** The municipality's data version (it moves with every change), for public files of its current data. */
export async function requireDataVersion(
  ctx: AppContext,
  slug: string,
): Promise<number> {
  const version = await getDataVersion(ctx, publicSlugParam(slug));
  if (version === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  return version;
}
