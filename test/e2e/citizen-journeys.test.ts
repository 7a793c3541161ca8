/**
 * What a citizen relies on, in a real browser, with JavaScript and without: the skip
 * link, the timeline filter, search, reflow to 320 px and a clean printout. Selectors
 * are roles, labels and headings — what a screen reader user meets — not CSS classes.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

let rig: BrowserRig;

beforeAll(async () => {
  rig = await openBrowserRig();
});

afterAll(async () => {
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

/** Whether the element has keyboard focus. */
function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Whether the element takes up space on the page (display: none hides it from print and screen). */
function isRendered(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.getClientRects().length > 0);
}

/** Project title and action field of each project the timeline's table lists. */
function timelineTableRows(
  page: Page,
): Promise<{ project: string; actionField: string }[]> {
  return page
    .getByRole("table", { name: "Zeitstrahl als Tabelle" })
    .evaluate((table) => {
      if (!(table instanceof HTMLTableElement)) throw new Error("not a table");
      const headers = Array.from(table.tHead?.rows[0]?.cells ?? [], (cell) =>
        cell.textContent?.trim(),
      );
      const fieldColumn = headers.indexOf("Aktionsfeld");
      // One row group per project; its first row carries project, field and status.
      return Array.from(table.tBodies, (body) => {
        const cells = body.rows[0]?.cells;
        return {
          project: cells?.[0]?.querySelector("a")?.textContent?.trim() ?? "",
          actionField: cells?.[fieldColumn]?.textContent?.trim() ?? "",
        };
      });
    });
}

/** The link texts between a heading and the next heading of the same or a higher level. */
function linksUnderHeading(heading: Locator): Promise<string[]> {
  return heading.evaluate((start) => {
    const level = Number(start.tagName.slice(1));
    const texts: string[] = [];
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_ELEMENT,
    );
    walker.currentNode = start;
    for (
      let node = walker.nextNode();
      node !== null;
      node = walker.nextNode()
    ) {
      if (!(node instanceof HTMLElement)) continue;
      if (
        /^H[1-6]$/.test(node.tagName) &&
        Number(node.tagName.slice(1)) <= level
      )
        break;
      if (node.tagName === "A")
        texts.push(node.textContent?.replace(/\s+/g, " ").trim() ?? "");
    }
    return texts;
  });
}

describe.each(JAVASCRIPT_MODES)("a citizen $mode", ({ javaScriptEnabled }) => {
  let page: Page;

  beforeAll(async () => {
    page = await rig.newPage(javaScriptEnabled);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("reaches the main content with the skip link, which moves keyboard focus there", async () => {
    await page.goto("/kleve/projekte/e-rechnungsworkflow");
    const skipLink = page.getByRole("link", { name: "Zum Inhalt springen" });

    await page.keyboard.press("Tab");
    expect(await isFocused(skipLink)).toBe(true);
    expect(await skipLink.isVisible()).toBe(true);

    await page.keyboard.press("Enter");
    await expect.poll(() => isFocused(page.getByRole("main"))).toBe(true);
    // The next Tab continues inside the main content, not in the header.
    await page.keyboard.press("Tab");
    expect(
      await page
        .getByRole("main")
        .evaluate((main) => main.contains(document.activeElement)),
    ).toBe(true);
  });

  it("filters the timeline by action field through the form, and every selection has its own URL", async () => {
    await page.goto("/kleve/zeitstrahl");
    const all = await timelineTableRows(page);
    expect(all).toHaveLength(42);
    const smartWorking = all
      .filter((row) => row.actionField === "Smart Working")
      .map((row) => row.project);
    expect(smartWorking).toContain("E-Rechnungsworkflow");

    // Choosing changes nothing until the person confirms; the hint says so and is tied to the select (WCAG 3.2.2).
    const select = page.getByRole("combobox", {
      name: "Aktionsfeld",
      exact: true,
    });
    expect(await select.getAttribute("aria-describedby")).toBe(
      "filter-hinweis",
    );
    expect(await page.locator("#filter-hinweis").textContent()).toBe(
      "Eine Auswahl ändert die Ansicht erst, wenn Sie „Auswahl anzeigen“ wählen.",
    );
    const loads: string[] = [];
    const onLoad = (frame: { url(): string }): void => {
      loads.push(frame.url());
    };
    page.on("framenavigated", onLoad);
    await select.selectOption({ label: "2 Smart Working" });
    // An arrow key in the closed select moves the choice on, and still nothing happens.
    await select.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.getByRole("button", { name: "Auswahl anzeigen" }).click();
    await page.waitForURL(/aktionsfeld=smart-working/);
    page.off("framenavigated", onLoad);
    // The one page load is the confirmed one.
    expect(loads).toEqual([expect.stringMatching(/aktionsfeld=smart-working/)]);

    const filtered = await timelineTableRows(page);
    expect(filtered.map((row) => row.project)).toEqual(smartWorking);
    expect(new Set(filtered.map((row) => row.actionField))).toEqual(
      new Set(["Smart Working"]),
    );
    expect(await page.getByRole("status").textContent()).toBe(
      `${smartWorking.length} von 42 Projekten`,
    );
    expect(
      await page
        .getByRole("combobox", { name: "Aktionsfeld", exact: true })
        .inputValue(),
    ).toBe("smart-working");

    await page.getByRole("link", { name: "Auswahl zurücksetzen" }).click();
    await page.waitForURL(
      (url) => url.pathname === "/kleve/zeitstrahl" && url.search === "",
    );
    expect(await timelineTableRows(page)).toHaveLength(42);
  });

  it("finds E-Rechnungsworkflow through the search form and follows it to its dependency on the DMS", async () => {
    await page.goto("/kleve/");
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Suche" })
      .click();
    await page.waitForURL("**/kleve/suche");

    await page.getByRole("searchbox", { name: "Suchbegriff" }).fill("Rechnung");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.waitForURL(/\/kleve\/suche\?q=Rechnung/);

    const results = page.getByRole("region", {
      name: /Treffer für „Rechnung“/,
    });
    await results
      .getByRole("link", { name: "2.5 E-Rechnungsworkflow", exact: true })
      .click();
    await page.waitForURL("**/kleve/projekte/e-rechnungsworkflow");

    expect(
      await page.getByRole("heading", { level: 1 }).textContent(),
    ).toContain("E-Rechnungsworkflow");
    const dependsOn = page.getByRole("heading", { name: "Hängt ab von" });
    expect(await linksUnderHeading(dependsOn)).toEqual([
      "2.1 Dokumentenmanagementsystem",
    ]);
  });

  describe("at 320 px width (WCAG 1.4.10 reflow)", () => {
    beforeAll(async () => {
      await page.setViewportSize({ width: 320, height: 800 });
    });

    afterAll(async () => {
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    it.each([
      "/kleve/",
      "/kleve/projekte/e-rechnungsworkflow",
      "/kleve/suche?q=rechnung",
      "/kleve/zeitstrahl",
    ])("%s needs no horizontal page scrolling", async (path) => {
      await page.goto(path);
      const scrollWidth = await page.evaluate(
        () => document.documentElement.scrollWidth,
      );
      expect(scrollWidth).toBeLessThanOrEqual(320 + 1);
    });

    it("lets only the timeline chart scroll sideways, inside its own focusable region", async () => {
      await page.goto("/kleve/zeitstrahl");
      const region = page.getByRole("region", {
        name: "Zeitstrahl als Grafik, seitlich verschiebbar",
      });
      const { scrollWidth, clientWidth, tabIndex } = await region.evaluate(
        (element) => ({
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
          tabIndex: (element as HTMLElement).tabIndex,
        }),
      );
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      expect(tabIndex).toBe(0);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(320 + 1);
    });
  });

  describe("when printing", () => {
    afterAll(async () => {
      await page.emulateMedia({ media: null });
    });

    it("leaves out the navigation but keeps the content", async () => {
      await page.goto("/kleve/projekte/e-rechnungsworkflow");
      // includeHidden: an element hidden by CSS leaves the accessibility tree, and getByRole would not find it.
      const navigation = page.getByRole("navigation", {
        name: "Hauptnavigation",
        includeHidden: true,
      });
      const breadcrumbs = page.getByRole("navigation", {
        name: "Brotkrumennavigation",
        includeHidden: true,
      });
      const skipLink = page.getByRole("link", {
        name: "Zum Inhalt springen",
        includeHidden: true,
      });
      expect(await isRendered(navigation)).toBe(true);

      await page.emulateMedia({ media: "print" });
      expect(await isRendered(navigation)).toBe(false);
      expect(await isRendered(breadcrumbs)).toBe(false);
      expect(await isRendered(skipLink)).toBe(false);
      expect(await isRendered(page.getByRole("heading", { level: 1 }))).toBe(
        true,
      );
      expect(
        await isRendered(page.getByRole("heading", { name: "Abhängigkeiten" })),
      ).toBe(true);
    });
  });
});
