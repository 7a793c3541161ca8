/**
 * Public responses kept ready to send: the rendered page (or serialised JSON) of what the
 * public reads, stored per municipality, published version, route and known query
 * parameters, beside its gzip and brotli compressions. A hit costs a map lookup: the
 * published version comes from memory (`ctx.versions`), the body from here, and nothing
 * asks the database. Parameters a route does not know are left out of the key (a random
 * `?x=` neither renders a page nor evicts one); the page is rendered with the canonical
 * URL, so nothing of an unknown parameter reaches the body.
 *
 * Only responses for anonymous readers are kept; a signed-in reader may see an account
 * bar, so their pages are rendered each time (with the same tag and body otherwise).
 */
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { createMemoryCache, type MemoryCache } from "../../app/memory-cache.js";
import {
  chooseEncoding,
  entityTag,
  matchesIfNoneMatch,
  NO_STORE,
  PUBLIC_CACHE_CONTROL,
} from "./cache.js";
import { offerToFastLane } from "./fast-lane.js";
import type { RequestWithParams } from "./page-route.js";
import { APP_VERSION } from "./static-assets.js";

export { chooseEncoding } from "./cache.js";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const HTML = "text/html; charset=utf-8";

/** Bodies smaller than this are sent as they are. */
const COMPRESS_FROM_BYTES = 1024;

/** What a route renders: only a 200 is kept. A route may name its own entity tag. */
export interface RenderedResponse {
  readonly status: number;
  readonly body: string;
  readonly tag?: string;
}

/** A rendered HTML page: the markup alone is a 200. */
export type RenderedPage =
  string | { readonly status: number; readonly html: string };

/** A kept response: the plain body and its compressions, with the tag and content type. */
interface Entry {
  readonly tag: string;
  readonly type: string;
  readonly plain: Buffer;
  readonly gzip: Buffer | null;
  readonly br: Buffer | null;
}

interface BuildContext {
  readonly render: () => Promise<RenderedResponse>;
  readonly tag: string;
  readonly type: string;
  /** Where the builder leaves a response that must not be kept (an error page). */
  uncached?: RenderedResponse;
}

/** What a request asks for, once parameters the route does not know are left out. */
export interface CanonicalRequest {
  /** The path with the known parameters, sorted: what the page is rendered for. */
  readonly url: string;
  /** The known parameters as a stable string. */
  readonly query: string;
}

/**
 * The request's path with only the query parameters its route declares (in its
 * querystring schema), sorted by name.
 */
export function canonicalRequest(request: FastifyRequest): CanonicalRequest {
  const queryIndex = request.url.indexOf("?");
  const path =
    queryIndex === -1 ? request.url : request.url.slice(0, queryIndex);
  if (queryIndex === -1) return { url: path, query: "" };
  const schema = request.routeOptions.schema?.querystring as
    { properties?: Record<string, unknown> } | undefined;
  const known = Object.keys(schema?.properties ?? {}).sort();
  const values = (request.query ?? {}) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const name of known) {
    const value = values[name];
    if (
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "boolean"
    )
      params.append(name, String(value));
  }
  const query = params.toString();
  return { url: query === "" ? path : `${path}?${query}`, query };
}

/** A byte-bounded cache of public responses, with single-flight rendering. */
export class PublicResponseCache {
  private readonly entries: MemoryCache<Entry, BuildContext>;

  constructor(name: string, maxBytes: number) {
    this.entries = createMemoryCache<Entry, BuildContext>({
      name,
      maxBytes,
      sizeOf: (entry) =>
        entry.plain.length +
        (entry.gzip?.length ?? 0) +
        (entry.br?.length ?? 0) +
        entry.tag.length * 2 +
        200,
      build: async (_key, context) => {
        const rendered = await context.render();
        if (rendered.status !== 200) {
          context.uncached = rendered;
          return undefined;
        }
        return makeEntry(
          rendered.tag ?? context.tag,
          context.type,
          rendered.body,
        );
      },
    });
  }

  /** How many responses are kept. */
  get size(): number {
    return this.entries.stats.entries;
  }

  /**
   * Sends a public HTML page: kept ready to send per `version`, 304 when the client holds
   * it, else rendered for the canonical URL (the route's known query parameters only). The
   * key names the route, its path parameters, the known query and `today` (pages with a
   * timeline draw a today line); `name` sets the pages of one module apart.
   */
  async sendPage(
    request: RequestWithParams<Readonly<Record<string, string>>>,
    reply: FastifyReply,
    page: {
      readonly name: string;
      readonly version: number;
      readonly today: string;
      readonly render: (url: string) => Promise<RenderedPage>;
    },
  ): Promise<FastifyReply> {
    const canonical = canonicalRequest(request);
    return this.send(request, reply, {
      version: page.version,
      key: [
        page.name,
        APP_VERSION,
        request.routeOptions.url ?? "",
        ...Object.values(request.params),
        canonical.query,
        page.today,
      ],
      type: HTML,
      render: async () => {
        const rendered = await page.render(canonical.url);
        return typeof rendered === "string"
          ? { status: 200, body: rendered }
          : { status: rendered.status, body: rendered.html };
      },
    });
  }

  /**
   * Answers from the cache, with 304 when the client holds the current version, or renders
   * once (for all concurrent requests of the same key) and keeps a 200 for anonymous
   * readers. `key` must name everything the body depends on besides `version`.
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      readonly version: number;
      readonly key: readonly (string | number)[];
      readonly type: string;
      readonly render: () => Promise<RenderedResponse>;
    },
  ): Promise<FastifyReply> {
    const keyText = `${options.version}\u0000${options.key.join("\u0000")}`;
    const anonymous = request.principal.kind === "anonymous";
    if (anonymous) {
      const hit = this.entries.peek(keyText);
      if (hit !== undefined) return sendEntry(request, reply, hit, true);
    }
    const tag = entityTag(options.version, options.key);
    // Without a tag of its own, the tag is known before rendering: a 304 renders nothing.
    if (matchesIfNoneMatch(request.headers["if-none-match"], tag))
      return notModified(reply, tag);
    if (!anonymous) {
      const rendered = await options.render();
      return rendered.status === 200
        ? sendEntry(
            request,
            reply,
            plainEntry(rendered.tag ?? tag, options.type, rendered.body),
            false,
          )
        : sendUncached(reply, options.type, rendered);
    }
    const context: BuildContext = {
      render: options.render,
      tag,
      type: options.type,
    };
    const entry = await this.entries.fetch(keyText, context);
    if (entry !== undefined) return sendEntry(request, reply, entry, true);
    // Not kept: this request's own rendering, or (when another request rendered it) a new one.
    return sendUncached(
      reply,
      options.type,
      context.uncached ?? (await options.render()),
    );
  }
}

async function makeEntry(
  tag: string,
  type: string,
  body: string,
): Promise<Entry> {
  const plain = Buffer.from(body, "utf8");
  if (plain.length < COMPRESS_FROM_BYTES)
    return { tag, type, plain, gzip: null, br: null };
  const [gz, br] = await Promise.all([
    gzipAsync(plain, { level: 9 }),
    brotliAsync(plain, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 9,
        [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      },
    }),
  ]);
  return { tag, type, plain, gzip: gz, br };
}

function plainEntry(tag: string, type: string, body: string): Entry {
  return { tag, type, plain: Buffer.from(body, "utf8"), gzip: null, br: null };
}

/** The tag of an encoded body: the plain tag with the coding appended (RFC 9110 §8.8.3 asks for distinct tags). */
function encodedTag(tag: string, encoding: "br" | "gzip"): string {
  return `${tag.slice(0, -1)}-${encoding}"`;
}

function notModified(reply: FastifyReply, tag: string): FastifyReply {
  return reply
    .code(304)
    .header("etag", tag)
    .header("cache-control", PUBLIC_CACHE_CONTROL)
    .header("vary", "Accept-Encoding")
    .send();
}

/**
 * Sends a kept entry. `shared`: the entry is what every anonymous reader of this URL gets,
 * so the response may be offered to the fast lane (fast-lane.ts) — when the URL carries
 * no parameter the route does not know (a random `?x=` is never recorded).
 */
function sendEntry(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: Entry,
  shared: boolean,
): FastifyReply {
  const encoding =
    entry.gzip === null
      ? null
      : chooseEncoding(request.headers["accept-encoding"]);
  const offer = (body: Buffer | null): void => {
    if (shared && canonicalRequest(request).url === request.url)
      offerToFastLane(request, {
        tag: entry.tag,
        compressible: entry.gzip !== null,
        encoding,
        body,
      });
  };
  if (matchesIfNoneMatch(request.headers["if-none-match"], entry.tag)) {
    offer(null);
    return notModified(
      reply,
      encoding === null ? entry.tag : encodedTag(entry.tag, encoding),
    );
  }
  reply
    .header("cache-control", PUBLIC_CACHE_CONTROL)
    .header("vary", "Accept-Encoding")
    .type(entry.type);
  const body =
    encoding === "br" && entry.br !== null
      ? entry.br
      : encoding === "gzip" && entry.gzip !== null
        ? entry.gzip
        : entry.plain;
  offer(body);
  if (encoding === "br" && entry.br !== null)
    return reply
      .header("etag", encodedTag(entry.tag, "br"))
      .header("content-encoding", "br")
      .send(entry.br);
  if (encoding === "gzip" && entry.gzip !== null)
    return reply
      .header("etag", encodedTag(entry.tag, "gzip"))
      .header("content-encoding", "gzip")
      .send(entry.gzip);
  return reply.header("etag", entry.tag).send(entry.plain);
}

function sendUncached(
  reply: FastifyReply,
  type: string,
  rendered: RenderedResponse,
): FastifyReply {
  return reply
    .code(rendered.status)
    .header("cache-control", NO_STORE)
    .type(type)
    .send(rendered.body);
}
