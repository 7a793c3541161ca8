/**
 * A paragraph that holds one link: a way on ("Zurück zur Übersicht") or, drawn as a
 * button, the page's next step ("Neues Projekt anlegen"). It stays a link, since it
 * leads to a page and sends nothing.
 */

/** How the link looks: a text link, a button or a secondary button. */
export type ParagraphLinkKind = "link" | "button" | "secondary";

const LINK_CLASS: Readonly<Record<ParagraphLinkKind, string>> = {
  link: "app-link",
  button: "app-button",
  secondary: "app-button app-button--secondary",
};

/** A paragraph with one link in it. */
export function ParagraphLink(props: {
  readonly href: string;
  readonly text: string;
  readonly kind?: ParagraphLinkKind;
  /** The media type of what the link leads to (a feed, JSON), for a link that leaves the pages. */
  readonly type?: string;
  /** A fuller name for a screen reader, where the text alone repeats on the page. */
  readonly ariaLabel?: string;
}): JSX.Element {
  return (
    <p class="app-body-text">
      <a
        class={LINK_CLASS[props.kind ?? "link"]}
        href={props.href}
        type={props.type}
        aria-label={props.ariaLabel}
        safe
      >
        {props.text}
      </a>
    </p>
  );
}
