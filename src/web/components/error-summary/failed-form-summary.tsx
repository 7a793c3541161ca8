/** The error summary of a form shown again after it failed. */
import type { FailedForm } from "../form/failed-form.js";
import { ErrorSummary } from "./error-summary.js";

/** The failed form's problems, linked to their fields; nothing when the form did not fail. */
export function FailedFormSummary(props: {
  readonly title: string;
  readonly failed: FailedForm | undefined;
}): JSX.Element {
  const { failed } = props;
  return failed === undefined ? (
    ""
  ) : (
    <ErrorSummary
      title={props.title}
      links={failed.summary}
      messages={failed.messages}
    />
  );
}
