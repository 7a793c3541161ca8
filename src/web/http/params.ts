/**
 * Reading the parts of a URL: ids and slugs. What cannot name anything is a 404 before any
 * query, whichever route it reaches.
 */
import {
  Type,
  type TObject,
  type TProperties,
  type TString,
} from "@sinclair/typebox";
import { AppError } from "../../errors.js";

/** The path of every route under /:slug, read before the slug is checked (see municipalitySlugParam). */
export const MunicipalityParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
});

/**
 * The path of a route under /:slug with more parts, e.g.
 * `municipalityParamsWith({ id: Type.String({ maxLength: 12 }) })`.
 */
export function municipalityParamsWith<P extends TProperties>(
  parts: P,
): TObject<{ slug: TString } & P> {
  return Type.Object({ ...MunicipalityParams.properties, ...parts });
}

/**
 * A parameter of the request's query string, read from the raw URL, or null when absent:
 * for notices after a redirect (?gespeichert=…) and for pages drawn again after a form,
 * whatever query schema the route has (a repeated parameter gives its first value).
 */
export function rawQueryParam(
  request: { readonly url: string },
  name: string,
): string | null {
  const index = request.url.indexOf("?");
  if (index === -1) return null;
  return new URLSearchParams(request.url.slice(index + 1)).get(name);
}

/**
 * The notice after a save, by the key in ?gespeichert=… looked up in a fixed list (never
 * echoed text); no key or an unknown one shows nothing.
 */
export function savedNotice(
  request: { readonly url: string },
  notices: Readonly<Record<string, string>>,
): string | undefined {
  const key = rawQueryParam(request, "gespeichert");
  return key !== null && Object.hasOwn(notices, key) ? notices[key] : undefined;
}

/** Municipality and project slugs: lower-case letters, digits, single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a URL part can be a slug. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** A positive id from a URL part, or null when it is none. */
export function idOf(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value)
    ? Number(value)
    : null;
}

/** A positive id from a URL part; anything else is a 404. */
export function idParam(value: string | undefined): number {
  const id = idOf(value);
  if (id === null) throw new AppError("ERR_NOT_FOUND");
  return id;
}

/** A municipality slug from a URL part; anything that cannot be one is a 404 before any query. */
export function municipalitySlugParam(value: string): string {
  if (!isSlug(value)) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  return value;
}
