#!/usr/bin/env node
/**
 * Bundles the command-line tool into dist/src/cli/main.js (ADR 0055), after `tsc` has
 * written dist/: Node then reads one file for `fortschritt serve` instead of resolving,
 * reading and linking some 500 modules, which took most of a second of every start.
 *
 * - The bundle replaces only tsc's dist/src/cli/main.js; the rest of dist/ stays as tsc
 *   wrote it (bench scripts import single modules from it).
 * - Modules of the app loaded on first use (`await import("./…")`: the Word catalogue,
 *   single sign-on) become chunks beside it in dist/src/cli/chunks/, read only when used.
 * - Packages loaded on first use (`await import("exceljs")`, pdf-lib, jszip, yauzl,
 *   pptxgenjs, nodemailer, argon2, playwright-core …) stay outside and are loaded by Node
 *   from node_modules as before: still only when used, and with Node's own view of a
 *   CommonJS package's named exports (in a bundle's chunk, `const { PDFDocument } = await
 *   import("pdf-lib")` would find only `default`).
 * - Native modules and what must be found on disk stay outside too: better-sqlite3,
 *   pg-native, playwright-core (which locates its own files). Libraries the code loads with
 *   `createRequire` (pg, yaml, n3, qrcode, Fastify's schema compilers) are never seen by
 *   the bundler.
 * - `require` is defined in every output file for the CommonJS libraries inside (Fastify
 *   and its plugins), which require Node's built-in modules.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist", "src", "cli");

/** Packages left to Node's own loading (native code, or files found relative to themselves). */
export const EXTERNAL_PACKAGES = [
  "better-sqlite3",
  "@node-rs/argon2",
  "pg-native",
  "playwright-core",
  // Required by Fastify only without a schema controller of one's own; the app brings one
  // (src/web/http/lazy-schemas.ts) that loads it from node_modules on first use.
  "@fastify/fast-json-stringify-compiler",
];

/** Leaves every package that the code imports with `import()` to Node (see above). */
const packagesLoadedOnFirstUse = {
  name: "packages-loaded-on-first-use",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === "dynamic-import"
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

/**
 * Writes dist/src/cli/main.js and its chunks from src/cli/main.ts; or into `outdir`, which
 * must lie inside the project so that Node finds node_modules and the project's root
 * from there (test/cli/two-processes.test.ts bundles into a directory of its own).
 */
export async function bundleServer(outdir = OUT) {
  const { build } = await import("esbuild");
  rmSync(join(outdir, "chunks"), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: join(ROOT, "src", "cli", "main.ts") },
    outdir,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    tsconfig: join(ROOT, "tsconfig.build.json"),
    external: EXTERNAL_PACKAGES,
    plugins: [packagesLoadedOnFirstUse],
    banner: {
      js: 'import { createRequire as __bundleCreateRequire } from "node:module";\nconst require = __bundleCreateRequire(import.meta.url);',
    },
    sourcemap: "linked",
    legalComments: "linked",
    allowOverwrite: true,
    logLevel: "warning",
  });
  for (const file of [
    join(outdir, "main.js"),
    ...readdirSync(join(outdir, "chunks"))
      .filter((name) => name.endsWith(".js"))
      .map((name) => join(outdir, "chunks", name)),
  ]) {
    const text = readFileSync(file, "utf8");
    const ascii = escapeNonAscii(text);
    if (ascii !== text) writeFileSync(file, ascii);
  }
}

/**
 * The text with every character beyond ASCII written as a \u escape. V8 keeps the source
 * of a running script in memory, with one byte per character only while every character
 * is ASCII: a single "ä" doubles the 4.6 MB bundle to 9 MB. esbuild escapes strings and
 * names (its ASCII charset) but leaves comments and regular expressions as written, where
 * an escape means the same (a surrogate pair's two escapes are one character in a
 * regular expression with the u flag, as without).
 */
export function escapeNonAscii(text) {
  return text.replace(
    /[\u0080-\uffff]/g,
    (character) =>
      `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const isEntryPoint =
  process.argv[1] !== undefined &&
  pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (isEntryPoint) await bundleServer();
