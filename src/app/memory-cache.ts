/**
 * The one kind of in-memory cache in the app: `lru-cache` bounded by bytes, with
 * single-flight building (ten readers asking for the same missing entry wait for one
 * build). Every cache registers itself by name, so that the bench and the health check
 * can say what holds memory.
 */
import { LRUCache } from "lru-cache";

/** A byte-bounded cache whose entries are built by `build` on the first request. */
export interface MemoryCache<V extends object, C = unknown> {
  /** The entry, built once for all concurrent callers when missing; `context` reaches the builder. */
  fetch(key: string, context: C): Promise<V | undefined>;
  /** The entry if present (counts as a use). */
  peek(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
  /** How many entries and bytes are kept. */
  readonly stats: CacheStats;
}

/** Size of one cache. */
export interface CacheStats {
  readonly name: string;
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
}

/** How a cache is bounded and built. */
export interface MemoryCacheOptions<V extends object, C> {
  readonly name: string;
  readonly maxBytes: number;
  /** The approximate bytes an entry holds (strings count two bytes a character). */
  readonly sizeOf: (value: V, key: string) => number;
  /** Builds a missing entry; undefined means "do not keep" (the caller receives undefined). */
  readonly build: (key: string, context: C) => Promise<V | undefined>;
}

const registry = new Set<WeakRef<LRUCache<string, object, unknown>>>();
const names = new WeakMap<object, { name: string; maxBytes: number }>();

/** Creates a cache and registers it for `cacheStatistics`. */
export function createMemoryCache<V extends object, C = unknown>(
  options: MemoryCacheOptions<V, C>,
): MemoryCache<V, C> {
  const lru = new LRUCache<string, V, C>({
    maxSize: options.maxBytes,
    sizeCalculation: (value, key) =>
      Math.max(1, Math.ceil(options.sizeOf(value, key) + key.length * 2 + 64)),
    fetchMethod: async (key, _stale, { context }) =>
      options.build(key, context),
  });
  const weak = new WeakRef(lru as unknown as LRUCache<string, object, unknown>);
  registry.add(weak);
  names.set(lru, { name: options.name, maxBytes: options.maxBytes });
  return {
    async fetch(key, context) {
      // lru-cache types the context conditionally on C; the builder receives it as given.
      const fetchAny = lru.fetch.bind(lru) as (
        k: string,
        o: { context: C },
      ) => Promise<V | undefined>;
      return fetchAny(key, { context });
    },
    peek(key) {
      return lru.get(key);
    },
    set(key, value) {
      lru.set(key, value);
    },
    clear() {
      lru.clear();
    },
    get stats() {
      return {
        name: options.name,
        entries: lru.size,
        bytes: lru.calculatedSize,
        maxBytes: options.maxBytes,
      };
    },
  };
}

/** The size of every live cache, largest first. */
export function cacheStatistics(): readonly CacheStats[] {
  const stats: CacheStats[] = [];
  for (const weak of registry) {
    const lru = weak.deref();
    if (lru === undefined) {
      registry.delete(weak);
      continue;
    }
    const meta = names.get(lru);
    if (meta !== undefined)
      stats.push({
        name: meta.name,
        entries: lru.size,
        bytes: lru.calculatedSize,
        maxBytes: meta.maxBytes,
      });
  }
  return stats.sort((a, b) => b.bytes - a.bytes);
}

/** JSON of a plain data structure with its maps as entry lists and its sets as arrays. */
export function dataJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Map
      ? [...item.entries()]
      : item instanceof Set
        ? [...item.values()]
        : item,
  );
}

/** Rough bytes a plain data structure holds in memory (its JSON, two bytes a character). */
export function approximateBytes(value: unknown): number {
  try {
    return (dataJson(value)?.length ?? 0) * 2;
  } catch {
    return 1024 * 1024;
  }
}
