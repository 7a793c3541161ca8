/**
 * Public pages from a read replica (DATABASE_READ_URL): rendered from the replica only when
 * it has reached the published version the app knows from the primary; otherwise, and for
 * signed-in staff, from the primary.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/app/context.js";
import { closeAppContext, openAppContext } from "../../src/app/database.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import { postgresAdminUrl } from "../support/environment.js";
import { textOf } from "./support/web-app.js";

describe("a read replica on postgres", () => {
  let primary: TestContext;
  let replica: TestContext;
  const opened: { ctx: AppContext; app: FastifyInstance }[] = [];

  beforeAll(async () => {
    primary = await openTestContext("postgres", { demo: true });
    // The "replica": another database with the same demo, renamed so its pages can be told apart.
    replica = await openTestContext("postgres", { demo: true });
    await replica.ctx.db
      .updateTable("municipality")
      .set({ name: "Veraltete Kopie" })
      .where("slug", "=", "kleve")
      .execute();
  });

  afterAll(async () => {
    for (const { ctx, app } of opened) {
      await app.close();
      await closeAppContext(ctx);
    }
    await replica?.close();
    await primary?.close();
  });

  async function appReadingFrom(replicaUrl: string): Promise<FastifyInstance> {
    if (primary.target.dialect !== "postgres") throw new Error("postgres only");
    const ctx = await openAppContext(
      { ...primary.target, readUrl: replicaUrl },
      { clock: () => TEST_NOW },
    );
    const app = await buildApp(ctx, { now: () => TEST_NOW });
    opened.push({ ctx, app });
    return app;
  }

  function urlOf(test: TestContext): string {
    if (test.target.dialect !== "postgres") throw new Error("postgres only");
    return test.target.url;
  }

  it("renders from the primary while the replica lags behind the published version", async () => {
    await replica.ctx.db
      .updateTable("municipality")
      .set({ published_version: 0 })
      .where("slug", "=", "kleve")
      .execute();
    const app = await appReadingFrom(urlOf(replica));
    const page = textOf((await app.inject("/kleve/")).body);
    expect(page).not.toContain("Veraltete Kopie");
    expect(
      JSON.stringify(
        (await app.inject("/api/v1/municipalities/kleve/catalogue")).json(),
      ),
    ).not.toContain("Veraltete Kopie");
  });

  it("renders from the replica once it has reached the version", async () => {
    await replica.ctx.db
      .updateTable("municipality")
      .set({ published_version: 1_000_000 })
      .where("slug", "=", "kleve")
      .execute();
    const app = await appReadingFrom(urlOf(replica));
    expect(textOf((await app.inject("/kleve/")).body)).toContain(
      "Veraltete Kopie",
    );
  });

  it("is a PostgreSQL setting that needs DATABASE_URL", async () => {
    const { loadConfig } = await import("../../src/config.js");
    expect(() => loadConfig({ DATABASE_READ_URL: postgresAdminUrl() })).toThrow(
      /DATABASE_READ_URL/,
    );
    expect(
      loadConfig({
        DATABASE_URL: postgresAdminUrl(),
        DATABASE_READ_URL: postgresAdminUrl(),
      }).databaseReadUrl,
    ).toBe(postgresAdminUrl());
  });
});
