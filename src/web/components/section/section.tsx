import type { Children } from "@kitajs/html";

/**
 * A section of a page under its heading (h2). The heading names the section for screen
 * readers (`aria-labelledby`), so its id is given once and cannot drift from the label.
 */
export function Section(props: {
  /** The heading's id, which names the section. */
  readonly id: string;
  readonly title: string;
  /** Classes beside `app-section`. */
  readonly class?: string | undefined;
  /** The section's own id, where links lead to it. */
  readonly anchor?: string | undefined;
  /** The language of the title where it is the municipality's text. */
  readonly lang?: string | undefined;
  readonly children?: Children;
}): JSX.Element {
  return (
    <section
      class={
        props.class === undefined ? "app-section" : `app-section ${props.class}`
      }
      aria-labelledby={props.id}
      id={props.anchor}
    >
      <h2 class="app-heading-l" id={props.id} lang={props.lang} safe>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
