/**
 * The admin home's guidance for a new municipality: the first steps in order, each with
 * its state and a link only when what it depends on exists, and the release of the
 * working state to the portal while no edition is published (ADR 0026).
 */
import type { Onboarding } from "../../app/municipalities/onboarding.js";
import { ButtonForm } from "../components/form/button-form.js";
import type { ViewContext } from "../components/view.js";
import { editorPaths } from "./editor-paths.js";
import { Section } from "../components/section/section.js";

/** Paths of the release form. */
export const releasePath = (slug: string): string =>
  `/${encodeURIComponent(slug)}/verwaltung/freigabe`;

/** Props of the panel. */
export interface OnboardingPanelProps {
  readonly view: ViewContext;
  readonly slug: string;
  readonly onboarding: Onboarding;
  readonly csrfToken: string;
}

function stepLink(
  slug: string,
  key: Onboarding["steps"][number]["key"],
): string | null {
  switch (key) {
    case "programme":
      return editorPaths.programme(slug);
    case "impact-areas":
      return `${editorPaths.structure(slug)}#wb-neu`;
    case "action-fields":
      return `${editorPaths.structure(slug)}#af-neu`;
    case "org-units":
      return `${editorPaths.orgUnits(slug)}#oe-neu`;
    case "projects":
      return editorPaths.newProject(slug);
    case "release":
      return "#freigabe";
  }
}

/** The first steps (while any is open) and the release section (while no edition exists). */
export function OnboardingPanel(props: OnboardingPanelProps): JSX.Element {
  const { view, slug, onboarding } = props;
  const t = view.t.onboarding;
  const showSteps = onboarding.next !== null && !onboarding.hasEdition;
  const showRelease =
    onboarding.release.requiresRelease && !onboarding.hasEdition;
  return (
    <>
      {showSteps ? (
        <Section id="erste-schritte-titel" title={t.title}>
          <p class="app-body-text" safe>
            {t.intro}
          </p>
          <ol class="app-list app-list--number app-onboarding">
            {onboarding.steps.map((step) => {
              const link = stepLink(slug, step.key);
              const title = t.stepTitles[step.key];
              const state = step.isDone
                ? t.done
                : step.isAvailable
                  ? t.open
                  : t.notYet;
              const isNext = onboarding.next === step.key;
              return (
                <li
                  class={[
                    "app-onboarding__step",
                    isNext && "app-onboarding__step--next",
                  ]}
                >
                  {step.isAvailable && link !== null ? (
                    <a
                      class="app-link"
                      href={link.startsWith("#") ? link : view.link(link)}
                      aria-current={isNext ? "step" : undefined}
                      safe
                    >
                      {title}
                    </a>
                  ) : (
                    <span safe>{title}</span>
                  )}{" "}
                  {step.count === null ? (
                    ""
                  ) : (
                    <span safe>{t.count(step.count)}</span>
                  )}{" "}
                  <strong class="app-onboarding__state" safe>
                    {isNext ? `${t.next}: ${state}` : state}
                  </strong>
                  {!step.isAvailable && t.stepNeeds[step.key] !== "" ? (
                    <span class="app-hint" safe>
                      {` ${t.stepNeeds[step.key]}`}
                    </span>
                  ) : (
                    ""
                  )}
                </li>
              );
            })}
          </ol>
        </Section>
      ) : (
        ""
      )}
      {showRelease ? (
        <Section id="freigabe-titel" title={t.releaseTitle} anchor="freigabe">
          <p class="app-body-text" safe>
            {t.releaseText}
          </p>
          <p class="app-body-text" safe>
            {onboarding.release.releasedAt === null
              ? t.releaseNever
              : t.releasedAt(
                  new Date(onboarding.release.releasedAt).toLocaleString(
                    view.lang === "de" ? "de-DE" : "en-GB",
                    { timeZone: "Europe/Berlin" },
                  ),
                  onboarding.release.releasedByLabel ?? "",
                )}
          </p>
          {onboarding.steps.find((step) => step.key === "release")
            ?.isAvailable === true ? (
            <ButtonForm
              action={view.link(releasePath(slug))}
              csrfToken={props.csrfToken}
              label={t.releaseButton}
            />
          ) : (
            <p class="app-hint" safe>
              {t.stepNeeds.release}
            </p>
          )}
        </Section>
      ) : (
        ""
      )}
    </>
  );
}
