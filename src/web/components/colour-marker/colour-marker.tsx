/**
 * The colour of an action field, drawn as SVG so that no inline style is needed (the CSP
 * forbids style attributes). Decorative: the field's name always stands beside it.
 */
import { safeColour } from "../../../domain/colour/field-colour.js";

/** A vertical bar in the field colour; CSS stretches it to the height of its container. */
export function ColourBar(props: { colour: string }): JSX.Element {
  return (
    <svg
      class="app-colour-bar"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 8 100"
      preserveAspectRatio="none"
    >
      <rect
        x="0"
        y="0"
        width="8"
        height="100"
        fill={safeColour(props.colour)}
      />
    </svg>
  );
}

/** A small square swatch in the field colour. */
export function ColourSwatch(props: { colour: string }): JSX.Element {
  return (
    <svg
      class="app-colour-swatch"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      width="16"
      height="16"
    >
      <rect
        x="0"
        y="0"
        width="16"
        height="16"
        rx="3"
        fill={safeColour(props.colour)}
      />
    </svg>
  );
}
