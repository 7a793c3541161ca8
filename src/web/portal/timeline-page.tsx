/**
 * The programme timeline: filters (a GET form), the SVG chart in a focusable scroll
 * region, its legend and the same data as a table. Both chart and table show the
 * filtered catalogue.
 */
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import type { CatalogueFilter } from "../../domain/catalogue/catalogue-filter.js";
import { ErrorSummary } from "../components/error-summary/error-summary.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { TimelineChart } from "../components/timeline-chart/timeline-chart.js";
import { TimelineFilter } from "../components/timeline-filter/timeline-filter.js";
import { TimelineLegend } from "../components/timeline-legend/timeline-legend.js";
import { TimelineTable } from "../components/timeline-table/timeline-table.js";
import type { ViewContext } from "../components/view.js";
import { paths } from "./paths.js";
import { siteHeader } from "./site.js";
import { buildProgrammeTimeline } from "./timeline.presenter.js";

/** Props of the timeline page. */
export interface TimelinePageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  /** The whole catalogue, for the filter choices and the header. */
  readonly catalogue: Catalogue;
  /** The catalogue narrowed by the filter. */
  readonly filtered: Catalogue;
  readonly filter: CatalogueFilter;
  /** Problems with the requested filter; when present, no chart is shown. */
  readonly problems?: readonly string[] | undefined;
  readonly today: number;
}

/** The timeline page. */
export function TimelinePage(props: TimelinePageProps): JSX.Element {
  const { view, catalogue, filtered } = props;
  const { t } = view;
  const { programme } = catalogue;
  const slug = catalogue.municipality.slug;
  const total = listProjects(catalogue).length;
  const entries = listProjects(filtered);
  const fieldCount = filtered.impactAreas.reduce((sum, area) => sum + area.actionFields.length, 0);
  const hasProblems = props.problems !== undefined && props.problems.length > 0;
  const timeline = buildProgrammeTimeline(filtered, props.today, view.lang);

  return (
    <PageLayout
      view={view}
      title={t.timelineTitle}
      requestUrl={props.requestUrl}
      site={siteHeader(catalogue)}
      current="timeline"
      breadcrumbs={[
        { label: catalogue.municipality.name, href: view.link(paths.municipality(slug)), lang: view.contentLang },
        { label: t.timelineTitle },
      ]}
    >
      {hasProblems ? <ErrorSummary title={t.timelineFilterInvalid} messages={props.problems ?? []} /> : ""}
      <h1 class="app-heading-xl" safe>
        {t.timelineTitle}
      </h1>
      <p class="app-lead" safe>
        {t.timelineIntro(programme.horizonStart, programme.horizonEnd)}
      </p>
      <TimelineFilter view={view} action={paths.timeline(slug)} catalogue={catalogue} filter={props.filter} />

      {hasProblems ? (
        ""
      ) : entries.length === 0 ? (
        <p class="app-body-text app-timeline__result" role="status" safe>
          {t.timelineEmpty}
        </p>
      ) : (
        <>
          <p class="app-timeline__result" role="status" safe>
            {t.timelineResult(entries.length, total)}
          </p>
          <TimelineLegend view={view} idPrefix="zeitstrahl" />
          <div class="app-timeline__scroll" role="region" tabindex="0" aria-label={t.timelineScrollRegion}>
            <TimelineChart
              view={view}
              layout={timeline.layout}
              idPrefix="zeitstrahl"
              variant="full"
              title={t.timelineChartTitle(programme.horizonStart, programme.horizonEnd)}
              description={t.timelineChartDescription(entries.length, fieldCount)}
              describeBar={timeline.describeBar}
            />
          </div>
          <TimelineTable
            view={view}
            id="zeitstrahl-tabelle"
            entries={entries}
            projectHref={(entry) => view.link(paths.project(slug, entry.project.slug))}
          />
        </>
      )}
    </PageLayout>
  );
}
