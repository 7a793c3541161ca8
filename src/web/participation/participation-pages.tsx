/**
 * The pages of participation (ADR 0023): the public list and item pages with status and
 * history, the forms for ideas and barrier reports with what is stored and for how long,
 * the submitter's page (status, withdraw), and the staff queue, moderation and settings.
 * Everything works without JavaScript.
 */
import { readerMoment } from "../components/reader-day.js";
import { TableHead } from "../components/table-head/table-head.js";
import type {
  QueueItem,
  ParticipationSettings,
} from "../../app/participation/participation.js";
import { participationPaths } from "../../app/participation/participation.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import {
  BODY_MAX,
  BODY_MIN,
  DECISION_STATUSES,
  ITEM_KINDS,
  ITEM_STATUSES,
  PARTICIPATION_MODES,
  type PublicItem,
} from "../../domain/participation/participation.js";
import { FailedFormSummary } from "../components/error-summary/failed-form-summary.js";
import {
  Checkbox,
  type Choice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../components/form/controls.js";
import { CsrfField, LanguageField } from "../components/form/csrf-field.js";
import { HoneypotField } from "../http/honeypot.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { schemaFields } from "../components/form/schema-fields.js";
import {
  NoticeBanner,
  NotificationBanner,
} from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { StaffFormPage } from "../components/form/staff-form-page.js";
import { DetailRow } from "../components/summary-list/detail-row.js";
import type { ViewContext } from "../components/view.js";
import type { EditorChrome } from "../editor/editor-view.js";
import { paths } from "../portal/paths.js";
import { PortalFrame, type PortalPageProps } from "../portal/portal-frame.js";
import {
  BarrierBody,
  ModerationBody,
  ParticipationSettingsBody,
  SubmissionBody,
} from "./participation-forms.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { SubmitForm } from "../components/form/submit-form.js";
import type { StaffFormProps } from "../editor/form-frame.js";

/**
 * The choices of a select that may stay empty: the empty choice first, then entries of
 * catalogue content, marked with the content's language.
 */
function contentChoices(
  view: ViewContext,
  none: string,
  entries: readonly { readonly value: string; readonly label: string }[],
): Choice[] {
  return [
    { value: "", label: none },
    ...entries.map((entry) => ({ ...entry, lang: view.contentLang })),
  ];
}

/** The municipality's org units as choices. */
function orgUnitChoices(
  catalogue: Catalogue,
): { readonly value: string; readonly label: string }[] {
  return catalogue.orgUnits.map((unit) => ({
    value: unit.code,
    label: unit.name,
  }));
}

function projectTitle(catalogue: Catalogue, slug: string): string {
  return (
    listProjects(catalogue).find((entry) => entry.project.slug === slug)
      ?.project.title ?? slug
  );
}

/** A link to a project's public page under its title, in the content's language. */
function ProjectLink(props: {
  readonly view: ViewContext;
  readonly catalogue: Catalogue;
  readonly projectSlug: string;
}): JSX.Element {
  const { view, catalogue } = props;
  return (
    <a
      class="app-link"
      href={view.link(
        paths.project(catalogue.municipality.slug, props.projectSlug),
      )}
      lang={view.contentLang}
      safe
    >
      {projectTitle(catalogue, props.projectSlug)}
    </a>
  );
}

/** A link to an item under its title, in the content's language; a withdrawn item says so. */
function ItemLink(props: {
  readonly view: ViewContext;
  readonly path: string;
  readonly title: string | null | undefined;
}): JSX.Element {
  const { view } = props;
  return (
    <a
      class="app-link"
      href={view.link(props.path)}
      lang={view.contentLang}
      safe
    >
      {props.title ?? view.t.participation.withdrawnTitle}
    </a>
  );
}

/** A note of the staff after a dash, in the content's language; nothing without a note. */
function NoteAfterDash(props: {
  readonly view: ViewContext;
  readonly note: string | null;
}): JSX.Element {
  return props.note === null ? (
    ""
  ) : (
    <>
      {" – "}
      <span lang={props.view.contentLang} safe>
        {props.note}
      </span>
    </>
  );
}

/**
 * The mark of an item past its due day, after a space, in the queue and on the item's
 * moderation page alike; nothing for an item in time.
 */
function OverdueTag(props: {
  readonly view: ViewContext;
  readonly isOverdue: boolean;
}): JSX.Element {
  return props.isOverdue ? (
    <>
      {" "}
      <strong class="app-tag app-tag--paused" data-overdue="true" safe>
        {props.view.t.participation.overdue}
      </strong>
    </>
  ) : (
    ""
  );
}

/** Status, decision, links and history of one item. */
export function ItemDetails(props: {
  view: ViewContext;
  catalogue: Catalogue;
  item: PublicItem;
  mergedInto?: PublicItem | null | undefined;
  headingLevel?: 2 | 3;
}): JSX.Element {
  const { view, catalogue, item } = props;
  const t = view.t.participation;
  const slug = catalogue.municipality.slug;
  const taken: JSX.Element[] = [];
  if (item.link.projectSlug !== null)
    taken.push(
      <ProjectLink
        view={view}
        catalogue={catalogue}
        projectSlug={item.link.projectSlug}
      />,
    );
  if (item.link.measureTitle !== null)
    taken.push(
      <span>
        <span safe>{`${t.measure}: `}</span>
        <span lang={view.contentLang} safe>
          {item.link.measureTitle}
        </span>
      </span>,
    );
  if (item.link.editionNumber !== null)
    taken.push(<span safe>{t.edition(item.link.editionNumber)}</span>);
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <>
      <dl class="app-summary-list">
        <DetailRow label={t.statusColumn}>
          <strong class="app-tag" data-status={item.status} safe>
            {t.status[item.status]}
          </strong>
        </DetailRow>
        <DetailRow label={t.kindColumn} text={t.kind[item.kind]} />
        <DetailRow
          label={t.submittedOn}
          text={readerMoment(view, item.createdAt)}
        />
        {item.projectSlug === null ? (
          ""
        ) : (
          <DetailRow label={t.concernsProject}>
            <ProjectLink
              view={view}
              catalogue={catalogue}
              projectSlug={item.projectSlug}
            />
          </DetailRow>
        )}
        {item.decisionNote === null ? (
          ""
        ) : (
          <DetailRow
            label={t.reason}
            text={item.decisionNote}
            lang={view.contentLang}
          />
        )}
        {taken.length === 0 ? (
          ""
        ) : (
          <DetailRow label={t.takenUpIn}>
            {taken.map((each, index) => (
              <>
                {index === 0 ? "" : "; "}
                {each}
              </>
            ))}
          </DetailRow>
        )}
        {props.mergedInto === null || props.mergedInto === undefined ? (
          ""
        ) : (
          <DetailRow label={t.mergedWith}>
            <ItemLink
              view={view}
              path={participationPaths.item(slug, props.mergedInto.id)}
              title={props.mergedInto.title}
            />
          </DetailRow>
        )}
      </dl>
      {item.body === null ? (
        <p class="app-body-text" safe>
          {t.withdrawnText}
        </p>
      ) : (
        <p class="app-body-text" lang={view.contentLang} safe>
          {item.body}
        </p>
      )}
      <Heading class="app-heading-s" safe>
        {t.history}
      </Heading>
      <ol class="app-list">
        {item.history.map((step) => (
          <li>
            <span safe>{readerMoment(view, step.at)}</span>
            {": "}
            <strong safe>{t.status[step.status]}</strong>
            <NoteAfterDash view={view} note={step.note} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** A short list of items linking to their pages. */
export function ItemList(props: {
  view: ViewContext;
  slug: string;
  items: readonly PublicItem[];
}): JSX.Element {
  const t = props.view.t.participation;
  return (
    <ul class="app-list">
      {props.items.map((item) => (
        <li>
          <ItemLink
            view={props.view}
            path={participationPaths.item(props.slug, item.id)}
            title={item.title}
          />{" "}
          <span class="app-tag" data-status={item.status} safe>
            {t.status[item.status]}
          </span>
          <NoteAfterDash view={props.view} note={item.decisionNote} />
        </li>
      ))}
    </ul>
  );
}

/** The public list. */
export function ItemListPage(
  props: PortalPageProps & {
    items: readonly PublicItem[];
    isOpen: boolean;
  },
): JSX.Element {
  const { view, catalogue } = props;
  const t = view.t.participation;
  const slug = catalogue.municipality.slug;
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={t.listTitle}
      lead={t.listLead(catalogue.municipality.name)}
    >
      {props.isOpen ? (
        <ParagraphLink
          href={view.link(participationPaths.form(slug))}
          text={t.submitLink}
          kind="button"
        />
      ) : (
        ""
      )}
      <ItemsOrNone items={props.items} none={t.noItems}>
        <ItemList view={view} slug={slug} items={props.items} />
      </ItemsOrNone>
    </PortalFrame>
  );
}

/** One published item. */
export function ItemPage(
  props: PortalPageProps & {
    item: PublicItem;
    mergedInto: PublicItem | null;
  },
): JSX.Element {
  const { view, catalogue, item } = props;
  const t = view.t.participation;
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={`${t.kind[item.kind]}: ${item.title ?? t.withdrawnTitle}`}
      parent={{
        label: t.listTitle,
        href: view.link(participationPaths.list(catalogue.municipality.slug)),
      }}
    >
      <ItemDetails
        view={view}
        catalogue={catalogue}
        item={item}
        mergedInto={props.mergedInto}
      />
    </PortalFrame>
  );
}

/** The form for an idea or feedback, or (barrier) for a barrier report. */
export function SubmissionPage(
  props: PortalPageProps & {
    csrfToken: string;
    kind: "general" | "barrier";
    projects: readonly { slug: string; title: string }[];
    retentionDays: number;
    preselectedProject?: string | undefined;
    failed?: FailedForm | undefined;
    limitMessage?: string | undefined;
  },
): JSX.Element {
  const { view, catalogue, failed } = props;
  const t = view.t.participation;
  const slug = catalogue.municipality.slug;
  const isBarrier = props.kind === "barrier";
  const field = schemaFields(isBarrier ? BarrierBody : SubmissionBody, failed);
  // Kind and project belong to the general form only.
  const generalField = schemaFields(SubmissionBody, failed);
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={isBarrier ? t.barrierTitle : t.formTitle}
      parent={
        isBarrier
          ? undefined
          : {
              label: t.listTitle,
              href: view.link(participationPaths.list(slug)),
            }
      }
    >
      <FailedFormSummary title={view.t.identity.problemTitle} failed={failed} />
      {props.limitMessage === undefined ? (
        ""
      ) : (
        <div class="app-error-summary" role="alert" tabindex="-1">
          <h2 class="app-error-summary__title" safe>
            {t.limitTitle}
          </h2>
          <p class="app-body-text" safe>
            {props.limitMessage}
          </p>
        </div>
      )}
      {isBarrier ? (
        <p class="app-lead" safe>
          {t.barrierLead}
        </p>
      ) : (
        ""
      )}
      <form
        method="post"
        action={view.link(
          isBarrier
            ? participationPaths.barrier(slug)
            : participationPaths.form(slug),
        )}
        novalidate
      >
        <CsrfField token={props.csrfToken} />
        <LanguageField lang={view.lang} />
        {isBarrier ? (
          ""
        ) : (
          <RadioGroup
            {...generalField("art", "idea")}
            label={t.fieldKind}
            choices={(["idea", "feedback"] as const).map((kind) => ({
              value: kind,
              label: t.kind[kind],
            }))}
            inline
          />
        )}
        <TextField {...field("titel")} label={t.fieldTitle} />
        <TextArea
          {...field("text")}
          label={t.fieldText}
          hint={t.fieldTextHint(BODY_MIN, BODY_MAX)}
          rows={8}
        />
        {isBarrier ? (
          ""
        ) : (
          <SelectField
            {...generalField("projekt", props.preselectedProject)}
            label={t.fieldProject}
            choices={contentChoices(
              view,
              t.noProject,
              props.projects.map((project) => ({
                value: project.slug,
                label: project.title,
              })),
            )}
          />
        )}
        <TextField
          {...field("email")}
          type="email"
          label={t.fieldEmail}
          hint={t.fieldEmailHint}
          autocomplete="email"
          spellcheck={false}
        />
        <HoneypotField label={t.honeypot} />
        <h2 class="app-heading-m" safe>
          {t.privacyTitle}
        </h2>
        <p class="app-body-text" id="datenschutz" safe>
          {t.privacyText(props.retentionDays)}
        </p>
        <button class="app-button" type="submit" safe>
          {t.submit}
        </button>
      </form>
    </PortalFrame>
  );
}

/** The submitter's page: status, and the button to withdraw. */
export function SubmitterPage(
  props: PortalPageProps & {
    csrfToken: string;
    token: string;
    item: PublicItem;
    isNew: boolean;
    confirmationSent: boolean;
  },
): JSX.Element {
  const { view, catalogue, item } = props;
  const t = view.t.participation;
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={props.isNew ? t.receivedTitle : t.yourItem}
      lead={props.isNew ? t.receivedText : undefined}
    >
      {props.confirmationSent ? (
        <NotificationBanner title={t.confirmationSent} />
      ) : (
        ""
      )}
      <h2 class="app-heading-m" lang={view.contentLang} safe>
        {item.title ?? t.withdrawnTitle}
      </h2>
      <ItemDetails
        view={view}
        catalogue={catalogue}
        item={item}
        headingLevel={3}
      />
      {item.status === "withdrawn" ? (
        ""
      ) : (
        <form
          method="post"
          action={view.link(
            participationPaths.withdraw(
              catalogue.municipality.slug,
              props.token,
            ),
          )}
        >
          <CsrfField token={props.csrfToken} />
          <LanguageField lang={view.lang} />
          <button class="app-button app-button--warning" type="submit" safe>
            {t.withdrawButton}
          </button>
        </form>
      )}
    </PortalFrame>
  );
}

/** The staff queue. */
export function QueuePage(props: {
  view: ViewContext;
  requestUrl: string;
  chrome: EditorChrome;
  catalogue: Catalogue;
  items: readonly QueueItem[];
  filter: {
    kind: string;
    status: string;
    orgUnit: string;
    overdue: boolean;
  };
}): JSX.Element {
  const { view, catalogue } = props;
  const t = view.t.participation;
  const slug = catalogue.municipality.slug;
  const units = new Map(
    catalogue.orgUnits.map((unit) => [unit.code, unit.name]),
  );
  return (
    <PageLayout
      view={view}
      title={t.queueTitle}
      requestUrl={props.requestUrl}
      {...props.chrome}
    >
      <PageHeading title={t.queueTitle} />
      <form method="get" action={participationPaths.queue(slug)}>
        <LanguageField lang={view.lang} />
        <SelectField
          id="art"
          name="art"
          label={t.kindColumn}
          value={props.filter.kind}
          choices={[
            { value: "", label: t.all },
            ...ITEM_KINDS.map((kind) => ({ value: kind, label: t.kind[kind] })),
          ]}
        />
        <SelectField
          id="status"
          name="status"
          label={t.statusColumn}
          value={props.filter.status}
          choices={[
            { value: "", label: t.all },
            ...ITEM_STATUSES.map((status) => ({
              value: status,
              label: t.status[status],
            })),
          ]}
        />
        <SelectField
          id="organisationseinheit"
          name="organisationseinheit"
          label={t.assignedTo}
          value={props.filter.orgUnit}
          choices={contentChoices(view, t.all, orgUnitChoices(catalogue))}
        />
        <Checkbox
          id="ueberfaellig"
          name="ueberfaellig"
          label={t.overdueOnly}
          checked={props.filter.overdue}
        />
        <button class="app-button app-button--secondary" type="submit" safe>
          {t.filter}
        </button>
      </form>
      <div
        class="app-table-wrapper"
        tabindex="0"
        role="region"
        aria-label={t.queueTitle}
      >
        <table class="app-table">
          <TableHead
            columns={[
              t.titleColumn,
              t.kindColumn,
              t.statusColumn,
              t.age,
              t.dueOn,
              t.assignedTo,
            ]}
          />
          <tbody>
            {props.items.map((entry) => (
              <tr data-item={String(entry.item.id)}>
                <td>
                  <ItemLink
                    view={view}
                    path={participationPaths.queueItem(slug, entry.item.id)}
                    title={entry.item.title}
                  />{" "}
                  <span class="app-hint" safe>
                    {`(${entry.isPublished ? t.published : t.unpublished})`}
                  </span>
                </td>
                <td safe>{t.kind[entry.item.kind]}</td>
                <td safe>{t.status[entry.item.status]}</td>
                <td safe>{t.days(entry.ageDays)}</td>
                <td>
                  <span safe>{readerMoment(view, entry.dueAt)}</span>
                  <OverdueTag view={view} isOverdue={entry.isOverdue} />
                </td>
                <td
                  lang={
                    entry.orgUnitCode === null ? undefined : view.contentLang
                  }
                  safe
                >
                  {entry.orgUnitCode === null
                    ? t.nobody
                    : (units.get(entry.orgUnitCode) ?? entry.orgUnitCode)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PageLayout>
  );
}

/** One item for staff, with the moderation form for administrators. */
export function ModerationPage(props: {
  view: ViewContext;
  requestUrl: string;
  chrome: EditorChrome;
  catalogue: Catalogue;
  entry: QueueItem;
  editions: readonly number[];
  others: readonly { id: number; title: string }[];
  canModerate: boolean;
  csrfToken: string;
  notice?: string | undefined;
  failed?: FailedForm | undefined;
}): JSX.Element {
  const { view, catalogue, entry, failed } = props;
  const t = view.t.participation;
  const slug = catalogue.municipality.slug;
  const item = entry.item;
  const field = schemaFields(ModerationBody, failed);
  const title = `${t.moderationTitle}: ${item.title ?? t.withdrawnTitle}`;
  return (
    <PageLayout
      view={view}
      title={title}
      requestUrl={props.requestUrl}
      {...props.chrome}
    >
      <FailedFormSummary title={view.t.identity.problemTitle} failed={failed} />
      <NoticeBanner notice={props.notice} />
      <PageHeading title={title} />
      <p class="app-body-text">
        <span
          safe
        >{`${t.age}: ${t.days(entry.ageDays)} · ${t.dueOn} ${readerMoment(view, entry.dueAt)}`}</span>
        <OverdueTag view={view} isOverdue={entry.isOverdue} />
      </p>
      <ItemDetails view={view} catalogue={catalogue} item={item} />
      {props.canModerate && item.status !== "withdrawn" ? (
        <form
          method="post"
          action={participationPaths.queueItem(slug, item.id)}
          novalidate
        >
          <h2 class="app-heading-m" safe>
            {t.decision}
          </h2>
          <CsrfField token={props.csrfToken} />
          <LanguageField lang={view.lang} />
          <input type="hidden" name="version" value={String(entry.version)} />
          <Checkbox
            id="veroeffentlichen"
            name="veroeffentlichen"
            label={t.publishLabel}
            checked={
              failed === undefined
                ? entry.isPublished
                : failed.values.veroeffentlichen === "ja"
            }
          />
          <SelectField
            {...field("status", item.status)}
            label={t.statusColumn}
            choices={[
              item.status,
              ...DECISION_STATUSES.filter((s) => s !== item.status),
            ].map((status) => ({ value: status, label: t.status[status] }))}
          />
          <TextArea {...field("begruendung")} label={t.reason} rows={3} />
          <SelectField
            {...field("projekt", item.link.projectSlug ?? "")}
            label={t.linkProject}
            choices={contentChoices(
              view,
              t.noChoice,
              listProjects(catalogue).map(({ project }) => ({
                value: project.slug,
                label: project.title,
              })),
            )}
          />
          <SelectField
            {...field(
              "massnahme",
              item.link.measureId === null ? "" : String(item.link.measureId),
            )}
            label={t.linkMeasure}
            choices={contentChoices(
              view,
              t.noChoice,
              listProjects(catalogue).flatMap(({ project }) =>
                project.measures.map((measure) => ({
                  value: String(measure.id),
                  label: `${project.title}: ${measure.title}`,
                })),
              ),
            )}
          />
          <SelectField
            {...field(
              "fortschreibung",
              item.link.editionNumber === null
                ? ""
                : String(item.link.editionNumber),
            )}
            label={t.linkEdition}
            choices={[
              { value: "", label: t.noChoice },
              ...props.editions.map((n) => ({
                value: String(n),
                label: t.edition(n),
              })),
            ]}
          />
          <SelectField
            {...field(
              "zusammengefuehrt",
              item.mergedIntoId === null ? "" : String(item.mergedIntoId),
            )}
            label={t.mergedIntoLabel}
            choices={contentChoices(
              view,
              t.noChoice,
              props.others.map((other) => ({
                value: String(other.id),
                label: `#${other.id} ${other.title}`,
              })),
            )}
          />
          <SelectField
            {...field("organisationseinheit", entry.orgUnitCode ?? "")}
            label={t.assignedTo}
            choices={contentChoices(view, t.nobody, orgUnitChoices(catalogue))}
          />
          <button class="app-button" type="submit" safe>
            {t.saveDecision}
          </button>
        </form>
      ) : (
        ""
      )}
    </PageLayout>
  );
}

/** The settings (administrators). */
export function SettingsPage(
  props: StaffFormProps & { readonly settings: ParticipationSettings },
): JSX.Element {
  const { view, settings, failed } = props;
  const t = view.t.participation;
  const field = schemaFields(ParticipationSettingsBody, failed);
  return (
    <StaffFormPage
      {...props}
      title={t.settingsTitle}
      errorTitle={view.t.identity.problemTitle}
    >
      <SubmitForm
        action={participationPaths.settings(settings.municipality.slug)}
        csrfToken={props.csrfToken}
        lang={view.lang}
        submit={t.save}
      >
        <RadioGroup
          {...field("modus", settings.mode)}
          label={t.settingsMode}
          choices={PARTICIPATION_MODES.map((mode) => ({
            value: mode,
            label: t.mode[mode],
          }))}
        />
        <TextField
          {...field("ueberfaellig", String(settings.overdueDays))}
          label={t.settingsOverdue}
          inputmode="numeric"
          width="short"
        />
        <TextField
          {...field("aufbewahrung", String(settings.retentionDays))}
          label={t.settingsRetention}
          inputmode="numeric"
          width="short"
        />
      </SubmitForm>
    </StaffFormPage>
  );
}
