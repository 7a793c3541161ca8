import type { Children } from "@kitajs/html";

/**
 * A table's head: one row with a plain text header per column. Tables whose headers
 * carry more (hidden words, a class, a language) write their own head.
 */
export function TableHead(props: {
  readonly columns: readonly string[];
}): JSX.Element {
  return (
    <thead>
      <tr>
        {props.columns.map((column) => (
          <th scope="col" safe>
            {column}
          </th>
        ))}
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
