/**
 * The operators' overview of all municipalities (/betrieb/) on both dialects: per
 * municipality the size of its catalogue, its editions with the latest, its latest
 * published report and its people, fifty to a page, with a search.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestOperator, signIn } from "../support/accounts.js";
import { DIALECTS, TEST_NOW } from "../support/database.js";
import { openWebApp, textOf, type WebTestApp } from "./support/web-app.js";

/** The text of the table row that names `slug`. */
function rowOf(html: string, slug: string): string {
  const rows = html.split("<tr>").slice(1);
  const row = rows.find((candidate) => candidate.includes(`(${slug})`));
  return row === undefined ? "" : textOf(row.split("</tr>")[0] ?? "");
}

describe.each(DIALECTS)("the operators' overview on %s", (dialect) => {
  let web: WebTestApp;
  let cookie: string;

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    // Sixty more municipalities without data: the list has two pages.
    const now = TEST_NOW.toISOString();
    await web.ctx.db
      .insertInto("municipality")
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          slug: `testort-${String(i + 1).padStart(2, "0")}`,
          name: `Testort ${String(i + 1).padStart(2, "0")}`,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    web.ctx.versions.invalidate();
    const operator = await createTestOperator(web.ctx);
    cookie = await signIn(web.app, operator);
  }, 120_000);

  afterAll(async () => web?.close());

  it("shows per municipality its catalogue, editions, latest report and people", async () => {
    const projects = await web.ctx.db
      .selectFrom("project")
      .innerJoin("municipality", "municipality.id", "project.municipality_id")
      .where("municipality.slug", "=", "kleve")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const measures = await web.ctx.db
      .selectFrom("measure")
      .innerJoin("project", "project.id", "measure.project_id")
      .innerJoin("municipality", "municipality.id", "project.municipality_id")
      .where("municipality.slug", "=", "kleve")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(projects.n)).toBeGreaterThan(40);
    const page = await web.app.inject({
      url: "/betrieb/?q=kleve",
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain("Projekte / Maßnahmen");
    const kleve = rowOf(page.body, "kleve");
    expect(kleve).toContain(`${Number(projects.n)} / ${Number(measures.n)}`);
    expect(kleve).toMatch(/2 \(zuletzt \d{4}-\d{2}-\d{2}\)/);
    // The latest published report's day (the demo's second report).
    expect(kleve).toMatch(/\d{4}-\d{2}-\d{2}.*\d{4}-\d{2}-\d{2}/);
    const empty = rowOf(
      (
        await web.app.inject({
          url: "/betrieb/?q=testort-07",
          headers: { cookie },
        })
      ).body,
      "testort-07",
    );
    expect(empty).toContain("0 / 0");
    expect(empty).toContain("keine");
  });

  it("shows fifty municipalities a page and the rest on the next", async () => {
    const first = await web.app.inject({
      url: "/betrieb/",
      headers: { cookie },
    });
    expect(first.statusCode).toBe(200);
    const rowsOn = (html: string) =>
      (html.match(/<th scope="row">/g) ?? []).length;
    expect(rowsOn(first.body)).toBe(50);
    expect(textOf(first.body)).toContain("Seite 1 von 2");
    const second = await web.app.inject({
      url: "/betrieb/?seite=2",
      headers: { cookie },
    });
    expect(rowsOn(second.body)).toBe(61 - 50);
    expect(textOf(second.body)).toContain("Seite 2 von 2");
    const found = await web.app.inject({
      url: "/betrieb/?q=testort-1",
      headers: { cookie },
    });
    // testort-10 … testort-19
    expect(rowsOn(found.body)).toBe(10);
  });
});
