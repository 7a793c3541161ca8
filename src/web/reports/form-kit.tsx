/**
 * What the reporting pages of the editor share with the rest of the editor (ADR 0006): the
 * frame with conflict notice, error summary and success banner, and form helpers that keep
 * typed values after a failed save, carry the CSRF token and the version the form was
 * opened on (or, after a conflict, the current one), and the optional reason.
 */
import type { Children } from "@kitajs/html";
import { CsrfField } from "../components/csrf-field/csrf-field.js";
import { ErrorSummary } from "../components/error-summary/error-summary.js";
import { Checkbox, ReasonField, SelectField, TextArea, type Choice } from "../components/form-fields/form-fields.js";
import { NotificationBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { TextField } from "../components/text-field/text-field.js";
import type { ViewContext } from "../components/view.js";
import { ConflictNotice, type ConflictView } from "../editor/conflict-notice.js";
import { errorOf, valueOf, type EditorChrome, type FailedForm } from "../editor/editor-view.js";

/** What every reporting page of the editor gets. */
export interface FormPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly csrfToken: string;
  readonly notice?: string | undefined;
  readonly failed?: FailedForm | undefined;
  readonly conflict?: ConflictView | undefined;
}

/** The frame: banners, error summary, heading, content. */
export function FormFrame(props: FormPageProps & { readonly title: string; readonly lead?: string; readonly children?: Children }): JSX.Element {
  const { view, failed } = props;
  const t = view.t.editor;
  const hasErrors = failed !== undefined && (failed.summary.length > 0 || failed.messages.length > 0);
  return (
    <PageLayout
      view={view}
      title={hasErrors || props.conflict !== undefined ? `${t.errorTitlePrefix}${props.title}` : props.title}
      requestUrl={props.requestUrl}
      site={props.chrome.site}
      account={props.chrome.account}
      navigation={props.chrome.navigation}
    >
      {props.conflict === undefined ? "" : <ConflictNotice view={view} conflict={props.conflict} />}
      {hasErrors ? <ErrorSummary title={t.errorSummaryTitle} messages={failed.messages} links={failed.summary} /> : ""}
      {props.notice === undefined ? "" : <NotificationBanner title={props.notice} />}
      <h1 class="app-heading-xl" safe>
        {props.title}
      </h1>
      {props.lead === undefined ? (
        ""
      ) : (
        <p class="app-lead" safe>
          {props.lead}
        </p>
      )}
      {props.children}
    </PageLayout>
  );
}

/** Form helpers bound to a page's props. */
export function formKit(props: FormPageProps) {
  const { view, failed } = props;
  const t = view.t.editor;
  return {
    /** CSRF token and version; after a failed save the version sent, after a conflict the current one. */
    meta: (form: string, version: number | null) => {
      const sent = failed?.form === form && props.conflict === undefined ? Number(failed.values.version) : Number.NaN;
      const shown = Number.isInteger(sent) && sent >= 0 && failed?.values.version !== undefined ? sent : version;
      return (
        <>
          <CsrfField token={props.csrfToken} />
          {shown === null ? "" : <input type="hidden" name="version" value={String(shown)} />}
        </>
      );
    },
    reason: (form: string) => (
      <ReasonField
        id={`${form}-grund`}
        value={valueOf(failed, form, "grund", "")}
        error={errorOf(failed, form, "grund")}
        summary={t.reasonSummary}
        label={t.reasonLabel}
        hint={t.reasonHint}
      />
    ),
    text: (form: string, name: string, label: string, stored: string, extra: { hint?: string; maxlength?: number; short?: boolean; lang?: string } = {}) => (
      <TextField
        id={`${form}-${name}`}
        name={name}
        label={label}
        hint={extra.hint}
        width={extra.short === true ? "short" : "full"}
        value={valueOf(failed, form, name, stored)}
        error={errorOf(failed, form, name)}
        maxlength={extra.maxlength}
      />
    ),
    area: (form: string, name: string, label: string, stored: string, extra: { hint?: string; rows?: number; maxlength?: number } = {}) => (
      <TextArea
        id={`${form}-${name}`}
        name={name}
        label={label}
        hint={extra.hint}
        value={valueOf(failed, form, name, stored)}
        error={errorOf(failed, form, name)}
        rows={extra.rows ?? 3}
        maxlength={extra.maxlength ?? 3000}
        lang={view.contentLang}
      />
    ),
    select: (form: string, name: string, label: string, stored: string, choices: readonly Choice[], hint?: string) => (
      <SelectField
        id={`${form}-${name}`}
        name={name}
        label={label}
        hint={hint}
        value={valueOf(failed, form, name, stored)}
        error={errorOf(failed, form, name)}
        choices={choices}
      />
    ),
    checkbox: (form: string, name: string, label: string, stored: boolean, hint?: string) => (
      <Checkbox
        id={`${form}-${name}`}
        name={name}
        label={label}
        hint={hint}
        checked={failed?.form === form ? failed.values[name] !== undefined : stored}
        error={errorOf(failed, form, name)}
      />
    ),
    button: (label: string, kind: "primary" | "secondary" | "warning" = "primary") => (
      <div class="app-button-group">
        <button type="submit" class={["app-button", kind !== "primary" && `app-button--${kind}`]} safe>
          {label}
        </button>
      </div>
    ),
  };
}
