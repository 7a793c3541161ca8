/**
 * `npm run security`: an outside-style test of the running app. Each file starts the app
 * on SQLite and on PostgreSQL, listening on a real port, and attacks it over HTTP.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["security/**/*.test.ts"],
    environment: "node",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ["test/support/require-postgres.ts"],
    env: { TZ: "Europe/Berlin" },
  },
  oxc: { jsx: { runtime: "automatic", importSource: "@kitajs/html" } },
});
