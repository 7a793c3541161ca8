/** Global setup of the browser tests: refuses to run without Chromium, so that nothing is silently skipped. */
import { existsSync } from "node:fs";
import { chromiumPath } from "./environment.js";

export default function setup(): void {
  if (!existsSync(chromiumPath())) {
    throw new Error(
      `Chromium is missing at ${chromiumPath()}: the browser tests need it (apt-get install chromium-headless-shell, or chromium).`,
    );
  }
}
