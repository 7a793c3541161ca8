/**
 * The three checks that need TypeScript's view of the code, on one program: the type
 * check (as `npm run typecheck`), ESLint with its type-aware rules (as `npm run
 * lint:eslint`) and the XSS scan of the JSX (as `npm run lint:xss`). Run one by one, each
 * of them parsed and bound every file of the project again, and ESLint and the scan asked
 * the type checker again for much of what the type check had just worked out; here the
 * program is built once and its checker serves all three (docs/adr/0066).
 *
 * It keeps the same caches as the single commands (node_modules/.cache): the type check's
 * build info, so a second run checks only what changed, and ESLint's results per file.
 * Each check prints what it found under its name; the exit code is non-zero when any of
 * them found something.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import ts from "typescript";
import xssScan from "@kitajs/ts-html-plugin/dist/util.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "node_modules", ".cache");

const formatHost = {
  getCurrentDirectory: () => ROOT,
  getCanonicalFileName: (fileName) => fileName,
  getNewLine: () => ts.sys.newLine,
};

function seconds(started) {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** The project's tsconfig.json as the compiler reads it, with the type check's incremental cache. */
function readProject() {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {
      noEmit: true,
      incremental: true,
      tsBuildInfoFile: join(CACHE, "tsc", "tsconfig.tsbuildinfo"),
    },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic(diagnostic) {
        throw new Error(ts.formatDiagnostics([diagnostic], formatHost));
      },
    },
  );
  if (parsed === undefined) throw new Error("tsconfig.json is unreadable");
  return parsed;
}

/** The type check: what `tsc --noEmit` reports. Writes the build info for the next run. */
function typeCheck(builder) {
  const diagnostics = [
    // The tsconfig's own problems (the program was given them at its creation).
    ...builder.getConfigFileParsingDiagnostics(),
    ...builder.getOptionsDiagnostics(),
    ...builder.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
    ...builder.getSemanticDiagnostics(),
  ];
  // With noEmit, emitting writes only the build info.
  builder.emit();
  return {
    failed: diagnostics.some(
      (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
    ),
    output: ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost),
  };
}

/** The XSS scan: JSX that writes a value into HTML without escaping it, as `xss-scan` reports. */
function scanForXss(program) {
  const checker = program.getTypeChecker();
  const diagnostics = [];
  for (const source of program.getSourceFiles()) {
    if (!/\.(t|j)sx$/.test(source.fileName)) continue;
    ts.forEachChild(source, function visit(node) {
      xssScan.recursiveDiagnoseJsxElements(ts, node, checker, diagnostics);
    });
  }
  return {
    failed: diagnostics.length > 0,
    output: ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost),
  };
}

/** ESLint on the whole repository, its type-aware rules on the program (eslint.config.js names the same tsconfig). */
async function lint(program) {
  const eslint = new ESLint({
    cwd: ROOT,
    cache: true,
    cacheStrategy: "content",
    cacheLocation: join(CACHE, "eslint") + "/",
    overrideConfig: {
      files: ["**/*.ts", "**/*.tsx"],
      languageOptions: {
        parserOptions: {
          // ESLint's cache keys its results by the configuration written as JSON; the
          // program stands there as the tsconfig.json it was built from.
          programs: Object.assign([program], { toJSON: () => "tsconfig.json" }),
        },
      },
    },
  });
  const results = await eslint.lintFiles(["."]);
  const formatter = await eslint.loadFormatter("stylish");
  return {
    failed: results.some(
      (result) => result.errorCount > 0 || result.fatalErrorCount > 0,
    ),
    output: await formatter.format(results),
  };
}

const started = performance.now();
const project = readProject();
const builder = ts.createIncrementalProgram({
  rootNames: project.fileNames,
  options: project.options,
  projectReferences: project.projectReferences,
  configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(project),
});
const program = builder.getProgram();
process.stdout.write(`[program] built in ${seconds(started)}\n`);

let failed = false;
for (const [name, check] of [
  ["tsc", () => typeCheck(builder)],
  ["xss-scan", () => scanForXss(program)],
  ["eslint", () => lint(program)],
]) {
  const checkStarted = performance.now();
  const result = await check();
  failed ||= result.failed;
  process.stdout.write(
    `[${name}] ${result.failed ? "FAILED" : "ok"} in ${seconds(checkStarted)}\n${result.output.trim() === "" ? "" : `${result.output.trimEnd()}\n`}`,
  );
}
process.exit(failed ? 1 : 0);
