/**
 * Part of `npm run bench`: how long the committee documents of a status report take for
 * the whole Kleve programme (42 projects, every one with an entry, the key figures and the
 * OZG register of the demo). Measures the compiled code in dist/ on a temporary SQLite
 * database: assembling the report, the slide deck (PPTX, target ≤ 1 s) and the PDF
 * (Chromium, target ≤ 3 s; the first PDF also starts the browser and is shown apart).
 * Prints the numbers and always exits 0: a measurement, not a test.
 *
 * Environment: BENCH_REPORT_RUNS (runs per measurement, default 5), CHROMIUM_PATH.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist", "src");
const RUNS = Math.max(1, Number(process.env.BENCH_REPORT_RUNS ?? 5) || 5);
const TARGETS = { deckMs: 1000, pdfMs: 3000 };

const load = (path) => import(pathToFileURL(join(DIST, path)).href);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function line(label, value, target) {
  const verdict = value <= target ? "erreicht" : "verfehlt";
  process.stdout.write(
    `${label.padEnd(44)} ${value.toFixed(0).padStart(6)} ms   Ziel ≤ ${target} ms   ${verdict}\n`,
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
  const dataDir = mkdtempSync(join(tmpdir(), "fortschritt-bench-reports-"));
  const { openAppContext, migrateDatabase, closeAppContext } =
    await load("app/database.js");
  const { loadDemo } = await load("app/edition/demo-editions.js");
  const { loadDemoReport } = await load("app/reports/demo-report.js");
  const { createReport, updateReport } = await load(
    "app/reports/manage-reports.js",
  );
  const { saveReportEntry } = await load("app/reports/report-entries.js");
  const { getReportDocument } = await load("app/reports/read-reports.js");
  const { getCatalogue } = await load("app/catalogue/read-catalogue.js");
  const { listProjects } = await load("domain/catalogue/catalogue.js");
  const { buildReportDeck } = await load("exports/report/report-deck.js");
  const { createPdfRenderer } = await load("exports/pdf/render-pdf.js");
  const { defaultChromiumPath } = await load("chromium.js");
  const { renderReportPdf } = await load("web/reports/report-print.js");

  const ctx = await openAppContext(
    { dialect: "sqlite", file: join(dataDir, "bench.sqlite") },
    { clock: () => new Date("2023-03-01T09:00:00Z") },
  );
  const renderer = createPdfRenderer({
    chromiumPath: process.env.CHROMIUM_PATH ?? defaultChromiumPath(),
  });
  try {
    await migrateDatabase(ctx);
    await loadDemo(ctx);
    await loadDemoReport(ctx);
    const catalogue = await getCatalogue(ctx, "kleve");
    const admin = {
      kind: "user",
      userId: 0,
      municipalityId: catalogue.municipality.id,
      role: "admin",
      orgUnitCodes: [],
      name: "Messung",
      email: "messung@fortschritt.invalid",
      via: "token",
    };
    // A report of the whole programme: every project with status, text and highlights.
    const meetingId = (
      await ctx.db
        .selectFrom("meeting")
        .select("id")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow()
    ).id;
    const { id } = await createReport(ctx, admin, {
      municipality: "kleve",
      data: { meetingId, asOf: "2023-02-28" },
    });
    await updateReport(ctx, admin, {
      municipality: "kleve",
      reportId: id,
      expectedVersion: 1,
      data: {
        meetingId,
        asOf: "2023-02-28",
        previousReportId: null,
        title: "Sachstandsbericht Digitalisierung",
        sectionKeys: null,
        includeOzg: true,
        outlook: [
          {
            when: "APD – QIII/2023",
            what: "Sachstandsbericht Digitalisierung",
          },
        ],
      },
    });
    const statuses = [
      "on-track",
      "at-risk",
      "delayed",
      "completed",
      "not-started",
      "dormant",
    ];
    const projects = listProjects(catalogue);
    for (const [index, { project }] of projects.entries()) {
      await saveReportEntry(ctx, admin, {
        municipality: "kleve",
        reportId: id,
        project: project.slug,
        expectedVersion: 0,
        data: {
          status: statuses[index % statuses.length],
          text: `${project.title}: Stand der Umsetzung mit zwei, drei Sätzen für den Ausschuss. ${project.summary.slice(0, 160)}`,
          highlights: [
            "Erste Hervorhebung mit einer Zahl",
            "Zweite Hervorhebung",
          ],
          newDate: index % 5 === 0 ? "2023-Q4" : null,
          isIncluded: true,
        },
      });
    }
    process.stdout.write(
      `\nSachstandsbericht mit ${projects.length} Projekten, Kennzahlen und OZG-Leistungsverzeichnis (${RUNS} Läufe, Median)\n\n`,
    );

    const assembled = await timed(
      RUNS,
      async () => (await getReportDocument(ctx, admin, "kleve", id)).document,
    );
    const document = assembled.result;
    process.stdout.write(
      `${"Bericht zusammenstellen".padEnd(44)} ${assembled.median.toFixed(0).padStart(6)} ms\n`,
    );

    const deck = await timed(RUNS, () => buildReportDeck(document));
    line(
      `Foliensatz (PPTX, ${(deck.result.length / 1024).toFixed(0)} KB)`,
      deck.median,
      TARGETS.deckMs,
    );
    const both = await timed(RUNS, async () =>
      buildReportDeck(
        (await getReportDocument(ctx, admin, "kleve", id)).document,
      ),
    );
    line("Foliensatz samt Zusammenstellen", both.median, TARGETS.deckMs);

    const cold = await timed(1, () => renderReportPdf(renderer, document));
    process.stdout.write(
      `${"PDF, erster (startet Chromium)".padEnd(44)} ${cold.median.toFixed(0).padStart(6)} ms\n`,
    );
    const pdf = await timed(RUNS, () => renderReportPdf(renderer, document));
    line(
      `PDF (${(pdf.result.length / 1024).toFixed(0)} KB)`,
      pdf.median,
      TARGETS.pdfMs,
    );
  } catch (error) {
    process.stdout.write(
      `\nMessung abgebrochen: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  } finally {
    await renderer.close();
    await closeAppContext(ctx);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

setTimeout(() => {
  process.stdout.write("\nMessung der Berichte nach 300 s abgebrochen.\n");
  process.exit(0);
}, 300_000).unref();

await main();
process.exit(0);
