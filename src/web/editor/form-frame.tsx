/**
 * The frame of the editor's form pages (ADR 0006): the conflict notice, the error summary
 * and the success banner above the heading, and "Fehler: " in the title when a form failed.
 */
import type { Children } from "@kitajs/html";
import { FailedFormSummary } from "../components/error-summary/failed-form-summary.js";
import {
  hasProblems,
  type FailedForm,
} from "../components/form/failed-form.js";
import { NoticeBanner } from "../components/notification-banner/notification-banner.js";
import type { Crumb } from "../components/breadcrumbs/breadcrumbs.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { ConflictNotice, type ConflictView } from "./conflict-notice.js";
import type { EditorChrome } from "./editor-view.js";
import { Section } from "../components/section/section.js";
import { PageHeading } from "../components/page-heading/page-heading.js";

/**
 * What every staff page with forms gets from its route: the frame, the CSRF token, and
 * after a save its notice or the form that failed.
 */
export interface StaffFormProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly csrfToken: string;
  readonly notice?: string | undefined;
  readonly failed?: FailedForm | undefined;
}

/** What every form page of the editor gets: also the conflict after a stale save. */
export interface FormPageProps extends StaffFormProps {
  readonly conflict?: ConflictView | undefined;
}

/** The frame: banners, error summary, heading, content. */
export function FormFrame(
  props: FormPageProps & {
    readonly title: string;
    /** The heading when it differs from the title (parts marked German on English pages). */
    readonly heading?: JSX.Element;
    readonly lead?: string;
    readonly breadcrumbs?: readonly Crumb[];
    readonly children?: Children;
  },
): JSX.Element {
  const { view, failed } = props;
  const t = view.t.editor;
  const hasErrors = hasProblems(failed);
  return (
    <PageLayout
      view={view}
      title={props.title}
      isError={hasErrors || props.conflict !== undefined}
      requestUrl={props.requestUrl}
      {...props.chrome}
      breadcrumbs={props.breadcrumbs}
    >
      {props.conflict === undefined ? (
        ""
      ) : (
        <ConflictNotice view={view} conflict={props.conflict} />
      )}
      <FailedFormSummary
        title={t.errorSummaryTitle}
        failed={failed}
        hideWhenEmpty
      />
      <NoticeBanner notice={props.notice} />
      <PageHeading
        title={props.title}
        heading={props.heading}
        lead={props.lead}
      />
      {props.children}
    </PageLayout>
  );
}

/**
 * A section of an editor page under its heading; the heading's id is `abschnitt-<id>`.
 * A paragraph that says what the section does can come first: an intro in body text or a
 * quieter hint.
 */
export function EditorSection(props: {
  readonly id: string;
  readonly title: string;
  readonly lang?: string | undefined;
  /** The section's own id, where links lead to it. */
  readonly anchor?: string | undefined;
  /** A paragraph in body text under the heading. */
  readonly intro?: string | undefined;
  /** A hint paragraph under the heading (in place of an intro). */
  readonly hint?: string | undefined;
  readonly children?: Children;
}): JSX.Element {
  return (
    <Section
      id={`abschnitt-${props.id}`}
      title={props.title}
      class="app-editor-section"
      anchor={props.anchor}
      lang={props.lang}
    >
      {props.intro === undefined ? (
        ""
      ) : (
        <p class="app-body-text" safe>
          {props.intro}
        </p>
      )}
      {props.hint === undefined ? (
        ""
      ) : (
        <p class="app-hint" safe>
          {props.hint}
        </p>
      )}
      {props.children}
    </Section>
  );
}
