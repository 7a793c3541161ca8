/**
 * The fast lane: public responses answered before Fastify's router. A GET or HEAD of a
 * public page or API response that an anonymous reader fetched before is answered by
 * writing the very status, headers and body that Fastify sent then — looked up by the
 * request's URL, its Accept-Encoding and If-None-Match — without building a request, a
 * reply, the hooks (security headers, session, CSRF, route policy) or a route handler.
 *
 * What it may answer is only ever learnt from the normal path: the public page caches
 * (page-cache.ts) offer a response when they send a kept entry to an anonymous reader
 * whose URL carries only the parameters the route knows; after Fastify has sent it, the
 * headers it wrote are recorded beside the body (see `installFastLane`). So every header
 * (Content-Security-Policy and the other security headers, Cache-Control, ETag, Vary,
 * Content-Encoding, CORS on the API) is by construction the one the normal path sends.
 *
 * A recorded answer is used only while nothing can have changed: the published versions
 * in memory have not been invalidated since (a write of this process, a signal from
 * another, see app/published-versions.ts) and it is still the same German day (pages with
 * a timeline draw a today line). Requests with an Authorization header or a session
 * cookie always take the normal path: signed-in people may see more, and a session that
 * ended must have its cookie cleared.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from "node:http";
import type {
  FastifyInstance,
  FastifyRequest,
  FastifyServerOptions,
} from "fastify";
import { LRUCache } from "lru-cache";
import { germanIsoDateOf } from "../../domain/calendar/calendar.js";
import { chooseEncoding, matchesIfNoneMatch } from "./cache.js";
import { redactUrl } from "./log-redaction.js";

/** What the page caches offer: the tag and the body the response carries. */
export interface FastLaneOffer {
  readonly tag: string;
  /** Whether the entry has compressed bodies (then Accept-Encoding chooses). */
  readonly compressible: boolean;
  readonly encoding: "br" | "gzip" | null;
  /** The body sent (null for a 304). */
  readonly body: Buffer | null;
}

/** What the fast lane knows of the moment a request arrived. */
interface Arrival {
  readonly generation: number;
  readonly day: string;
}

const OFFER = Symbol("fastLaneOffer");
const ARRIVAL = Symbol("fastLaneArrival");

type MarkedMessage = IncomingMessage & {
  [OFFER]?: FastLaneOffer;
  [ARRIVAL]?: Arrival;
};

/** One recorded answer: status, headers as Node writes them (name, value, name, value …) and body. */
interface Variant {
  readonly status: number;
  readonly headers: readonly string[];
  readonly body: Buffer | null;
}

/** Everything recorded for one URL, valid for one generation and day. */
interface Page {
  readonly generation: number;
  readonly day: string;
  readonly tag: string;
  readonly compressible: boolean;
  readonly variants: Map<string, Variant>;
  bytes: number;
}

/** Levels at which Fastify logs each completed request. */
const REQUEST_LOG_LEVELS: ReadonlySet<string> = new Set([
  "trace",
  "debug",
  "info",
]);

/** The session cookie's names (session.ts): plain on http, with the __Host- prefix on https. */
const SESSION_COOKIE_NAMES: ReadonlySet<string> = new Set([
  "fortschritt",
  "__Host-fortschritt",
]);

/** Whether a Cookie header carries a session cookie (whatever its value). */
export function carriesSessionCookie(header: string): boolean {
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    const name = (equals === -1 ? pair : pair.slice(0, equals)).trim();
    if (SESSION_COOKIE_NAMES.has(name)) return true;
  }
  return false;
}

/** Whether a request may be answered from (and recorded for) the fast lane at all. */
function isEligible(request: IncomingMessage): boolean {
  const { method, headers } = request;
  if (method !== "GET" && method !== "HEAD") return false;
  if (headers.authorization !== undefined) return false;
  // A GET with a body is left to the normal path, which decides what it means.
  if (
    headers["content-length"] !== undefined ||
    headers["transfer-encoding"] !== undefined
  )
    return false;
  const cookie = headers.cookie;
  return cookie === undefined || !carriesSessionCookie(cookie);
}

function variantKey(
  method: string,
  encoding: "br" | "gzip" | null,
  status: number,
): string {
  return `${method} ${encoding ?? "identity"} ${status}`;
}

/** What the fast lane needs from the app. */
export interface FastLaneOptions {
  /** Moves on whenever the published versions in memory are invalidated. */
  readonly generation: () => number;
  /** The clock the pages' today line follows. */
  readonly now: () => Date;
  /** Bytes of bodies kept (they are mostly shared with the page caches). */
  readonly maxBytes?: number;
  /** Whether request lines go to the log with the client address from X-Forwarded-For. */
  readonly trustProxy?: boolean;
}

/** The fast lane of one app. */
export class FastLane {
  private readonly pages: LRUCache<string, Page>;
  private closed = false;
  private served = 0;
  private requestNumber = 0;
  private minute = Number.NaN;
  private today = "";
  private log: FastifyInstance["log"] | null = null;

  constructor(private readonly options: FastLaneOptions) {
    this.pages = new LRUCache<string, Page>({
      maxSize: options.maxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: (page, url) => Math.max(1, page.bytes + url.length * 2),
    });
  }

  /** How many requests the fast lane answered and how many URLs it knows. */
  get stats(): { readonly served: number; readonly urls: number } {
    return { served: this.served, urls: this.pages.size };
  }

  /** The German day, worked out once a minute (Berlin's day always turns on a full minute). */
  private day(): string {
    const instant = this.options.now();
    const minute = Math.floor(instant.getTime() / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.today = germanIsoDateOf(instant);
    }
    return this.today;
  }

  /**
   * Answers the request when a current recorded answer fits it and returns true;
   * otherwise notes when it arrived (for recording) and returns false.
   */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.closed || !isEligible(request)) return false;
    const arrival: Arrival = {
      generation: this.options.generation(),
      day: this.day(),
    };
    const url = request.url ?? "";
    const page = this.pages.get(url);
    if (
      page === undefined ||
      page.generation !== arrival.generation ||
      page.day !== arrival.day
    ) {
      (request as MarkedMessage)[ARRIVAL] = arrival;
      return false;
    }
    const { headers } = request;
    const encoding = page.compressible
      ? chooseEncoding(headers["accept-encoding"])
      : null;
    const status = matchesIfNoneMatch(headers["if-none-match"], page.tag)
      ? 304
      : 200;
    const method = request.method ?? "GET";
    const variant = page.variants.get(variantKey(method, encoding, status));
    if (variant === undefined) {
      (request as MarkedMessage)[ARRIVAL] = arrival;
      return false;
    }
    const started = this.log === null ? 0 : performance.now();
    response.writeHead(variant.status, variant.headers as string[]);
    if (variant.body === null || method === "HEAD") response.end();
    else response.end(variant.body);
    this.served += 1;
    if (this.log !== null) this.logRequest(request, variant.status, started);
    return true;
  }

  /** One line per answered request, as Fastify writes it when it completes a request. */
  private logRequest(
    request: IncomingMessage,
    statusCode: number,
    started: number,
  ): void {
    const socket = request.socket;
    const forwarded = request.headers["x-forwarded-for"];
    const ip =
      this.options.trustProxy === true && typeof forwarded === "string"
        ? (forwarded.split(",")[0] ?? "").trim()
        : socket.remoteAddress;
    this.requestNumber += 1;
    this.log?.info(
      {
        reqId: `fast-${this.requestNumber}`,
        req: {
          method: request.method,
          url: redactUrl(request.url ?? ""),
          host: request.headers.host,
          ip,
          socket,
        },
        res: { statusCode },
        responseTime: performance.now() - started,
      },
      "request completed",
    );
  }

  /** Records the response Fastify has just sent, when a page cache offered it. */
  record(request: FastifyRequest, statusCode: number, sent: Headers): void {
    const raw = request.raw as MarkedMessage;
    const offer = raw[OFFER];
    const arrival = raw[ARRIVAL];
    if (offer === undefined || arrival === undefined || this.closed) return;
    if (statusCode !== 200 && statusCode !== 304) return;
    if (!isEligible(raw) || request.principal.kind !== "anonymous") return;
    if (sent["set-cookie"] !== undefined) return;
    // Something changed while the request was under way: what it sent may be outdated.
    if (
      arrival.generation !== this.options.generation() ||
      arrival.day !== this.day()
    )
      return;
    const url = raw.url ?? "";
    let page = this.pages.get(url);
    if (
      page === undefined ||
      page.generation !== arrival.generation ||
      page.day !== arrival.day ||
      page.tag !== offer.tag
    ) {
      page = {
        generation: arrival.generation,
        day: arrival.day,
        tag: offer.tag,
        compressible: offer.compressible,
        variants: new Map(),
        bytes: 0,
      };
    }
    const headers: string[] = [];
    for (const [name, value] of Object.entries(sent)) {
      if (value === undefined) continue;
      if (Array.isArray(value))
        for (const item of value) headers.push(name, String(item));
      else headers.push(name, String(value));
    }
    const key = variantKey(request.method, offer.encoding, statusCode);
    if (!page.variants.has(key)) {
      page.variants.set(key, {
        status: statusCode,
        headers,
        body: statusCode === 200 ? offer.body : null,
      });
      page.bytes +=
        (statusCode === 200 ? (offer.body?.length ?? 0) : 0) +
        headers.reduce((sum, text) => sum + text.length, 0);
    }
    // Set again so that the cache counts the page's new size.
    this.pages.set(url, page);
  }

  /** Stops answering (the app closes; Fastify's own path refuses what comes now). */
  close(): void {
    this.closed = true;
    this.pages.clear();
  }

  /** Starts logging answered requests (when the app logs requests at "info"). */
  useLog(log: FastifyInstance["log"]): void {
    this.log = REQUEST_LOG_LEVELS.has(log.level) ? log : null;
  }
}

/** The headers of a sent response, as Fastify's reply lists them. */
type Headers = Readonly<
  Record<string, string | number | readonly string[] | undefined>
>;

/**
 * Called by a page cache that sends a kept entry to an anonymous reader whose URL is
 * canonical: the response may be recorded for the fast lane once it is sent.
 */
export function offerToFastLane(
  request: FastifyRequest,
  offer: FastLaneOffer,
): void {
  (request.raw as MarkedMessage)[OFFER] = offer;
}

/**
 * Fastify's `serverFactory` with the fast lane in front: the HTTP server Fastify would
 * build (same timeouts), whose requests the fast lane answers first.
 */
export function fastLaneServerFactory(
  lane: FastLane,
): NonNullable<FastifyServerOptions["serverFactory"]> {
  return (handler, options) => {
    // Fastify has filled in its defaults by now; the same settings as its own server.
    const settings = options as {
      readonly http?: ServerOptions;
      readonly keepAliveTimeout?: number;
      readonly requestTimeout?: number;
      readonly connectionTimeout?: number;
    };
    const server: Server = createServer(
      settings.http ?? {},
      (request, response) => {
        if (!lane.serve(request, response)) handler(request, response);
      },
    );
    server.keepAliveTimeout = settings.keepAliveTimeout ?? 72_000;
    server.requestTimeout = settings.requestTimeout ?? 0;
    server.setTimeout(settings.connectionTimeout ?? 0);
    return server;
  };
}

/**
 * Records what the normal path sent for the fast lane and stops the lane when the app
 * closes. Register on the root instance (it skips encapsulation, like fastify-plugin).
 */
export function installFastLane(app: FastifyInstance, lane: FastLane): void {
  lane.useLog(app.log);
  app.addHook("onResponse", (request, reply, done) => {
    if ((request.raw as MarkedMessage)[OFFER] !== undefined)
      lane.record(request, reply.statusCode, reply.getHeaders());
    done();
  });
  app.addHook("preClose", (done) => {
    lane.close();
    done();
  });
}
