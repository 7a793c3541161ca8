/**
 * The frame of every portal page: skip link, header with the municipality and programme,
 * main navigation, breadcrumbs, main landmark and footer. One CSS file and one small
 * module script; no inline style or script anywhere (the CSP forbids them).
 */
import { Html, type Children } from "@kitajs/html";
import {
  AccountBar,
  type AccountBarProps,
} from "../account-bar/account-bar.js";
import { Breadcrumbs, type Crumb } from "../breadcrumbs/breadcrumbs.js";
import type { ViewContext } from "../view.js";
import { paths, switchLanguage } from "../../portal/paths.js";
import { reportPaths } from "../../reports/report-paths.js";
import { editionPaths } from "../../edition/edition-paths.js";
import { openDataPaths } from "../../open-data/open-data-paths.js";
import { assetPath } from "../../http/static-assets.js";
import { accessibilityPaths } from "../../accessibility/accessibility-paths.js";

/** The municipality and programme a page belongs to, for the header and navigation. */
export interface SiteHeader {
  readonly municipalitySlug: string;
  readonly municipalityName: string;
  readonly programmeTitle: string;
}

/** Which entry of the main navigation is the current page. */
export type NavigationItem =
  "overview" | "timeline" | "search" | "editions" | "reports" | "indicators";

/** A link of a navigation other than the portal's. */
export interface NavigationEntry {
  readonly href: string;
  readonly label: string;
  readonly isCurrent: boolean;
}

/** Props of the page frame. */
export interface PageLayoutProps {
  readonly view: ViewContext;
  /** The page's own title; the document title adds programme and service. */
  readonly title: string;
  /** The URL of this request, for the language link. */
  readonly requestUrl: string;
  readonly site?: SiteHeader | undefined;
  readonly breadcrumbs?: readonly Crumb[] | undefined;
  readonly current?: NavigationItem | undefined;
  /** The signed-in person (account bar with sign-out); only on pages that are never cached publicly. */
  readonly account?: AccountBarProps | undefined;
  /** Links of the main navigation in place of the portal's (the editor has its own). */
  readonly navigation?: readonly NavigationEntry[] | undefined;
  /** An error page: the document title starts with "Fehler:" (a page with an error summary does so by itself). */
  readonly isError?: boolean | undefined;
  readonly children?: Children;
}

/** What marks a page whose form came back with problems (components/error-summary). */
const ERROR_SUMMARY_MARK = 'class="app-error-summary"';

/**
 * The page frame around a page's main content. The document title starts with "Fehler:"
 * ("Error:") on error pages and on pages whose form came back with an error summary
 * (WCAG 2.4.2, 3.3.1), so that the first thing a screen reader announces is the failure.
 */
export function PageLayout(props: PageLayoutProps): JSX.Element {
  const content = Html.contentsToString([props.children]);
  return typeof content === "string"
    ? renderLayout(props, content)
    : content.then((text) => renderLayout(props, text));
}

function renderLayout(props: PageLayoutProps, content: string): JSX.Element {
  const { view, site, current } = props;
  const { t } = view;
  const otherLanguage = view.lang === "de" ? "en" : "de";
  const hasError =
    props.isError === true || content.includes(ERROR_SUMMARY_MARK);
  // Rendered from the page's own elements above: markup, not text to escape.
  const safeMain = content;
  // Staff pages (signed in, with the municipality's header) say so in the title, so that
  // they never share one with the public page of the same name (WCAG 2.4.2).
  const isStaffPage =
    site !== undefined &&
    (props.navigation !== undefined || props.account !== undefined);
  // The editor's own navigation, else the portal's on a municipality's pages.
  const navigation =
    props.navigation ??
    (site === undefined ? undefined : portalNavigation(view, site, current));
  const documentTitle =
    (hasError ? t.errorTitlePrefix : "") +
    [
      props.title,
      isStaffPage ? t.staffTitle : undefined,
      site?.programmeTitle,
      t.serviceName,
    ]
      .filter(
        (part, index, all) => part !== undefined && all.indexOf(part) === index,
      )
      .join(" – ");
  return (
    <HtmlDocument
      lang={view.lang}
      title={documentTitle}
      head={<script type="module" src={assetPath("app.js")}></script>}
      bodyClass="app-body"
    >
      <a class="app-skip-link" href="#inhalt" safe>
        {t.skipLink}
      </a>
      <header class="app-header">
        {props.account === undefined ? "" : <AccountBar {...props.account} />}
        <div class="app-width-container app-header__inner">
          {site === undefined ? (
            <a class="app-header__brand" href={view.link(paths.home())}>
              <span class="app-header__title" safe>
                {t.serviceName}
              </span>
            </a>
          ) : (
            <a
              class="app-header__brand"
              href={view.link(paths.municipality(site.municipalitySlug))}
            >
              <span
                class="app-header__municipality"
                lang={view.contentLang}
                safe
              >
                {site.municipalityName}
              </span>
              <span class="app-header__title" lang={view.contentLang} safe>
                {site.programmeTitle}
              </span>
            </a>
          )}
          <a
            class="app-header__language"
            href={switchLanguage(props.requestUrl, otherLanguage)}
            hreflang={otherLanguage}
            lang={otherLanguage}
            safe
          >
            {t.languageSwitch}
          </a>
        </div>
        {navigation === undefined ? (
          ""
        ) : (
          <nav class="app-navigation" aria-label={t.mainNavigation}>
            <ul class="app-width-container app-navigation__list">
              {navigation.map((entry) => (
                <NavigationLink
                  href={entry.href}
                  label={entry.label}
                  isCurrent={entry.isCurrent}
                />
              ))}
            </ul>
          </nav>
        )}
      </header>
      <div class="app-width-container">
        {props.breadcrumbs === undefined || props.breadcrumbs.length === 0 ? (
          ""
        ) : (
          <Breadcrumbs label={t.breadcrumbs} crumbs={props.breadcrumbs} />
        )}
        {/* tabindex -1 lets the skip link move keyboard focus, not just the scroll position. */}
        <main id="inhalt" class="app-main" tabindex="-1">
          {safeMain}
        </main>
      </div>
      <footer class="app-footer">
        <div class="app-width-container">
          <p class="app-footer__text" safe>
            {t.footerAbout}
          </p>
          <ul class="app-footer__links">
            {footerLinks(view, site).map((link) => (
              <FooterLink {...link} />
            ))}
          </ul>
        </div>
      </footer>
    </HtmlDocument>
  );
}

/**
 * A whole HTML document of ours: its language, the title, the one stylesheet and what else
 * the head needs, and the body with its class. The portal's pages and the embeds use it.
 */
export function HtmlDocument(props: {
  readonly lang: string;
  readonly title: string;
  /** What the head holds after the stylesheet (the app's module script). */
  readonly head?: Children;
  readonly bodyClass: string;
  readonly children?: Children;
}): JSX.Element {
  return (
    <>
      {"<!doctype html>"}
      <html lang={props.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{props.title}</title>
          <link rel="stylesheet" href={assetPath("app.css")} />
          {props.head}
        </head>
        <body class={props.bodyClass}>{props.children}</body>
      </html>
    </>
  );
}

function NavigationLink(props: {
  href: string;
  label: string;
  isCurrent: boolean;
}): JSX.Element {
  return (
    <li class="app-navigation__item">
      <a
        class={[
          "app-navigation__link",
          props.isCurrent && "app-navigation__link--current",
        ]}
        href={props.href}
        aria-current={props.isCurrent ? "page" : undefined}
        safe
      >
        {props.label}
      </a>
    </li>
  );
}

/**
 * The footer's links: the API (the municipality's catalogue on its pages) and its
 * documentation everywhere, open data, following and accessibility on a municipality's pages.
 */
/** The portal's main navigation on a municipality's pages, with the current page marked. */
function portalNavigation(
  view: ViewContext,
  site: SiteHeader,
  current: NavigationItem | undefined,
): readonly NavigationEntry[] {
  const { t } = view;
  const slug = site.municipalitySlug;
  const entries: readonly [NavigationItem, string, string][] = [
    ["overview", paths.municipality(slug), t.navOverview],
    ["timeline", paths.timeline(slug), t.navTimeline],
    ["search", paths.search(slug), t.navSearch],
    ["editions", editionPaths.list(slug), t.edition.navEditions],
    ["reports", reportPaths.reports(slug), t.reports.navReports],
    ["indicators", reportPaths.indicators(slug), t.reports.navFigures],
  ];
  return entries.map(([item, path, label]) => ({
    href: view.link(path),
    label,
    isCurrent: current === item,
  }));
}

function footerLinks(
  view: ViewContext,
  site: SiteHeader | undefined,
): readonly { href: string; label: string }[] {
  const { t } = view;
  if (site === undefined)
    return [
      { href: "/api/v1/municipalities", label: t.footerApi },
      { href: "/api/openapi.json", label: t.footerApiDocs },
    ];
  const slug = site.municipalitySlug;
  return [
    {
      href: `/api/v1/municipalities/${encodeURIComponent(slug)}/catalogue`,
      label: t.footerApi,
    },
    {
      href: view.link(openDataPaths.page(slug)),
      label: t.openData.navOpenData,
    },
    {
      href: view.link(openDataPaths.follow(slug)),
      label: t.subscriptions.followTitle,
    },
    { href: "/api/openapi.json", label: t.footerApiDocs },
    {
      href: view.link(accessibilityPaths.statement(slug)),
      label: t.accessibility.footerStatement,
    },
    {
      href: view.link(accessibilityPaths.reportBarrier(slug)),
      label: t.accessibility.footerReport,
    },
  ];
}

/** A link in the footer's list. */
function FooterLink(props: { href: string; label: string }): JSX.Element {
  return (
    <li>
      <a href={props.href} safe>
        {props.label}
      </a>
    </li>
  );
}
