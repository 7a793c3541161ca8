/**
 * The frame of a staff page that is one form (a municipality's settings): the editor's
 * header and navigation, the error summary after a failed save, the notice after a
 * successful one, and the heading; the page's own content follows.
 */
import type { Children } from "@kitajs/html";
import type { AccountBarProps } from "../account-bar/account-bar.js";
import { FailedFormSummary } from "../error-summary/failed-form-summary.js";
import { NoticeBanner } from "../notification-banner/notification-banner.js";
import {
  PageLayout,
  type NavigationEntry,
  type SiteHeader,
} from "../page-layout/page-layout.js";
import type { ViewContext } from "../view.js";
import type { FailedForm } from "./failed-form.js";
import { PageHeading } from "../page-heading/page-heading.js";

/** Props of the frame. */
export interface StaffFormPageProps {
  readonly view: ViewContext;
  /** The page's title and its heading. */
  readonly title: string;
  readonly requestUrl: string;
  /** The editor's header, account bar and navigation. */
  readonly chrome: {
    readonly site: SiteHeader;
    readonly account: AccountBarProps | undefined;
    readonly navigation: readonly NavigationEntry[];
  };
  /** The title of the error summary. */
  readonly errorTitle: string;
  readonly failed?: FailedForm | undefined;
  readonly notice?: string | undefined;
  /** The lead paragraph under the heading, if any. */
  readonly intro?: string | undefined;
  readonly children?: Children;
}

/** The frame with its summary, notice and heading around the page's content. */
export function StaffFormPage(props: StaffFormPageProps): JSX.Element {
  return (
    <PageLayout
      view={props.view}
      title={props.title}
      requestUrl={props.requestUrl}
      {...props.chrome}
    >
      <FailedFormSummary title={props.errorTitle} failed={props.failed} />
      <NoticeBanner notice={props.notice} />
      <PageHeading title={props.title} lead={props.intro} />
      {props.children}
    </PageLayout>
  );
}
