/**
 * Font sizes that fit a text into its box, computed from the text itself. PowerPoint's
 * "shrink text on overflow" (`fit: "shrink"` in pptxgenjs) is applied only when PowerPoint
 * opens and edits the file; LibreOffice and most viewers draw the text at its nominal size,
 * so a long title runs out of its box and over the next one. The size is therefore chosen
 * when the slide is built: the largest size, between the nominal one and a smallest
 * readable one, at which the words wrapped into the box's width take no more lines than
 * the box's height holds (docs/adr/0047-layout-checks-and-tagged-prints.md).
 *
 * Widths are those of Liberation Sans (metrically equal to Arial), the decks' font, in
 * thousandths of an em; bold runs about 6 % wider. A small reserve covers kerning and the
 * box's insets.
 *
 * Usage:
 *
 *   const size = fittingFontSize(title, { width: 12.1, height: 0.6, maxSize: 26, minSize: 16, bold: true });
 *   slide.addText(title, { w: 12.1, h: 0.6, fontSize: size.fontSize, ... });
 */

/** Advance widths (1/1000 em) of Arial/Liberation Sans regular, by character. */
const NARROW = new Map<string, number>([
  [" ", 278],
  [".", 278],
  [",", 278],
  [":", 278],
  [";", 278],
  ["!", 278],
  ["'", 191],
  ["|", 260],
  ["i", 222],
  ["j", 222],
  ["l", 222],
  ["f", 278],
  ["t", 278],
  ["I", 278],
  ["r", 333],
  ["(", 333],
  [")", 333],
  ["-", 333],
  ["–", 556],
  ["/", 278],
  ["„", 333],
  ["“", 333],
  ["m", 833],
  ["w", 722],
  ["M", 833],
  ["W", 944],
  ["@", 1015],
  ["%", 889],
]);

/** The width of a text in em (regular weight). */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const character of text) {
    const known = NARROW.get(character);
    if (known !== undefined) width += known;
    else if (/[0-9]/.test(character)) width += 556;
    else if (/[A-ZÄÖÜ]/.test(character)) width += 680;
    else if (/[a-zäöüß]/.test(character)) width += 540;
    else width += 600;
  }
  return width / 1000;
}

/** The box a text must fit, in inches, and the range of sizes in points. */
export interface FitBox {
  readonly width: number;
  readonly height: number;
  readonly maxSize: number;
  readonly minSize: number;
  readonly bold?: boolean;
  /** Line height as a multiple of the font size; 1.2 by default (PowerPoint's single spacing). */
  readonly lineHeight?: number;
  /** The box's inner margins (left + right, top + bottom), in inches; pptxgenjs' default 0.1 + 0.1 and 0.05 + 0.05. */
  readonly insets?: { readonly x: number; readonly y: number };
}

/** The chosen size and the lines the text takes at it. */
export interface Fit {
  readonly fontSize: number;
  readonly lines: number;
  /** Whether the text fits at the chosen size (false: even the smallest size overflows). */
  readonly fits: boolean;
}

/** How many lines the words of a text take in a width (in points) at a size. */
export function wrappedLines(
  text: string,
  widthPt: number,
  fontSize: number,
  bold = false,
): number {
  const factor = (bold ? 1.06 : 1) * 1.03 * fontSize;
  const space = textWidthEm(" ") * factor;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((part) => part !== "")) {
      const width = textWidthEm(word) * factor;
      if (used > 0 && used + space + width > widthPt) {
        lines += 1 + Math.floor(width / widthPt);
        used = width % widthPt;
      } else if (used === 0 && width > widthPt) {
        lines += Math.floor(width / widthPt);
        used = width % widthPt;
      } else used += (used > 0 ? space : 0) + width;
    }
  }
  return lines;
}

/** The largest size (in whole points) at which the text fits the box. */
export function fittingFontSize(text: string, box: FitBox): Fit {
  const insets = box.insets ?? { x: 0.2, y: 0.1 };
  const widthPt = (box.width - insets.x) * 72;
  const heightPt = (box.height - insets.y) * 72;
  const lineHeight = box.lineHeight ?? 1.2;
  for (let size = box.maxSize; size >= box.minSize; size -= 1) {
    const lines = wrappedLines(text, widthPt, size, box.bold);
    if (lines * size * lineHeight <= heightPt + 0.5)
      return { fontSize: size, lines, fits: true };
  }
  return {
    fontSize: box.minSize,
    lines: wrappedLines(text, widthPt, box.minSize, box.bold),
    fits: false,
  };
}
