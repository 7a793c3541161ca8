/**
 * Timelines for documents (catalogue PDF and DOCX, revision slides): one action field per
 * picture, drawn at the size it is printed, so that every text is at least 9 pt on paper
 * (12 CSS px at 1:1 on an A4 page; the slide pictures are drawn wider with larger text).
 * Unlike the portal's chart, nothing is cut: project names wrap onto more lines and the row
 * grows with them, a phase carries its name inside the bar where the name fits, and the
 * picture ends with its key (legend) naming only the marks it uses. Fonts and sizes are
 * presentation attributes, so no stylesheet changes what is printed.
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
  ComparisonBar,
  TimelineComparison,
  TimelineComparisonRow,
} from "../../../domain/edition/timeline-comparison.js";
import type {
  TimelineLegendEntry,
  TimelineLegendKind,
} from "../../../domain/timeline/timeline-legend.js";
import { safeColour, tint } from "../colour-marker/colour.js";

/** Size of a printed timeline: its width in CSS px, the name column and the font size (px). */
export interface PrintGeometry {
  readonly width: number;
  readonly labelWidth: number;
  readonly font: number;
}

/** An A4 page's text width (174 mm = 658 px) at 12 px = 9 pt. */
export const CATALOGUE_PRINT: PrintGeometry = {
  width: 658,
  labelWidth: 215,
  font: 12,
};

/** A picture on a wide slide (12.1 in), 13 px ≈ 11 pt there. */
export const SLIDE_PRINT: PrintGeometry = {
  width: 1000,
  labelWidth: 300,
  font: 13,
};

const INK = "#1b1f23";
const FONT_FAMILY = "Liberation Sans, Arial, sans-serif";
const AXIS_TOP = 34;
const TAIL = 26;
const LEGEND_SAMPLE = 28;

/** The average width of a character, relative to the font size (Liberation Sans, generous). */
const CHAR = 0.56;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function textWidth(text: string, font: number, bold = false): number {
  return text.length * font * (bold ? CHAR + 0.05 : CHAR);
}

/** Splits a text into lines of at most `max` characters at spaces (a longer word is cut). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((each) => each !== "")) {
    let rest = word;
    while (rest.length > max) {
      if (line !== "") {
        lines.push(line);
        line = "";
      }
      lines.push(rest.slice(0, max - 1) + "-");
      rest = rest.slice(max - 1);
    }
    if (line === "") line = rest;
    else if (line.length + 1 + rest.length <= max) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length === 0 ? [""] : lines;
}

/** White or ink on a colour, whichever reads better. */
function textOn(colour: string): string {
  const hex = safeColour(colour);
  const [r, g, b] = [1, 3, 5].map(
    (start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255,
  ) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.55 ? "#ffffff" : INK;
}

interface Frame {
  readonly g: PrintGeometry;
  readonly lineHeight: number;
  readonly barHeight: number;
  readonly chartStart: number;
  readonly chartEnd: number;
  readonly yearWidth: number;
  readonly nameChars: number;
  xOf(units: number): number;
}

function frameOf(g: PrintGeometry, years: number): Frame {
  const chartStart = g.labelWidth;
  const yearWidth = (g.width - g.labelWidth - TAIL) / years;
  const chartEnd = chartStart + years * yearWidth;
  return {
    g,
    lineHeight: Math.round(g.font * 1.25),
    barHeight: g.font + 6,
    chartStart,
    chartEnd,
    yearWidth,
    nameChars: Math.floor((g.labelWidth - 14) / (g.font * CHAR)),
    xOf: (units) => round(chartStart + units * yearWidth),
  };
}

/** The name lines of a row: code and name, with a state ("neu") after it. */
function nameLines(
  f: Frame,
  code: string,
  label: string,
  state: string | null,
): string[] {
  return wrapWords(
    `${code} ${label}${state === null ? "" : ` (${state})`}`,
    f.nameChars,
  );
}

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
        const y = round(props.y + index * f.lineHeight);
        if (index === 0 && (line === code || line.startsWith(`${code} `)))
          return (
            <text x="6" y={y} font-size={f.g.font} fill={INK}>
              <tspan font-weight="bold" safe>
                {code}
              </tspan>
              <tspan safe>{line.slice(code.length)}</tspan>
            </text>
          );
        return (
          <text x="6" y={y} font-size={f.g.font} fill={INK} safe>
            {line}
          </text>
        );
      })}
    </>
  );
}

function Axis(props: {
  f: Frame;
  years: readonly { year: number; x: number }[];
  top: number;
  bottom: number;
}): JSX.Element {
  const { f } = props;
  return (
    <g>
      {props.years.map((tick) => (
        <>
          <line
            stroke="#c4c7c9"
            x1={f.xOf(tick.x)}
            y1={props.top - 8}
            x2={f.xOf(tick.x)}
            y2={props.bottom}
          />
          <text
            x={f.xOf(tick.x + 0.5)}
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
        stroke="#c4c7c9"
        x1={f.chartEnd}
        y1={props.top - 8}
        x2={f.chartEnd}
        y2={props.bottom}
      />
      <line
        stroke="#4c5358"
        x1={f.chartStart}
        y1={props.top}
        x2={f.chartEnd}
        y2={props.top}
      />
    </g>
  );
}

/** A group header: the field's name on its colour, wrapped. */
function headerLines(f: Frame, label: string): string[] {
  return wrapWords(
    label,
    Math.floor((f.chartEnd - 16) / ((f.g.font + 1) * (CHAR + 0.05))),
  );
}

function Header(props: {
  f: Frame;
  y: number;
  lines: readonly string[];
  colour: string;
}): JSX.Element {
  const { f, lines } = props;
  const height = lines.length * f.lineHeight + 8;
  return (
    <g>
      <rect
        x="0"
        y={props.y}
        width={round(f.chartEnd)}
        height={height}
        fill={props.colour}
      />
      {lines.map((line, index) => (
        <text
          x="8"
          y={round(props.y + 4 + f.g.font + index * f.lineHeight)}
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
 * One bar of the newer (or only) timeline: filled in the field colour, a standing task in
 * a light tint; the phase's name inside where it fits; what follows the bar tells how it
 * goes on (dotted: danach laufend, arrow: beyond the horizon, "?": end not decided).
 */
function Bar(props: {
  f: Frame;
  bar: TimelineBar;
  y: number;
  colour: string;
}): JSX.Element {
  const { f, bar, y, colour } = props;
  const runsOn = bar.isOpenEnd || bar.clippedEnd;
  const x1 = f.xOf(bar.x) + (bar.clippedStart ? 0 : 1);
  const x2 = f.xOf(bar.x + bar.width) - 1;
  const width = Math.max(round(x2 - x1), 2);
  const fill = bar.isPermanent ? tint(colour, 0.72) : colour;
  const middle = y + f.barHeight / 2;
  const label = bar.label.trim();
  const fits = label !== "" && textWidth(label, f.g.font) + 8 <= width;
  const after = x2 + 3;
  return (
    <g>
      <rect
        x={x1}
        y={round(y)}
        width={width}
        height={f.barHeight}
        rx="2"
        fill={fill}
        stroke={colour}
        stroke-width="1"
      />
      {fits ? (
        <text
          x={round(x1 + 4)}
          y={round(middle + f.g.font * 0.35)}
          font-size={f.g.font}
          fill={bar.isPermanent ? INK : textOn(colour)}
          safe
        >
          {label}
        </text>
      ) : (
        ""
      )}
      {bar.isUndecided ? (
        <text
          x={round(after)}
          y={round(middle + f.g.font * 0.35)}
          font-size={f.g.font + 1}
          font-weight="bold"
          fill={INK}
        >
          ?
        </text>
      ) : runsOn ? (
        <polyline
          fill="none"
          stroke={INK}
          stroke-width="2"
          points={`${round(after)},${round(middle - 5)} ${round(after + 6)},${round(middle)} ${round(after)},${round(middle + 5)}`}
        />
      ) : bar.continuation === "ongoing" ? (
        <line
          stroke={INK}
          stroke-width="2.5"
          stroke-dasharray="1 4"
          stroke-linecap="round"
          x1={round(after)}
          y1={round(middle)}
          x2={round(Math.min(x2 + f.yearWidth * 0.6, f.chartEnd + TAIL - 4))}
          y2={round(middle)}
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
      return box(tint(colour, 0.72));
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
  const titleId = `${props.idPrefix}-titel`;
  const descId = `${props.idPrefix}-beschreibung`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="app-print-timeline"
      width={props.width}
      height={Math.ceil(props.height)}
      viewBox={`0 0 ${props.width} ${Math.ceil(props.height)}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      font-family={FONT_FAMILY}
    >
      <title id={titleId} safe>
        {props.title}
      </title>
      <desc id={descId} safe>
        {props.description}
      </desc>
      <g aria-hidden="true">
        <rect
          x="0"
          y="0"
          width={props.width}
          height={Math.ceil(props.height)}
          fill="#ffffff"
        />
        {props.children}
      </g>
    </svg>
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
  const f = frameOf(props.geometry, layout.width);
  const laneStep = f.barHeight + 4;
  let y = AXIS_TOP;
  const parts: JSX.Element[] = [];
  const stripes: JSX.Element[] = [];
  let colour = "#505a5f";
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
            fill="#f2f3f4"
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

/** Props of a printed old-versus-new timeline (the rows of one field). */
export interface PrintComparisonProps {
  readonly layout: TimelineComparison;
  readonly geometry: PrintGeometry;
  readonly idPrefix: string;
  readonly title: string;
  readonly description: string;
  /** Words after an added or removed project's name ("neu", "gestrichen"). */
  readonly stateLabel: (row: TimelineComparisonRow) => string | null;
  /** The key drawn into the picture; empty when the document shows it itself (slides). */
  readonly legend: readonly TimelineLegendEntry[];
}

const OLD_HEIGHT = 10;
const OLD_STEP = 14;

/** The height of a comparison row in print. */
function comparisonRowHeight(
  f: Frame,
  row: TimelineComparisonRow,
  state: string | null,
): number {
  const lines = nameLines(f, row.code, row.label, state);
  const bars =
    6 +
    Math.max(1, row.oldLaneCount) * OLD_STEP +
    6 +
    Math.max(1, row.newLaneCount) * (f.barHeight + 4);
  return Math.max(lines.length * f.lineHeight + 10, bars + 4);
}

/** The height a printed comparison of these groups takes (to split a field over slides). */
export function printComparisonHeight(
  layout: TimelineComparison,
  geometry: PrintGeometry,
  stateLabel: (row: TimelineComparisonRow) => string | null,
): number {
  const f = frameOf(geometry, layout.width);
  let y = AXIS_TOP;
  for (const group of layout.groups) {
    y += headerLines(f, group.label).length * f.lineHeight + 10;
    for (const row of group.rows)
      y += comparisonRowHeight(f, row, stateLabel(row));
  }
  return y + 6;
}

/** The old-versus-new timeline as printed: old outlined above, new filled below, shifts as arrows. */
export function PrintComparison(props: PrintComparisonProps): JSX.Element {
  const { layout } = props;
  const f = frameOf(props.geometry, layout.width);
  const newStep = f.barHeight + 4;
  let y = AXIS_TOP;
  const parts: JSX.Element[] = [];
  const stripes: JSX.Element[] = [];
  let colour = "#505a5f";
  for (const group of layout.groups) {
    colour = safeColour(group.colour);
    const header = headerLines(f, group.label);
    parts.push(<Header f={f} y={y} lines={header} colour={colour} />);
    y += header.length * f.lineHeight + 10;
    group.rows.forEach((row, index) => {
      const state = props.stateLabel(row);
      const lines = nameLines(f, row.code, row.label, state);
      const height = comparisonRowHeight(f, row, state);
      if (index % 2 === 1)
        stripes.push(
          <rect
            x="0"
            y={round(y)}
            width={round(f.chartEnd)}
            height={round(height)}
            fill="#f2f3f4"
          />,
        );
      const oldTop = y + 6;
      const newTop = oldTop + Math.max(1, row.oldLaneCount) * OLD_STEP + 6;
      const barColour = colour;
      parts.push(
        <g>
          <NameText f={f} y={y + 5 + f.g.font} code={row.code} lines={lines} />
          {row.oldBars.map((bar: ComparisonBar) => {
            const x1 = f.xOf(bar.x) + 1;
            const x2 = f.xOf(bar.x + bar.width) - 1;
            return (
              <rect
                x={x1}
                y={round(oldTop + bar.lane * OLD_STEP)}
                width={Math.max(round(x2 - x1), 2)}
                height={OLD_HEIGHT}
                rx="2"
                fill="#ffffff"
                stroke={barColour}
                stroke-width="2"
                stroke-dasharray="5 3"
              />
            );
          })}
          {row.newBars.map((bar: ComparisonBar) => (
            <Bar
              f={f}
              bar={bar}
              y={newTop + bar.lane * newStep}
              colour={barColour}
            />
          ))}
          {row.markers.map((marker) => {
            const from = f.xOf(marker.fromX);
            const to = f.xOf(marker.toX);
            if (Math.abs(to - from) < 3) return "";
            const arrowY = round(newTop - 3);
            const head = to > from ? -7 : 7;
            return (
              <>
                <line
                  x1={from}
                  y1={arrowY}
                  x2={round(to + head * 0.6)}
                  y2={arrowY}
                  stroke={INK}
                  stroke-width="2"
                />
                <path
                  d={`M ${round(to + head)} ${arrowY - 4} L ${to} ${arrowY} L ${round(to + head)} ${arrowY + 4} z`}
                  fill={INK}
                />
              </>
            );
          })}
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
