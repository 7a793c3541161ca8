/**
 * One project: where it sits, status, summary, its phases as text and as a small
 * timeline, measures, responsibilities, dependencies in both directions, and tags.
 */
import { ProjectCodeTitle } from "../components/project-code-title/project-code-title.js";
import { ContentText } from "../components/content-text/content-text.js";
import type { PortalPageProps } from "./portal-frame.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import type {
  Measure,
  OrgUnit,
  ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { findProject } from "../../domain/catalogue/catalogue.js";
import { formatMeasurePeriodGerman } from "../../domain/catalogue/measure-period.js";
import { formatPeriod, formatPhasesSpan } from "../../i18n/format-period.js";
import { ColourSwatch } from "../components/colour-marker/colour-marker.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import {
  MeasureStatusTag,
  ProjectStatusTag,
} from "../components/status-tag/status-tag.js";
import { SummaryList } from "../components/summary-list/summary-list.js";
import {
  TimelineChart,
  TimelineScroll,
} from "../components/timeline-chart/timeline-chart.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { ScopeNotice } from "../edition/scope-notice.js";
import { openDataPaths } from "../open-data/open-data-paths.js";
import {
  anchorIn,
  publishedScope,
  titleInScope,
  type PortalScope,
} from "./portal-scope.js";
import { siteHeader } from "./site.js";
import { buildProjectTimeline } from "./timeline.presenter.js";
import type { StoredIndicator } from "../../app/indicators/read-indicators.js";
import { ProjectIndicators } from "../reports/report-portal-pages.js";
import type { PublicItem } from "../../domain/participation/participation.js";
import { ItemList } from "../participation/participation-pages.js";
import { Section } from "../components/section/section.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";

/** Props of the project page. */
export interface ProjectPageProps extends PortalPageProps {
  readonly entry: ProjectInContext;
  readonly dependents: readonly ProjectInContext[];
  /** Today as a day number, for the today line. */
  readonly today: number;
  /** Which state is shown (published, an older edition, the draft); links stay inside it. Published by default. */
  readonly scope?: PortalScope | undefined;
  /** The project's key figures with their values up to today (web/reports/). */
  readonly figures?: readonly StoredIndicator[] | undefined;
  /** Published ideas and feedback about the project or taken up in it. */
  readonly ideas?: readonly PublicItem[] | undefined;
}

/** The page of one project. */
export function ProjectPage(props: ProjectPageProps): JSX.Element {
  const { catalogue, entry } = props;
  const view = withLevels(props.view, catalogue.programme.levels);
  const { t } = view;
  const { project, impactArea, actionField } = entry;
  // A flat programme's one impact area is structure only: no crumb, no row.
  const showsImpactArea = !catalogue.programme.levels.flat;
  const slug = catalogue.municipality.slug;
  const unitsByCode = new Map<string, OrgUnit>(
    catalogue.orgUnits.map((unit) => [unit.code, unit]),
  );
  const measureFacts = (measure: Measure): string[] => {
    const facts: string[] = [];
    const period = formatMeasurePeriodGerman(measure);
    if (period !== null) facts.push(`${t.measurePeriod}: ${period}`);
    if (measure.orgUnitCode != null)
      facts.push(
        `${t.measureOrgUnit}: ${unitsByCode.get(measure.orgUnitCode)?.name ?? measure.orgUnitCode}`,
      );
    if (measure.phaseLabel != null)
      facts.push(`${t.measurePhase}: ${measure.phaseLabel}`);
    return facts;
  };
  const prerequisites = project.dependsOn
    .map((dependency) => findProject(catalogue, dependency))
    .filter((found): found is ProjectInContext => found !== null);
  const timeline = buildProjectTimeline(
    catalogue,
    entry,
    props.today,
    view.lang,
  );
  const fullTitle = `${project.code} ${project.title}`;
  const scope = props.scope ?? publishedScope(slug, null, []);

  return (
    <PageLayout
      view={view}
      title={titleInScope(view, scope, fullTitle)}
      requestUrl={props.requestUrl}
      site={siteHeader(catalogue)}
      breadcrumbs={[
        {
          label: catalogue.municipality.name,
          href: view.link(scope.home),
          lang: view.contentLang,
        },
        ...(showsImpactArea
          ? [
              {
                label: impactArea.name,
                href: view.link(
                  anchorIn(scope, "wirkungsbereich", impactArea.key),
                ),
                lang: view.contentLang,
              },
            ]
          : []),
        {
          label: actionField.name,
          href: view.link(anchorIn(scope, "aktionsfeld", actionField.key)),
          lang: view.contentLang,
        },
        { label: project.title, lang: view.contentLang },
      ]}
    >
      <ScopeNotice view={view} scope={scope} />
      <p class="app-caption app-project__field">
        <ColourSwatch colour={actionField.colour} />
        <span safe>{`${t.actionField} ${actionField.number}`}</span>
        <span lang={view.contentLang} safe>
          {actionField.name}
        </span>
      </p>
      <h1 class="app-heading-xl app-project__title">
        <ProjectCodeTitle
          view={view}
          code={project.code}
          title={project.title}
        />
      </h1>

      <SummaryList
        rows={[
          {
            key: t.status,
            value: <ProjectStatusTag view={view} status={project.status} />,
          },
          {
            key: t.period,
            value: (
              <span safe>
                {formatPhasesSpan(project.phases, view.lang) ?? t.noPeriod}
              </span>
            ),
          },
          ...(showsImpactArea
            ? [
                {
                  key: t.impactArea,
                  value: (
                    <a
                      class="app-link"
                      href={view.link(
                        anchorIn(scope, "wirkungsbereich", impactArea.key),
                      )}
                      lang={view.contentLang}
                      safe
                    >
                      {impactArea.name}
                    </a>
                  ),
                },
              ]
            : []),
          ...(project.tags.length === 0
            ? []
            : [
                {
                  key: t.projectTags,
                  value: (
                    <ul class="app-tag-list">
                      {project.tags.map((tag) => (
                        <li
                          class="app-tag-list__item"
                          lang={view.contentLang}
                          safe
                        >
                          {tag}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]),
        ]}
      />

      <Section id="worum-es-geht" title={t.projectSummary}>
        <p
          class="app-body-text app-project__summary"
          lang={view.contentLang}
          safe
        >
          {project.summary}
        </p>
      </Section>

      <Section id="zeitplan" title={t.projectSchedule}>
        <ItemsOrNone items={project.phases} none={t.projectPhasesEmpty}>
          <>
            <ol class="app-phase-list" id="zeitplan-phasen">
              {project.phases.map((phase) => (
                <li class="app-phase-list__item">
                  <span
                    class="app-phase-list__label"
                    lang={view.contentLang}
                    safe
                  >
                    {phase.label}
                  </span>
                  <span class="app-phase-list__period" safe>
                    {formatPeriod(phase, view.lang)}
                  </span>
                  <ContentText
                    view={view}
                    as="span"
                    class="app-phase-list__note"
                    text={phase.note}
                  />
                </li>
              ))}
            </ol>
            <TimelineScroll label={t.projectScheduleRegion} compact>
              <TimelineChart
                view={view}
                layout={timeline.layout}
                idPrefix="projekt-zeitstrahl"
                variant="compact"
                title={t.projectScheduleChart}
                description={t.projectScheduleChartDescription(
                  project.phases.length,
                )}
                detailsId="zeitplan-phasen"
                describeBar={timeline.describeBar}
              />
            </TimelineScroll>
          </>
        </ItemsOrNone>
      </Section>

      <Section id="massnahmen" title={t.projectMeasures}>
        <ItemsOrNone items={project.measures} none={t.projectMeasuresEmpty}>
          <ul class="app-task-list">
            {project.measures.map((measure) => (
              <li class="app-task-list__item">
                <span class="app-task-list__name" lang={view.contentLang} safe>
                  {measure.title}
                </span>
                <span class="app-task-list__status">
                  <MeasureStatusTag view={view} status={measure.status} />
                </span>
                {measureFacts(measure).length === 0 ? (
                  ""
                ) : (
                  <span
                    class="app-task-list__details app-hint"
                    lang={view.contentLang}
                    safe
                  >
                    {measureFacts(measure).join(" · ")}
                  </span>
                )}
                <ContentText
                  view={view}
                  as="span"
                  class="app-task-list__details app-body-text"
                  text={measure.description}
                />
              </li>
            ))}
          </ul>
        </ItemsOrNone>
      </Section>

      <ProjectIndicators
        view={view}
        indicators={props.figures ?? []}
        today={props.today}
      />

      <Section id="zustaendigkeiten" title={t.projectResponsibilities}>
        <ItemsOrNone
          items={project.responsibilities}
          none={t.projectResponsibilitiesEmpty}
        >
          <ul class="app-responsibility-list">
            {project.responsibilities.map((responsibility) => (
              <li class="app-responsibility-list__item">
                <span
                  class="app-responsibility-list__unit"
                  lang={view.contentLang}
                  safe
                >
                  {unitsByCode.get(responsibility.orgUnitCode)?.name ??
                    responsibility.orgUnitCode}
                </span>
                <span
                  class={[
                    "app-responsibility-list__role",
                    responsibility.role === "lead" &&
                      "app-responsibility-list__role--lead",
                  ]}
                  safe
                >
                  {t.responsibilityRole[responsibility.role]}
                </span>
                <ContentText
                  view={view}
                  as="span"
                  class="app-responsibility-list__note"
                  text={responsibility.note}
                />
              </li>
            ))}
          </ul>
        </ItemsOrNone>
      </Section>

      <Section id="abhaengigkeiten" title={t.projectDependencies}>
        <div class="app-dependencies">
          <DependencyList
            view={view}
            id="haengt-ab-von"
            heading={t.projectDependsOn}
            entries={prerequisites}
            href={(other) => view.link(scope.project(other.project.slug))}
          />
          <DependencyList
            view={view}
            id="voraussetzung-fuer"
            heading={t.projectPrerequisiteFor}
            entries={props.dependents}
            href={(other) => view.link(scope.project(other.project.slug))}
          />
        </div>
      </Section>
      <ParagraphLink
        href={openDataPaths.projectFeed(slug, project.slug)}
        type="application/atom+xml"
        text={view.t.openData.followProject}
      />
      {props.ideas === undefined || props.ideas.length === 0 ? (
        ""
      ) : (
        <section aria-labelledby="ideen">
          <h2 class="app-heading-l" id="ideen" safe>
            {view.t.participation.projectIdeasTitle}
          </h2>
          <ItemList view={view} slug={slug} items={props.ideas} />
        </section>
      )}
    </PageLayout>
  );
}

function DependencyList(props: {
  view: ViewContext;
  id: string;
  heading: string;
  entries: readonly ProjectInContext[];
  href: (entry: ProjectInContext) => string;
}): JSX.Element {
  const { view } = props;
  return (
    <div class="app-dependencies__group" id={props.id}>
      <h3 class="app-heading-s" safe>
        {props.heading}
      </h3>
      {props.entries.length === 0 ? (
        <p class="app-body-text app-dependencies__none" safe>
          {view.t.projectNoDependencies}
        </p>
      ) : (
        <ul class="app-dependencies__list">
          {props.entries.map((other) => (
            <li>
              <a class="app-link" href={props.href(other)}>
                <span class="app-dependencies__code" safe>
                  {other.project.code}
                </span>{" "}
                <span lang={view.contentLang} safe>
                  {other.project.title}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
