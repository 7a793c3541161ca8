/**
 * Part of `npm run bench`: how long the test suite takes, per vitest project, and the
 * static checks (ESLint, XSS scan, Prettier, tsc) without their caches. Each part runs
 * alone, one after another, so that the seconds are comparable between machines; the sum
 * is compared with the target for `npm test` on a clean two-core machine (6 minutes,
 * where `npm test` runs the checks beside the tests and so takes less than the sum).
 * A measurement, not a test: it prints failures but always exits 0.
 *
 * Environment: BENCH_SUITE_PROJECTS (comma-separated, default all), BENCH_SUITE_CHECKS=0 to
 * leave out the static checks.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_SECONDS = 360;
const PROJECTS = (process.env.BENCH_SUITE_PROJECTS ?? "unit,db,web,utc,e2e")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const CHECKS =
  process.env.BENCH_SUITE_CHECKS === "0"
    ? []
    : ["lint:eslint", "lint:xss", "lint:format", "typecheck"];

function timed(command, args) {
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) =>
      done({
        code: code ?? 1,
        output,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      }),
    );
  });
}

/** The "Tests  12 passed (12)" line of vitest's summary, without colours. */
function testSummary(output) {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  return /Tests\s+(.*)/.exec(plain)?.[1]?.trim() ?? "";
}

console.log(
  `\nTest suite (${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)} at start)`,
);
const rows = [];
for (const project of PROJECTS) {
  const result = await timed("npx", [
    "vitest",
    "run",
    "--project",
    project,
    "--sequence.shuffle",
  ]);
  rows.push({
    part: `vitest ${project}`,
    seconds: result.seconds,
    note:
      result.code === 0
        ? testSummary(result.output)
        : `FAILED: ${testSummary(result.output)}`,
  });
  if (result.code !== 0)
    console.error(result.output.split("\n").slice(-40).join("\n"));
}
// Without caches: the first run on a clean clone.
if (CHECKS.length > 0)
  rmSync(join(ROOT, "node_modules", ".cache"), {
    recursive: true,
    force: true,
  });
for (const script of CHECKS) {
  const result = await timed("npm", ["run", "--silent", script]);
  rows.push({
    part: script,
    seconds: result.seconds,
    note: result.code === 0 ? "ok" : "FAILED",
  });
}
for (const row of rows)
  console.log(
    `  ${row.part.padEnd(14)} ${row.seconds.toFixed(1).padStart(7)} s  ${row.note}`,
  );
const total = rows.reduce((sum, row) => sum + row.seconds, 0);
console.log(
  `  ${"sum".padEnd(14)} ${total.toFixed(1).padStart(7)} s  (target for npm test: ≤ ${TARGET_SECONDS} s; npm test runs the checks beside the tests)`,
);
