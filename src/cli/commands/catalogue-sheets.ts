/**
 * `fortschritt export-xlsx <Kommune>` and `fortschritt import-xlsx <Kommune> <Datei>`: the
 * catalogue as a spreadsheet (XLSX, or with --csv a ZIP of CSV files), the same format as
 * the download and upload in the browser (docs/adr/0027-sheets-catalogue-spreadsheet.md).
 */
import { plural } from "../../domain/plural.js";
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import {
  exportCatalogueSheetsForOperator,
  importCatalogueSheetsForOperator,
  type SheetImportPreview,
} from "../../app/catalogue/sheets/import-sheets.js";
import { changeCount } from "../../app/catalogue/sheets/sheet-diff.js";
import { AppError } from "../../errors.js";
import {
  writeCatalogueCsvZip,
  writeCatalogueXlsx,
} from "../../exports/catalogue-sheets/catalogue-workbook.js";
import {
  parseCommandArgs,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";

/** The preview as lines of text: per sheet the counts, then every changed cell. */
export function describeSheetPreview(preview: SheetImportPreview): string {
  const lines: string[] = [];
  for (const message of preview.ignored) lines.push(`Hinweis: ${message}`);
  for (const sheet of preview.sheets) {
    if (changeCount(sheet) === 0) continue;
    lines.push(
      `${sheet.title}: ${sheet.created.length} neu, ${sheet.changed.length} geändert, ${sheet.removed.length} entfernt${sheet.reordered ? ", Reihenfolge geändert" : ""}`,
    );
    for (const row of sheet.changed)
      for (const cell of row.cells)
        lines.push(
          `  ${row.key} · ${cell.column}: „${cell.before}“ → „${cell.after}“`,
        );
    for (const row of sheet.created) lines.push(`  + ${row.key}`);
    for (const row of sheet.removed) lines.push(`  − ${row.key}`);
  }
  lines.push(
    preview.total === 0
      ? "0 Änderungen: Die Datei entspricht dem Katalog."
      : `${plural(preview.total, "Änderung", "Änderungen")}.`,
  );
  return lines.join("\n");
}

export const exportXlsxCommand: Command = {
  name: "export-xlsx",
  summary:
    "Den Maßnahmenkatalog einer Kommune als Tabelle (XLSX oder CSV-ZIP) schreiben",
  help: [
    "Aufruf: fortschritt export-xlsx <Kommune> --output <Datei> [--csv]",
    "",
    "Schreibt den Katalog als Excel-Arbeitsmappe mit einem Blatt je Teil (Programm,",
    "Wirkungsbereiche, Aktionsfelder, Projekte, Phasen, Maßnahmen, Zuständigkeiten,",
    "Abhängigkeiten, Organisationseinheiten, Ziele, Prioritäten); import-xlsx liest sie",
    "wieder ein.",
    "",
    "Optionen:",
    "  --output <Datei>  in diese Datei schreiben (Pflicht)",
    "  --csv             ein ZIP-Archiv mit einer CSV-Datei je Blatt schreiben",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      output: { type: "string", short: "o" },
      csv: { type: "boolean" },
    });
    const [slug, ...rest] = positionals;
    if (slug === undefined || rest.length > 0)
      throw new UsageError(
        "Bitte genau eine Kommune (Kurzname, z. B. kleve) angeben.",
      );
    if (values.output === undefined)
      throw new UsageError("Bitte mit --output die Zieldatei angeben.");
    const tables = await withDatabase((ctx) =>
      exportCatalogueSheetsForOperator(ctx, slug),
    );
    const bytes =
      values.csv === true
        ? await writeCatalogueCsvZip(tables)
        : await writeCatalogueXlsx(tables);
    await writeFile(values.output, bytes);
    return 0;
  },
};

export const importXlsxCommand: Command = {
  name: "import-xlsx",
  summary:
    "Einen Maßnahmenkatalog aus einer Tabelle (XLSX oder CSV-ZIP) übernehmen",
  help: [
    "Aufruf: fortschritt import-xlsx <Kommune> <Datei> [--apply]",
    "",
    "Liest eine Tabelle, wie export-xlsx sie schreibt, und zeigt, was neu angelegt,",
    "geändert und entfernt würde – je Blatt, mit jeder geänderten Zelle. Erst mit",
    "--apply wird übernommen, in einem Schritt und mit Einträgen im Protokoll. Zeilen",
    "werden über ihre Schlüssel wiedererkannt: ein zweiter Import derselben Datei",
    "ändert nichts. Ist eine Zeile ungültig, wird nichts übernommen und jede Stelle",
    "mit Blatt, Zeile und Spalte genannt.",
    "",
    "Optionen:",
    "  --apply  die Änderungen übernehmen (ohne: nur die Vorschau)",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      apply: { type: "boolean" },
    });
    const [slug, file, ...rest] = positionals;
    if (slug === undefined || file === undefined || rest.length > 0)
      throw new UsageError("Bitte eine Kommune und eine Datei angeben.");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new AppError("ERR_SHEET_IMPORT_INVALID", {
        detail: `${file}: Die Datei lässt sich nicht lesen.`,
        cause: error,
      });
    }
    const apply = values.apply === true;
    const preview = await withDatabase((ctx) =>
      importCatalogueSheetsForOperator(ctx, {
        municipality: slug,
        // The name, as a web upload gives it: the audit log does not learn the server's paths.
        fileName: basename(file),
        bytes,
        apply,
      }),
    );
    process.stdout.write(describeSheetPreview(preview) + "\n");
    if (!apply && preview.total > 0)
      process.stdout.write("Nichts übernommen: mit --apply übernehmen.\n");
    return 0;
  },
};
