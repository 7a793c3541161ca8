/**
 * Conditional GET for public pages and API responses: an ETag derived from the
 * municipality's data version (so it is known before anything is loaded), plus a short
 * public Cache-Control, so that a proxy or CDN absorbs read peaks (docs/architecture.md, Scale).
 */
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { APP_VERSION } from "./static-assets.js";

/** How long shared caches and browsers may reuse a public response without asking again. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60";

/** For responses that must never be reused (errors, health). */
export const NO_STORE = "no-store";

/**
 * A strong entity tag for a response. `parts` must name everything the body depends on:
 * the data version, the URL with its query (language, filters) and, for views that draw
 * a today line, the date.
 */
export function entityTag(
  dataVersion: number,
  parts: readonly (string | number)[],
): string {
  return `"${dataVersion}-${partsHash(parts)}"`;
}

/**
 * The part of an entity tag after the version: a short hash of everything else the body
 * depends on. Shared by the data-version tags here and the project tags of the API, so
 * both tell the same changes apart.
 */
export function partsHash(parts: readonly (string | number)[]): string {
  return createHash("sha256")
    .update(parts.join("\u0000"))
    .digest("base64url")
    .slice(0, 22);
}

/**
 * Whether an If-None-Match header names the given tag (weak comparison, as RFC 9110
 * §13.1.2 asks), or the tag of one of its compressed forms (`"…-br"`, `"…-gzip"`): the
 * client holds the same content either way.
 */
export function matchesIfNoneMatch(
  header: string | undefined,
  tag: string,
): boolean {
  if (header === undefined) return false;
  const wanted = stripWeak(tag);
  const stem = wanted.slice(0, -1);
  return header.split(",").some((candidate) => {
    const trimmed = stripWeak(candidate.trim());
    return (
      trimmed === "*" ||
      trimmed === wanted ||
      trimmed === `${stem}-br"` ||
      trimmed === `${stem}-gzip"`
    );
  });
}

function stripWeak(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}

/**
 * Answers 304 when the client already holds the current version; otherwise renders the
 * body and sends it with ETag and Cache-Control. Headers are set only after rendering
 * succeeded, so an error response never carries a cacheable tag.
 */
export async function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  tag: string,
  render: () => Promise<unknown>,
  contentType?: string,
): Promise<FastifyReply> {
  if (matchesIfNoneMatch(request.headers["if-none-match"], tag)) {
    return reply
      .code(304)
      .header("etag", tag)
      .header("cache-control", PUBLIC_CACHE_CONTROL)
      .send();
  }
  const body = await render();
  reply.header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL);
  if (contentType !== undefined) reply.type(contentType);
  return reply.send(body);
}

/** A response body with its content type; with a file name it is sent as a download. */
export interface TypedBody {
  readonly body: string | Buffer;
  readonly type: string;
  readonly fileName?: string;
}

/** Sends an HTML page that must never be reused: personal, one-time, or a form's answer. */
export async function sendNoStore(
  reply: FastifyReply,
  status: number,
  html: string | Promise<string>,
): Promise<FastifyReply> {
  const body = await html;
  return reply
    .code(status)
    .header("cache-control", NO_STORE)
    .type("text/html; charset=utf-8")
    .send(body);
}

/** The base URL of this request (scheme and host), for the addresses written into a body. */
export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Sends a public response of one municipality's data that writes this host's addresses
 * into its body (pages, files, feeds): tagged by the data version, the app's version, the
 * URL with its query and the host, and by `today` where the body counts days. `name` sets
 * the responses of one module apart.
 */
export async function sendHostTagged(
  request: FastifyRequest,
  reply: FastifyReply,
  tag: {
    readonly name: string;
    readonly version: number;
    readonly today?: string;
  },
  render: () => Promise<TypedBody>,
): Promise<FastifyReply> {
  const parts = [tag.name, APP_VERSION, request.url, baseUrlOf(request)];
  if (tag.today !== undefined) parts.push(tag.today);
  return sendCacheable(
    request,
    reply,
    entityTag(tag.version, parts),
    async () => {
      const { body, type, fileName } = await render();
      reply.type(type);
      if (fileName !== undefined)
        reply.header(
          "content-disposition",
          `attachment; filename="${fileName}"`,
        );
      return body;
    },
  );
}

/** Which kept body an Accept-Encoding header allows, best first: brotli, gzip, none. */
export function chooseEncoding(
  header: string | undefined,
): "br" | "gzip" | null {
  if (header === undefined || header === "") return null;
  let br = false;
  let gz = false;
  for (const part of header.split(",")) {
    const [rawName, ...params] = part.split(";");
    const name = rawName?.trim().toLowerCase();
    const refused = params.some((param) =>
      /^\s*q\s*=\s*0(?:\.0{0,3})?\s*$/.test(param),
    );
    if (refused) continue;
    if (name === "br") br = true;
    else if (name === "gzip" || name === "x-gzip") gz = true;
    else if (name === "*") {
      br = true;
      gz = true;
    }
  }
  return br ? "br" : gz ? "gzip" : null;
}
