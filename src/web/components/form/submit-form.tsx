/**
 * A form that posts its fields and has one submit button: the CSRF token first, the
 * language of an English page where the action does not carry it, the fields, the
 * button. The browser's own checks are off, so that the server's messages are the ones
 * shown, at their fields and in the error summary.
 */
import type { Children } from "@kitajs/html";
import type { Language } from "../../../i18n/i18n.js";
import { CsrfField, LanguageField } from "./csrf-field.js";

/** A posting form with its fields and its submit button. */
export function SubmitForm(props: {
  readonly action: string;
  readonly csrfToken: string;
  /** The page's language, kept across the post as a hidden field. */
  readonly lang?: Language | undefined;
  /** The button's text. */
  readonly submit: string;
  /** A button that warns (an action that is hard to undo). */
  readonly isWarning?: boolean | undefined;
  readonly children?: Children;
}): JSX.Element {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      {props.lang === undefined ? "" : <LanguageField lang={props.lang} />}
      {props.children}
      <button
        type="submit"
        class={[
          "app-button",
          props.isWarning === true && "app-button--warning",
        ]}
        safe
      >
        {props.submit}
      </button>
    </form>
  );
}
