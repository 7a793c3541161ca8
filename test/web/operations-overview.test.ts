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
    // The 2. Fortschreibung of 31 March 2022 and the demo's report published at TEST_NOW,
    // in the German form of dates on German pages.
    expect(kleve).toContain("2 (zuletzt 31.03.2022) 28.11.2022");
    const english = await web.app.inject({
      url: "/betrieb/?q=kleve&lang=en",
      headers: { cookie },
    });
    expect(rowOf(english.body, "kleve")).toContain(
      "2 (latest 2022-03-31) 2022-11-28",
    );
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

  it("gives a municipality's creation the day in Germany, not the server's UTC day", async () => {
    // 23:30 UTC on 27 November is 00:30 on 28 November in Berlin.
    await web.ctx.db
      .updateTable("municipality")
      .set({ created_at: "2022-11-27T23:30:00.000Z" })
      .where("slug", "=", "testort-03")
      .execute();
    const page = await web.app.inject({
      url: "/betrieb/kommunen/testort-03",
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain("Angelegt am 28.11.2022");
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
