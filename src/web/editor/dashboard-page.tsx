/**
 * The editor's start page: the projects the person may edit (an editor's org units'
 * projects, all for administrators) and the way to the other parts of the editor.
 */
import { Html } from "@kitajs/html";
import type { UpdateRequest } from "../../app/reports/read-reports.js";
import { UpdateRequests } from "../reports/report-editor-pages.js";
import type { EditorOverview } from "../../app/catalogue/read-editor.js";
import { NoticeBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { ProjectStatusTag } from "../components/status-tag/status-tag.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { editorPaths } from "./editor-paths.js";
import type { EditorChrome } from "./editor-view.js";
import type { Onboarding } from "../../app/municipalities/onboarding.js";
import { OnboardingPanel } from "./onboarding-panel.js";
import { Section } from "../components/section/section.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { DataTable } from "../components/data-table/data-table.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";

/** Props of the dashboard. */
export interface DashboardPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly overview: EditorOverview;
  readonly notice?: string | undefined;
  /** The draft reports the person still owes updates to (web/reports/). */
  readonly updateRequests?: readonly UpdateRequest[] | undefined;
  /** Administrators: the first steps and the release to the portal (onboarding-panel.tsx). */
  readonly onboarding?: Onboarding | undefined;
  readonly csrfToken?: string | undefined;
}

/** The dashboard. */
export function DashboardPage(props: DashboardPageProps): JSX.Element {
  const { overview } = props;
  const view = withLevels(props.view, overview.catalogue.programme.levels);
  const t = view.t.editor;
  const slug = overview.catalogue.municipality.slug;
  const isAdministrator = overview.rights.isAdministrator;
  return (
    <PageLayout
      view={view}
      title={t.dashboardTitle}
      requestUrl={props.requestUrl}
      {...props.chrome}
    >
      <NoticeBanner notice={props.notice} />
      <PageHeading
        title={t.dashboardTitle}
        lead={
          isAdministrator
            ? t.dashboardIntroAdmin
            : t.dashboardIntroEditor(overview.principal.orgUnitCodes.join(", "))
        }
      />
      <UpdateRequests
        view={view}
        slug={slug}
        requests={props.updateRequests ?? []}
      />
      {props.onboarding === undefined ? (
        ""
      ) : (
        <OnboardingPanel
          view={view}
          slug={slug}
          onboarding={props.onboarding}
          csrfToken={props.csrfToken ?? ""}
        />
      )}

      <Section
        id="projekte-titel"
        title={isAdministrator ? t.allProjects : t.yourProjects}
      >
        {isAdministrator &&
        props.onboarding?.steps.find((step) => step.key === "projects")
          ?.isAvailable === false ? (
          <p class="app-body-text" safe>
            {view.t.onboarding.projectNeedsStructure}
          </p>
        ) : isAdministrator ? (
          <ParagraphLink
            href={view.link(editorPaths.newProject(slug))}
            text={t.newProject}
            kind="secondary"
          />
        ) : (
          ""
        )}
        <ItemsOrNone items={overview.projects} none={t.noProjects}>
          <DataTable
            caption={t.projectsCaption(overview.projects.length)}
            columns={[
              t.columnCode,
              t.columnProject,
              t.columnActionField,
              t.columnStatus,
              t.columnHistory,
            ]}
          >
            {overview.projects.map(({ project, actionField, impactArea }) => (
              <tr>
                <td class="app-timeline-table__code" safe>
                  {project.code}
                </td>
                <th scope="row">
                  <a
                    class="app-link"
                    href={view.link(editorPaths.project(slug, project.slug))}
                    lang={view.contentLang}
                    safe
                  >
                    {project.title}
                  </a>
                </th>
                <td lang={view.contentLang} safe>
                  {overview.catalogue.programme.levels.flat
                    ? actionField.name
                    : `${actionField.name} (${impactArea.name})`}
                </td>
                <td>
                  <ProjectStatusTag view={view} status={project.status} />
                </td>
                <td>
                  <a
                    class="app-link"
                    href={view.link(editorPaths.history(slug, project.slug))}
                    aria-label={
                      view.contentLang === undefined
                        ? t.historyLinkLabel(`${project.code} ${project.title}`)
                        : undefined
                    }
                  >
                    {view.contentLang === undefined ? (
                      Html.escapeHtml(t.historyLink)
                    ) : (
                      // The project's title is German: named in the text, where it can be marked.
                      <>
                        {Html.escapeHtml(t.historyLink)}
                        <span class="app-visually-hidden">
                          {": "}
                          <span lang={view.contentLang} safe>
                            {`${project.code} ${project.title}`}
                          </span>
                        </span>
                      </>
                    )}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        </ItemsOrNone>
      </Section>
    </PageLayout>
  );
}
