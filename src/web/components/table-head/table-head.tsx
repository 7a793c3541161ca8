import type { Children } from "@kitajs/html";

/**
 * A column heading: a plain text, or a label marked numeric (right-aligned with its
 * numbers). Null leaves the column out.
 */
export type Column =
  | string
  | {
      readonly label: string;
      readonly numeric?: boolean;
    }
  | null;

/**
 * A table's head: one row with a plain text header per column; the headers of columns
 * that hold numbers align right with them. Tables whose headers carry more (hidden words,
 * a language) write their own head.
 */
export function TableHead(props: {
  readonly columns: readonly Column[];
  /** The index of the first of the columns that hold numbers (they come last). */
  readonly numericFrom?: number | undefined;
}): JSX.Element {
  const numericFrom = props.numericFrom ?? props.columns.length;
  return (
    <thead>
      <tr>
        {props.columns.map((column, index) =>
          column === null ? (
            ""
          ) : (
            <th
              scope="col"
              class={
                index >= numericFrom ||
                (typeof column !== "string" && column.numeric === true)
                  ? "app-table__numeric"
                  : undefined
              }
              safe
            >
              {typeof column === "string" ? column : column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** A table of records (accounts, tokens) whose caption only screen readers need: the head, then the rows. */
export function RecordTable(props: {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly children?: Children;
}): JSX.Element {
  return (
    <table class="app-data-table">
      <caption class="app-visually-hidden" safe>
        {props.caption}
      </caption>
      <TableHead columns={props.columns} />
      <tbody>{props.children}</tbody>
    </table>
  );
}
