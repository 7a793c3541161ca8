/**
 * Form controls bound to a page's failed form: each keeps what was typed after a failed
 * save and shows its error, carries the CSRF token and the version the form was opened on
 * (or, after a conflict, the current one) and the optional reason. A field is named by the
 * form's schema (`schemaField(Schema, "titel")`), which also gives its maxlength.
 */
import type { ViewContext } from "../view.js";
import {
  Checkbox,
  ReasonField,
  type CharacterCounter,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from "./controls.js";
import { CsrfField } from "./csrf-field.js";
import { SubmitButtons, type SubmitKind } from "./submit-buttons.js";
import { errorOf, valueOf, type FailedForm } from "./failed-form.js";

/** What the kit needs from a page. */
export interface FormKitProps {
  readonly view: ViewContext;
  readonly csrfToken: string;
  readonly failed?: FailedForm | undefined;
  /** Set after a conflict: the form then carries the current version, not the one sent. */
  readonly conflict?: unknown;
}

/** A field of a form's schema: its name and, for text, its maxlength (see schemaField). */
export type KitField = { readonly name: string; readonly maxlength?: number };

/** Limits from this length on get a visible counter: shorter fields (codes, keys) need none. */
const COUNTER_FROM = 100;

/** The counter of a field with a limit long enough to be reached while writing, else undefined. */
export function counterFor(
  view: ViewContext,
  maxlength: number | undefined,
): CharacterCounter | undefined {
  if (maxlength === undefined || maxlength < COUNTER_FROM) return undefined;
  return {
    max: maxlength,
    limitText: view.t.form.characterLimit(maxlength),
    remaining: view.t.form.charactersRemaining,
    over: view.t.form.charactersOver,
  };
}

/** Form helpers bound to a page's props. */
export function formKit(props: FormKitProps) {
  const { view, failed } = props;
  const t = view.t.editor;
  /** A field's id, name, value (typed, after this form failed, or stored) and error. */
  const bound = (form: string, name: string, stored: string) => ({
    id: `${form}-${name}`,
    name,
    value: valueOf(failed, form, name, stored),
    error: errorOf(failed, form, name),
  });
  return {
    /** CSRF token and version; after a failed save the version sent, after a conflict the current one. */
    meta: (form: string, version: number | null) => {
      const sent =
        failed?.form === form && props.conflict === undefined
          ? Number(failed.values.version)
          : Number.NaN;
      const shown =
        Number.isInteger(sent) &&
        sent >= 0 &&
        failed?.values.version !== undefined
          ? sent
          : version;
      return (
        <>
          <CsrfField token={props.csrfToken} />
          {shown === null ? (
            ""
          ) : (
            <input type="hidden" name="version" value={String(shown)} />
          )}
        </>
      );
    },
    reason: (form: string) => (
      <ReasonField
        id={`${form}-grund`}
        value={valueOf(failed, form, "grund", "")}
        error={errorOf(failed, form, "grund")}
        summary={t.reasonSummary}
        label={t.reasonLabel}
        hint={t.reasonHint}
      />
    ),
    text: (
      form: string,
      field: KitField,
      label: string,
      stored: string,
      extra: { hint?: string; short?: boolean } = {},
    ) => {
      const { name, maxlength } = field;
      return (
        <TextField
          {...bound(form, name, stored)}
          label={label}
          hint={extra.hint}
          width={extra.short === true ? "short" : "full"}
          maxlength={maxlength}
          counter={counterFor(view, maxlength)}
        />
      );
    },
    area: (
      form: string,
      field: KitField,
      label: string,
      stored: string,
      extra: { hint?: string; rows?: number } = {},
    ) => {
      const { name, maxlength } = field;
      return (
        <TextArea
          {...bound(form, name, stored)}
          label={label}
          hint={extra.hint}
          rows={extra.rows ?? 3}
          maxlength={maxlength}
          counter={counterFor(view, maxlength)}
          lang={view.contentLang}
        />
      );
    },
    select: (
      form: string,
      field: KitField,
      label: string,
      stored: string,
      choices: readonly Choice[],
      hint?: string,
    ) => {
      return (
        <SelectField
          {...bound(form, field.name, stored)}
          label={label}
          hint={hint}
          choices={choices}
        />
      );
    },
    checkbox: (
      form: string,
      field: KitField,
      label: string,
      stored: boolean,
      hint?: string,
    ) => {
      const { name } = field;
      return (
        <Checkbox
          id={`${form}-${name}`}
          name={name}
          label={label}
          hint={hint}
          checked={
            failed?.form === form ? failed.values[name] !== undefined : stored
          }
          error={errorOf(failed, form, name)}
        />
      );
    },
    button: (label: string, kind: SubmitKind = "primary") => (
      <SubmitButtons label={label} kind={kind} />
    ),
  };
}
