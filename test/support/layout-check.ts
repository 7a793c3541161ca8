/**
 * The layout check of a printed document: reads every page of a PDF with poppler
 * (`pdftotext -bbox-layout` for the text lines, `pdftoppm` for the ink of pictures and
 * drawings) and reports what a reader would see as broken:
 *
 * - **overlap**: two text lines of a page cover each other (a two-line title running into
 *   its subtitle, a label drawn over a value);
 * - **outside**: text that leaves the page (wholly or partly beyond its edges);
 * - **empty**: a page more than `maxEmpty` empty (70 % by default) — measured on a grid of
 *   1 cm cells, where a cell counts as filled when a text line covers it or anything is drawn
 *   in it (text, picture, vector figure). Cells drawn on nearly every page (running header,
 *   footer, a slide master's bars) are furniture and count neither as filled nor as area,
 *   so a page is not called full because of its header. Pages named in `exempt` (the title
 *   page, section dividers) are not checked for emptiness.
 *
 * Usage:
 *
 *   const problems = await checkPdfLayout("/tmp/katalog.pdf", { exempt: [1] });
 *   expect(problems).toEqual([]);
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A rectangle in PDF points, origin at the top left of the page. */
export interface Box {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** A line of text and where it stands. */
export interface TextLine extends Box {
  readonly text: string;
}

/** A page as pdftotext sees it. */
export interface LaidOutPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly TextLine[];
  /** The text blocks (paragraphs, list items as pdftotext groups them), each with its lines. */
  readonly blocks: readonly (Box & { readonly lines: readonly TextLine[] })[];
}

/** One finding of the check. */
export interface LayoutProblem {
  readonly page: number;
  readonly kind: "overlap" | "outside" | "empty";
  readonly detail: string;
}

/** Options of the check. */
export interface LayoutCheckOptions {
  /** Pages (1-based) exempt from the emptiness check: the title page, section dividers. */
  readonly exempt?: readonly number[];
  /** The largest empty share of a page; 0.7 by default. */
  readonly maxEmpty?: number;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): number {
  const value = new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  return Number(value ?? Number.NaN);
}

function boxOf(tag: string): Box {
  return {
    xMin: attribute(tag, "xMin"),
    yMin: attribute(tag, "yMin"),
    xMax: attribute(tag, "xMax"),
    yMax: attribute(tag, "yMax"),
  };
}

/** Parses the XHTML of `pdftotext -bbox-layout` into pages with their text lines. */
export function parseBboxLayout(xhtml: string): LaidOutPage[] {
  const pages: LaidOutPage[] = [];
  const pagePattern = /<page\b([^>]*)>([\s\S]*?)<\/page>/g;
  for (const page of xhtml.matchAll(pagePattern)) {
    const lines: TextLine[] = [];
    const blocks: (Box & { lines: TextLine[] })[] = [];
    for (const block of (page[2] ?? "").matchAll(
      /<block\b([^>]*)>([\s\S]*?)<\/block>/g,
    )) {
      const inBlock: TextLine[] = [];
      for (const line of (block[2] ?? "").matchAll(
        /<line\b([^>]*)>([\s\S]*?)<\/line>/g,
      )) {
        const words = [
          ...(line[2] ?? "").matchAll(/<word\b[^>]*>([^<]*)<\/word>/g),
        ]
          .map((word) => decode(word[1] ?? ""))
          .join(" ");
        inBlock.push({ ...boxOf(line[1] ?? ""), text: words });
      }
      lines.push(...inBlock);
      blocks.push({ ...boxOf(block[1] ?? ""), lines: inBlock });
    }
    pages.push({
      number: pages.length + 1,
      width: attribute(page[1] ?? "", "width"),
      height: attribute(page[1] ?? "", "height"),
      lines,
      blocks,
    });
  }
  return pages;
}

/** Reads the text lines of every page of a PDF. */
export async function readPdfLayout(path: string): Promise<LaidOutPage[]> {
  const { stdout } = await run("pdftotext", ["-bbox-layout", path, "-"], {
    maxBuffer: 100_000_000,
  });
  return parseBboxLayout(stdout);
}

/**
 * Two lines overlap when they share more than a sliver: over a third of the lower one's
 * height and more than 2 pt of width. Glyph boxes of adjacent lines with tight leading touch
 * by a point; that is not an overlap a reader sees.
 */
export function linesOverlap(a: Box, b: Box): boolean {
  const width = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const height = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  const lower = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
  return width > 2 && height > lower / 3;
}

/** The overlapping and outside lines of a page. */
export function checkTextLines(page: LaidOutPage): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const tolerance = 0.5;
  for (const line of page.lines) {
    if (
      line.xMin < -tolerance ||
      line.yMin < -tolerance ||
      line.xMax > page.width + tolerance ||
      line.yMax > page.height + tolerance
    )
      problems.push({
        page: page.number,
        kind: "outside",
        detail: `„${line.text}“ leaves the page (${line.xMin.toFixed(0)},${line.yMin.toFixed(0)}–${line.xMax.toFixed(0)},${line.yMax.toFixed(0)} on ${page.width.toFixed(0)}×${page.height.toFixed(0)})`,
      });
  }
  const lines = [...page.lines].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < lines.length; i += 1) {
    const a = lines[i]!;
    for (let j = i + 1; j < lines.length; j += 1) {
      const b = lines[j]!;
      if (b.yMin >= a.yMax) break;
      if (linesOverlap(a, b))
        problems.push({
          page: page.number,
          kind: "overlap",
          detail: `„${a.text}“ overlaps „${b.text}“`,
        });
    }
  }
  return problems;
}

/** A grey-scale picture: width, height and one byte per pixel. */
interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}

/** Parses a binary PGM (P5) as pdftoppm -gray writes it. */
function parsePgm(file: Buffer): Raster {
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(file[offset]!))) offset += 1;
    if (file[offset] === 0x23) {
      while (file[offset] !== 0x0a) offset += 1;
      continue;
    }
    let field = "";
    while (!/\s/.test(String.fromCharCode(file[offset]!))) {
      field += String.fromCharCode(file[offset]!);
      offset += 1;
    }
    fields.push(field);
  }
  offset += 1;
  const [magic, width, height] = fields;
  if (magic !== "P5") throw new Error(`Not a binary PGM: ${magic}`);
  return {
    width: Number(width),
    height: Number(height),
    pixels: file.subarray(offset),
  };
}

/** Resolution of the ink pictures: 1 cm is about 14 pixels. */
const INK_DPI = 36;
/** The grid of the emptiness measure: 1 cm cells, in points. */
const CELL = 72 / 2.54;

/** A page cut into 1 cm cells: for each cell (row-major) a fingerprint of what is drawn in it, or null. */
interface Grid {
  readonly columns: number;
  readonly rows: number;
  readonly cells: (string | null)[];
}

/** The cells of a picture of a page: the fingerprint of their pixels where anything is drawn. */
function inkGrid(raster: Raster, columns: number, rows: number): Grid {
  // The page's background is its most frequent grey; ink is what differs clearly from it.
  const histogram = new Array<number>(256).fill(0);
  for (const value of raster.pixels) histogram[value]! += 1;
  const background = histogram.indexOf(Math.max(...histogram));
  const sums = new Array<number>(columns * rows).fill(0);
  const inked = new Array<boolean>(columns * rows).fill(false);
  for (let y = 0; y < raster.height; y += 1)
    for (let x = 0; x < raster.width; x += 1) {
      const value = raster.pixels[y * raster.width + x]!;
      const column = Math.min(
        columns - 1,
        Math.floor((x / raster.width) * columns),
      );
      const row = Math.min(rows - 1, Math.floor((y / raster.height) * rows));
      const cell = row * columns + column;
      sums[cell] = (sums[cell]! * 31 + value * (x + 1) + y) % 1_000_000_007;
      if (Math.abs(value - background) > 24) inked[cell] = true;
    }
  return {
    columns,
    rows,
    cells: inked.map((drawn, cell) => (drawn ? String(sums[cell]) : null)),
  };
}

/** Text that stands at the same place on most pages: running header, page numbers, a slide footer. */
function furnitureLines(pages: readonly LaidOutPage[]): Set<string> {
  const key = (line: TextLine) =>
    `${Math.round(line.xMin / 10)}:${Math.round(line.yMin / 10)}:${line.text.replace(/\d+/g, "#")}`;
  const counts = new Map<string, number>();
  for (const page of pages)
    for (const found of new Set(page.lines.map(key)))
      counts.set(found, (counts.get(found) ?? 0) + 1);
  return new Set(
    [...counts]
      .filter(([, count]) => pages.length >= 4 && count >= pages.length / 2)
      .map(([found]) => found),
  );
}

function cellsOf(
  box: Box,
  grid: Grid,
): { first: number; last: number; top: number; bottom: number } {
  return {
    first: Math.max(0, Math.floor(box.xMin / CELL)),
    last: Math.min(grid.columns - 1, Math.floor(box.xMax / CELL)),
    top: Math.max(0, Math.floor(box.yMin / CELL)),
    bottom: Math.min(grid.rows - 1, Math.floor(box.yMax / CELL)),
  };
}

/**
 * The share of each page that is empty (0–1): the share of the type area's 1 cm cells in
 * which nothing but furniture stands. A cell is filled when a text block (a paragraph, a
 * list, a title as pdftotext groups its lines) covers it or when anything is drawn in it (a
 * picture, a vector figure). The type area is the bounding box of the cells filled on more
 * than one page (the margins are no page's to fill). Furniture is text repeated at the same
 * place (running header, page numbers, a slide's footer) and cells drawn identically on at
 * least 80 % of the pages (a slide master's bars); both are left out.
 */
export async function emptyShares(
  path: string,
  pages: readonly LaidOutPage[],
): Promise<number[]> {
  const directory = await mkdtemp(join(tmpdir(), "fortschritt-layout-"));
  try {
    await run(
      "pdftoppm",
      ["-gray", "-r", String(INK_DPI), path, join(directory, "p")],
      { maxBuffer: 100_000_000 },
    );
    const files = (await readdir(directory))
      .filter((name) => name.endsWith(".pgm"))
      .sort(
        (a, b) =>
          Number(/(\d+)\.pgm$/.exec(a)?.[1]) -
          Number(/(\d+)\.pgm$/.exec(b)?.[1]),
      );
    const repeated = furnitureLines(pages);
    const key = (line: TextLine) =>
      `${Math.round(line.xMin / 10)}:${Math.round(line.yMin / 10)}:${line.text.replace(/\d+/g, "#")}`;
    const grids: Grid[] = [];
    for (const [index, page] of pages.entries()) {
      const columns = Math.max(1, Math.round(page.width / CELL));
      const rows = Math.max(1, Math.round(page.height / CELL));
      const file = files[index];
      grids.push(
        file === undefined
          ? { columns, rows, cells: new Array(columns * rows).fill(null) }
          : inkGrid(
              parsePgm(await readFile(join(directory, file))),
              columns,
              rows,
            ),
      );
    }
    // Cells drawn identically on at least 80 % of the pages (of four or more) are furniture.
    const furniture = new Set<number>();
    const first = grids[0];
    const comparable =
      first !== undefined &&
      grids.every((grid) => grid.cells.length === first.cells.length);
    if (comparable && grids.length >= 4)
      first.cells.forEach((_, cell) => {
        const prints = new Map<string, number>();
        for (const grid of grids) {
          const print = grid.cells[cell];
          if (print !== null && print !== undefined)
            prints.set(print, (prints.get(print) ?? 0) + 1);
        }
        if (Math.max(0, ...prints.values()) >= grids.length * 0.8)
          furniture.add(cell);
      });
    // Per page, the filled cells: drawn cells that are not furniture (the cells of furniture
    // text wiped), and the cells covered by text blocks that are not furniture.
    const filled = grids.map((grid, index) => {
      const page = pages[index]!;
      const drawn = grid.cells.map(
        (print, cell) => print !== null && !furniture.has(cell),
      );
      const mark = (box: Box, value: boolean) => {
        const { first: left, last, top, bottom } = cellsOf(box, grid);
        for (let row = top; row <= bottom; row += 1)
          for (let column = left; column <= last; column += 1)
            drawn[row * grid.columns + column] = value;
      };
      for (const line of page.lines)
        if (repeated.has(key(line))) mark(line, false);
      for (const block of page.blocks) {
        const content = block.lines.filter((line) => !repeated.has(key(line)));
        if (content.length === 0) continue;
        mark(
          {
            xMin: Math.min(...content.map((line) => line.xMin)),
            yMin: Math.min(...content.map((line) => line.yMin)),
            xMax: Math.max(...content.map((line) => line.xMax)),
            yMax: Math.max(...content.map((line) => line.yMax)),
          },
          true,
        );
      }
      return drawn;
    });
    // The type area: the bounding box of the cells filled on more than one page.
    const least = Math.max(2, Math.ceil(grids.length / 10));
    let area = { top: 0, bottom: Infinity, left: 0, right: Infinity };
    if (comparable && grids.length >= 2) {
      const columns = first.columns;
      const used = first.cells
        .map((_, cell) => cell)
        .filter(
          (cell) => filled.filter((cells) => cells[cell]).length >= least,
        );
      if (used.length > 0)
        area = {
          top: Math.min(...used.map((cell) => Math.floor(cell / columns))),
          bottom: Math.max(...used.map((cell) => Math.floor(cell / columns))),
          left: Math.min(...used.map((cell) => cell % columns)),
          right: Math.max(...used.map((cell) => cell % columns)),
        };
    }
    return filled.map((cells, index) => {
      const { columns } = grids[index]!;
      let size = 0;
      let full = 0;
      cells.forEach((drawn, cell) => {
        const row = Math.floor(cell / columns);
        const column = cell % columns;
        if (
          row < area.top ||
          row > area.bottom ||
          column < area.left ||
          column > area.right ||
          furniture.has(cell)
        )
          return;
        size += 1;
        if (drawn) full += 1;
      });
      return size === 0 ? 0 : 1 - full / size;
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Checks every page of a PDF for overlapping text, text outside the page and emptiness. */
export async function checkPdfLayout(
  path: string,
  options: LayoutCheckOptions = {},
): Promise<LayoutProblem[]> {
  const maxEmpty = options.maxEmpty ?? 0.7;
  const exempt = new Set(options.exempt ?? []);
  const pages = await readPdfLayout(path);
  const problems = pages.flatMap(checkTextLines);
  const shares = await emptyShares(path, pages);
  shares.forEach((share, index) => {
    const number = index + 1;
    if (exempt.has(number) || share <= maxEmpty) return;
    problems.push({
      page: number,
      kind: "empty",
      detail: `${Math.round(share * 100)} % empty: ${pages[index]?.lines
        .slice(0, 3)
        .map((line) => line.text)
        .join(" / ")}`,
    });
  });
  return problems.sort((a, b) => a.page - b.page);
}
