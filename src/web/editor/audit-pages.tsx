/**
 * The audit log as pages: the history (Verlauf) of one project, and the whole log of the
 * municipality with a GET filter form (period, person, area, action) and paging.
 */
import { LanguageField } from "../components/form/csrf-field.js";
import type { AuditLogPage } from "../../app/audit/read-audit-log.js";
import { ErrorSummaryIfAny } from "../components/error-summary/error-summary.js";
import {
  SelectField,
  type Choice,
  TextField,
} from "../components/form/controls.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { AuditList } from "./audit-list.js";
import {
  actionLabel,
  auditActorLabel,
  entityTypeLabel,
  presentAuditEvent,
} from "./audit.presenter.js";
import { editorPaths } from "./editor-paths.js";
import type { EditorChrome } from "./editor-view.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { SubmitButtons } from "../components/form/submit-buttons.js";

/** Props of the project history. */
export interface HistoryPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly log: AuditLogPage;
  readonly olderHref: string | null;
  readonly newerHref: string | null;
}

function Paging(props: {
  readonly view: ViewContext;
  readonly olderHref: string | null;
  readonly newerHref: string | null;
}): JSX.Element {
  const t = props.view.t.editor;
  if (props.olderHref === null && props.newerHref === null) return <></>;
  return (
    <nav class="app-pagination" aria-label={t.auditLogTitle}>
      <ul class="app-pagination__list">
        {props.newerHref === null ? (
          ""
        ) : (
          <li>
            <a class="app-link" href={props.newerHref} rel="prev" safe>
              {t.auditNewer}
            </a>
          </li>
        )}
        {props.olderHref === null ? (
          ""
        ) : (
          <li>
            <a class="app-link" href={props.olderHref} rel="next" safe>
              {t.auditOlder}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The history of one project. */
export function HistoryPage(props: HistoryPageProps): JSX.Element {
  const { view, log } = props;
  const t = view.t.editor;
  const project = log.project;
  const label = project === null ? "" : `${project.code} ${project.title}`;
  const slug = log.municipality.slug;
  return (
    <PageLayout
      view={view}
      title={t.historyTitle(label)}
      requestUrl={props.requestUrl}
      {...props.chrome}
      breadcrumbs={[
        { label: t.administration, href: view.link(editorPaths.home(slug)) },
        ...(project === null
          ? []
          : [
              {
                label: project.title,
                href: view.link(editorPaths.project(slug, project.slug)),
                lang: view.contentLang,
              },
            ]),
        { label: t.historyLink },
      ]}
    >
      <PageHeading title={t.historyTitle(label)} lead={t.historyIntro} />
      <ItemsOrNone items={log.events} none={t.auditEmpty}>
        <AuditList
          view={view}
          events={log.events.map((event) => presentAuditEvent(view, event))}
          headingLevel={2}
        />
      </ItemsOrNone>
      <Paging
        view={view}
        olderHref={props.olderHref}
        newerHref={props.newerHref}
      />
      {project === null ? (
        ""
      ) : (
        <ParagraphLink
          href={view.link(editorPaths.project(slug, project.slug))}
          text={t.backToProject}
        />
      )}
    </PageLayout>
  );
}

/** The filter as typed (dates as the person wrote them). */
export interface AuditFilterValues {
  readonly von: string;
  readonly bis: string;
  readonly person: string;
  readonly bereich: string;
  readonly aktion: string;
}

/** Props of the whole log. */
export interface AuditLogPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly log: AuditLogPage | null;
  readonly slug: string;
  readonly filter: AuditFilterValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly olderHref: string | null;
  readonly newerHref: string | null;
  /** Links of events to their projects' edit pages, by project id. */
  readonly projectLinks: ReadonlyMap<number, string>;
}

/** The whole log with its filter. */
export function AuditLogPageView(props: AuditLogPageProps): JSX.Element {
  const { view, filter } = props;
  const t = view.t.editor;
  const errorLinks = Object.entries(props.errors).map(([field, text]) => ({
    text,
    href: `#protokoll-${field}`,
  }));
  // Each filter's choices start with "alle", which filters nothing.
  const allOr = (choices: readonly Choice[]): Choice[] => [
    { value: "", label: t.auditAll },
    ...choices,
  ];
  const actionChoices = allOr(
    Object.keys(t.auditActions).map((action) => ({
      value: action,
      label: actionLabel(view, action),
    })),
  );
  const typeChoices = allOr(
    Object.keys(t.auditEntityTypes).map((type) => ({
      value: type,
      label: entityTypeLabel(view, type),
    })),
  );
  const personChoices = allOr(
    (props.log?.actors ?? []).map((actor) => ({
      value: String(actor.userId),
      label: auditActorLabel(view, actor.label),
    })),
  );
  const events = props.log?.events ?? [];
  return (
    <PageLayout
      view={view}
      title={t.auditLogTitle}
      requestUrl={props.requestUrl}
      {...props.chrome}
    >
      <ErrorSummaryIfAny title={t.errorSummaryTitle} links={errorLinks} />
      <PageHeading title={t.auditLogTitle} lead={t.auditLogIntro} />
      <form
        class="app-filter"
        method="get"
        action={view.link(editorPaths.auditLog(props.slug))}
      >
        <LanguageField lang={view.lang} />
        <fieldset class="app-fieldset">
          <legend class="app-fieldset__legend" safe>
            {t.auditFilterLegend}
          </legend>
          <div class="app-filter__fields app-filter__fields--five">
            <TextField
              id="protokoll-von"
              name="von"
              label={t.auditFrom}
              hint={t.auditDateHint}
              value={filter.von}
              error={props.errors.von}
              maxlength={20}
            />
            <TextField
              id="protokoll-bis"
              name="bis"
              label={t.auditUntil}
              hint={t.auditDateHint}
              value={filter.bis}
              error={props.errors.bis}
              maxlength={20}
            />
            <SelectField
              id="protokoll-person"
              name="person"
              label={t.auditPerson}
              value={filter.person}
              choices={personChoices}
            />
            <SelectField
              id="protokoll-bereich"
              name="bereich"
              label={t.auditEntityType}
              value={filter.bereich}
              choices={typeChoices}
            />
            <SelectField
              id="protokoll-aktion"
              name="aktion"
              label={t.auditAction}
              value={filter.aktion}
              choices={actionChoices}
            />
          </div>
          <SubmitButtons label={t.auditFilterSubmit}>
            <a
              class="app-link"
              href={view.link(editorPaths.auditLog(props.slug))}
              safe
            >
              {t.auditFilterReset}
            </a>
          </SubmitButtons>
        </fieldset>
      </form>
      <ItemsOrNone items={events} none={t.auditEmpty}>
        <AuditList
          view={view}
          events={events.map((event) => presentAuditEvent(view, event))}
          headingLevel={2}
          linkOf={(event) => {
            const href =
              event.projectId === null
                ? undefined
                : props.projectLinks.get(event.projectId);
            return href === undefined
              ? null
              : { href, label: t.auditProjectLink };
          }}
        />
      </ItemsOrNone>
      <Paging
        view={view}
        olderHref={props.olderHref}
        newerHref={props.newerHref}
      />
    </PageLayout>
  );
}
