/**
 * The timeline charts as a screen reader meets them, read from Chromium's accessibility
 * tree (DevTools `Accessibility.getFullAXTree`), with JavaScript and without, axe on each:
 * one image with a name (the chart's title) and a description read once (its <desc>, not
 * also in the name), nothing beneath it in the tree, inside a figure, and `aria-details`
 * pointing to the table (or list) with the same data.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  findAccessibilityViolations,
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

interface AxNode {
  readonly nodeId: string;
  readonly ignored: boolean;
  readonly role?: { readonly value?: string };
  readonly name?: { readonly value?: string };
  readonly description?: { readonly value?: string };
  readonly childIds?: readonly string[];
  readonly backendDOMNodeId?: number;
}

/** The charts' images in the accessibility tree, each with what a screen reader finds beneath it. */
async function chartImages(page: Page): Promise<
  {
    readonly name: string;
    readonly description: string;
    readonly exposedDescendants: readonly string[];
  }[]
> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send("Accessibility.getFullAXTree")) as {
      nodes: AxNode[];
    };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const exposedBelow = (node: AxNode): string[] =>
      (node.childIds ?? []).flatMap((id) => {
        const child = byId.get(id);
        if (child === undefined) return [];
        const own = child.ignored
          ? []
          : [`${child.role?.value ?? "?"} "${child.name?.value ?? ""}"`];
        return [...own, ...exposedBelow(child)];
      });
    const svgImages = await page.evaluate(() =>
      [...document.querySelectorAll("svg[role=img]")].map(
        (svg) => svg.querySelector("title")?.textContent ?? "",
      ),
    );
    return nodes
      .filter(
        (node) =>
          !node.ignored &&
          node.role?.value === "image" &&
          svgImages.includes(node.name?.value ?? "\u0000"),
      )
      .map((node) => ({
        name: node.name?.value ?? "",
        description: node.description?.value ?? "",
        exposedDescendants: exposedBelow(node),
      }));
  } finally {
    await session.detach();
  }
}

/** Each chart image's figure, title, description and what its aria-details points to. */
async function chartMarkup(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("svg[role=img]")].map((svg) => {
      const detailsId = svg.getAttribute("aria-details");
      const details =
        detailsId === null ? null : document.getElementById(detailsId);
      return {
        title: svg.querySelector(":scope > title")?.textContent ?? "",
        description: svg.querySelector(":scope > desc")?.textContent ?? "",
        inFigure: svg.parentElement?.tagName === "FIGURE",
        details: details === null ? null : details.tagName.toLowerCase(),
      };
    }),
  );
}

describe.each(JAVASCRIPT_MODES)(
  "the timeline as an image $mode",
  ({ javaScriptEnabled }) => {
    it.each([
      { path: "/kleve/zeitstrahl", details: "table" },
      { path: "/kleve/zeitstrahl?lang=en", details: "table" },
      {
        path: "/kleve/fortschreibungen/2/zeitstrahl?vergleich=1",
        details: "table",
      },
      { path: "/kleve/projekte/e-rechnungsworkflow", details: "ol" },
    ])(
      "$path: one named image, described once, nothing beneath it, its alternative linked by aria-details",
      async ({ path, details }) => {
        const page = await rig.newPage(javaScriptEnabled);
        try {
          expect((await page.goto(path))?.status()).toBe(200);
          const markup = await chartMarkup(page);
          expect(markup).toHaveLength(1);
          const chart = markup[0]!;
          expect(chart).toMatchObject({ inFigure: true, details });
          expect(chart.title).not.toBe("");
          expect(chart.description).not.toBe("");

          const images = await chartImages(page);
          expect(images).toEqual([
            {
              name: chart.title,
              description: chart.description,
              exposedDescendants: [],
            },
          ]);
          expect(await findAccessibilityViolations(page)).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  },
);
