/** `fortschritt openapi`: writes the API's OpenAPI document, generated from the route schemas. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeAppContext, openAppContext } from "../../app/database.js";
import { buildApp } from "../../web/build-app.js";
import { parseCommandArgs, UsageError, type Command } from "../command.js";

/** The OpenAPI document as committed in docs/openapi.json: sorted as generated, two spaces, final newline. */
export async function generateOpenApiText(): Promise<string> {
  // The document depends on the routes only; an empty database in a temporary directory
  // serves the app while it is built, and nothing is ever read from it.
  const directory = await mkdtemp(join(tmpdir(), "fortschritt-openapi-"));
  const ctx = await openAppContext({
    dialect: "sqlite",
    file: join(directory, "openapi.sqlite"),
  });
  try {
    const app = await buildApp(ctx);
    try {
      await app.ready();
      return `${JSON.stringify(app.swagger(), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await closeAppContext(ctx);
    await rm(directory, { recursive: true, force: true });
  }
}

export const openApiCommand: Command = {
  name: "openapi",
  summary: "Die OpenAPI-Beschreibung der JSON-Schnittstelle ausgeben",
  help: [
    "Aufruf: fortschritt openapi [--output <Datei>]",
    "",
    "Erzeugt die OpenAPI-3.1-Beschreibung aus den Schemas der Routen, wie sie unter",
    "/api/openapi.json ausgeliefert wird. `npm run openapi` schreibt sie nach docs/openapi.json.",
    "",
    "Optionen:",
    "  --output <Datei>  in diese Datei schreiben (sonst Standardausgabe)",
  ].join("\n"),
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      output: { type: "string", short: "o" },
    });
    if (positionals.length > 0)
      throw new UsageError("openapi nimmt keine weiteren Argumente.");
    const text = await generateOpenApiText();
    if (values.output === undefined) process.stdout.write(text);
    else await writeFile(values.output, text, "utf8");
    return 0;
  },
};
