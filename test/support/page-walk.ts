/**
 * Walks every page of the app in a browser, one page per route: the routes are read from
 * the app as it registers them (BrowserRig's onRoute), and each route's parameters come
 * from the links of the pages walked before it (the demo data), so that a new route or a
 * new page is walked without anybody adding it to a list. A route that no link reaches
 * is filled with the values its parameters had in other routes' links, then with the
 * values the caller read from the demo data, then with the fallbacks below; one that
 * still has a parameter without a value fails the walk by name.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page, Response } from "playwright-core";
import type { RouteOptions } from "fastify";
import type { RoutePolicy } from "../../src/web/http/route-policy.js";

/** A GET route as the app registered it. */
export interface WalkRoute {
  readonly url: string;
  readonly policy: RoutePolicy | undefined;
}

/** One page the walk opened. */
export interface WalkedPage {
  /** The route's pattern, e.g. "/:slug/projekte/:projectSlug". */
  readonly route: string;
  /** The path and query opened (without `lang`). */
  readonly path: string;
  /** The path and query after redirects (without `lang`). */
  readonly finalPath: string;
  readonly status: number;
  readonly title: string;
  /** Texts and attribute values outside any element marked `lang="de"`, with where they are. */
  readonly texts: readonly { readonly text: string; readonly where: string }[];
}

/** What the walk found. */
export interface Walk {
  readonly pages: readonly WalkedPage[];
  /** Routes walked over on purpose, each with the reason. */
  readonly skipped: readonly string[];
  /** Routes the walk could not open: a parameter without a value. */
  readonly unreached: readonly string[];
}

/** Collects the GET routes of an app (pass as BrowserRig's onRoute). */
export function routeCollector(): {
  readonly routes: WalkRoute[];
  readonly onRoute: (route: RouteOptions) => void;
} {
  const routes: WalkRoute[] = [];
  return {
    routes,
    onRoute(route) {
      const methods = [route.method].flat();
      if (methods.includes("GET"))
        routes.push({ url: route.url, policy: route.config?.policy });
    },
  };
}

/** Values for parameters that no link of the demo carries (one-time links of mails). */
const FALLBACK_PARAMETERS: Readonly<Record<string, string>> = {
  slug: "kleve",
  // A token nobody was sent: the page says the link is not valid (or asks to confirm).
  token: "unbekannt",
};

/** Why a route is not a page to walk, or null when it is one. */
function reasonToSkip(route: WalkRoute): string | null {
  if (route.url.startsWith("/api/")) return "the JSON API has no pages";
  if (route.url.startsWith("/assets/")) return "static files";
  if (route.url === "/health") return "a health check for the proxy";
  if (/\.[a-z0-9]+$/.test(route.url) || route.url.endsWith("/:file"))
    return "a file download";
  if (route.policy === "operator")
    return "the instance's operators (walked in their own tests)";
  if (route.url.startsWith("/anmelden/sso"))
    return "a hand-over to the identity provider";
  return null;
}

interface Matcher {
  readonly route: WalkRoute;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** More fixed segments first: "/anmelden" before "/:slug". */
  readonly rank: number;
}

function matcherOf(route: WalkRoute): Matcher {
  const names: string[] = [];
  const source = route.url
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":"))
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return {
    route,
    pattern: new RegExp(`^${source}$`),
    names,
    rank: route.url.split("/").length * 100 - names.length,
  };
}

/** The path of a route with its parameters filled in, or null when one has no value. */
function fill(
  route: WalkRoute,
  values: ReadonlyMap<string, string>,
): string | null {
  let missing = false;
  const path = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined) missing = true;
    return value === undefined ? "" : encodeURIComponent(value);
  });
  return missing ? null : path;
}

/** Path and query of a URL without the `lang` parameter. */
function withoutLanguage(url: URL): string {
  const copy = new URL(url);
  copy.searchParams.delete("lang");
  return copy.pathname + copy.search;
}

/** The texts of the page a reader meets, outside elements marked German. */
async function readTexts(
  page: Page,
): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const found: { text: string; where: string }[] = [];
    const languageOf = (element: Element | null): string =>
      element?.closest("[lang]")?.getAttribute("lang") ?? "";
    const describe = (element: Element): string => {
      const parts: string[] = [];
      for (
        let current: Element | null = element;
        current !== null && parts.length < 3;
        current = current.parentElement
      ) {
        const id = current.id === "" ? "" : `#${current.id}`;
        parts.unshift(`${current.tagName.toLowerCase()}${id}`);
      }
      return parts.join(" > ");
    };
    const walker = document.createTreeWalker(
      document.documentElement,
      NodeFilter.SHOW_TEXT,
    );
    for (
      let node = walker.nextNode();
      node !== null;
      node = walker.nextNode()
    ) {
      const parent = node.parentElement;
      if (parent === null) continue;
      if (parent.closest("script, style, noscript, template") !== null)
        continue;
      const text = (node.textContent ?? "").trim();
      if (text === "" || languageOf(parent).startsWith("de")) continue;
      found.push({ text, where: describe(parent) });
    }
    for (const element of document.querySelectorAll(
      "[aria-label], [alt], [title], [placeholder], [aria-roledescription]",
    )) {
      if (element.tagName === "TITLE") continue;
      if (languageOf(element).startsWith("de")) continue;
      for (const name of [
        "aria-label",
        "alt",
        "title",
        "placeholder",
        "aria-roledescription",
      ]) {
        const value = element.getAttribute(name)?.trim();
        if (value !== undefined && value !== "")
          found.push({ text: value, where: `${describe(element)} @${name}` });
      }
    }
    return found;
  });
}

/**
 * Opens every page in the given language: pages of the public and the login with
 * `anonymous`, staff and account pages with `staff` (signed in). Starts at the seeds
 * and follows links; each route is opened once.
 */
export async function walkPages(options: {
  readonly routes: readonly WalkRoute[];
  /** The app's origin: links elsewhere are not followed. */
  readonly baseUrl: string;
  readonly anonymous: Page;
  readonly staff: Page;
  readonly seeds: readonly string[];
  readonly language: "de" | "en";
  /** Parameter values read from the demo data, for routes that no link reaches. */
  readonly parameters?: Readonly<Record<string, string>>;
}): Promise<Walk> {
  const values = new Map<string, string>(
    Object.entries({ ...FALLBACK_PARAMETERS, ...options.parameters }),
  );
  const skipped: string[] = [];
  const matchers: Matcher[] = [];
  const seen = new Set<string>();
  for (const route of options.routes) {
    if (seen.has(route.url)) continue;
    seen.add(route.url);
    const reason = reasonToSkip(route);
    if (reason === null) matchers.push(matcherOf(route));
    else skipped.push(`${route.url}: ${reason}`);
  }
  matchers.sort((a, b) => b.rank - a.rank);
  const routeOf = (path: string): Matcher | undefined =>
    matchers.find((matcher) => matcher.pattern.test(path));

  const pages: WalkedPage[] = [];
  const opened = new Set<string>();
  const queue = [...options.seeds];
  const host = new URL(options.baseUrl).host;

  const open = async (matcher: Matcher, path: string): Promise<string[]> => {
    opened.add(matcher.route.url);
    const page =
      matcher.route.policy === "public" ||
      matcher.route.policy === "anonymous-only"
        ? options.anonymous
        : options.staff;
    const url = new URL(path, "http://placeholder");
    if (options.language === "en") url.searchParams.set("lang", "en");
    else url.searchParams.delete("lang");
    let response: Response | null;
    try {
      response = await page.goto(url.pathname + url.search);
    } catch (error) {
      if (String(error).includes("Download is starting")) {
        skipped.push(`${matcher.route.url}: a file download`);
        return [];
      }
      throw error;
    }
    const type = response?.headers()["content-type"] ?? "";
    if (!type.startsWith("text/html")) {
      skipped.push(`${matcher.route.url}: not a page (${type})`);
      return [];
    }
    const finalUrl = new URL(page.url());
    pages.push({
      route: matcher.route.url,
      path: withoutLanguage(url),
      finalPath: withoutLanguage(finalUrl),
      status: response?.status() ?? 0,
      title: await page.title(),
      texts: await readTexts(page),
    });
    return page.evaluate(() =>
      [...document.querySelectorAll("a[href]")].map(
        (link) => (link as HTMLAnchorElement).href,
      ),
    );
  };

  while (queue.length > 0) {
    const next = new URL(queue.shift()!, "http://placeholder");
    const path = next.pathname;
    const matcher = routeOf(path);
    if (matcher === undefined) continue;
    // What each parameter was in a link, for routes that no link reaches.
    const found = matcher.pattern.exec(path);
    matcher.names.forEach((name, index) => {
      const value = found?.[index + 1];
      if (value !== undefined && !values.has(name))
        values.set(name, decodeURIComponent(value));
    });
    if (opened.has(matcher.route.url)) continue;
    const links = await open(matcher, path + next.search);
    for (const link of links) {
      const target = new URL(link);
      if (target.host !== host) continue;
      queue.push(target.pathname + target.search);
    }
  }

  const unreached: string[] = [];
  for (const matcher of matchers) {
    if (opened.has(matcher.route.url)) continue;
    const path = fill(matcher.route, values);
    if (path === null) unreached.push(matcher.route.url);
    else await open(matcher, path);
  }
  return { pages, skipped, unreached };
}
