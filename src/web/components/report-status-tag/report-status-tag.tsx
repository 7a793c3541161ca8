/**
 * A project's status in a report as a tag with an icon of its own shape (circle with a
 * check, triangle, clock, flag, dashed circle, pause bars), so the status stays
 * recognisable without colour, in greyscale print and on a washed-out projector (WCAG
 * 1.4.1). The icon is decoration (aria-hidden): the text says it all.
 */
import {
  REPORT_STATUS_PRESENTATION,
  type ReportStatus,
} from "../../../domain/report/report-status.js";
import type { ViewContext } from "../view.js";

/** The outline circle of the round icons; dashed for a status not yet begun. */
function Ring(props: { readonly dashed?: boolean }): JSX.Element {
  return (
    <circle
      cx="8"
      cy="8"
      r="6.5"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-dasharray={props.dashed === true ? "2.6 2" : undefined}
    />
  );
}

/** The icon's SVG shapes in a 16 × 16 box, by icon name of the domain's presentation. */
function iconShapes(icon: string): JSX.Element {
  switch (icon) {
    case "circle-check":
      return (
        <>
          <Ring />
          <path
            d="M4.8 8.3l2.2 2.2 4.2-4.6"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
          />
        </>
      );
    case "triangle-exclamation":
      return (
        <>
          <path
            d="M8 1.6l6.8 12.2H1.2z"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linejoin="round"
          />
          <path d="M8 6v4" stroke="currentColor" stroke-width="1.8" />
          <circle cx="8" cy="11.9" r="1" fill="currentColor" />
        </>
      );
    case "clock":
      return (
        <>
          <Ring />
          <path
            d="M8 4.2V8l2.8 1.8"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
          />
        </>
      );
    case "flag-checkered":
      return (
        <>
          <path d="M3 15V1.8" stroke="currentColor" stroke-width="1.6" />
          <path d="M3.8 2.4h9.4l-2 3.3 2 3.3H3.8z" fill="currentColor" />
        </>
      );
    case "circle-dashed":
      return <Ring dashed />;
    default:
      return (
        <>
          <rect x="3.5" y="2.5" width="3" height="11" fill="currentColor" />
          <rect x="9.5" y="2.5" width="3" height="11" fill="currentColor" />
        </>
      );
  }
}

/** The status icon alone (decorative). */
export function ReportStatusIcon(props: {
  readonly status: ReportStatus;
}): JSX.Element {
  return (
    <svg
      class="app-status-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {iconShapes(REPORT_STATUS_PRESENTATION[props.status].icon)}
    </svg>
  );
}

/** The status of a project in a report as a tag; "Status fehlt" without one. */
export function ReportStatusTag(props: {
  readonly view: ViewContext;
  readonly status: ReportStatus | null;
}): JSX.Element {
  const t = props.view.t.reports;
  if (props.status === null) {
    return (
      <strong class="app-tag app-tag--report-missing" safe>
        {t.statusMissing}
      </strong>
    );
  }
  const tone = REPORT_STATUS_PRESENTATION[props.status].tone;
  return (
    <strong class={`app-tag app-report-tag app-report-tag--${tone}`}>
      <ReportStatusIcon status={props.status} />
      <span safe>{t.reportStatus[props.status]}</span>
    </strong>
  );
}
