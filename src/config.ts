/**
 * The one validated configuration, read from the environment at start-up. A wrong value
 * stops the process with a message that names the variable, instead of failing later.
 */
import { resolve } from "node:path";
import { AppError } from "./errors.js";
import { findProjectRoot } from "./project-root.js";

/** Everything the process can be configured with. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; null selects the embedded SQLite file. */
  readonly databaseUrl: string | null;
  /** Directory of the SQLite file (and later uploads and backups). */
  readonly dataDir: string;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const portText = env.PORT ?? "3000";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    problems.push(`PORT muss eine Zahl von 1 bis 65535 sein (ist: "${portText}").`);
  }

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL muss mit postgres:// oder postgresql:// beginnen.");
  }

  const logLevel = (env.LOG_LEVEL ?? "info") as Config["logLevel"];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL muss einer von ${LOG_LEVELS.join(", ")} sein.`);
  }

  if (problems.length > 0) {
    throw new AppError("ERR_CONFIG_INVALID", { detail: problems.join(" ") });
  }

  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl,
    dataDir: resolve(env.FORTSCHRITT_DATA_DIR ?? resolve(findProjectRoot(), "data")),
    logLevel,
  };
}
