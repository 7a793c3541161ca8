/**
 * Helpers for HTTP tests: the app built on a fresh test database (both dialects), and
 * small string probes for the server-rendered HTML (no DOM library is installed; the
 * markup is ours and regular enough for these).
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../../src/app/context.js";
import type { DialectName } from "../../../src/db/dialect.js";
import { buildApp } from "../../../src/web/build-app.js";
import {
  openTestContext,
  TEST_NOW,
  type DemoData,
} from "../../support/database.js";

/** An app on its own database, with the Kleve demo loaded unless asked otherwise. */
export interface WebTestApp {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  close(): Promise<void>;
}

/** Builds the app on a fresh database of the dialect; the clock stands at TEST_NOW. */
export async function openWebApp(
  dialect: DialectName,
  options: { demo?: DemoData } = {},
): Promise<WebTestApp> {
  const test = await openTestContext(dialect, { demo: options.demo ?? true });
  const app = await buildApp(test.ctx, { now: () => TEST_NOW });
  return {
    app,
    ctx: test.ctx,
    async close() {
      await app.close();
      await test.close();
    },
  };
}

/** How often a substring occurs. */
export function countOccurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The markup from the element with the given id up to the end of the enclosing element's tag name. */
export function elementById(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start === -1) throw new Error(`No element with id="${id}"`);
  const tagStart = html.lastIndexOf("<", start);
  const tagName = /^<([a-z0-9]+)/i.exec(html.slice(tagStart))?.[1];
  if (tagName === undefined)
    throw new Error(`Cannot read the tag of id="${id}"`);
  // Count nested elements of the same name to find the matching end tag.
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tagName}\\b[^>]*>`, "g");
  pattern.lastIndex = tagStart;
  for (
    let match = pattern.exec(html);
    match !== null;
    match = pattern.exec(html)
  ) {
    depth += match[1] === "/" ? -1 : 1;
    if (depth === 0) return html.slice(tagStart, match.index + match[0].length);
  }
  throw new Error(`Element with id="${id}" is not closed`);
}

/** The values of an attribute over all elements that have it, in document order. */
export function attributeValues(
  html: string,
  attribute: string,
): readonly string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, "g"))].map(
    (match) => match[1] ?? "",
  );
}

/** Text without tags, with whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Every registered route path, read from Fastify's printed radix tree (the public API has
 * no list of routes): "/api/v1/municipalities/:slug/catalogue", …
 */
export function registeredPaths(app: FastifyInstance): readonly string[] {
  const paths: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│\s]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (match === null) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? "";
    const segment = match[2] ?? "";
    const path =
      parent === "" || parent.endsWith("/") || segment.startsWith("/")
        ? parent + segment
        : `${parent}/${segment}`;
    stack[depth] = path;
    if (match[3] !== undefined) paths.push(path);
  }
  return paths;
}
