/**
 * Colour contrast after WCAG 2.1 (success criterion 1.4.3): action fields are shown as
 * coloured bars and headings with white text, so their colours must reach 4.5:1.
 */

/** The contrast ratio WCAG 2.1 AA asks for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Parses "#rrggbb" into channels 0–255, or null. */
export function parseHexColour(
  hex: string,
): readonly [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) return null;
  return [
    Number.parseInt(match[1]!, 16),
    Number.parseInt(match[2]!, 16),
    Number.parseInt(match[3]!, 16),
  ];
}

/** Relative luminance as WCAG defines it (0 black … 1 white). */
export function relativeLuminance([r, g, b]: readonly [
  number,
  number,
  number,
]): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two "#rrggbb" colours (1 … 21); NaN when one is malformed. */
export function contrastRatio(foreground: string, background: string): number {
  const a = parseHexColour(foreground);
  const b = parseHexColour(background);
  if (a === null || b === null) return Number.NaN;
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort(
    (x, y) => y - x,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
