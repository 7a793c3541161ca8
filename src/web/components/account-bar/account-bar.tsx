/**
 * Who is signed in, with links to the account, (for administrators) user management and
 * (for people in several municipalities) the other municipalities,
 * and the sign-out button — a form, because signing out changes state (POST with CSRF).
 * Shown in the page header of every page for signed-in people; never on public, cached
 * portal pages.
 */
import { CsrfField } from "../form/csrf-field.js";

/** What the bar shows. */
export interface AccountBarProps {
  readonly name: string;
  readonly accountHref: string;
  readonly signOutAction: string;
  readonly csrfToken: string;
  readonly labels: {
    readonly region: string;
    readonly signedInAs: string;
    readonly account: string;
    readonly signOut: string;
  };
  /** Further links, e.g. user management for administrators. */
  readonly links?: readonly { readonly href: string; readonly label: string }[];
  /**
   * The municipalities of a person who belongs to several: plain links (no script needed),
   * the one the page is for marked as current.
   */
  readonly municipalities?: {
    readonly label: string;
    readonly entries: readonly {
      readonly href: string;
      readonly name: string;
      readonly isCurrent: boolean;
    }[];
  };
  /** When the session ends without activity, and the way to extend it (WCAG 2.2.1). */
  readonly session?:
    | {
        readonly endsAtText: string;
        readonly remainingSeconds: number;
        readonly warningText: string;
        readonly extendAction: string;
        readonly extendLabel: string;
        readonly next: string;
      }
    | undefined;
}

/** The account bar. */
export function AccountBar(props: AccountBarProps): JSX.Element {
  return (
    <nav class="app-account-bar" aria-label={props.labels.region}>
      <div class="app-width-container app-account-bar__inner">
        <p class="app-account-bar__name">
          <span safe>{props.labels.signedInAs}</span>{" "}
          <strong safe>{props.name}</strong>
        </p>
        {props.municipalities === undefined ? (
          ""
        ) : (
          <div class="app-account-bar__municipalities">
            <span id="app-account-bar-municipalities" safe>
              {props.municipalities.label}
            </span>
            <ul
              class="app-account-bar__links"
              aria-labelledby="app-account-bar-municipalities"
            >
              {props.municipalities.entries.map((entry) => (
                <li>
                  {entry.isCurrent ? (
                    <a
                      class="app-account-bar__link"
                      href={entry.href}
                      aria-current="true"
                    >
                      <strong safe>{entry.name}</strong>
                    </a>
                  ) : (
                    <a class="app-account-bar__link" href={entry.href} safe>
                      {entry.name}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ul class="app-account-bar__links">
          {(props.links ?? []).map((link) => (
            <li>
              <a class="app-account-bar__link" href={link.href} safe>
                {link.label}
              </a>
            </li>
          ))}
          <li>
            <a class="app-account-bar__link" href={props.accountHref} safe>
              {props.labels.account}
            </a>
          </li>
          {props.session === undefined ? (
            ""
          ) : (
            <li
              class="app-account-bar__session"
              data-module="app-session-timeout"
              data-remaining-seconds={String(props.session.remainingSeconds)}
            >
              <span safe>{props.session.endsAtText}</span>{" "}
              <span
                class="app-account-bar__warning"
                aria-live="assertive"
                aria-atomic="true"
                data-session-warning={props.session.warningText}
              ></span>
              <form
                method="post"
                action={props.session.extendAction}
                class="app-account-bar__form"
              >
                <CsrfField token={props.csrfToken} />
                <input type="hidden" name="next" value={props.session.next} />
                <button type="submit" class="app-account-bar__button" safe>
                  {props.session.extendLabel}
                </button>
              </form>
            </li>
          )}
          <li>
            <form
              method="post"
              action={props.signOutAction}
              class="app-account-bar__form"
            >
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="app-account-bar__button" safe>
                {props.labels.signOut}
              </button>
            </form>
          </li>
        </ul>
      </div>
    </nav>
  );
}
