/**
 * The cells of a diff table's row (`app-diff-table`) that show a change: the value before
 * it and the value after it, marked by colour and in the language of the stored content.
 */

/** The "before" and "after" cells of a row of a diff table. */
export function BeforeAfterCells(props: {
  readonly before: string;
  readonly after: string;
  /** The values' language when they are stored content (view.contentLang). */
  readonly lang?: string | undefined;
}): JSX.Element {
  return (
    <>
      <td class="app-diff-table__before" lang={props.lang} safe>
        {props.before}
      </td>
      <td class="app-diff-table__after" lang={props.lang} safe>
        {props.after}
      </td>
    </>
  );
}
