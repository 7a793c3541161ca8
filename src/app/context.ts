/**
 * What every use case needs: the database handle, the dialect's differences and the
 * cache of assembled catalogues. Built once per process by `createAppContext`.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { DialectName } from "../db/dialect.js";
import type { Catalogue } from "../domain/catalogue/catalogue.js";
import { approximateBytes, createMemoryCache } from "./memory-cache.js";
import type { PublishedVersions } from "./published-versions.js";
import type { SecretKey } from "./auth/secret-box.js";

/** Assembled catalogues per municipality, valid as long as the municipality's data version is. */
export interface CatalogueCache {
  get(slug: string, dataVersion: number): Catalogue | undefined;
  set(slug: string, catalogue: Catalogue): void;
  clear(): void;
}

/** The dependencies of every use case. */
export interface AppContext {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly cache: CatalogueCache;
  /** The municipalities and their published versions, kept in memory (public pages ask here). */
  readonly versions: PublishedVersions;
  /** A read replica for public pages (DATABASE_READ_URL); see `publicReader`. */
  readonly readDb?: Kysely<Database>;
  /** The current time; tests pass a fixed one. */
  readonly clock: () => Date;
  /** The key that seals second-factor secrets at rest (FORTSCHRITT_SECRET_KEY, app/auth/secret-box.ts). */
  readonly secretKey: SecretKey;
}

/** A cache that keeps the newest catalogue of each municipality, bounded by bytes. */
export function createCatalogueCache(
  maxBytes = 48 * 1024 * 1024,
): CatalogueCache {
  const entries = createMemoryCache<Catalogue>({
    name: "catalogues",
    maxBytes,
    sizeOf: (catalogue) => approximateBytes(catalogue),
    build: async () => undefined,
  });
  return {
    get(slug, dataVersion) {
      const entry = entries.peek(slug);
      return entry && entry.municipality.dataVersion === dataVersion
        ? entry
        : undefined;
    },
    set(slug, catalogue) {
      entries.set(slug, catalogue);
    },
    clear() {
      entries.clear();
    },
  };
}
