/**
 * The maturity distribution of the OZG register as an SVG bar chart (one per model
 * version, from `layoutMaturityChart`) with the same numbers as a table. Like the key
 * figure charts: role="img" with <title> and <desc>, presentation attributes only.
 */
import type { MaturityChart } from "../../../domain/service/maturity-chart.js";
import { CHART_INK } from "../indicator-chart/indicator-chart.js";

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { left: 56, right: 16, top: 34, bottom: 56 } as const;

function px(x: number): number {
  return (
    Math.round((MARGIN.left + x * (WIDTH - MARGIN.left - MARGIN.right)) * 10) /
    10
  );
}

function py(y: number): number {
  return (
    Math.round(
      (HEIGHT - MARGIN.bottom - y * (HEIGHT - MARGIN.top - MARGIN.bottom)) * 10,
    ) / 10
  );
}

/** The bars alone. */
export function MaturityChartSvg(props: {
  readonly chart: MaturityChart;
  readonly idPrefix: string;
}): JSX.Element {
  const { chart, idPrefix } = props;
  return (
    <svg
      class="app-chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={String(WIDTH)}
      height={String(HEIGHT)}
      role="img"
      aria-labelledby={`${idPrefix}-titel ${idPrefix}-beschreibung`}
      focusable="false"
    >
      <title id={`${idPrefix}-titel`} safe>
        {chart.title}
      </title>
      <desc id={`${idPrefix}-beschreibung`} safe>
        {chart.summary}
      </desc>
      <g aria-hidden="true">
        {chart.yTicks.map((tick) => (
          <>
            <line
              x1={String(px(0))}
              x2={String(px(1))}
              y1={String(py(tick.y))}
              y2={String(py(tick.y))}
              stroke="#d8dadc"
              stroke-width="1"
            />
            <text
              x={String(px(0) - 8)}
              y={String(py(tick.y) + 4)}
              text-anchor="end"
              font-size="12"
              fill="#4b5257"
              safe
            >
              {tick.label}
            </text>
          </>
        ))}
        {chart.bars.map((bar) => (
          <>
            <rect
              x={String(px(bar.x))}
              width={String(
                Math.round((px(bar.x + bar.width) - px(bar.x)) * 10) / 10,
              )}
              y={String(py(bar.y))}
              height={String(Math.round((py(0) - py(bar.y)) * 10) / 10)}
              fill={CHART_INK}
            />
            <text
              x={String(px(bar.x + bar.width / 2))}
              y={String(py(bar.y) - 6)}
              text-anchor="middle"
              font-size="12"
              font-weight="700"
              fill={CHART_INK}
              safe
            >
              {String(bar.count)}
            </text>
            <text
              x={String(px(bar.x + bar.width / 2))}
              y={String(HEIGHT - MARGIN.bottom + 18)}
              text-anchor="middle"
              font-size="12"
              fill="#4b5257"
              safe
            >
              {bar.axisLabel}
            </text>
          </>
        ))}
        <line
          x1={String(px(0))}
          x2={String(px(1))}
          y1={String(py(0))}
          y2={String(py(0))}
          stroke="#4b5257"
          stroke-width="1"
        />
        <text x="8" y="14" font-size="12" fill="#4b5257" safe>
          {chart.yAxisLabel}
        </text>
      </g>
    </svg>
  );
}

/** The chart with its table alternative. */
export function MaturityFigure(props: {
  readonly chart: MaturityChart;
  readonly idPrefix: string;
  readonly tableSummary: string;
  readonly headingLevel?: 3 | 4;
  /** Print: the table is shown open. */
  readonly isPrint?: boolean;
}): JSX.Element {
  const { chart } = props;
  const Heading = props.headingLevel === 4 ? "h4" : "h3";
  return (
    <div
      class="app-figure"
      role="group"
      aria-labelledby={`${props.idPrefix}-name`}
    >
      <Heading class="app-heading-s" id={`${props.idPrefix}-name`} safe>
        {chart.title}
      </Heading>
      <div class="app-chart__frame">
        <MaturityChartSvg chart={chart} idPrefix={`${props.idPrefix}-grafik`} />
      </div>
      <details
        class="app-details app-figure__table"
        open={props.isPrint === true}
      >
        <summary class="app-details__summary">
          <span class="app-details__summary-text" safe>
            {props.tableSummary}
          </span>
        </summary>
        <div class="app-details__text">
          <div class="app-table-wrapper">
            <table class="app-table app-table--figures">
              <caption
                class="app-table__caption app-table__caption--small"
                safe
              >
                {chart.table.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {chart.table.headers[0] ?? ""}
                  </th>
                  <th scope="col" class="app-table__numeric" safe>
                    {chart.table.headers[1] ?? ""}
                  </th>
                </tr>
              </thead>
              <tbody>
                {chart.table.rows.map((row) => (
                  <tr>
                    <th scope="row" safe>
                      {row[0] ?? ""}
                    </th>
                    <td class="app-table__numeric" safe>
                      {row[1] ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </details>
    </div>
  );
}
