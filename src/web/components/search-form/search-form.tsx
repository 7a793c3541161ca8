/** A search form: one labelled field, an optional hint and a button; a plain GET form. */
import { LanguageField } from "../form/csrf-field.js";
import type { ViewContext } from "../view.js";

/** Props of the search form. */
export interface SearchFormProps {
  readonly view: ViewContext;
  readonly action: string;
  readonly query: string;
  /** The prefix of the ids: the field is `<id>-q`, its hint `<id>-hinweis`, its error `<id>-fehler`. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  /** The button's text. */
  readonly submit: string;
  readonly maxlength: number;
  /** A message shown at the field when the query was refused. */
  readonly error?: string | undefined;
}

/** The search form. */
export function SearchForm(props: SearchFormProps): JSX.Element {
  const { view, id } = props;
  const describedBy = [
    props.hint === undefined ? undefined : `${id}-hinweis`,
    props.error === undefined ? undefined : `${id}-fehler`,
  ]
    .filter((part) => part !== undefined)
    .join(" ");
  return (
    <form
      class="app-search-form"
      method="get"
      action={props.action}
      role="search"
    >
      <LanguageField lang={view.lang} />
      <div
        class={[
          "app-form-group",
          props.error !== undefined && "app-form-group--error",
        ]}
      >
        <label class="app-label" for={`${id}-q`} safe>
          {props.label}
        </label>
        {props.hint === undefined ? (
          ""
        ) : (
          <p class="app-hint" id={`${id}-hinweis`} safe>
            {props.hint}
          </p>
        )}
        {props.error === undefined ? (
          ""
        ) : (
          <p class="app-error-message" id={`${id}-fehler`} safe>
            {props.error}
          </p>
        )}
        <div class="app-search-form__row">
          <input
            class={[
              "app-input",
              props.error !== undefined && "app-input--error",
            ]}
            type="search"
            id={`${id}-q`}
            name="q"
            value={props.query}
            aria-describedby={describedBy === "" ? undefined : describedBy}
            aria-invalid={props.error === undefined ? undefined : "true"}
            autocomplete="off"
            maxlength={String(props.maxlength)}
          />
          <button class="app-button" type="submit" safe>
            {props.submit}
          </button>
        </div>
      </div>
    </form>
  );
}
