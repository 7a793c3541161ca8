/**
 * A text the municipality wrote itself (a subtitle, a description, a note), marked with the
 * content's language so that a page in another language reads it in German.
 */
import type { ViewContext } from "../view.js";

/** The text as a paragraph or an inline span; nothing when there is no text. */
export function ContentText(props: {
  readonly view: ViewContext;
  readonly as: "p" | "span";
  readonly class: string;
  readonly text: string | null | undefined;
}): JSX.Element {
  const Tag = props.as;
  return props.text === null || props.text === undefined ? (
    ""
  ) : (
    <Tag class={props.class} lang={props.view.contentLang} safe>
      {props.text}
    </Tag>
  );
}
