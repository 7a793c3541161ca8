/**
 * The step before something is removed (WCAG 3.3.4): the question, what removing means,
 * and a form with the reason, the warning button and a way back.
 */
import { formKit } from "../components/form/form-kit.js";
import { FormFrame, type FormPageProps } from "../editor/form-frame.js";
import { VersionedForm } from "../components/form/record-form.js";
import { SubmitButtons } from "../components/form/submit-buttons.js";

/** "Mitglied „…“ entfernen?", "Sitzung „…“ entfernen?", "Abschnitt „…“ entfernen?". */
export function RemoveConfirmationPage(
  props: FormPageProps & {
    /** The question in the heading. */
    readonly title: string;
    /** What removing means, in a sentence. */
    readonly text: string;
    /** The form's id, as the remove route names it. */
    readonly form: string;
    readonly action: string;
    readonly version: number;
    readonly confirm: string;
    /** The label of the way back. */
    readonly cancel: string;
    readonly cancelHref: string;
  },
): JSX.Element {
  const { form } = props;
  const f = formKit(props);
  return (
    <FormFrame {...props} title={props.title}>
      <p class="app-body-text" safe>
        {props.text}
      </p>
      <VersionedForm
        kit={f}
        action={props.action}
        id={form}
        version={props.version}
      >
        {f.reason(form)}
        <SubmitButtons label={props.confirm} kind="warning">
          <a class="app-link" href={props.cancelHref} safe>
            {props.cancel}
          </a>
        </SubmitButtons>
      </VersionedForm>
    </FormFrame>
  );
}
