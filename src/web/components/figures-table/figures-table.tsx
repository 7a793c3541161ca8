/**
 * The table of figures beside a chart (values, breakdown, maturity levels): the scrolling
 * wrapper, the table and its small caption. The head and the body are the caller's.
 */
import type { Children } from "@kitajs/html";

/** A figures table with its caption; `lang` marks a caption in the content's language. */
export function FiguresTable(props: {
  readonly caption: string;
  readonly lang?: "de" | undefined;
  readonly children: Children;
}): JSX.Element {
  return (
    <div class="app-table-wrapper">
      <table class="app-table app-table--figures">
        <caption
          class="app-table__caption app-table__caption--small"
          lang={props.lang}
          safe
        >
          {props.caption}
        </caption>
        {props.children}
      </table>
    </div>
  );
}
