/** `fortschritt serve`: starts the web server (and loads the demo on the very first start). */
import { DEMO_REPORT_LOADED, loadDemoReport } from "../../app/reports/demo-report.js";
import { loadDemo } from "../../app/edition/demo-editions.js";
import {
  closeAppContext,
  connectionTargetOf,
  isDatabaseEmpty,
  migrateDatabase,
  openAppContext,
} from "../../app/database.js";
import { purgeExpiredSessions } from "../../app/auth/sessions.js";
import { createSmtpMailer } from "../../app/mail/mailer.js";
import { standardJobs } from "../../app/scheduler/jobs.js";
import { createScheduler } from "../../app/scheduler/scheduler.js";
import { loadConfig } from "../../config.js";
import { buildApp } from "../../web/build-app.js";
import { parseCommandArgs, type Command } from "../command.js";
import { describeDemo } from "./demo.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "Den Webserver starten (Portal, Verwaltung, API)",
  help: [
    "Aufruf: fortschritt serve [--no-demo]",
    "",
    "Startet Fortschritt auf HOST:PORT (Standard 127.0.0.1:3000). Ist die Datenbank leer,",
    "wird beim ersten Start der Demo-Katalog der Stadt Kleve geladen.",
    "",
    "Optionen:",
    "  --no-demo  eine leere Datenbank leer lassen",
  ].join("\n"),
  async run(args) {
    const { values } = parseCommandArgs(args, { "no-demo": { type: "boolean" } });
    const config = loadConfig();
    const ctx = await openAppContext(connectionTargetOf(config));
    await migrateDatabase(ctx);
    if (values["no-demo"] !== true && (await isDatabaseEmpty(ctx))) {
      process.stdout.write(describeDemo(await loadDemo(ctx)) + "\n");
      if (await loadDemoReport(ctx)) process.stdout.write(`${DEMO_REPORT_LOADED}\n`);
    }
    const mail =
      config.mail === null || config.publicBaseUrl === null
        ? null
        : { mailer: createSmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from }), publicBaseUrl: config.publicBaseUrl };
    const app = await buildApp(ctx, {
      logger: config.logLevel !== "silent",
      mail,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      sso: config.sso,
      chromiumPath: config.chromiumPath,
    });
    // Ended sessions and old login attempts are removed now and then; any process may do it.
    const purge = setInterval(() => {
      purgeExpiredSessions(ctx).catch((error: unknown) => app.log.error({ err: error }, "could not purge expired sessions"));
    }, 15 * 60_000);
    purge.unref();
    // Periodic jobs (reminders before reports …): every process runs the scheduler, a lease
    // in the database lets one of them run each due job (docs/operations.md).
    const scheduler = createScheduler(ctx, standardJobs({ mail }), {
      onError: (job, error) => app.log.error({ err: error, job }, "periodic job failed"),
    });
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
    await app.listen({ port: config.port, host: config.host });
    process.stdout.write(`Fortschritt läuft: http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/\n`);
    return 0;
  },
};
