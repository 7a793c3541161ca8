/**
 * Forms that change one record: `EditorForm` posts to its action under an id that the
 * conflict notice and the error summary link to; `VersionedForm` puts the CSRF token and
 * the version the form was opened on first (see formKit's meta), its fields in a fieldset
 * under a legend where it has one; `RecordForm` ends with the reason and the submit
 * button. Each leaves the browser's own checks off (`novalidate`), so that the server's
 * messages are the ones shown, at their fields and in the error summary, as with
 * `SubmitForm`. The editor's, the reporting's and the staff pages' forms are these.
 */
import type { Children } from "@kitajs/html";
import { LegendFields } from "./controls.js";
import type { formKit } from "./form-kit.js";

/** The form kit of a page (formKit(props)). */
export type FormKit = ReturnType<typeof formKit>;

/** A form that changes something (POST); its id is where the conflict notice links to. */
export function EditorForm(props: {
  readonly action: string;
  readonly id: string;
  /** The form's class when it is not a plain editor form. */
  readonly class?: string | undefined;
  readonly children?: Children;
}): JSX.Element {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class ?? "app-editor-form"}
      id={props.id}
      novalidate
    >
      {props.children}
    </form>
  );
}

/** Props of a form that saves or creates one record. */
export interface VersionedFormProps {
  readonly kit: FormKit;
  readonly action: string;
  /** The form's id: also the prefix of its fields' ids and where the error summary links to. */
  readonly id: string;
  /** The version the form was opened on; null for a form that creates something. */
  readonly version: number | null;
  /** The form's class when it is not a full-width editor form. */
  readonly class?: string;
  readonly legend?: string;
  /** The legend's language when it shows stored content (view.contentLang). */
  readonly legendLang?: string | undefined;
  readonly children?: Children;
}

/**
 * A form that saves or creates one record: the CSRF token and the version first (see
 * formKit's meta), then its fields; with a legend, all of it in a fieldset under the legend.
 */
export function VersionedForm(props: VersionedFormProps): JSX.Element {
  const fields = (
    <>
      {props.kit.meta(props.id, props.version)}
      {props.children}
    </>
  );
  return (
    <EditorForm action={props.action} id={props.id} class={props.class}>
      <LegendFields legend={props.legend} legendLang={props.legendLang}>
        {fields}
      </LegendFields>
    </EditorForm>
  );
}

/**
 * An editor form that saves one record: its fields, then the reason and the submit button
 * (see VersionedForm).
 */
export function RecordForm(
  props: VersionedFormProps & { readonly submit: string },
): JSX.Element {
  const { kit, id } = props;
  return (
    <VersionedForm {...props}>
      {props.children}
      {kit.reason(id)}
      {kit.button(props.submit)}
    </VersionedForm>
  );
}
