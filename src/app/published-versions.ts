/**
 * The municipalities and their published versions, kept in memory: a public page asks
 * here (a map lookup) instead of the database. The list is loaded once and again after
 * every change — this process's own writes (the database handle tells after each commit)
 * and other processes' (PostgreSQL's announcements, SQLite's data version) mark it stale,
 * and the next reader reloads it, once for all waiting readers.
 */
import {
  findPublishedVersion,
  type PublishedMunicipality,
} from "../db/municipality.repository.js";
import type { AppContext } from "./context.js";

export type { PublishedMunicipality } from "../db/municipality.repository.js";

/** What a public page needs to know before it looks anything up. */
export interface PublishedVersions {
  /** The municipality by slug, or null when none has it. */
  find(slug: string): Promise<PublishedMunicipality | null>;
  /** Every municipality, by name. */
  all(): Promise<readonly PublishedMunicipality[]>;
  /** A number that changes with any municipality's published version, name or existence. */
  signature(): Promise<number>;
  /** Forget what is known: the data may have changed. */
  invalidate(): void;
  /** A number that moves on with every `invalidate` (answers kept beside it are valid while it stays). */
  readonly generation: number;
  /** Called after each (re)load with the list read; page caches drop what is outdated. */
  onReload(listener: (list: readonly PublishedMunicipality[]) => void): void;
}

interface Snapshot {
  readonly signature: number;
  readonly list: readonly PublishedMunicipality[];
  readonly bySlug: ReadonlyMap<string, PublishedMunicipality>;
}

/** A registry that loads with `load` whenever it was invalidated since the last load. */
export function createPublishedVersions(
  load: () => Promise<readonly PublishedMunicipality[]>,
): PublishedVersions {
  let generation = 0;
  let loadedGeneration = -1;
  let snapshot: Snapshot | null = null;
  let loading: Promise<Snapshot> | null = null;
  let loadingGeneration = -1;
  const listeners: ((list: readonly PublishedMunicipality[]) => void)[] = [];

  async function reload(started: number): Promise<Snapshot> {
    const list = await load();
    const next: Snapshot = {
      signature: signatureOf(list),
      list,
      bySlug: new Map(
        list.map((municipality) => [municipality.slug, municipality]),
      ),
    };
    if (started >= loadedGeneration) {
      snapshot = next;
      // A change announced while loading may not be in what was read: then it stays stale.
      loadedGeneration = started;
      for (const listener of listeners) listener(list);
    }
    return next;
  }

  function current(): Promise<Snapshot> | Snapshot {
    if (snapshot !== null && loadedGeneration === generation) return snapshot;
    // A load started before the latest change may miss it: start another one after it.
    if (loading === null || loadingGeneration !== generation) {
      const started = generation;
      loadingGeneration = started;
      const previous = loading ?? Promise.resolve(null);
      const next = previous.catch(() => null).then(() => reload(started));
      loading = next;
      next
        .finally(() => {
          if (loading === next) loading = null;
        })
        .catch(() => undefined);
    }
    return loading;
  }

  return {
    async find(slug) {
      const known = current();
      const { bySlug } = known instanceof Promise ? await known : known;
      return bySlug.get(slug) ?? null;
    },
    async all() {
      const known = current();
      return (known instanceof Promise ? await known : known).list;
    },
    async signature() {
      const known = current();
      return (known instanceof Promise ? await known : known).signature;
    },
    invalidate() {
      generation += 1;
    },
    get generation() {
      return generation;
    },
    onReload(listener) {
      listeners.push(listener);
    },
  };
}

/** FNV-1a over what the list of municipalities shows, as a positive 31-bit number. */
function signatureOf(list: readonly PublishedMunicipality[]): number {
  let hash = 0x811c9dc5;
  for (const municipality of list) {
    const text = `${municipality.slug}\u0000${municipality.name}\u0000${municipality.state ?? ""}\u0000${municipality.publishedVersion}\u0001`;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return (hash >>> 1) + list.length;
}

/** The read contexts of app contexts with a replica, made once (caches keyed by handle stay warm). */
const readers = new WeakMap<AppContext, AppContext>();

/**
 * The context a public page of `slug` at `publishedVersion` is rendered with: the read
 * replica when one is configured and has already reached that version, else the primary.
 * A page is kept under its version, so it must never be rendered from a replica that lags
 * behind it; staff requests never come here (read-your-writes on the primary).
 */
export async function publicReader(
  ctx: AppContext,
  slug: string,
  publishedVersion: number,
): Promise<AppContext> {
  const { readDb } = ctx;
  if (readDb === undefined) return ctx;
  try {
    const replicated = await findPublishedVersion(readDb, slug);
    if (replicated === null || replicated < publishedVersion) return ctx;
  } catch {
    return ctx;
  }
  let reader = readers.get(ctx);
  if (reader === undefined) {
    reader = { ...ctx, db: readDb };
    readers.set(ctx, reader);
  }
  return reader;
}
