/**
 * The query review of the pages that must stay fast with many municipalities (ADR 0052):
 * each page is requested once in this process against the bench database with N
 * municipalities on PostgreSQL, every SQL statement it sends is recorded, and the script
 * prints how many each page sends (an N+1 loop shows as one statement many times) and the
 * plan of every distinct statement with EXPLAIN (ANALYZE, BUFFERS), run in a transaction
 * that is rolled back. A sequential scan over a table of more than EXPLAIN_BIG_TABLE rows
 * (10,000) is marked "Auffällig".
 *
 * Pages: the staff dashboard, the draft changes, a report with its computed changes, the
 * operators' overview (first page, a later page, a search), `/` (first page, a later page,
 * a search), a project page and the catalogue API of one municipality. Public pages are
 * requested with the catalogue cache emptied, so that their whole way to the database shows.
 *
 * The database is the one of bench/scale.mjs, `fortschritt_bench_scale_<N>` on
 * BENCH_DATABASE_URL (generated when missing, see there); EXPLAIN_DATABASE names another
 * database on that server (e.g. a copy of production; two bench accounts are added to it).
 * EXPLAIN_PLANS=0 prints the counts only; EXPLAIN_PAGES=<text> keeps the pages whose name
 * or path contains the text. Needs `npm run build` first.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import {
  benchTenant,
  DIST,
  ensureMunicipalities,
  makeAccount,
  openDatabase,
  signIn,
} from "./tenants.mjs";

const COUNT = Number(process.env.BENCH_MUNICIPALITIES ?? 1000);
const PLANS = process.env.EXPLAIN_PLANS !== "0";
const ONLY = process.env.EXPLAIN_PAGES ?? "";
const BIG_TABLE = Number(process.env.EXPLAIN_BIG_TABLE ?? 10_000);

const fmt = (value, digits = 0) =>
  value.toLocaleString("de-DE", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    useGrouping: false,
  });

/** Fastify's inject() behind the fetch interface the sign-in uses. */
function injectFetch(app) {
  return async (url, init = {}) => {
    const response = await app.inject({
      method: init.method ?? "GET",
      url,
      headers: init.headers ?? {},
      ...(init.body === undefined ? {} : { payload: init.body }),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      for (const item of Array.isArray(value) ? value : [value])
        headers.append(name, String(item));
    return new Response(
      response.statusCode === 204 || response.statusCode === 304
        ? null
        : response.rawPayload,
      { status: response.statusCode, headers },
    );
  };
}

/** The statements of one page, grouped by their text (first occurrence first). */
function distinct(queries) {
  const groups = new Map();
  for (const query of queries) {
    const group = groups.get(query.sql);
    if (group === undefined)
      groups.set(query.sql, { ...query, times: 1, totalMs: query.durationMs });
    else {
      group.times += 1;
      group.totalMs += query.durationMs;
    }
  }
  return [...groups.values()];
}

async function main() {
  if (!existsSync(join(DIST, "web", "build-app.js")))
    throw new Error("dist/ fehlt: bitte zuerst `npm run build`.");
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name =
    process.env.EXPLAIN_DATABASE ?? `fortschritt_bench_scale_${COUNT}`;

  // Every statement is attributed to the page whose request sent it (background work has no page).
  const page = new AsyncLocalStorage();
  const many = await openDatabase(adminUrl, name, {
    onQuery: (query) => page.getStore()?.push(query),
  });
  const { ctx } = many;
  if (process.env.EXPLAIN_DATABASE === undefined)
    await ensureMunicipalities(ctx, COUNT);
  const { slug, municipality, report } = await benchTenant(ctx, COUNT);
  const tenants = await ctx.db
    .selectFrom("municipality")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  const staff = await makeAccount(ctx, municipality.id);
  const operator = await makeAccount(ctx, null);

  const explainer = new pg.Client({ connectionString: many.url });
  await explainer.connect();
  // Fresh statistics, as autovacuum would have them on a settled database.
  await explainer.query("analyze");
  const sizes = new Map(
    (
      await explainer.query(
        "select relname, reltuples::bigint as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace",
      )
    ).rows.map((row) => [row.relname, Number(row.n)]),
  );

  const { buildApp } = await import(
    pathToFileURL(join(DIST, "web", "build-app.js")).href
  );
  const { closeAppContext } = await import(
    pathToFileURL(join(DIST, "app", "database.js")).href
  );
  const app = await buildApp(ctx);
  const request = injectFetch(app);
  const staffCookies = await signIn(
    "",
    staff.email,
    staff.password,
    staff.secret,
    request,
  );
  const operatorCookies = await signIn(
    "",
    operator.email,
    operator.password,
    operator.secret,
    request,
  );
  const anonymous = { header: () => "" };

  const pages = [
    ["Verwaltung (Start)", `/${slug}/verwaltung/`, staffCookies],
    ["Entwurf: Änderungen", `/${slug}/entwurf/aenderungen`, staffCookies],
    [
      "Bericht mit berechneten Änderungen",
      `/${slug}/verwaltung/berichte/${report.number}`,
      staffCookies,
    ],
    ["Betrieb: alle Kommunen", "/betrieb/", operatorCookies],
    ["Betrieb: Seite 10", "/betrieb/?seite=10", operatorCookies],
    ["Betrieb: Suche", "/betrieb/?q=musterstadt%209", operatorCookies],
    ["Kommunenliste", "/", anonymous],
    ["Kommunenliste: Seite 7", "/?seite=7", anonymous],
    ["Kommunenliste: Suche", "/?q=musterstadt%205", anonymous],
    ["Projektseite", `/${slug}/projekte/e-rechnungsworkflow`, anonymous],
    ["Katalog-API", `/api/v1/municipalities/${slug}/catalogue`, anonymous],
  ].filter(([title, path]) => title.includes(ONLY) || path.includes(ONLY));

  // One request first, so that what a process loads once (the published versions) is loaded.
  await request(`/${slug}/`);
  const results = [];
  for (const [title, path, cookies] of pages) {
    ctx.cache.clear();
    const queries = [];
    const started = performance.now();
    const response = await page.run(queries, () =>
      request(path, { headers: { cookie: cookies.header() } }),
    );
    await response.arrayBuffer();
    results.push({
      title,
      path,
      status: response.status,
      ms: performance.now() - started,
      queries,
    });
  }

  process.stdout.write(
    `\nAbfragen je Seite, ${fmt(Number(tenants.n))} Kommunen (Datenbank ${name}, Kommune ${slug})\n`,
  );
  const rows = results.map((result) => [
    result.title,
    result.path,
    String(result.status),
    String(result.queries.length),
    String(distinct(result.queries).length),
    fmt(
      result.queries.reduce((sum, query) => sum + query.durationMs, 0),
      1,
    ),
    fmt(result.ms, 1),
  ]);
  const headers = [
    "Seite",
    "Pfad",
    "Status",
    "Abfragen",
    "verschieden",
    "DB ms",
    "ms",
  ];
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  for (const row of [headers, widths.map((w) => "-".repeat(w)), ...rows])
    process.stdout.write(
      `${row
        .map((cell, column) =>
          column < 2
            ? cell.padEnd(widths[column])
            : cell.padStart(widths[column]),
        )
        .join("  ")
        .trimEnd()}\n`,
    );

  if (PLANS) {
    const findings = [];
    for (const result of results) {
      process.stdout.write(
        `\n══ ${result.title} (${result.path}): ${result.queries.length} Abfragen ══\n`,
      );
      for (const [index, query] of distinct(result.queries).entries()) {
        await explainer.query("begin");
        let plan;
        try {
          plan = (
            await explainer.query(
              `explain (analyze, buffers) ${query.sql}`,
              query.parameters,
            )
          ).rows.map((row) => row["QUERY PLAN"]);
        } catch (error) {
          plan = [`(kein Plan: ${error.message})`];
        } finally {
          await explainer.query("rollback");
        }
        process.stdout.write(
          `\n[${index + 1}] ${query.times}× (${fmt(query.totalMs, 1)} ms): ${query.sql}\n`,
        );
        for (const line of plan) process.stdout.write(`    ${line}\n`);
        for (const line of plan) {
          const scan = /Seq Scan on (\w+)/.exec(line);
          if (scan !== null && (sizes.get(scan[1]) ?? 0) >= BIG_TABLE)
            findings.push(
              `${result.title} [${index + 1}]: Seq Scan auf ${scan[1]} (${fmt(sizes.get(scan[1]))} Zeilen)`,
            );
        }
        if (query.times > 1 && query.times >= result.queries.length / 4)
          findings.push(
            `${result.title} [${index + 1}]: ${query.times}-mal dieselbe Abfrage (N+1?)`,
          );
      }
    }
    process.stdout.write(
      `\nAuffällig (Seq Scan auf Tabellen ab ${fmt(BIG_TABLE)} Zeilen, wiederholte Abfragen):\n${
        findings.length === 0
          ? "  nichts\n"
          : findings.map((finding) => `  ${finding}\n`).join("")
      }`,
    );
  }

  await app.close();
  await explainer.end();
  await closeAppContext(ctx);
}

try {
  await main();
} catch (error) {
  process.stdout.write(
    `\nPrüfung abgebrochen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
