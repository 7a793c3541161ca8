/**
 * Many tenants: synthetic municipalities (the first through the normal import path, on
 * PostgreSQL the others as copies of it, as
 * `fortschritt demo --synthetic N` does), and the start page listing them with a search.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSyntheticMunicipalities } from "../../src/app/edition/demo-editions.js";
import { listEditions } from "../../src/app/edition/read-editions.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import { textOf } from "./support/web-app.js";

describe.each(DIALECTS)("many municipalities on %s", (dialect) => {
  let test: TestContext;
  let app: FastifyInstance;
  let written = 0;

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: true });
    app = await buildApp(test.ctx, { now: () => TEST_NOW });
    // Every test below reads the same two synthetic municipalities beside Kleve.
    written = await loadSyntheticMunicipalities(test.ctx, 2);
  });

  afterAll(async () => {
    await app?.close();
    await test?.close();
  });

  it("writes synthetic municipalities of Kleve's size with two editions and reports each, once", async () => {
    expect(written).toBe(2);
    expect(await loadSyntheticMunicipalities(test.ctx, 2)).toBe(0);
    const { editions } = await listEditions(test.ctx, "musterstadt-2");
    expect(editions).toHaveLength(2);
    expect((await app.inject("/musterstadt-2/berichte")).statusCode).toBe(200);
    expect(textOf((await app.inject("/musterstadt-1/")).body)).toContain(
      "Musterstadt 1",
    );
  });

  it("makes the second a full copy of the first (on PostgreSQL a copy with new ids)", async () => {
    const sizeOf = async (slug: string) => {
      const row = await test.ctx.db
        .selectFrom("municipality")
        .where("municipality.slug", "=", slug)
        .select((eb) => [
          "municipality.id",
          eb
            .selectFrom("project")
            .whereRef("project.municipality_id", "=", "municipality.id")
            .select((e) => e.fn.countAll<number>().as("n"))
            .as("projects"),
          eb
            .selectFrom("measure")
            .innerJoin("project", "project.id", "measure.project_id")
            .whereRef("project.municipality_id", "=", "municipality.id")
            .select((e) => e.fn.countAll<number>().as("n"))
            .as("measures"),
          eb
            .selectFrom("status_report")
            .whereRef("status_report.municipality_id", "=", "municipality.id")
            .where("status_report.status", "=", "published")
            .select((e) => e.fn.countAll<number>().as("n"))
            .as("reports"),
        ])
        .executeTakeFirstOrThrow();
      return {
        projects: Number(row.projects),
        measures: Number(row.measures),
        reports: Number(row.reports),
      };
    };
    const first = await sizeOf("musterstadt-1");
    expect(first.projects).toBeGreaterThan(40);
    expect(first.measures).toBeGreaterThan(150);
    expect(first.reports).toBe(2);
    expect(await sizeOf("musterstadt-2")).toEqual(first);
    const page = await app.inject(
      "/musterstadt-2/projekte/e-rechnungsworkflow",
    );
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain("Musterstadt 2");
    // The copy has rows of its own, not the first one's.
    const projectOf = (slug: string) =>
      test.ctx.db
        .selectFrom("project")
        .innerJoin("municipality", "municipality.id", "project.municipality_id")
        .where("municipality.slug", "=", slug)
        .where("project.slug", "=", "e-rechnungsworkflow")
        .select("project.id")
        .executeTakeFirstOrThrow();
    const one = await projectOf("musterstadt-1");
    const two = await projectOf("musterstadt-2");
    expect(two.id).not.toBe(one.id);
  });

  it("lists the municipalities on the start page and finds them by part of the name", async () => {
    const all = textOf((await app.inject("/")).body);
    for (const name of ["Kleve", "Musterstadt 1", "Musterstadt 2"])
      expect(all).toContain(name);
    const found = await app.inject("/?q=muster");
    expect(found.statusCode).toBe(200);
    const text = textOf(found.body);
    expect(text).toContain("2 Kommunen zu „muster“");
    expect(text).not.toContain("Stadt Kleve");
    expect(textOf((await app.inject("/?q=atlantis")).body)).toContain(
      "Keine Kommune zu „atlantis“ gefunden.",
    );
  });
});
