/**
 * `fortschritt operator add`: the operators of the installation (Betrieb). The first
 * operator is created here, with the password read from standard input; at the first
 * sign-in the operator must set up the second factor before any /betrieb page opens.
 * An existing account with the address becomes an operator and keeps its password.
 */
import { COMMAND_LINE } from "../../app/auth/account-audit.js";
import { accountExists } from "../../app/auth/manage-users.js";
import { addOperator } from "../../app/operations/operators.js";
import {
  noPositionals,
  parseCommandArgs,
  runAction,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";
import { readNewPassword } from "../new-password.js";

const HELP = [
  "Aufruf: fortschritt operator add --email <Adresse> --name <Name>",
  "",
  "add  legt ein Betriebskonto an (Betrieb der Installation, /betrieb/). Das Passwort",
  "     wird von der Standardeingabe gelesen (eine Zeile; 8 bis 128 Zeichen), z. B.:",
  '       fortschritt operator add --email betrieb@krz.example --name "Olaf Betrieb"',
  "     Bei der ersten Anmeldung richtet das Konto den zweiten Faktor (TOTP) ein; ohne",
  "     ihn öffnet sich keine Seite des Betriebs. Gibt es zur Adresse schon ein Konto,",
  "     wird es zusätzlich Betriebskonto und behält sein Passwort.",
  "     Ein Betriebskonto gehört keiner Kommune an: Daten einer Kommune liest oder",
  "     ändert es nur mit einer Mitgliedschaft dort (fortschritt user add --municipality).",
  "",
  "Optionen:",
  "  --email  E-Mail-Adresse (zugleich der Anmeldename)",
  "  --name   Name, wie er im Protokoll erscheint",
].join("\n");

export const operatorCommand: Command = {
  name: "operator",
  summary: "Betriebskonten anlegen (Betrieb der Installation)",
  help: HELP,
  run: (args) => runAction(args, { add: addOperatorAccount }),
};

async function addOperatorAccount(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    email: { type: "string" },
    name: { type: "string" },
  });
  noPositionals(positionals);
  if (values.email === undefined) throw new UsageError("Es fehlt --email.");
  const email = values.email;
  const exists = await withDatabase((ctx) => accountExists(ctx, email));
  if (!exists && values.name === undefined)
    throw new UsageError("Es fehlt --name.");
  let password: string | undefined;
  if (!exists) {
    password = await readNewPassword("Passwort für das Betriebskonto: ", email);
  }
  const created = await withDatabase((ctx) =>
    addOperator(ctx, COMMAND_LINE, {
      email,
      name: values.name ?? "",
      ...(password === undefined ? {} : { password }),
    }),
  );
  process.stdout.write(
    [
      created.isNew
        ? `Betriebskonto angelegt: ${created.name} <${created.email}>`
        : `Bestehendes Konto ist jetzt auch Betriebskonto: ${created.name} <${created.email}>`,
      "  Bei der ersten Anmeldung wird der zweite Faktor (Authenticator-App) eingerichtet;",
      "  erst dann öffnet sich /betrieb/.",
    ].join("\n") + "\n",
  );
  return 0;
}
