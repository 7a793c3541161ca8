/**
 * A CSS colour "#1b1f23" as pptxgenjs wants it ("1B1F23"); `fallback` (already in that
 * form) for anything that is not a six-digit hex colour.
 */
export function pptxColour(colour: string, fallback: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour)
    ? colour.slice(1).toUpperCase()
    : fallback;
}
