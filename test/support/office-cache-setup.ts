/**
 * Global setup of the projects that convert documents with LibreOffice (web, e2e): one
 * directory for the whole run in which test/support/office.ts keeps each converted file,
 * removed when the run ends. The projects of one run share it (the first to start
 * creates it); a run that names a directory in the environment keeps that one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OFFICE_CACHE } from "./office.js";

export default function setup(): (() => void) | undefined {
  if ((process.env[OFFICE_CACHE] ?? "") !== "") return undefined;
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-office-"));
  process.env[OFFICE_CACHE] = directory;
  return () => {
    rmSync(directory, { recursive: true, force: true });
  };
}
