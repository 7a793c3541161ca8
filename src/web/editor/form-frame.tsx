/**
 * The frame of the editor's form pages (ADR 0006): the conflict notice, the error summary
 * and the success banner above the heading, and "Fehler: " in the title when a form failed.
 */
import type { Children } from "@kitajs/html";
import { ErrorSummary } from "../components/error-summary/error-summary.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { NotificationBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { ConflictNotice, type ConflictView } from "./conflict-notice.js";
import type { EditorChrome } from "./editor-view.js";

/** What every form page of the editor gets. */
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

