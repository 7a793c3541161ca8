/**
 * One row of a summary list (GOV.UK): the term, and the value as escaped text or as
 * markup. Unlike SummaryList's rows, a value may carry its own language, since the
 * reports show stored German content on English pages too.
 */
import type { Children } from "@kitajs/html";

export function SummaryListRow(props: {
  readonly label: string;
  /** The value as text; without it the children are the value. */
  readonly text?: string;
  /** The value's language when it is stored content (view.contentLang). */
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
