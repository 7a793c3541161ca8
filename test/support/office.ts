/**
 * LibreOffice (headless) converting a DOCX or PPTX to PDF, as a reader's office suite
 * opens the file. Several tests convert the same demo documents (the catalogue, the
 * revision slides, the status reports), and a conversion costs seconds of CPU; so within
 * one test run each distinct file is converted once: the PDF is kept under the SHA-256
 * of the file's bytes in a directory of the run (OFFICE_CACHE, see office-cache-setup.ts)
 * and copied for every later request of the same bytes. A file that differs in one byte
 * is converted afresh; a conversion that fails is not kept, so every caller sees it fail.
 *
 * Each worker process keeps one LibreOffice profile for its conversions (one after
 * another), so that the profile is not built anew for each file; parallel workers never
 * share a profile. When two workers ask for the same bytes at the same time, the first
 * claims the conversion (a lock file beside the kept PDF) and the other waits for its
 * result instead of converting the same file again; if the first fails, the other converts.
 */
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import {
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/** How long one conversion may take before LibreOffice is stopped. */
const CONVERSION_TIMEOUT_MS = 240_000;
/** How often a worker that waits for another's conversion looks for its result. */
const CLAIM_POLL_MS = 100;

/** The environment variable that names the run's directory of converted files. */
export const OFFICE_CACHE = "FORTSCHRITT_TEST_OFFICE_CACHE";

let profile: Promise<string> | undefined;
/** Conversions of this process, one after another (one profile cannot serve two at once). */
let queue: Promise<unknown> = Promise.resolve();

function workerProfile(): Promise<string> {
  profile ??= mkdtemp(join(tmpdir(), "fortschritt-libreoffice-")).then(
    (directory) => {
      process.once("exit", () =>
        rmSync(directory, { recursive: true, force: true }),
      );
      return directory;
    },
  );
  return profile;
}

async function convert(file: string, outdir: string): Promise<void> {
  const home = await workerProfile();
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${home}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outdir,
      file,
    ],
    { timeout: CONVERSION_TIMEOUT_MS, env: { ...process.env, HOME: home } },
  );
}

/** Copies the PDF kept under a hash to `pdf`; false when none is kept yet. */
function copyKept(kept: string, pdf: string): Promise<boolean> {
  return copyFile(kept, pdf).then(
    () => true,
    () => false,
  );
}

/** Claims the conversion of one file for this process; false when another holds the claim. */
async function claimConversion(claim: string): Promise<boolean> {
  try {
    await writeFile(claim, String(Date.now()), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Whether a claim no longer stands: its holder removed it (a failed conversion), or it is
 * older than a conversion may take (its process ended without removing it), in which case
 * it is removed so that this process can claim the conversion.
 */
async function claimGone(claim: string): Promise<boolean> {
  const since = await readFile(claim, "utf8").then(Number, () => undefined);
  if (since === undefined) return true;
  if (Date.now() - since <= CONVERSION_TIMEOUT_MS + 10_000) return false;
  await rm(claim, { force: true });
  return true;
}

/**
 * Converts a DOCX or PPTX to PDF in `outdir` (created when missing) and resolves to the
 * PDF's path (`outdir/<name>.pdf`); rejects when LibreOffice fails.
 */
export async function convertWithLibreOffice(
  file: string,
  outdir: string,
): Promise<string> {
  await mkdir(outdir, { recursive: true });
  const pdf = join(outdir, basename(file).replace(/\.(docx|pptx)$/, ".pdf"));
  const cache = process.env[OFFICE_CACHE];
  const step = queue.then(async () => {
    if (cache === undefined || cache === "") {
      await convert(file, outdir);
      return;
    }
    const hash = createHash("sha256")
      .update(basename(file).replace(/^.*\./, ""))
      .update("\u0000")
      .update(await readFile(file))
      .digest("hex");
    const kept = join(cache, `${hash}.pdf`);
    if (await copyKept(kept, pdf)) return;
    await mkdir(cache, { recursive: true });
    const claim = join(cache, `${hash}.claim`);
    while (!(await claimConversion(claim))) {
      // Another worker converts the same bytes: its PDF, once kept, serves here too.
      if (await copyKept(kept, pdf)) return;
      if (await claimGone(claim)) continue;
      await sleep(CLAIM_POLL_MS);
    }
    try {
      if (await copyKept(kept, pdf)) return;
      await convert(file, outdir);
      // Kept atomically: a parallel worker reads either nothing or the whole file.
      const aside = join(
        cache,
        `${hash}.${randomBytes(4).toString("hex")}.tmp`,
      );
      await copyFile(pdf, aside);
      await rename(aside, kept);
    } finally {
      await rm(claim, { force: true });
    }
  });
  queue = step.catch(() => undefined);
  await step;
  return pdf;
}
