import { defaultChromiumPath } from "../../src/chromium.js";

/** Where the test suite finds its services; overridable by environment. */

/** Connection to the PostgreSQL server's maintenance database, used to create and drop test databases. */
export function postgresAdminUrl(): string {
  return (
    process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test"
  );
}

/** The Chromium binary that browser tests drive: CHROMIUM_PATH, or the one the app prints with by default. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? defaultChromiumPath();
}

/**
 * The dialects the web tests run on: SQLite alone unless TEST_WEB_DIALECTS names others
 * (e.g. "sqlite,postgres"). HTTP behaviour does not depend on the database; where a
 * dialect differs, the db project tests it on both.
 */
export function webDialects(): readonly ("sqlite" | "postgres")[] {
  const text = process.env.TEST_WEB_DIALECTS;
  if (text === undefined || text.trim() === "") return ["sqlite"];
  const names = text.split(",").map((name) => name.trim());
  for (const name of names) {
    if (name !== "sqlite" && name !== "postgres")
      throw new Error(
        `TEST_WEB_DIALECTS: unknown dialect "${name}" (sqlite, postgres)`,
      );
  }
  return names as ("sqlite" | "postgres")[];
}
