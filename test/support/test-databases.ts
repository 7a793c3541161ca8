/**
 * The PostgreSQL test databases' end: dropped behind the tests, and what a run leaves is
 * dropped by its global teardown. Kept apart from database.ts, which loads the app, so
 * that the global setup does not.
 */
import pg from "pg";
import { postgresAdminUrl } from "./environment.js";

/** Runs an action on a connection of the server's administrator, closed afterwards. */
export async function withAdmin<T>(
  action: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/**
 * Test databases waiting to be dropped. `drop database` waits for a checkpoint (0.5–1 s,
 * most of it the server's disk), so a closing test does not wait for it: the drops run
 * behind the tests, several at once, since concurrent drops share one checkpoint. What a
 * worker leaves when it ends is dropped by the run's global teardown
 * (`dropTestDatabasesOfEndedProcesses`, in require-postgres.ts).
 */
const waitingDrops: string[] = [];
let dropping = false;

export function dropLater(name: string): void {
  waitingDrops.push(name);
  if (dropping) return;
  dropping = true;
  void (async () => {
    try {
      while (waitingDrops.length > 0) {
        const names = waitingDrops.splice(0, DROPS_AT_ONCE);
        await Promise.all(names.map(dropDatabase));
      }
    } finally {
      dropping = false;
    }
  })();
}

/** How many test databases are dropped at the same time. */
const DROPS_AT_ONCE = 4;

function dropDatabase(name: string): Promise<void> {
  return withAdmin((client) =>
    client.query(`drop database if exists ${name} with (force)`),
  ).then(
    () => undefined,
    () => undefined,
  );
}

/** The process that made a test database, from its name (`fortschritt_test_<pid>_<hex>`). */
const TEST_DATABASE = /^fortschritt_test_(\d+)_[0-9a-f]+$/;

/**
 * Drops the test databases whose process has ended: what the workers of this run left
 * behind, and what a run that was killed left. Databases of processes still running
 * (another run on the same server) stay.
 */
export async function dropTestDatabasesOfEndedProcesses(): Promise<number> {
  const names = await withAdmin((client) =>
    client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'fortschritt_test_%'",
    ),
  ).then((result) => result.rows.map((row) => row.datname));
  const ended = names.filter((name) => {
    const pid = Number(TEST_DATABASE.exec(name)?.[1] ?? Number.NaN);
    return Number.isInteger(pid) && !processIsRunning(pid);
  });
  for (let start = 0; start < ended.length; start += DROPS_AT_ONCE)
    await Promise.all(
      ended.slice(start, start + DROPS_AT_ONCE).map(dropDatabase),
    );
  return ended.length;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
