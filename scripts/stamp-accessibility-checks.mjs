#!/usr/bin/env node
// Sets the date of the automated accessibility checks (src/domain/accessibility/automated-checks.ts)
// to today (UTC) or to the date given as the first argument (YYYY-MM-DD). Run it when the
// browser tests with axe have passed for a release; the accessibility statement shows the date.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const file = fileURLToPath(
  new URL("../src/domain/accessibility/automated-checks.ts", import.meta.url),
);
const date = process.argv[2] ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error(`Kein Datum der Form JJJJ-MM-TT: ${date}`);
  process.exit(1);
}
const source = readFileSync(file, "utf8");
const pattern = /export const AUTOMATED_CHECKS_DATE = "\d{4}-\d{2}-\d{2}";/;
if (!pattern.test(source)) {
  console.error(`AUTOMATED_CHECKS_DATE nicht gefunden in ${file}`);
  process.exit(1);
}
writeFileSync(
  file,
  source.replace(pattern, `export const AUTOMATED_CHECKS_DATE = "${date}";`),
);
console.log(`Datum der automatisierten Prüfung: ${date}`);
