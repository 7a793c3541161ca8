/**
 * A form that is only a button (with the CSRF token): one action on a record, such as
 * deactivating a person or releasing a programme.
 */
import { CsrfField } from "./csrf-field.js";

/** Posts to `action` on a click; a hint above the button, if given, describes it. */
export function ButtonForm(props: {
  readonly action: string;
  readonly csrfToken: string;
  readonly label: string;
  readonly kind?: "secondary" | "warning" | undefined;
  readonly hint?: { readonly id: string; readonly text: string } | undefined;
  /** Beside other buttons rather than on a line of its own. */
  readonly inline?: boolean | undefined;
}): JSX.Element {
  const { hint } = props;
  return (
    <form
      method="post"
      action={props.action}
      class={props.inline === true ? "app-form-inline" : undefined}
    >
      <CsrfField token={props.csrfToken} />
      {hint === undefined ? (
        ""
      ) : (
        <p class="app-hint" id={hint.id} safe>
          {hint.text}
        </p>
      )}
      <button
        type="submit"
        class={
          props.kind === undefined
            ? "app-button"
            : `app-button app-button--${props.kind}`
        }
        aria-describedby={hint?.id}
        safe
      >
        {props.label}
      </button>
    </form>
  );
}
