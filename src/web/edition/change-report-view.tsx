/**
 * The change report on a page: the overview (counts, shifts per reason, a table per action
 * field) and the changes themselves, per action field and project, each shift with its
 * reason. Used for edition↔edition (public) and for the draft (with a reason form per shift).
 */
import type { ChangeReport } from "../../domain/edition/change-report.js";
import {
  isProjectChange,
  isShift,
  type CatalogueChange,
  type ProjectRef,
} from "../../domain/edition/catalogue-change.js";
import {
  describeChangeGerman,
  describeShiftCountGerman,
} from "../../i18n/change-description.js";
import { ColourSwatch } from "../components/colour-marker/colour-marker.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { formatReason } from "./comparison.presenter.js";
import { Section } from "../components/section/section.js";
import { DataTable } from "../components/data-table/data-table.js";
import { ProjectCodeTitle } from "../components/project-code-title/project-code-title.js";

/** The overview of a report. */
export function ReportSummary(props: {
  view: ViewContext;
  report: ChangeReport;
}): JSX.Element {
  const { report } = props;
  const view = withLevels(props.view, report.after.programme.levels);
  /** "Wirkungsbereich › " before an action field; nothing in a flat programme. */
  const areaPrefix = (name: string): string =>
    report.after.programme.levels.flat ? "" : `${name} › `;
  const t = view.t.edition;
  const { summary } = report.diff;
  return (
    <Section id="uebersicht" title={t.summaryTitle}>
      <p class="app-lead" data-testid="summary-counts" safe>
        {t.summaryCounts(summary.changeCount, summary.shiftCount)}
      </p>
      {summary.shiftCount === 0 ? (
        ""
      ) : (
        <>
          <h3 class="app-heading-m" safe>
            {t.shiftsByReasonTitle}
          </h3>
          <ul class="app-reason-counts" lang={view.contentLang}>
            {report.counts.byCategory.map((entry) => (
              <li safe>
                {describeShiftCountGerman(entry.count, entry.category)}
              </li>
            ))}
            {report.counts.withoutReason === 0 ? (
              ""
            ) : (
              <li class="app-reason-counts__missing" safe>
                {t.shiftsWithoutReason(report.counts.withoutReason)}
              </li>
            )}
          </ul>
        </>
      )}
      <DataTable
        caption={t.perFieldCaption}
        columns={[
          t.columnActionField,
          t.columnChangeCount,
          t.columnShiftCount,
          t.columnProjectCount,
        ]}
        numericFrom={1}
      >
        {summary.byActionField.map((field) => (
          <tr>
            <th scope="row">
              {field.changeCount === 0 ? (
                <span lang={view.contentLang} safe>
                  {`${areaPrefix(field.impactArea.name)}${field.actionField.number} ${field.actionField.name}`}
                </span>
              ) : (
                <a
                  class="app-link"
                  href={`#aenderungen-${field.actionField.key}`}
                  lang={view.contentLang}
                  safe
                >
                  {`${areaPrefix(field.impactArea.name)}${field.actionField.number} ${field.actionField.name}${field.isRemoved ? ` ${t.removedField}` : ""}`}
                </a>
              )}
            </th>
            <td class="app-table__numeric" safe>
              {String(field.changeCount)}
            </td>
            <td class="app-table__numeric" safe>
              {String(field.shiftCount)}
            </td>
            <td class="app-table__numeric" safe>
              {String(field.changedProjectCount)}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

/** Props of the change list. */
export interface ReportChangesProps {
  readonly view: ViewContext;
  readonly report: ChangeReport;
  /** A project's link (in the newer state), or null. */
  readonly projectHref: (project: ProjectRef) => string | null;
  /** Extra content under a shift (the draft's reason form). */
  readonly shiftExtra?: (change: CatalogueChange) => JSX.Element | string;
  /** The title of an edition by number, for reasons from several editions. */
  readonly editionTitle?: ((number: number) => string) | null;
}

interface ProjectGroup {
  readonly project: ProjectRef;
  readonly changes: CatalogueChange[];
}

/** The changes, per action field and project. */
export function ReportChanges(props: ReportChangesProps): JSX.Element {
  const { report } = props;
  const view = withLevels(props.view, report.after.programme.levels);
  /** "Wirkungsbereich › " before an action field; nothing in a flat programme. */
  const areaPrefix = (name: string): string =>
    report.after.programme.levels.flat ? "" : `${name} › `;
  const t = view.t.edition;
  const programmeChanges = report.diff.changes.filter(
    (change) => !isProjectChange(change),
  );
  const fieldColours = new Map(
    [...report.before.impactAreas, ...report.after.impactAreas].flatMap(
      (area) =>
        area.actionFields.map((field) => [field.id, field.colour] as const),
    ),
  );
  const sections = report.diff.summary.byActionField
    .filter((field) => field.changeCount > 0)
    .map((field) => {
      const groups: ProjectGroup[] = [];
      for (const change of report.diff.changes) {
        if (
          !isProjectChange(change) ||
          change.project.actionField.id !== field.actionField.id
        )
          continue;
        let group = groups.find(
          (candidate) => candidate.project.key === change.project.key,
        );
        if (group === undefined) {
          group = { project: change.project, changes: [] };
          groups.push(group);
        }
        group.changes.push(change);
      }
      return { field, groups };
    });

  const changeItem = (change: CatalogueChange): JSX.Element => {
    const reasons = isShift(change)
      ? (report.reasons.get(change.key) ?? [])
      : [];
    return (
      <li
        class={[
          "app-change-list__item",
          isShift(change) && "app-change-list__item--shift",
        ]}
        data-change={change.key}
      >
        <span class="app-change-list__text" lang={view.contentLang} safe>
          {describeChangeGerman(change)}
        </span>
        {!isShift(change) ? (
          ""
        ) : reasons.length === 0 ? (
          <span
            class="app-change-list__reason app-change-list__reason--missing"
            safe
          >
            {`${t.reason}: ${t.reasonMissing}`}
          </span>
        ) : (
          reasons.map((reason) => (
            <span class="app-change-list__reason" lang={view.contentLang} safe>
              {`${t.reason}: ${formatReason(reason, props.editionTitle ?? null)}`}
            </span>
          ))
        )}
        {props.shiftExtra !== undefined && isShift(change)
          ? props.shiftExtra(change)
          : ""}
      </li>
    );
  };

  return (
    <>
      {programmeChanges.length === 0 ? (
        ""
      ) : (
        <Section id="aenderungen-programm" title={t.programmeChanges}>
          <ul class="app-change-list">{programmeChanges.map(changeItem)}</ul>
        </Section>
      )}
      {sections.length === 0 && programmeChanges.length === 0 ? (
        <p class="app-body-text" safe>
          {t.noChanges}
        </p>
      ) : (
        ""
      )}
      {sections.map(({ field, groups }) => (
        <section
          class="app-section app-change-field"
          aria-labelledby={`aenderungen-${field.actionField.key}`}
        >
          <h2 class="app-heading-l" id={`aenderungen-${field.actionField.key}`}>
            <ColourSwatch
              colour={fieldColours.get(field.actionField.id) ?? "#505a5f"}
            />{" "}
            <span lang={view.contentLang} safe>
              {`${areaPrefix(field.impactArea.name)}${view.t.actionField} ${field.actionField.number}: ${field.actionField.name}`}
            </span>
          </h2>
          {groups.map((group) => {
            const href = props.projectHref(group.project);
            return (
              <div class="app-change-project">
                <h3 class="app-heading-m">
                  <ProjectCodeTitle
                    view={view}
                    code={group.project.code}
                    title={group.project.title}
                    href={href}
                  />
                </h3>
                <ul class="app-change-list">{group.changes.map(changeItem)}</ul>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}
