/** `fortschritt demo`: loads the Kleve demo catalogue. */
import { importDemoCatalogue } from "../../app/catalogue/import-catalogue.js";
import { parseCommandArgs, withDatabase, type Command } from "../command.js";
import { describeImport } from "./import-json.js";

export const demoCommand: Command = {
  name: "demo",
  summary: "Den Demo-Katalog (Stadt Kleve, 2. Fortschreibung) laden",
  help: [
    "Aufruf: fortschritt demo [--replace]",
    "",
    "Lädt den Maßnahmenkatalog Digitalisierung der Stadt Kleve (2. Fortschreibung) als Beispiel.",
    "",
    "Optionen:",
    "  --replace  einen vorhandenen Katalog der Stadt Kleve ersetzen",
  ].join("\n"),
  async run(args) {
    const { values } = parseCommandArgs(args, { replace: { type: "boolean" } });
    const summary = await withDatabase((ctx) => importDemoCatalogue(ctx, { replace: values.replace === true }));
    process.stdout.write(describeImport(summary) + "\n");
    return 0;
  },
};
