/**
 * The open data page (/{kommune}/offene-daten): every dataset with its downloads in three
 * formats, its Stand and its data dictionary, the licence and how to credit the data; and
 * one data dictionary page per dataset (field, meaning, type, example). Plain links and
 * tables: everything works without JavaScript.
 */
import { PortalFrame, type PortalPageProps } from "../portal/portal-frame.js";
import { readerDay } from "../components/reader-day.js";
import type { DatasetTable } from "../../app/open-data/datasets.js";
import type { Licence } from "../../domain/open-data/licences.js";
import {
  FIELD_TYPE_LABELS,
  OPEN_DATA_FORMATS,
  type OpenDataFormat,
} from "../../exports/open-data/dataset-files.js";
import type { ViewContext } from "../components/view.js";
import { subscriptionPaths } from "../../app/open-data/subscriptions.js";
import { FOLLOW_ANCHOR, openDataPaths } from "./open-data-paths.js";
import { DataTable } from "../components/data-table/data-table.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";

/** What the open data page shows. */
export interface OpenDataPageProps extends PortalPageProps {
  readonly licence: Licence;
  readonly attribution: string;
  readonly tables: readonly DatasetTable[];
  /** Whether following by e-mail is offered (mail is configured). */
  readonly canFollowByMail?: boolean;
}

/** A dataset's title or description in the page's language. */
function inPageLanguage(
  view: ViewContext,
  text: { readonly de: string; readonly en: string },
): string {
  return view.lang === "de" ? text.de : text.en;
}

/** A dataset's Stand (or that it has no data yet) and its number of rows. */
function datasetStand(view: ViewContext, table: DatasetTable): string {
  const t = view.t.openData;
  const stand =
    table.modified === null
      ? t.noData
      : t.asOf(readerDay(view, table.modified));
  return `${stand} · ${t.rowCount(table.rows.length)}`;
}

function Downloads(props: {
  readonly view: ViewContext;
  readonly slug: string;
  readonly table: DatasetTable;
}): JSX.Element {
  const { view, slug, table } = props;
  const t = view.t.openData;
  const title = inPageLanguage(view, table.definition.title);
  const label: Record<OpenDataFormat, string> = {
    csv: t.downloadCsv,
    xlsx: t.downloadXlsx,
    json: t.downloadJson,
  };
  return (
    <ul class="app-download-list">
      {OPEN_DATA_FORMATS.map((format) => (
        <li>
          <a
            class="app-link"
            href={openDataPaths.file(slug, table.definition.key, format)}
            aria-label={t.downloadLabel(label[format], title)}
            download=""
            safe
          >
            {label[format]}
          </a>
        </li>
      ))}
    </ul>
  );
}

function LicenceNote(props: {
  readonly view: ViewContext;
  readonly licence: Licence;
  readonly attribution: string;
}): JSX.Element {
  const t = props.view.t.openData;
  return (
    <>
      <p class="app-body-text">
        <span safe>{t.licenceText}</span>{" "}
        <a class="app-link" href={props.licence.url} lang="de" safe>
          {props.licence.name}
        </a>
        .
      </p>
      <p class="app-body-text">
        <span safe>{t.attributionText}</span>{" "}
        <q lang="de" safe>
          {props.attribution}
        </q>
      </p>
    </>
  );
}

/** The open data page. */
export function OpenDataPage(props: OpenDataPageProps): JSX.Element {
  const { view, catalogue } = props;
  const t = view.t.openData;
  const slug = catalogue.municipality.slug;
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={t.title}
      lead={t.lead(catalogue.municipality.name)}
    >
      <p class="app-body-text" safe>
        {t.onlyPublished}
      </p>
      <h2 class="app-heading-l" safe>
        {t.datasetsTitle}
      </h2>
      <ul class="app-card-list">
        {props.tables.map((table) => {
          const title = inPageLanguage(view, table.definition.title);
          const id = `datensatz-${table.definition.key}`;
          return (
            <li class="app-card-list__item">
              <section aria-labelledby={id}>
                <h3 class="app-heading-m" id={id} safe>
                  {title}
                </h3>
                <p class="app-body-text" safe>
                  {inPageLanguage(view, table.definition.description)}
                </p>
                <p class="app-card-list__meta" safe>
                  {datasetStand(view, table)}
                </p>
                <Downloads view={view} slug={slug} table={table} />
                <ParagraphLink
                  href={view.link(
                    openDataPaths.dictionary(slug, table.definition.key),
                  )}
                  ariaLabel={t.dictionaryLinkLabel(title)}
                  text={t.dictionaryLink}
                />
              </section>
            </li>
          );
        })}
      </ul>
      <h2 class="app-heading-l" safe>
        {t.licenceTitle}
      </h2>
      <LicenceNote
        view={view}
        licence={props.licence}
        attribution={props.attribution}
      />
      <h2 class="app-heading-l" safe>
        {t.formatsTitle}
      </h2>
      <ul class="app-body-text">
        <li safe>{t.formatsCsv}</li>
        <li safe>{t.formatsXlsx}</li>
        <li safe>{t.formatsJson}</li>
      </ul>
      <h2 class="app-heading-l" id={FOLLOW_ANCHOR} safe>
        {view.t.subscriptions.followTitle}
      </h2>
      <p class="app-body-text" safe>
        {view.t.subscriptions.followIntro}
      </p>
      <ul class="app-body-text">
        <li>
          <a
            class="app-link"
            href={openDataPaths.feed(slug)}
            type="application/atom+xml"
            safe
          >
            {t.followMunicipality}
          </a>
        </li>
        {props.canFollowByMail === true ? (
          <li>
            <a
              class="app-link"
              href={view.link(subscriptionPaths.page(slug))}
              safe
            >
              {view.t.subscriptions.followLink}
            </a>
          </li>
        ) : (
          ""
        )}
      </ul>
      <h2 class="app-heading-l" safe>
        {t.machineTitle}
      </h2>
      <ul class="app-body-text">
        <li>
          <a class="app-link" href="/api/openapi.json" safe>
            {t.apiLink}
          </a>
        </li>
        {(
          [
            ["ttl", "Turtle"],
            ["rdf", "RDF/XML"],
            ["jsonld", "JSON-LD"],
          ] as const
        ).map(([extension, label]) => (
          <li>
            <a class="app-link" href={openDataPaths.dcat(slug, extension)} safe>
              {t.dcatLink(label)}
            </a>
          </li>
        ))}
      </ul>
    </PortalFrame>
  );
}

/** The data dictionary of one dataset. */
export function DictionaryPage(
  props: OpenDataPageProps & { readonly table: DatasetTable },
): JSX.Element {
  const { view, catalogue, table } = props;
  const t = view.t.openData;
  const slug = catalogue.municipality.slug;
  const title = inPageLanguage(view, table.definition.title);
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={t.dictionaryTitle(title)}
      trail={[
        { label: t.title, href: view.link(openDataPaths.page(slug)) },
        { label: title },
      ]}
      lead={inPageLanguage(view, table.definition.description)}
    >
      <p class="app-body-text" safe>
        {datasetStand(view, table)}
      </p>
      <Downloads view={view} slug={slug} table={table} />
      <DataTable
        caption={t.dictionaryCaption}
        columns={[
          t.columnField,
          t.columnMeaning,
          t.columnType,
          t.columnExample,
        ]}
      >
        {table.definition.fields.map((field) => (
          <tr>
            <th scope="row">
              <code safe>{field.name}</code>
            </th>
            <td lang={view.contentLang} safe>
              {field.meaning}
            </td>
            <td safe>{FIELD_TYPE_LABELS[field.type][view.lang]}</td>
            <td lang={view.contentLang}>
              <code safe>{field.example}</code>
            </td>
          </tr>
        ))}
      </DataTable>
      <LicenceNote
        view={view}
        licence={props.licence}
        attribution={props.attribution}
      />
      <ParagraphLink
        href={view.link(openDataPaths.page(slug))}
        text={t.backToOpenData}
      />
    </PortalFrame>
  );
}
