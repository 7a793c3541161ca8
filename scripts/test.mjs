/**
 * `npm test`: the one command for the whole check, run the same way by CI (.ci/run).
 * The static checks run at the same time as the tests instead of before them: tsc, ESLint
 * and the XSS scan in one process on one TypeScript program (scripts/type-checks.mjs),
 * Prettier in another. ESLint, Prettier and tsc keep caches in node_modules/.cache, so a
 * second run checks only what changed. Vitest runs every
 * project with the order of files and tests shuffled; it prints the seed, and
 * `npx vitest run --sequence.shuffle --sequence.seed=<seed>` replays a failing order.
 *
 * The output of each static check is printed in one piece when it ends, so it does not
 * interleave with the tests'. The exit code is non-zero when any part failed.
 * Arguments are passed to vitest (e.g. `npm test -- --project unit`).
 */
import { spawn } from "node:child_process";

const CHECKS = [
  { name: "tsc, eslint, xss-scan", script: "check:types" },
  { name: "prettier", script: "lint:format" },
];

function run(command, args, { capture }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
      env: process.env,
    });
    let output = "";
    if (capture) {
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
    }
    child.on("error", (error) =>
      resolve({
        code: 1,
        output: `${output}${String(error)}\n`,
        seconds: (Date.now() - started) / 1000,
      }),
    );
    child.on("close", (code, signal) =>
      resolve({
        code: code ?? (signal ? 1 : 0),
        output,
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const checks = CHECKS.map(async (check) => {
  const result = await run(npm, ["run", "--silent", check.script], {
    capture: true,
  });
  const verdict = result.code === 0 ? "ok" : `FAILED (exit ${result.code})`;
  process.stdout.write(
    `\n[${check.name}] ${verdict} in ${result.seconds.toFixed(1)} s\n${result.code === 0 ? "" : result.output}`,
  );
  return { ...check, ...result };
});
const tests = run(
  "npx",
  ["vitest", "run", "--sequence.shuffle", ...process.argv.slice(2)],
  { capture: false },
);

const results = [
  ...(await Promise.all(checks)),
  { name: "vitest", ...(await tests) },
];
const failed = results.filter((result) => result.code !== 0);
process.stdout.write(
  `\n${results.map((result) => `${result.name}: ${result.code === 0 ? "ok" : "FAILED"} (${result.seconds.toFixed(1)} s)`).join(", ")}\n`,
);
process.exit(failed.length === 0 ? 0 : 1);
