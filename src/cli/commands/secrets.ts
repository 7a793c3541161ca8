/** `fortschritt secrets rotate-key`: re-seals every second-factor secret with a new key. */
import {
  formatSecretKey,
  newSecretKey,
  parseSecretKey,
} from "../../app/auth/secret-box.js";
import {
  rotateSecretKey,
  sealPlainTotpSecrets,
} from "../../app/auth/secret-rotation.js";
import {
  closeAppContext,
  connectionTargetOf,
  migrateDatabase,
  openAppContext,
} from "../../app/database.js";
import { loadConfig } from "../../config.js";
import { AppError } from "../../errors.js";
import { parseCommandArgs, UsageError, type Command } from "../command.js";
import { readSecretFromStdin } from "../read-stdin.js";
import {
  resolveSecretKey,
  SECRET_KEY_VARIABLE,
  writeSecretKeyFile,
} from "../secret-key.js";

export const secretsCommand: Command = {
  name: "secrets",
  summary: "Den Schlüssel für die Geheimnisse des zweiten Faktors wechseln",
  help: [
    "Aufruf: fortschritt secrets rotate-key [--new-key-stdin]",
    "",
    `Entschlüsselt alle Geheimnisse des zweiten Faktors (TOTP) mit dem bisherigen Schlüssel`,
    `(${SECRET_KEY_VARIABLE}) und verschlüsselt sie mit einem neuen – alles oder nichts.`,
    "Ohne --new-key-stdin wird ein neuer Schlüssel erzeugt und ausgegeben.",
    `Danach ${SECRET_KEY_VARIABLE} auf den neuen Schlüssel setzen und Fortschritt neu starten;`,
    "laufende Server vorher anhalten (sie kennen nur den alten Schlüssel).",
    "Kommt der Schlüssel aus der Schlüsseldatei im Datenverzeichnis (nur außerhalb des",
    "Betriebs), wird der neue dort gespeichert.",
    "",
    "Optionen:",
    "  --new-key-stdin  den neuen Schlüssel von der Standardeingabe lesen (32 Byte, Base64url oder hex)",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      "new-key-stdin": { type: "boolean" },
    });
    if (positionals.length !== 1 || positionals[0] !== "rotate-key")
      throw new UsageError("Bitte „rotate-key“ angeben.");
    const config = loadConfig();
    const current = resolveSecretKey(config);
    let newKey = newSecretKey();
    if (values["new-key-stdin"] === true) {
      const parsed = parseSecretKey(
        await readSecretFromStdin("Neuer Schlüssel: "),
      );
      if (parsed === null)
        throw new AppError("ERR_CONFIG_INVALID", {
          detail:
            "Der neue Schlüssel muss 32 Byte lang sein: 64 Hexadezimalziffern oder 43 Zeichen Base64url.",
        });
      newKey = parsed;
    }
    if (newKey.id === current.key.id)
      throw new AppError("ERR_CONFIG_INVALID", {
        detail: "Der neue Schlüssel ist der bisherige.",
      });
    const ctx = await openAppContext(connectionTargetOf(config), {
      secretKey: current.key,
    });
    let accounts: number;
    try {
      await migrateDatabase(ctx);
      await sealPlainTotpSecrets(ctx);
      accounts = (await rotateSecretKey(ctx, newKey)).accounts;
    } finally {
      await closeAppContext(ctx);
    }
    if (current.file !== null) {
      writeSecretKeyFile(current.file, newKey);
      process.stdout.write(
        `Neu verschlüsselt: ${accounts} Konten. Der neue Schlüssel (${newKey.id}) steht in ${current.file}.\n`,
      );
    } else {
      process.stderr.write(
        `Neu verschlüsselt: ${accounts} Konten. Jetzt ${SECRET_KEY_VARIABLE} auf den neuen Schlüssel (${newKey.id}) setzen und neu starten.\n`,
      );
      // Only the key on standard output, so that it can go straight into a secret store.
      if (values["new-key-stdin"] !== true)
        process.stdout.write(`${formatSecretKey(newKey)}\n`);
    }
    return 0;
  },
};
