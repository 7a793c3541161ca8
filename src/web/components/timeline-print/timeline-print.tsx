/**
 * Timelines for documents (catalogue PDF and DOCX): one action field per picture, drawn at
 * the size it is printed, so that every text is at least 9 pt on paper (12 CSS px at 1:1
 * on an A4 page). Unlike the portal's chart, nothing is cut: project names wrap onto more
 * lines and the row grows with them, a phase carries its name inside the bar where the
 * name fits, and the picture ends with its key (legend) naming only the marks it uses.
 * Fonts and sizes are presentation attributes, so no stylesheet changes what is printed.
 * Where everything stands is decided by the geometry the revision slides draw with too
 * (src/domain/timeline/print-geometry.ts); this file only writes it as SVG.
 *
 * The SVG is one image for assistive technology (role="img", <title>, <desc>); the
 * documents give the same data as text next to it.
 */
import type { Children } from "@kitajs/html";
import type {
  TimelineBar,
  TimelineLayout,
} from "../../../domain/timeline/timeline-layout.js";
import type {
  TimelineLegendEntry,
  TimelineLegendKind,
} from "../../../domain/timeline/timeline-legend.js";
import { safeColour, tint } from "../../../domain/colour/field-colour.js";
import { SvgImage } from "../svg-image/svg-image.js";
import {
  AXIS_TOP,
  axisYears,
  barMarks,
  headerBaseline,
  headerHeight,
  headerLines,
  LEGEND_SAMPLE,
  NAME_X,
  nameBaseline,
  nameLines,
  PERMANENT_TINT,
  PRINT_AXIS,
  PRINT_GRID,
  PRINT_INK as INK,
  PRINT_NEUTRAL,
  PRINT_STRIPE,
  printFrame,
  round,
  textOn,
  textWidth,
  type PrintFrame as Frame,
  type PrintGeometry,
} from "../../../domain/timeline/print-geometry.js";

const FONT_FAMILY = "Liberation Sans, Arial, sans-serif";

function NameText(props: {
  f: Frame;
  y: number;
  code: string;
  lines: readonly string[];
}): JSX.Element {
  const { f, code, lines } = props;
  return (
    <>
      {lines.map((line, index) => {
        const y = nameBaseline(f, props.y, index);
        if (index === 0 && (line === code || line.startsWith(`${code} `)))
          return (
            <text x={NAME_X} y={y} font-size={f.g.font} fill={INK}>
              <tspan font-weight="bold" safe>
                {code}
              </tspan>
              <tspan safe>{line.slice(code.length)}</tspan>
            </text>
          );
        return (
          <text x={NAME_X} y={y} font-size={f.g.font} fill={INK} safe>
            {line}
          </text>
        );
      })}
    </>
  );
}

function Axis(props: {
  f: Frame;
  years: TimelineLayout["yearTicks"];
  top: number;
  bottom: number;
}): JSX.Element {
  const { f } = props;
  return (
    <g>
      {axisYears(f, props.years).map((tick) => (
        <>
          <line
            stroke={PRINT_GRID}
            x1={tick.x}
            y1={props.top - 8}
            x2={tick.x}
            y2={props.bottom}
          />
          <text
            x={tick.labelX}
            y={props.top - 10}
            text-anchor="middle"
            font-size={f.g.font}
            fill={INK}
          >
            {tick.year}
          </text>
        </>
      ))}
      <line
        stroke={PRINT_GRID}
        x1={f.chartEnd}
        y1={props.top - 8}
        x2={f.chartEnd}
        y2={props.bottom}
      />
      <line
        stroke={PRINT_AXIS}
        x1={f.chartStart}
        y1={props.top}
        x2={f.chartEnd}
        y2={props.top}
      />
    </g>
  );
}

/** A group header: the field's name on its colour, wrapped. */
function Header(props: {
  f: Frame;
  y: number;
  lines: readonly string[];
  colour: string;
}): JSX.Element {
  const { f, lines } = props;
  return (
    <g>
      <rect
        x="0"
        y={props.y}
        width={round(f.chartEnd)}
        height={headerHeight(f, lines)}
        fill={props.colour}
      />
      {lines.map((line, index) => (
        <text
          x="8"
          y={headerBaseline(f, props.y, index)}
          font-size={f.g.font + 1}
          font-weight="bold"
          fill={textOn(props.colour)}
          safe
        >
          {line}
        </text>
      ))}
    </g>
  );
}

/**
 * One bar of the timeline: filled in the field colour, a standing task in a light tint;
 * the phase's name inside where it fits; what follows the bar tells how it goes on
 * (dotted: danach laufend, arrow: beyond the horizon, "?": end not decided).
 */
function Bar(props: {
  f: Frame;
  bar: TimelineBar;
  y: number;
  colour: string;
}): JSX.Element {
  const { f } = props;
  const marks = barMarks(f, props.bar, props.y, props.colour);
  const { label, end } = marks;
  return (
    <g>
      <rect
        x={marks.x}
        y={marks.y}
        width={marks.width}
        height={marks.height}
        rx="2"
        fill={marks.fill}
        stroke={marks.stroke}
        stroke-width="1"
      />
      {label !== null ? (
        <text
          x={label.x}
          y={label.baseline}
          font-size={f.g.font}
          fill={label.colour}
          safe
        >
          {label.text}
        </text>
      ) : (
        ""
      )}
      {end?.kind === "undecided" ? (
        <text
          x={end.x}
          y={end.baseline}
          font-size={f.g.font + 1}
          font-weight="bold"
          fill={INK}
        >
          ?
        </text>
      ) : end?.kind === "open" ? (
        <polyline
          fill="none"
          stroke={INK}
          stroke-width="2"
          points={`${end.x},${end.top} ${end.tip},${end.middle} ${end.x},${end.bottom}`}
        />
      ) : end?.kind === "ongoing" ? (
        <line
          stroke={INK}
          stroke-width="2.5"
          stroke-dasharray="1 4"
          stroke-linecap="round"
          x1={end.x1}
          y1={end.y}
          x2={end.x2}
          y2={end.y}
        />
      ) : (
        ""
      )}
    </g>
  );
}

/** The sample of a legend entry, drawn in a box of LEGEND_SAMPLE × barHeight at (x, y). */
function Sample(props: {
  kind: TimelineLegendKind;
  x: number;
  y: number;
  h: number;
  colour: string;
}): JSX.Element {
  const { kind, x, y, h, colour } = props;
  const middle = round(y + h / 2);
  const box = (fill: string, extra: Record<string, string> = {}) => (
    <rect
      x={x}
      y={round(y + 2)}
      width={LEGEND_SAMPLE - 10}
      height={round(h - 4)}
      rx="2"
      fill={fill}
      stroke={colour}
      {...extra}
    />
  );
  const tailX = x + LEGEND_SAMPLE - 8;
  switch (kind) {
    case "phase":
    case "new":
      return box(colour);
    case "permanent":
      return box(tint(colour, PERMANENT_TINT));
    case "old":
      return box("#ffffff", {
        "stroke-width": "2",
        "stroke-dasharray": "5 3",
      });
    case "ongoing":
      return (
        <>
          {box(colour)}
          <line
            stroke={INK}
            stroke-width="2.5"
            stroke-dasharray="1 4"
            stroke-linecap="round"
            x1={tailX}
            y1={middle}
            x2={x + LEGEND_SAMPLE + 4}
            y2={middle}
          />
        </>
      );
    case "open":
      return (
        <>
          {box(colour)}
          <polyline
            fill="none"
            stroke={INK}
            stroke-width="2"
            points={`${tailX},${middle - 5} ${tailX + 6},${middle} ${tailX},${middle + 5}`}
          />
        </>
      );
    case "undecided":
      return (
        <>
          {box(colour)}
          <text
            x={tailX}
            y={round(middle + 5)}
            font-size="14"
            font-weight="bold"
            fill={INK}
          >
            ?
          </text>
        </>
      );
    case "shift":
      return (
        <>
          <line
            x1={x}
            y1={middle}
            x2={x + LEGEND_SAMPLE - 6}
            y2={middle}
            stroke={INK}
            stroke-width="2"
          />
          <path
            d={`M ${x + LEGEND_SAMPLE - 8} ${middle - 5} L ${x + LEGEND_SAMPLE} ${middle} L ${x + LEGEND_SAMPLE - 8} ${middle + 5} z`}
            fill={INK}
          />
        </>
      );
  }
}

/** The legend's rows of entries, as many on a line as fit. */
function legendRows(
  f: Frame,
  entries: readonly TimelineLegendEntry[],
): { entry: TimelineLegendEntry; x: number; row: number }[] {
  const placed: { entry: TimelineLegendEntry; x: number; row: number }[] = [];
  let x = 6;
  let row = 0;
  for (const entry of entries) {
    const width = LEGEND_SAMPLE + 10 + textWidth(entry.label, f.g.font) + 18;
    if (x > 6 && x + width > f.g.width) {
      row += 1;
      x = 6;
    }
    placed.push({ entry, x, row });
    x += width;
  }
  return placed;
}

function legendHeight(
  f: Frame,
  entries: readonly TimelineLegendEntry[],
): number {
  if (entries.length === 0) return 0;
  const rows = (legendRows(f, entries).at(-1)?.row ?? 0) + 1;
  return 14 + f.lineHeight + rows * (f.barHeight + 6);
}

function Legend(props: {
  f: Frame;
  y: number;
  entries: readonly TimelineLegendEntry[];
  colour: string;
}): JSX.Element {
  const { f, entries } = props;
  if (entries.length === 0) return "";
  const top = props.y + 10;
  return (
    <g>
      <text
        x="6"
        y={round(top + f.g.font)}
        font-size={f.g.font}
        font-weight="bold"
        fill={INK}
      >
        Legende
      </text>
      {legendRows(f, entries).map(({ entry, x, row }) => {
        const y = top + f.lineHeight + 4 + row * (f.barHeight + 6);
        return (
          <>
            <Sample
              kind={entry.kind}
              x={x}
              y={y}
              h={f.barHeight}
              colour={props.colour}
            />
            <text
              x={round(x + LEGEND_SAMPLE + 10)}
              y={round(y + f.barHeight / 2 + f.g.font * 0.35)}
              font-size={f.g.font}
              fill={INK}
              safe
            >
              {entry.label}
            </text>
          </>
        );
      })}
    </g>
  );
}

function Svg(props: {
  width: number;
  height: number;
  idPrefix: string;
  title: string;
  description: string;
  children: Children;
}): JSX.Element {
  const height = Math.ceil(props.height);
  return (
    <SvgImage
      class="app-print-timeline"
      width={props.width}
      height={height}
      idPrefix={props.idPrefix}
      title={props.title}
      description={props.description}
      fontFamily={FONT_FAMILY}
    >
      <g aria-hidden="true">
        <rect x="0" y="0" width={props.width} height={height} fill="#ffffff" />
        {props.children}
      </g>
    </SvgImage>
  );
}

/** Props of a printed programme timeline (one or more groups of a layout). */
export interface PrintTimelineProps {
  readonly layout: TimelineLayout;
  readonly geometry: PrintGeometry;
  readonly idPrefix: string;
  readonly title: string;
  readonly description: string;
  readonly legend: readonly TimelineLegendEntry[];
}

/** The programme timeline as printed in the catalogue, one field (group) per picture. */
export function PrintTimeline(props: PrintTimelineProps): JSX.Element {
  const { layout } = props;
  const f = printFrame(props.geometry, layout.width);
  const laneStep = f.barHeight + 4;
  let y = AXIS_TOP;
  const parts: JSX.Element[] = [];
  const stripes: JSX.Element[] = [];
  let colour = PRINT_NEUTRAL;
  for (const group of layout.groups) {
    colour = safeColour(group.colour);
    const header = headerLines(f, group.label);
    parts.push(<Header f={f} y={y} lines={header} colour={colour} />);
    y += header.length * f.lineHeight + 8 + 2;
    group.rows.forEach((row, index) => {
      const lines = nameLines(f, row.code, row.label, null);
      const height =
        Math.max(lines.length * f.lineHeight, row.laneCount * laneStep - 4) +
        10;
      if (index % 2 === 1)
        stripes.push(
          <rect
            x="0"
            y={round(y)}
            width={round(f.chartEnd)}
            height={round(height)}
            fill={PRINT_STRIPE}
          />,
        );
      const top = y + 5;
      parts.push(
        <g>
          <NameText f={f} y={top + f.g.font} code={row.code} lines={lines} />
          {row.bars.map((bar) => (
            <Bar
              f={f}
              bar={bar}
              y={top + bar.lane * laneStep}
              colour={colour}
            />
          ))}
        </g>,
      );
      y += height;
    });
  }
  const bottom = y;
  const height = bottom + legendHeight(f, props.legend) + 6;
  return (
    <Svg
      width={props.geometry.width}
      height={height}
      idPrefix={props.idPrefix}
      title={props.title}
      description={props.description}
    >
      <>
        {stripes}
        <Axis f={f} years={layout.yearTicks} top={AXIS_TOP} bottom={bottom} />
        {parts}
        <Legend f={f} y={bottom} entries={props.legend} colour={colour} />
      </>
    </Svg>
  );
}
