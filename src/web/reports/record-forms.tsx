/**
 * Stored records, each in a form of its own with the reason and a save button, and under
 * them the form that adds one: the committees, meetings and members pages. The forms' ids
 * are `${prefix}-${id}` and `${prefix}-neu`, as the routes name them.
 */
import { VersionedForm, type FormKit } from "../components/form/record-form.js";

/** A stored record that a form changes. */
interface EditableRecord {
  readonly id: number;
  readonly version: number;
}

export function RecordForms<R extends EditableRecord>(props: {
  readonly kit: FormKit;
  readonly records: readonly R[];
  /** The forms' id prefix ("gremium"). */
  readonly prefix: string;
  /** Shown instead of the list when there is no record; without it the list stays empty. */
  readonly empty?: string;
  readonly action: (record: R) => string;
  /** A record's legend: its stored name, in the content's language. */
  readonly legend: (record: R) => string;
  readonly legendLang: string | undefined;
  /** The fields of a record's form; null for the form that adds one. */
  readonly fields: (form: string, record: R | null) => JSX.Element;
  readonly save: string;
  /** What stands under a record's form (its links). */
  readonly below: (record: R) => JSX.Element;
  /** The form that adds a record. */
  readonly create: {
    readonly action: string;
    readonly legend: string;
    readonly button: string;
  };
}): JSX.Element {
  const { kit: f } = props;
  const created = `${props.prefix}-neu`;
  return (
    <>
      {props.empty !== undefined && props.records.length === 0 ? (
        <p class="app-body-text" safe>
          {props.empty}
        </p>
      ) : (
        <ol class="app-measure-list">
          {props.records.map((record) => {
            const form = `${props.prefix}-${record.id}`;
            return (
              <li class="app-measure-list__item">
                <VersionedForm
                  kit={f}
                  action={props.action(record)}
                  id={form}
                  version={record.version}
                  legend={props.legend(record)}
                  legendLang={props.legendLang}
                >
                  {props.fields(form, record)}
                  {f.reason(form)}
                  {f.button(props.save)}
                </VersionedForm>
                {props.below(record)}
              </li>
            );
          })}
        </ol>
      )}
      <VersionedForm
        kit={f}
        action={props.create.action}
        id={created}
        version={null}
        legend={props.create.legend}
      >
        {props.fields(created, null)}
        {f.reason(created)}
        {f.button(props.create.button)}
      </VersionedForm>
    </>
  );
}
