/**
 * `fortschritt user add|deactivate`: accounts from the command line. There is no default
 * account: the first administrator is created here, with the password read from
 * standard input (so it appears neither in the shell history nor in the process list).
 * An address that has an account already gets a membership in the municipality named
 * (a person in several municipalities); no password is asked for then.
 */
import { COMMAND_LINE } from "../../app/auth/account-audit.js";
import {
  accountExists,
  createAccount,
  deactivateAccountByEmail,
  resolveAccountMunicipality,
} from "../../app/auth/manage-users.js";
import {
  describeRole,
  noPositionals,
  parseCommandArgs,
  runAction,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";
import { readNewPassword } from "../new-password.js";

const HELP = [
  "Aufruf: fortschritt user add --email <Adresse> --name <Name> --role admin|editor|committee",
  "                            [--org-unit <Code> …] [--municipality <Kommune>]",
  "        fortschritt user deactivate --email <Adresse> [--municipality <Kommune>]",
  "",
  "add         legt ein Konto an. Das Passwort wird von der Standardeingabe gelesen",
  "            (eine Zeile; 8 bis 128 Zeichen, keine verbreiteten Passwörter), z. B.:",
  '              fortschritt user add --email cdo@kleve.de --name "Erika Muster" --role admin',
  "            Administration und Redaktion richten bei der ersten Anmeldung den zweiten",
  "            Faktor (TOTP) ein.",
  "            Gibt es zur Adresse schon ein Konto (die Person arbeitet für eine andere",
  "            Kommune), erhält es eine Mitgliedschaft in der genannten Kommune; Name,",
  "            Passwort und zweiter Faktor bleiben, es wird kein Passwort gelesen.",
  "deactivate  beendet die Mitgliedschaft in der Kommune (--municipality, nötig bei",
  "            mehreren). War es die letzte, wird das Konto deaktiviert und alle seine",
  "            Anmeldungen enden sofort.",
  "",
  "Optionen:",
  "  --email         E-Mail-Adresse (zugleich der Anmeldename)",
  "  --name          Name, wie er im Verlauf erscheint",
  "  --role          admin (alles), editor (Projekte der eigenen Einheiten), committee (lesen)",
  "  --org-unit      Code einer Organisationseinheit, z. B. 10.1; mehrfach möglich",
  "  --municipality  Kurzname der Kommune; nötig, wenn es mehrere gibt",
].join("\n");

export const userCommand: Command = {
  name: "user",
  summary: "Benutzerkonten anlegen und deaktivieren",
  help: HELP,
  run: (args) => runAction(args, { add: addUser, deactivate: deactivateUser }),
};

async function addUser(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    "org-unit": { type: "string", multiple: true },
    municipality: { type: "string" },
  });
  noPositionals(positionals);
  for (const option of ["email", "name", "role"] as const) {
    if (values[option] === undefined)
      throw new UsageError(`Es fehlt --${option}.`);
  }
  const email = values.email ?? "";
  const exists = await withDatabase((ctx) => accountExists(ctx, email));
  const password = exists
    ? undefined
    : await readNewPassword("Passwort für das neue Konto: ", email);
  const created = await withDatabase(async (ctx) => {
    const municipality = await resolveAccountMunicipality(
      ctx,
      values.municipality,
    );
    const account = await createAccount(ctx, COMMAND_LINE, {
      municipalityId: municipality.id,
      email: values.email,
      name: values.name,
      role: values.role,
      orgUnitCodes: values["org-unit"] ?? [],
      ...(password === undefined ? {} : { password }),
    });
    return { account, municipality };
  });
  const { account, municipality } = created;
  process.stdout.write(
    [
      exists
        ? `Mitgliedschaft hinzugefügt: ${account.name} <${account.email}>`
        : `Konto angelegt: ${account.name} <${account.email}>`,
      `  Kommune:    ${municipality.name} (${municipality.slug})`,
      `  Rolle:      ${describeRole(account.role)}`,
      `  Einheiten:  ${account.orgUnitCodes.length === 0 ? "keine" : account.orgUnitCodes.join(", ")}`,
      account.role === "committee"
        ? ""
        : "  Bei der ersten Anmeldung wird der zweite Faktor (Authenticator-App) eingerichtet.",
    ]
      .filter((line) => line !== "")
      .join("\n") + "\n",
  );
  return 0;
}

async function deactivateUser(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    email: { type: "string" },
    municipality: { type: "string" },
  });
  noPositionals(positionals);
  if (values.email === undefined) throw new UsageError("Es fehlt --email.");
  const email = values.email;
  const municipality = values.municipality;
  const account = await withDatabase((ctx) =>
    deactivateAccountByEmail(ctx, COMMAND_LINE, email, municipality),
  );
  process.stdout.write(
    `Mitgliedschaft deaktiviert: ${account.name} <${account.email}>\n`,
  );
  return 0;
}
