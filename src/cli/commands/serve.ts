/** `fortschritt serve`: starts the web server (and loads the demo on the very first start). */
import {
  DEMO_REPORT_LOADED,
  loadDemoReport,
} from "../../app/reports/demo-report.js";
import { loadDemo } from "../../app/edition/demo-editions.js";
import {
  closeAppContext,
  connectionTargetOf,
  isDatabaseEmpty,
  migrateDatabase,
  openAppContext,
} from "../../app/database.js";
import { purgeExpiredSessions } from "../../app/auth/sessions.js";
import { loadConfig, type Config } from "../../config.js";
import { buildApp, type BuildAppOptions } from "../../web/build-app.js";
import { memoryReport } from "../../app/memory-report.js";
import cluster from "node:cluster";
import {
  describeTarget,
  mailDeliveryOf,
  parseCommandArgs,
  UsageError,
  type Command,
} from "../command.js";
import { logCli } from "../log.js";
import { sealPlainTotpSecrets } from "../../app/auth/secret-rotation.js";
import { resolveSecretKey } from "../secret-key.js";
import { standardJobs } from "../../app/scheduler/jobs.js";
import { createScheduler } from "../../app/scheduler/scheduler.js";
import { describeDemo } from "./demo.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "Den Webserver starten (Portal, Verwaltung, API)",
  help: [
    "Aufruf: fortschritt serve [--no-demo] [--workers N]",
    "",
    "Startet Fortschritt auf HOST:PORT (Standard 127.0.0.1:3000). Ist die Datenbank leer,",
    "wird beim ersten Start der Demo-Katalog der Stadt Kleve geladen.",
    "",
    "Optionen:",
    "  --no-demo      eine leere Datenbank leer lassen",
    "  --workers N    N Prozesse teilen sich den Port (node:cluster); Seiten-Caches bleiben über",
    "                 die Datenbank abgestimmt (docs/operations.md, Betrieb mit mehreren Prozessen)",
  ].join("\n"),
  async run(args) {
    const { values } = parseCommandArgs(args, {
      "no-demo": { type: "boolean" },
      workers: { type: "string" },
    });
    const workers = parseWorkers(values.workers);
    const config = loadConfig();
    // Refused before anything else in production without FORTSCHRITT_SECRET_KEY.
    const secretKey = resolveSecretKey(config, process.env, (warning) =>
      process.stderr.write(`${warning}\n`),
    ).key;
    const target = connectionTargetOf(config);
    logCli("debug", `Datenbank: ${describeTarget(target)}`);
    const ctx = await openAppContext(target, { secretKey });
    // With workers, the primary prepares the database once and then only watches them.
    if (!cluster.isWorker) {
      await migrateDatabase(ctx);
      // Second-factor secrets stored before encryption are sealed now (a no-op once done).
      await sealPlainTotpSecrets(ctx);
      if (values["no-demo"] !== true && (await isDatabaseEmpty(ctx))) {
        process.stdout.write(describeDemo(await loadDemo(ctx)) + "\n");
        if (await loadDemoReport(ctx))
          process.stdout.write(`${DEMO_REPORT_LOADED}\n`);
      }
    }
    if (workers > 1 && cluster.isPrimary) {
      await closeAppContext(ctx);
      superviseWorkers(
        workers,
        `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/`,
      );
      return 0;
    }
    const appOptions = serverAppOptions(config);
    const app = await buildApp(ctx, appOptions);
    // Ended sessions and old login attempts are removed now and then; any process may do it.
    const purge = setInterval(() => {
      purgeExpiredSessions(ctx).catch((error: unknown) =>
        app.log.error({ err: error }, "could not purge expired sessions"),
      );
    }, 15 * 60_000);
    purge.unref();
    // Periodic jobs (reminders before reports …): every process runs the scheduler, a lease
    // in the database lets one of them run each due job (docs/operations.md).
    const scheduler = createScheduler(
      ctx,
      standardJobs({ mail: appOptions.mail ?? null }),
      {
        onError: (job, error) =>
          app.log.error({ err: error, job }, "periodic job failed"),
      },
    );
    scheduler.start();
    const shutdown = (): void => {
      clearInterval(purge);
      void scheduler
        .stop()
        .then(() => app.close())
        .then(() => closeAppContext(ctx));
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
    // `kill -USR2 <pid>`: one JSON line on stderr saying what holds memory (heap, caches).
    process.on("SIGUSR2", () =>
      process.stderr.write(`${JSON.stringify({ memory: memoryReport() })}\n`),
    );
    await app.listen({ port: config.port, host: config.host });
    if (!cluster.isWorker)
      process.stdout.write(
        `Fortschritt läuft: http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/\n`,
      );
    return 0;
  },
};

/** How `serve` builds the app from the configuration: the log at LOG_LEVEL, mail, cookies, proxy, single sign-on, Chromium. */
export function serverAppOptions(config: Config): BuildAppOptions {
  return {
    logger: { level: config.logLevel },
    mail: mailDeliveryOf(config),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    sso: config.sso,
    chromiumPath: config.chromiumPath,
  };
}

/** The number of worker processes: 1 without the option. */
function parseWorkers(text: string | undefined): number {
  if (text === undefined) return 1;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64)
    throw new UsageError(
      `--workers erwartet eine ganze Zahl von 1 bis 64, nicht „${text}“.`,
    );
  return value;
}

/**
 * Starts the workers (each runs `serve` and listens on the shared port), replaces one that
 * ends unexpectedly (after a short pause, so that a worker failing at start does not spin)
 * and ends them all on SIGINT/SIGTERM.
 */
function superviseWorkers(count: number, url: string): void {
  let stopping = false;
  for (let i = 0; i < count; i += 1) cluster.fork();
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === count)
      process.stdout.write(
        `Fortschritt läuft mit ${count} Prozessen: ${url}\n`,
      );
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `Prozess ${worker.process.pid} endete (${signal ?? code}); ein neuer wird gestartet.\n`,
    );
    setTimeout(() => cluster.fork(), 1000).unref();
  });
  const stopAll = (): void => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {}))
      worker?.kill("SIGTERM");
  };
  process.once("SIGINT", stopAll);
  process.once("SIGTERM", stopAll);
}
