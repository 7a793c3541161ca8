/**
 * A printed PDF gets the same bytes whatever Chromium printed before it (ADR 0050). Chromium
 * names the table header cells of a tagged PDF after Blink's node ids, which count across
 * the renderer process: a renderer that printed another page first gives the same page
 * other names — which once made two builds of a report's PDF differ. The second page here
 * is printed by the same renderer after another page, as when Chromium reuses a process.
 */
import { createHash } from "node:crypto";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deterministicPdf,
  documentInstant,
} from "../../src/exports/deterministic.js";
import { withPdfUaMetadata } from "../../src/exports/pdf/pdf-metadata.js";
import { chromiumPath } from "../support/environment.js";

const sha256 = (body: Buffer): string =>
  createHash("sha256").update(body).digest("hex");

/** A page with a table whose cells name their row and column headers. */
const PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kennzahlen</title></head>
<body><h1>Kennzahlen</h1><table><caption>Online-Anträge</caption>
<thead><tr><th scope="col">Kanal</th><th scope="col">2021</th><th scope="col">2022</th></tr></thead>
<tbody>${["Landesportal", "Bundesportal", "Eigenes Portal"]
  .map(
    (name, index) =>
      `<tr><th scope="row">${name}</th><td>${index * 10}</td><td>${index * 12}</td></tr>`,
  )
  .join("")}</tbody></table></body></html>`;

/** A first page the renderer prints before: its nodes use up ids. */
const OTHER = `<!doctype html><html lang="de"><head><title>Vorher</title></head><body>${"<p>Absatz</p>".repeat(40)}</body></html>`;

describe("deterministic PDF", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("gives a page printed by a fresh renderer and one printed after another page the same bytes", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      // One page, so one renderer process for all three documents.
      const page = await context.newPage();
      const print = async (html: string): Promise<Buffer> => {
        await page.setContent(html);
        return withPdfUaMetadata(
          await page.pdf({ format: "A4", tagged: true }),
        );
      };
      const fresh = await print(PAGE);
      await print(OTHER);
      const after = await print(PAGE);
      const names = (pdf: Buffer): string[] =>
        pdf.toString("latin1").match(/\(node\d+\)/g) ?? [];
      // The header cells are named, and Chromium's names differ between the two prints.
      expect(names(fresh).length).toBeGreaterThanOrEqual(6);
      expect(names(after)).not.toEqual(names(fresh));

      const instant = documentInstant("2022-11-29");
      const first = deterministicPdf(fresh, instant);
      const second = deterministicPdf(after, instant);
      expect(sha256(second)).toBe(sha256(first));
      // The data cells still point at their headers: every name they list is defined.
      const text = first.toString("latin1");
      const defined = new Set(
        [...text.matchAll(/\/ID (\(node\d+\))/g)].map((match) => match[1]),
      );
      const listed = [...text.matchAll(/\/Headers \[([^\]]*)\]/g)].flatMap(
        (match) => match[1]?.match(/\(node\d+\)/g) ?? [],
      );
      expect(listed.length).toBeGreaterThanOrEqual(6);
      for (const name of listed) expect(defined).toContain(name);
    } finally {
      await context.close();
    }
  });
});
