/** Search over a municipality's projects and measures: the form, then the hits. */
import { PortalFrame, type PortalPageProps } from "./portal-frame.js";
import type { SearchResult } from "../../app/catalogue/read-catalogue.js";
import { ColourSwatch } from "../components/colour-marker/colour-marker.js";
import { SearchForm } from "../components/search-form/search-form.js";
import { withLevels } from "../components/view.js";
import { ErrorSummary } from "../components/error-summary/error-summary.js";
import { paths } from "./paths.js";
import { PageHeading } from "../components/page-heading/page-heading.js";

/** Props of the search page. */
export interface SearchPageProps extends PortalPageProps {
  readonly query: string;
  /** Null when nothing was searched yet (empty query) or the query was refused. */
  readonly result: SearchResult | null;
  /** Why the query was refused. */
  readonly error?: string | undefined;
}

/** The search page. */
export function SearchPage(props: SearchPageProps): JSX.Element {
  const { catalogue, result } = props;
  const view = withLevels(props.view, catalogue.programme.levels);
  const { t } = view;
  const flat = catalogue.programme.levels.flat;
  const slug = catalogue.municipality.slug;
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={t.searchTitle}
      current="search"
      hasOwnHeading
    >
      {props.error === undefined ? (
        ""
      ) : (
        <ErrorSummary title={t.errorTitle[400]} messages={[props.error]} />
      )}
      <PageHeading title={t.searchTitle} />
      <SearchForm
        view={view}
        action={paths.search(slug)}
        query={props.query}
        id="suche"
        label={t.searchLabel}
        hint={t.searchHint}
        submit={t.searchSubmit}
        maxlength={200}
        error={props.error}
      />
      {result === null ? (
        ""
      ) : (
        <section class="app-search-results" aria-labelledby="treffer">
          <h2 class="app-heading-m" id="treffer" safe>
            {t.searchResults(result.hits.length, result.query)}
          </h2>
          {result.hits.length === 0 ? (
            ""
          ) : (
            <ol class="app-search-results__list">
              {result.hits.map((hit) => (
                <li class="app-search-results__item" data-kind={hit.kind}>
                  <p class="app-search-results__title">
                    <a
                      class="app-link"
                      href={view.link(paths.project(slug, hit.projectSlug))}
                      lang={view.contentLang}
                    >
                      {hit.kind === "project" ? (
                        <>
                          <span class="app-search-results__code" safe>
                            {hit.projectCode}
                          </span>{" "}
                        </>
                      ) : (
                        ""
                      )}
                      <span safe>{hit.title}</span>
                    </a>
                  </p>
                  <p class="app-search-results__kind" safe>
                    {hit.kind === "project"
                      ? t.searchHitProject
                      : t.searchHitMeasure(hit.projectCode, hit.projectTitle)}
                  </p>
                  <p class="app-search-results__meta">
                    <ColourSwatch colour={hit.actionFieldColour} />
                    <span lang={view.contentLang} safe>
                      {flat
                        ? hit.actionFieldName
                        : `${hit.impactAreaName} › ${hit.actionFieldName}`}
                    </span>
                  </p>
                  {hit.excerpt === "" ? (
                    ""
                  ) : (
                    <p
                      class="app-search-results__excerpt"
                      lang={view.contentLang}
                      safe
                    >
                      {hit.excerpt}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </PortalFrame>
  );
}
