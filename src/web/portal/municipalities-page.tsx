/** The start page of an instance that hosts several municipalities: the list of them. */
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { paths } from "./paths.js";

/** Props of the municipality list. */
export interface MunicipalitiesPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly municipalities: readonly Municipality[];
}

/** Lists the municipalities that publish here. */
export function MunicipalitiesPage(props: MunicipalitiesPageProps): JSX.Element {
  const { view } = props;
  const { t } = view;
  return (
    <PageLayout view={view} title={t.municipalitiesTitle} requestUrl={props.requestUrl}>
      <h1 class="app-heading-xl" safe>
        {t.municipalitiesTitle}
      </h1>
      {props.municipalities.length === 0 ? (
        <p class="app-body-text" safe>
          {t.municipalitiesEmpty}
        </p>
      ) : (
        <>
          <p class="app-lead" safe>
            {t.municipalitiesIntro}
          </p>
          <ul class="app-card-list">
            {props.municipalities.map((municipality) => (
              <li class="app-card-list__item">
                <a class="app-link app-card-list__link" href={view.link(paths.municipality(municipality.slug))} lang={view.contentLang} safe>
                  {municipality.name}
                </a>
                {municipality.state === null ? (
                  ""
                ) : (
                  <span class="app-card-list__meta" lang={view.contentLang} safe>
                    {municipality.state}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </PageLayout>
  );
}
