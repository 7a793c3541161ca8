/**
 * What a municipality's public pages share around their content: the first breadcrumb
 * (the municipality, linking to its programme) and, for pages of one heading, the frame.
 */
import type { Children } from "@kitajs/html";
import type { Crumb } from "../components/breadcrumbs/breadcrumbs.js";
import {
  PageLayout,
  type NavigationItem,
} from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { paths } from "./paths.js";
import { siteHeader } from "./site.js";
import { PageHeading } from "../components/page-heading/page-heading.js";

/** The first breadcrumb of a municipality's public pages: its name, linking to its programme. */
export function municipalityCrumb(
  view: ViewContext,
  municipality: { readonly slug: string; readonly name: string },
): Crumb {
  return {
    label: municipality.name,
    href: view.link(paths.municipality(municipality.slug)),
    lang: view.contentLang,
  };
}

/** What every public page of a municipality is drawn with. */
export interface PortalPageProps {
  readonly view: ViewContext;
  readonly catalogue: Catalogue;
  readonly requestUrl: string;
}

/**
 * A public page: the municipality's header, the breadcrumbs (the municipality, then the
 * trail) and the heading with its lead, unless the content brings its own heading.
 */
export function PortalFrame(
  props: PortalPageProps & {
    title: string;
    parent?: { label: string; href: string } | undefined;
    /** The breadcrumbs after the municipality; by default the parent, if any, and the title. */
    trail?: readonly Crumb[] | undefined;
    /** The entry of the main navigation the page belongs to. */
    current?: NavigationItem | undefined;
    lead?: string | undefined;
    /** The content starts with its own h1 (a page whose heading carries more than its title). */
    hasOwnHeading?: boolean | undefined;
    children?: Children;
  },
): JSX.Element {
  const { view, catalogue } = props;
  const trail = props.trail ?? [
    ...(props.parent === undefined ? [] : [props.parent]),
    { label: props.title },
  ];
  return (
    <PageLayout
      view={view}
      title={props.title}
      requestUrl={props.requestUrl}
      site={siteHeader(catalogue)}
      current={props.current}
      breadcrumbs={[municipalityCrumb(view, catalogue.municipality), ...trail]}
    >
      {props.hasOwnHeading === true ? (
        ""
      ) : (
        <PageHeading title={props.title} lead={props.lead} />
      )}
      {props.children}
    </PageLayout>
  );
}

/** A public page that says one sentence (a mail link's outcome), with what follows it (a button). */
export function MessagePage(
  props: PortalPageProps & {
    title: string;
    text: string;
    children?: Children;
  },
): JSX.Element {
  return (
    <PortalFrame
      view={props.view}
      catalogue={props.catalogue}
      requestUrl={props.requestUrl}
      title={props.title}
      lead={props.text}
    >
      {props.children}
    </PortalFrame>
  );
}
