/**
 * Runs once before all tests: fixes the time zone and, on CI, refuses to run without
 * the services the suite needs, so that nothing is silently skipped.
 */
import { existsSync } from "node:fs";
import pg from "pg";
import { postgresAdminUrl, chromiumPath } from "./environment.js";

export default async function setup(): Promise<void> {
  process.env.TZ = "Europe/Berlin";
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresAdminUrl()}: the database tests need it (${String(error)})`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!existsSync(chromiumPath())) {
    throw new Error(`Chromium is missing at ${chromiumPath()}: the browser tests need it (apt-get install chromium).`);
  }
}
