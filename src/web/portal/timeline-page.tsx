/**
 * The programme timeline: filters (a GET form), the SVG chart in a focusable scroll
 * region, its legend and the same data as a table. Both chart and table show the
 * filtered catalogue. With "vergleich" the timeline is compared with an earlier edition
 * instead: old periods outlined, new ones solid, shifts marked, and tables with the old
 * period, the new period and the reason.
 */
import { editionTitleIn } from "../../i18n/edition-title.js";
import {
  type Catalogue,
  listProjects,
} from "../../domain/catalogue/catalogue.js";
import type { CatalogueFilter } from "../../domain/catalogue/catalogue-filter.js";
import { formatIsoDateGerman } from "../../domain/calendar/calendar.js";
import { ErrorSummaryIfAny } from "../components/error-summary/error-summary.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import {
  TimelineChart,
  TimelineScroll,
} from "../components/timeline-chart/timeline-chart.js";
import { TimelineFilter } from "../components/timeline-filter/timeline-filter.js";
import { TimelineLegend } from "../components/timeline-legend/timeline-legend.js";
import { TimelineTable } from "../components/timeline-table/timeline-table.js";
import { withLevels, type ViewContext } from "../components/view.js";
import type { ComparisonModel } from "../edition/comparison.presenter.js";
import { ComparisonView } from "../edition/comparison-view.js";
import { ScopeNotice } from "../edition/scope-notice.js";
import {
  comparableEditions,
  publishedScope,
  type PortalScope,
  titleInScope,
} from "./portal-scope.js";
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
  /** Which state is shown (published, an older edition, the draft). Published by default. */
  readonly scope?: PortalScope | undefined;
  /** The comparison with an earlier edition, when one was chosen. */
  readonly comparison?:
    { readonly number: number; readonly model: ComparisonModel } | undefined;
}

/** The timeline page. */
export function TimelinePage(props: TimelinePageProps): JSX.Element {
  const { catalogue, filtered } = props;
  const view = withLevels(props.view, catalogue.programme.levels);
  const { t } = view;
  const { programme } = catalogue;
  const slug = catalogue.municipality.slug;
  const scope = props.scope ?? publishedScope(slug, null, []);
  const total = listProjects(catalogue).length;
  const entries = listProjects(filtered);
  const fieldCount = filtered.impactAreas.reduce(
    (sum, area) => sum + area.actionFields.length,
    0,
  );
  const hasProblems = props.problems !== undefined && props.problems.length > 0;
  const timeline = buildProgrammeTimeline(filtered, props.today, view.lang);
  const comparison = props.comparison;
  const options = comparableEditions(scope).map((edition) => ({
    value: String(edition.number),
    label: t.edition.comparisonOption(
      editionTitleIn(view.lang, edition.title),
      formatIsoDateGerman(edition.publishedOn),
    ),
  }));
  const projectHrefByKey = new Map(
    entries.map((entry) => [
      `project-${entry.project.id}`,
      view.link(scope.project(entry.project.slug)),
    ]),
  );

  return (
    <PageLayout
      view={view}
      title={titleInScope(
        view,
        scope,
        comparison === undefined
          ? t.timelineTitle
          : `${t.timelineTitle}: ${t.edition.comparisonHeading(comparison.model.olderTitle)}`,
      )}
      requestUrl={props.requestUrl}
      site={siteHeader(catalogue)}
      current={scope.kind === "published" ? "timeline" : undefined}
      breadcrumbs={[
        {
          label: catalogue.municipality.name,
          href: view.link(scope.home),
          lang: view.contentLang,
        },
        { label: t.timelineTitle },
      ]}
    >
      <ErrorSummaryIfAny
        title={t.timelineFilterInvalid}
        messages={props.problems}
      />
      <ScopeNotice view={view} scope={scope} />
      <h1 class="app-heading-xl">
        <span safe>{t.timelineTitle}</span>
        {comparison === undefined ? (
          ""
        ) : (
          <span class="app-heading-xl__sub" safe>
            {t.edition.comparisonHeading(comparison.model.olderTitle)}
          </span>
        )}
      </h1>
      <p class="app-lead" safe>
        {comparison === undefined
          ? t.timelineIntro(programme.horizonStart, programme.horizonEnd)
          : t.edition.comparisonIntro(
              comparison.model.olderTitle,
              comparison.model.newerTitle,
            )}
      </p>
      <TimelineFilter
        view={view}
        action={scope.timeline}
        catalogue={catalogue}
        filter={props.filter}
        comparison={{
          options,
          selected: comparison === undefined ? null : String(comparison.number),
        }}
      />

      {hasProblems ? (
        ""
      ) : comparison !== undefined ? (
        <ComparisonView
          view={view}
          model={comparison.model}
          idPrefix="vergleich"
          projectHref={(key) => projectHrefByKey.get(key) ?? null}
        />
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
          <TimelineScroll label={t.timelineScrollRegion}>
            <TimelineChart
              view={view}
              layout={timeline.layout}
              idPrefix="zeitstrahl"
              variant="full"
              title={t.timelineChartTitle(
                programme.horizonStart,
                programme.horizonEnd,
              )}
              description={t.timelineChartDescription(
                entries.length,
                fieldCount,
              )}
              detailsId="zeitstrahl-tabelle"
              describeBar={timeline.describeBar}
            />
          </TimelineScroll>
          <TimelineTable
            view={view}
            id="zeitstrahl-tabelle"
            entries={entries}
            projectHref={(entry) =>
              view.link(scope.project(entry.project.slug))
            }
          />
        </>
      )}
    </PageLayout>
  );
}
