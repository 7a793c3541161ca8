#!/usr/bin/env node
/**
 * The one command-line tool: `fortschritt <command>`. Each command lives in
 * commands/<verb>.ts and calls app/ use cases, never the database directly.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { AppError } from "../errors.js";
import { backupCommand, restoreCommand } from "./commands/backup.js";
import { demoCommand } from "./commands/demo.js";
import { exportJsonCommand } from "./commands/export-json.js";
import {
  exportXlsxCommand,
  importXlsxCommand,
} from "./commands/catalogue-sheets.js";
import { importJsonCommand } from "./commands/import-json.js";
import { migrateCommand } from "./commands/migrate.js";
import { municipalityCommand } from "./commands/municipality.js";
import { openApiCommand } from "./commands/openapi.js";
import { oparlCommand } from "./commands/oparl.js";
import { serveCommand } from "./commands/serve.js";
import { tokenCommand } from "./commands/token.js";
import { userCommand } from "./commands/user.js";
import { operatorCommand } from "./commands/operator.js";
import type { Command } from "./command.js";
import { UsageError, writeError } from "./command.js";
import { secretsCommand } from "./commands/secrets.js";

const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  demoCommand,
  exportJsonCommand,
  importJsonCommand,
  exportXlsxCommand,
  importXlsxCommand,
  municipalityCommand,
  userCommand,
  operatorCommand,
  tokenCommand,
  openApiCommand,
  secretsCommand,
  backupCommand,
  restoreCommand,
  oparlCommand,
];

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "Fortschritt – Digitalisierungsprogramme planen, fortschreiben, berichten und veröffentlichen.",
    "",
    "Aufruf: fortschritt <Befehl> [Optionen]",
    "",
    "Befehle:",
    ...COMMANDS.map(
      (command) => `  ${command.name.padEnd(width)}  ${command.summary}`,
    ),
    "",
    "Hilfe zu einem Befehl: fortschritt <Befehl> --help",
    "Rückgabewerte: 0 erledigt, 1 Eingabe oder Vorgang abgelehnt (nichts geändert), 2 falscher Aufruf, 70 interner Fehler.",
    "",
    "Umgebungsvariablen: PORT (3000), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; sonst SQLite), DATABASE_READ_URL (Replikat),",
    "FORTSCHRITT_DATA_DIR (Verzeichnis der SQLite-Datei, ./data), LOG_LEVEL (info),",
    "PUBLIC_BASE_URL, SMTP_URL, MAIL_FROM (E-Mails), TRUST_PROXY, COOKIE_SECURE,",
    "FORTSCHRITT_SECRET_KEY (Schlüssel für den zweiten Faktor; Pflicht mit NODE_ENV=production); siehe README.",
  ].join("\n");
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (
    name === undefined ||
    name === "--help" ||
    name === "-h" ||
    name === "help"
  ) {
    process.stdout.write(generalHelp() + "\n");
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    process.stderr.write(`Unbekannter Befehl "${name}".\n\n${generalHelp()}\n`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(command.help + "\n");
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${command.help}\n`);
      return 2;
    }
    writeError(error);
    return error instanceof AppError ? 1 : 70;
  }
}

/** Whether Node was started with this file, also through a link (npm installs the binary as one). */
function startedAsProgram(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

const isEntryPoint = startedAsProgram();
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      // serve keeps the process alive itself; every other command ends here.
      if (code !== 0) process.exitCode = code;
    },
    (error: unknown) => {
      writeError(error);
      process.exitCode = 70;
    },
  );
}
