/**
 * Action field colours for drawings (SVG attributes, slide shapes). The catalogue schema
 * only admits #rrggbb, but a drawing must not trust that: anything else becomes a neutral
 * grey.
 */

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** A neutral dark grey with 7:1 contrast on white. */
export const FALLBACK_COLOUR = "#505a5f";

/** The colour if it is #rrggbb, otherwise the fallback. */
export function safeColour(colour: string): string {
  return HEX_COLOUR.test(colour) ? colour.toLowerCase() : FALLBACK_COLOUR;
}

/** The colour mixed with white; `amount` 0 keeps the colour, 1 gives white. */
export function tint(colour: string, amount: number): string {
  const hex = safeColour(colour);
  const channels = [1, 3, 5].map((start) =>
    Number.parseInt(hex.slice(start, start + 2), 16),
  );
  return `#${channels
    .map((channel) => Math.round(channel + (255 - channel) * amount))
    .map((channel) => channel.toString(16).padStart(2, "0"))
    .join("")}`;
}
