/**
 * Which Chromium prints documents (and drives the browser tests) when CHROMIUM_PATH names
 * none: Debian's headless shell where it is installed, otherwise Debian's browser.
 *
 * Both come from Debian's chromium sources. The headless shell (package
 * chromium-headless-shell) is the renderer without a browser around it: the browser in its
 * headless mode still builds each window's toolbar and tab strip as web pages of its own,
 * which cost about three times the CPU of the pages printed or tested
 * (docs/adr/0062-chromium-headless-shell.md).
 */
import { existsSync } from "node:fs";

/** Debian's headless shell: the renderer alone, the lighter of the two. */
export const HEADLESS_SHELL_PATH = "/usr/bin/chromium-headless-shell";
/** Debian's browser. */
export const BROWSER_PATH = "/usr/bin/chromium";

/** The headless shell where it is installed, otherwise the browser (whose absence is then reported on first use). */
export function defaultChromiumPath(
  installed: (path: string) => boolean = existsSync,
): string {
  return installed(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : BROWSER_PATH;
}
