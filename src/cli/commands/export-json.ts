/** `fortschritt export-json <municipality>`: writes a municipality's catalogue as JSON. */
import { writeFile } from "node:fs/promises";
import { exportCatalogue } from "../../app/catalogue/import-catalogue.js";
import {
  parseCommandArgs,
  UsageError,
  withDatabase,
  type Command,
} from "../command.js";

export const exportJsonCommand: Command = {
  name: "export-json",
  summary: "Den Maßnahmenkatalog einer Kommune als JSON ausgeben",
  help: [
    "Aufruf: fortschritt export-json <Kommune> [--output <Datei>]",
    "",
    "Schreibt den Katalog im Austauschformat (docs/catalogue-format.md); import-json liest ihn",
    "verlustfrei wieder ein. Ohne --output erscheint er auf der Standardausgabe.",
    "",
    "Optionen:",
    "  --output <Datei>  in diese Datei schreiben",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      output: { type: "string", short: "o" },
    });
    const [slug, ...rest] = positionals;
    if (slug === undefined || rest.length > 0)
      throw new UsageError(
        "Bitte genau eine Kommune (Kurzname, z. B. kleve) angeben.",
      );
    const document = await withDatabase((ctx) => exportCatalogue(ctx, slug));
    const text = JSON.stringify(document, null, 2) + "\n";
    if (values.output === undefined) process.stdout.write(text);
    else await writeFile(values.output, text, "utf8");
    return 0;
  },
};
