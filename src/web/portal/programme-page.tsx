/**
 * A municipality's programme: title, summary, goals, the latest priorities, then impact
 * areas → action fields (in their colour) → projects with status and period.
 */
import { ContentText } from "../components/content-text/content-text.js";
import type { PortalPageProps } from "./portal-frame.js";
import type { Children } from "@kitajs/html";
import type { Priority } from "../../domain/catalogue/catalogue.js";
import type { ActionField } from "../../domain/catalogue/catalogue.js";
import {
  allActionFields,
  findProject,
  listProjects,
  visibleImpactAreas,
} from "../../domain/catalogue/catalogue.js";
import { ColourBar } from "../components/colour-marker/colour-marker.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { ProjectList } from "../components/project-list/project-list.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { ScopeNotice } from "../edition/scope-notice.js";
import {
  publishedScope,
  titleInScope,
  type PortalScope,
} from "./portal-scope.js";
import { siteHeader } from "./site.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";

/** Props of the programme overview. */
export interface ProgrammePageProps extends PortalPageProps {
  /** Which state is shown (published, an older edition, the draft); links stay inside it. Published by default. */
  readonly scope?: PortalScope | undefined;
  /** Shown right after the notice of the scope (an edition's details and documents). */
  readonly children?: Children;
  /** The published ideas and feedback, linked when the public may contribute or some are published. */
  readonly ideasPath?: string | undefined;
}

/** The programme overview of a municipality. */
export function ProgrammePage(props: ProgrammePageProps): JSX.Element {
  const { catalogue } = props;
  const view = withLevels(props.view, catalogue.programme.levels);
  const { t } = view;
  const { programme, municipality } = catalogue;
  const slug = municipality.slug;
  const fieldCount = allActionFields(catalogue).length;
  const projectCount = listProjects(catalogue).length;
  const priorities = latestPriorities(programme.priorities);
  const scope = props.scope ?? publishedScope(slug, null, []);

  return (
    <PageLayout
      view={view}
      title={titleInScope(view, scope, programme.title, programme.title)}
      requestUrl={props.requestUrl}
      site={siteHeader(catalogue)}
      current={scope.kind === "published" ? "overview" : undefined}
    >
      <ScopeNotice view={view} scope={scope} />
      {props.children}
      <div class="app-intro">
        <p class="app-caption" lang={view.contentLang} safe>
          {municipality.name}
        </p>
        <h1 class="app-heading-xl" lang={view.contentLang} safe>
          {programme.title}
        </h1>
        <ContentText
          view={view}
          as="p"
          class="app-lead"
          text={programme.subtitle}
        />
        <ul class="app-facts">
          <li safe>
            {t.horizon(programme.horizonStart, programme.horizonEnd)}
          </li>
          <li class="app-facts__count" data-testid="programme-count" safe>
            {t.projectsInAreas(
              projectCount,
              fieldCount,
              catalogue.impactAreas.length,
            )}
          </li>
        </ul>
        <ContentText
          view={view}
          as="p"
          class="app-body-text app-intro__summary"
          text={programme.summary}
        />
        <p class="app-button-group">
          <a class="app-button" href={view.link(scope.timeline)} safe>
            {t.programmeTimelineLink}
          </a>
          {scope.search === null ? (
            ""
          ) : (
            <a class="app-link" href={view.link(scope.search)} safe>
              {t.programmeSearchLink}
            </a>
          )}
          {props.ideasPath === undefined ? (
            ""
          ) : (
            <a class="app-link" href={view.link(props.ideasPath)} safe>
              {t.participation.navIdeas}
            </a>
          )}
        </p>
      </div>

      {programme.goals.length === 0 && priorities === null ? (
        ""
      ) : (
        <div class="app-grid">
          {programme.goals.length === 0 ? (
            ""
          ) : (
            <section class="app-grid__main" aria-labelledby="ziele">
              <h2 class="app-heading-l" id="ziele" safe>
                {t.programmeGoals}
              </h2>
              <ol class="app-goal-list">
                {programme.goals.map((goal) => (
                  <li class="app-goal-list__item" lang={view.contentLang}>
                    <p class="app-goal-list__title" safe>
                      {goal.title}
                    </p>
                    {goal.description === null ? (
                      ""
                    ) : (
                      <p class="app-goal-list__text" safe>
                        {goal.description}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {priorities === null ? (
            ""
          ) : (
            <section
              class="app-grid__side app-panel"
              aria-labelledby="prioritaeten"
            >
              <h2 class="app-heading-m" id="prioritaeten" safe>
                {t.programmePriorities(priorities.year)}
              </h2>
              <ol class="app-priority-list">
                {priorities.items.map((priority) => (
                  <li lang={view.contentLang}>
                    <span class="app-priority-list__title" safe>
                      {priority.title}
                    </span>
                    {priority.projectSlugs.length === 0 ? (
                      ""
                    ) : (
                      <ul class="app-priority-list__projects">
                        {priority.projectSlugs.map((projectSlug) => {
                          const entry = findProject(catalogue, projectSlug);
                          return entry === null ? (
                            ""
                          ) : (
                            <li>
                              <a
                                class="app-link"
                                href={view.link(scope.project(projectSlug))}
                                safe
                              >
                                {`${entry.project.code} ${entry.project.title}`}
                              </a>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}

      {programme.levels.flat
        ? allActionFields(catalogue).map((field) => (
            <ActionFieldSection
              view={view}
              field={field}
              scope={scope}
              heading="h2"
            />
          ))
        : ""}
      {visibleImpactAreas(catalogue).map((area) => {
        const areaProjects = area.actionFields.reduce(
          (sum, field) => sum + field.projects.length,
          0,
        );
        return (
          <section
            class="app-impact-area"
            aria-labelledby={`wirkungsbereich-${area.key}`}
          >
            <div class="app-impact-area__header">
              <p class="app-caption" safe>
                {t.impactArea}
              </p>
              <h2
                class="app-heading-l"
                id={`wirkungsbereich-${area.key}`}
                lang={view.contentLang}
                safe
              >
                {area.name}
              </h2>
              <p class="app-impact-area__count" safe>
                {t.projectsInFields(areaProjects, area.actionFields.length)}
              </p>
              <ContentText
                view={view}
                as="p"
                class="app-body-text"
                text={area.description}
              />
            </div>
            {area.actionFields.map((field) => (
              <ActionFieldSection
                view={view}
                field={field}
                scope={scope}
                heading="h3"
              />
            ))}
          </section>
        );
      })}
    </PageLayout>
  );
}

/** The priorities of the latest year that has any, or null. */
function latestPriorities(
  priorities: readonly Priority[],
): { year: number; items: readonly Priority[] } | null {
  if (priorities.length === 0) return null;
  const year = Math.max(...priorities.map((priority) => priority.year));
  return {
    year,
    items: priorities.filter((priority) => priority.year === year),
  };
}

/** One action field with its projects; a flat programme's fields head the page's sections. */
function ActionFieldSection(props: {
  readonly view: ViewContext;
  readonly field: ActionField;
  readonly scope: PortalScope;
  readonly heading: "h2" | "h3";
}): JSX.Element {
  const { view, field, scope } = props;
  const { t } = view;
  const Heading = props.heading;
  return (
    <section
      class="app-action-field"
      aria-labelledby={`aktionsfeld-${field.key}`}
      data-action-field={field.key}
    >
      <ColourBar colour={field.colour} />
      <div class="app-action-field__body">
        <Heading
          class="app-heading-m app-action-field__title"
          id={`aktionsfeld-${field.key}`}
        >
          <span class="app-action-field__number" safe>
            {`${t.actionField} ${field.number}`}
          </span>
          <span lang={view.contentLang} safe>
            {field.name}
          </span>
        </Heading>
        <p class="app-action-field__count" safe>
          {t.projectCount(field.projects.length)}
        </p>
        <ContentText
          view={view}
          as="p"
          class="app-body-text app-action-field__description"
          text={field.description}
        />
        <ItemsOrNone items={field.projects} none={t.noProjects}>
          <ProjectList
            view={view}
            projects={field.projects}
            projectHref={(project) => view.link(scope.project(project.slug))}
          />
        </ItemsOrNone>
      </div>
    </section>
  );
}
