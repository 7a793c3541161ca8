/**
 * The free sections of a status report as HTML (ADR 0039): introduction, topic sections
 * (text, key figures, projects referred to), survey results (an SVG bar chart with the
 * same numbers as a table) and the outlook. Rendered by the report view in the report's
 * order, on the portal, in the staff preview and in the print view the PDF is made from.
 */
import { formatGermanNumber } from "../../domain/indicator/german-number.js";
import type {
  ReportBlock,
  ReportDocument,
  ReportFigure,
} from "../../domain/report/report-document.js";
import {
  formatSurveyValue,
  type SurveyShare,
  type SurveyUnit,
} from "../../domain/report/report-free-sections.js";
import { CHART_INK } from "../components/indicator-chart/indicator-chart.js";
import type { ViewContext } from "../components/view.js";
import { DataTable } from "../components/data-table/data-table.js";
import { Section } from "../components/section/section.js";

/** A section's heading: its own, or the usual one of its kind. */
export function blockHeading(view: ViewContext, block: ReportBlock): string {
  const fallback = view.t.reportSections.defaultHeading[block.kind];
  return block.kind === "projects" || block.heading === ""
    ? fallback
    : block.heading;
}

/** Paragraphs of a text separated by empty lines; single line breaks stay line breaks. */
export function Paragraphs(props: {
  readonly view: ViewContext;
  readonly text: string;
}): JSX.Element {
  const paragraphs = props.text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p class="app-body-text" lang={props.view.contentLang}>
          {paragraph.split("\n").map((line, index) => (
            <>
              {index === 0 ? "" : <br />}
              <span safe>{line}</span>
            </>
          ))}
        </p>
      ))}
    </>
  );
}

const BAR_WIDTH = 640;
const ROW = 34;
const LABEL = 220;
const VALUE = 120;

/** The answers as horizontal bars (role="img", title and summary), shares of 100 %. */
function SurveyChart(props: {
  readonly view: ViewContext;
  readonly idPrefix: string;
  readonly question: string;
  readonly unit: SurveyUnit;
  readonly answers: readonly SurveyShare[];
}): JSX.Element {
  const t = props.view.t.reportSections;
  const height = props.answers.length * ROW + 8;
  const span = BAR_WIDTH - LABEL - VALUE;
  const summary = t.surveySummary(
    props.question,
    props.answers
      .map(
        (answer) => `${answer.label} ${formatSurveyValue(props.unit, answer)}`,
      )
      .join(", "),
  );
  return (
    <svg
      class="app-chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${BAR_WIDTH} ${height}`}
      width={String(BAR_WIDTH)}
      height={String(height)}
      role="img"
      aria-labelledby={`${props.idPrefix}-titel ${props.idPrefix}-beschreibung`}
      focusable="false"
    >
      <title id={`${props.idPrefix}-titel`} safe>
        {t.surveyCaption(props.question)}
      </title>
      <desc id={`${props.idPrefix}-beschreibung`} safe>
        {summary}
      </desc>
      <g aria-hidden="true">
        {props.answers.map((answer, index) => {
          const y = index * ROW + 4;
          const width = Math.max(0, Math.round(answer.share * span * 10) / 10);
          return (
            <>
              <text
                x={String(LABEL - 8)}
                y={String(y + ROW / 2 + 5)}
                text-anchor="end"
                font-size="14"
                fill="#1b1f23"
                safe
              >
                {answer.label.length > 28
                  ? `${answer.label.slice(0, 27)}…`
                  : answer.label}
              </text>
              <rect
                x={String(LABEL)}
                y={String(y + 6)}
                width={String(width)}
                height={String(ROW - 12)}
                fill={CHART_INK}
              />
              <text
                x={String(LABEL + width + 6)}
                y={String(y + ROW / 2 + 5)}
                font-size="14"
                fill="#1b1f23"
                safe
              >
                {formatSurveyValue(props.unit, answer)}
              </text>
            </>
          );
        })}
      </g>
    </svg>
  );
}

/** The answers as a table: answer, value, share. */
function SurveyTable(props: {
  readonly view: ViewContext;
  readonly question: string;
  readonly unit: SurveyUnit;
  readonly answers: readonly SurveyShare[];
}): JSX.Element {
  const t = props.view.t.reportSections;
  const total = props.answers.reduce((sum, answer) => sum + answer.value, 0);
  return (
    <DataTable
      variant="app-table--figures"
      caption={t.surveyCaption(props.question)}
      captionLang={props.view.contentLang}
      columns={[
        { label: t.surveyAnswer },
        props.unit === "count"
          ? { label: t.surveyValueCount, numeric: true }
          : null,
        { label: t.surveyShare, numeric: true },
      ]}
      foot={
        props.unit === "count" ? (
          <tfoot>
            <tr>
              <td colspan="3" safe>
                {t.surveyTotal(formatGermanNumber(total))}
              </td>
            </tr>
          </tfoot>
        ) : undefined
      }
    >
      {props.answers.map((answer) => (
        <tr>
          <th scope="row" lang={props.view.contentLang} safe>
            {answer.label}
          </th>
          {props.unit === "count" ? (
            <td class="app-table__numeric" safe>
              {formatGermanNumber(answer.value)}
            </td>
          ) : (
            ""
          )}
          <td class="app-table__numeric" safe>
            {`${formatGermanNumber(answer.share * 100, 1)}\u00a0%`}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The outlook list (when, what). */
export function OutlookList(props: {
  readonly view: ViewContext;
  readonly document: ReportDocument;
}): JSX.Element {
  const { view } = props;
  return props.document.outlook.length === 0 ? (
    <></>
  ) : (
    <dl class="app-summary-list">
      {props.document.outlook.map((item) => (
        <div class="app-summary-list__row">
          <dt class="app-summary-list__key" lang={view.contentLang} safe>
            {item.when}
          </dt>
          <dd class="app-summary-list__value" lang={view.contentLang} safe>
            {item.what}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One free section (not the projects block). */
export function FreeSection(props: {
  readonly view: ViewContext;
  readonly document: ReportDocument;
  readonly block: Exclude<ReportBlock, { readonly kind: "projects" }>;
  readonly id: string;
  readonly projectLink: (slug: string) => string | null;
  readonly figures: (
    figures: readonly ReportFigure[],
    idPrefix: string,
  ) => JSX.Element;
}): JSX.Element {
  const { view, block } = props;
  const t = view.t.reportSections;
  return (
    <Section
      id={props.id}
      title={blockHeading(view, block)}
      class={`app-report-free app-report-free--${block.kind}`}
      lang={block.heading === "" ? undefined : view.contentLang}
    >
      {block.kind === "survey" ? (
        <>
          <p class="app-body-text">
            <strong safe>{t.surveyQuestion}</strong>{" "}
            <span lang={view.contentLang} safe>
              {block.question}
            </span>
          </p>
          <div class="app-figure">
            <SurveyChart
              view={view}
              idPrefix={`${props.id}-diagramm`}
              question={block.question}
              unit={block.unit}
              answers={block.answers}
            />
          </div>
          <SurveyTable
            view={view}
            question={block.question}
            unit={block.unit}
            answers={block.answers}
          />
        </>
      ) : (
        ""
      )}
      <Paragraphs view={view} text={block.text} />
      {block.kind === "topic" && block.projects.length > 0 ? (
        <>
          <h3 class="app-heading-s" safe>
            {t.topicProjects}
          </h3>
          <ul class="app-list app-list--bullet">
            {block.projects.map((project) => {
              const href = props.projectLink(project.slug);
              const label = `${project.code} ${project.title}`;
              return (
                <li lang={view.contentLang}>
                  {href === null ? (
                    <span safe>{label}</span>
                  ) : (
                    <a class="app-link" href={href} safe>
                      {label}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        ""
      )}
      {block.kind === "topic" && block.figures.length > 0
        ? props.figures(block.figures, `${props.id}-kennzahl`)
        : ""}
      {block.kind === "outlook" ? (
        <OutlookList view={view} document={props.document} />
      ) : (
        ""
      )}
    </Section>
  );
}
