/**
 * `npm run bench`: measures the compiled server on the Kleve demo catalogue: cold start to the first page, throughput and latency of four public
 * routes under autocannon, and the server's memory afterwards. It prints the numbers next
 * to the targets and always exits 0: it is a measurement, not a test (machines differ).
 *
 * Environment: BENCH_DURATION (seconds per route, default 10), BENCH_CONNECTIONS
 * (default 100), BENCH_WARMUP (seconds per route before measuring, default 2).
 * Everything runs on 127.0.0.1; the server is killed at the end, also after an error.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist", "src");
const HOST = "127.0.0.1";

const DURATION = positiveNumber("BENCH_DURATION", 10);
const CONNECTIONS = positiveNumber("BENCH_CONNECTIONS", 100);
const WARMUP = positiveNumber("BENCH_WARMUP", 2, { allowZero: true });
const COLD_START_LIMIT_MS = 30_000;

const ROUTES = [
  { name: "Übersicht", path: "/kleve/" },
  {
    name: "Projektseite",
    path: "/kleve/projekte/e-rechnungsworkflow",
    isTargetRoute: true,
  },
  { name: "Zeitstrahl", path: "/kleve/zeitstrahl" },
  { name: "Katalog-API", path: "/api/v1/municipalities/kleve/catalogue" },
];

/** The performance targets of the public portal. */
const TARGETS = {
  projectPageRequestsPerSecond: 5000,
  projectPageP99Ms: 10,
  coldStartMs: 1000,
  rssMb: 150,
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

/** A port that was free a moment ago (the server binds it right after). */
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

/** Status code of one GET, or null when the server does not answer yet. */
function statusOf(url) {
  return new Promise((resolveStatus) => {
    const req = request(
      url,
      { method: "GET", agent: false, timeout: 2000 },
      (res) => {
        res.resume();
        res.once("end", () => resolveStatus(res.statusCode ?? null));
        res.once("error", () => resolveStatus(null));
      },
    );
    req.once("timeout", () => req.destroy());
    req.once("error", () => resolveStatus(null));
    req.end();
  });
}

const sleep = (ms) =>
  new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** Creates the data directory with a migrated database holding the demo catalogue. */
async function prepareDatabase(dataDir) {
  const { openAppContext, migrateDatabase, closeAppContext } = await import(
    join(DIST, "app", "database.js")
  );
  const { importDemoCatalogue } = await import(
    join(DIST, "app", "catalogue", "import-catalogue.js")
  );
  const ctx = await openAppContext({
    dialect: "sqlite",
    file: join(dataDir, "fortschritt.sqlite"),
  });
  try {
    await migrateDatabase(ctx);
    await importDemoCatalogue(ctx);
  } finally {
    await closeAppContext(ctx);
  }
}

/** Starts `fortschritt serve` and measures the time from spawn to the first 200 of the overview. */
async function startServer(dataDir, port) {
  const output = [];
  const startedAt = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [join(DIST, "cli", "main.js"), "serve", "--no-demo"],
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
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = null;
  child.once("exit", (code, signal) => (exited = { code, signal }));

  const url = `http://${HOST}:${port}/kleve/`;
  for (;;) {
    if (exited !== null) {
      throw new Error(
        `Der Server hat sich beendet (${JSON.stringify(exited)}):\n${output.join("")}`,
      );
    }
    const elapsedMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
    if (elapsedMs > COLD_START_LIMIT_MS) {
      child.kill("SIGKILL");
      throw new Error(
        `Der Server hat nach ${COLD_START_LIMIT_MS} ms noch keine Seite geliefert:\n${output.join("")}`,
      );
    }
    const status = await statusOf(url);
    if (status === 200)
      return {
        child,
        coldStartMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
        output,
      };
    if (status !== null) {
      child.kill("SIGKILL");
      throw new Error(
        `${url} antwortet mit ${status} statt 200:\n${output.join("")}`,
      );
    }
    await sleep(5);
  }
}

/** One autocannon run; bounded by its duration plus a margin. */
function cannon(url, seconds) {
  return new Promise((resolveRun, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, timeout: 10 },
      (error, result) => (error ? reject(error) : resolveRun(result)),
    );
    const guard = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
    instance.once("done", () => clearTimeout(guard));
  });
}

/** Resident memory of a process in MB (Linux /proc; `ps` elsewhere). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name) => {
      const match = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status);
      return match === null ? null : Number(match[1]) / 1024;
    };
    return { rss: field("VmRSS"), peak: field("VmHWM") };
  } catch {
    return { rss: null, peak: null };
  }
}

const format = {
  number: (value, digits = 0) =>
    value === null || value === undefined || Number.isNaN(value)
      ? "–"
      : value.toLocaleString("de-DE", {
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
          useGrouping: false,
        }),
  verdict: (isMet) => (isMet ? "erfüllt" : "NICHT erfüllt"),
};

/** Prints an aligned table; the first `textColumns` columns are left-aligned, numbers right-aligned. */
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

async function main() {
  if (!existsSync(join(DIST, "cli", "main.js"))) {
    throw new Error(
      "dist/ fehlt: bitte über `npm run bench` starten (baut vorher).",
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), "fortschritt-bench-"));
  let server = null;
  const stopServer = () => {
    if (
      server !== null &&
      server.child.exitCode === null &&
      server.child.signalCode === null
    )
      server.child.kill("SIGKILL");
  };
  process.once("exit", stopServer);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopServer();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  }
  try {
    process.stdout.write(
      `Node ${process.version}, ${CONNECTIONS} Verbindungen, ${DURATION} s je Route (+${WARMUP} s Aufwärmen)\n` +
        // Other work on the machine skews every number below; the load average shows how much there was.
        `${availableParallelism()} CPU-Kerne, Last vorher: ${loadavg()
          .map((value) => format.number(value, 2))
          .join(" / ")}\n`,
    );
    await prepareDatabase(dataDir);
    const port = await findFreePort();
    server = await startServer(dataDir, port);
    const base = `http://${HOST}:${port}`;

    const results = [];
    for (const route of ROUTES) {
      const url = `${base}${route.path}`;
      const status = await statusOf(url);
      if (status !== 200)
        process.stdout.write(
          `Achtung: ${route.path} antwortet mit ${status}.\n`,
        );
      if (WARMUP > 0) await cannon(url, WARMUP);
      const result = await cannon(url, DURATION);
      results.push({ route, result });
    }
    const memory = memoryOf(server.child.pid);

    process.stdout.write("\n");
    printTable(
      ["Route", "Pfad", "Anfr./s", "p50 ms", "p99 ms", "Fehler", "nicht 2xx"],
      results.map(({ route, result }) => [
        route.name,
        route.path,
        format.number(result.requests.average),
        format.number(result.latency.p50, 1),
        format.number(result.latency.p99, 1),
        format.number(result.errors),
        format.number(result.non2xx),
      ]),
      2,
    );

    const project = results.find(({ route }) => route.isTargetRoute)?.result;
    process.stdout.write("\nZiele des öffentlichen Portals:\n");
    printTable(
      ["Ziel", "gemessen", "Grenze", "Ergebnis"],
      [
        [
          "Projektseite Anfragen/s",
          format.number(project?.requests.average),
          `≥ ${format.number(TARGETS.projectPageRequestsPerSecond)}`,
          format.verdict(
            (project?.requests.average ?? 0) >=
              TARGETS.projectPageRequestsPerSecond,
          ),
        ],
        [
          "Projektseite p99",
          `${format.number(project?.latency.p99, 1)} ms`,
          `≤ ${TARGETS.projectPageP99Ms} ms`,
          format.verdict(
            project !== undefined &&
              project.latency.p99 <= TARGETS.projectPageP99Ms &&
              project.errors === 0 &&
              project.non2xx === 0,
          ),
        ],
        [
          "Kaltstart bis erste Seite",
          `${format.number(server.coldStartMs)} ms`,
          `≤ ${format.number(TARGETS.coldStartMs)} ms`,
          format.verdict(server.coldStartMs <= TARGETS.coldStartMs),
        ],
        [
          "RSS nach den Läufen",
          `${format.number(memory.rss, 1)} MB`,
          `≤ ${TARGETS.rssMb} MB`,
          format.verdict(memory.rss !== null && memory.rss <= TARGETS.rssMb),
        ],
      ],
    );
    process.stdout.write(
      `(Spitzenwert RSS während der Läufe: ${format.number(memory.peak, 1)} MB. Lastgenerator und Server teilen sich die Maschine.)\n`,
    );
  } catch (error) {
    process.stdout.write(
      `\nMessung abgebrochen: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  } finally {
    stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// A hard limit, so that a hanging run never blocks a terminal or a CI job.
const overallLimitMs = (ROUTES.length * (DURATION + WARMUP + 40) + 60) * 1000;
setTimeout(() => {
  process.stdout.write(
    `\nMessung nach ${overallLimitMs / 1000} s abgebrochen.\n`,
  );
  process.exit(0);
}, overallLimitMs).unref();

await main();
process.exit(0);
