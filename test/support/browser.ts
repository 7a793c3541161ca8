/**
 * The rig for browser tests: the real app listening on 127.0.0.1 on a SQLite demo
 * database, and Debian's Chromium driven by playwright-core, with one browser context
 * that runs scripts and one that does not (every page must work without JavaScript).
 * Open it once per test file in beforeAll and close it in afterAll.
 *
 * The browser itself is launched once per worker process and shared by the files the
 * worker runs one after another (the e2e project does not isolate its files); each rig
 * has contexts of its own, so no cookie, storage or cache crosses from file to file.
 */
// Browser tests pass functions to page.evaluate that run in the page, and Playwright's
// types name DOM types: both need the DOM library, which the Node-only tsconfig lacks.
/// <reference lib="dom" />
import type { MailDelivery } from "../../src/app/auth/passwords.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { AxeBuilder } from "@axe-core/playwright";
import type axe from "axe-core";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from "playwright-core";
import type { FastifyInstance, RouteOptions } from "fastify";
import type { AppContext } from "../../src/app/context.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  openTestContext,
  TEST_NOW,
  type DemoData,
  type TestContext,
} from "./database.js";
import type { DialectName } from "../../src/db/dialect.js";
import type { DocumentMaker } from "../../src/app/documents/published-documents.js";
import { chromiumPath } from "./environment.js";

/** The two ways a reader may come: with scripts running, and without. */
export const JAVASCRIPT_MODES = [
  { mode: "with JavaScript", javaScriptEnabled: true },
  { mode: "without JavaScript", javaScriptEnabled: false },
] as const;

/**
 * The one way a form journey (signing in, filling and sending forms that change data)
 * runs: without JavaScript. app.js only enhances, so every form works without it, the
 * journey takes the same server paths, and the forms are stricter; page checks (axe,
 * reflow, titles) keep both JAVASCRIPT_MODES, and journeys whose forms the script changes
 * keep both too (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
export const FORM_JOURNEY_MODES: readonly (typeof JAVASCRIPT_MODES)[number][] =
  [JAVASCRIPT_MODES[1]];

/** The WCAG 2.1 AA rules axe checks (BITV 2.0 refers to WCAG 2.1 AA through EN 301 549). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

/** One rule that axe found broken, with the elements that break it. */
type Violation = Awaited<
  ReturnType<AxeBuilder["analyze"]>
>["violations"][number];

/** Flags that keep Chromium quiet and offline in a container; never download a browser. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The worker's Chromium, launched on first use. Playwright ends it when the worker
 * process exits; a browser that crashed is launched afresh for the next rig.
 */
let workerBrowser: Promise<Browser> | undefined;

function sharedBrowser(): Promise<Browser> {
  if (workerBrowser === undefined) {
    const launching = chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const forget = () => {
      if (workerBrowser === launching) workerBrowser = undefined;
    };
    launching.then((browser) => browser.on("disconnected", forget), forget);
    workerBrowser = launching;
  }
  return workerBrowser;
}

/** A running portal and a browser pointed at it. */
export interface BrowserRig {
  /** The server's origin, e.g. "http://127.0.0.1:41234". */
  readonly baseUrl: string;
  /** The app's database, e.g. to create the accounts a test signs in with. */
  readonly ctx: AppContext;
  /** A new page that runs the portal's scripts, or one that does not; closed with the rig. */
  newPage(javaScriptEnabled: boolean): Promise<Page>;
  /** Script errors seen since the last call (a broken enhancement is a bug even when the page still works). */
  takeScriptErrors(): string[];
  close(): Promise<void>;
}

/**
 * Pages without JavaScript, with the DevTools session that switched their scripts off.
 *
 * Why not Playwright's `javaScriptEnabled: false`: it also stops timers for scripts that
 * the test injects, so axe never finishes (dequelabs/axe-core-npm#529), and a second
 * DevTools session cannot lift it. Playwright implements the option with the same
 * DevTools switch (`Emulation.setScriptExecutionDisabled`); holding the switch ourselves
 * lets the audit turn it off for the moment axe runs. The page's own scripts were
 * skipped while it loaded and stay skipped, so axe sees the page as a reader without
 * JavaScript does (including any `<noscript>` content).
 */
const scriptlessPages = new WeakMap<Page, CDPSession>();

/** Starts the app on a fresh demo database and launches Chromium. */
export async function openBrowserRig(
  options: {
    readonly mail?: MailDelivery;
    /** A clock the test moves (the app and its use cases read it); TEST_NOW by default. */
    readonly clock?: () => Date;
    /** Told of every route as the app registers it (tests that walk every page read the route table so). */
    readonly onRoute?: (route: RouteOptions) => void;
    /** The database behind the portal: SQLite unless a test asks for PostgreSQL. */
    readonly dialect?: DialectName;
    /** What the database starts with: Kleve's demo unless a test asks for its reports too. */
    readonly demo?: DemoData;
    /** Wraps the app's maker of stored documents (to hold a build and see its progress page). */
    readonly wrapDocumentMaker?: (maker: DocumentMaker) => DocumentMaker;
  } = {},
): Promise<BrowserRig> {
  const cleanUps: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    // In reverse order: the browser contexts first, then the server, then the database.
    for (const cleanUp of cleanUps.splice(0).reverse()) {
      await cleanUp().catch((error: unknown) =>
        console.error("Aufräumen fehlgeschlagen:", error),
      );
    }
  };
  try {
    const database: TestContext = await openTestContext(
      options.dialect ?? "sqlite",
      {
        demo: options.demo ?? true,
        ...(options.clock === undefined ? {} : { clock: options.clock }),
      },
    );
    cleanUps.push(() => database.close());
    const app: FastifyInstance = await buildApp(database.ctx, {
      logger: false,
      now: options.clock ?? (() => TEST_NOW),
      ...(options.mail === undefined ? {} : { mail: options.mail }),
      ...(options.onRoute === undefined ? {} : { onRoute: options.onRoute }),
      ...(options.wrapDocumentMaker === undefined
        ? {}
        : { wrapDocumentMaker: options.wrapDocumentMaker }),
    });
    cleanUps.push(() => app.close());
    const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });

    const browser = await sharedBrowser();
    // One context per mode, so that the two never share cookies or cache.
    const contexts = new Map<boolean, BrowserContext>();
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: "de-DE",
        javaScriptEnabled: true,
      });
      cleanUps.push(() => context.close());
      // Well below the test timeout, so that a missing element fails with Playwright's own message.
      context.setDefaultTimeout(10_000);
      contexts.set(javaScriptEnabled, context);
    }
    const scriptErrors: string[] = [];

    return {
      baseUrl,
      ctx: database.ctx,
      async newPage(javaScriptEnabled) {
        const context = contexts.get(javaScriptEnabled)!;
        const page = await context.newPage();
        page.on("pageerror", (error) =>
          scriptErrors.push(`${page.url()}: ${error.message}`),
        );
        if (!javaScriptEnabled) {
          const session = await context.newCDPSession(page);
          await session.send("Emulation.setScriptExecutionDisabled", {
            value: true,
          });
          scriptlessPages.set(page, session);
        }
        return page;
      },
      takeScriptErrors: () => scriptErrors.splice(0),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One axe finding in words a person can act on: rule, impact, help, and each element with its problem. */
export function describeViolation(violation: Violation): string {
  const nodes = violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? "")
      .split("\n")
      .map((line) => `      ${line.trim()}`)
      .join("\n");
    return `  - ${JSON.stringify(node.target)}\n      ${node.html.slice(0, 300)}\n${summary}`;
  });
  return `${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join("\n")}`;
}

/**
 * What axe found on each page state the worker has checked, by a hash of the state (see
 * `pageState`). Axe's findings are a function of the rendered document (its markup, the
 * values in its fields, the focused element, the viewport and the same stylesheets), so
 * a state checked once need not be checked again: journeys with and without JavaScript,
 * and several files, reach the same pages in the same state many times. Pages with frames
 * are always checked (a frame's document is not in the key).
 */
const checkedStates = new Map<string, string[]>();

/**
 * The page's state as axe sees it, or null when the page has frames. The values of hidden
 * fields (a form's CSRF token, different on every load) are left out: axe ignores hidden
 * fields. A page loaded without scripts renders `<noscript>` content, which the markup
 * alone does not tell, so such a page is keyed apart when it has any.
 */
async function pageState(
  page: Page,
  scriptless: boolean,
): Promise<string | null> {
  if (page.frames().length > 1) return null;
  const state = await page.evaluate((scriptless) => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    for (const hidden of root.querySelectorAll('input[type="hidden"]'))
      hidden.removeAttribute("value");
    const controls = [
      ...document.querySelectorAll<
        HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
      >("input, select, textarea"),
    ].map((control) =>
      control instanceof HTMLInputElement
        ? control.type === "hidden"
          ? ""
          : `${control.value}|${control.checked}|${control.indeterminate}`
        : control instanceof HTMLSelectElement
          ? [...control.options].map((option) => option.selected).join()
          : control.value,
    );
    const path: string[] = [];
    for (
      let element = document.activeElement;
      element !== null && element !== document.documentElement;
      element = element.parentElement
    )
      path.push(
        `${element.tagName}:${Array.prototype.indexOf.call(element.parentElement?.children ?? [], element)}`,
      );
    return JSON.stringify([
      scriptless && document.querySelector("noscript") !== null,
      [window.innerWidth, window.innerHeight, window.scrollX, window.scrollY],
      document.title,
      path,
      controls,
      root.outerHTML,
    ]);
  }, scriptless);
  return createHash("sha256").update(state).digest("hex");
}

/**
 * Axe's minified build, which the package ships beside the source that `axe.source`
 * holds: 0.6 instead of 1.3 MB, and a fifth less time to evaluate in each new page.
 */
const AXE_MINIFIED_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** What axe is asked: the WCAG 2.1 AA rules, and only the violations described in detail. */
const AXE_RUN_OPTIONS: axe.RunOptions = {
  runOnly: { type: "tag", values: [...AXE_TAGS] },
  resultTypes: ["violations"],
};

/**
 * Axe on a page without frames, directly: its minified source is evaluated once in the
 * document and `axe.run` asked for the violations. AxeBuilder evaluates the source twice per
 * check (once for the page, once per frame) and returns every passing node besides, which
 * made a check of a small page take a second (docs/adr/0064-axe-directly-in-the-page.md).
 */
async function runAxeInPage(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_MINIFIED_SOURCE);
  return page.evaluate(
    async (options) =>
      (
        await (window as unknown as { axe: typeof axe }).axe.run(
          document,
          options,
        )
      ).violations,
    AXE_RUN_OPTIONS,
  );
}

/**
 * Axe on a page with frames, through AxeBuilder, which injects axe into each frame. Frames
 * of the page's own origin are reached by axe.run in the page itself; only a page with a
 * frame of another origin needs the partial runs and their blank page.
 */
async function runAxeInFrames(page: Page): Promise<Violation[]> {
  const origin = new URL(page.url()).origin;
  const results = await new AxeBuilder({ page })
    .options({ ...AXE_RUN_OPTIONS })
    .setLegacyMode(
      page.frames().every((frame) => sameOrigin(frame.url(), origin)),
    )
    .analyze();
  return results.violations;
}

/** Whether a frame's address is of the origin (about:blank and srcdoc frames are). */
function sameOrigin(url: string, origin: string): boolean {
  if (url === "" || url.startsWith("about:")) return true;
  return new URL(url).origin === origin;
}

/**
 * Runs axe with the WCAG 2.1 AA rules on the page as it is now and returns the findings
 * as readable text, one entry per rule (empty when the page passes). A state this worker
 * has already checked gets the findings of that check (see `checkedStates`).
 */
export async function findAccessibilityViolations(
  page: Page,
): Promise<string[]> {
  const session = scriptlessPages.get(page);
  await session?.send("Emulation.setScriptExecutionDisabled", { value: false });
  try {
    const key = await pageState(page, session !== undefined);
    const known = key === null ? undefined : checkedStates.get(key);
    if (known !== undefined) return [...known];
    const found =
      page.frames().length === 1
        ? await runAxeInPage(page)
        : await runAxeInFrames(page);
    const violations = found.map(describeViolation);
    if (key !== null) checkedStates.set(key, violations);
    return [...violations];
  } finally {
    await session?.send("Emulation.setScriptExecutionDisabled", {
      value: true,
    });
  }
}
