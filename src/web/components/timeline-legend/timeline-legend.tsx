/**
 * The key to the timeline's marks, as HTML text with small neutral SVG samples. The
 * samples are decorative (aria-hidden); the words carry the meaning.
 */
import type { Children } from "@kitajs/html";
import type { ViewContext } from "../view.js";

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
          <pattern
            id={hatch}
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform="rotate(45)"
          >
            <rect x="0" y="0" width="6" height="6" fill={LIGHT} />
            <rect x="0" y="0" width="2.5" height="6" fill={INK} />
          </pattern>
          <pattern id={dots} patternUnits="userSpaceOnUse" width="6" height="6">
            <rect x="0" y="0" width="6" height="6" fill={LIGHT} />
            <circle cx="3" cy="3" r="1.7" fill={INK} />
          </pattern>
          <linearGradient id={fade} x1="0" y1="0" x2="1" y2="0">
            <stop offset="0.4" stop-color={INK} />
            <stop offset="1" stop-color={INK} stop-opacity="0" />
          </linearGradient>
        </defs>
      </svg>
      <ul class="app-timeline-legend__list">
        <LegendItem label={t.legendPhaseOdd}>
          <rect x="1" y="3" width="38" height="12" rx="2" fill={INK} />
        </LegendItem>
        <LegendItem label={t.legendPhaseEven}>
          <rect
            x="1"
            y="3"
            width="38"
            height="12"
            rx="2"
            fill={`url(#${hatch})`}
            stroke={INK}
          />
        </LegendItem>
        <LegendItem label={t.legendPermanent}>
          <rect
            x="1"
            y="3"
            width="38"
            height="12"
            rx="2"
            fill={`url(#${dots})`}
            stroke={INK}
          />
        </LegendItem>
        <LegendItem label={t.legendOpenEnd}>
          <>
            <rect
              x="1"
              y="3"
              width="30"
              height="12"
              rx="2"
              fill={`url(#${fade})`}
            />
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
            <rect
              x="1"
              y="3"
              width="28"
              height="12"
              rx="2"
              fill={`url(#${fade})`}
              stroke={INK}
              stroke-dasharray="4 3"
            />
            <text x="31" y="14" fill={INK} font-weight="bold">
              ?
            </text>
          </>
        </LegendItem>
        <LegendItem label={t.legendLanes}>
          <>
            <rect x="1" y="1" width="26" height="7" rx="2" fill={INK} />
            <rect
              x="14"
              y="10"
              width="25"
              height="7"
              rx="2"
              fill={`url(#${hatch})`}
              stroke={INK}
            />
          </>
        </LegendItem>
        <LegendItem label={t.legendQuarter}>
          <line
            class="app-timeline-chart__quarter-sample"
            x1="20"
            y1="0"
            x2="20"
            y2="18"
          />
        </LegendItem>
        <LegendItem label={t.legendToday}>
          <line
            class="app-timeline-chart__today-sample"
            x1="20"
            y1="0"
            x2="20"
            y2="18"
          />
        </LegendItem>
      </ul>
    </div>
  );
}

function LegendItem(props: { label: string; children: Children }): JSX.Element {
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
