/**
 * Where the key for second-factor secrets comes from (docs/adr/0013): the environment
 * variable FORTSCHRITT_SECRET_KEY. In production (NODE_ENV=production) it is required and
 * Fortschritt does not start without it. Elsewhere — development, a demo on a laptop — a
 * missing key is created once in the data directory (secret.key, readable by the owner
 * only), with a warning: the key then lies beside the database it protects.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  formatSecretKey,
  newSecretKey,
  parseSecretKey,
  type SecretKey,
} from "../app/auth/secret-box.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";

/** The environment variable of the key. */
export const SECRET_KEY_VARIABLE = "FORTSCHRITT_SECRET_KEY";

/** The key file used without the variable, outside production. */
export function secretKeyFileOf(config: Pick<Config, "dataDir">): string {
  return join(config.dataDir, "secret.key");
}

/** Where the key was found. */
export interface ResolvedSecretKey {
  readonly key: SecretKey;
  /** The key file, when the key came from one (not from the environment). */
  readonly file: string | null;
}

/**
 * The key: from the environment, or (outside production) from the key file, created when
 * missing. `warn` is told when the key file is used (`serve` prints it; one-off commands stay quiet).
 */
export function resolveSecretKey(
  config: Pick<Config, "dataDir">,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = () => undefined,
): ResolvedSecretKey {
  const text = env[SECRET_KEY_VARIABLE];
  if (text !== undefined && text.trim() !== "") {
    const key = parseSecretKey(text);
    if (key === null) {
      throw new AppError("ERR_CONFIG_INVALID", {
        detail: `${SECRET_KEY_VARIABLE} muss 32 Byte lang sein: 64 Hexadezimalziffern oder 43 Zeichen Base64url (z. B. erzeugt mit: openssl rand -base64 32).`,
      });
    }
    return { key, file: null };
  }
  if (env.NODE_ENV === "production") {
    throw new AppError("ERR_CONFIG_INVALID", {
      detail: `${SECRET_KEY_VARIABLE} fehlt. Im Betrieb (NODE_ENV=production) startet Fortschritt nicht ohne den Schlüssel für die Geheimnisse des zweiten Faktors (erzeugen: openssl rand -base64 32).`,
    });
  }
  const file = secretKeyFileOf(config);
  if (existsSync(file)) {
    const key = parseSecretKey(readFileSync(file, "utf8"));
    if (key === null)
      throw new AppError("ERR_CONFIG_INVALID", {
        detail: `Die Schlüsseldatei ${file} enthält keinen gültigen Schlüssel.`,
      });
    warn(
      `Warnung: ${SECRET_KEY_VARIABLE} ist nicht gesetzt; der Schlüssel für den zweiten Faktor kommt aus ${file}. Im Betrieb die Variable setzen.`,
    );
    return { key, file };
  }
  const key = newSecretKey();
  writeSecretKeyFile(file, key);
  warn(
    `Warnung: ${SECRET_KEY_VARIABLE} ist nicht gesetzt; ein neuer Schlüssel für den zweiten Faktor wurde in ${file} angelegt. Im Betrieb die Variable setzen.`,
  );
  return { key, file };
}

/** Writes a key file readable by the owner only. */
export function writeSecretKeyFile(file: string, key: SecretKey): void {
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, `${formatSecretKey(key)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
