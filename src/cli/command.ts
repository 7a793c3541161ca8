/** What every CLI command shares: its shape, argument errors and how errors are printed. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  closeAppContext,
  connectionTargetOf,
  migrateDatabase,
  openAppContext,
} from "../app/database.js";
import type { MailDelivery } from "../app/auth/passwords.js";
import type { AppContext } from "../app/context.js";
import { createSmtpMailer } from "../app/mail/mailer.js";
import { loadConfig, type Config } from "../config.js";
import { AppError } from "../errors.js";
import { de } from "../i18n/de.js";
import { resolveSecretKey } from "./secret-key.js";
import { isLogged, logCli } from "./log.js";

/** A CLI command. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(args: readonly string[]): Promise<number>;
}

/** Wrong arguments: the command's help is shown with the message. */
export class UsageError extends Error {}

/**
 * Runs the action the first argument names ("add", "list" …) with the arguments after it;
 * none or another word is a UsageError that names the actions.
 */
export function runAction(
  args: readonly string[],
  actions: Readonly<
    Record<string, (rest: readonly string[]) => Promise<number>>
  >,
): Promise<number> {
  const [action, ...rest] = args;
  if (action !== undefined && Object.hasOwn(actions, action))
    return actions[action]!(rest);
  const names = Object.keys(actions);
  const named =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(", ")} oder ${names.at(-1)}`;
  throw new UsageError(
    action === undefined
      ? `Bitte geben Sie ${named} an.`
      : `Unbekannte Aktion "${action}".`,
  );
}

/** A role as the CLI prints it: its German name and its word ("Redaktion (editor)"). */
export function describeRole(role: string): string {
  const names: Readonly<Record<string, string>> = de.identity.roleName;
  return `${names[role] ?? role} (${role})`;
}

/** Parses arguments strictly; an unknown option is a UsageError in German. */
export function parseCommandArgs<
  O extends NonNullable<ParseArgsConfig["options"]>,
>(args: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      `Ungültige Angabe: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Arguments other than options are a UsageError. */
export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0)
    throw new UsageError(`Unerwartete Angabe: ${positionals.join(" ")}`);
}

/** Prints an error for a person: the message, and for invalid input every problem with its path. */
export function writeError(error: unknown): void {
  if (!isLogged("error")) return;
  if (error instanceof AppError) {
    process.stderr.write(`Fehler (${error.code}): ${error.message}\n`);
    for (const problem of error.problems)
      process.stderr.write(`  ${problem.path}: ${problem.message}\n`);
    return;
  }
  process.stderr.write(
    `Unerwarteter Fehler: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}

/** Opens the configured database, brings it up to date, runs the action and closes it again. */
export async function withDatabase<T>(
  action: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const target = connectionTargetOf(config);
  logCli("debug", `Datenbank: ${describeTarget(target)}`);
  const ctx = await openAppContext(target, {
    secretKey: resolveSecretKey(config).key,
  });
  try {
    await migrateDatabase(ctx);
    return await action(ctx);
  } finally {
    await closeAppContext(ctx);
  }
}

/** How the configuration delivers mail: null without SMTP or without the public address its links need. */
export function mailDeliveryOf(config: Config): MailDelivery | null {
  return config.mail === null || config.publicBaseUrl === null
    ? null
    : {
        mailer: createSmtpMailer({
          url: config.mail.smtpUrl,
          from: config.mail.from,
        }),
        publicBaseUrl: config.publicBaseUrl,
      };
}

/** The database a command uses, without a password, for the debug log. */
export function describeTarget(
  target: ReturnType<typeof connectionTargetOf>,
): string {
  if (target.dialect === "sqlite") return `SQLite ${target.file}`;
  const url = new URL(target.url);
  url.password = "";
  return `PostgreSQL ${url.toString()}`;
}
