/**
 * What is wrong with the reader's input, at the top of the page (GOV.UK error summary).
 * role="alert" makes screen readers announce it when the page loads. On forms, each
 * problem links to its field (`links`), so keyboard users get there in one step.
 */

/** A problem that links to the field it is about. */
export interface ErrorSummaryLink {
  readonly text: string;
  /** "#field-id" */
  readonly href: string;
}

/** Props of the error summary. */
export interface ErrorSummaryProps {
  readonly title: string;
  readonly messages?: readonly string[];
  readonly links?: readonly ErrorSummaryLink[];
}

/** A box listing the problems with the input. */
export function ErrorSummary(props: ErrorSummaryProps): JSX.Element {
  return (
    <div class="app-error-summary" role="alert" aria-labelledby="fehler-titel">
      <h2 class="app-error-summary__title" id="fehler-titel" safe>
        {props.title}
      </h2>
      <ul class="app-error-summary__list">
        {(props.messages ?? []).map((message) => (
          <li safe>{message}</li>
        ))}
        {(props.links ?? []).map((link) => (
          <li>
            <a class="app-error-summary__link" href={link.href} safe>
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The error summary when there is a problem to list; nothing when there is none. */
export function ErrorSummaryIfAny(props: ErrorSummaryProps): JSX.Element {
  const count = (props.messages ?? []).length + (props.links ?? []).length;
  return count === 0 ? "" : <ErrorSummary {...props} />;
}

/** A field's problem as the summary's links: one linking to the field, or none without a problem. */
export function fieldErrorLinks(
  error: string | undefined,
  href: string,
): ErrorSummaryLink[] {
  return error === undefined ? [] : [{ text: error, href }];
}
