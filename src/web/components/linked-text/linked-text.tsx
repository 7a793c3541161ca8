/**
 * A text that is a link where there is somewhere to go (a project's page, a council's
 * decision) and plain text otherwise, in the language the caller gives (stored content is
 * German on English pages).
 */

/** The text as a link to href, or as plain text when href is null or absent. */
export function LinkedText(props: {
  readonly text: string;
  readonly href?: string | null | undefined;
  /** The text's language (view.contentLang for stored content). */
  readonly lang?: string | undefined;
}): JSX.Element {
  const { href } = props;
  return href === null || href === undefined ? (
    <span lang={props.lang} safe>
      {props.text}
    </span>
  ) : (
    <a class="app-link" href={href} lang={props.lang} safe>
      {props.text}
    </a>
  );
}
