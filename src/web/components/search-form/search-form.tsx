/** The search form: one labelled field, a hint and a button; a plain GET form. */
import { LanguageField } from "../form/csrf-field.js";
import type { ViewContext } from "../view.js";

/** Props of the search form. */
export interface SearchFormProps {
  readonly view: ViewContext;
  readonly action: string;
  readonly query: string;
  /** A message shown at the field when the query was refused. */
  readonly error?: string | undefined;
}

/** The search form. */
export function SearchForm(props: SearchFormProps): JSX.Element {
  const { view } = props;
  const { t } = view;
  const describedBy =
    props.error === undefined ? "suche-hinweis" : "suche-hinweis suche-fehler";
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
        <label class="app-label" for="suche-q" safe>
          {t.searchLabel}
        </label>
        <p class="app-hint" id="suche-hinweis" safe>
          {t.searchHint}
        </p>
        {props.error === undefined ? (
          ""
        ) : (
          <p class="app-error-message" id="suche-fehler" safe>
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
            id="suche-q"
            name="q"
            value={props.query}
            aria-describedby={describedBy}
            aria-invalid={props.error === undefined ? undefined : "true"}
            autocomplete="off"
            maxlength="200"
          />
          <button class="app-button" type="submit" safe>
            {t.searchSubmit}
          </button>
        </div>
      </div>
    </form>
  );
}
