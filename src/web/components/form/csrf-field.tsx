/**
 * The hidden CSRF field every state-changing form needs (web/plugins/session.ts checks
 * it). Usage in a route: `<CsrfField token={csrfToken(request)} />` inside the <form>.
 */
import type { Language } from "../../../i18n/i18n.js";
import { CSRF_FIELD } from "../../plugins/session.js";

/** A hidden input carrying the form token. */
export function CsrfField(props: { readonly token: string }): JSX.Element {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/** A hidden field that keeps a language other than German (?lang=en) across a form. */
export function LanguageField(props: { readonly lang: Language }): JSX.Element {
  return props.lang === "de" ? (
    ""
  ) : (
    <input type="hidden" name="lang" value={props.lang} />
  );
}
