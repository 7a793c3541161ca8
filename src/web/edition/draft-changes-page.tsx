/**
 * The draft's change page (/{kommune}/entwurf/aenderungen), for staff and committee: what
 * changed against the latest edition, a reason form under every shift (for those who may
 * give it), the dependency conflicts, and for administrators the foreword and the form
 * "Fortschreibung veröffentlichen". Publishing with missing reasons shows an error summary
 * linking to each shift's form; with new dependency conflicts it asks for a confirmation.
 * Everything works without JavaScript (post/redirect/get).
 */
import { editionTitleIn } from "../../i18n/edition-title.js";
import type { DraftRevision } from "../../app/edition/revise-draft.js";
import type { CatalogueChange } from "../../domain/edition/catalogue-change.js";
import {
  describeChangeGerman,
  describeConflictGerman,
} from "../../i18n/change-description.js";
import type { DependencyConflict } from "../../domain/edition/dependency-conflicts.js";
import { defaultEditionTitle } from "../../domain/edition/edition.js";
import { formatIsoDateGerman } from "../../domain/calendar/calendar.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import { CsrfField, LanguageField } from "../components/form/csrf-field.js";
import { FailedFormSummary } from "../components/error-summary/failed-form-summary.js";
import {
  errorOf,
  valueOf,
  type FailedForm,
} from "../components/form/failed-form.js";
import {
  SelectField,
  TextArea,
  TextField,
} from "../components/form/controls.js";
import { NoticeBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { draftScope } from "../portal/portal-scope.js";
import { siteHeader } from "../portal/site.js";
import { ReportChanges, ReportSummary } from "./change-report-view.js";
import { editionPaths, reasonFormId } from "./edition-paths.js";
import { ScopeNotice } from "./scope-notice.js";
import { schemaField } from "../http/form-schema.js";
import {
  DraftForewordBody,
  DraftReasonBody,
  PublishBody,
} from "./edition-forms.js";
import { Section } from "../components/section/section.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { SubmitButtons } from "../components/form/submit-buttons.js";

/**
 * A form of this page that failed ("grund:{changeKey}", "vorwort" or "veroeffentlichen"),
 * with the title of its error summary where it is not the editor's usual one.
 */
export interface DraftFormFailure extends FailedForm {
  readonly title?: string | undefined;
}

/** Props of the page. */
export interface DraftChangesPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly revision: DraftRevision;
  readonly csrfToken: string;
  readonly account: AccountBarProps | undefined;
  readonly notice?: string | undefined;
  readonly failed?: DraftFormFailure | undefined;
  /** Publishing met new dependency conflicts: ask whether to publish anyway, with the values typed. */
  readonly confirm?:
    | {
        readonly values: Readonly<Record<string, string>>;
        readonly conflicts: readonly DependencyConflict[];
      }
    | undefined;
}

/** The draft's change page. */
export function DraftChangesPage(props: DraftChangesPageProps): JSX.Element {
  const { revision, failed } = props;
  const view = withLevels(props.view, revision.draft.programme.levels);
  const t = view.t.edition;
  const slug = revision.municipality.slug;
  const scope = draftScope(
    slug,
    revision.latest === null ? [] : [revision.latest],
  );
  const title =
    revision.latest === null
      ? t.draftFirstTitle
      : t.draftChangesTitle(editionTitleIn(view.lang, revision.latest.title));
  const nextTitle = defaultEditionTitle(revision.nextNumber);
  const draftSlugs = new Set(
    revision.draft.impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => project.slug),
      ),
    ),
  );

  const reasonForm = (change: CatalogueChange): JSX.Element | string => {
    if (!revision.reasonEditableKeys.has(change.key)) return "";
    const id = reasonFormId(change.key);
    const form = `grund:${change.key}`;
    const stored = revision.draftReasons.get(change.key);
    return (
      <form
        class="app-reason-form"
        method="post"
        action={`${editionPaths.draftReason(slug)}#${id}`}
        id={id}
      >
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="schluessel" value={change.key} />
        <input
          type="hidden"
          name="version"
          value={String(stored?.version ?? 0)}
        />
        <LanguageField lang={view.lang} />
        <fieldset class="app-fieldset">
          <legend class="app-visually-hidden" safe>
            {t.reasonLegend(
              describeChangeGerman(change, { withProject: true }),
            )}
          </legend>
          <div class="app-reason-form__fields">
            <SelectField
              id={`${id}-kategorie`}
              {...schemaField(DraftReasonBody, "kategorie")}
              label={t.reasonCategory}
              value={valueOf(failed, form, "kategorie", stored?.category ?? "")}
              error={errorOf(failed, form, "kategorie")}
              choices={[
                { value: "", label: t.reasonChoose },
                ...revision.categories.map((category) => ({
                  value: category.key,
                  label: category.label,
                  lang: view.contentLang,
                })),
              ]}
            />
            <TextField
              id={`${id}-text`}
              {...schemaField(DraftReasonBody, "text")}
              label={t.reasonText}
              hint={t.reasonTextHint}
              value={valueOf(failed, form, "text", stored?.text ?? "")}
              error={errorOf(failed, form, "text")}
            />
          </div>
          <button class="app-button app-button--secondary" type="submit" safe>
            {t.reasonSave}
          </button>
        </fieldset>
      </form>
    );
  };

  return (
    <PageLayout
      view={view}
      title={title}
      requestUrl={props.requestUrl}
      site={siteHeader(revision.draft)}
      account={props.account}
      breadcrumbs={[
        {
          label: revision.municipality.name,
          href: view.link(editionPaths.draft(slug)),
          lang: view.contentLang,
        },
        { label: t.draftChangesLink },
      ]}
    >
      <FailedFormSummary
        title={failed?.title ?? view.t.editor.errorSummaryTitle}
        failed={failed}
        hideWhenEmpty
      />
      <NoticeBanner notice={props.notice} />
      <ScopeNotice view={view} scope={scope} />
      {props.confirm === undefined ? (
        ""
      ) : (
        <ConfirmPublishing {...props} confirm={props.confirm} />
      )}
      <PageHeading
        title={title}
        lead={revision.report === null ? t.draftFirstIntro : t.reasonsIntro}
      />
      {revision.report === null ? (
        ""
      ) : (
        <>
          <p
            class={[
              "app-body-text",
              "app-reason-status",
              revision.missing.length > 0 && "app-reason-status--missing",
            ]}
            data-testid="reason-status"
            safe
          >
            {revision.missing.length === 0
              ? t.allReasonsGiven
              : t.missingCount(revision.missing.length)}
          </p>
          <ReportSummary view={view} report={revision.report} />
          <ReportChanges
            view={view}
            report={revision.report}
            projectHref={(project) =>
              draftSlugs.has(project.slug)
                ? view.link(editionPaths.draftProject(slug, project.slug))
                : null
            }
            shiftExtra={reasonForm}
          />
        </>
      )}

      <Section id="abhaengigkeiten" title={t.conflictsTitle}>
        <ItemsOrNone items={revision.conflicts} none={t.conflictsNone}>
          <>
            <p class="app-body-text" safe>
              {t.conflictsIntro}
            </p>
            <ConflictList
              view={view}
              conflicts={revision.conflicts}
              introduced={revision.introducedConflicts}
            />
          </>
        </ItemsOrNone>
      </Section>

      {revision.canPublish ? (
        <>
          <Section id="vorwort" title={t.forewordTitle}>
            <form
              method="post"
              action={`${editionPaths.draftForeword(slug)}#vorwort`}
            >
              <CsrfField token={props.csrfToken} />
              <input
                type="hidden"
                name="version"
                value={String(revision.foreword.version)}
              />
              <LanguageField lang={view.lang} />
              <TextArea
                id="vorwort-text"
                {...schemaField(DraftForewordBody, "vorwort")}
                label={t.foreword}
                hint={t.forewordHint}
                value={valueOf(
                  failed,
                  "vorwort",
                  "vorwort",
                  revision.foreword.text ?? "",
                )}
                error={errorOf(failed, "vorwort", "vorwort")}
                rows={10}
                lang={view.contentLang}
              />
              <button
                class="app-button app-button--secondary"
                type="submit"
                safe
              >
                {t.forewordSave}
              </button>
            </form>
          </Section>
          <Section
            id="veroeffentlichen"
            title={t.publishTitle(editionTitleIn(view.lang, nextTitle))}
          >
            <p class="app-body-text" safe>
              {t.publishIntro}
            </p>
            <PublishForm
              {...props}
              nextTitle={nextTitle}
              values={
                failed?.form === "veroeffentlichen" ? failed.values : undefined
              }
            />
          </Section>
        </>
      ) : revision.foreword.text === null ? (
        ""
      ) : (
        <Section id="vorwort" title={t.forewordTitle}>
          <p class="app-body-text" lang={view.contentLang} safe>
            {revision.foreword.text}
          </p>
        </Section>
      )}
    </PageLayout>
  );
}

/** The conflicts, each with the projects affected downstream. */
function ConflictList(props: {
  view: ViewContext;
  conflicts: readonly DependencyConflict[];
  introduced: readonly DependencyConflict[];
}): JSX.Element {
  const t = props.view.t.edition;
  const introduced = new Set(props.introduced.map((conflict) => conflict.key));
  return (
    <ul class="app-conflict-list" data-testid="conflicts">
      {props.conflicts.map((conflict) => (
        <li
          class={[
            "app-conflict-list__item",
            introduced.has(conflict.key) && "app-conflict-list__item--new",
          ]}
        >
          <strong class="app-tag" safe>
            {introduced.has(conflict.key) ? t.conflictNew : t.conflictKnown}
          </strong>{" "}
          <span lang={props.view.contentLang} safe>
            {describeConflictGerman(conflict)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The values of the publish form that a confirmation or a failed attempt carries on. */
const PUBLISH_FIELDS = [
  "titel",
  "datum",
  "beschluss",
  "beschluss-adresse",
  "oparl-vorlage",
] as const;

/** The form "Fortschreibung veröffentlichen". */
function PublishForm(
  props: DraftChangesPageProps & {
    nextTitle: string;
    values: Readonly<Record<string, string>> | undefined;
  },
): JSX.Element {
  const { revision, failed } = props;
  const view = withLevels(props.view, revision.draft.programme.levels);
  const t = view.t.edition;
  const slug = revision.municipality.slug;
  const values = props.values;
  const publishError = (field: string): string | undefined =>
    errorOf(failed, "veroeffentlichen", field);
  return (
    <form
      method="post"
      action={editionPaths.publish(slug)}
      class="app-publish-form"
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="stand" value={String(revision.dataVersion)} />
      <LanguageField lang={view.lang} />
      <TextField
        id="veroeffentlichen-titel"
        {...schemaField(PublishBody, "titel")}
        label={t.fieldTitle}
        value={values?.titel ?? props.nextTitle}
        error={publishError("titel")}
      />
      <TextField
        id="veroeffentlichen-datum"
        {...schemaField(PublishBody, "datum")}
        label={t.fieldDate}
        hint={t.fieldDateHint}
        value={values?.datum ?? formatIsoDateGerman(revision.today)}
        error={publishError("datum")}
        width="short"
      />
      <TextField
        id="veroeffentlichen-beschluss"
        {...schemaField(PublishBody, "beschluss")}
        label={t.fieldCouncilReference}
        hint={t.fieldCouncilReferenceHint}
        value={values?.beschluss ?? ""}
        error={publishError("beschluss")}
      />
      <TextField
        id="veroeffentlichen-beschluss-adresse"
        {...schemaField(PublishBody, "beschluss-adresse")}
        label={t.fieldCouncilUrl}
        hint={t.fieldCouncilUrlHint}
        value={values?.["beschluss-adresse"] ?? ""}
        error={publishError("beschluss-adresse")}
      />
      <TextField
        id="veroeffentlichen-oparl-vorlage"
        {...schemaField(PublishBody, "oparl-vorlage")}
        label={t.fieldOparlPaper}
        hint={t.fieldOparlPaperHint}
        value={values?.["oparl-vorlage"] ?? ""}
        error={publishError("oparl-vorlage")}
      />
      <SubmitButtons label={t.publishSubmit} />
    </form>
  );
}

/** The confirmation step: the new conflicts and a button to publish anyway with the same values. */
function ConfirmPublishing(
  props: DraftChangesPageProps & {
    confirm: NonNullable<DraftChangesPageProps["confirm"]>;
  },
): JSX.Element {
  const { revision, confirm } = props;
  const view = withLevels(props.view, revision.draft.programme.levels);
  const t = view.t.edition;
  const slug = revision.municipality.slug;
  return (
    <div
      class="app-confirm-panel"
      role="alert"
      aria-labelledby="bestaetigen-titel"
    >
      <h2 class="app-heading-m" id="bestaetigen-titel" safe>
        {t.confirmTitle}
      </h2>
      <p class="app-body-text" safe>
        {t.confirmText}
      </p>
      <ConflictList
        view={view}
        conflicts={confirm.conflicts}
        introduced={confirm.conflicts}
      />
      <form method="post" action={editionPaths.publish(slug)}>
        <CsrfField token={props.csrfToken} />
        <input
          type="hidden"
          name="stand"
          value={String(revision.dataVersion)}
        />
        <input type="hidden" name="bestaetigt" value="ja" />
        <LanguageField lang={view.lang} />
        {PUBLISH_FIELDS.map((field) => (
          <input
            type="hidden"
            name={field}
            value={confirm.values[field] ?? ""}
          />
        ))}
        <SubmitButtons label={t.confirmSubmit}>
          <a
            class="app-link"
            href={view.link(editionPaths.draftChanges(slug))}
            safe
          >
            {t.confirmCancel}
          </a>
        </SubmitButtons>
      </form>
    </div>
  );
}
