import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "node",
    // Database and browser tests share one PostgreSQL server and one Chromium: two workers keep a two-core machine responsive.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["test/support/global-setup.ts"],
    env: { TZ: "Europe/Berlin" },
  },
  oxc: { jsx: { runtime: "automatic", importSource: "@kitajs/html" } },
});
