/**
 * Part of `npm run bench`: what the browser tests pay to load axe into each new page
 * (docs/adr/0064-axe-directly-in-the-page.md). The minified build the tests evaluate
 * (`axe-core/axe.min.js`) is timed side by side with the unminified `axe.source` as the
 * baseline, alternating in new pages of one browser, and both are asked for the same page's
 * barriers, which must agree. A measurement, not a test: it prints and always exits 0.
 *
 * Environment: BENCH_AXE_PAGES (new pages per build, default 8), CHROMIUM_PATH.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import axe from "axe-core";
import { chromium } from "playwright-core";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PAGES = Math.max(1, Number(process.env.BENCH_AXE_PAGES ?? 8) || 8);
const MINIFIED = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
/** A page with three barriers: faint text, a picture without text, a field without label. */
const PAGE = `<!doctype html><html lang="de"><head><title>Probe</title></head><body><main>
<h1>Probe</h1><p style="color:#ddd">blass</p><img src="data:,"><input></main></body></html>`;
const OPTIONS = {
  runOnly: {
    type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
  },
  resultTypes: ["violations"],
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const { defaultChromiumPath } = await import(
  pathToFileURL(join(ROOT, "dist", "src", "chromium.js")).href
);
process.stdout.write("\nAxe in jeder neuen Seite der Browsertests\n");
let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? defaultChromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
} catch (error) {
  process.stdout.write(
    `  übersprungen: Chromium startet nicht (${String(error).split("\n")[0]})\n`,
  );
  process.exit(0);
}
const context = await browser.newContext();
const builds = [
  { name: "axe.min.js (die Tests)", source: MINIFIED, ms: [], found: "" },
  { name: "axe.source (Vergleich)", source: axe.source, ms: [], found: "" },
];
for (let round = 0; round < PAGES; round += 1) {
  for (const build of builds) {
    const page = await context.newPage();
    await page.setContent(PAGE);
    const start = performance.now();
    await page.evaluate(build.source);
    build.ms.push(performance.now() - start);
    build.found = await page.evaluate(
      async (options) =>
        (await window.axe.run(document, options)).violations
          .map((violation) => `${violation.id}:${violation.nodes.length}`)
          .sort()
          .join(" "),
      OPTIONS,
    );
    await page.close();
  }
}
await browser.close();
for (const build of builds) {
  process.stdout.write(
    `  ${build.name.padEnd(26)} ${(build.source.length / 1024).toFixed(0).padStart(5)} KB   ${median(build.ms).toFixed(0).padStart(5)} ms Median über ${PAGES} Seiten\n`,
  );
}
process.stdout.write(
  `  gleiche Befunde: ${builds[0].found === builds[1].found ? "ja" : "NEIN"} (${builds[0].found})\n`,
);
