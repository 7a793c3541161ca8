/** `fortschritt migrate`: brings the database schema up to date. */
import {
  closeAppContext,
  connectionTargetOf,
  migrateDatabase,
  openAppContext,
} from "../../app/database.js";
import { loadConfig } from "../../config.js";
import { describeTarget, parseCommandArgs, type Command } from "../command.js";
import { logCli } from "../log.js";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Datenbankschema auf den neuesten Stand bringen",
  help: [
    "Aufruf: fortschritt migrate",
    "",
    "Legt fehlende Tabellen an und führt ausstehende Schemaänderungen aus.",
    "Die Datenbank bestimmt DATABASE_URL (PostgreSQL) oder FORTSCHRITT_DATA_DIR (SQLite).",
  ].join("\n"),
  async run(args) {
    parseCommandArgs(args, {});
    const target = connectionTargetOf(loadConfig());
    logCli("debug", `Datenbank: ${describeTarget(target)}`);
    const ctx = await openAppContext(target);
    try {
      const applied = await migrateDatabase(ctx);
      process.stdout.write(
        applied.length === 0
          ? "Das Datenbankschema ist bereits aktuell.\n"
          : `Ausgeführt: ${applied.join(", ")}\n`,
      );
      return 0;
    } finally {
      await closeAppContext(ctx);
    }
  },
};
