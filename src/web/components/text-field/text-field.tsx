/**
 * A labelled text input with hint and error message (GOV.UK text input): the label is
 * always visible, the hint and the error are tied to the input with aria-describedby,
 * and an error marks the input invalid for screen readers.
 */

/** Props of a text field. */
export interface TextFieldProps {
  /** The input's id; the error summary links to it. */
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly value?: string | undefined;
  readonly type?: "text" | "email" | "password";
  readonly autocomplete?: string | undefined;
  readonly inputmode?: "numeric" | "text" | "email" | undefined;
  readonly spellcheck?: boolean;
  readonly required?: boolean;
  readonly maxlength?: number | undefined;
  /** Narrower input for short values such as a six-digit code. */
  readonly width?: "full" | "short";
}

/** A text input with its label, hint and error. */
export function TextField(props: TextFieldProps): JSX.Element {
  const hintId = props.hint === undefined ? undefined : `${props.id}-hinweis`;
  const errorId = props.error === undefined ? undefined : `${props.id}-fehler`;
  const describedBy = [hintId, errorId].filter((id) => id !== undefined).join(" ");
  return (
    <div class={["app-form-group", props.error !== undefined && "app-form-group--error"]}>
      <label class="app-label" for={props.id} safe>
        {props.label}
      </label>
      {hintId === undefined ? (
        ""
      ) : (
        <p class="app-hint" id={hintId} safe>
          {props.hint}
        </p>
      )}
      {errorId === undefined ? (
        ""
      ) : (
        <p class="app-error-message" id={errorId}>
          <span class="app-visually-hidden">Fehler: </span>
          <span safe>{props.error}</span>
        </p>
      )}
      <input
        class={["app-input", props.width === "short" && "app-input--short", props.error !== undefined && "app-input--error"]}
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        spellcheck={props.spellcheck === false ? "false" : undefined}
        required={props.required === true}
        maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)}
        aria-describedby={describedBy === "" ? undefined : describedBy}
        aria-invalid={props.error === undefined ? undefined : "true"}
      />
    </div>
  );
}
