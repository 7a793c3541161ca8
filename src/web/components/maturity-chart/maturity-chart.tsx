/**
 * The maturity distribution of the OZG register as an SVG bar chart (one per model
 * version, from `layoutMaturityChart`) with the same numbers as a table. Like the key
 * figure charts: role="img" with <title> and <desc>, presentation attributes only.
 */
import { FiguresTable } from "../figures-table/figures-table.js";
import type { MaturityChart } from "../../../domain/service/maturity-chart.js";
import { Html } from "@kitajs/html";
import { CHART_INK } from "../indicator-chart/indicator-chart.js";
import {
  AXIS_INK,
  ChartSvg,
  ChartText,
  PlotLine,
  plotOf,
  YGrid,
} from "../indicator-chart/chart-frame.js";
import { TableHead } from "../table-head/table-head.js";

const PLOT = plotOf(640, 260, { left: 56, right: 16, top: 34, bottom: 56 });
const { px, py } = PLOT;

/** The bars alone. */
export function MaturityChartSvg(props: {
  readonly chart: MaturityChart;
  readonly idPrefix: string;
}): JSX.Element {
  const { chart } = props;
  return (
    <ChartSvg
      plot={PLOT}
      idPrefix={props.idPrefix}
      safeTitle={Html.escapeHtml(chart.title)}
      safeDescription={Html.escapeHtml(chart.summary)}
    >
      <YGrid plot={PLOT} ticks={chart.yTicks} />
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
          <ChartText
            x={px(bar.x + bar.width / 2)}
            y={py(bar.y) - 6}
            anchor="middle"
            bold
            fill={CHART_INK}
            text={String(bar.count)}
          />
          <ChartText
            x={px(bar.x + bar.width / 2)}
            y={PLOT.height - PLOT.margin.bottom + 18}
            anchor="middle"
            fill={AXIS_INK}
            text={bar.axisLabel}
          />
        </>
      ))}
      <PlotLine plot={PLOT} y={0} stroke={AXIS_INK} />
      <ChartText x={8} y={14} fill={AXIS_INK} text={chart.yAxisLabel} />
    </ChartSvg>
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
          <FiguresTable caption={chart.table.caption}>
            <TableHead
              columns={[
                chart.table.headers[0] ?? "",
                chart.table.headers[1] ?? "",
              ]}
              numericFrom={1}
            />
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
          </FiguresTable>
        </div>
      </details>
    </div>
  );
}
