/** `fortschritt serve`: starts the web server (and loads the demo on the very first start). */
import { importDemoCatalogue } from "../../app/catalogue/import-catalogue.js";
import {
  closeAppContext,
  connectionTargetOf,
  isDatabaseEmpty,
  migrateDatabase,
  openAppContext,
} from "../../app/database.js";
import { loadConfig } from "../../config.js";
import { buildApp } from "../../web/build-app.js";
import { parseCommandArgs, type Command } from "../command.js";
import { describeImport } from "./import-json.js";

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
      process.stdout.write(describeImport(await importDemoCatalogue(ctx)) + "\n");
    }
    const app = await buildApp(ctx, { logger: config.logLevel !== "silent" });
    const shutdown = (): void => {
      void app.close().then(() => closeAppContext(ctx));
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
    await app.listen({ port: config.port, host: config.host });
    process.stdout.write(`Fortschritt läuft: http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/\n`);
    return 0;
  },
};
