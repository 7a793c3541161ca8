/**
 * The accessibility statement of a municipality's portal, in the order of the EU model
 * statement: scope, compliance status, non-accessible content, preparation (method and
 * dates), feedback and contact (with the barrier report form and the answer time), and
 * the conciliation body of the Land. The municipality's own entries are German content.
 */
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import type { AccessibilityStatement } from "../../domain/accessibility/statement.js";
import { readerDay } from "../components/reader-day.js";
import {
  PageLayout,
  type SiteHeader,
} from "../components/page-layout/page-layout.js";
import { DataTable } from "../components/data-table/data-table.js";
import type { ViewContext } from "../components/view.js";
import { accessibilityPaths } from "./accessibility-paths.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";

/** Props of the page. */
export interface StatementPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly site: SiteHeader;
  readonly statement: AccessibilityStatement;
  /** The portal's address (scheme, host and path) for the scope. */
  readonly portalUrl: string;
}

/** The page. */
export function StatementPage(props: StatementPageProps): JSX.Element {
  const { view, statement } = props;
  const t = view.t.accessibility;
  const slug = statement.municipality.slug;
  const name = statement.municipality.name;
  const body = statement.conciliationBody;
  return (
    <PageLayout
      view={view}
      title={t.title}
      requestUrl={props.requestUrl}
      site={props.site}
    >
      <PageHeading title={t.title} lead={t.intro(name)} />

      <h2 class="app-heading-l" safe>
        {t.scopeTitle}
      </h2>
      <p class="app-body-text">
        <span safe>{t.scope(name)}</span>{" "}
        <a class="app-link" href={view.link(statement.scope.portalPath)} safe>
          {props.portalUrl}
        </a>
      </p>

      <h2 class="app-heading-l" safe>
        {t.statusTitle}
      </h2>
      <p class="app-body-text" safe>
        {t.status[statement.status]}
      </p>

      <h2 class="app-heading-l" safe>
        {t.barriersTitle}
      </h2>
      <ItemsOrNone items={statement.barriers} none={t.barriersNone}>
        <DataTable
          caption={t.barriersCaption}
          scrollRegion="barrieren-tabelle"
          columns={[t.columnContent, t.columnReason, t.columnAlternative]}
        >
          {statement.barriers.map((barrier) => (
            <tr>
              <th scope="row" lang={view.contentLang} safe>
                {barrier.content}
              </th>
              <td lang={view.contentLang} safe>
                {barrier.reason}
              </td>
              {barrier.alternative === "" ? (
                <td safe>{t.noAlternative}</td>
              ) : (
                <td lang={view.contentLang} safe>
                  {barrier.alternative}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      </ItemsOrNone>

      <h2 class="app-heading-l" safe>
        {t.preparationTitle}
      </h2>
      <p class="app-body-text" safe>
        {statement.preparedOn === null
          ? t.notYetPrepared
          : t.preparedOn(readerDay(view, statement.preparedOn))}
      </p>
      <p class="app-body-text" safe>
        {t.method(
          name,
          statement.assessment.automatedChecksTool,
          readerDay(view, statement.assessment.automatedChecksDate),
        )}
      </p>
      {statement.lastReview === null ? (
        ""
      ) : (
        <p class="app-body-text" safe>
          {t.lastReview(readerDay(view, statement.lastReview))}
        </p>
      )}

      <h2 class="app-heading-l" safe>
        {t.feedbackTitle}
      </h2>
      <p class="app-body-text" safe>
        {t.feedbackText}
      </p>
      <ul class="app-list app-list--bullet">
        <li>
          <a
            class="app-link"
            href={view.link(statement.contact.feedbackPath)}
            safe
          >
            {t.feedbackForm}
          </a>
        </li>
        {statement.contact.email === null ? (
          ""
        ) : (
          <li>
            <span safe>{`${t.contactEmail}: `}</span>
            <a class="app-link" href={`mailto:${statement.contact.email}`} safe>
              {statement.contact.email}
            </a>
          </li>
        )}
        {statement.contact.phone === null ? (
          ""
        ) : (
          <li safe>{`${t.contactPhone}: ${statement.contact.phone}`}</li>
        )}
        {statement.contact.address === null ? (
          ""
        ) : (
          <li>
            <span safe>{`${t.contactAddress}: `}</span>
            <span lang={view.contentLang} safe>
              {statement.contact.address.replaceAll("\n", ", ")}
            </span>
          </li>
        )}
      </ul>
      <p class="app-body-text" safe>
        {t.answerTime(statement.answerTimeMonths)}
      </p>

      <h2 class="app-heading-l" safe>
        {t.enforcementTitle}
      </h2>
      {body === null ? (
        <p class="app-body-text" safe>
          {t.enforcementUnknown}
        </p>
      ) : (
        <>
          <p class="app-body-text" safe>
            {t.enforcementText}
          </p>
          <address class="app-body-text app-address" lang={view.contentLang}>
            <span safe>{body.name}</span>
            {(body.address ?? "")
              .split("\n")
              .filter((line) => line !== "")
              .map((line) => (
                <>
                  <br />
                  <span safe>{line}</span>
                </>
              ))}
            <br />
            <a class="app-link" href={body.url} safe>
              {body.url}
            </a>
            {body.email === undefined ? (
              ""
            ) : (
              <>
                <br />
                <a class="app-link" href={`mailto:${body.email}`} safe>
                  {body.email}
                </a>
              </>
            )}
          </address>
        </>
      )}
      <ParagraphLink
        href={accessibilityPaths.statementJson(slug)}
        type="application/json"
        text={t.jsonLink}
      />
    </PageLayout>
  );
}
