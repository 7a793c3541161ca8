/**
 * The question before a phase, a measure or a dependency is deleted (WCAG 3.3.4): the
 * delete button of the project page leads here, with and without JavaScript; only the
 * button on this page deletes. The form carries what the first one sent (version, reason)
 * with the confirmation, and "Abbrechen" returns to the section unchanged.
 */
import { CsrfField } from "../components/form/csrf-field.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import type { EditorChrome } from "./editor-view.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { SubmitButtons } from "../components/form/submit-buttons.js";

/** Props of the page. */
export interface DeleteConfirmationPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  /** "Maßnahme „…“ löschen?" */
  readonly question: string;
  /** The project the thing belongs to, e.g. "1.2.3 E-Rechnungsworkflow". */
  readonly projectLabel: string;
  /** Where the confirmed form goes (the delete route). */
  readonly action: string;
  /** The first form's fields to send again (version, reason). */
  readonly fields: Readonly<Record<string, string>>;
  readonly csrfToken: string;
  readonly cancelHref: string;
}

/** The page. */
export function DeleteConfirmationPage(
  props: DeleteConfirmationPageProps,
): JSX.Element {
  const { view } = props;
  const t = view.t.editor;
  return (
    <PageLayout
      view={view}
      title={`${props.question} – ${props.projectLabel}`}
      requestUrl={props.requestUrl}
      {...props.chrome}
    >
      <PageHeading title={props.question} />
      <p class="app-lead">
        <span safe>{t.confirmDeleteProject}</span>{" "}
        <span lang={view.contentLang} safe>
          {props.projectLabel}
        </span>
      </p>
      <p class="app-body-text" safe>
        {t.confirmDeleteText}
      </p>
      <form method="post" action={props.action}>
        <CsrfField token={props.csrfToken} />
        {Object.entries(props.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="bestaetigt" value="ja" />
        <SubmitButtons label={t.confirmDeleteButton} kind="warning">
          <a class="app-link" href={props.cancelHref} safe>
            {t.confirmDeleteCancel}
          </a>
        </SubmitButtons>
      </form>
    </PageLayout>
  );
}
