/**
 * The public pages of editions: the list of all editions, an edition's details (date,
 * council decision, documents, foreword) above its programme, and the change report
 * between two editions.
 */
import { municipalityCrumb, PortalFrame } from "../portal/portal-frame.js";
import { defaultEditionTitle } from "../../domain/edition/edition.js";
import { editionTitleIn, editionTitleLang } from "../../i18n/edition-title.js";
import type { CachedOparlObject } from "../../app/open-data/oparl-sync.js";
import type { ChangeReport } from "../../domain/edition/change-report.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  type Edition,
  type EditionSummary,
} from "../../domain/edition/edition.js";
import { formatIsoDateGerman } from "../../domain/calendar/calendar.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { SummaryList } from "../components/summary-list/summary-list.js";
import type { ViewContext } from "../components/view.js";
import type { PortalScope } from "../portal/portal-scope.js";
import { siteHeader } from "../portal/site.js";
import { ReportChanges, ReportSummary } from "./change-report-view.js";
import { editionPaths } from "./edition-paths.js";
import { ScopeNotice } from "./scope-notice.js";
import type { PublicItem } from "../../domain/participation/participation.js";
import { ItemList } from "../participation/participation-pages.js";
import { LanguageField } from "../components/form/csrf-field.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { DataTable } from "../components/data-table/data-table.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { SubmitButtons } from "../components/form/submit-buttons.js";
import { NotificationBanner } from "../components/notification-banner/notification-banner.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { LinkedText } from "../components/linked-text/linked-text.js";

/** Text split into paragraphs at blank lines. */
export function Paragraphs(props: {
  text: string;
  lang?: "de" | undefined;
}): JSX.Element {
  return (
    <>
      {props.text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph !== "")
        .map((paragraph) => (
          <p class="app-body-text" lang={props.lang} safe>
            {paragraph}
          </p>
        ))}
    </>
  );
}

/** Links to an edition's documents. */
export function DocumentLinks(props: {
  view: ViewContext;
  slug: string;
  number: number;
}): JSX.Element {
  const { view, slug, number } = props;
  const t = view.t.edition;
  const downloads = [
    { href: editionPaths.docx(slug, number), label: t.downloadDocx },
    { href: editionPaths.pdf(slug, number), label: t.downloadPdf },
    { href: editionPaths.pptx(slug, number), label: t.downloadPptx },
  ];
  return (
    <ul class="app-document-list">
      {downloads.map(({ href, label }) => (
        <li>
          <a class="app-link" href={href} download="" safe>
            {label}
          </a>
        </li>
      ))}
      <li>
        <a
          class="app-link"
          href={view.link(editionPaths.print(slug, number))}
          safe
        >
          {t.printView}
        </a>
      </li>
    </ul>
  );
}

/** The banner after publishing an edition, with the link to its documents; nothing without a notice. */
export function PublishedBanner(props: {
  readonly view: ViewContext;
  readonly notice: string | undefined;
  readonly documentsHref: string;
}): JSX.Element {
  return props.notice === undefined ? (
    ""
  ) : (
    <NotificationBanner title={props.notice}>
      <p class="app-notification-banner__text">
        <a class="app-link" href={props.documentsHref} safe>
          {props.view.t.documents.publishedDocumentsLink}
        </a>
      </p>
    </NotificationBanner>
  );
}

/** An edition's details above its programme: date, decision, note, changes, documents, foreword. */
export function EditionDetails(props: {
  view: ViewContext;
  slug: string;
  edition: Edition;
  previous: EditionSummary | null;
  /** The edition's OParl paper as last synchronised, if cached. */
  oparlPaper?: CachedOparlObject | null;
}): JSX.Element {
  const { view, slug, edition, previous } = props;
  const t = view.t.edition;
  const paperUrl = edition.oparlPaperUrl ?? null;
  const cachedPaper =
    props.oparlPaper !== undefined &&
    props.oparlPaper !== null &&
    props.oparlPaper.url === paperUrl
      ? props.oparlPaper
      : null;
  const paperTitle =
    cachedPaper === null
      ? ""
      : [cachedPaper.reference, cachedPaper.name]
          .filter((part) => part !== null)
          .join(": ");
  const rows = [
    {
      key: t.publishedOn,
      value: <span safe>{formatIsoDateGerman(edition.publishedOn)}</span>,
    },
    ...(edition.councilReference === null && edition.councilUrl === null
      ? []
      : [
          {
            key: t.councilReference,
            value: (
              <LinkedText
                text={edition.councilReference ?? edition.councilUrl ?? ""}
                href={edition.councilUrl}
                lang={view.contentLang}
              />
            ),
          },
        ]),
    ...(paperUrl === null
      ? []
      : [
          {
            key: t.oparlPaper,
            value: (
              <a
                class="app-link"
                href={cachedPaper?.webUrl ?? paperUrl}
                lang={paperTitle === "" ? undefined : "de"}
                safe
              >
                {paperTitle === "" ? paperUrl : paperTitle}
              </a>
            ),
          },
        ]),
    ...(edition.note === null
      ? []
      : [
          {
            key: t.note,
            value: (
              <span lang={view.contentLang} safe>
                {edition.note}
              </span>
            ),
          },
        ]),
    {
      key: t.columnChanges,
      value:
        previous === null ? (
          <span safe>{t.noPrevious}</span>
        ) : (
          <a
            class="app-link"
            href={view.link(editionPaths.changes(slug, edition.number))}
            safe
          >
            {t.changesSince(editionTitleIn(view.lang, previous.title))}
          </a>
        ),
    },
  ];
  return (
    <section
      class="app-edition-details"
      aria-labelledby="fortschreibung-angaben"
    >
      <h2 class="app-visually-hidden" id="fortschreibung-angaben" safe>
        {editionTitleIn(view.lang, edition.title)}
      </h2>
      <SummaryList rows={rows} />
      <h3 class="app-heading-m" safe>
        {t.documentsTitle}
      </h3>
      <DocumentLinks view={view} slug={slug} number={edition.number} />
      {edition.foreword === null ? (
        ""
      ) : (
        <details class="app-details">
          <summary class="app-details__summary" safe>
            {t.foreword}
          </summary>
          <div class="app-details__text">
            <Paragraphs text={edition.foreword} lang={view.contentLang} />
          </div>
        </details>
      )}
    </section>
  );
}

/** The list of all editions. */
export function EditionsListPage(props: {
  view: ViewContext;
  requestUrl: string;
  catalogue: Catalogue;
  editions: readonly EditionSummary[];
}): JSX.Element {
  const { view, catalogue, editions } = props;
  const t = view.t.edition;
  const slug = catalogue.municipality.slug;
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={t.listTitle}
      lead={t.listIntro}
      current="editions"
    >
      <ItemsOrNone items={editions} none={t.noEditions}>
        <DataTable
          id="fortschreibungen"
          caption={t.listCaption}
          columns={[
            t.columnTitle,
            t.columnDate,
            t.columnCouncil,
            t.columnChanges,
            t.columnDocuments,
          ]}
        >
          {editions.map((edition, index) => {
            const previous = index === 0 ? null : (editions[index - 1] ?? null);
            return (
              <tr>
                <th scope="row">
                  <a
                    class="app-link"
                    href={view.link(editionPaths.edition(slug, edition.number))}
                    lang={editionTitleLang(view.lang, edition.title)}
                    safe
                  >
                    {editionTitleIn(view.lang, edition.title)}
                  </a>
                  {edition.isReconstruction ? (
                    <span class="app-tag app-tag--grey" safe>
                      {t.reconstruction}
                    </span>
                  ) : (
                    ""
                  )}
                </th>
                <td safe>{formatIsoDateGerman(edition.publishedOn)}</td>
                <td lang={view.contentLang}>
                  {edition.councilUrl === null ? (
                    <span safe>{edition.councilReference ?? t.rowNone}</span>
                  ) : (
                    <a class="app-link" href={edition.councilUrl} safe>
                      {edition.councilReference ?? edition.councilUrl}
                    </a>
                  )}
                </td>
                <td>
                  {previous === null ? (
                    <span safe>{t.noPrevious}</span>
                  ) : (
                    <a
                      class="app-link"
                      href={view.link(
                        editionPaths.changes(slug, edition.number),
                      )}
                      safe
                    >
                      {t.changesSince(
                        editionTitleIn(view.lang, previous.title),
                      )}
                    </a>
                  )}
                </td>
                <td>
                  <DocumentLinks
                    view={view}
                    slug={slug}
                    number={edition.number}
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </ItemsOrNone>
    </PortalFrame>
  );
}

/** The change report between two editions. */
export function ChangesPage(props: {
  view: ViewContext;
  requestUrl: string;
  report: ChangeReport;
  scope: PortalScope;
  /** The editions the newer one can be compared with (older ones). */
  choices: readonly EditionSummary[];
  /** Published ideas taken up in the newer edition. */
  ideas?: readonly PublicItem[] | undefined;
}): JSX.Element {
  const { view, report, scope } = props;
  const t = view.t.edition;
  const slug = report.municipality.slug;
  const newer = report.to;
  const title =
    newer === null
      ? t.draftChangesTitle(editionTitleIn(view.lang, report.from.title))
      : t.changesTitle(
          editionTitleIn(view.lang, newer.title),
          editionTitleIn(view.lang, report.from.title),
        );
  return (
    <PageLayout
      view={view}
      title={title}
      requestUrl={props.requestUrl}
      site={siteHeader(report.after)}
      breadcrumbs={[
        municipalityCrumb(view, report.municipality),
        { label: t.listTitle, href: view.link(editionPaths.list(slug)) },
        ...(newer === null
          ? []
          : [
              {
                label: editionTitleIn(view.lang, newer.title),
                href: view.link(editionPaths.edition(slug, newer.number)),
                lang: view.contentLang,
              },
            ]),
        { label: t.columnChanges },
      ]}
    >
      <ScopeNotice view={view} scope={scope} />
      <PageHeading title={title} />
      {newer === null || props.choices.length < 2 ? (
        ""
      ) : (
        <form
          class="app-filter"
          method="get"
          action={editionPaths.changes(slug, newer.number)}
        >
          <LanguageField lang={view.lang} />
          <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend" safe>
              {t.sinceLegend}
            </legend>
            <div class="app-form-group">
              <label class="app-label" for="seit" safe>
                {t.sinceLabel}
              </label>
              <select class="app-select" id="seit" name="seit">
                {props.choices.map((choice) => (
                  <option
                    value={String(choice.number)}
                    selected={choice.number === report.from.number}
                    safe
                  >
                    {`${editionTitleIn(view.lang, choice.title)} (${formatIsoDateGerman(choice.publishedOn)})`}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
          <SubmitButtons label={t.sinceSubmit} kind="secondary" />
        </form>
      )}
      <ParagraphLink
        href={view.link(scope.timeline, {
          vergleich: String(report.from.number),
        })}
        text={`${view.t.timelineTitle}: ${t.comparisonHeading(editionTitleIn(view.lang, report.from.title))}`}
      />
      <ReportSummary view={view} report={report} />
      <ReportChanges
        view={view}
        report={report}
        projectHref={(project) =>
          project.slug === "" ? null : view.link(scope.project(project.slug))
        }
        editionTitle={
          newer !== null && newer.number - report.from.number > 1
            ? (number) => editionTitleIn(view.lang, defaultEditionTitle(number))
            : null
        }
      />
      {props.ideas === undefined || props.ideas.length === 0 ? (
        ""
      ) : (
        <section aria-labelledby="uebernommene-ideen">
          <h2 class="app-heading-l" id="uebernommene-ideen" safe>
            {view.t.participation.editionIdeasTitle}
          </h2>
          <ItemList view={view} slug={slug} items={props.ideas} />
        </section>
      )}
    </PageLayout>
  );
}
