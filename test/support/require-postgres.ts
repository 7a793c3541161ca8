/**
 * Global setup of the projects that use PostgreSQL: refuses to run without it, so that no
 * database test is silently skipped. The web project uses PostgreSQL only when
 * TEST_WEB_DIALECTS asks for it, and then checks too.
 */
import pg from "pg";
import { dropTestDatabasesOfEndedProcesses } from "./test-databases.js";
import { postgresAdminUrl, webDialects } from "./environment.js";
import type { TestProject } from "vitest/node";

export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  if (project.name === "web" && !webDialects().includes("postgres"))
    return undefined;
  const client = new pg.Client({
    connectionString: postgresAdminUrl(),
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresAdminUrl()}: the ${project.name} tests need it (${String(error)})`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  // Test databases of runs that were killed; at the end, those the workers had not dropped yet.
  await dropTestDatabasesOfEndedProcesses();
  return async () => {
    await dropTestDatabasesOfEndedProcesses();
  };
}
