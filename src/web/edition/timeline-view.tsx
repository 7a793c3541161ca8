/**
 * The timeline page of any state (published, an edition, the draft): reads the filters and
 * the comparison ("vergleich={n}") from the query, checks them against the catalogue and
 * the editions, and renders either the timeline or the old-versus-new comparison. An
 * unknown value shows the page with an error box (400), as the filters always have.
 */
import { editionTitleIn } from "../../i18n/edition-title.js";
import type { ChangeReport } from "../../domain/edition/change-report.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  filterCatalogue,
  NO_FILTER,
  parseCatalogueFilter,
} from "../../domain/catalogue/catalogue-filter.js";
import type { Dictionary } from "../../i18n/i18n.js";
import type { ViewContext } from "../components/view.js";
import {
  comparableEditions,
  type PortalScope,
} from "../portal/portal-scope.js";
import { TimelinePage } from "../portal/timeline-page.js";
import { buildComparison } from "./comparison.presenter.js";

/** The query of a timeline page. */
export interface TimelineQuery {
  readonly aktionsfeld?: string | undefined;
  readonly einheit?: string | undefined;
  readonly status?: string | undefined;
  readonly vergleich?: string | undefined;
}

/** A rendered page and its status. */
export interface RenderedTimeline {
  readonly status: number;
  readonly html: string;
}

function filterProblemMessage(
  t: Dictionary,
  field: "actionField" | "orgUnit" | "status",
  value: string,
): string {
  switch (field) {
    case "actionField":
      return t.timelineUnknownActionField(value);
    case "orgUnit":
      return t.timelineUnknownOrgUnit(value);
    case "status":
      return t.timelineUnknownStatus(value);
  }
}

/** Renders the timeline of a state; `compare(n)` gives the report of edition n against the shown state. */
export async function renderTimeline(input: {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly catalogue: Catalogue;
  readonly scope: PortalScope;
  readonly query: TimelineQuery;
  readonly today: number;
  /** The title of the state shown ("2. Fortschreibung", "Entwurf"). */
  readonly shownTitle: string;
  readonly compare: (since: number) => Promise<ChangeReport>;
}): Promise<RenderedTimeline> {
  const { view, catalogue, scope, query } = input;
  const parsed = parseCatalogueFilter(catalogue, {
    actionField: query.aktionsfeld,
    orgUnit: query.einheit,
    status: query.status,
  });
  const filter = parsed.ok ? parsed.filter : NO_FILTER;
  const problems = parsed.ok
    ? []
    : parsed.problems.map((problem) =>
        filterProblemMessage(view.t, problem.field, problem.value),
      );
  let comparison:
    { number: number; model: ReturnType<typeof buildComparison> } | undefined;
  const wanted = query.vergleich ?? "";
  if (wanted !== "") {
    const edition = comparableEditions(scope).find(
      (candidate) => String(candidate.number) === wanted,
    );
    if (edition === undefined) {
      problems.push(view.t.edition.comparisonUnknown(wanted));
    } else if (problems.length === 0) {
      const report = await input.compare(edition.number);
      comparison = {
        number: edition.number,
        model: buildComparison(view, report, {
          filter,
          today: input.today,
          olderTitle: editionTitleIn(view.lang, edition.title),
          newerTitle: editionTitleIn(view.lang, input.shownTitle),
        }),
      };
    }
  }
  const html = await (
    <TimelinePage
      view={view}
      requestUrl={input.requestUrl}
      catalogue={catalogue}
      filtered={filterCatalogue(catalogue, filter)}
      filter={filter}
      problems={problems.length === 0 ? undefined : problems}
      today={input.today}
      scope={scope}
      comparison={comparison}
    />
  );
  return { status: problems.length === 0 ? 200 : 400, html };
}
