/**
 * Printing HTML to PDF (and pictures to PNG) with Debian's Chromium through playwright-core.
 * One renderer per process: it launches one headless browser on first use, reuses it for
 * every document (each PDF in a fresh, isolated browser context) and closes it with the app.
 * Pictures of HTML sources are taken on kept pages instead: a picture page is loaded with
 * each new source, and a new context and its renderer process would cost about a third of
 * the time of a deck's pictures.
 *
 * Usage (the app creates one in web/build-app.ts and closes it on app close):
 *
 *   const renderer = createPdfRenderer({ chromiumPath: "/usr/bin/chromium-headless-shell" });
 *   const pdf = await renderer.renderPdf({ html, resources: { "/assets/print.css": { contentType: "text/css", body: css } } });
 *   const png = await renderer.renderPng({ html }, { selector: "svg" });
 *   const [first, second] = await renderer.renderPngs({ html }, ["#bild-1", "#bild-2"]);
 *   await renderer.close();
 *
 * HTML sources are loaded under a private origin (http://druck.fortschritt.invalid) with
 * scripts off: the page can load only the files passed in `resources` (by absolute path),
 * every other request is refused, so a document cannot reach the network or the server.
 * PDFs are tagged (PDF/UA structure from the HTML's semantics: headings, lists, tables,
 * alt texts, the `lang` attribute) and carry an outline built from the headings.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { defaultChromiumPath } from "../../chromium.js";
import { withPdfUaMetadata } from "./pdf-metadata.js";

/** A file a printed page may load, served from memory. */
export interface PrintResource {
  readonly contentType: string;
  readonly body: string | Buffer;
}

/** A complete HTML document and the files it refers to by absolute path ("/assets/print.css"). */
export interface HtmlSource {
  readonly html: string;
  readonly resources?: Readonly<Record<string, PrintResource>>;
}

/** A page to load from a URL (e.g. the running app's own print view). */
export interface UrlSource {
  readonly url: string;
}

/** What to print: an HTML string or a URL. */
export type PrintSource = HtmlSource | UrlSource;

/** Options of a PDF. */
export interface PdfOptions {
  /** Paper size; A4 by default. */
  readonly format?: "A4" | "A3" | "Letter";
  readonly landscape?: boolean;
  /** Margins as CSS lengths; 18 mm at the sides, 20 mm top and bottom by default. */
  readonly margin?: {
    readonly top?: string;
    readonly right?: string;
    readonly bottom?: string;
    readonly left?: string;
  };
  /** A footer with "Seite n von m" (German) or "Page n of m"; off by default. */
  readonly pageNumbers?: "de" | "en";
}

/** Options of a picture. */
export interface PngOptions {
  /** CSS selector of the element to photograph; the whole page when absent. */
  readonly selector?: string;
  /** Width of the viewport in CSS pixels (default 1200). */
  readonly width?: number;
  /** Device pixel ratio: 2 gives sharp pictures in documents (default 2). */
  readonly scale?: number;
}

/** The renderer: one browser, many documents. */
export interface PdfRenderer {
  /** Prints a page to a tagged PDF with an outline; resolves to the PDF file's bytes. */
  renderPdf(source: PrintSource, options?: PdfOptions): Promise<Buffer>;
  /** Photographs a page (or one element of it) as PNG. */
  renderPng(source: PrintSource, options?: PngOptions): Promise<Buffer>;
  /** Photographs several elements of one page (loaded once), one PNG per selector, in order. */
  renderPngs(
    source: PrintSource,
    selectors: readonly string[],
    options?: Omit<PngOptions, "selector">,
  ): Promise<Buffer[]>;
  /** Closes the browser; later calls start a new one. */
  close(): Promise<void>;
}

/** How the renderer finds and limits Chromium. */
export interface PdfRendererOptions {
  /** The Chromium binary (CHROMIUM_PATH); Debian's headless shell or browser by default (src/chromium.ts). */
  readonly chromiumPath?: string;
  /** At most this many pages render at once; further requests wait (default 2). */
  readonly concurrency?: number;
  /** A render that takes longer fails (default 60 s). */
  readonly timeoutMs?: number;
}

/** The private origin HTML sources are loaded under; `.invalid` can never resolve (RFC 6761). */
const PRINT_ORIGIN = "http://druck.fortschritt.invalid";

/** Flags for a headless Chromium in a container: no sandbox (no user namespaces), quiet and offline. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

const FOOTER_TEXT = {
  de: (page: string, total: string) => `Seite ${page} von ${total}`,
  en: (page: string, total: string) => `Page ${page} of ${total}`,
};

/** Creates a renderer; nothing starts until the first document is printed. */
export function createPdfRenderer(
  options: PdfRendererOptions = {},
): PdfRenderer {
  const chromiumPath = options.chromiumPath ?? defaultChromiumPath();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const slots = new Semaphore(options.concurrency ?? 2);
  let launching: Promise<Browser> | null = null;

  // playwright-core starts Chromium with a fresh temporary profile directory of its own
  // and removes it on close, so parallel processes and test runs never share a profile.
  async function launch(): Promise<Browser> {
    // Loaded on first use: playwright-core is large, and most processes never print.
    const { chromium } = await import("playwright-core");
    const launched = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const promise = launching;
    launched.on("disconnected", () => {
      // A crashed browser is replaced by the next render.
      if (launching === promise) launching = null;
    });
    return launched;
  }

  /** The browser the kept picture pages may belong to (null when none is running). */
  let launchedBrowser: Browser | null = null;

  async function browser(): Promise<Browser> {
    launching ??= launch().catch((error: unknown) => {
      launching = null;
      throw error;
    });
    const running = await launching;
    launchedBrowser = running;
    return running;
  }

  /** A context without scripts at the given viewport, as every print and picture uses. */
  async function newPrintContext(
    running: Browser,
    viewport: Viewport,
  ): Promise<BrowserContext> {
    const context = await running.newContext({
      javaScriptEnabled: false,
      viewport: { width: viewport.width, height: viewport.height },
      deviceScaleFactor: viewport.scale,
      locale: "de-DE",
    });
    context.setDefaultTimeout(timeoutMs);
    return context;
  }

  async function withPage<T>(
    source: PrintSource,
    viewport: Viewport,
    work: (page: Page) => Promise<T>,
  ): Promise<T> {
    return slots.run(async () => {
      const context = await newPrintContext(await browser(), viewport);
      try {
        const page = await context.newPage();
        if ("html" in source) {
          await servePrivately(page, () => source);
          await page.goto(`${PRINT_ORIGIN}/`, { waitUntil: "load" });
        } else {
          await page.goto(source.url, { waitUntil: "load" });
        }
        return await work(page);
      } finally {
        await context.close();
      }
    });
  }

  /** Kept picture pages, idle, with the browser they belong to and their viewport. */
  const idlePicturePages: PicturePage[] = [];

  /**
   * Runs `work` on a kept page showing `source` (an HTML source: a URL may set cookies or
   * storage, so it gets a fresh context). A page whose work failed is closed, not kept.
   */
  async function withPicturePage<T>(
    source: HtmlSource,
    viewport: Viewport,
    work: (page: Page) => Promise<T>,
  ): Promise<T> {
    return slots.run(async () => {
      const current = await browser();
      const key = `${viewport.width}x${viewport.height}@${viewport.scale}`;
      // A page whose renderer went away (it is closed then) or whose browser has been
      // replaced is dropped, not taken again.
      for (const unusable of idlePicturePages.filter(
        (idle) => idle.page.isClosed() || idle.browser !== current,
      )) {
        idlePicturePages.splice(idlePicturePages.indexOf(unusable), 1);
        await unusable.context.close().catch(() => undefined);
      }
      const index = idlePicturePages.findIndex((kept) => kept.key === key);
      let kept =
        index === -1 ? undefined : idlePicturePages.splice(index, 1)[0];
      if (kept === undefined) {
        const context = await newPrintContext(current, viewport);
        const page = await context.newPage();
        const created: PicturePage = {
          browser: current,
          key,
          context,
          page,
          source,
        };
        await servePrivately(page, () => created.source);
        kept = created;
      }
      kept.source = source;
      try {
        await kept.page.goto(`${PRINT_ORIGIN}/`, { waitUntil: "load" });
        const result = await work(kept.page);
        // A page of a browser replaced meanwhile is not kept.
        if (kept.browser === launchedBrowser) idlePicturePages.push(kept);
        else await kept.context.close().catch(() => undefined);
        return result;
      } catch (error) {
        await kept.context.close().catch(() => undefined);
        throw error;
      }
    });
  }

  return {
    async renderPdf(source, pdfOptions = {}) {
      return withPage(
        source,
        { width: 1200, height: 1600, scale: 1 },
        async (page) => {
          const language = pdfOptions.pageNumbers;
          const footer =
            language === undefined
              ? undefined
              : `<div style="width:100%;font-size:8pt;font-family:sans-serif;text-align:center;color:#444">${FOOTER_TEXT[
                  language
                ](
                  '<span class="pageNumber"></span>',
                  '<span class="totalPages"></span>',
                )}</div>`;
          const printed = await page.pdf({
            format: pdfOptions.format ?? "A4",
            landscape: pdfOptions.landscape ?? false,
            printBackground: true,
            tagged: true,
            outline: true,
            preferCSSPageSize: true,
            margin: {
              top: "20mm",
              right: "18mm",
              bottom: "20mm",
              left: "18mm",
              ...pdfOptions.margin,
            },
            displayHeaderFooter: footer !== undefined,
            headerTemplate: footer === undefined ? undefined : "<span></span>",
            footerTemplate: footer,
          });
          // XMP metadata naming the file PDF/UA, which Chromium does not write.
          return withPdfUaMetadata(printed);
        },
      );
    },
    async renderPng(source, pngOptions = {}) {
      return withPage(source, pictureViewport(pngOptions), async (page) => {
        if (pngOptions.selector === undefined)
          return page.screenshot({ fullPage: true, type: "png" });
        return page
          .locator(pngOptions.selector)
          .first()
          .screenshot({ type: "png" });
      });
    },
    async renderPngs(source, selectors, pngOptions = {}) {
      const viewport = pictureViewport(pngOptions);
      const photograph = async (page: Page): Promise<Buffer[]> => {
        const pictures: Buffer[] = [];
        for (const selector of selectors)
          pictures.push(
            await page.locator(selector).first().screenshot({ type: "png" }),
          );
        return pictures;
      };
      return "html" in source
        ? withPicturePage(source, viewport, photograph)
        : withPage(source, viewport, photograph);
    },
    async close() {
      const running = launching;
      launching = null;
      launchedBrowser = null;
      for (const kept of idlePicturePages.splice(0))
        await kept.context.close().catch(() => undefined);
      if (running === null) return;
      const opened = await running.catch(() => null);
      await opened?.close().catch(() => undefined);
    },
  };
}

const NOT_KEPT = { "cache-control": "no-store" } as const;

/** The browser window a document is printed or photographed in. */
interface Viewport {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
}

/** The window for pictures: 1200 px wide at twice the pixels unless asked otherwise. */
function pictureViewport(options: PngOptions): Viewport {
  return {
    width: options.width ?? 1200,
    height: 800,
    scale: options.scale ?? 2,
  };
}

/** A kept page for pictures and the source it shows now. */
interface PicturePage {
  readonly browser: Browser;
  readonly key: string;
  readonly context: BrowserContext;
  readonly page: Page;
  source: HtmlSource;
}

/**
 * Answers the page's requests from memory: the document it shows now and its resources;
 * everything else is refused.
 */
async function servePrivately(
  page: Page,
  current: () => HtmlSource,
): Promise<void> {
  await page.route("**/*", async (route) => {
    const source = current();
    const resources = source.resources ?? {};
    const url = new URL(route.request().url());
    if (url.origin !== PRINT_ORIGIN) return route.abort("blockedbyclient");
    if (url.pathname === "/")
      return route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        // A kept page shows another source next time: nothing may come from its cache.
        headers: NOT_KEPT,
        body: source.html,
      });
    const resource = Object.hasOwn(resources, url.pathname)
      ? resources[url.pathname]
      : undefined;
    if (resource === undefined) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({
      status: 200,
      contentType: resource.contentType,
      headers: NOT_KEPT,
      body: resource.body,
    });
  });
}

/** Lets at most `limit` tasks run at once; the rest wait in order. */
class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
