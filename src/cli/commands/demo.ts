/** `fortschritt demo`: loads the Kleve demo catalogue. */
import {
  DEMO_REPORT_LOADED,
  DEMO_REPORT_PRESENT,
  loadDemoReport,
} from "../../app/reports/demo-report.js";
import {
  loadDemo,
  loadSyntheticMunicipalities,
  type DemoSummary,
} from "../../app/edition/demo-editions.js";
import {
  parseCommandArgs,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";
import { describeImport } from "./import-json.js";

export const demoCommand: Command = {
  name: "demo",
  summary: "Den Demo-Katalog (Stadt Kleve, 2. Fortschreibung) laden",
  help: [
    "Aufruf: fortschritt demo [--replace] [--synthetic N]",
    "",
    "Lädt den Maßnahmenkatalog Digitalisierung der Stadt Kleve (2. Fortschreibung) als Beispiel",
    "und veröffentlicht zwei Fortschreibungen: die 1. (zur Veranschaulichung rekonstruiert) und die 2.",
    "Fortschreibungen lassen sich nicht ersetzen: mit --replace wird nur der Entwurf neu geladen.",
    "Dazu kommen die Sachstandsberichte an den APD vom 23.08. und 29.11.2022 mit Kennzahlen und",
    "OZG-Leistungsverzeichnis (teils rekonstruiert, siehe src/app/reports/demo-report.ts).",
    "",
    "Optionen:",
    "  --replace      einen vorhandenen Katalog der Stadt Kleve ersetzen",
    "  --synthetic N  dazu N erfundene Kommunen in Kleves Größe (musterstadt-1 …) mit je zwei",
    "                 Fortschreibungen und zwei Berichten anlegen, über den normalen Import (für Messungen)",
  ].join("\n"),
  async run(args) {
    const { values } = parseCommandArgs(args, {
      replace: { type: "boolean" },
      synthetic: { type: "string" },
    });
    const synthetic =
      values.synthetic === undefined ? 0 : Number(values.synthetic);
    if (!Number.isInteger(synthetic) || synthetic < 0 || synthetic > 100_000) {
      throw new UsageError(
        `--synthetic erwartet eine ganze Zahl von 0 bis 100000, nicht „${values.synthetic}“.`,
      );
    }
    const { summary, report, created } = await withDatabase(async (ctx) => {
      const loaded = await loadDemo(ctx, { replace: values.replace === true });
      const withReport = await loadDemoReport(ctx);
      const started = Date.now();
      const made = await loadSyntheticMunicipalities(ctx, synthetic, (done) => {
        if (done % 10 === 0 || done === synthetic) {
          process.stderr.write(
            `${done} von ${synthetic} erfundenen Kommunen (${Math.round((Date.now() - started) / 1000)} s)\n`,
          );
        }
      });
      return { summary: loaded, report: withReport, created: made };
    });
    process.stdout.write(describeDemo(summary) + "\n");
    process.stdout.write(
      `${report ? DEMO_REPORT_LOADED : DEMO_REPORT_PRESENT}\n`,
    );
    if (synthetic > 0)
      process.stdout.write(
        `Erfundene Kommunen angelegt: ${created} (von ${synthetic}).\n`,
      );
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
