/**
 * The key to the timeline's marks, as HTML text with small neutral SVG samples. The
 * samples are decorative (aria-hidden); the words carry the meaning.
 */
import type { Children } from "@kitajs/html";
import type { ViewContext } from "../view.js";
import { BarPatterns } from "../timeline-chart/timeline-chart.js";

const INK = "#505a5f";
const LIGHT = "#dcdfe0";

/** The legend of the timeline chart. */
export function TimelineLegend(props: {
  view: ViewContext;
  idPrefix: string;
}): JSX.Element {
  const { t } = props.view;
  const hatch = `${props.idPrefix}-legende-schraffur`;
  const dots = `${props.idPrefix}-legende-punkte`;
  const fade = `${props.idPrefix}-legende-verlauf`;
  return (
    <div class="app-timeline-legend">
      <h2 class="app-timeline-legend__title" safe>
        {t.timelineLegend}
      </h2>
      {/* One hidden SVG holds the patterns that the samples below refer to. */}
      <svg
        class="app-visually-hidden"
        aria-hidden="true"
        focusable="false"
        width="0"
        height="0"
      >
        <defs>
          <BarPatterns hatchId={hatch} dotsId={dots} light={LIGHT} ink={INK} />
          <linearGradient id={fade} x1="0" y1="0" x2="1" y2="0">
            <stop offset="0.4" stop-color={INK} />
            <stop offset="1" stop-color={INK} stop-opacity="0" />
          </linearGradient>
        </defs>
      </svg>
      <ul class="app-timeline-legend__list">
        <LegendItem label={t.legendPhaseOdd}>
          <Bar width="38" fill={INK} />
        </LegendItem>
        <LegendItem label={t.legendPhaseEven}>
          <Bar width="38" fill={`url(#${hatch})`} stroke={INK} />
        </LegendItem>
        <LegendItem label={t.legendPermanent}>
          <Bar width="38" fill={`url(#${dots})`} stroke={INK} />
        </LegendItem>
        <LegendItem label={t.legendOpenEnd}>
          <>
            <Bar width="30" fill={`url(#${fade})`} />
            <polyline
              class="app-timeline-chart__arrow"
              points="33,4 38,9 33,14"
              stroke={INK}
              fill="none"
              stroke-width="2"
            />
          </>
        </LegendItem>
        <LegendItem label={t.legendUndecided}>
          <>
            <Bar width="28" fill={`url(#${fade})`} stroke={INK} dashed />
            <text x="31" y="14" fill={INK} font-weight="bold">
              ?
            </text>
          </>
        </LegendItem>
        <LegendItem label={t.legendLanes}>
          <>
            <Bar y="1" width="26" height="7" fill={INK} />
            <Bar
              x="14"
              y="10"
              width="25"
              height="7"
              fill={`url(#${hatch})`}
              stroke={INK}
            />
          </>
        </LegendItem>
        <LegendItem label={t.legendQuarter}>
          <MarkerLine class="app-timeline-chart__quarter-sample" />
        </LegendItem>
        <LegendItem label={t.legendToday}>
          <MarkerLine class="app-timeline-chart__today-sample" />
        </LegendItem>
      </ul>
    </div>
  );
}

/** One entry of a timeline legend: a small decorative sample and the words that carry the meaning. */
export function LegendItem(props: {
  label: string;
  children: Children;
}): JSX.Element {
  return (
    <li class="app-timeline-legend__item">
      <svg
        class="app-timeline-legend__sample"
        aria-hidden="true"
        focusable="false"
        width="40"
        height="18"
        viewBox="0 0 40 18"
      >
        {props.children}
      </svg>
      <span safe>{props.label}</span>
    </li>
  );
}

/**
 * A bar sample like the chart's phase bars: a rounded rectangle, by default a full-height
 * bar starting at the left edge; dashed for a phase whose end is undecided.
 */
function Bar(props: {
  x?: string;
  y?: string;
  width: string;
  height?: string;
  fill: string;
  stroke?: string;
  dashed?: boolean;
}): JSX.Element {
  return (
    <rect
      x={props.x ?? "1"}
      y={props.y ?? "3"}
      width={props.width}
      height={props.height ?? "12"}
      rx="2"
      fill={props.fill}
      stroke={props.stroke}
      stroke-dasharray={props.dashed === true ? "4 3" : undefined}
    />
  );
}

/** A vertical marker sample across the whole sample height (quarter or today line). */
export function MarkerLine(props: { class: string }): JSX.Element {
  return <line class={props.class} x1="20" y1="0" x2="20" y2="18" />;
}
