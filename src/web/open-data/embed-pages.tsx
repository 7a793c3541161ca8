/**
 * Embeds for a municipality's own website (/{kommune}/einbetten/…): a project's status
 * card, an action field's timeline as a table, a key figure with its Stand. Each is a
 * whole small HTML document without navigation and without JavaScript, styled by app.css;
 * its link opens the portal in the top window. And the staff page with the code to copy
 * and a preview of each.
 */
import type { StoredIndicator } from "../../app/indicators/read-indicators.js";
import type {
  ActionField,
  Catalogue,
  ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import { formatFigureGerman } from "../../domain/indicator/indicator.js";
import { formatPhasesSpan } from "../../i18n/format-period.js";
import type { Children } from "@kitajs/html";
import {
  HtmlDocument,
  PageLayout,
} from "../components/page-layout/page-layout.js";
import { DetailRow } from "../components/summary-list/detail-row.js";
import type { ViewContext } from "../components/view.js";
import type { EditorChrome } from "../editor/editor-view.js";
import { paths } from "../portal/paths.js";
import { reportPaths } from "../reports/report-paths.js";
import { embedPaths } from "./open-data-paths.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { DataTable } from "../components/data-table/data-table.js";

/** What every embed is drawn with: the municipality and the portal's address. */
interface EmbedProps {
  readonly view: ViewContext;
  readonly catalogue: Catalogue;
  /** The portal's address, before the paths that the links lead to. */
  readonly baseUrl: string;
}

/** An embed's document, ending with the link to its page on the portal (in the top window). */
function EmbedDocument(props: {
  readonly view: ViewContext;
  readonly baseUrl: string;
  readonly title: string;
  /** The portal page's link (as view.link gives it), after the base address. */
  readonly more: string;
  readonly children?: Children;
}): JSX.Element {
  const { view } = props;
  return (
    <HtmlDocument
      lang={view.lang}
      title={props.title}
      bodyClass="app-body app-embed"
    >
      <main class="app-embed__main">
        {props.children}
        <p class="app-body-text">
          <a
            class="app-link"
            href={`${props.baseUrl}${props.more}`}
            target="_top"
            safe
          >
            {view.t.openData.embedMore}
          </a>
        </p>
      </main>
    </HtmlDocument>
  );
}

/** A project's status card. */
export function ProjectCardEmbed(
  props: EmbedProps & { readonly entry: ProjectInContext },
): JSX.Element {
  const { view, entry } = props;
  const { project } = entry;
  const t = view.t.openData;
  const title = `${project.code} ${project.title}`;
  return (
    <EmbedDocument
      view={view}
      baseUrl={props.baseUrl}
      title={title}
      more={view.link(
        paths.project(props.catalogue.municipality.slug, project.slug),
      )}
    >
      <h1 class="app-heading-m" lang={view.contentLang} safe>
        {title}
      </h1>
      <p class="app-body-text" lang={view.contentLang} safe>
        {props.catalogue.programme.levels.flat
          ? entry.actionField.name
          : `${entry.impactArea.name} · ${entry.actionField.name}`}
      </p>
      <dl class="app-summary-list">
        <DetailRow label={t.embedStatus}>
          <strong class={`app-tag app-tag--${project.status}`} safe>
            {view.t.projectStatus[project.status]}
          </strong>
        </DetailRow>
        <DetailRow
          label={t.embedPeriod}
          text={formatPhasesSpan(project.phases, view.lang) ?? "–"}
        />
      </dl>
      <p class="app-body-text" lang={view.contentLang} safe>
        {project.summary}
      </p>
    </EmbedDocument>
  );
}

/** An action field's projects with status and period. */
export function ActionFieldEmbed(
  props: EmbedProps & { readonly field: ActionField },
): JSX.Element {
  const { view, field } = props;
  const t = view.t.openData;
  const slug = props.catalogue.municipality.slug;
  return (
    <EmbedDocument
      view={view}
      baseUrl={props.baseUrl}
      title={field.name}
      more={view.link(paths.timeline(slug), { aktionsfeld: field.key })}
    >
      <DataTable
        caption={t.embedFieldCaption(field.name)}
        captionLang={view.contentLang}
        columns={[t.embedProject, t.embedStatus, t.embedPeriod]}
      >
        {field.projects.map((project) => (
          <tr>
            <th scope="row" lang={view.contentLang} safe>
              {`${project.code} ${project.title}`}
            </th>
            <td safe>{view.t.projectStatus[project.status]}</td>
            <td safe>{formatPhasesSpan(project.phases, view.lang) ?? "–"}</td>
          </tr>
        ))}
      </DataTable>
    </EmbedDocument>
  );
}

/** A key figure with its latest value and Stand. */
export function FigureEmbed(
  props: EmbedProps & { readonly figure: StoredIndicator },
): JSX.Element {
  const { view, figure } = props;
  const t = view.t.openData;
  const latest = figure.observations[figure.observations.length - 1];
  return (
    <EmbedDocument
      view={view}
      baseUrl={props.baseUrl}
      title={figure.indicator.name}
      more={view.link(
        reportPaths.indicators(props.catalogue.municipality.slug),
      )}
    >
      <h1 class="app-heading-m" lang={view.contentLang} safe>
        {figure.indicator.name}
      </h1>
      <dl class="app-summary-list">
        <DetailRow
          label={t.embedValue}
          text={
            latest === undefined
              ? "–"
              : formatFigureGerman(figure.indicator, latest)
          }
          lang={view.contentLang}
        />
        <DetailRow
          label={t.embedStand}
          text={latest === undefined ? "–" : formatGermanDate(latest.day)}
        />
      </dl>
      <p class="app-body-text" lang={view.contentLang} safe>
        {`${figure.indicator.definition}. ${figure.indicator.source}.`}
      </p>
    </EmbedDocument>
  );
}

/** The staff page: per embed the code to copy and a preview. */
export function EmbedCodePage(props: {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly catalogue: Catalogue;
  readonly figures: readonly StoredIndicator[];
  readonly origins: readonly string[];
  readonly baseUrl: string;
}): JSX.Element {
  const { view, catalogue } = props;
  const t = view.t.openData;
  const slug = catalogue.municipality.slug;
  const firstProject = catalogue.impactAreas[0]?.actionFields[0]?.projects[0];
  const firstField = catalogue.impactAreas[0]?.actionFields[0];
  const firstFigure = props.figures[0];
  const items = [
    ...(firstProject === undefined
      ? []
      : [
          {
            id: "projekt",
            title: t.embedKindProject(firstProject.title),
            path: embedPaths.project(slug, firstProject.slug),
            height: 320,
          },
        ]),
    ...(firstField === undefined
      ? []
      : [
          {
            id: "aktionsfeld",
            title: t.embedKindField(firstField.name),
            path: embedPaths.actionField(slug, firstField.key),
            height: 420,
          },
        ]),
    ...(firstFigure === undefined
      ? []
      : [
          {
            id: "kennzahl",
            title: t.embedKindFigure(firstFigure.indicator.name),
            path: embedPaths.figure(slug, firstFigure.indicator.key),
            height: 280,
          },
        ]),
  ];
  return (
    <PageLayout
      view={view}
      title={t.embedPageTitle}
      requestUrl={props.requestUrl}
      {...props.chrome}
    >
      <PageHeading title={t.embedPageTitle} lead={t.embedPageIntro} />
      <p class="app-body-text" safe>
        {props.origins.length === 0
          ? t.embedNoneAllowed
          : t.embedAllowed(props.origins.join(", "))}
      </p>
      {items.map((item) => {
        const code = `<iframe src="${props.baseUrl}${item.path}" title="${item.title.replaceAll('"', "&quot;")}" width="100%" height="${item.height}" style="border:0" loading="lazy"></iframe>`;
        return (
          <section class="app-section" aria-labelledby={`einbetten-${item.id}`}>
            <h2 class="app-heading-l" id={`einbetten-${item.id}`} safe>
              {item.title}
            </h2>
            <h3 class="app-heading-s" id={`code-${item.id}`} safe>
              {t.embedCode}
            </h3>
            <pre
              class="app-code"
              tabindex="0"
              aria-labelledby={`code-${item.id}`}
            >
              <code safe>{code}</code>
            </pre>
            <iframe
              class="app-embed-preview"
              src={item.path}
              title={t.embedPreview(item.title)}
              width="100%"
              height={String(item.height)}
              loading="lazy"
            ></iframe>
          </section>
        );
      })}
    </PageLayout>
  );
}
