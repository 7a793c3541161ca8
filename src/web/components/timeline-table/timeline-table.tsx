/**
 * The timeline's data as a table: the text alternative to the chart (docs/architecture.md:
 * every chart has a table). One row per phase; project, action field and status span the rows
 * of their project, with the project as row header.
 */
import { TableHead } from "../table-head/table-head.js";
import type { ProjectInContext } from "../../../domain/catalogue/catalogue.js";
import { formatPeriod } from "../../../i18n/format-period.js";
import { ColourSwatch } from "../colour-marker/colour-marker.js";
import { ProjectStatusTag } from "../status-tag/status-tag.js";
import type { ViewContext } from "../view.js";

/** Props of the timeline table. */
export interface TimelineTableProps {
  readonly view: ViewContext;
  readonly id: string;
  readonly entries: readonly ProjectInContext[];
  readonly projectHref: (entry: ProjectInContext) => string;
}

/** The timeline as an accessible table. */
export function TimelineTable(props: TimelineTableProps): JSX.Element {
  const { view } = props;
  const { t } = view;
  return (
    <div class="app-table-wrapper">
      <table class="app-table app-timeline-table" id={props.id}>
        <caption class="app-table__caption" safe>
          {t.timelineTableCaption}
        </caption>
        <TableHead
          columns={[t.project, t.actionField, t.phase, t.period, t.status]}
        />
        {props.entries.map((entry) => {
          const { project, actionField } = entry;
          const span = Math.max(project.phases.length, 1);
          const [first, ...rest] = project.phases;
          return (
            // One tbody per project groups its phase rows for assistive technology.
            <tbody
              class="app-timeline-table__project"
              data-project={project.slug}
            >
              <tr>
                <th scope="rowgroup" rowspan={span}>
                  <span class="app-timeline-table__code" safe>
                    {project.code}
                  </span>{" "}
                  <a
                    class="app-link"
                    href={props.projectHref(entry)}
                    lang={view.contentLang}
                    safe
                  >
                    {project.title}
                  </a>
                </th>
                <td rowspan={span}>
                  <span class="app-timeline-table__field">
                    <ColourSwatch colour={actionField.colour} />
                    <span lang={view.contentLang} safe>
                      {actionField.name}
                    </span>
                  </span>
                </td>
                <td lang={view.contentLang} safe>
                  {first?.label ?? "—"}
                </td>
                <td class="app-timeline-table__period" safe>
                  {first === undefined
                    ? t.noPeriod
                    : formatPeriod(first, view.lang)}
                </td>
                <td rowspan={span}>
                  <ProjectStatusTag view={view} status={project.status} />
                </td>
              </tr>
              {rest.map((phase) => (
                <tr>
                  <td lang={view.contentLang} safe>
                    {phase.label}
                  </td>
                  <td class="app-timeline-table__period" safe>
                    {formatPeriod(phase, view.lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
