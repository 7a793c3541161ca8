/**
 * Part of `npm run bench`: how long the test suite takes, per vitest project, and the
 * static checks without their caches: tsc, ESLint and the XSS scan on one program (as
 * `npm test` runs them) and Prettier; beside them, as the baseline, the three type-aware
 * checks run one by one, as they ran before they shared a program (not in the sum). Each part runs
 * alone, one after another, so that the seconds are comparable between machines; the sum
 * is compared with the target for `npm test` on a clean two-core machine (6 minutes,
 * where `npm test` runs the checks beside the tests and so takes less than the sum).
 * A measurement, not a test: it prints failures but always exits 0.
 *
 * Beside the seconds on the clock, each part's CPU seconds (its processes and theirs,
 * from /proc on Linux): on a machine that other work shares, the clock says little, and
 * the CPU seconds show whether a change made the suite do less.
 *
 * First of all, `npm test` itself, as CI runs it (CI=true, without the caches of an earlier
 * run): the figure the 6-minute target is about. The parts follow, one by one.
 *
 * Environment: BENCH_SUITE_PROJECTS (comma-separated, default all), BENCH_SUITE_CHECKS=0 to
 * leave out the static checks, BENCH_SUITE_WHOLE=0 to leave out the run of `npm test`.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_SECONDS = 360;
const PROJECTS = (process.env.BENCH_SUITE_PROJECTS ?? "unit,db,cli,web,utc,e2e")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const CHECKS =
  process.env.BENCH_SUITE_CHECKS === "0"
    ? []
    : [
        { script: "check:types" },
        { script: "lint:format" },
        { script: "lint:eslint", baseline: true },
        { script: "lint:xss", baseline: true },
        { script: "typecheck", baseline: true },
      ];

/** CPU seconds (user + system) of the ended child processes this process waited for; null off Linux. */
function childrenCpuSeconds() {
  try {
    // Fields after the command's name in parentheses: cutime and cstime are the 14th and 15th.
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function timed(command, args) {
  const started = process.hrtime.bigint();
  const cpuBefore = childrenCpuSeconds();
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      const cpuAfter = childrenCpuSeconds();
      done({
        code: code ?? 1,
        output,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        cpu:
          cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
      });
    });
  });
}

/** Removes the checks' and tools' caches, so that a run starts as on a clean clone. */
function removeCaches() {
  rmSync(join(ROOT, "node_modules", ".cache"), {
    recursive: true,
    force: true,
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
const wholeRows = [];
if (process.env.BENCH_SUITE_WHOLE !== "0") {
  removeCaches();
  process.env.CI = "true";
  const result = await timed("npm", ["test", "--silent"]);
  delete process.env.CI;
  wholeRows.push({
    part: "npm test",
    seconds: result.seconds,
    cpu: result.cpu,
    note: `${result.code === 0 ? "" : "FAILED: "}${testSummary(result.output)}; target ≤ ${TARGET_SECONDS} s: ${result.seconds <= TARGET_SECONDS ? "met" : "not met"}`,
  });
  if (result.code !== 0)
    console.error(result.output.split("\n").slice(-40).join("\n"));
}
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
    cpu: result.cpu,
    note:
      result.code === 0
        ? testSummary(result.output)
        : `FAILED: ${testSummary(result.output)}`,
  });
  if (result.code !== 0)
    console.error(result.output.split("\n").slice(-40).join("\n"));
}
for (const { script, baseline = false } of CHECKS) {
  // Without caches, as the first run on a clean clone (and none uses another's cache).
  removeCaches();
  const result = await timed("npm", ["run", "--silent", script]);
  rows.push({
    part: script,
    seconds: result.seconds,
    cpu: result.cpu,
    note: `${result.code === 0 ? "ok" : "FAILED"}${baseline ? " (baseline, not in the sum)" : ""}`,
    baseline,
  });
}
const cpuText = (cpu) =>
  cpu === null ? "" : `${cpu.toFixed(1).padStart(7)} s CPU`;
for (const row of [...wholeRows, ...rows])
  console.log(
    `  ${row.part.padEnd(14)} ${row.seconds.toFixed(1).padStart(7)} s ${cpuText(row.cpu)}  ${row.note}`,
  );
const counted = rows.filter((row) => !row.baseline);
const total = counted.reduce((sum, row) => sum + row.seconds, 0);
const totalCpu = counted.every((row) => row.cpu !== null)
  ? counted.reduce((sum, row) => sum + row.cpu, 0)
  : null;
if (rows.length > 0)
  console.log(
    `  ${"sum".padEnd(14)} ${total.toFixed(1).padStart(7)} s ${cpuText(totalCpu)}  (the parts one after another; npm test runs the checks beside the tests, as timed above)`,
  );
console.log(
  `  load ${loadavg()[0].toFixed(2)} at the end: a load well above ${availableParallelism()} means other work shared the machine and the seconds on the clock are too high`,
);
