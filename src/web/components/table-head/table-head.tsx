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
