/** The start page of an instance that hosts several municipalities: the list of them. */
import { ContentText } from "../components/content-text/content-text.js";
import { PageStepLink } from "../components/pagination/page-step-link.js";
import { SearchForm } from "../components/search-form/search-form.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { paths } from "./paths.js";
import { PageHeading } from "../components/page-heading/page-heading.js";

/** Props of the municipality list. */
export interface MunicipalitiesPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  /** The municipalities of this page (after the search). */
  readonly municipalities: readonly Municipality[];
  /** The search, "" for none. */
  readonly query?: string;
  /** How many municipalities the search found in all. */
  readonly total?: number;
  readonly page?: number;
  readonly pages?: number;
}

/** Lists the municipalities that publish here. */
export function MunicipalitiesPage(
  props: MunicipalitiesPageProps,
): JSX.Element {
  const { view } = props;
  const { t } = view;
  const query = props.query ?? "";
  const page = props.page ?? 1;
  const pages = props.pages ?? 1;
  return (
    <PageLayout
      view={view}
      title={t.municipalitiesTitle}
      requestUrl={props.requestUrl}
    >
      <PageHeading title={t.municipalitiesTitle} />
      {props.municipalities.length === 0 && query === "" ? (
        <p class="app-body-text" safe>
          {t.municipalitiesEmpty}
        </p>
      ) : (
        <>
          <p class="app-lead" safe>
            {t.municipalitiesIntro}
          </p>
          <SearchForm
            view={view}
            action="/"
            query={query}
            id="kommune"
            label={t.municipalitiesSearchLabel}
            hint={t.municipalitiesSearchHint}
            submit={t.municipalitiesSearchSubmit}
            maxlength={100}
          />
          {query === "" ? (
            ""
          ) : (
            <p class="app-body-text" role="status" safe>
              {props.municipalities.length === 0
                ? t.municipalitiesNoneFound(query)
                : t.municipalitiesFound(props.total ?? 0, query)}
            </p>
          )}
          <ul class="app-card-list">
            {props.municipalities.map((municipality) => (
              <li class="app-card-list__item">
                <a
                  class="app-link app-card-list__link"
                  href={view.link(paths.municipality(municipality.slug))}
                  lang={view.contentLang}
                  safe
                >
                  {municipality.name}
                </a>
                <ContentText
                  view={view}
                  as="span"
                  class="app-card-list__meta"
                  text={municipality.state}
                />
              </li>
            ))}
          </ul>
          {pages <= 1 ? (
            ""
          ) : (
            <nav class="app-pagination" aria-label={t.municipalitiesPagination}>
              <p class="app-body-text" safe>
                {t.municipalitiesPage(page, pages)}
              </p>
              <ul class="app-pagination__list">
                <PageStepLink
                  rel="prev"
                  href={
                    page > 1
                      ? view.link("/", {
                          q: query === "" ? undefined : query,
                          seite: page > 2 ? String(page - 1) : undefined,
                        })
                      : null
                  }
                  text={t.municipalitiesPrevious}
                />
                <PageStepLink
                  rel="next"
                  href={
                    page < pages
                      ? view.link("/", {
                          q: query === "" ? undefined : query,
                          seite: String(page + 1),
                        })
                      : null
                  }
                  text={t.municipalitiesNext}
                />
              </ul>
            </nav>
          )}
        </>
      )}
    </PageLayout>
  );
}
