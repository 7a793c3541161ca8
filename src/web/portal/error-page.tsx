/**
 * The page for every error on the portal: a heading by status ("Seite nicht gefunden"),
 * the message of the error code, and a way back. Never a stack trace.
 */
import type { ErrorPageStatus } from "../../i18n/de.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { paths } from "./paths.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";

/** Props of the error page. */
export interface ErrorPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** A more specific explanation, e.g. which value was wrong. */
  readonly detail?: string | null | undefined;
  /** For 401: the sign-in page, with the way back to this one. */
  readonly signInHref?: string | undefined;
}

/** The error page. */
export function ErrorPage(props: ErrorPageProps): JSX.Element {
  const { view } = props;
  const { t } = view;
  const heading = t.errorTitle[headingStatus(props.status)];
  return (
    <PageLayout
      view={view}
      title={heading}
      requestUrl={props.requestUrl}
      isError
    >
      <PageHeading title={heading} lead={props.message} />
      {props.detail === undefined ||
      props.detail === null ||
      props.detail === "" ? (
        ""
      ) : (
        <p class="app-body-text" safe>
          {props.detail}
        </p>
      )}
      {props.signInHref === undefined ? (
        ""
      ) : (
        <ParagraphLink
          href={props.signInHref}
          text={t.errorSignIn}
          kind="button"
        />
      )}
      <ParagraphLink href={view.link(paths.home())} text={t.errorBackHome} />
      <p class="app-hint" safe>
        {t.errorCode(props.code)}
      </p>
    </PageLayout>
  );
}

function headingStatus(status: number): ErrorPageStatus {
  if (
    status === 401 ||
    status === 403 ||
    status === 404 ||
    status === 429 ||
    status === 503
  )
    return status;
  return status >= 500 ? 500 : 400;
}
