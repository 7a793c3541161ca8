/**
 * A key figure as a figure: its name, the current value with its as-of date, what is
 * counted, source and owner — next to the number, always — then the chart as SVG drawn on
 * the server from `layoutIndicatorChart`, and the same values as a table.
 *
 * The SVG is one image for assistive technology (role="img", <title> and <desc> with the
 * layout's summary sentence); the table alternative sits in a <details> below it and is
 * in the page without JavaScript. Colours are presentation attributes (the CSP forbids
 * style attributes), so the SVG prints and converts the same everywhere.
 */
import { FiguresTable } from "../figures-table/figures-table.js";
import { Html } from "@kitajs/html";
import {
  type ChartKind,
  type IndicatorChart,
  layoutIndicatorChart,
} from "../../../domain/indicator/indicator-chart.js";
import {
  formatGermanSigned,
  formatGermanNumber,
} from "../../../domain/indicator/german-number.js";
import { formatGermanDate } from "../../../domain/calendar/calendar.js";
import {
  formatObservationGerman,
  type Indicator,
  type IndicatorChange,
  type Observation,
} from "../../../domain/indicator/indicator.js";
import type { ViewContext } from "../view.js";
import {
  AXIS_INK,
  ChartSvg,
  ChartText,
  PlotLine,
  plotOf,
  YGrid,
} from "./chart-frame.js";
import { TableHead } from "../table-head/table-head.js";

/** The chart's drawing area. */
const PLOT = plotOf(640, 260, { left: 64, right: 24, top: 34, bottom: 44 });
const { px, py } = PLOT;

/** The ink of the charts: the brand blue (12:1 on white). */
export const CHART_INK = "#0d3466";
/** The target line: a dark green (7:1 on white), dashed so it is told apart without colour. */
const TARGET_INK = "#00622e";

/**
 * A text of ours with the figure's name in it: on a page in another language the name is
 * marked German (the rest is the page's language); on a German page the text as it is.
 */
function withNameMarked(
  text: string,
  name: string,
  lang: "de" | undefined,
): JSX.Element {
  const at = name === "" ? -1 : text.indexOf(name);
  if (lang === undefined || at === -1) return <>{Html.escapeHtml(text)}</>;
  return (
    <>
      {Html.escapeHtml(text.slice(0, at))}
      <span lang={lang} safe>
        {name}
      </span>
      {Html.escapeHtml(text.slice(at + name.length))}
    </>
  );
}

/** The chart's SVG alone (also used by the print view). */
export function IndicatorChartSvg(props: {
  readonly chart: IndicatorChart;
  readonly idPrefix: string;
  /** "de" on a page in another language: the figure's name in the texts is marked German. */
  readonly lang?: "de" | undefined;
}): JSX.Element {
  const { chart, idPrefix } = props;
  const line = chart.points
    .map(
      (point, index) =>
        `${index === 0 ? "M" : "L"}${px(point.x)} ${py(point.y)}`,
    )
    .join(" ");
  const last = chart.points[chart.points.length - 1];
  return (
    <ChartSvg
      plot={PLOT}
      idPrefix={idPrefix}
      safeTitle={withNameMarked(
        `${chart.title} (${chart.asOfLabel})`,
        chart.title,
        props.lang,
      )}
      safeDescription={withNameMarked(chart.summary, chart.title, props.lang)}
    >
      <YGrid plot={PLOT} ticks={chart.yTicks} />
      <PlotLine plot={PLOT} y={chart.baselineY} stroke={AXIS_INK} />
      {chart.xTicks.map((tick) => (
        <ChartText
          x={px(tick.x)}
          y={PLOT.height - PLOT.margin.bottom + 18}
          anchor="middle"
          fill={AXIS_INK}
          text={tick.label}
        />
      ))}
      <ChartText x={12} y={14} fill={AXIS_INK} text={chart.yAxisLabel} />
      {chart.kind === "bar" ? (
        chart.bars.map((bar) => (
          <rect
            x={String(px(bar.x))}
            width={String(
              Math.max(
                1,
                Math.round((px(bar.x + bar.width) - px(bar.x)) * 10) / 10,
              ),
            )}
            y={String(Math.min(py(bar.y), py(bar.baseY)))}
            height={String(
              Math.round(Math.abs(py(bar.baseY) - py(bar.y)) * 10) / 10,
            )}
            fill={CHART_INK}
          />
        ))
      ) : line === "" ? (
        ""
      ) : (
        <path
          d={line}
          fill="none"
          stroke={CHART_INK}
          stroke-width="2.5"
          stroke-linejoin="round"
        />
      )}
      {chart.kind === "line"
        ? chart.points.map((point) => (
            <circle
              cx={String(px(point.x))}
              cy={String(py(point.y))}
              r="4"
              fill={point.isApproximate ? "#ffffff" : CHART_INK}
              stroke={CHART_INK}
              stroke-width="2"
            />
          ))
        : ""}
      {chart.target === null ? (
        ""
      ) : (
        <>
          <line
            x1={String(px(0))}
            x2={String(px(chart.target.x))}
            y1={String(py(chart.target.y))}
            y2={String(py(chart.target.y))}
            stroke={TARGET_INK}
            stroke-width="2"
            stroke-dasharray="6 4"
          />
          <circle
            cx={String(px(chart.target.x))}
            cy={String(py(chart.target.y))}
            r="5"
            fill="#ffffff"
            stroke={TARGET_INK}
            stroke-width="2"
          />
          <ChartText
            x={px(chart.target.x) - 8}
            y={py(chart.target.y) - 8}
            anchor="end"
            fill={TARGET_INK}
            text={chart.target.label}
          />
        </>
      )}
      {chart.kind === "bar" ? (
        chart.points.map((point) => (
          <ChartText
            x={px(point.x)}
            y={py(point.y) - 6}
            anchor="middle"
            bold
            fill={CHART_INK}
            text={point.valueLabel}
          />
        ))
      ) : last === undefined ? (
        ""
      ) : (
        <ChartText
          x={Math.min(px(last.x), PLOT.width - PLOT.margin.right)}
          y={py(last.y) - 10}
          anchor="end"
          size="13"
          bold
          fill={CHART_INK}
          text={last.valueLabel}
        />
      )}
    </ChartSvg>
  );
}

/** The values as a table: date ("Stand") in every row. */
export function IndicatorTable(props: {
  readonly chart: IndicatorChart;
  readonly lang?: "de" | undefined;
}): JSX.Element {
  const { table } = props.chart;
  return (
    <FiguresTable caption={table.caption} lang={props.lang}>
      <thead>
        <tr>
          {table.headers.map((header, index) => (
            <th
              scope="col"
              class={index === 0 ? undefined : "app-table__numeric"}
              lang={
                table.headerIsContent[index] === true ? props.lang : undefined
              }
              safe
            >
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th scope="row">
                  <time datetime={row.isoDate} safe>
                    {cell}
                  </time>
                </th>
              ) : (
                <td class="app-table__numeric" safe>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </FiguresTable>
  );
}

/** Props of a key figure's block. */
export interface IndicatorFigureProps {
  readonly view: ViewContext;
  readonly indicator: Indicator;
  readonly observations: readonly Observation[];
  readonly chartKind: ChartKind;
  /** The as-of date: later values are not shown. */
  readonly asOf: number;
  /** Unique on the page. */
  readonly idPrefix: string;
  /** The heading level of the figure's name (3 under a project's h2). */
  readonly headingLevel?: 3 | 4;
  /** The change since the previous report, when shown in a report. */
  readonly change?: IndicatorChange | null | undefined;
  /** "seit dem Bericht vom 23.08.2022". */
  readonly changeLabel?: string | undefined;
  /** Print: the table is shown open (a PDF cannot unfold a <details>). */
  readonly isPrint?: boolean | undefined;
}

/**
 * The German text of a change: "+24 (120 von 565 am 23.08.2022)"; a rise from zero is no
 * change worth a sign and reads `fromNothing` ("neu, damals noch keine"), as in the deck.
 */
export function describeChange(
  change: IndicatorChange,
  indicator?: Indicator,
  fromNothing = "neu, damals noch keine",
): string | null {
  if (change.from === null || change.to === null || change.absolute === null)
    return null;
  if (change.from.value === 0 && change.absolute > 0) return fromNothing;
  return `${formatGermanSigned(change.absolute)} (${formatObservationGerman(change.from, indicator)} am ${formatGermanDate(change.from.day)})`;
}

const BREAKDOWN_INKS = ["#0d3466", "#6f8fb8", "#2b5f8e", "#a9bdd6", "#1d4a78"];

/** The latest value's breakdown: a stacked bar and the same numbers as a small table. */
export function BreakdownFigure(props: {
  readonly chart: IndicatorChart;
  readonly idPrefix: string;
  readonly lang: "de" | undefined;
  readonly view: ViewContext;
}): JSX.Element {
  const breakdown = props.chart.breakdown;
  if (breakdown === null) return <></>;
  const t = props.view.t.reports;
  const width = PLOT.width;
  const height = 36;
  return (
    <div class="app-figure__breakdown">
      <svg
        class="app-chart app-chart--breakdown"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        width={String(width)}
        height={String(height)}
        aria-hidden="true"
        focusable="false"
      >
        {breakdown.parts.map((part, index) => (
          <rect
            x={String(Math.round(part.offset * width * 10) / 10)}
            y="0"
            width={String(
              Math.max(0, Math.round(part.fraction * width * 10) / 10 - 2),
            )}
            height={String(height)}
            fill={BREAKDOWN_INKS[index % BREAKDOWN_INKS.length] ?? CHART_INK}
          />
        ))}
      </svg>
      <FiguresTable caption={breakdown.caption} lang={props.lang}>
        <TableHead
          columns={[t.columnCategory, t.columnFigure, t.columnShare]}
          numericFrom={1}
        />
        <tbody>
          {breakdown.parts.map((part) => (
            <tr>
              <th scope="row" lang={props.lang} safe>
                {part.label}
              </th>
              <td class="app-table__numeric" safe>
                {part.valueLabel}
              </td>
              <td class="app-table__numeric" safe>
                {part.shareLabel ?? "–"}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" safe>
              {t.columnTotal}
            </th>
            <td class="app-table__numeric" safe>
              {breakdown.totalLabel}
            </td>
            <td class="app-table__numeric">–</td>
          </tr>
        </tbody>
      </FiguresTable>
    </div>
  );
}

/** A key figure with its definition, current value and as-of date, chart and table. */
export function IndicatorFigure(props: IndicatorFigureProps): JSX.Element {
  const { indicator, view } = props;
  const t = view.t.reports;
  const lang = view.contentLang;
  // Presentation follows the data (one value: a number; two: bars; more: a line).
  const chart = layoutIndicatorChart({
    indicator,
    words: t.chartWords,
    observations: props.observations,
    asOf: props.asOf,
  });
  const current = props.observations
    .filter((observation) => observation.day <= props.asOf)
    .at(-1);
  const Heading = props.headingLevel === 4 ? "h4" : "h3";
  const changeText =
    props.change == null
      ? null
      : describeChange(props.change, indicator, t.figureChangeFromNothing);
  // A named group, not a figure: the heading, the values and the data table are text of
  // their own; only the chart inside is a figure (role="img" with its alt text). Not a
  // section either: a named section is a landmark, and a report has dozens of key figures.
  return (
    <div
      class="app-figure"
      role="group"
      id={props.idPrefix}
      aria-labelledby={`${props.idPrefix}-name`}
    >
      <Heading
        class="app-heading-s app-figure__name"
        id={`${props.idPrefix}-name`}
        lang={lang}
        safe
      >
        {indicator.name}
      </Heading>
      {current === undefined ? (
        <p class="app-body-text" safe>
          {t.figureNoValue}
        </p>
      ) : (
        <p class="app-figure__value">
          <span class="app-figure__number" safe>
            {formatObservationGerman(current, indicator)}
          </span>{" "}
          {indicator.kind === "percent" ? (
            ""
          ) : (
            <span class="app-figure__unit" lang={lang} safe>
              {indicator.unit}
            </span>
          )}{" "}
          <span class="app-figure__as-of">
            <span safe>{`(${t.asOfPrefix} `}</span>
            <time datetime={chart.table.rows.at(-1)?.isoDate ?? ""} safe>
              {formatGermanDate(current.day)}
            </time>
            )
          </span>
        </p>
      )}
      {chart.targetLabel === null ? (
        ""
      ) : (
        <p class="app-figure__target" safe>
          {chart.targetLabel}
        </p>
      )}
      {changeText === null ? (
        ""
      ) : (
        <p class="app-figure__change" safe>
          {`${t.figureChange} ${props.changeLabel ?? ""}: ${changeText}`.replace(
            "  ",
            " ",
          )}
        </p>
      )}
      <dl class="app-figure__definition">
        <div>
          <dt safe>{t.figureDefinition}</dt>
          <dd lang={lang} safe>
            {indicator.kind === "ratio" && indicator.denominatorLabel !== null
              ? `${indicator.definition} (${t.figureShareOf}: ${indicator.denominatorLabel})`
              : indicator.definition}
          </dd>
        </div>
        <div>
          <dt safe>{t.figureSource}</dt>
          <dd lang={lang} safe>
            {indicator.source}
          </dd>
        </div>
        <div>
          <dt safe>{t.figureOwner}</dt>
          <dd lang={lang} safe>
            {indicator.owner}
          </dd>
        </div>
      </dl>
      {chart.breakdown === null ? (
        ""
      ) : (
        <BreakdownFigure
          chart={chart}
          idPrefix={`${props.idPrefix}-aufteilung`}
          lang={lang}
          view={view}
        />
      )}
      {chart.presentation !== "chart" ? (
        ""
      ) : (
        <>
          <div class="app-chart__frame">
            <IndicatorChartSvg
              chart={chart}
              idPrefix={`${props.idPrefix}-grafik`}
              lang={lang}
            />
          </div>
          {props.isPrint === true ? (
            <IndicatorTable chart={chart} lang={lang} />
          ) : (
            <details class="app-details app-figure__table">
              <summary class="app-details__summary">
                <span class="app-details__summary-text" safe>
                  {t.figureTable(formatGermanNumber(chart.table.rows.length))}
                </span>
              </summary>
              <div class="app-details__text">
                <IndicatorTable chart={chart} lang={lang} />
              </div>
            </details>
          )}
        </>
      )}
    </div>
  );
}
