/**
 * URLs of the static assets. The version in the query string lets browsers keep the
 * files for a long time and still fetch new ones after an upgrade.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../project-root.js";

/** The directory the asset files are served from. */
export function assetDirectory(): string {
  return join(findProjectRoot(), "src", "web", "assets");
}

/** The application's version, from package.json. */
export const APP_VERSION: string =
  (
    JSON.parse(
      readFileSync(join(findProjectRoot(), "package.json"), "utf8"),
    ) as { version?: string }
  ).version ?? "0";

/** The URL of an asset file, e.g. "app.css". */
export function assetPath(file: string): string {
  return `/assets/${file}?v=${encodeURIComponent(APP_VERSION)}`;
}
