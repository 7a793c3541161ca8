/** The start page of an instance that hosts several municipalities: the list of them. */
import { LanguageField } from "../components/form/csrf-field.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { paths } from "./paths.js";

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
      <h1 class="app-heading-xl" safe>
        {t.municipalitiesTitle}
      </h1>
      {props.municipalities.length === 0 && query === "" ? (
        <p class="app-body-text" safe>
          {t.municipalitiesEmpty}
        </p>
      ) : (
        <>
          <p class="app-lead" safe>
            {t.municipalitiesIntro}
          </p>
          <form class="app-search-form" method="get" action="/" role="search">
            <LanguageField lang={view.lang} />
            <div class="app-form-group">
              <label class="app-label" for="kommune-q" safe>
                {t.municipalitiesSearchLabel}
              </label>
              <p class="app-hint" id="kommune-hinweis" safe>
                {t.municipalitiesSearchHint}
              </p>
              <div class="app-search-form__row">
                <input
                  class="app-input"
                  type="search"
                  id="kommune-q"
                  name="q"
                  value={query}
                  aria-describedby="kommune-hinweis"
                  autocomplete="off"
                  maxlength="100"
                />
                <button class="app-button" type="submit" safe>
                  {t.municipalitiesSearchSubmit}
                </button>
              </div>
            </div>
          </form>
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
                {municipality.state === null ? (
                  ""
                ) : (
                  <span
                    class="app-card-list__meta"
                    lang={view.contentLang}
                    safe
                  >
                    {municipality.state}
                  </span>
                )}
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
                {page > 1 ? (
                  <li>
                    <a
                      class="app-link"
                      rel="prev"
                      href={view.link("/", {
                        q: query === "" ? undefined : query,
                        seite: page > 2 ? String(page - 1) : undefined,
                      })}
                      safe
                    >
                      {t.municipalitiesPrevious}
                    </a>
                  </li>
                ) : (
                  ""
                )}
                {page < pages ? (
                  <li>
                    <a
                      class="app-link"
                      rel="next"
                      href={view.link("/", {
                        q: query === "" ? undefined : query,
                        seite: String(page + 1),
                      })}
                      safe
                    >
                      {t.municipalitiesNext}
                    </a>
                  </li>
                ) : (
                  ""
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </PageLayout>
  );
}
