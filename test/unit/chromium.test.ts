import { describe, expect, it } from "vitest";
import {
  BROWSER_PATH,
  defaultChromiumPath,
  HEADLESS_SHELL_PATH,
} from "../../src/chromium.js";

describe("the Chromium that prints when CHROMIUM_PATH names none", () => {
  it("is Debian's headless shell where it is installed, even beside the browser", () => {
    expect(defaultChromiumPath(() => true)).toBe(HEADLESS_SHELL_PATH);
    expect(defaultChromiumPath((path) => path === HEADLESS_SHELL_PATH)).toBe(
      "/usr/bin/chromium-headless-shell",
    );
  });

  it("is Debian's browser where only the browser is installed, or neither (the print then reports it missing)", () => {
    expect(defaultChromiumPath((path) => path === BROWSER_PATH)).toBe(
      "/usr/bin/chromium",
    );
    expect(defaultChromiumPath(() => false)).toBe("/usr/bin/chromium");
  });
});
