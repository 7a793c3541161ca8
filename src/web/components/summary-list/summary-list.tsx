/** Key facts as a description list (GOV.UK summary list): a term and its value per row. */
import type { Children } from "@kitajs/html";

/** One row of the summary list; `value` is already rendered markup. */
export interface SummaryRow {
  readonly key: string;
  readonly value: Children;
}

/** A list of terms and values. */
export function SummaryList(props: {
  rows: readonly SummaryRow[];
}): JSX.Element {
  return (
    <dl class="app-summary-list">
      {props.rows.map((row) => (
        <div class="app-summary-list__row">
          <dt class="app-summary-list__key" safe>
            {row.key}
          </dt>
          <dd class="app-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
