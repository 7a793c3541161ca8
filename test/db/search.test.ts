/**
 * One search: the same query finds the same projects and measures, in the same order, on
 * SQLite and on PostgreSQL, in the draft (searched in the database) and in the published
 * edition (searched in memory).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { searchPublished } from "../../src/app/edition/read-editions.js";
import type { DialectName } from "../../src/db/dialect.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";

const QUERIES = [
  "rechnungen",
  "Rechnung",
  "bürgerbüro",
  "Buergerbuero",
  "BÜRGERBÜRO",
  "digi",
  "digitale Verwaltung",
  "Posteingang Scan",
  "Schulen",
  "E-Akte",
  '"Rechnung*" NEAR(',
  "100%_",
  "§§ !!",
  "Zylinderkopfdichtung",
] as const;

type Answer = readonly string[] | string;

async function answer(
  search: () => Promise<{
    hits: readonly { kind: string; projectSlug: string; title: string }[];
  }>,
): Promise<Answer> {
  try {
    return (await search()).hits.map(
      (hit) => `${hit.kind} ${hit.projectSlug} ${hit.title}`,
    );
  } catch (error) {
    return `error ${(error as { code?: string }).code ?? String(error)}`;
  }
}

describe("one search on both databases", () => {
  const contexts = new Map<DialectName, TestContext>();
  beforeAll(async () => {
    for (const dialect of DIALECTS)
      contexts.set(dialect, await openTestContext(dialect, { demo: true }));
  });
  afterAll(async () => {
    for (const t of contexts.values()) await t.close();
  });

  async function answers(query: string): Promise<Record<string, Answer>> {
    const result: Record<string, Answer> = {};
    for (const [dialect, t] of contexts) {
      result[`${dialect} draft`] = await answer(() =>
        searchCatalogue(t.ctx, "kleve", query),
      );
      result[`${dialect} edition`] = await answer(() =>
        searchPublished(t.ctx, "kleve", query),
      );
    }
    return result;
  }

  it.each(QUERIES)(
    "answers %j the same on SQLite and PostgreSQL, in the draft and the edition",
    async (query) => {
      const all = await answers(query);
      const [first, ...others] = Object.values(all);
      for (const other of others) expect(other).toEqual(first);
    },
  );

  it("finds the singular from the plural on both", async () => {
    for (const found of Object.values(await answers("rechnungen"))) {
      expect(found).toContain(
        "project e-rechnungsworkflow E-Rechnungsworkflow",
      );
    }
  });

  it("finds the citizens' office however the umlauts are written", async () => {
    for (const query of ["bürgerbüro", "Buergerbuero", "BÜRGERBÜRO"]) {
      for (const found of Object.values(await answers(query))) {
        expect(
          Array.isArray(found) &&
            found.some((hit) => hit.includes("digitales-buergerbuero")),
        ).toBe(true);
      }
    }
  });

  it("needs every word of a two-word query", async () => {
    const one = (await answers("digitale"))[
      "sqlite draft"
    ] as readonly string[];
    const two = (await answers("digitale Verwaltung"))[
      "sqlite draft"
    ] as readonly string[];
    expect(two.length).toBeGreaterThan(0);
    expect(two.length).toBeLessThanOrEqual(one.length);
  });

  it("refuses an empty query the same way on both", async () => {
    for (const found of Object.values(await answers("   ")))
      expect(found).toBe("error ERR_SEARCH_QUERY_INVALID");
  });
});
