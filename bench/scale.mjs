/**
 * `npm run bench` (part): many municipalities on PostgreSQL.
 *
 * 1. Generates BENCH_MUNICIPALITIES (1,000) synthetic municipalities of Kleve's size into
 *    the database `fortschritt_bench_scale_<N>` (kept between runs and reused when it holds
 *    them all; `fortschritt demo --synthetic N`: the first through the import, the others
 *    copies with new ids) and a one-city database `fortschritt_bench_one` beside it.
 * 2. The portal pages and the API of one municipality, `/` (paginated, with search) with
 *    wrk at BENCH_CONNECTIONS (100) connections: the one-city server against the server
 *    with N municipalities (target: within 1.5× of the one-city req/s and p99).
 * 3. Staff pages with N tenants, signed in (dashboard, draft changes, a report with its
 *    computed changes): p95 of sequential requests (target ≤ 200 ms), and the operators'
 *    cross-municipality overview (/betrieb/, target ≤ 500 ms).
 *
 * BENCH_DATABASE_URL: a PostgreSQL server URL whose user may create databases
 * (default postgres://postgres@127.0.0.1:5432/postgres). BENCH_SCALE=0 skips this part.
 * It prints each figure next to its target and always exits 0 (a measurement, not a test).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  benchTenant,
  DIST,
  ensureMunicipalities,
  makeAccount,
  openDatabase,
  ROOT,
  SECRET_KEY,
  signIn,
} from "./tenants.mjs";

const HOST = "127.0.0.1";
const WRK = "/usr/bin/wrk";

const number = (name, fallback) => {
  const value = Number(process.env[name] ?? "");
  return process.env[name] === undefined ||
    process.env[name] === "" ||
    !Number.isFinite(value) ||
    value < 0
    ? fallback
    : value;
};
const COUNT = number("BENCH_MUNICIPALITIES", 1000);
const DURATION = number("BENCH_DURATION", 10);
const CONNECTIONS = number("BENCH_CONNECTIONS", 100);
const WARMUP = number("BENCH_WARMUP", 2);
const STAFF_REQUESTS = number("BENCH_STAFF_REQUESTS", 40);
const TARGETS = { ratio: 1.5, staffP95Ms: 200, operatorsMs: 500 };

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const fmt = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "–"
    : value.toLocaleString("de-DE", {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
        useGrouping: false,
      });

function printTable(headers, rows) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0
          ? String(cell).padEnd(widths[column])
          : String(cell).padStart(widths[column]),
      )
      .join("  ")
      .trimEnd();
  process.stdout.write(
    `${line(headers)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`,
  );
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

function freePort() {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function startServer(url, dataDir) {
  const port = await freePort();
  const output = [];
  const child = spawn(
    process.execPath,
    [join(DIST, "cli", "main.js"), "serve", "--no-demo"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST,
        PORT: String(port),
        DATABASE_URL: url,
        FORTSCHRITT_DATA_DIR: dataDir,
        FORTSCHRITT_SECRET_KEY: SECRET_KEY,
        LOG_LEVEL: "silent",
        NODE_ENV: "development",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout.on("data", (chunk) => output.push(String(chunk)));
  child.stderr.on("data", (chunk) => output.push(String(chunk)));
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Der Server hat sich beendet:\n${output.join("")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Der Server antwortet nicht:\n${output.join("")}`);
    }
    const ok = await fetch(`${base}/kleve/`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return { child, base };
    await sleep(50);
  }
}

function stop(server) {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
}

/** wrk against one URL: req/s, p99 ms, failures. */
function wrk(url, seconds) {
  const result = spawnSync(
    WRK,
    [
      "-t1",
      `-c${CONNECTIONS}`,
      `-d${seconds}s`,
      "--latency",
      "--timeout",
      "10s",
      url,
    ],
    { encoding: "utf8" },
  );
  const text = result.stdout ?? "";
  const p99 = /^\s*99(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$/m.exec(text);
  const factor = { us: 0.001, ms: 1, s: 1000 };
  const non2xx = Number(
    /Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0,
  );
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN),
    p99: p99 === null ? NaN : Number(p99[1]) * factor[p99[2]],
    failures: non2xx,
  };
}

async function measure(base, path) {
  const check = await fetch(`${base}${path}`, { redirect: "manual" });
  await check.arrayBuffer();
  if (check.status !== 200)
    process.stdout.write(`Achtung: ${path} antwortet mit ${check.status}.\n`);
  if (WARMUP > 0) wrk(`${base}${path}`, WARMUP);
  return wrk(`${base}${path}`, DURATION);
}

/** Sequential signed-in requests: median and p95 in ms. */
async function timeStaffPage(base, cookies, path) {
  const times = [];
  let status = 0;
  for (let i = 0; i < STAFF_REQUESTS + 3; i += 1) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, {
      redirect: "manual",
      headers: { cookie: cookies.header() },
    });
    await response.arrayBuffer();
    status = response.status;
    if (i >= 3) times.push(performance.now() - started);
  }
  return { status, median: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  if (COUNT === 0 || process.env.BENCH_SCALE === "0") return;
  if (!existsSync(join(DIST, "cli", "main.js")))
    throw new Error("dist/ fehlt: bitte über `npm run bench` starten.");
  if (!existsSync(WRK)) throw new Error("wrk fehlt (apt-get install wrk).");
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  process.stdout.write(
    `\n${COUNT} Kommunen auf PostgreSQL — Last vorher: ${loadavg()
      .map((v) => fmt(v, 2))
      .join(" / ")} (andere Arbeit auf der Maschine verfälscht jede Zahl)\n`,
  );

  // ── Generation (once; reused when present) ──
  const many = await openDatabase(adminUrl, `fortschritt_bench_scale_${COUNT}`);
  await ensureMunicipalities(many.ctx, COUNT);
  const { closeAppContext } = await import(
    pathToFileURL(join(DIST, "app", "database.js")).href
  );
  const one = await openDatabase(adminUrl, "fortschritt_bench_one");
  await closeAppContext(one.ctx);

  const { slug, municipality, report } = await benchTenant(many.ctx, COUNT);
  const staff = await makeAccount(many.ctx, municipality.id);
  const operator = await makeAccount(many.ctx, null);
  await closeAppContext(many.ctx);

  const work = mkdtempSync(join(tmpdir(), "fortschritt-bench-scale-"));
  const servers = [];
  process.once("exit", () => {
    for (const server of servers) stop(server);
    rmSync(work, { recursive: true, force: true });
  });
  try {
    // ── Public pages: one city against N ──
    const pages = (s) => [
      ["Übersicht", `/${s}/`],
      ["Projektseite", `/${s}/projekte/e-rechnungsworkflow`],
      ["Zeitstrahl", `/${s}/zeitstrahl`],
      ["Katalog-API", `/api/v1/municipalities/${s}/catalogue`],
      [
        "Projekt-API",
        `/api/v1/municipalities/${s}/projects/e-rechnungsworkflow`,
      ],
    ];
    // Both servers run side by side; each route is measured on one, then on the other,
    // so that a change in the machine's load hits both figures alike.
    const oneServer = await startServer(one.url, join(work, "one"));
    servers.push(oneServer);
    const manyServer = await startServer(many.url, join(work, "many"));
    servers.push(manyServer);
    const rows = [];
    const row = (name, path, own, reference) => {
      const ratio = reference.rps / own.rps;
      rows.push([
        name,
        path,
        fmt(reference.rps),
        fmt(own.rps),
        `${fmt(ratio, 2)} (≤ ${TARGETS.ratio}: ${ratio <= TARGETS.ratio ? "ok" : "nein"})`,
        fmt(reference.p99, 1),
        fmt(own.p99, 1),
        fmt(own.failures),
      ]);
    };
    const oneFigures = [];
    const kleve = pages("kleve");
    for (const [index, [name, path]] of pages(slug).entries()) {
      const reference = await measure(oneServer.base, kleve[index][1]);
      oneFigures.push(reference);
      row(name, path, await measure(manyServer.base, path), reference);
    }
    // The list of municipalities has no one-city form (one city redirects): next to the overview.
    for (const path of [
      "/",
      "/?seite=7",
      `/?q=${encodeURIComponent("musterstadt 5")}`,
    ])
      row(
        "Kommunenliste",
        path,
        await measure(manyServer.base, path),
        oneFigures[0],
      );
    process.stdout.write(
      `\nÖffentlich, ${CONNECTIONS} Verbindungen: eine Kommune gegen ${COUNT} (Faktor = Anfr./s einer Kommune ÷ Anfr./s mit ${COUNT})\n`,
    );
    printTable(
      [
        "Route",
        "Pfad",
        "1 Kommune /s",
        `${COUNT} Kommunen /s`,
        "Faktor",
        "p99 ms (1)",
        `p99 ms (${COUNT})`,
        "Fehler",
      ],
      rows,
    );

    // ── Staff and operators, signed in ──
    const staffCookies = await signIn(
      manyServer.base,
      staff.email,
      staff.password,
      staff.secret,
    );
    const operatorCookies = await signIn(
      manyServer.base,
      operator.email,
      operator.password,
      operator.secret,
    );
    const staffRows = [];
    for (const [name, path, cookies, limit] of [
      [
        "Verwaltung (Start)",
        `/${slug}/verwaltung/`,
        staffCookies,
        TARGETS.staffP95Ms,
      ],
      [
        "Entwurf: Änderungen",
        `/${slug}/entwurf/aenderungen`,
        staffCookies,
        TARGETS.staffP95Ms,
      ],
      [
        "Bericht mit berechneten Änderungen",
        `/${slug}/verwaltung/berichte/${report.number}`,
        staffCookies,
        TARGETS.staffP95Ms,
      ],
      [
        "Betrieb: alle Kommunen",
        "/betrieb/",
        operatorCookies,
        TARGETS.operatorsMs,
      ],
      [
        "Betrieb: Suche",
        "/betrieb/?q=musterstadt%209",
        operatorCookies,
        TARGETS.operatorsMs,
      ],
      [
        "Betrieb: Seite 10",
        "/betrieb/?seite=10",
        operatorCookies,
        TARGETS.operatorsMs,
      ],
    ]) {
      const figures = await timeStaffPage(manyServer.base, cookies, path);
      staffRows.push([
        name,
        path,
        String(figures.status),
        fmt(figures.median, 1),
        `${fmt(figures.p95, 1)} (≤ ${limit}: ${figures.p95 <= limit && figures.status === 200 ? "ok" : "nein"})`,
      ]);
    }
    process.stdout.write(
      `\nAngemeldet, ${COUNT} Kommunen, ${STAFF_REQUESTS} Anfragen nacheinander\n`,
    );
    printTable(["Seite", "Pfad", "Status", "Median ms", "p95 ms"], staffRows);
  } finally {
    for (const server of servers) stop(server);
  }
}

// A hard limit, so that a hanging run never blocks a terminal or a CI job.
setTimeout(() => {
  process.stdout.write("\nMessung nach 60 min abgebrochen.\n");
  process.exit(0);
}, 3_600_000).unref();

try {
  await main();
} catch (error) {
  process.stdout.write(
    `\nMessung abgebrochen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}
process.exit(0);
