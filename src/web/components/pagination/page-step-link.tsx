/**
 * The step to the previous or the next page of a list shown in pages: an item of the
 * pagination's list with a link that says which way it goes (rel="prev" or "next").
 */

/** The list item linking one page back or on; nothing when there is no such page. */
export function PageStepLink(props: {
  readonly rel: "prev" | "next";
  /** null on the first page (prev) or the last (next). */
  readonly href: string | null;
  readonly text: string;
}): JSX.Element {
  return props.href === null ? (
    ""
  ) : (
    <li>
      <a class="app-link" rel={props.rel} href={props.href} safe>
        {props.text}
      </a>
    </li>
  );
}
