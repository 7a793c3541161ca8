/** `fortschritt backup <file>` and `fortschritt restore <file>`: the whole database in one file (docs/operations.md). */
import { createBackup, restoreBackup } from "../../app/backup/backup.js";
import {
  parseCommandArgs,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";

function singleFile(positionals: readonly string[]): string {
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0)
    throw new UsageError("Bitte genau eine Datei angeben.");
  return file;
}

function totalRows(rows: Readonly<Record<string, number>>): number {
  return Object.values(rows).reduce((sum, count) => sum + count, 0);
}

export const backupCommand: Command = {
  name: "backup",
  summary: "Die ganze Datenbank in eine Datei sichern (im laufenden Betrieb)",
  help: [
    "Aufruf: fortschritt backup <Datei>",
    "",
    "Schreibt alle Kommunen mit Konten, API-Tokens, Protokoll, Fortschreibungen, Berichten,",
    "Kennzahlen, Leistungsverzeichnis, Gremien und Katalog in eine Datei (gzip, JSON-Zeilen,",
    "mit SHA-256-Prüfsumme und Schemastand). Fortschritt darf dabei weiterlaufen: die Sicherung",
    "zeigt einen einzigen Zeitpunkt. Anmeldungen (Sitzungen) werden nicht gesichert.",
    "Eine SQLite-Sicherung lässt sich in PostgreSQL wiederherstellen und umgekehrt.",
    "Eine vorhandene Datei wird erst ersetzt, wenn die neue vollständig ist.",
  ].join("\n"),
  async run(args) {
    const { positionals } = parseCommandArgs(args, {});
    const file = singleFile(positionals);
    const summary = await withDatabase((ctx) => createBackup(ctx, file));
    process.stdout.write(
      `Gesichert: ${totalRows(summary.rows)} Zeilen aus ${Object.keys(summary.rows).length} Tabellen in ${summary.file}\n` +
        `SHA-256: ${summary.sha256}\nSchemastand: ${summary.migrations.at(-1) ?? "–"}\n`,
    );
    return 0;
  },
};

export const restoreCommand: Command = {
  name: "restore",
  summary: "Eine Sicherung in eine leere Datenbank zurückspielen",
  help: [
    "Aufruf: fortschritt restore <Datei> [--force]",
    "",
    "Prüft Prüfsumme und Schemastand der Sicherung und spielt sie in einer einzigen Transaktion",
    "in die konfigurierte Datenbank (DATABASE_URL oder FORTSCHRITT_DATA_DIR) zurück: ganz oder",
    "gar nicht. Eine Datenbank, die schon Daten enthält, wird abgelehnt. Fortschritt vorher",
    "anhalten; alle müssen sich danach neu anmelden.",
    "",
    "Optionen:",
    "  --force  vorhandene Daten vollständig ersetzen",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      force: { type: "boolean" },
    });
    const file = singleFile(positionals);
    const summary = await withDatabase((ctx) =>
      restoreBackup(ctx, file, { force: values.force === true }),
    );
    process.stdout.write(
      `Wiederhergestellt: ${totalRows(summary.rows)} Zeilen aus ${Object.keys(summary.rows).length} Tabellen ` +
        `(Sicherung vom ${summary.header.createdAt}, ${summary.header.dialect}).\n`,
    );
    return 0;
  },
};
