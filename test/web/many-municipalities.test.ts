/**
 * Many tenants: synthetic municipalities written through the normal import path (as
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
