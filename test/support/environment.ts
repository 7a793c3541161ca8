/** Where the test suite finds its services; overridable by environment. */

/** Connection to the PostgreSQL server's maintenance database, used to create and drop test databases. */
export function postgresAdminUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
}

/** The Chromium binary that browser tests drive (Debian's package). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}
