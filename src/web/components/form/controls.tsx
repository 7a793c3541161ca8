/**
 * The form controls (GOV.UK patterns): a text input, a textarea, a select, radios, a
 * checkbox, a colour picker, and the optional "Grund der Änderung" in a <details> that
 * opens by itself when it holds a value or an error. Every control has a visible label;
 * hint and error are tied to it with aria-describedby, and an error marks it aria-invalid.
 * Name and maxlength come from the form's schema: spread `schemaField(Schema, "name")`.
 */
import type { Children } from "@kitajs/html";

/** What every control shares. */
interface ControlProps {
  /** The control's id; the error summary links to it. */
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** Set to "de" on English pages when the value is catalogue content. */
  readonly lang?: string | undefined;
  /** A visible character counter under the control (for fields with a limit). */
  readonly counter?: CharacterCounter | undefined;
}

/**
 * The words of a character counter: the limit as a sentence (shown without JavaScript),
 * and the templates the script fills in as the person types ({n}, {max}).
 */
export interface CharacterCounter {
  readonly max: number;
  readonly limitText: string;
  readonly remaining: string;
  readonly over: string;
}

function describedBy(
  props: Pick<ControlProps, "id" | "hint" | "counter" | "error">,
): string | undefined {
  const ids = [
    props.hint === undefined ? undefined : `${props.id}-hinweis`,
    props.counter === undefined ? undefined : `${props.id}-zaehler`,
    props.error === undefined ? undefined : `${props.id}-fehler`,
  ];
  const joined = ids.filter((id) => id !== undefined).join(" ");
  return joined === "" ? undefined : joined;
}

function HintAndError(
  props: Pick<ControlProps, "id" | "hint" | "error">,
): JSX.Element {
  return (
    <>
      {props.hint === undefined ? (
        ""
      ) : (
        <p class="app-hint" id={`${props.id}-hinweis`} safe>
          {props.hint}
        </p>
      )}
      {props.error === undefined ? (
        ""
      ) : (
        <p class="app-error-message" id={`${props.id}-fehler`}>
          <span class="app-visually-hidden">Fehler: </span>
          <span safe>{props.error}</span>
        </p>
      )}
    </>
  );
}

/** The counter under a control: the limit, counted down by app.js while typing. */
function CounterLine(props: ControlProps): JSX.Element {
  const counter = props.counter;
  if (counter === undefined) return <></>;
  return (
    <p
      class="app-hint app-character-count"
      id={`${props.id}-zaehler`}
      data-character-count-for={props.id}
      data-max={String(counter.max)}
      data-remaining={counter.remaining}
      data-over={counter.over}
      safe
    >
      {counter.limitText}
    </p>
  );
}

/** The group around a control: marked when the control has an error. */
function FormGroup(props: {
  readonly error?: string | undefined;
  readonly module?: string | undefined;
  readonly children: Children;
}): JSX.Element {
  return (
    <div
      class={[
        "app-form-group",
        props.error !== undefined && "app-form-group--error",
      ]}
      data-module={props.module}
    >
      {props.children}
    </div>
  );
}

/** A control's visible label, its hint and its error, above the control. */
function LabelHintAndError(props: ControlProps): JSX.Element {
  return (
    <>
      <label class="app-label" for={props.id} safe>
        {props.label}
      </label>
      <HintAndError {...props} />
    </>
  );
}

/**
 * The group of a text control (an input or a textarea): label, hint and error above it,
 * the character counter under it, and the counter's script where there is one.
 */
function TextControlGroup(
  props: ControlProps & { readonly children: Children },
): JSX.Element {
  const { children, ...control } = props;
  return (
    <FormGroup
      error={control.error}
      module={control.counter === undefined ? undefined : "app-character-count"}
    >
      <LabelHintAndError {...control} />
      {children}
      <CounterLine {...control} />
    </FormGroup>
  );
}

/** A labelled multi-line text input. */
export function TextArea(
  props: ControlProps & {
    readonly value: string;
    readonly rows?: number;
    readonly maxlength?: number;
  },
): JSX.Element {
  return (
    <TextControlGroup {...props}>
      <textarea
        class={[
          "app-textarea",
          props.error !== undefined && "app-input--error",
        ]}
        id={props.id}
        name={props.name}
        rows={String(props.rows ?? 4)}
        maxlength={
          props.maxlength === undefined ? undefined : String(props.maxlength)
        }
        lang={props.lang}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error === undefined ? undefined : "true"}
        safe
      >
        {props.value}
      </textarea>
    </TextControlGroup>
  );
}

/** One choice of a select or radio group. */
export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly lang?: string | undefined;
}

/** A labelled select. */
export function SelectField(
  props: ControlProps & {
    readonly value: string;
    readonly choices: readonly Choice[];
    readonly multiple?: boolean;
    readonly values?: readonly string[];
  },
): JSX.Element {
  const selected = new Set(props.values ?? [props.value]);
  return (
    <FormGroup error={props.error}>
      <LabelHintAndError {...props} />
      <select
        class={["app-select", props.error !== undefined && "app-input--error"]}
        id={props.id}
        name={props.name}
        multiple={props.multiple === true ? "multiple" : undefined}
        size={props.multiple === true ? "6" : undefined}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error === undefined ? undefined : "true"}
      >
        {props.choices.map((choice) => (
          <option
            value={choice.value}
            selected={selected.has(choice.value)}
            lang={choice.lang}
            safe
          >
            {choice.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

/** A group of radio buttons in a fieldset; the legend is the question. The error summary links to the first radio. */
export function RadioGroup(
  props: ControlProps & {
    readonly value: string;
    readonly choices: readonly Choice[];
    readonly inline?: boolean;
  },
): JSX.Element {
  return (
    <FormGroup error={props.error}>
      <fieldset class="app-fieldset" aria-describedby={describedBy(props)}>
        <legend class="app-fieldset__legend app-fieldset__legend--small" safe>
          {props.label}
        </legend>
        <HintAndError {...props} />
        <div
          class={["app-radios", props.inline === true && "app-radios--inline"]}
        >
          {props.choices.map((choice, index) => (
            <div class="app-radios__item">
              <input
                class="app-radios__input"
                type="radio"
                id={index === 0 ? props.id : `${props.id}-${index}`}
                name={props.name}
                value={choice.value}
                checked={choice.value === props.value}
              />
              <label
                class="app-radios__label"
                for={index === 0 ? props.id : `${props.id}-${index}`}
                lang={choice.lang}
                safe
              >
                {choice.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}

/**
 * A fieldset of choices the caller draws (checkboxes, radios with more beside them) in its
 * form group, with legend, hint and error tied to it as the other controls tie theirs.
 */
export function ChoiceFieldset(props: {
  readonly id: string;
  /** The fieldset's own id, where the error summary links to the whole group. */
  readonly fieldsetId?: string;
  readonly legend: string;
  readonly hint?: string;
  readonly error: string | undefined;
  readonly children: Children;
}): JSX.Element {
  return (
    <FormGroup error={props.error}>
      <fieldset
        class="app-fieldset"
        id={props.fieldsetId}
        aria-describedby={describedBy(props)}
      >
        <legend class="app-fieldset__legend" safe>
          {props.legend}
        </legend>
        <HintAndError {...props} />
        {props.children}
      </fieldset>
    </FormGroup>
  );
}

/** A single checkbox with its label beside it. */
export function Checkbox(
  props: ControlProps & { readonly checked: boolean; readonly value?: string },
): JSX.Element {
  return (
    <FormGroup error={props.error}>
      <HintAndError {...props} />
      <div class="app-checkbox">
        <input
          class="app-checkbox__input"
          type="checkbox"
          id={props.id}
          name={props.name}
          value={props.value ?? "ja"}
          checked={props.checked}
          aria-describedby={describedBy(props)}
          aria-invalid={props.error === undefined ? undefined : "true"}
        />
        <label class="app-checkbox__label" for={props.id} safe>
          {props.label}
        </label>
      </div>
    </FormGroup>
  );
}

/** The optional reason of a change, for the audit log, folded away until wanted. */
export function ReasonField(props: {
  readonly id: string;
  readonly value: string;
  readonly error?: string | undefined;
  readonly summary: string;
  readonly label: string;
  readonly hint: string;
}): JSX.Element {
  const isOpen = props.value !== "" || props.error !== undefined;
  return (
    <details class="app-details" open={isOpen}>
      <summary class="app-details__summary">
        <span class="app-details__summary-text" safe>
          {props.summary}
        </span>
      </summary>
      <div class="app-details__text">
        <TextArea
          id={props.id}
          name="grund"
          label={props.label}
          hint={props.hint}
          error={props.error}
          value={props.value}
          rows={2}
          maxlength={1000}
        />
      </div>
    </details>
  );
}

/**
 * A colour picker (the browser's own, no script needed) with the contrast that white text
 * reaches on the colour. With JavaScript, app.js updates the contrast as the colour changes
 * (data-module="app-contrast-check"); without, the server checks it on saving.
 */
export function ColourField(
  props: ControlProps & {
    readonly value: string;
    readonly contrastText: string;
    /** The contrast text with "%s" for the ratio, for the script. */ readonly contrastTemplate: string;
  },
): JSX.Element {
  const ids = [
    props.hint === undefined ? undefined : `${props.id}-hinweis`,
    `${props.id}-kontrast`,
    props.error === undefined ? undefined : `${props.id}-fehler`,
  ];
  return (
    <FormGroup error={props.error} module="app-contrast-check">
      <LabelHintAndError {...props} />
      <input
        class={[
          "app-colour-input",
          props.error !== undefined && "app-input--error",
        ]}
        type="color"
        id={props.id}
        name={props.name}
        value={props.value}
        aria-describedby={ids.filter((id) => id !== undefined).join(" ")}
        aria-invalid={props.error === undefined ? undefined : "true"}
      />
      <p
        class="app-hint app-colour-contrast"
        id={`${props.id}-kontrast`}
        data-contrast-output={props.contrastTemplate}
        aria-live="polite"
        safe
      >
        {props.contrastText}
      </p>
    </FormGroup>
  );
}

/** Props of a text field. */
export interface TextFieldProps extends ControlProps {
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
  return (
    <TextControlGroup {...props}>
      <input
        class={[
          "app-input",
          props.width === "short" && "app-input--short",
          props.error !== undefined && "app-input--error",
        ]}
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        spellcheck={props.spellcheck === false ? "false" : undefined}
        required={props.required === true}
        maxlength={
          props.maxlength === undefined ? undefined : String(props.maxlength)
        }
        aria-describedby={describedBy(props)}
        aria-invalid={props.error === undefined ? undefined : "true"}
      />
    </TextControlGroup>
  );
}

/**
 * A form's fields, under a legend in a fieldset when the form has one (a form among
 * several on a page), as they are when it has none.
 */
export function LegendFields(props: {
  readonly legend?: string | undefined;
  /** The legend's language when it shows stored content (view.contentLang). */
  readonly legendLang?: string | undefined;
  readonly children?: Children;
}): JSX.Element {
  if (props.legend === undefined) return <>{props.children}</>;
  return (
    <fieldset class="app-fieldset">
      <legend class="app-fieldset__legend" lang={props.legendLang} safe>
        {props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}

/** One numbered row of a list form (a goal, a priority, a responsibility) under a small legend. */
export function RowFieldset(props: {
  readonly legend: string;
  readonly children?: Children;
}): JSX.Element {
  return (
    <fieldset class="app-fieldset app-responsibility-row">
      <legend class="app-fieldset__legend app-fieldset__legend--small" safe>
        {props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}
