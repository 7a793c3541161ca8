/**
 * The honeypot of public forms: a text field people do not see (bots fill it in). Its
 * schema field and its markup share the name here; what a filled-in honeypot means is the
 * use case's or the route's to say.
 */
import { FormText } from "./form-schema.js";

/** The honeypot's field, spread into a form's body schema. */
export const HONEYPOT_FIELDS = { webseite: FormText(200) };

/** The hidden honeypot field; `label` asks people who see it anyway to leave it empty. */
export function HoneypotField(props: { readonly label: string }): JSX.Element {
  return (
    <div hidden>
      <label for="webseite" safe>
        {props.label}
      </label>
      <input
        id="webseite"
        name="webseite"
        type="text"
        tabindex="-1"
        autocomplete="off"
      />
    </div>
  );
}
