/**
 * The operators' pages (/betrieb/): the municipalities of the installation with their
 * state, searchable and paginated, and the installation's audit log. Plain GET forms
 * and links: everything works without JavaScript.
 */
import {
  readerDay,
  readerDayOf,
  readerMoment,
} from "../components/reader-day.js";
import { PageStepLink } from "../components/pagination/page-step-link.js";
import { RecordTable } from "../components/table-head/table-head.js";
import { SearchForm } from "../components/search-form/search-form.js";
import type {
  InstanceAuditLogPage,
  MunicipalityOverview,
} from "../../app/operations/operators.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { Children } from "@kitajs/html";
import type { Crumb } from "../components/breadcrumbs/breadcrumbs.js";
import { FailedFormSummary } from "../components/error-summary/failed-form-summary.js";
import type { FailedForm } from "../components/form/failed-form.js";
import type { ViewContext } from "../components/view.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";

/** The paths of the operators' pages. */
export const operationsPaths = {
  home: (): string => "/betrieb/",
  auditLog: (): string => "/betrieb/protokoll",
  createMunicipality: (): string => "/betrieb/kommune-anlegen",
  municipality: (slug: string): string =>
    `/betrieb/kommunen/${encodeURIComponent(slug)}`,
  invite: (slug: string): string =>
    `/betrieb/kommunen/${encodeURIComponent(slug)}/einladung`,
  deactivate: (slug: string): string =>
    `/betrieb/kommunen/${encodeURIComponent(slug)}/deaktivieren`,
  reactivate: (slug: string): string =>
    `/betrieb/kommunen/${encodeURIComponent(slug)}/reaktivieren`,
};

/** The route patterns of the operators' pages of one municipality. */
export const OPERATIONS_ROUTES = {
  municipality: "/betrieb/kommunen/:slug",
  invite: "/betrieb/kommunen/:slug/einladung",
  deactivate: "/betrieb/kommunen/:slug/deaktivieren",
  reactivate: "/betrieb/kommunen/:slug/reaktivieren",
} as const;

/** What every page of the operators' area is drawn with. */
export interface OperationsFrame {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly account: AccountBarProps | undefined;
}

/**
 * An operators' page: the layout with the operator's account bar, the breadcrumbs from
 * the overview (the overview itself has none), the error summary of a failed form, the
 * banner the page gives after a save, and the heading with its intro.
 */
export function OperationsPage(
  props: OperationsFrame & {
    readonly title: string;
    readonly intro: string;
    /** The breadcrumbs after the overview; none on the overview itself. */
    readonly trail?: readonly Crumb[] | undefined;
    readonly failed?: FailedForm | undefined;
    readonly banner?: JSX.Element | undefined;
    readonly children?: Children;
  },
): JSX.Element {
  const { view } = props;
  // Markup the page built with JSX (its text escaped there), not a raw string.
  const safeBanner = props.banner ?? "";
  return (
    <PageLayout
      view={view}
      title={props.title}
      requestUrl={props.requestUrl}
      account={props.account}
      breadcrumbs={
        props.trail === undefined
          ? undefined
          : [
              {
                label: view.t.operations.title,
                href: view.link(operationsPaths.home()),
              },
              ...props.trail,
            ]
      }
    >
      <FailedFormSummary
        title={view.t.operations.problemTitle}
        failed={props.failed}
      />
      {safeBanner}
      <PageHeading title={props.title} intro={props.intro} />
      {props.children}
    </PageLayout>
  );
}

function Pagination(props: {
  readonly view: ViewContext;
  readonly page: number;
  readonly pageCount: number;
  readonly href: (page: number) => string;
}): JSX.Element {
  const t = props.view.t.operations;
  if (props.pageCount <= 1) return <></>;
  return (
    <nav class="app-pagination" aria-label={t.pagination}>
      <ul class="app-account-bar__links">
        <PageStepLink
          rel="prev"
          href={props.page > 1 ? props.href(props.page - 1) : null}
          text={t.previous}
        />
        <li safe>{t.pageOf(props.page, props.pageCount)}</li>
        <PageStepLink
          rel="next"
          href={
            props.page < props.pageCount ? props.href(props.page + 1) : null
          }
          text={t.next}
        />
      </ul>
    </nav>
  );
}

/** /betrieb/: the municipalities and their state. */
export function OperationsHomePage(
  props: OperationsFrame & { readonly overview: MunicipalityOverview },
): JSX.Element {
  const { view, overview } = props;
  const t = view.t.operations;
  const pageHref = (page: number): string =>
    view.link(operationsPaths.home(), {
      ...(overview.search === "" ? {} : { q: overview.search }),
      seite: String(page),
    });
  return (
    <OperationsPage {...props} title={t.municipalitiesTitle} intro={t.intro}>
      <ParagraphLink
        href={view.link(operationsPaths.createMunicipality())}
        text={t.createLink}
        kind="button"
      />
      <ParagraphLink
        href={view.link(operationsPaths.auditLog())}
        text={t.auditLogLink}
      />
      <SearchForm
        view={view}
        action={operationsPaths.home()}
        query={overview.search}
        id="betrieb"
        label={t.searchLabel}
        submit={t.searchButton}
        maxlength={100}
      />
      <p class="app-body-text" role="status" safe>
        {t.resultCount(overview.total, overview.search)}
      </p>
      <ItemsOrNone items={overview.items} none={t.noMunicipalities}>
        <RecordTable
          caption={t.caption}
          columns={[
            t.municipality,
            t.status,
            t.state,
            t.programme,
            t.catalogueSize,
            t.editions,
            t.lastReport,
            t.users,
          ]}
        >
          {overview.items.map((item) => (
            <tr>
              <th scope="row">
                <a
                  class="app-link"
                  href={view.link(operationsPaths.municipality(item.slug))}
                  safe
                >
                  {item.name}
                </a>{" "}
                <span class="app-hint" safe>
                  ({item.slug})
                </span>
              </th>
              <td safe>{item.isActive ? t.active : t.deactivated}</td>
              <td safe>{item.state ?? t.none}</td>
              <td safe>{item.programmeTitle ?? t.noProgramme}</td>
              <td safe>{`${item.projectCount} / ${item.measureCount}`}</td>
              <td safe>
                {t.editionsValue(
                  item.editionCount,
                  item.lastEditionOn === null
                    ? null
                    : readerDay(view, item.lastEditionOn),
                )}
              </td>
              <td safe>
                {item.lastReportAt === null
                  ? t.none
                  : readerDayOf(view, item.lastReportAt)}
              </td>
              <td safe>{String(item.userCount)}</td>
            </tr>
          ))}
        </RecordTable>
      </ItemsOrNone>
      <Pagination
        view={view}
        page={overview.page}
        pageCount={overview.pageCount}
        href={pageHref}
      />
    </OperationsPage>
  );
}

/** /betrieb/protokoll: the installation's audit log. */
export function OperationsAuditLogPage(
  props: OperationsFrame & { readonly log: InstanceAuditLogPage },
): JSX.Element {
  const { view, log } = props;
  const t = view.t.operations;
  const pageHref = (page: number): string =>
    view.link(operationsPaths.auditLog(), {
      ...(log.instanceOnly ? { "nur-betrieb": "1" } : {}),
      seite: String(page),
    });
  return (
    <OperationsPage
      {...props}
      title={t.auditLogTitle}
      intro={t.auditLogIntro}
      trail={[{ label: t.auditLogTitle }]}
    >
      {log.instanceOnly ? (
        <ParagraphLink
          href={view.link(operationsPaths.auditLog())}
          text={t.allEvents}
        />
      ) : (
        <ParagraphLink
          href={view.link(operationsPaths.auditLog(), { "nur-betrieb": "1" })}
          text={t.instanceOnly}
        />
      )}
      <ItemsOrNone items={log.items} none={t.noEvents}>
        <RecordTable
          caption={t.auditLogCaption}
          columns={[
            t.at,
            t.municipality,
            t.actor,
            t.action,
            t.entity,
            t.address,
          ]}
        >
          {log.items.map((event) => (
            <tr>
              <td safe>{readerMoment(view, event.at)}</td>
              <td safe>{event.municipalitySlug ?? t.instance}</td>
              <td safe>{event.actorLabel}</td>
              <td>
                <code safe>{event.action}</code>
              </td>
              <td safe>{event.entityLabel ?? event.entityType}</td>
              <td safe>{event.ip ?? t.none}</td>
            </tr>
          ))}
        </RecordTable>
      </ItemsOrNone>
      <Pagination
        view={view}
        page={log.page}
        pageCount={log.pageCount}
        href={pageHref}
      />
    </OperationsPage>
  );
}
