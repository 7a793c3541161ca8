/** `fortschritt oparl sync <municipality> [--endpoint <URL>]`: caches the OParl objects the meetings refer to. */
import { syncOparl } from "../../app/open-data/oparl-sync.js";
import {
  parseCommandArgs,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";

export const oparlCommand: Command = {
  name: "oparl",
  summary:
    "OParl-Vorlagen, -Sitzungen und -Tagesordnungspunkte der Sitzungen abrufen",
  help: [
    "Aufruf: fortschritt oparl sync <Kommune> [--endpoint <URL>] [--timeout <Sekunden>]",
    "",
    "Ruft die OParl-Objekte (Sitzung, Tagesordnungspunkt, Vorlage), auf die die Sitzungen der",
    "Kommune verweisen, vom Ratsinformationssystem ab und speichert Name, Aktenzeichen, Datum",
    "und Web-Adresse; der öffentliche Bericht zeigt sie an. Gelöschte Objekte (deleted: true)",
    "entfallen. Ist das System nicht erreichbar, bleibt alles unverändert (Rückgabewert 1).",
    "",
    "Optionen:",
    "  --endpoint <URL>      OParl-System- oder -Körperschafts-Adresse; ohne sie die des",
    "                        letzten erfolgreichen Abrufs",
    "  --timeout <Sekunden>  Wartezeit je Abruf (10)",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      endpoint: { type: "string" },
      timeout: { type: "string" },
    });
    const [verb, slug, ...rest] = positionals;
    if (verb !== "sync")
      throw new UsageError(
        'Bitte "oparl sync <Kommune> --endpoint <URL>" aufrufen.',
      );
    if (slug === undefined || rest.length > 0)
      throw new UsageError(
        "Bitte genau eine Kommune (Kurzname, z. B. kleve) angeben.",
      );
    const seconds = values.timeout === undefined ? 10 : Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300)
      throw new UsageError(
        "--timeout: eine Zahl von Sekunden zwischen 1 und 300.",
      );
    const endpoint = values.endpoint;
    const result = await withDatabase((ctx) =>
      syncOparl(ctx, slug, {
        ...(endpoint === undefined ? {} : { endpoint }),
        timeoutMs: seconds * 1000,
      }),
    );
    process.stdout.write(
      `OParl: ${result.cached} von ${result.referenced} Verweisen gespeichert, ${result.gone} gelöscht, ${result.missing} ohne OParl-Objekt.\n`,
    );
    return 0;
  },
};
