/**
 * A message at the top of a page after something happened (GOV.UK notification banner):
 * "Das Konto wurde angelegt." role="status" lets screen readers announce it politely.
 */
import type { Children } from "@kitajs/html";

/** Props of the banner. */
export interface NotificationBannerProps {
  readonly title: string;
  readonly kind?: "success" | "important";
  readonly children?: Children;
}

/** A banner with a title and optional content. */
export function NotificationBanner(
  props: NotificationBannerProps,
): JSX.Element {
  const kind = props.kind ?? "success";
  return (
    <div
      class={[
        "app-notification-banner",
        kind === "success" && "app-notification-banner--success",
      ]}
      role={kind === "success" ? "status" : "region"}
      aria-labelledby="hinweis-titel"
    >
      <h2 class="app-notification-banner__title" id="hinweis-titel" safe>
        {props.title}
      </h2>
      {/* Always present (empty without children): the HTML scanner cannot follow a condition on children. */}
      <div class="app-notification-banner__content">{props.children}</div>
    </div>
  );
}

/** The banner of a page reached with a notice (after a save); nothing without one. */
export function NoticeBanner(props: {
  readonly notice: string | undefined;
}): JSX.Element {
  return props.notice === undefined ? (
    ""
  ) : (
    <NotificationBanner title={props.notice} />
  );
}

/**
 * The banner that hands over something shown only this once (an invitation link, a new API
 * token), with a hint on what to do with it; nothing when there is nothing to hand over.
 */
export function SecretBanner(props: {
  readonly title: string;
  readonly secret: string | undefined;
  readonly hint?: string;
  /** An id for the secret, for a link or a test to find it. */
  readonly secretId?: string;
}): JSX.Element {
  return props.secret === undefined ? (
    ""
  ) : (
    <NotificationBanner title={props.title} kind="important">
      {props.hint === undefined ? (
        ""
      ) : (
        <p class="app-body-text" safe>
          {props.hint}
        </p>
      )}
      <p class="app-body-text">
        <code class="app-secret" id={props.secretId} safe>
          {props.secret}
        </code>
      </p>
    </NotificationBanner>
  );
}
