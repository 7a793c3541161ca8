/**
 * Says at the top of a portal page which state of the programme it shows: a short "Stand"
 * line for what is published, a banner for an older edition, and an unmistakable banner
 * for the draft ("Entwurf – nicht veröffentlicht"), so that nobody takes a working state
 * for the council's decision. The banners are regions with a heading, so that screen
 * reader users meet them in the headings list too.
 */
import type { Children } from "@kitajs/html";
import { editionTitleIn } from "../../i18n/edition-title.js";
import { formatIsoDateGerman } from "../../domain/calendar/calendar.js";
import type { ViewContext } from "../components/view.js";
import { paths } from "../portal/paths.js";
import type { PortalScope } from "../portal/portal-scope.js";
import { editionPaths } from "./edition-paths.js";

/** Props of the notice. */
export interface ScopeNoticeProps {
  readonly view: ViewContext;
  readonly scope: PortalScope;
}

/** A banner region with a heading (`id` labels it), a line of text and any links below. */
function ScopeBanner(props: {
  readonly id: string;
  /** "draft" (not decided) or "older" (an earlier edition); none for the current edition. */
  readonly variant?: "draft" | "older" | undefined;
  readonly title: string;
  readonly text: string;
  readonly children?: Children;
}): JSX.Element {
  return (
    <div
      class={[
        "app-scope-banner",
        props.variant !== undefined && `app-scope-banner--${props.variant}`,
      ]}
      role="region"
      aria-labelledby={props.id}
    >
      <h2 class="app-scope-banner__title" id={props.id} safe>
        {props.title}
      </h2>
      <p class="app-scope-banner__text" safe>
        {props.text}
      </p>
      {props.children}
    </div>
  );
}

/** The notice for a scope (before the first edition: "Arbeitsstand – noch nicht beschlossen"). */
export function ScopeNotice(props: ScopeNoticeProps): JSX.Element {
  const { view, scope } = props;
  const t = view.t.edition;
  const slug = scope.municipalitySlug;
  const latest = scope.editions.at(-1) ?? null;
  if (scope.kind === "draft") {
    return (
      <ScopeBanner
        id="entwurf-titel"
        variant="draft"
        title={t.draftBannerTitle}
        text={latest === null ? t.draftBannerNoEdition : t.draftBannerText}
      >
        <ul class="app-scope-banner__links">
          <li>
            <a
              class="app-link"
              href={view.link(editionPaths.draftChanges(slug))}
              safe
            >
              {t.draftChangesLink}
            </a>
          </li>
          <li>
            <a class="app-link" href={view.link(paths.municipality(slug))} safe>
              {t.publishedPortalLink}
            </a>
          </li>
        </ul>
      </ScopeBanner>
    );
  }
  const edition = scope.edition;
  if (edition === null) {
    // Nothing adopted yet: say so on every public page (ADR 0026).
    if (scope.kind !== "published") return <></>;
    const o = view.t.onboarding;
    return (
      <ScopeBanner
        id="arbeitsstand-titel"
        variant="draft"
        title={o.portalWorkingStateTitle}
        text={o.portalWorkingStateText}
      />
    );
  }
  if (scope.kind === "edition") {
    const isLatest = latest !== null && latest.number === edition.number;
    return (
      <ScopeBanner
        id="fassung-titel"
        variant={isLatest ? undefined : "older"}
        title={
          isLatest
            ? t.currentEditionTitle(editionTitleIn(view.lang, edition.title))
            : t.olderEditionTitle(editionTitleIn(view.lang, edition.title))
        }
        text={
          isLatest || latest === null
            ? t.currentEditionText(formatIsoDateGerman(edition.publishedOn))
            : t.olderEditionText(
                editionTitleIn(view.lang, edition.title),
                formatIsoDateGerman(edition.publishedOn),
                editionTitleIn(view.lang, latest.title),
              )
        }
      >
        <ul class="app-scope-banner__links">
          {isLatest ? (
            ""
          ) : (
            <li>
              <a
                class="app-link"
                href={view.link(paths.municipality(slug))}
                safe
              >
                {t.toCurrentEdition}
              </a>
            </li>
          )}
          <li>
            <a class="app-link" href={view.link(editionPaths.list(slug))} safe>
              {t.allEditions}
            </a>
          </li>
        </ul>
      </ScopeBanner>
    );
  }
  const previous =
    scope.editions
      .filter((candidate) => candidate.number < edition.number)
      .at(-1) ?? null;
  return (
    <p class="app-edition-line">
      <span safe>
        {t.publishedAs(
          editionTitleIn(view.lang, edition.title),
          formatIsoDateGerman(edition.publishedOn),
        )}
      </span>
      {previous === null ? (
        ""
      ) : (
        <a
          class="app-link"
          href={view.link(editionPaths.changes(slug, edition.number))}
          safe
        >
          {t.changesSince(editionTitleIn(view.lang, previous.title))}
        </a>
      )}
      <a
        class="app-link"
        href={view.link(editionPaths.edition(slug, edition.number))}
        safe
      >
        {t.documentsTitle}
      </a>
      <a class="app-link" href={view.link(editionPaths.list(slug))} safe>
        {t.allEditions}
      </a>
    </p>
  );
}
