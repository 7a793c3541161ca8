/**
 * A page's main heading (h1) and, when the page has one, the paragraph under it: a lead
 * (`app-lead`) that introduces a public or editor page, or a plain intro (`app-body-text`)
 * on the quieter staff pages.
 */

/** Props of the page heading. */
export interface PageHeadingProps {
  readonly title: string;
  /** Markup in place of the title text (parts marked German on English pages). */
  readonly heading?: JSX.Element | undefined;
  /** The heading's language when it shows stored content (view.contentLang). */
  readonly lang?: string | undefined;
  /** A lead paragraph under the heading. */
  readonly lead?: string | undefined;
  /** A plain intro paragraph under the heading (in place of a lead). */
  readonly intro?: string | undefined;
}

/** The h1 of a page and its lead or intro paragraph, if any. */
export function PageHeading(props: PageHeadingProps): JSX.Element {
  // Markup the caller built with JSX (its text escaped there), not a raw string.
  const safeHeading = props.heading;
  return (
    <>
      {safeHeading === undefined ? (
        <h1 class="app-heading-xl" lang={props.lang} safe>
          {props.title}
        </h1>
      ) : (
        <h1 class="app-heading-xl">{safeHeading}</h1>
      )}
      {props.lead === undefined ? (
        ""
      ) : (
        <p class="app-lead" safe>
          {props.lead}
        </p>
      )}
      {props.intro === undefined ? (
        ""
      ) : (
        <p class="app-body-text" safe>
          {props.intro}
        </p>
      )}
    </>
  );
}
