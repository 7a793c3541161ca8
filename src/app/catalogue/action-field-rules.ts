/**
 * The colour of an action field carries white text (headings, timeline bars), so it must
 * reach 4.5:1 against white (WCAG 2.1, 1.4.3). The message names the ratio reached, so
 * that the person can tell how far off the colour is.
 */
import {
  contrastRatio,
  MIN_TEXT_CONTRAST,
} from "../../domain/colour/contrast.js";
import type { InputProblem } from "../../errors.js";
import { blankProblems } from "./edit-support.js";

/** Formats a ratio the German way: 3,98 : 1. */
export function formatContrastRatio(ratio: number): string {
  return `${ratio.toFixed(2).replace(".", ",")} : 1`;
}

/** The problem with a colour, or null when white text on it is readable enough. */
export function colourProblem(
  colour: string,
  path: string,
): InputProblem | null {
  const ratio = contrastRatio("#ffffff", colour);
  if (Number.isNaN(ratio))
    return {
      path,
      message: "Bitte eine Farbe in der Form #rrggbb angeben, z. B. #1d4f91.",
    };
  if (ratio >= MIN_TEXT_CONTRAST) return null;
  return {
    path,
    message: `Weiße Schrift auf ${colour} erreicht nur ${formatContrastRatio(ratio)}; nötig sind mindestens 4,5 : 1. Bitte eine dunklere Farbe wählen.`,
  };
}

/** The problems of an action field's trimmed name and colour as the input gives them (under /data). */
export function actionFieldProblems(values: {
  readonly name: string;
  readonly colour: string;
}): InputProblem[] {
  const colour = colourProblem(values.colour, "/data/colour");
  return [
    ...blankProblems(values.name, "/data/name"),
    ...(colour === null ? [] : [colour]),
  ];
}
