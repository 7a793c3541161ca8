/**
 * Part of `npm run bench`: the documents of the Kleve demo as they are built at
 * publication and served from storage (ADR 0046). Measures the compiled code in dist/ on
 * a temporary SQLite database: the catalogue PDF of the 2. Fortschreibung (size and build
 * time; the first printing also starts the browser and is shown apart), the revision
 * slides (build time of the first deck in the process, against the target; the median of
 * later builds beside it; the timelines are drawn as shapes, ADR 0057)
 * and the report deck (build time), the report PDF (size), and the download of a
 * stored published document through the app. Prints the numbers next to their targets and
 * always exits 0: a measurement, not a test.
 *
 * Environment: BENCH_DOCUMENT_RUNS (runs per build measurement, default 3), CHROMIUM_PATH.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist", "src");
const RUNS = Math.max(1, Number(process.env.BENCH_DOCUMENT_RUNS ?? 3) || 3);
const TARGETS = {
  cataloguePdfBytes: 1024 * 1024,
  cataloguePdfMs: 3000,
  deckMs: 1000,
  reportPdfBytes: 300 * 1024,
  storedDownloadMs: 50,
};

const load = (path) => import(pathToFileURL(join(DIST, path)).href);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function row(label, value, unit, target) {
  const verdict = value <= target ? "erreicht" : "verfehlt";
  const shown =
    unit === "KB"
      ? (value / 1024).toFixed(0)
      : value.toFixed(unit === "ms" && value < 10 ? 1 : 0);
  const limit = unit === "KB" ? (target / 1024).toFixed(0) : String(target);
  process.stdout.write(
    `${label.padEnd(48)} ${shown.padStart(7)} ${unit.padEnd(2)}   Ziel ≤ ${limit} ${unit}   ${verdict}\n`,
  );
}

async function timed(runs, work) {
  const times = [];
  let result;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  return { median: median(times), result };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "fortschritt-bench-documents-"));
  const { openAppContext, migrateDatabase, closeAppContext } =
    await load("app/database.js");
  const { loadDemo } = await load("app/edition/demo-editions.js");
  const { loadDemoReport } = await load("app/reports/demo-report.js");
  const { listPublishedReports } = await load("app/reports/read-reports.js");
  const { createPdfRenderer } = await load("exports/pdf/render-pdf.js");
  const { defaultChromiumPath } = await load("chromium.js");
  const { createDocumentMaker } = await load("web/documents/document-maker.js");
  const { StoredDocuments } = await load("web/documents/stored-documents.js");
  const { buildApp } = await load("web/build-app.js");

  const ctx = await openAppContext(
    { dialect: "sqlite", file: join(dataDir, "bench.sqlite") },
    { clock: () => new Date("2023-03-01T09:00:00Z") },
  );
  const renderer = createPdfRenderer({
    chromiumPath: process.env.CHROMIUM_PATH ?? defaultChromiumPath(),
  });
  let app = null;
  try {
    await migrateDatabase(ctx);
    await loadDemo(ctx);
    await loadDemoReport(ctx);
    const { reports } = await listPublishedReports(ctx, "kleve");
    const report = { type: "report", key: String(reports.at(-1).id) };
    const edition = { type: "edition", key: "2" };
    const maker = createDocumentMaker(ctx, renderer);

    process.stdout.write(
      "\nDokumente (Kleve, 2. Fortschreibung und Sachstandsbericht)\n",
    );
    const firstStart = performance.now();
    const first = await maker.make("kleve", edition, "pdf");
    const firstMs = performance.now() - firstStart;
    const catalogue = await timed(RUNS, () =>
      maker.make("kleve", edition, "pdf"),
    );
    row(
      "Katalog-PDF: Größe",
      first.body.length,
      "KB",
      TARGETS.cataloguePdfBytes,
    );
    row(
      "Katalog-PDF: Erstellung (Median)",
      catalogue.median,
      "ms",
      TARGETS.cataloguePdfMs,
    );
    process.stdout.write(
      `${"  (erste Erstellung mit Browserstart)".padEnd(48)} ${firstMs.toFixed(0).padStart(7)} ms\n`,
    );
    // The first deck in a process loads pptxgenjs; later builds (a draft built again
    // after an edit) do not.
    const firstSlidesStart = performance.now();
    await maker.make("kleve", edition, "pptx");
    const firstSlidesMs = performance.now() - firstSlidesStart;
    const slides = await timed(RUNS, () =>
      maker.make("kleve", edition, "pptx"),
    );
    // The target holds for the first deck (a publication, the first draft after a start);
    // a deck built again is shown beside it.
    row(
      "Folien der Fortschreibung: Erstellung",
      firstSlidesMs,
      "ms",
      TARGETS.deckMs,
    );
    process.stdout.write(
      `${"  (erneut, Median)".padEnd(48)} ${slides.median.toFixed(0).padStart(7)} ms\n`,
    );
    const deck = await timed(RUNS, () => maker.make("kleve", report, "pptx"));
    row("Folien des Berichts: Erstellung", deck.median, "ms", TARGETS.deckMs);
    const reportPdf = await maker.make("kleve", report, "pdf");
    row(
      "Bericht-PDF: Größe",
      reportPdf.body.length,
      "KB",
      TARGETS.reportPdfBytes,
    );

    // A published document in storage, downloaded through the app.
    const documents = new StoredDocuments(ctx, maker, { pollMs: 0 });
    await documents.document("kleve", edition, "pdf");
    app = await buildApp(ctx, {});
    const url = "/kleve/fortschreibungen/2/katalog.pdf";
    await app.inject(url);
    const download = await timed(20, async () => {
      const response = await app.inject(url);
      if (response.statusCode !== 200)
        throw new Error(`${url}: ${response.statusCode}`);
      return response;
    });
    row(
      "Download eines gespeicherten Dokuments",
      download.median,
      "ms",
      TARGETS.storedDownloadMs,
    );
  } finally {
    await app?.close();
    await renderer.close();
    await closeAppContext(ctx);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`Dokumente nicht gemessen: ${error?.stack ?? error}\n`);
  process.exitCode = 0;
});
