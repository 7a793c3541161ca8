/**
 * What the server-drawn SVG charts share (key figures, OZG maturity): the plot area that
 * maps the layout's 1 × 1 coordinates to pixels, the frame that makes the chart one image
 * for assistive technology (role="img" with <title> and <desc>, the drawing hidden), the
 * horizontal grid with its value labels, and the texts. Colours are presentation
 * attributes (the CSP forbids style attributes).
 */
import type { Children } from "@kitajs/html";

/** The grey of the grid lines. */
export const GRID_INK = "#d8dadc";
/** The dark grey of the axes and their labels. */
export const AXIS_INK = "#4b5257";

/** The drawing size of a chart (CSS scales it to the column) and its margins around the plot area. */
export interface Plot {
  readonly width: number;
  readonly height: number;
  readonly margin: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  /** The pixel position of x in the 1 × 1 plot area, to a tenth. */
  readonly px: (x: number) => number;
  /** The pixel position of y in the 1 × 1 plot area (0 at the bottom), to a tenth. */
  readonly py: (y: number) => number;
}

/** A plot area of the given size and margins. */
export function plotOf(
  width: number,
  height: number,
  margin: Plot["margin"],
): Plot {
  return {
    width,
    height,
    margin,
    px: (x) =>
      Math.round(
        (margin.left + x * (width - margin.left - margin.right)) * 10,
      ) / 10,
    py: (y) =>
      Math.round(
        (height - margin.bottom - y * (height - margin.top - margin.bottom)) *
          10,
      ) / 10,
  };
}

/**
 * A chart as one image: the title and the description (markup, escaped by the caller)
 * name it, the drawing itself is hidden from assistive technology.
 */
export function ChartSvg(props: {
  readonly plot: Plot;
  readonly idPrefix: string;
  readonly safeTitle: JSX.Element;
  readonly safeDescription: JSX.Element;
  readonly children?: Children;
}): JSX.Element {
  const { plot, idPrefix, safeTitle, safeDescription } = props;
  return (
    <svg
      class="app-chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${plot.width} ${plot.height}`}
      width={String(plot.width)}
      height={String(plot.height)}
      role="img"
      aria-labelledby={`${idPrefix}-titel ${idPrefix}-beschreibung`}
      focusable="false"
    >
      <title id={`${idPrefix}-titel`}>{safeTitle}</title>
      <desc id={`${idPrefix}-beschreibung`}>{safeDescription}</desc>
      <g aria-hidden="true">{props.children}</g>
    </svg>
  );
}

/** A text of a chart at a pixel position: a label or a value. */
export function ChartText(props: {
  readonly x: number;
  readonly y: number;
  readonly anchor?: "middle" | "end";
  readonly size?: "12" | "13";
  readonly bold?: boolean;
  readonly fill: string;
  readonly text: string;
}): JSX.Element {
  return (
    <text
      x={String(props.x)}
      y={String(props.y)}
      text-anchor={props.anchor}
      font-size={props.size ?? "12"}
      font-weight={props.bold === true ? "700" : undefined}
      fill={props.fill}
      safe
    >
      {props.text}
    </text>
  );
}

/** A horizontal line across the plot area at the height y. */
export function PlotLine(props: {
  readonly plot: Plot;
  readonly y: number;
  readonly stroke: string;
}): JSX.Element {
  const { plot } = props;
  return (
    <line
      x1={String(plot.px(0))}
      x2={String(plot.px(1))}
      y1={String(plot.py(props.y))}
      y2={String(plot.py(props.y))}
      stroke={props.stroke}
      stroke-width="1"
    />
  );
}

/** The horizontal grid lines with their value labels left of the plot area. */
export function YGrid(props: {
  readonly plot: Plot;
  readonly ticks: readonly { readonly y: number; readonly label: string }[];
}): JSX.Element {
  const { plot } = props;
  return (
    <>
      {props.ticks.map((tick) => (
        <>
          <PlotLine plot={plot} y={tick.y} stroke={GRID_INK} />
          <ChartText
            x={plot.px(0) - 8}
            y={plot.py(tick.y) + 4}
            anchor="end"
            fill={AXIS_INK}
            text={tick.label}
          />
        </>
      ))}
    </>
  );
}
