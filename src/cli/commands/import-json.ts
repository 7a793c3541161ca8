/** `fortschritt import-json <file>`: imports a municipality's catalogue from JSON or YAML. */
import { readFile } from "node:fs/promises";
import {
  importCatalogue,
  locateProblems,
  readCatalogueFile,
  type ImportSummary,
} from "../../app/catalogue/import-catalogue.js";
import { AppError } from "../../errors.js";
import {
  parseCommandArgs,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";

/** One line saying what an import wrote. */
export function describeImport(summary: ImportSummary): string {
  return (
    `${summary.replaced ? "Ersetzt" : "Importiert"}: ${summary.municipalitySlug} – ` +
    `${summary.impactAreas} Wirkungsbereiche, ${summary.actionFields} Aktionsfelder, ` +
    `${summary.projects} Projekte, ${summary.measures} Einzelmaßnahmen.` +
    (summary.reports === undefined
      ? ""
      : ` Berichte: ${summary.reports.added.length} hinzugefügt` +
        (summary.reports.kept.length === 0
          ? "."
          : `, ${summary.reports.kept.length} schon vorhanden und unverändert (Nr. ${summary.reports.kept.join(", ")}).`))
  );
}

export const importJsonCommand: Command = {
  name: "import-json",
  summary: "Einen Maßnahmenkatalog aus einer JSON- oder YAML-Datei importieren",
  help: [
    "Aufruf: fortschritt import-json <Datei> [--replace]",
    "",
    "Liest einen Katalog im Austauschformat (docs/catalogue-format.md) und legt ihn an.",
    "Die ganze Datei wird zuerst geprüft; ist etwas ungültig, wird nichts importiert",
    "und jeder Fehler mit seiner Stelle in der Datei genannt.",
    "",
    "Optionen:",
    "  --replace  eine vorhandene Kommune mit demselben Kurznamen ersetzen",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      replace: { type: "boolean" },
    });
    const [file, ...rest] = positionals;
    if (file === undefined || rest.length > 0)
      throw new UsageError("Bitte genau eine Datei angeben.");
    const document = await readCatalogueFile(file);
    let summary: ImportSummary;
    try {
      summary = await withDatabase((ctx) =>
        importCatalogue(ctx, document, {
          source: file,
          replace: values.replace === true,
        }),
      );
    } catch (error) {
      // Each problem with its line and column in the file, not only its path.
      if (!(error instanceof AppError) || error.code !== "ERR_IMPORT_INVALID")
        throw error;
      throw new AppError("ERR_IMPORT_INVALID", {
        detail: `${file}:`,
        problems: locateProblems(await readFile(file, "utf8"), error.problems),
        cause: error,
      });
    }
    process.stdout.write(describeImport(summary) + "\n");
    return 0;
  },
};
