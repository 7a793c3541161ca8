/**
 * The old-versus-new timeline ("Alter Zeitstrahl") as SVG, drawn on the server from the
 * domain's layoutTimelineComparison: one row per project, grouped by action field. In each
 * row the older edition's periods are drawn outlined (dashed, white inside) above the newer
 * ones drawn solid, and an arrow marks every start or end that moved.
 *
 * Told apart without colour (WCAG 1.4.1): old and new differ in shape (outline versus
 * fill) and position (upper versus lower half of the row); shifts are arrows; added and
 * removed projects say so in words next to their label. The SVG is one image for assistive
 * technology (role="img" named by its <title>, described once by its <desc>, its drawing
 * hidden), in a <figure> whose `aria-details` points to the tables below it, which carry
 * the same information with the reasons. Each bar and arrow has a <title> as tooltip. Phases of one
 * snapshot that overlap lie in lanes one below the other, so that none hides another.
 */
import type {
  ComparisonBar,
  TimelineComparison,
  TimelineComparisonRow,
  TimelineShiftMarker,
} from "../../../domain/edition/timeline-comparison.js";
import { safeColour } from "../../../domain/colour/field-colour.js";
import type { ViewContext } from "../view.js";
import { SvgImage } from "../svg-image/svg-image.js";
import { round } from "../../../domain/timeline/print-geometry.js";
import { TodayLine, truncate } from "../timeline-chart/timeline-chart.js";
import { LegendItem, MarkerLine } from "../timeline-legend/timeline-legend.js";

/** Props of the comparison chart. */
export interface TimelineComparisonChartProps {
  readonly view: ViewContext;
  readonly layout: TimelineComparison;
  /** Prefix for ids inside the SVG; unique on the page. */
  readonly idPrefix: string;
  readonly title: string;
  readonly description: string;
  /** The id of the first table with the same data, for `aria-details`. */
  readonly detailsId?: string | undefined;
  readonly describeOldBar: (
    row: TimelineComparisonRow,
    bar: ComparisonBar,
  ) => string;
  readonly describeNewBar: (
    row: TimelineComparisonRow,
    bar: ComparisonBar,
  ) => string;
  readonly describeMarker: (
    row: TimelineComparisonRow,
    marker: TimelineShiftMarker,
  ) => string;
  /** Words shown after an added or removed project's label ("neu", "gestrichen"). */
  readonly stateLabel: (row: TimelineComparisonRow) => string | null;
  /** Narrower labels and years for pictures in documents. */
  readonly compact?: boolean;
}

const INK = "#0b0c0c";

/** The server-rendered comparison SVG. */
export function TimelineComparisonChart(
  props: TimelineComparisonChartProps,
): JSX.Element {
  const { layout, idPrefix } = props;
  const compact = props.compact === true;
  const labelWidth = compact ? 250 : 300;
  const yearWidth = compact ? 60 : 70;
  const axisTop = 44;
  const headerHeight = 30;
  const rowHeight = 34;
  const laneStep = 14;
  const extraLanes = (row: TimelineComparisonRow): number =>
    Math.max(0, row.oldLaneCount - 1) + Math.max(0, row.newLaneCount - 1);
  const heightOf = (row: TimelineComparisonRow): number =>
    rowHeight + extraLanes(row) * laneStep;
  const chartStart = labelWidth;
  const chartEnd = labelWidth + layout.width * yearWidth;
  const width = chartEnd + 16;
  const xOf = (units: number): number => round(chartStart + units * yearWidth);

  let y = axisTop;
  const placed = layout.groups.map((group) => {
    const headerY = y;
    y += headerHeight;
    const rowYs = group.rows.map((row) => {
      const rowY = y;
      y += heightOf(row);
      return rowY;
    });
    return { group, headerY, rowYs };
  });
  const contentBottom = y;
  const height = contentBottom + 28;
  const arrowId = `${idPrefix}-pfeil`;
  const labelChars = compact ? 34 : 40;

  return (
    <figure class="app-timeline-chart__figure">
      <SvgImage
        class="app-comparison-chart"
        width={width}
        height={height}
        idPrefix={idPrefix}
        title={props.title}
        description={props.description}
        detailsId={props.detailsId}
      >
        <defs>
          <marker
            id={arrowId}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={INK} />
          </marker>
        </defs>
        <g aria-hidden="true">
          <rect x="0" y="0" width={width} height={height} fill="#fff" />
          <g>
            {placed.flatMap(({ group, rowYs }) =>
              rowYs.map((rowY, index) =>
                index % 2 === 1 ? (
                  <rect
                    x="0"
                    y={rowY}
                    width={chartEnd}
                    height={
                      group.rows[index] === undefined
                        ? rowHeight
                        : heightOf(group.rows[index])
                    }
                    fill="#f4f5f6"
                  />
                ) : (
                  ""
                ),
              ),
            )}
            {layout.yearTicks.map((tick) => (
              <>
                <line
                  stroke="#b1b4b6"
                  x1={xOf(tick.x)}
                  y1={axisTop - 10}
                  x2={xOf(tick.x)}
                  y2={contentBottom}
                />
                <text
                  class="app-comparison-chart__year"
                  x={xOf(tick.x + 0.5)}
                  y={axisTop - 14}
                  text-anchor="middle"
                  fill={INK}
                >
                  {tick.year}
                </text>
                <text
                  class="app-comparison-chart__year"
                  x={xOf(tick.x + 0.5)}
                  y={contentBottom + 18}
                  text-anchor="middle"
                  fill={INK}
                >
                  {tick.year}
                </text>
              </>
            ))}
            <line
              stroke="#b1b4b6"
              x1={chartEnd}
              y1={axisTop - 10}
              x2={chartEnd}
              y2={contentBottom}
            />
            <line
              stroke="#4c5358"
              x1={chartStart}
              y1={axisTop}
              x2={chartEnd}
              y2={axisTop}
            />
          </g>

          {placed.map(({ group, headerY, rowYs }) => {
            const colour = safeColour(group.colour);
            return (
              <g class="app-comparison-chart__group">
                <rect
                  x="0"
                  y={headerY + 3}
                  width={chartEnd}
                  height={headerHeight - 6}
                  fill={colour}
                />
                <text
                  class="app-comparison-chart__group-label"
                  fill="#fff"
                  x="8"
                  y={headerY + headerHeight / 2 + 4.5}
                  safe
                >
                  {truncate(group.label, 90)}
                </text>
                {group.rows.map((row, index) => {
                  const rowY = rowYs[index] ?? 0;
                  const state = props.stateLabel(row);
                  const middle = rowY + rowHeight / 2;
                  // The new bars and the shift arrows move down by the old bars' extra lanes.
                  const newOffset =
                    Math.max(0, row.oldLaneCount - 1) * laneStep;
                  return (
                    <g
                      class="app-comparison-chart__row"
                      data-project={row.key}
                      data-state={row.state}
                    >
                      <text
                        class="app-comparison-chart__label"
                        x="8"
                        y={middle + 4.5}
                        fill={INK}
                      >
                        <tspan class="app-comparison-chart__code" safe>
                          {row.code}
                        </tspan>
                        <tspan dx="6" lang={props.view.contentLang} safe>
                          {truncate(
                            row.label,
                            labelChars -
                              row.code.length -
                              (state === null ? 0 : state.length + 3),
                          )}
                        </tspan>
                        {state === null ? (
                          ""
                        ) : (
                          <tspan
                            dx="6"
                            class="app-comparison-chart__state"
                            safe
                          >
                            {`(${state})`}
                          </tspan>
                        )}
                      </text>
                      {row.oldBars.map((bar) => {
                        const x1 = xOf(bar.x) + 1;
                        const x2 = xOf(bar.x + bar.width) - 1;
                        return (
                          <g
                            class="app-comparison-chart__old"
                            lang={props.view.contentLang}
                          >
                            <title safe>{props.describeOldBar(row, bar)}</title>
                            <rect
                              x={x1}
                              y={rowY + 5 + bar.lane * laneStep}
                              width={Math.max(round(x2 - x1), 2)}
                              height="10"
                              rx="2"
                              fill="#fff"
                              stroke={colour}
                              stroke-width="2"
                              stroke-dasharray="5 3"
                            />
                          </g>
                        );
                      })}
                      {row.newBars.map((bar) => {
                        const x1 = xOf(bar.x) + 1;
                        const x2 = xOf(bar.x + bar.width) - 1;
                        return (
                          <g
                            class="app-comparison-chart__new"
                            lang={props.view.contentLang}
                          >
                            <title safe>{props.describeNewBar(row, bar)}</title>
                            <rect
                              x={x1}
                              y={rowY + 19 + newOffset + bar.lane * laneStep}
                              width={Math.max(round(x2 - x1), 2)}
                              height="10"
                              rx="2"
                              fill={colour}
                              stroke={colour}
                            />
                          </g>
                        );
                      })}
                      {row.markers.map((marker) => {
                        const from = xOf(marker.fromX);
                        const to = xOf(marker.toX);
                        if (Math.abs(to - from) < 3) return "";
                        return (
                          <g
                            class="app-comparison-chart__shift"
                            lang={props.view.contentLang}
                          >
                            <title safe>
                              {props.describeMarker(row, marker)}
                            </title>
                            <line
                              x1={from}
                              y1={rowY + 17 + newOffset}
                              x2={to}
                              y2={rowY + 17 + newOffset}
                              stroke={INK}
                              stroke-width="2"
                              marker-end={`url(#${arrowId})`}
                            />
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
            class="app-comparison-chart__today"
            x={layout.todayX === null ? null : xOf(layout.todayX)}
            top={axisTop - 4}
            bottom={contentBottom}
            label={props.view.t.timelineToday}
          />
        </g>
      </SvgImage>
    </figure>
  );
}

/** The key to the comparison chart's marks: words carry the meaning, samples are decorative. */
export function TimelineComparisonLegend(props: {
  view: ViewContext;
  olderTitle: string;
  newerTitle: string;
}): JSX.Element {
  const t = props.view.t.edition;
  return (
    <div class="app-timeline-legend">
      <h2 class="app-timeline-legend__title" safe>
        {props.view.t.timelineLegend}
      </h2>
      <ul class="app-timeline-legend__list">
        <LegendItem label={t.legendOld(props.olderTitle)}>
          <rect
            x="2"
            y="4"
            width="36"
            height="10"
            rx="2"
            fill="#fff"
            stroke="#505a5f"
            stroke-width="2"
            stroke-dasharray="5 3"
          />
        </LegendItem>
        <LegendItem label={t.legendNew(props.newerTitle)}>
          <rect x="2" y="4" width="36" height="10" rx="2" fill="#505a5f" />
        </LegendItem>
        <LegendItem label={t.legendShift}>
          <>
            <line x1="3" y1="9" x2="32" y2="9" stroke={INK} stroke-width="2" />
            <path d="M 30 4 L 38 9 L 30 14 z" fill={INK} />
          </>
        </LegendItem>
        <LegendItem label={props.view.t.legendToday}>
          <MarkerLine class="app-timeline-chart__today-sample" />
        </LegendItem>
      </ul>
    </div>
  );
}
