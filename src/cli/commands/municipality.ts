/**
 * `fortschritt municipality create|list|deactivate|reactivate|invite`: the lifecycle of
 * municipalities for scripted setups (the same use cases as the operator's pages).
 */
import { COMMAND_LINE } from "../../app/auth/account-audit.js";
import { inviteIntoMunicipality } from "../../app/municipalities/invitations.js";
import {
  createMunicipality,
  listMunicipalitiesForOperators,
  setMunicipalityState,
} from "../../app/municipalities/lifecycle.js";
import { TEMPLATE_PARTS } from "../../app/municipalities/template.js";
import { loadConfig } from "../../config.js";
import {
  describeRole,
  mailDeliveryOf,
  noPositionals,
  parseCommandArgs,
  runAction,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";

const HELP = [
  "Aufruf: fortschritt municipality create --name <Name> --slug <Kurzname> --state <Bundesland>",
  "                                        --regional-key <12 Ziffern> [--website <URL>]",
  "                                        [--contact-email <Adresse>] [--template <Kommune>]",
  "                                        [--part <Teil> …]",
  "        fortschritt municipality list",
  "        fortschritt municipality deactivate --municipality <Kommune> [--reason <Text>]",
  "        fortschritt municipality reactivate --municipality <Kommune> [--reason <Text>]",
  "        fortschritt municipality invite --municipality <Kommune> --email <Adresse> --name <Name>",
  "                                        --role admin|editor|committee [--org-unit <Code> …]",
  "",
  "create      legt eine Kommune an: leer, oder mit dem Aufbau einer bestehenden (--template),",
  "            nie mit deren Daten. Bis zur ersten Fortschreibung zeigt ihr Portal nur, was",
  "            die Administration freigegeben hat.",
  "list        zeigt alle Kommunen mit Zustand, Projekten, Fortschreibungen und Konten.",
  "deactivate  deaktiviert eine Kommune: nichts wird gelöscht, das Portal sagt, dass sie",
  "            deaktiviert ist, und niemand kann ihre Daten ändern.",
  "reactivate  macht das rückgängig; alles ist wieder wie vorher.",
  "invite      lädt eine Person mit einer Rolle ein. Mit SMTP_URL und PUBLIC_BASE_URL geht der",
  "            Link per E-Mail, sonst wird er hier einmal angezeigt. Er gilt drei Tage.",
  "",
  "Teile einer Vorlage (--part, mehrfach; ohne: alle):",
  ...TEMPLATE_PARTS.map((part) => `  ${part.key.padEnd(20)}${part.label}`),
].join("\n");

export const municipalityCommand: Command = {
  name: "municipality",
  summary: "Kommunen anlegen, auflisten, deaktivieren, reaktivieren; einladen",
  help: HELP,
  run: (args) =>
    runAction(args, {
      create,
      list,
      deactivate: (rest) => changeState(rest, false),
      reactivate: (rest) => changeState(rest, true),
      invite,
    }),
};

async function create(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    name: { type: "string" },
    slug: { type: "string" },
    state: { type: "string" },
    "regional-key": { type: "string" },
    website: { type: "string" },
    "contact-email": { type: "string" },
    template: { type: "string" },
    part: { type: "string", multiple: true },
  });
  noPositionals(positionals);
  for (const option of ["name", "slug", "state", "regional-key"] as const) {
    if (values[option] === undefined)
      throw new UsageError(`Es fehlt --${option}.`);
  }
  const created = await withDatabase((ctx) =>
    createMunicipality(ctx, COMMAND_LINE, {
      name: values.name,
      slug: values.slug,
      state: values.state,
      regionalKey: values["regional-key"],
      ...(values.website === undefined ? {} : { website: values.website }),
      ...(values["contact-email"] === undefined
        ? {}
        : { contactEmail: values["contact-email"] }),
      ...(values.template === undefined ? {} : { template: values.template }),
      ...(values.part === undefined ? {} : { parts: values.part }),
    }),
  );
  const { municipality } = created;
  process.stdout.write(
    [
      `Kommune angelegt: ${municipality.name} (${municipality.slug})`,
      `  Bundesland:         ${municipality.state ?? "–"}`,
      `  Regionalschlüssel:  ${municipality.regionalKey ?? "–"}`,
      `  Website:            ${municipality.website ?? "–"}`,
      `  Kontakt:            ${municipality.contactEmail ?? "–"}`,
      created.template === null
        ? "  Start:              leer"
        : `  Vorlage:            Aufbau von ${created.template} (keine Daten)`,
      ...created.copied.map(
        (part) => `    ${part.label}: ${part.count} übernommen`,
      ),
      "Nächster Schritt: die erste Administration einladen, z. B.",
      `  fortschritt municipality invite --municipality ${municipality.slug} --email <Adresse> --name <Name> --role admin`,
    ].join("\n") + "\n",
  );
  return 0;
}

async function list(args: readonly string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  noPositionals(positionals);
  const all = await withDatabase((ctx) =>
    listMunicipalitiesForOperators(ctx, COMMAND_LINE),
  );
  if (all.length === 0) {
    process.stdout.write(
      "Es ist noch keine Kommune eingetragen. Anlegen mit: fortschritt municipality create --help\n",
    );
    return 0;
  }
  const rows = all.map((m) => [
    m.slug,
    m.name,
    m.isActive ? "aktiv" : "deaktiviert",
    String(m.projects),
    String(m.editions),
    String(m.users),
  ]);
  const header = [
    "Kurzname",
    "Name",
    "Zustand",
    "Projekte",
    "Fortschreibungen",
    "Konten",
  ];
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => row[index]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join("  ")
      .trimEnd();
  process.stdout.write([line(header), ...rows.map(line)].join("\n") + "\n");
  return 0;
}

async function changeState(
  args: readonly string[],
  isActive: boolean,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    municipality: { type: "string" },
    reason: { type: "string" },
  });
  noPositionals(positionals);
  if (values.municipality === undefined)
    throw new UsageError("Es fehlt --municipality.");
  const changed = await withDatabase((ctx) =>
    setMunicipalityState(
      ctx,
      COMMAND_LINE,
      {
        municipality: values.municipality,
        ...(values.reason === undefined ? {} : { reason: values.reason }),
      },
      isActive,
    ),
  );
  process.stdout.write(
    isActive
      ? `Kommune reaktiviert: ${changed.name} (${changed.slug}). Portal und Bearbeitung sind wieder wie vorher.\n`
      : `Kommune deaktiviert: ${changed.name} (${changed.slug}). Nichts wurde gelöscht; das Portal sagt, dass sie deaktiviert ist, und ihre Daten können nicht geändert werden.\n`,
  );
  return 0;
}

async function invite(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    municipality: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    "org-unit": { type: "string", multiple: true },
  });
  noPositionals(positionals);
  for (const option of ["municipality", "email", "name", "role"] as const) {
    if (values[option] === undefined)
      throw new UsageError(`Es fehlt --${option}.`);
  }
  const config = loadConfig();
  const mail = mailDeliveryOf(config);
  const invitation = await withDatabase((ctx) =>
    inviteIntoMunicipality(
      ctx,
      COMMAND_LINE,
      {
        municipality: values.municipality,
        email: values.email,
        name: values.name,
        role: values.role,
        orgUnitCodes: values["org-unit"] ?? [],
      },
      {
        mail,
        baseUrl:
          config.publicBaseUrl ??
          `http://localhost:${process.env.PORT ?? "3000"}`,
      },
    ),
  );
  const { account } = invitation;
  if (invitation.kind === "membership") {
    process.stdout.write(
      [
        `Zu ${account.email} gab es schon ein Konto; es gehört jetzt auch zu dieser Kommune.`,
        `  Kommune:  ${invitation.municipality.name} (${invitation.municipality.slug})`,
        `  Rolle:    ${describeRole(account.role)}`,
        invitation.isMailed
          ? "  Die Person ist per E-Mail benachrichtigt."
          : "  Es ist kein E-Mail-Versand eingerichtet: Bitte sagen Sie der Person selbst Bescheid;\n  sie meldet sich mit ihrem bestehenden Konto an.",
      ].join("\n") + "\n",
    );
    return 0;
  }
  process.stdout.write(
    [
      `Eingeladen: ${account.name} <${account.email}>`,
      `  Kommune:  ${invitation.municipality.name} (${invitation.municipality.slug})`,
      `  Rolle:    ${describeRole(account.role)}`,
      invitation.isMailed
        ? "  Der Link zum Setzen des Passworts ging per E-Mail; er gilt drei Tage und einmal."
        : "  Es ist kein E-Mail-Versand eingerichtet. Geben Sie diesen Link persönlich weiter\n  (er gilt drei Tage und nur einmal; er wird nicht noch einmal angezeigt):",
      invitation.isMailed ? "" : `  ${invitation.link}`,
    ]
      .filter((line) => line !== "")
      .join("\n") + "\n",
  );
  return 0;
}
