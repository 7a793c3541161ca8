/**
 * The projects of an action field as a list: code, title (linked), status and the span
 * of its phases. Used on the programme overview.
 */
import type { Project } from "../../../domain/catalogue/catalogue.js";
import { formatPhasesSpan } from "../../../i18n/format-period.js";
import { ProjectStatusTag } from "../status-tag/status-tag.js";
import type { ViewContext } from "../view.js";

/** Props of the project list. */
export interface ProjectListProps {
  readonly view: ViewContext;
  readonly projects: readonly Project[];
  readonly projectHref: (project: Project) => string;
}

/** A list of projects with code, title, status and period. */
export function ProjectList(props: ProjectListProps): JSX.Element {
  const { view } = props;
  return (
    <ul class="app-project-list">
      {props.projects.map((project) => (
        <li class="app-project-list__item">
          <span class="app-project-list__code" safe>
            {project.code}
          </span>
          <span class="app-project-list__main">
            <a
              class="app-link app-project-list__title"
              href={props.projectHref(project)}
              lang={view.contentLang}
              safe
            >
              {project.title}
            </a>
            <span class="app-project-list__meta">
              <ProjectStatusTag view={view} status={project.status} />
              <span class="app-project-list__period" safe>
                {formatPhasesSpan(project.phases, view.lang) ?? view.t.noPeriod}
              </span>
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
