#!/usr/bin/env node
/**
 * `npm start`: compiles only when the sources changed since the last build, then runs
 * `fortschritt serve` in this very process. The build is current when the hash of every
 * file under src/, of the TypeScript settings and of the bundler script equals the one
 * written beside dist/ by the last build; hashing takes milliseconds, compiling a minute
 * on a small machine. A build is `tsc` followed by the bundle of the command-line tool
 * (scripts/bundle.mjs, ADR 0055).
 * Arguments after `--` go to `serve` (e.g. `npm start -- --workers 2`). `--build-only`
 * builds when needed and stops; `--stamp-only` records the current build (npm run build).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleServer } from "./bundle.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAIN = join(ROOT, "dist", "src", "cli", "main.js");
const STAMP = join(ROOT, "dist", ".source-hash");

/** The hash of the sources and settings the build depends on. */
export function sourceHash() {
  const hash = createHash("sha256");
  const files = [];
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(ROOT, "src"));
  files.push(
    join(ROOT, "tsconfig.json"),
    join(ROOT, "tsconfig.build.json"),
    join(ROOT, "package-lock.json"),
    join(ROOT, "scripts", "bundle.mjs"),
  );
  for (const file of files.sort()) {
    hash.update(relative(ROOT, file)).update("\u0000");
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update("\u0001");
  }
  return hash.digest("hex");
}

/** Compiles and bundles when needed; resolves to whether it did. */
export async function buildIfStale() {
  const current = sourceHash();
  if (
    existsSync(MAIN) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8").trim() === current
  )
    return false;
  process.stderr.write("Fortschritt wird übersetzt (TypeScript) …\n");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(
    process.execPath,
    [tsc, "-p", join(ROOT, "tsconfig.build.json")],
    { stdio: "inherit", cwd: ROOT },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  await bundleServer();
  writeFileSync(STAMP, `${current}\n`);
  return true;
}

const isEntryPoint =
  process.argv[1] !== undefined &&
  pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
const [option] = process.argv.slice(2);
if (isEntryPoint && option === "--stamp-only") {
  // After `npm run build`: the build just made is current.
  writeFileSync(STAMP, `${sourceHash()}\n`);
} else if (isEntryPoint && option === "--build-only") {
  await buildIfStale();
} else if (isEntryPoint) {
  await buildIfStale();
  const { runCli } = await import(pathToFileURL(MAIN).href);
  const code = await runCli(["serve", ...process.argv.slice(2)]);
  if (code !== 0) process.exitCode = code;
}
