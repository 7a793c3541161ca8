/**
 * A table in its wrapper: the caption, one header row from a list of columns and the body
 * rows the caller gives. A wide table scrolls inside its wrapper, which then is a named
 * region a keyboard can reach.
 */
import type { Children } from "@kitajs/html";
import { TableHead, type Column } from "../table-head/table-head.js";

/** A captioned table with its head; the body rows are the caller's. */
export function DataTable(props: {
  /** Modifiers after "app-table" ("app-table--compact"). */
  readonly variant?: string;
  readonly id?: string;
  readonly caption: string;
  readonly captionLang?: string | undefined;
  /** A caption only screen readers need (the heading above already says it). */
  readonly isCaptionHidden?: boolean;
  /** The caption's id for a wide table: its wrapper scrolls as a region named by the caption. */
  readonly scrollRegion?: string;
  readonly columns: readonly Column[];
  /** The index of the first of the columns that hold numbers (they come last). */
  readonly numericFrom?: number | undefined;
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
          class={
            props.isCaptionHidden === true
              ? "app-visually-hidden"
              : "app-table__caption"
          }
          id={region}
          lang={props.captionLang}
          safe
        >
          {props.caption}
        </caption>
        <TableHead columns={props.columns} numericFrom={props.numericFrom} />
        <tbody>{props.children}</tbody>
        {safeFoot}
      </table>
    </div>
  );
}
