/**
 * What a page shows for a list of items: the list, table or forms the caller draws, or,
 * when there are no items, the one sentence that says so ("Es gibt noch keine Berichte.").
 */
import type { Children } from "@kitajs/html";

/** The caller's markup for the items, or the sentence that there are none. */
export function ItemsOrNone(props: {
  readonly items: readonly unknown[];
  /** The sentence shown in place of an empty list. */
  readonly none: string;
  readonly children?: Children;
}): JSX.Element {
  return props.items.length === 0 ? (
    <p class="app-body-text" safe>
      {props.none}
    </p>
  ) : (
    <>{props.children}</>
  );
}
