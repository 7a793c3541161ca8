/**
 * OParl 1.1 links: `syncOparl` fetches the OParl objects a municipality's meetings refer to
 * (Meeting, AgendaItem, Paper) from its council information system and caches name,
 * reference, date and `web` page, so that the public report shows "Vorlage A 10/185/2022:
 * …" with a link. The endpoint (a System or Body URL) is fetched first; its `body` list and
 * each body's `meeting` and `paper` lists are read page by page (`links.next`), and every
 * referenced object not found in them is fetched by its own URL. An object with
 * `deleted: true` counts as gone. Everything is fetched before anything is stored: an
 * unreachable endpoint or malformed JSON is ERR_OPARL_UNAVAILABLE and the cache stays as it was.
 * A successful sync remembers its endpoint for the next one.
 */
import {
  findOparlEndpoint,
  findOparlObject,
  listReferencedOparlUrls,
  replaceOparlCache,
  type CachedOparlObject,
} from "../../db/oparl.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import {
  requireMunicipality,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { requireAdministratorOf } from "../edition/revise-draft.js";

const OPARL_TYPE = /^https:\/\/schema\.oparl\.org\/1\.[01]\/([A-Za-z]+)$/;
/** At most this many list pages are followed per list (a loop in `links.next` ends here). */
const MAX_PAGES = 200;

/** How to reach the endpoint. */
export interface OparlSyncOptions {
  /** The OParl System or Body URL; without it, the one of the last successful sync. */
  readonly endpoint?: string;
  /** Milliseconds per request (default 10 s). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** What a sync found. */
export interface OparlSyncResult {
  readonly referenced: number;
  readonly cached: number;
  readonly gone: number;
  readonly missing: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The short type name ("Paper") of an OParl object, or null. */
function typeOf(object: Json): string | null {
  const type = text(object["type"]);
  return type === null ? null : (OPARL_TYPE.exec(type)?.[1] ?? null);
}

function unavailable(url: string, detail: string, cause?: unknown): AppError {
  return new AppError("ERR_OPARL_UNAVAILABLE", {
    detail: `${url}: ${detail}`,
    cause,
  });
}

/** Fetches one URL as JSON; ERR_OPARL_UNAVAILABLE for a network error, a timeout, a non-2xx status or bad JSON. */
async function fetchJson(
  url: string,
  options: OparlSyncOptions,
): Promise<Json> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? "keine Antwort in der erlaubten Zeit"
        : "nicht erreichbar";
    throw unavailable(url, reason, error);
  }
  if (!response.ok) throw unavailable(url, `HTTP-Status ${response.status}`);
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch (error) {
    throw unavailable(url, "die Antwort ist kein gültiges JSON", error);
  }
  if (!isObject(body))
    throw unavailable(url, "die Antwort ist kein JSON-Objekt");
  return body;
}

/** Every object of a paginated OParl list, page by page along `links.next`. */
async function fetchList(
  url: string,
  options: OparlSyncOptions,
): Promise<Json[]> {
  const objects: Json[] = [];
  const seen = new Set<string>();
  let next: string | null = url;
  while (next !== null && !seen.has(next) && seen.size < MAX_PAGES) {
    seen.add(next);
    const page = await fetchJson(next, options);
    const data = page["data"];
    if (!Array.isArray(data))
      throw unavailable(next, "die Liste hat kein Feld „data“");
    objects.push(...data.filter(isObject));
    const links = page["links"];
    next = isObject(links) ? text(links["next"]) : null;
  }
  return objects;
}

/** Indexes an object and the objects it embeds (a Meeting's agenda items) by their id. */
function index(into: Map<string, Json>, object: Json): void {
  const id = text(object["id"]);
  if (id !== null) into.set(id, object);
  const items = object["agendaItem"];
  if (Array.isArray(items))
    for (const item of items.filter(isObject)) index(into, item);
}

/** The cache row of an object, or null when it is deleted or not an OParl object. */
function toCached(url: string, object: Json): CachedOparlObject | null {
  if (object["deleted"] === true) return null;
  const type = typeOf(object);
  if (type === null) return null;
  const date = text(object["date"]) ?? text(object["start"]);
  return {
    url,
    type,
    name: text(object["name"]),
    reference: text(object["reference"]),
    date: date === null ? null : date.slice(0, 10),
    webUrl: text(object["web"]),
  };
}

/** Fetches the referenced OParl objects and replaces the municipality's cache. */
export async function syncOparl(
  ctx: AppContext,
  municipalitySlug: string,
  options: OparlSyncOptions,
): Promise<OparlSyncResult> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const endpointText =
    options.endpoint ?? (await findOparlEndpoint(ctx.db, municipality.id));
  if (endpointText === null) {
    throw new AppError("ERR_VALIDATION", {
      problems: [
        {
          path: "/endpoint",
          message:
            "Für diese Kommune ist noch keine OParl-Adresse bekannt: bitte --endpoint angeben (oder die Adresse in den Einstellungen der offenen Daten eintragen).",
        },
      ],
    });
  }
  let endpointUrl: URL;
  try {
    endpointUrl = new URL(endpointText);
  } catch {
    throw unavailable(endpointText, "keine gültige Adresse");
  }
  if (endpointUrl.protocol !== "http:" && endpointUrl.protocol !== "https:")
    throw unavailable(endpointText, "nur http und https");
  const referenced = await listReferencedOparlUrls(ctx.db, municipality.id);
  const endpoint = await fetchJson(endpointUrl.toString(), options);
  const endpointType = typeOf(endpoint);
  if (endpointType !== "System" && endpointType !== "Body") {
    throw unavailable(
      endpointText,
      "kein OParl-System und keine OParl-Körperschaft (type)",
    );
  }
  const known = new Map<string, Json>();
  const bodies =
    endpointType === "Body"
      ? [endpoint]
      : text(endpoint["body"]) === null
        ? []
        : await fetchList(text(endpoint["body"])!, options);
  for (const body of bodies) {
    index(known, body);
    if (body["deleted"] === true) continue;
    for (const list of ["meeting", "paper"]) {
      const url = text(body[list]);
      if (url !== null)
        for (const object of await fetchList(url, options))
          index(known, object);
    }
  }
  for (const url of referenced) {
    if (!known.has(url)) known.set(url, await fetchJson(url, options));
  }
  const cached: CachedOparlObject[] = [];
  let gone = 0;
  let missing = 0;
  for (const url of referenced) {
    const object = known.get(url)!;
    const row = toCached(url, object);
    if (row !== null) cached.push(row);
    else if (object["deleted"] === true) gone += 1;
    else missing += 1;
  }
  await ctx.db
    .transaction()
    .execute((trx) =>
      replaceOparlCache(
        trx,
        municipality.id,
        endpointUrl.toString(),
        cached,
        ctx.clock().toISOString(),
      ),
    );
  return {
    referenced: referenced.length,
    cached: cached.length,
    gone,
    missing,
  };
}

/**
 * The button "Jetzt abgleichen" of the open data settings: the same sync as the command,
 * for the municipality's administrators (ERR_FORBIDDEN, logged, for others), with the
 * endpoint typed into the form (empty: the stored one). A successful sync is in the audit
 * log; a failed one changes nothing and is ERR_OPARL_UNAVAILABLE (or ERR_VALIDATION at
 * /endpoint for a missing or malformed address).
 */
export async function syncOparlForAdministrator(
  ctx: AppContext,
  principal: Principal,
  input: { municipality: string; endpoint: string },
  options: Omit<OparlSyncOptions, "endpoint"> = {},
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<OparlSyncResult> {
  const { municipality } = await requireAdministratorOf.bySlug(
    ctx,
    principal,
    input.municipality,
    "oparl.sync",
    origin,
  );
  const typed = input.endpoint.trim();
  if (typed !== "" && !/^https?:\/\/[^\s]+$/.test(typed)) {
    throw new AppError("ERR_VALIDATION", {
      problems: [
        {
          path: "/endpoint",
          message:
            "Bitte eine Adresse angeben, die mit http:// oder https:// beginnt, z. B. https://ratsinfo.kleve.de/oparl/v1/system.",
        },
      ],
    });
  }
  const before = await findOparlEndpoint(ctx.db, municipality.id);
  const result = await syncOparl(ctx, municipality.slug, {
    ...options,
    ...(typed === "" ? {} : { endpoint: typed }),
  });
  const after = await findOparlEndpoint(ctx.db, municipality.id);
  await ctx.db.transaction().execute((trx) =>
    recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "oparl.sync",
        entityType: "municipality",
        entityId: municipality.id,
        entityLabel: municipality.name,
        before: { endpoint: before },
        after: { endpoint: after, ...result },
        version: null,
      },
      origin,
    ),
  );
  return result;
}

/** The endpoint of the municipality's last successful sync, or null. */
export async function oparlEndpointOf(
  ctx: AppContext,
  municipalityId: number,
): Promise<string | null> {
  return findOparlEndpoint(ctx.db, municipalityId);
}

/** The cached paper (or other object) behind a URL, for display; null when not cached. */
export async function cachedOparlObject(
  ctx: AppContext,
  municipalityId: number,
  url: string | null,
): Promise<CachedOparlObject | null> {
  return url === null ? null : findOparlObject(ctx.db, municipalityId, url);
}

export type { CachedOparlObject } from "../../db/oparl.repository.js";
