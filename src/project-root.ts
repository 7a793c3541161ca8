/**
 * The directory that holds package.json. Code runs from src/ under the test runner and
 * from dist/src/ in production, so files beside the code (demo data, assets) are found
 * from the root, not from the module's own location.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The project's root directory. */
export function findProjectRoot(): string {
  if (cached !== undefined) return cached;
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "package.json"))) {
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error(
        "package.json not found above " + fileURLToPath(import.meta.url),
      );
    directory = parent;
  }
  cached = directory;
  return directory;
}
