/**
 * Breadcrumbs (GOV.UK pattern): where a page sits in the catalogue. The last crumb is
 * the current page, marked with aria-current and not linked.
 */

/** One step of the path; without href it is the current page. */
export interface Crumb {
  readonly label: string;
  readonly href?: string | undefined;
  /** Set to "de" on English pages when the label is catalogue content. */
  readonly lang?: string | undefined;
}

/** The breadcrumb navigation. */
export function Breadcrumbs(props: {
  label: string;
  crumbs: readonly Crumb[];
}): JSX.Element {
  return (
    <nav class="app-breadcrumbs" aria-label={props.label}>
      <ol class="app-breadcrumbs__list">
        {props.crumbs.map((crumb) => (
          <li class="app-breadcrumbs__item">
            {crumb.href === undefined ? (
              <span aria-current="page" lang={crumb.lang} safe>
                {crumb.label}
              </span>
            ) : (
              <a
                class="app-breadcrumbs__link"
                href={crumb.href}
                lang={crumb.lang}
                safe
              >
                {crumb.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
