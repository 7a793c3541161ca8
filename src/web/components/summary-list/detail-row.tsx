/**
 * One row of a summary list (`<dl class="app-summary-list">`) for lists whose rows come and
 * go one by one or whose values carry their own language, which SummaryList's rows do not:
 * the term, and as value either a text, escaped here, or markup the caller has drawn.
 */
import type { Children } from "@kitajs/html";

/** A term and its value; `text` is escaped, `children` is markup. */
export function DetailRow(props: {
  readonly label: string;
  readonly text?: string;
  /** The value's language when it shows stored content (view.contentLang). */
  readonly lang?: string | undefined;
  readonly children?: Children;
}): JSX.Element {
  return (
    <div class="app-summary-list__row">
      <dt class="app-summary-list__key" safe>
        {props.label}
      </dt>
      {props.text === undefined ? (
        <dd class="app-summary-list__value" lang={props.lang}>
          {props.children}
        </dd>
      ) : (
        <dd class="app-summary-list__value" lang={props.lang} safe>
          {props.text}
        </dd>
      )}
    </div>
  );
}
