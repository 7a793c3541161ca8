/**
 * Hears of changes that other processes make to the database, so that what a process
 * keeps in memory (versions, rendered pages) never outlives the data it was built from:
 * PostgreSQL announces every change of a municipality row on a channel (LISTEN/NOTIFY,
 * see the migration 2026-12-05-speed-published-version), with a slow poll as a fallback
 * while the listening connection is down; SQLite is asked for `PRAGMA data_version`,
 * which changes whenever another connection wrote to the file — a question answered
 * from memory in microseconds.
 */
import type { Kysely } from "kysely";
import type pg from "pg";
import type { Database } from "./database.js";
import { loadPg, type ConnectionTarget } from "./dialect.js";
import { readSqliteDataVersion } from "./municipality.repository.js";

/** The channel the trigger announces on. */
export const VERSION_CHANNEL = "fortschritt_versions";

/** A running watch; close it before closing the database. */
export interface ChangeWatch {
  close(): Promise<void>;
}

/** How often to ask: SQLite's data version, PostgreSQL as a fallback to the announcements. */
export interface WatchTimings {
  readonly sqlitePollMs?: number;
  readonly postgresPollMs?: number;
}

/** Calls `onChange` whenever another process may have changed the data. */
export function watchChanges(
  db: Kysely<Database>,
  target: ConnectionTarget,
  onChange: () => void,
  timings: WatchTimings = {},
): ChangeWatch {
  return target.dialect === "sqlite"
    ? watchSqlite(db, onChange, timings.sqlitePollMs ?? 100)
    : watchPostgres(target.url, onChange, timings.postgresPollMs ?? 5000);
}

function watchSqlite(
  db: Kysely<Database>,
  onChange: () => void,
  pollMs: number,
): ChangeWatch {
  let last: number | null = null;
  let busy = false;
  let closed = false;
  const timer = setInterval(() => {
    if (busy || closed) return;
    busy = true;
    readSqliteDataVersion(db)
      .then((version) => {
        if (last !== null && version !== last) onChange();
        last = version;
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, pollMs);
  timer.unref();
  return {
    async close() {
      closed = true;
      clearInterval(timer);
    },
  };
}

function watchPostgres(
  url: string,
  onChange: () => void,
  pollMs: number,
): ChangeWatch {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = (): void => {
    if (closed) return;
    const next = new (loadPg().Client)({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === VERSION_CHANNEL) onChange();
    });
    let gone = false;
    const lost = (): void => {
      if (gone) return;
      gone = true;
      if (client === next) client = null;
      next.removeAllListeners("end");
      next.end().catch(() => undefined);
      // Whatever was announced while nobody listened is unknown: start afresh.
      onChange();
      if (!closed && retry === null) {
        retry = setTimeout(() => {
          retry = null;
          connect();
        }, 1000);
        retry.unref();
      }
    };
    next.on("error", lost);
    next.on("end", lost);
    next
      .connect()
      .then(() => next.query(`LISTEN ${VERSION_CHANNEL}`))
      .then(() => {
        if (closed) {
          next.removeAllListeners("end");
          return next.end();
        }
        client = next;
        onChange();
        return undefined;
      })
      .catch(lost);
  };
  connect();

  // A fallback in case an announcement is lost (a proxy between app and database that drops them).
  const poll = setInterval(onChange, pollMs);
  poll.unref();

  return {
    async close() {
      closed = true;
      clearInterval(poll);
      if (retry !== null) clearTimeout(retry);
      const current = client;
      client = null;
      if (current !== null) {
        current.removeAllListeners("end");
        current.removeAllListeners("error");
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
