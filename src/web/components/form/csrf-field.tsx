/**
 * The hidden CSRF field every state-changing form needs (web/plugins/session.ts checks
 * it). Usage in a route: `<CsrfField token={csrfToken(request)} />` inside the <form>.
 */
import { CSRF_FIELD } from "../../plugins/session.js";

/** A hidden input carrying the form token. */
export function CsrfField(props: { readonly token: string }): JSX.Element {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}
