/** The cache of OParl objects that a municipality's meetings refer to. */
import type { Executor } from "./database.js";
import { publicChangeColumns } from "./municipality.repository.js";
import { firstOrNull } from "./query.js";

/** A cached OParl object. */
export interface CachedOparlObject {
  readonly url: string;
  readonly type: string;
  readonly name: string | null;
  readonly reference: string | null;
  readonly date: string | null;
  readonly webUrl: string | null;
}

/**
 * Every OParl URL the municipality's records carry: its meetings (Meeting, AgendaItem,
 * Paper), its committees (Organization), its status reports and its editions (Paper).
 */
export async function listReferencedOparlUrls(
  db: Executor,
  municipalityId: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom("meeting")
    .select(["oparl_meeting_url", "oparl_agenda_item_url", "oparl_paper_url"])
    .where("municipality_id", "=", municipalityId)
    .execute();
  const committees = await db
    .selectFrom("committee")
    .select("oparl_url as url")
    .where("municipality_id", "=", municipalityId)
    .execute();
  const reports = await db
    .selectFrom("status_report")
    .select("oparl_paper_url as url")
    .where("municipality_id", "=", municipalityId)
    .execute();
  const editions = await db
    .selectFrom("edition")
    .select("oparl_paper_url as url")
    .where("municipality_id", "=", municipalityId)
    .execute();
  const urls = [
    ...rows.flatMap((row) => [
      row.oparl_meeting_url,
      row.oparl_agenda_item_url,
      row.oparl_paper_url,
    ]),
    ...[...committees, ...reports, ...editions].map((row) => row.url),
  ];
  return [
    ...new Set(urls.filter((url): url is string => url !== null && url !== "")),
  ].sort();
}

/** The endpoint of the last successful sync, or null. */
export async function findOparlEndpoint(
  db: Executor,
  municipalityId: number,
): Promise<string | null> {
  return firstOrNull(
    db
      .selectFrom("municipality")
      .select("oparl_endpoint")
      .where("id", "=", municipalityId),
    (row) => row.oparl_endpoint,
  );
}

/**
 * Replaces the municipality's cache, remembers the endpoint, and marks its data and what
 * the public sees as changed (public report pages show the cache).
 */
export async function replaceOparlCache(
  db: Executor,
  municipalityId: number,
  endpoint: string,
  objects: readonly CachedOparlObject[],
  now: string,
): Promise<void> {
  await db
    .deleteFrom("oparl_object")
    .where("municipality_id", "=", municipalityId)
    .execute();
  for (const object of objects) {
    await db
      .insertInto("oparl_object")
      .values({
        municipality_id: municipalityId,
        url: object.url,
        type: object.type,
        name: object.name,
        reference: object.reference,
        date: object.date,
        web_url: object.webUrl,
        fetched_at: now,
      })
      .execute();
  }
  await db
    .updateTable("municipality")
    .set({
      oparl_endpoint: endpoint,
      ...publicChangeColumns(now),
    })
    .where("id", "=", municipalityId)
    .execute();
}

/** The cached objects of a municipality with the columns a CachedOparlObject needs. */
function objectsOf(db: Executor, municipalityId: number) {
  return db
    .selectFrom("oparl_object")
    .select(["url", "type", "name", "reference", "date", "web_url"])
    .where("municipality_id", "=", municipalityId);
}

function toCachedObject(row: {
  readonly url: string;
  readonly type: string;
  readonly name: string | null;
  readonly reference: string | null;
  readonly date: string | null;
  readonly web_url: string | null;
}): CachedOparlObject {
  return {
    url: row.url,
    type: row.type,
    name: row.name,
    reference: row.reference,
    date: row.date,
    webUrl: row.web_url,
  };
}

/** The cached object at the URL, or null. */
export async function findOparlObject(
  db: Executor,
  municipalityId: number,
  url: string,
): Promise<CachedOparlObject | null> {
  return firstOrNull(
    objectsOf(db, municipalityId).where("url", "=", url),
    toCachedObject,
  );
}

/** All cached objects of the municipality, by URL. */
export async function listOparlObjects(
  db: Executor,
  municipalityId: number,
): Promise<CachedOparlObject[]> {
  const rows = await objectsOf(db, municipalityId).orderBy("url").execute();
  return rows.map(toCachedObject);
}
