import { mkdirSync, statfsSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import ProjectsInTurnSequencer from "./test/support/project-sequencer.js";

/**
 * Four projects by what a test needs (docs/adr/0012-test-layout.md):
 * - unit: pure code, no services (runs without PostgreSQL and Chromium);
 * - db: use cases on both dialects (needs PostgreSQL);
 * - cli: the command line on both dialects (needs PostgreSQL; files isolated);
 * - web: HTTP through Fastify's inject on SQLite (dialect behaviour is the db project's);
 * - e2e: the real server in Chromium, with axe (needs Chromium, and PostgreSQL for the own-shape journey);
 * and utc: the app on a server whose time zone is UTC (most servers), where the rest pins Berlin.
 * Each project demands only its own services, so `vitest run --project unit` needs none.
 */
const berlin = { TZ: "Europe/Berlin" };

/** Below this much free memory in /dev/shm (a container's default is 64 MB), scratch stays on disk. */
const MEMORY_SCRATCH_MINIMUM_BYTES = 2 * 1024 ** 3;

/**
 * The tests' scratch files (SQLite databases and their templates, Chromium profiles,
 * LibreOffice conversions) go to memory where the machine has room there. The databases
 * keep the app's synchronous=FULL, so on a disk every commit waits for fsync: 4 to 6 ms
 * on this kind of machine, 8 of the route matrix's 60 seconds (docs/adr/0060). Set here,
 * before vitest starts its workers, so that the global setups and every worker (and the
 * browsers and converters they start) share the one directory; `TEST_SCRATCH=disk` keeps
 * the system's temporary directory.
 */
function useMemoryScratch(): void {
  if (process.env.TEST_SCRATCH === "disk") return;
  try {
    const { bavail, bsize } = statfsSync("/dev/shm");
    if (bavail * bsize < MEMORY_SCRATCH_MINIMUM_BYTES) return;
    const directory = join("/dev/shm", "fortschritt-tests");
    mkdirSync(directory, { recursive: true });
    process.env.TMPDIR = directory;
  } catch {
    // No /dev/shm (macOS, Windows): the system's temporary directory serves.
  }
}
useMemoryScratch();

export default defineConfig({
  test: {
    environment: "node",
    // Database and browser tests share one PostgreSQL server and one Chromium: two workers keep a two-core machine responsive.
    maxWorkers: 2,
    // A larger young generation: the workers render pages and map rows, allocating many
    // short-lived objects, and scavenge less often with 64 MB semi-spaces than with
    // Node's 16 MB. The db project took 4 to 6 % fewer CPU seconds in three paired runs.
    execArgv: ["--max-semi-space-size=64"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `--sequence.shuffle` shuffles the files inside each project, one project after
    // another, so that workers and their modules serve a whole project (docs/adr/0063).
    sequence: { sequencer: ProjectsInTurnSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          env: berlin,
          // Pure code without module state worth isolating: the files share each worker's
          // module cache instead of importing everything again (a third of the time).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["test/db/**/*.test.{ts,tsx}"],
          env: berlin,
          // Every file opens its own databases, so the files share each worker's module
          // cache instead of importing the app again (docs/adr/0058).
          isolate: false,
          globalSetup: ["test/support/require-postgres.ts"],
        },
      },
      {
        extends: true,
        test: {
          // The command line on both dialects; isolated, because its tests set
          // process.env and mock reading standard input.
          name: "cli",
          include: ["test/cli/**/*.test.{ts,tsx}"],
          env: berlin,
          globalSetup: ["test/support/require-postgres.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "web",
          include: ["test/web/**/*.test.{ts,tsx}"],
          env: berlin,
          // Every file opens its own database and app, so the files share each worker's
          // module cache instead of importing the app again (docs/adr/0054).
          isolate: false,
          // Only when a run asks for PostgreSQL web tests (TEST_WEB_DIALECTS) does the project need it.
          globalSetup: [
            "test/support/require-postgres.ts",
            "test/support/office-cache-setup.ts",
          ],
          setupFiles: ["test/support/fast-password-hashing.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.{ts,tsx}"],
          // expect.poll waits for a page condition (a URL after a form), as long as Playwright waits for an element.
          expect: { poll: { timeout: 10_000 } },
          // A journey of a dozen pages on a busy 2-core machine: the steps wait for conditions,
          // the whole journey gets room.
          testTimeout: 90_000,
          env: berlin,
          // As in web; besides, the worker's one Chromium serves all its files (test/support/browser.ts).
          isolate: false,
          // The own-shape journey also runs on PostgreSQL.
          globalSetup: [
            "test/support/require-chromium.ts",
            "test/support/require-postgres.ts",
            "test/support/office-cache-setup.ts",
          ],
          setupFiles: ["test/support/fast-password-hashing.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "utc",
          include: ["test/utc/**/*.test.{ts,tsx}"],
          env: { TZ: "UTC" },
          isolate: false,
          setupFiles: ["test/support/fast-password-hashing.ts"],
        },
      },
    ],
  },
  oxc: { jsx: { runtime: "automatic", importSource: "@kitajs/html" } },
});
