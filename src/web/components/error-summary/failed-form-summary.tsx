/** The error summary of a form shown again after it failed. */
import { hasProblems, type FailedForm } from "../form/failed-form.js";
import { ErrorSummary } from "./error-summary.js";

/** The failed form's problems, linked to their fields; nothing when the form did not fail. */
export function FailedFormSummary(props: {
  readonly title: string;
  readonly failed: FailedForm | undefined;
  /**
   * Nothing either when the form failed without problems to list: a version conflict,
   * which the page explains in its conflict notice instead.
   */
  readonly hideWhenEmpty?: boolean;
}): JSX.Element {
  const { failed } = props;
  return failed === undefined ||
    (props.hideWhenEmpty === true && !hasProblems(failed)) ? (
    ""
  ) : (
    <ErrorSummary
      title={props.title}
      links={failed.summary}
      messages={failed.messages}
    />
  );
}
