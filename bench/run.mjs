/**
 * `npm run bench`: the compiled server side by side with a static baseline, in one run.
 *
 * 1. Start: cold start on an existing database (spawn → first 200 of the overview) and
 *    the very first start that loads the demo.
 * 2. The public portal at BENCH_CONNECTIONS (100) connections with wrk (one thread;
 *    autocannon when wrk is missing): overview, project page, timeline, catalogue API and
 *    project API, each against nginx serving the same bytes as files (when installed) and
 *    a minimal Node server answering the same bytes (headers and body) from memory. Per row: requests per
 *    second, p99, server CPU µs per request (from /proc/<pid>/stat) and the ratios, each
 *    the median of BENCH_REPEATS (3) runs of BENCH_DURATION (5) seconds.
 * 3. Memory: RSS after the portal load, then after a 50-client mixed load (with unknown
 *    query parameters and both languages), with the server's own report of its heap and
 *    caches (SIGUSR2, see src/app/memory-report.ts).
 * 4. With BENCH_MUNICIPALITIES=N (and BENCH_DATABASE_URL, a PostgreSQL server URL whose
 *    user may create databases): the same pages and `/` with N synthetic municipalities.
 *
 * It prints each figure next to its target and always exits 0: a measurement, not a test;
 * other work on the machine skews every number (the load average is printed).
 *
 * Environment: BENCH_DURATION (s per run, 5), BENCH_REPEATS (runs per figure, 3),
 * BENCH_CONNECTIONS (100), BENCH_WARMUP (s, 2), BENCH_COLD_STARTS (5).
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, request } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist", "src");
const HOST = "127.0.0.1";
const NGINX = "/usr/sbin/nginx";
const WRK = "/usr/bin/wrk";

const DURATION = positiveNumber("BENCH_DURATION", 5);
// Each portal figure is the median of this many runs (a single run's p99 swings with
// whatever else the machine does in those seconds).
const REPEATS = positiveNumber("BENCH_REPEATS", 3);
const CONNECTIONS = positiveNumber("BENCH_CONNECTIONS", 100);
const WARMUP = positiveNumber("BENCH_WARMUP", 2, { allowZero: true });
const MUNICIPALITIES = positiveNumber("BENCH_MUNICIPALITIES", 0, {
  allowZero: true,
});
const TICKS_PER_SECOND =
  Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

const ROUTES = [
  { name: "Übersicht", path: "/kleve/", type: "text/html; charset=utf-8" },
  {
    name: "Projektseite",
    path: "/kleve/projekte/e-rechnungsworkflow",
    type: "text/html; charset=utf-8",
  },
  {
    name: "Zeitstrahl",
    path: "/kleve/zeitstrahl",
    type: "text/html; charset=utf-8",
  },
  {
    // As every browser asks: with Accept-Encoding. The baselines answer the same
    // compressed bytes (under a path of their own, with Content-Encoding set).
    name: "Zeitstrahl, gzip (wie Browser)",
    path: "/kleve/zeitstrahl",
    type: "text/html; charset=utf-8",
    encoding: "gzip",
  },
  {
    name: "Katalog-API",
    path: "/api/v1/municipalities/kleve/catalogue",
    type: "application/json; charset=utf-8",
  },
  {
    name: "Projekt-API",
    path: "/api/v1/municipalities/kleve/projects/e-rechnungsworkflow",
    type: "application/json; charset=utf-8",
  },
];

/** Where the baselines serve a route's bytes: compressed variants under a path of their own. */
function baselinePath(route) {
  return route.encoding === undefined
    ? route.path
    : `/${route.encoding}${route.path}`;
}

/** The request headers of a route's load (the compressed variants ask as browsers do). */
function routeHeaders(route) {
  return route.encoding === undefined
    ? []
    : [`Accept-Encoding: ${route.encoding}`];
}

const COLD_STARTS = positiveNumber("BENCH_COLD_STARTS", 5);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The targets, as the project states them. */
const TARGETS = {
  ratioToBaseline: 0.4,
  p99Ms: 10,
  cpuTimesMinimalNode: 3,
  coldStartMs: 1000,
  firstStartMs: 3000,
  rssAfterPortalMb: 150,
  rssAfterMixedMb: 250,
};

function positiveNumber(name, fallback, { allowZero = false } = {}) {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) {
    process.stderr.write(
      `${name}="${text}" ist keine gültige Zahl; verwende ${fallback}.\n`,
    );
    return fallback;
  }
  return value;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** One GET: status, body and headers; null when nothing answers. */
function get(url, headers = {}) {
  return new Promise((done) => {
    const req = request(
      url,
      { method: "GET", agent: false, timeout: 5000, headers },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.once("end", () =>
          done({
            status: res.statusCode,
            body: Buffer.concat(chunks),
            headers: res.headers,
          }),
        );
        res.once("error", () => done(null));
      },
    );
    req.once("timeout", () => req.destroy());
    req.once("error", () => done(null));
    req.end();
  });
}

/** CPU time of a process in µs (user + system), from /proc. */
function cpuMicros(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1e6;
  } catch {
    return null;
  }
}

function rssMb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return match === null ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

/** A fixed 32-byte key (base64) for the bench's servers. */
const BENCH_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");

/** Starts `fortschritt serve` and measures spawn → first 200 of `probe`. */
async function startServer({
  dataDir,
  port,
  args = ["--no-demo"],
  env = {},
  probe = "/kleve/",
  limitMs = 120_000,
}) {
  const output = [];
  const startedAt = performance.now();
  const child = spawn(
    process.execPath,
    [join(DIST, "cli", "main.js"), "serve", ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST,
        PORT: String(port),
        FORTSCHRITT_DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
        NODE_ENV: "production",
        DATABASE_URL: "",
        // Production refuses to start without the key for second-factor secrets; the
        // bench's databases hold no real secrets, so a fixed key serves unless one is set.
        FORTSCHRITT_SECRET_KEY:
          process.env.FORTSCHRITT_SECRET_KEY ?? BENCH_SECRET_KEY,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = null;
  child.once("exit", (code, signal) => (exited = { code, signal }));
  for (;;) {
    if (exited !== null)
      throw new Error(
        `Der Server hat sich beendet (${JSON.stringify(exited)}):\n${output.join("")}`,
      );
    if (performance.now() - startedAt > limitMs) {
      child.kill("SIGKILL");
      throw new Error(
        `Der Server hat nach ${limitMs} ms keine Seite geliefert:\n${output.join("")}`,
      );
    }
    const response = await get(`http://${HOST}:${port}${probe}`);
    if (response?.status === 200)
      return { child, startMs: performance.now() - startedAt, output };
    if (
      response !== null &&
      response.status !== 200 &&
      response.status !== 302
    ) {
      child.kill("SIGKILL");
      throw new Error(
        `${probe} antwortet mit ${response.status}:\n${output.join("")}`,
      );
    }
    await sleep(5);
  }
}

function stop(child) {
  if (
    child !== null &&
    child !== undefined &&
    child.exitCode === null &&
    child.signalCode === null
  )
    child.kill("SIGKILL");
}

/** The server's own memory report (SIGUSR2 → one JSON line on stderr). */
async function memoryReportOf(server) {
  const before = server.output.length;
  server.child.kill("SIGUSR2");
  for (let i = 0; i < 100; i += 1) {
    await sleep(20);
    const line = server.output
      .slice(Math.max(0, before - 1))
      .join("")
      .split("\n")
      .find((text) => text.startsWith('{"memory"'));
    if (line !== undefined) return JSON.parse(line).memory;
  }
  return null;
}

/** Headers Node's HTTP server writes of its own on every response. */
const CONNECTION_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
]);

/**
 * The headers of Fortschritt's response as a flat list (name, value, …), without those
 * every Node server adds of its own: the minimal Node server then sends the very bytes
 * Fortschritt sends, security headers and ETag included.
 */
function responseHeaders(headers) {
  const flat = [];
  for (const [name, value] of Object.entries(headers)) {
    if (CONNECTION_HEADERS.has(name) || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      flat.push(name, String(item));
  }
  return flat;
}

/**
 * A minimal Node server answering the given responses from memory, with the same headers
 * and body as Fortschritt (the baseline without nginx, and the CPU reference): what any
 * single Node process costs for these bytes, without routing, caches or hooks.
 */
function startMinimalNode(port, bodies) {
  const script = `
    const { createServer } = require("node:http");
    const bodies = new Map(JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")).map(([p, h, b]) => [p, [h, Buffer.from(b, "base64")]]));
    createServer((req, res) => {
      const hit = bodies.get(req.url);
      if (hit === undefined) { res.statusCode = 404; res.end(); return; }
      res.writeHead(200, hit[0]);
      res.end(hit[1]);
    }).listen(${port}, "${HOST}");`;
  const file = join(tmpdir(), `fortschritt-bench-bodies-${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      bodies.map(({ path, headers, body }) => [
        path,
        headers,
        body.toString("base64"),
      ]),
    ),
  );
  const child = spawn(process.execPath, ["-e", script, file], {
    stdio: "ignore",
  });
  return child;
}

/** nginx in the foreground, one process, serving the bytes as files under a temporary prefix. */
function startNginx(port, bodies, prefix) {
  mkdirSync(join(prefix, "logs"), { recursive: true });
  mkdirSync(join(prefix, "files"), { recursive: true });
  const locations = bodies
    .map(({ path, type, body, encoding }, index) => {
      writeFileSync(join(prefix, "files", `${index}.body`), body);
      const header =
        encoding === undefined
          ? ""
          : ` add_header Content-Encoding ${encoding};`;
      return `location = ${path} { default_type "${type}";${header} root ${join(prefix, "files")}; try_files /${index}.body =404; }`;
    })
    .join("\n      ");
  const config = `
    daemon off; master_process off; worker_processes 1; error_log ${prefix}/logs/error.log crit; pid ${prefix}/nginx.pid;
    events { worker_connections 4096; }
    http {
      access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000; etag on;
      client_body_temp_path ${prefix}/tmp; proxy_temp_path ${prefix}/tmp; fastcgi_temp_path ${prefix}/tmp; uwsgi_temp_path ${prefix}/tmp; scgi_temp_path ${prefix}/tmp;
      server { listen ${HOST}:${port}; ${locations} }
    }`;
  mkdirSync(join(prefix, "tmp"), { recursive: true });
  writeFileSync(join(prefix, "nginx.conf"), config);
  return spawn(NGINX, ["-p", prefix, "-c", join(prefix, "nginx.conf")], {
    stdio: "ignore",
  });
}

async function waitFor(url) {
  for (let i = 0; i < 500; i += 1) {
    if ((await get(url))?.status === 200) return;
    await sleep(10);
  }
  throw new Error(`${url} antwortet nicht`);
}

/** wrk output → requests/s and p99 (ms). */
function parseWrk(text) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN);
  const requests = Number(/(\d+) requests in/.exec(text)?.[1] ?? NaN);
  const p99 = /^\s*99(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$/m.exec(text);
  const factor = { us: 0.001, ms: 1, s: 1000 };
  const non2xx = Number(
    /Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0,
  );
  const errors =
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
      text,
    );
  return {
    rps,
    requests,
    p99: p99 === null ? NaN : Number(p99[1]) * factor[p99[2]],
    failures:
      non2xx +
      (errors === null
        ? 0
        : errors.slice(1).reduce((sum, n) => sum + Number(n), 0)),
  };
}

/** One load run against a URL (or several, with a Lua script): figures plus the server's CPU per request. */
async function load(
  url,
  {
    pid,
    seconds = DURATION,
    connections = CONNECTIONS,
    paths = null,
    headers = [],
  },
) {
  const cpuBefore = pid === null ? null : cpuMicros(pid);
  let figures;
  if (existsSync(WRK)) {
    const args = [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      "--latency",
      "--timeout",
      "10s",
    ];
    for (const header of headers) args.push("-H", header);
    let script = null;
    if (paths !== null) {
      script = join(tmpdir(), `fortschritt-bench-${process.pid}.lua`);
      writeFileSync(
        script,
        `local paths = {${paths.map((p) => JSON.stringify(p)).join(", ")}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n`,
      );
      args.push("-s", script);
    }
    const text = await new Promise((done) => {
      const child = spawn(WRK, [...args, url], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.once("exit", () => done(out));
    });
    figures = parseWrk(text);
  } else {
    const { default: autocannon } = await import("autocannon");
    const result = await new Promise((done, reject) =>
      autocannon(
        {
          url,
          connections,
          duration: seconds,
          timeout: 10,
          requests: paths?.map((path) => ({ path })),
        },
        (error, value) => (error ? reject(error) : done(value)),
      ),
    );
    figures = {
      rps: result.requests.average,
      requests: result.requests.total,
      p99: result.latency.p99,
      failures: result.errors + result.non2xx,
    };
  }
  const cpuAfter = pid === null ? null : cpuMicros(pid);
  const cpuPerRequest =
    cpuBefore === null || cpuAfter === null || !(figures.requests > 0)
      ? NaN
      : (cpuAfter - cpuBefore) / figures.requests;
  return { ...figures, cpuPerRequest };
}

/** REPEATS load runs in a row: the median of each figure, the failures of all runs. */
async function loadMedian(url, options) {
  const runs = [];
  for (let i = 0; i < REPEATS; i += 1) runs.push(await load(url, options));
  const middle = (key) => median(runs.map((run) => run[key]));
  return {
    rps: middle("rps"),
    requests: middle("requests"),
    p99: middle("p99"),
    cpuPerRequest: middle("cpuPerRequest"),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    p99s: runs.map((run) => run.p99),
  };
}

const fmt = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "–"
    : value.toLocaleString("de-DE", {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
        useGrouping: false,
      });
const verdict = (ok) => (ok ? "erfüllt" : "NICHT erfüllt");

function printTable(headers, rows, textColumns = 1) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column < textColumns
          ? String(cell).padEnd(widths[column])
          : String(cell).padStart(widths[column]),
      )
      .join("  ")
      .trimEnd();
  process.stdout.write(
    `${line(headers)}\n${widths.map((width) => "-".repeat(width)).join("  ")}\n`,
  );
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

async function prepareDemoDatabase(dataDir) {
  const { openAppContext, migrateDatabase, closeAppContext } = await import(
    join(DIST, "app", "database.js")
  );
  const { loadDemo } = await import(
    join(DIST, "app", "edition", "demo-editions.js")
  );
  const ctx = await openAppContext({
    dialect: "sqlite",
    file: join(dataDir, "fortschritt.sqlite"),
  });
  try {
    await migrateDatabase(ctx);
    await loadDemo(ctx);
  } finally {
    await closeAppContext(ctx);
  }
}

/** Measures the portal routes on a running server against the baselines; prints the table. */
async function portalTable(title, base, serverPid, baselines, routes) {
  const rows = [];
  const results = [];
  for (const route of routes) {
    const measured = {};
    for (const baseline of baselines) {
      if (WARMUP > 0)
        await load(`${baseline.base}${baselinePath(route)}`, {
          pid: null,
          seconds: WARMUP,
        });
      measured[baseline.name] = await loadMedian(
        `${baseline.base}${baselinePath(route)}`,
        { pid: baseline.pid },
      );
    }
    const headers = routeHeaders(route);
    if (WARMUP > 0)
      await load(`${base}${route.path}`, {
        pid: null,
        seconds: WARMUP,
        headers,
      });
    const own = await loadMedian(`${base}${route.path}`, {
      pid: serverPid,
      headers,
    });
    results.push({ route, own, measured });
  }
  process.stdout.write(`\n${title}\n`);
  const reference = baselines[0];
  const node = baselines.find((baseline) => baseline.name === "Node");
  for (const { route, own, measured } of results) {
    for (const baseline of baselines) {
      const m = measured[baseline.name];
      rows.push([
        route.name,
        baseline.label,
        fmt(m.rps),
        "",
        fmt(m.p99, 1),
        fmt(m.cpuPerRequest),
        "",
        "",
      ]);
    }
    if (reference === undefined) {
      rows.push([
        route.name,
        "Fortschritt",
        fmt(own.rps),
        "",
        `${fmt(own.p99, 1)} (≤ ${TARGETS.p99Ms}: ${own.p99 <= TARGETS.p99Ms ? "ok" : "nein"})`,
        fmt(own.cpuPerRequest),
        "",
        fmt(own.failures),
      ]);
      continue;
    }
    const ratio = own.rps / measured[reference.name].rps;
    const cpuRatio =
      node === undefined
        ? NaN
        : own.cpuPerRequest / measured[node.name].cpuPerRequest;
    rows.push([
      route.name,
      "Fortschritt",
      fmt(own.rps),
      `${fmt(ratio, 2)} (≥ ${TARGETS.ratioToBaseline}: ${ratio >= TARGETS.ratioToBaseline ? "ok" : "nein"})`,
      `${fmt(own.p99, 1)} (≤ ${TARGETS.p99Ms}: ${own.p99 <= TARGETS.p99Ms ? "ok" : "nein"}; ${own.p99s.map((value) => fmt(value, 1)).join(" / ")})`,
      fmt(own.cpuPerRequest),
      `${fmt(cpuRatio, 1)} (≤ ${TARGETS.cpuTimesMinimalNode}: ${cpuRatio <= TARGETS.cpuTimesMinimalNode ? "ok" : "nein"})`,
      fmt(own.failures),
    ]);
  }
  printTable(
    [
      "Route",
      "Server",
      "Anfr./s",
      `× ${reference?.label ?? "Basis"}`,
      "p99 ms",
      "CPU µs/Anfr.",
      "× Node-CPU",
      "Fehler",
    ],
    rows,
    2,
  );
  return results;
}

async function main() {
  if (!existsSync(join(DIST, "cli", "main.js")))
    throw new Error(
      "dist/ fehlt: bitte über `npm run bench` starten (baut, wenn nötig).",
    );
  const work = mkdtempSync(join(tmpdir(), "fortschritt-bench-"));
  const children = [];
  const cleanUp = () => {
    for (const child of children) stop(child);
    rmSync(work, { recursive: true, force: true });
  };
  process.once("exit", cleanUp);
  for (const signal of ["SIGINT", "SIGTERM"])
    process.once(signal, () => process.exit(0));

  process.stdout.write(
    `Node ${process.version}, ${CONNECTIONS} Verbindungen, Median aus ${REPEATS} Läufen zu je ${DURATION} s (+${WARMUP} s Aufwärmen), Last mit ${existsSync(WRK) ? "wrk (1 Thread)" : "autocannon"}\n` +
      `${availableParallelism()} CPU-Kerne, Last vorher: ${loadavg()
        .map((value) => fmt(value, 2))
        .join(" / ")} (andere Arbeit auf der Maschine verfälscht jede Zahl)\n`,
  );

  // ── Start ──────────────────────────────────────────────────────────────
  const firstDir = join(work, "first");
  const first = await startServer({
    dataDir: firstDir,
    port: await findFreePort(),
    args: [],
    limitMs: 180_000,
  });
  children.push(first.child);
  stop(first.child);
  const dataDir = join(work, "data");
  mkdirSync(dataDir, { recursive: true });
  await prepareDemoDatabase(dataDir);
  // Cold starts on the existing database: one start says little on a shared machine, so
  // the process is started COLD_STARTS times (each a new process) and the median counts.
  const coldStarts = [];
  for (let i = 1; i < COLD_STARTS; i += 1) {
    const probe = await startServer({ dataDir, port: await findFreePort() });
    children.push(probe.child);
    coldStarts.push(probe.startMs);
    stop(probe.child);
    await new Promise((done) =>
      probe.child.exitCode !== null || probe.child.signalCode !== null
        ? done()
        : probe.child.once("exit", done),
    );
  }
  const port = await findFreePort();
  const server = await startServer({ dataDir, port });
  children.push(server.child);
  coldStarts.push(server.startMs);
  const coldStart = median(coldStarts);
  const base = `http://${HOST}:${port}`;
  const pid = server.child.pid;

  // ── The same bytes for the baselines ────────────────────────────────────
  const bodies = [];
  for (const route of ROUTES) {
    const response = await get(
      `${base}${route.path}`,
      route.encoding === undefined ? {} : { "accept-encoding": route.encoding },
    );
    if (
      route.encoding !== undefined &&
      response?.headers["content-encoding"] !== route.encoding
    )
      process.stdout.write(
        `Achtung: ${route.path} kommt nicht mit ${route.encoding} komprimiert.\n`,
      );
    if (response?.status !== 200)
      process.stdout.write(
        `Achtung: ${route.path} antwortet mit ${response?.status}.\n`,
      );
    bodies.push({
      path: baselinePath(route),
      type: route.type,
      encoding: route.encoding,
      headers: responseHeaders(response?.headers ?? {}),
      body: response?.body ?? Buffer.alloc(0),
    });
  }
  const baselines = [];
  if (existsSync(NGINX)) {
    const nginxPort = await findFreePort();
    const nginx = startNginx(nginxPort, bodies, join(work, "nginx"));
    children.push(nginx);
    await waitFor(`http://${HOST}:${nginxPort}${ROUTES[0].path}`);
    baselines.push({
      name: "nginx",
      label: "nginx",
      base: `http://${HOST}:${nginxPort}`,
      pid: nginx.pid,
    });
  }
  const nodePort = await findFreePort();
  const minimal = startMinimalNode(nodePort, bodies);
  children.push(minimal);
  await waitFor(`http://${HOST}:${nodePort}${ROUTES[0].path}`);
  baselines.push({
    name: "Node",
    label: "Node aus Speicher",
    base: `http://${HOST}:${nodePort}`,
    pid: minimal.pid,
  });

  await portalTable(
    "Öffentliches Portal (Kleve-Demo, SQLite)",
    base,
    pid,
    baselines,
    ROUTES,
  );
  const rssAfterPortal = rssMb(pid);

  // ── A mixed 50-client load: both languages, unknown parameters, filters, compressions ──
  const mixed = [];
  for (const path of new Set(ROUTES.map((route) => route.path))) {
    mixed.push(path, `${path}?lang=en`);
    for (let i = 0; i < 20; i += 1) mixed.push(`${path}?x=${i}`);
  }
  mixed.push(
    "/kleve/zeitstrahl?status=ongoing",
    "/kleve/zeitstrahl?vergleich=1",
    "/kleve/fortschreibungen/1",
    "/kleve/fortschreibungen/2/aenderungen",
    "/kleve/kennzahlen",
  );
  const mixedRun = await load(`${base}/`, {
    pid,
    connections: 50,
    paths: mixed,
    headers: ["Accept-Encoding: gzip, br"],
  });
  const rssAfterMixed = rssMb(pid);
  const report = await memoryReportOf(server);

  process.stdout.write("\nStart und Speicher:\n");
  printTable(
    ["Ziel", "gemessen", "Grenze", "Ergebnis"],
    [
      [
        `Kaltstart bis erste Seite (vorhandene Datenbank, Median von ${coldStarts.length}; ${coldStarts.map((ms) => fmt(ms)).join(" / ")} ms)`,
        `${fmt(coldStart)} ms`,
        `≤ ${TARGETS.coldStartMs} ms`,
        verdict(coldStart <= TARGETS.coldStartMs),
      ],
      [
        "Erster Start mit Demo bis erste Seite",
        `${fmt(first.startMs)} ms`,
        `≤ ${TARGETS.firstStartMs} ms`,
        verdict(first.startMs <= TARGETS.firstStartMs),
      ],
      [
        "RSS nach der Portal-Last",
        `${fmt(rssAfterPortal, 1)} MB`,
        `≤ ${TARGETS.rssAfterPortalMb} MB`,
        verdict(
          rssAfterPortal !== null && rssAfterPortal <= TARGETS.rssAfterPortalMb,
        ),
      ],
      [
        `RSS nach 50 Clients gemischt (${fmt(mixedRun.rps)} Anfr./s, ${fmt(mixedRun.failures)} Fehler)`,
        `${fmt(rssAfterMixed, 1)} MB`,
        `≤ ${TARGETS.rssAfterMixedMb} MB`,
        verdict(
          rssAfterMixed !== null && rssAfterMixed <= TARGETS.rssAfterMixedMb,
        ),
      ],
    ],
  );
  if (report !== null) {
    process.stdout.write(
      `\nWas den Speicher hält (Bericht des Servers): Heap ${fmt(report.heapUsedMb, 1)} von ${fmt(report.heapTotalMb, 1)} MB, extern ${fmt(report.externalMb, 1)} MB (davon Puffer ${fmt(report.arrayBuffersMb, 1)} MB)\n`,
    );
    printTable(
      ["Cache", "Einträge", "belegt KB", "Grenze KB"],
      report.caches.map((cache) => [
        cache.name,
        fmt(cache.entries),
        fmt(cache.bytes / 1024),
        fmt(cache.maxBytes / 1024),
      ]),
    );
  }
  stop(server.child);

  // ── Many municipalities on PostgreSQL ───────────────────────────────────
  if (MUNICIPALITIES > 0) await scaleRun(work, children);
}

/** BENCH_MUNICIPALITIES synthetic municipalities in a fresh PostgreSQL database. */
async function scaleRun(work, children) {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `fortschritt_bench_${process.pid}`;
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const started = performance.now();
    const generated = spawnSync(
      process.execPath,
      [
        join(DIST, "cli", "main.js"),
        "demo",
        "--synthetic",
        String(MUNICIPALITIES),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: url.toString(),
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const generationSeconds = (performance.now() - started) / 1000;
    if (generated.status !== 0)
      throw new Error(
        `fortschritt demo --synthetic ${MUNICIPALITIES} ist fehlgeschlagen`,
      );
    process.stdout.write(
      `\n${MUNICIPALITIES} Kommunen erzeugt in ${fmt(generationSeconds, 1)} s (PostgreSQL, über den normalen Import).\n`,
    );
    const port = await findFreePort();
    const server = await startServer({
      dataDir: join(work, "scale"),
      port,
      env: { DATABASE_URL: url.toString() },
      probe: "/kleve/",
    });
    children.push(server.child);
    const routes = [
      { name: "Kommunenliste /", path: "/", type: "text/html; charset=utf-8" },
      {
        name: "Kommunenliste Suche",
        path: "/?q=kleve",
        type: "text/html; charset=utf-8",
      },
      ...ROUTES,
    ];
    // Compared with the one-city figures above (target: within 1.5× of them).
    await portalTable(
      `Mit ${MUNICIPALITIES} Kommunen (PostgreSQL)`,
      `http://${HOST}:${port}`,
      server.child.pid,
      [],
      routes,
    );
    process.stdout.write(`RSS danach: ${fmt(rssMb(server.child.pid), 1)} MB\n`);
    stop(server.child);
  } finally {
    await admin
      .query(`drop database if exists ${name} with (force)`)
      .catch(() => undefined);
    await admin.end();
  }
}

// A hard limit, so that a hanging run never blocks a terminal or a CI job.
const overallLimitMs =
  (20 * (DURATION + WARMUP + 10) + 600 + (MUNICIPALITIES > 0 ? 3600 : 0)) *
  1000;
setTimeout(() => {
  process.stdout.write(
    `\nMessung nach ${overallLimitMs / 1000} s abgebrochen.\n`,
  );
  process.exit(0);
}, overallLimitMs).unref();

try {
  await main();
} catch (error) {
  process.stdout.write(
    `\nMessung abgebrochen: ${error instanceof Error ? error.message : String(error)}\n`,
  );
}
process.exit(0);
