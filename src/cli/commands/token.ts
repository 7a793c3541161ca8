/** `fortschritt token create`: a personal API token, printed once (only its hash is stored). */
import { COMMAND_LINE } from "../../app/auth/account-audit.js";
import { createApiTokenForEmail } from "../../app/auth/api-tokens.js";
import {
  noPositionals,
  parseCommandArgs,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";

export const tokenCommand: Command = {
  name: "token",
  summary: "Ein persönliches API-Token erzeugen",
  help: [
    "Aufruf: fortschritt token create --email <Adresse> [--name <Bezeichnung>] [--municipality <Kommune> …]",
    "",
    "Erzeugt ein API-Token für das Konto und gibt es einmal aus; gespeichert wird nur sein",
    "Hash. Das Token hat die Rechte des Kontos (Rolle, Einheiten) und wird in der",
    "Kopfzeile „Authorization: Bearer <Token>“ gesendet. Widerrufen: unter „Mein Konto“.",
    "",
    "Optionen:",
    "  --email  E-Mail-Adresse des Kontos",
    '  --name   wofür das Token ist, z. B. "Abgleich Fachverfahren"',
    "  --municipality  Kommune, in der das Token handeln darf; mehrfach möglich. Nötig,",
    "                  wenn die Person mehreren Kommunen angehört.",
  ].join("\n"),
  async run(args) {
    const [action, ...rest] = args;
    if (action !== "create") {
      throw new UsageError(
        action === undefined
          ? "Bitte geben Sie create an."
          : `Unbekannte Aktion "${action}".`,
      );
    }
    const { values, positionals } = parseCommandArgs(rest, {
      email: { type: "string" },
      name: { type: "string" },
      // The municipalities the token may act in; needed when the person belongs to several.
      municipality: { type: "string", multiple: true },
    });
    noPositionals(positionals);
    if (values.email === undefined) throw new UsageError("Es fehlt --email.");
    const email = values.email;
    const created = await withDatabase((ctx) =>
      createApiTokenForEmail(
        ctx,
        COMMAND_LINE,
        email,
        values.name,
        values.municipality,
      ),
    );
    process.stderr.write(
      `API-Token „${created.name}“ für ${created.email} erzeugt. Es wird nur jetzt angezeigt:\n`,
    );
    // The token alone on standard output, so that scripts can capture it.
    process.stdout.write(`${created.token}\n`);
    return 0;
  },
};
