/**
 * The old-versus-new timeline on a page: counts, legend, the chart in a focusable scroll
 * region, and per action field a table with the old period, the new period, what changed
 * and why — the chart's text alternative.
 */
import { ColourSwatch } from "../components/colour-marker/colour-marker.js";
import {
  TimelineComparisonChart,
  TimelineComparisonLegend,
} from "../components/timeline-comparison/timeline-comparison-chart.js";
import type { ViewContext } from "../components/view.js";
import type { ComparisonModel } from "./comparison.presenter.js";
import { TableHead } from "../components/table-head/table-head.js";
import { TimelineScroll } from "../components/timeline-chart/timeline-chart.js";
import { LinkedText } from "../components/linked-text/linked-text.js";

/** Props of the comparison. */
export interface ComparisonViewProps {
  readonly view: ViewContext;
  readonly model: ComparisonModel;
  readonly idPrefix: string;
  /** Link of a project row, or null for no link. */
  readonly projectHref: (projectKey: string, code: string) => string | null;
}

/** Chart and tables of the comparison. */
export function ComparisonView(props: ComparisonViewProps): JSX.Element {
  const { view, model, idPrefix } = props;
  const t = view.t.edition;
  const { counts } = model.layout;
  return (
    <div class="app-comparison" data-testid="vergleich">
      <p class="app-timeline__result" role="status" safe>
        {t.comparisonCounts(counts.shifted, counts.added, counts.removed)}
      </p>
      <TimelineComparisonLegend
        view={view}
        olderTitle={model.olderTitle}
        newerTitle={model.newerTitle}
      />
      <TimelineScroll label={t.comparisonScrollRegion}>
        <TimelineComparisonChart
          view={view}
          layout={model.layout}
          idPrefix={idPrefix}
          title={t.comparisonChartTitle(model.olderTitle, model.newerTitle)}
          description={t.comparisonChartDescription(
            model.projectCount,
            counts.shifted,
          )}
          detailsId={
            model.layout.groups.length === 0
              ? undefined
              : `${idPrefix}-tabelle-1`
          }
          describeOldBar={model.describeOldBar}
          describeNewBar={model.describeNewBar}
          describeMarker={model.describeMarker}
          stateLabel={model.stateLabel}
        />
      </TimelineScroll>
      {model.layout.groups.map((group, index) => (
        <div class="app-table-wrapper app-comparison__field">
          <table
            class="app-table app-comparison-table"
            id={`${idPrefix}-tabelle-${index + 1}`}
          >
            <caption class="app-table__caption">
              <ColourSwatch colour={group.colour} />{" "}
              <span lang={view.contentLang} safe>
                {t.comparisonTableCaption(group.label)}
              </span>
            </caption>
            <TableHead
              columns={[
                view.t.code,
                view.t.project,
                t.columnOld(model.olderTitle),
                t.columnNew(model.newerTitle),
                t.columnChange,
                t.columnReason,
              ]}
            />
            <tbody>
              {group.rows.map((row) => {
                const details = model.details.get(row.key);
                const href = props.projectHref(row.key, row.code);
                const changes = details?.changes ?? [];
                const reasons = details?.reasons ?? [];
                return (
                  <tr data-project={row.key} data-state={row.state}>
                    <td class="app-timeline-table__code" safe>
                      {row.code}
                    </td>
                    <th scope="row">
                      <LinkedText
                        text={row.label}
                        href={href}
                        lang={view.contentLang}
                      />
                    </th>
                    <td>
                      <CellLines
                        view={view}
                        lines={details?.oldPeriods ?? []}
                        fallback={row.oldSpanLabel ?? t.rowNone}
                      />
                    </td>
                    <td>
                      <CellLines
                        view={view}
                        lines={details?.newPeriods ?? []}
                        fallback={row.newSpanLabel ?? t.rowNone}
                      />
                    </td>
                    <td>
                      <CellLines
                        view={view}
                        lines={changes}
                        fallback={row.state === "kept" ? t.rowKept : t.rowNone}
                      />
                    </td>
                    <td>
                      <CellLines
                        view={view}
                        lines={reasons}
                        fallback={
                          (details?.missingReasons ?? 0) > 0
                            ? t.reasonMissing
                            : t.rowNone
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

/**
 * The lines of a cell (phases, changes, reasons: the municipality's words), one per line;
 * the fallback in the interface's words when there are none.
 */
function CellLines(props: {
  view: ViewContext;
  lines: readonly string[];
  fallback: string;
}): JSX.Element {
  if (props.lines.length === 0) return <span safe>{props.fallback}</span>;
  return (
    <ul class="app-comparison-table__list" lang={props.view.contentLang}>
      {props.lines.map((line) => (
        <li safe>{line}</li>
      ))}
    </ul>
  );
}
