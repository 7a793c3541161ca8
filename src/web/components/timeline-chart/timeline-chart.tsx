/**
 * The programme timeline as SVG, drawn on the server from the domain's layout
 * (layoutTimeline: 1 unit = 1 year). One row per project, grouped by action field under
 * a header in the field colour; each phase is a bar in that colour.
 *
 * How the chart tells things apart without relying on colour alone (WCAG 1.4.1):
 * - consecutive phases alternate between solid and hatched, with a small gap between them;
 * - standing tasks (Daueraufgabe) are dotted;
 * - an open end fades out past the horizon and ends in an arrow instead of a closed edge;
 *   an end not decided yet ("noch offen") fades out with a dashed outline and ends in "?";
 * - phases of one project that overlap lie in separate lanes of the row, one below the
 *   other, so that no phase hides another;
 * - quarter boundaries are marked on the axis and as faint grid lines, year boundaries as
 *   stronger lines, and today as a labelled line.
 *
 * The SVG is one image for assistive technology: role="img", named by its <title> and
 * described once by its <desc>, with everything drawn inside hidden from the accessibility
 * tree (otherwise screen readers meet dozens of groups and texts under the image). It sits
 * in a <figure>, and `aria-details` points to the alternative with the same data (the
 * table below it, or the list of phases). Each bar has a <title> as tooltip for mouse
 * users; it names the municipality's project and phase, so it is marked as German content.
 * No style attributes: colours are presentation attributes, the rest comes from app.css.
 */
import { round } from "../../../domain/timeline/print-geometry.js";
import type {
  TimelineBar,
  TimelineLayout,
  TimelineRowLayout,
} from "../../../domain/timeline/timeline-layout.js";
import { safeColour, tint } from "../../../domain/colour/field-colour.js";
import type { ViewContext } from "../view.js";
import { SvgImage } from "../svg-image/svg-image.js";
import type { Children } from "@kitajs/html";

/** Props of the timeline chart. */
export interface TimelineChartProps {
  readonly view: ViewContext;
  readonly layout: TimelineLayout;
  /** Prefix for the ids inside the SVG; must be unique on the page. */
  readonly idPrefix: string;
  /** "full": the programme timeline with labels and group headers; "compact": one project. */
  readonly variant: "full" | "compact";
  readonly title: string;
  readonly description: string;
  /** The id of the element with the same data as text (a table or list), for `aria-details`. */
  readonly detailsId?: string | undefined;
  /** The tooltip of a bar, e.g. "2.5 E-Rechnungsworkflow – Einführung: QIV/2021–2023". */
  readonly describeBar: (row: TimelineRowLayout, bar: TimelineBar) => string;
}

interface Geometry {
  readonly labelWidth: number;
  readonly yearWidth: number;
  /** Room right of the horizon for open ends to fade out and point onwards. */
  readonly tail: number;
  readonly axisTop: number;
  readonly axisBottom: number;
  readonly headerHeight: number;
  readonly rowHeight: number;
  readonly barHeight: number;
  readonly labelChars: number;
}

const GEOMETRY: Readonly<Record<TimelineChartProps["variant"], Geometry>> = {
  full: {
    labelWidth: 300,
    yearWidth: 70,
    tail: 34,
    axisTop: 44,
    axisBottom: 28,
    headerHeight: 30,
    rowHeight: 26,
    barHeight: 14,
    labelChars: 40,
  },
  compact: {
    labelWidth: 0,
    yearWidth: 60,
    tail: 34,
    axisTop: 44,
    axisBottom: 6,
    headerHeight: 0,
    rowHeight: 30,
    barHeight: 16,
    labelChars: 0,
  },
};

/** The server-rendered SVG timeline. */
export function TimelineChart(props: TimelineChartProps): JSX.Element {
  const { layout, view, idPrefix, variant } = props;
  const g = GEOMETRY[variant];
  const showHeaders = variant === "full";
  const chartStart = g.labelWidth;
  const chartEnd = g.labelWidth + layout.width * g.yearWidth;
  const width = chartEnd + g.tail + 6;
  const xOf = (units: number): number =>
    round(chartStart + units * g.yearWidth);

  // Vertical positions: group headers (full variant only), then their rows.
  const placedGroups = [] as {
    readonly index: number;
    readonly headerY: number;
    readonly rowYs: readonly number[];
  }[];
  let y = g.axisTop;
  layout.groups.forEach((group, index) => {
    const headerY = y;
    if (showHeaders) y += g.headerHeight;
    const rowYs = group.rows.map((row) => {
      const rowY = y;
      y += rowHeightOf(g, row.laneCount);
      return rowY;
    });
    placedGroups.push({ index, headerY, rowYs });
  });
  const contentBottom = y;
  const height = contentBottom + g.axisBottom;

  const fadeId = `${idPrefix}-ausblenden`;
  const fadeStart = chartEnd - g.yearWidth * 0.6;
  const fadeEnd = chartEnd + g.tail - 8;

  return (
    <figure class="app-timeline-chart__figure">
      <SvgImage
        class={`app-timeline-chart app-timeline-chart--${variant}`}
        width={width}
        height={height}
        idPrefix={idPrefix}
        title={props.title}
        description={props.description}
        detailsId={props.detailsId}
      >
        <g aria-hidden="true">
          <defs>
            {/* An open end fades out under a white veil. A gradient, not an SVG mask: printed
            to PDF, a mask becomes a page-sized raster image per bar. */}
            <linearGradient
              id={fadeId}
              gradientUnits="userSpaceOnUse"
              x1={round(fadeStart)}
              y1="0"
              x2={round(fadeEnd)}
              y2="0"
            >
              <stop offset="0" stop-color="#fff" stop-opacity="0" />
              <stop offset="1" stop-color="#fff" />
            </linearGradient>
            {layout.groups.map((group, index) => {
              const colour = safeColour(group.colour);
              const light = tint(colour, 0.82);
              return (
                <BarPatterns
                  hatchId={`${idPrefix}-schraffur-${index}`}
                  dotsId={`${idPrefix}-punkte-${index}`}
                  light={light}
                  ink={colour}
                />
              );
            })}
          </defs>

          {/* Zebra stripes first, so that grid lines and bars lie on top of them; the fill
              is the group's, so that each stripe carries only its place. */}
          <g class="app-timeline-chart__rows" fill="#f4f5f6">
            {placedGroups.flatMap((placed) =>
              placed.rowYs.map((rowY, rowIndex) =>
                rowIndex % 2 === 1 ? (
                  <rect
                    class="app-timeline-chart__stripe"
                    y={rowY}
                    width={chartEnd}
                    height={rowHeightOf(
                      g,
                      layout.groups[placed.index]?.rows[rowIndex]?.laneCount ??
                        1,
                    )}
                  />
                ) : (
                  ""
                ),
              ),
            )}
          </g>

          <g class="app-timeline-chart__grid">
            {/* All quarter lines are one path, and all their marks on the axis another: the
                same strokes in a tenth of the bytes of a line element each. */}
            <path
              class="app-timeline-chart__quarter"
              fill="none"
              stroke="#e3e5e7"
              d={layout.quarterTicks
                .map((tick) => `M${xOf(tick.x)} ${g.axisTop}V${contentBottom}`)
                .join("")}
            />
            <path
              class="app-timeline-chart__quarter-tick"
              fill="none"
              stroke="#6f777b"
              d={layout.quarterTicks
                .map((tick) => `M${xOf(tick.x)} ${g.axisTop - 5}V${g.axisTop}`)
                .join("")}
            />
            {layout.yearTicks.map((tick) => (
              <>
                <line
                  class="app-timeline-chart__year"
                  stroke="#b1b4b6"
                  x1={xOf(tick.x)}
                  y1={g.axisTop - 10}
                  x2={xOf(tick.x)}
                  y2={contentBottom}
                />
                <text
                  class="app-timeline-chart__year-label"
                  x={xOf(tick.x + 0.5)}
                  y={g.axisTop - 12}
                  text-anchor="middle"
                >
                  {tick.year}
                </text>
                {variant === "full" ? (
                  <text
                    class="app-timeline-chart__year-label"
                    x={xOf(tick.x + 0.5)}
                    y={contentBottom + 18}
                    text-anchor="middle"
                  >
                    {tick.year}
                  </text>
                ) : (
                  ""
                )}
              </>
            ))}
            <line
              class="app-timeline-chart__year"
              stroke="#b1b4b6"
              x1={chartEnd}
              y1={g.axisTop - 10}
              x2={chartEnd}
              y2={contentBottom}
            />
            <line
              class="app-timeline-chart__axis"
              stroke="#4c5358"
              x1={chartStart}
              y1={g.axisTop}
              x2={chartEnd}
              y2={g.axisTop}
            />
          </g>

          {placedGroups.map((placed) => {
            const group = layout.groups[placed.index];
            if (group === undefined) return "";
            const colour = safeColour(group.colour);
            return (
              <g class="app-timeline-chart__group">
                {showHeaders ? (
                  <>
                    <rect
                      x="0"
                      y={placed.headerY + 3}
                      width={chartEnd}
                      height={g.headerHeight - 6}
                      fill={colour}
                    />
                    <text
                      class="app-timeline-chart__group-label"
                      fill="#fff"
                      lang={view.contentLang}
                      x="8"
                      y={placed.headerY + g.headerHeight / 2 + 4.5}
                      safe
                    >
                      {truncate(group.label, 90)}
                    </text>
                  </>
                ) : (
                  ""
                )}
                {group.rows.map((row, rowIndex) => {
                  const rowY = placed.rowYs[rowIndex] ?? 0;
                  const firstBarY = rowY + (g.rowHeight - g.barHeight) / 2;
                  return (
                    <g class="app-timeline-chart__row" data-project={row.key}>
                      {g.labelWidth > 0 ? (
                        <text
                          class="app-timeline-chart__label"
                          x="8"
                          y={rowY + g.rowHeight / 2 + 4.5}
                        >
                          <tspan class="app-timeline-chart__code" safe>
                            {row.code}
                          </tspan>
                          <tspan dx="6" lang={view.contentLang} safe>
                            {truncate(
                              row.label,
                              g.labelChars - row.code.length,
                            )}
                          </tspan>
                        </text>
                      ) : (
                        ""
                      )}
                      {row.bars.map((bar) => {
                        const barY = firstBarY + bar.lane * laneStepOf(g);
                        const fill = bar.isPermanent
                          ? `url(#${idPrefix}-punkte-${placed.index})`
                          : bar.phaseIndex % 2 === 0
                            ? colour
                            : `url(#${idPrefix}-schraffur-${placed.index})`;
                        const runsOn = bar.isOpenEnd || bar.clippedEnd;
                        // One pixel off each side leaves a visible gap between phases that touch.
                        const x1 = xOf(bar.x) + (bar.clippedStart ? 0 : 1);
                        const x2 = runsOn
                          ? fadeEnd
                          : xOf(bar.x + bar.width) - 1;
                        const middle = barY + g.barHeight / 2;
                        const tailEnd = Math.min(
                          xOf(bar.x + bar.width) + g.yearWidth * 0.4,
                          chartEnd + g.tail - 4,
                        );
                        return (
                          <g
                            class="app-timeline-chart__bar"
                            lang={view.contentLang}
                          >
                            <title safe>{props.describeBar(row, bar)}</title>
                            <rect
                              x={x1}
                              y={barY}
                              width={Math.max(round(x2 - x1), 2)}
                              height={g.barHeight}
                              rx="2"
                              fill={fill}
                              stroke={colour}
                              stroke-dasharray={
                                bar.isUndecided ? "4 3" : undefined
                              }
                            />
                            {bar.isOpenEnd ? (
                              <rect
                                class="app-timeline-chart__fade"
                                x={round(Math.max(x1, fadeStart))}
                                y={barY - 1}
                                width={round(
                                  fadeEnd + 1 - Math.max(x1, fadeStart),
                                )}
                                height={g.barHeight + 2}
                                fill={`url(#${fadeId})`}
                              />
                            ) : (
                              ""
                            )}
                            {bar.isUndecided ? (
                              <text
                                class="app-timeline-chart__undecided"
                                x={fadeEnd + 1}
                                y={round(middle + 5)}
                                fill={colour}
                                font-weight="bold"
                              >
                                ?
                              </text>
                            ) : runsOn ? (
                              <polyline
                                class="app-timeline-chart__arrow"
                                fill="none"
                                stroke-width="2"
                                points={`${fadeEnd + 1},${round(middle - 5)} ${fadeEnd + 6},${round(middle)} ${fadeEnd + 1},${round(middle + 5)}`}
                                stroke={colour}
                              />
                            ) : (
                              ""
                            )}
                            {!runsOn && bar.continuation === "ongoing" ? (
                              <line
                                class="app-timeline-chart__continuation"
                                stroke-width="2"
                                stroke-dasharray="2 3"
                                x1={x2 + 2}
                                y1={round(middle)}
                                x2={round(tailEnd)}
                                y2={round(middle)}
                                stroke={colour}
                              />
                            ) : (
                              ""
                            )}
                          </g>
                        );
                      })}
                    </g>
                  );
                })}
              </g>
            );
          })}

          <TodayLine
            class="app-timeline-chart__today"
            x={layout.todayX === null ? null : xOf(layout.todayX)}
            top={g.axisTop - 4}
            bottom={contentBottom}
            label={view.t.timelineToday}
          />
        </g>
      </SvgImage>
    </figure>
  );
}

/** The vertical distance between two lanes of a row. */
function laneStepOf(g: Geometry): number {
  return g.barHeight + 4;
}

/** The height of a row with the given number of lanes. */
function rowHeightOf(g: Geometry, laneCount: number): number {
  return g.rowHeight + Math.max(0, laneCount - 1) * laneStepOf(g);
}

/** Shortens a label to at most `max` characters with an ellipsis; the tooltip has the whole text. */
export function truncate(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, Math.max(max - 1, 1)).trimEnd()}…`;
}

/**
 * The fills that tell phases apart without colour: a hatch for every second phase and
 * dots for a standing task, in ink on a light ground. The chart defines them per field
 * colour, the legend once in neutral grey.
 */
export function BarPatterns(props: {
  hatchId: string;
  dotsId: string;
  light: string;
  ink: string;
}): JSX.Element {
  return (
    <>
      <pattern
        id={props.hatchId}
        patternUnits="userSpaceOnUse"
        width="6"
        height="6"
        patternTransform="rotate(45)"
      >
        <rect x="0" y="0" width="6" height="6" fill={props.light} />
        <rect x="0" y="0" width="2.5" height="6" fill={props.ink} />
      </pattern>
      <pattern
        id={props.dotsId}
        patternUnits="userSpaceOnUse"
        width="6"
        height="6"
      >
        <rect x="0" y="0" width="6" height="6" fill={props.light} />
        <circle cx="3" cy="3" r="1.7" fill={props.ink} />
      </pattern>
    </>
  );
}

/**
 * The frame of a timeline wider than the page: a named region that scrolls sideways and
 * takes keyboard focus, so that it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function TimelineScroll(props: {
  readonly label: string;
  /** The narrower frame of one project's schedule. */
  readonly compact?: boolean;
  readonly children?: Children;
}): JSX.Element {
  return (
    <div
      class={
        props.compact === true
          ? "app-timeline__scroll app-timeline__scroll--compact"
          : "app-timeline__scroll"
      }
      role="region"
      tabindex="0"
      aria-label={props.label}
    >
      {props.children}
    </div>
  );
}

/** Today as a red line from the axis to the bottom, labelled above the axis; nothing when `x` is null. */
export function TodayLine(props: {
  class: string;
  /** Where today is, or null when it lies outside the chart's span. */
  x: number | null;
  top: number;
  bottom: number;
  label: string;
}): JSX.Element {
  if (props.x === null) return "";
  return (
    <g class={props.class}>
      <line
        stroke="#b3261e"
        stroke-width="2"
        x1={props.x}
        y1={props.top}
        x2={props.x}
        y2={props.bottom}
      />
      <text fill="#b3261e" x={props.x} y="13" text-anchor="middle" safe>
        {props.label}
      </text>
    </g>
  );
}
