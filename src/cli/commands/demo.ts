/** `fortschritt demo`: loads the Kleve demo catalogue. */
import { DEMO_REPORT_LOADED, DEMO_REPORT_PRESENT, loadDemoReport } from "../../app/reports/demo-report.js";
import { loadDemo, type DemoSummary } from "../../app/edition/demo-editions.js";
import { parseCommandArgs, withDatabase, type Command } from "../command.js";
import { describeImport } from "./import-json.js";

export const demoCommand: Command = {
  name: "demo",
  summary: "Den Demo-Katalog (Stadt Kleve, 2. Fortschreibung) laden",
  help: [
    "Aufruf: fortschritt demo [--replace]",
    "",
    "Lädt den Maßnahmenkatalog Digitalisierung der Stadt Kleve (2. Fortschreibung) als Beispiel",
    "und veröffentlicht zwei Fortschreibungen: die 1. (zur Veranschaulichung rekonstruiert) und die 2.",
    "Fortschreibungen lassen sich nicht ersetzen: mit --replace wird nur der Entwurf neu geladen.",
    "Dazu kommen die Sachstandsberichte an den APD vom 23.08. und 29.11.2022 mit Kennzahlen und",
    "OZG-Leistungsverzeichnis (teils rekonstruiert, siehe src/app/reports/demo-report.ts).",
    "",
    "Optionen:",
    "  --replace  einen vorhandenen Katalog der Stadt Kleve ersetzen",
  ].join("\n"),
  async run(args) {
    const { values } = parseCommandArgs(args, { replace: { type: "boolean" } });
    const { summary, report } = await withDatabase(async (ctx) => {
      const loaded = await loadDemo(ctx, { replace: values.replace === true });
      return { summary: loaded, report: await loadDemoReport(ctx) };
    });
    process.stdout.write(describeDemo(summary) + "\n");
    process.stdout.write(`${report ? DEMO_REPORT_LOADED : DEMO_REPORT_PRESENT}\n`);
    return 0;
  },
};

/** What loading the demo wrote, in two lines. */
export function describeDemo(summary: DemoSummary): string {
  const editions =
    summary.editions.length === 0
      ? "Fortschreibungen: schon vorhanden, unverändert."
      : `Fortschreibungen veröffentlicht: ${summary.editions.map((number) => `${number}.`).join(" und ")}`;
  return `${describeImport(summary.catalogue)}\n${editions}`;
}
