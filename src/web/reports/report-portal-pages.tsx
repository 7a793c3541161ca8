/**
 * The public side of reporting: the list of published status reports, one report (with
 * the slide deck and the PDF to download), and all key figures of the municipality with
 * their definitions and as-of dates. Drafts never appear here.
 */
import { PortalFrame } from "../portal/portal-frame.js";
import type { PublicMeetingDetails } from "../../app/reports/read-reports.js";
import type { CachedOparlObject } from "../../app/open-data/oparl-sync.js";
import type { StoredIndicator } from "../../app/indicators/read-indicators.js";
import type { ReportSummary } from "../../app/reports/read-reports.js";
import {
  type Catalogue,
  findProject,
} from "../../domain/catalogue/catalogue.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import type { ReportDocument } from "../../domain/report/report-document.js";
import { IndicatorFigure } from "../components/indicator-chart/indicator-chart.js";
import type { Children } from "@kitajs/html";
import type { Crumb } from "../components/breadcrumbs/breadcrumbs.js";
import type { ViewContext } from "../components/view.js";
import { paths } from "../portal/paths.js";
import { previousReportRef, reportPaths } from "./report-paths.js";
import { ReportView } from "./report-view.js";
import { DownloadItem } from "./download-item.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { Section } from "../components/section/section.js";

/** What every public reporting page gets. */
interface PortalProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly catalogue: Catalogue;
}

/** The published reports, newest first. */
export function ReportsPage(
  props: PortalProps & {
    readonly reports: readonly ReportSummary[];
  },
): JSX.Element {
  const { view, catalogue } = props;
  const t = view.t.reports;
  const slug = catalogue.municipality.slug;
  return (
    <PortalPage
      {...props}
      current="reports"
      title={t.reportsTitle}
      lead={t.reportsPublicLead}
    >
      <ItemsOrNone items={props.reports} none={t.noPublishedReports}>
        <ReportCardList view={view} slug={slug} reports={props.reports} />
      </ItemsOrNone>
      <ParagraphLink
        href={view.link(reportPaths.indicators(slug))}
        text={t.allFiguresLink}
      />
    </PortalPage>
  );
}

/**
 * A public reporting page: the layout with the municipality first in the breadcrumbs,
 * then the trail (by default the title alone); the heading and the lead when the page has
 * them.
 */
function PortalPage(
  props: PortalProps & {
    readonly current: "reports" | "indicators";
    readonly title: string;
    /** The heading and lead above the content; without a lead, the content brings its own heading. */
    readonly lead?: string;
    readonly trail?: readonly Crumb[];
    readonly children?: Children;
  },
): JSX.Element {
  return (
    <PortalFrame {...props} hasOwnHeading={props.lead === undefined}>
      {props.children}
    </PortalFrame>
  );
}

/** Published reports as linked cards: number, title, meeting, as-of date and body. */
function ReportCardList(props: {
  readonly view: ViewContext;
  readonly slug: string;
  readonly reports: readonly ReportSummary[];
}): JSX.Element {
  const { view, slug } = props;
  const t = view.t.reports;
  return (
    <ul class="app-card-list">
      {props.reports.map((report) => (
        <li class="app-card-list__item">
          <a
            class="app-link app-card-list__link"
            href={view.link(reportPaths.report(slug, report))}
            lang={view.contentLang}
            safe
          >
            {`${t.numberedTitle(report.title, report.number)}: ${report.meeting.committeeAbbreviation} ${formatGermanDate(report.meeting.day)}`}
          </a>
          <span class="app-card-list__meta">
            <span
              safe
            >{`${t.asOfPrefix} ${formatGermanDate(report.asOf)} · `}</span>
            <span lang={view.contentLang} safe>
              {report.meeting.committeeName}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A meeting date with more than one published report: each named and linked. */
export function ReportDateChoicePage(
  props: PortalProps & {
    readonly reports: readonly ReportSummary[];
    /** The meeting's day as in the URL ("2022-11-29"). */
    readonly isoDate: string;
  },
): JSX.Element {
  const { view, catalogue } = props;
  const t = view.t.reports;
  const slug = catalogue.municipality.slug;
  const first = props.reports[0];
  const date =
    first === undefined ? props.isoDate : formatGermanDate(first.meeting.day);
  return (
    <PortalPage
      {...props}
      current="reports"
      title={t.dateChoiceTitle(date)}
      lead={t.dateChoiceLead(date)}
      trail={[
        { label: t.reportsTitle, href: view.link(reportPaths.reports(slug)) },
        { label: date },
      ]}
    >
      <ReportCardList view={view} slug={slug} reports={props.reports} />
    </PortalPage>
  );
}

/** One published report. */
export function PublishedReportPage(
  props: PortalProps & {
    readonly document: ReportDocument;
    readonly summary: ReportSummary;
    readonly oparlPaper?: CachedOparlObject | null;
    /** The paper linked: the report's own, else the meeting's. */
    readonly oparlPaperUrl?: string | null;
    /** The meeting's agenda details and its body's public members. */
    readonly meeting?: PublicMeetingDetails | null;
  },
): JSX.Element {
  const { view, catalogue, document } = props;
  const t = view.t.reports;
  const slug = catalogue.municipality.slug;
  const label = `${document.meeting.committeeAbbreviation} ${formatGermanDate(document.meeting.day)}`;
  return (
    <PortalPage
      {...props}
      current="reports"
      title={t.reportPageTitle(
        t.numberedTitle(document.title, props.summary.number),
        label,
      )}
      trail={[
        { label: t.reportsTitle, href: view.link(reportPaths.reports(slug)) },
        { label },
      ]}
    >
      <ReportView
        view={view}
        document={document}
        oparlPaper={props.oparlPaper ?? null}
        oparlPaperUrl={props.oparlPaperUrl}
        meeting={props.meeting ?? null}
        links={{
          previousReport:
            document.previous === null
              ? null
              : view.link(
                  reportPaths.report(
                    slug,
                    previousReportRef(document.previous),
                  ),
                ),
          project: (projectSlug) => view.link(paths.project(slug, projectSlug)),
        }}
      />
      <Section id="downloads" title={t.downloadsHeading}>
        <ul class="app-list">
          <DownloadItem
            href={reportPaths.reportDeck(slug, props.summary)}
            label={t.downloadDeck}
          />
          <DownloadItem
            href={reportPaths.reportPdf(slug, props.summary)}
            label={t.downloadPdf}
          />
        </ul>
      </Section>
    </PortalPage>
  );
}

/** Every key figure of the municipality, each with definition, as-of date, chart and table. */
export function IndicatorsPage(
  props: PortalProps & {
    readonly indicators: readonly StoredIndicator[];
    readonly today: number;
  },
): JSX.Element {
  const { view, catalogue } = props;
  const t = view.t.reports;
  const slug = catalogue.municipality.slug;
  return (
    <PortalPage
      {...props}
      current="indicators"
      title={t.figuresTitle}
      lead={t.figuresPublicLead}
    >
      <ItemsOrNone items={props.indicators} none={t.noFigures}>
        {props.indicators.map((stored, index) => {
          const project =
            stored.indicator.projectSlug === null
              ? null
              : findProject(catalogue, stored.indicator.projectSlug);
          return (
            <section
              class="app-section"
              aria-labelledby={`kennzahl-${index + 1}-name`}
            >
              <IndicatorFigure
                view={view}
                indicator={stored.indicator}
                observations={stored.observations}
                chartKind={stored.chartKind}
                asOf={props.today}
                idPrefix={`kennzahl-${index + 1}`}
                headingLevel={3}
              />
              {project === null ? (
                ""
              ) : (
                <p class="app-body-text">
                  <span safe>{`${t.fieldProject}: `}</span>
                  <a
                    class="app-link"
                    href={view.link(paths.project(slug, project.project.slug))}
                    lang={view.contentLang}
                    safe
                  >
                    {`${project.project.code} ${project.project.title}`}
                  </a>
                </p>
              )}
            </section>
          );
        })}
      </ItemsOrNone>
    </PortalPage>
  );
}

/** The key figures of a project, for its public page (nothing when it has none). */
export function ProjectIndicators(props: {
  readonly view: ViewContext;
  readonly indicators: readonly StoredIndicator[];
  readonly today: number;
}): JSX.Element {
  const { view } = props;
  if (props.indicators.length === 0) return <></>;
  return (
    <Section id="kennzahlen" title={view.t.reports.figuresTitle}>
      {props.indicators.map((stored, index) => (
        <IndicatorFigure
          view={view}
          indicator={stored.indicator}
          observations={stored.observations}
          chartKind={stored.chartKind}
          asOf={props.today}
          idPrefix={`projekt-kennzahl-${index + 1}`}
          headingLevel={3}
        />
      ))}
    </Section>
  );
}
