/**
 * A table of the reporting pages: the wrapper, the caption, one header row from a list of
 * columns and the body rows the caller gives. A wide table scrolls inside its wrapper,
 * which then is a named region a keyboard can reach.
 */
import type { Children } from "@kitajs/html";

/** A column heading; numeric columns are right-aligned. Null leaves the column out. */
export type Column = {
  readonly label: string;
  readonly numeric?: boolean;
} | null;

export function DataTable(props: {
  /** Modifiers after "app-table" ("app-table--compact"). */
  readonly variant?: string;
  readonly id?: string;
  readonly caption: string;
  readonly captionLang?: string | undefined;
  /** The caption's id for a wide table: its wrapper scrolls as a region named by the caption. */
  readonly scrollRegion?: string;
  readonly columns: readonly Column[];
  /** A footer after the body rows (a total). */
  readonly foot?: JSX.Element;
  readonly children?: Children;
}): JSX.Element {
  const region = props.scrollRegion;
  // Markup the caller built with JSX (its text escaped there), not a raw string.
  const safeFoot = props.foot ?? "";
  return (
    <div
      class="app-table-wrapper"
      tabindex={region === undefined ? undefined : "0"}
      role={region === undefined ? undefined : "region"}
      aria-labelledby={region}
    >
      <table
        class={
          props.variant === undefined
            ? "app-table"
            : `app-table ${props.variant}`
        }
        id={props.id}
      >
        <caption
          class="app-table__caption"
          id={region}
          lang={props.captionLang}
          safe
        >
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((column) =>
              column === null ? (
                ""
              ) : (
                <th
                  scope="col"
                  class={
                    column.numeric === true ? "app-table__numeric" : undefined
                  }
                  safe
                >
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
        {safeFoot}
      </table>
    </div>
  );
}
