/**
 * What the command line says besides its results, by LOG_LEVEL (as the server's log):
 * errors at "error" (so "silent" and "fatal" keep even them back; the exit code still
 * tells), what it connects to and does at "debug". Results (an export, "42 Projekte
 * geladen") are the command's output and are always written.
 */
import { LOG_LEVELS, type LogLevel } from "../config.js";

/** The level LOG_LEVEL asks for; "info" when unset or unknown (loadConfig reports an unknown one). */
export function cliLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const text = env.LOG_LEVEL?.trim() ?? "";
  return (LOG_LEVELS as readonly string[]).includes(text)
    ? (text as LogLevel)
    : "info";
}

/** Whether a message of the level is written at the current LOG_LEVEL. */
export function isLogged(
  level: Exclude<LogLevel, "silent">,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(cliLogLevel(env));
}

/** Writes a diagnostic line to stderr when the level is logged. */
export function logCli(
  level: Exclude<LogLevel, "silent">,
  message: string,
): void {
  if (isLogged(level)) process.stderr.write(`${message}\n`);
}
