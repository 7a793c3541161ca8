/**
 * A reporting form that changes something: POST to its action, the CSRF token and the
 * version first (see formKit's meta), the browser's own checks off so that the server's
 * messages are the ones shown. With a legend, the fields stand in a fieldset under it.
 */
import type { Children } from "@kitajs/html";
import type { formKit } from "../components/form/form-kit.js";
import { LegendFields } from "../components/form/controls.js";

/** The form kit of a page (formKit(props)). */
export type FormKit = ReturnType<typeof formKit>;

export function PostForm(props: {
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
}): JSX.Element {
  const fields = (
    <>
      {props.kit.meta(props.id, props.version)}
      {props.children}
    </>
  );
  return (
    <form
      method="post"
      action={props.action}
      class={props.class ?? "app-editor-form"}
      id={props.id}
      novalidate
    >
      <LegendFields legend={props.legend} legendLang={props.legendLang}>
        {fields}
      </LegendFields>
    </form>
  );
}
