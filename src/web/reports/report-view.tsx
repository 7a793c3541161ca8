/**
 * A status report as HTML, from its document: the same markup on the portal, in the
 * staff preview and in the print view the PDF is made from (headings, lists and tables
 * become the PDF's tags). Every figure is shown with its definition and its as-of date.
 */
import type { CachedOparlObject } from "../../app/open-data/oparl-sync.js";
import type { PublicMeetingDetails } from "../../app/reports/read-reports.js";
import { agendaItemLabel } from "../../domain/body/body.js";
import { DEFAULT_LEVELS } from "../../domain/catalogue/levels.js";
import { formatGermanNumber } from "../../domain/indicator/german-number.js";
import {
  formatGermanDate,
  formatIsoDate,
  germanDayOf,
} from "../../domain/calendar/calendar.js";
import { layoutMaturityChart } from "../../domain/service/maturity-chart.js";
import {
  completeStoredOzgFigures,
  type OzgFigures,
} from "../../domain/service/ozg-figures.js";
import { REPORT_CHANNEL_GROUPS } from "../../domain/service/service.js";
import {
  hasOutlookSection,
  ozgProjectOf,
  reportBlocks,
  type ReportDocument,
  type ReportFigure,
  type ReportProjectEntry,
  type ReportSection,
} from "../../domain/report/report-document.js";
import {
  blockHeading,
  FreeSection,
  OutlookList,
} from "./report-free-sections-view.js";
import { ColourSwatch } from "../components/colour-marker/colour-marker.js";
import { IndicatorFigure } from "../components/indicator-chart/indicator-chart.js";
import { MaturityFigure } from "../components/maturity-chart/maturity-chart.js";
import { ReportStatusTag } from "../components/report-status-tag/report-status-tag.js";
import type { ViewContext } from "../components/view.js";
import { editionPaths } from "../edition/edition-paths.js";
import { DataTable } from "../components/data-table/data-table.js";
import { DetailRow } from "../components/summary-list/detail-row.js";
// The page piece, named apart from this view's Section (a section of the report).
import { Section as TitledSection } from "../components/section/section.js";
import { ProjectCodeTitle } from "../components/project-code-title/project-code-title.js";

/** The anchor of a free section: its place in the report's order. */
function freeSectionId(index: number): string {
  return `teil-${index + 1}`;
}

/** Where the report's links lead (portal or staff pages). */
export interface ReportLinks {
  /** The previous report, when the reader may open it. */
  readonly previousReport: string | null;
  /** A project's page. */
  readonly project: (slug: string) => string;
}

/** Props of the report view. */
export interface ReportViewProps {
  readonly view: ViewContext;
  readonly document: ReportDocument;
  readonly links: ReportLinks;
  /** The print view opens every table (a PDF cannot unfold a <details>). */
  readonly isPrint?: boolean;
  /** The meeting's OParl paper as last fetched (`fortschritt oparl sync`), if cached. */
  readonly oparlPaper?: CachedOparlObject | null;
  /** The paper to link: the report's own OParl Paper, else (left out) the meeting's. */
  readonly oparlPaperUrl?: string | null;
  /** The meeting's agenda item, presenters, questions and answers and public members (portal). */
  readonly meeting?: PublicMeetingDetails | null;
}

/** The meeting as it was held: agenda item, paper, presenters, questions and answers, members. */
function MeetingDetails(props: {
  readonly view: ViewContext;
  readonly meeting: PublicMeetingDetails;
  readonly committeeName: string;
}): JSX.Element {
  const { view, meeting } = props;
  const t = view.t.bodies;
  const agenda = agendaItemLabel(meeting);
  const hasFacts =
    agenda !== null ||
    meeting.paperReference !== null ||
    meeting.presenters.length > 0;
  if (
    !hasFacts &&
    meeting.minutes.length === 0 &&
    meeting.publicMembers.length === 0
  )
    return <></>;
  return (
    <TitledSection
      id="sitzung"
      title={view.t.reports.meetingLabel}
      class="app-report__meeting-details"
    >
      {hasFacts ? (
        <dl class="app-summary-list">
          {agenda === null ? (
            ""
          ) : (
            <DetailRow
              label={t.agendaItem}
              text={agenda}
              lang={view.contentLang}
            />
          )}
          {meeting.paperReference === null ? (
            ""
          ) : (
            <DetailRow label={t.paperReference} text={meeting.paperReference} />
          )}
          {meeting.presenters.length === 0 ? (
            ""
          ) : (
            <DetailRow label={t.presenters}>
              <ul class="app-list" lang={view.contentLang}>
                {meeting.presenters.map((presenter) => (
                  <li safe>
                    {presenter.function === ""
                      ? presenter.name
                      : `${presenter.name}, ${presenter.function}`}
                  </li>
                ))}
              </ul>
            </DetailRow>
          )}
        </dl>
      ) : (
        ""
      )}
      {meeting.minutes.length === 0 ? (
        ""
      ) : (
        <>
          <h3 class="app-heading-m" safe>
            {t.minutes}
          </h3>
          <dl class="app-report__minutes" lang={view.contentLang}>
            {meeting.minutes.map((item) => (
              <>
                <dt class="app-body-text">
                  <strong safe>{`${t.question}: `}</strong>
                  <span safe>{item.question}</span>
                </dt>
                <dd class="app-body-text">
                  <strong safe>{`${t.answer}: `}</strong>
                  <span safe>{item.answer}</span>
                </dd>
              </>
            ))}
          </dl>
        </>
      )}
      {meeting.publicMembers.length === 0 ? (
        ""
      ) : (
        <>
          <h3 class="app-heading-m" lang={view.contentLang} safe>
            {t.publicMembersHeading(t.kinds[meeting.kind], props.committeeName)}
          </h3>
          <ul class="app-list" lang={view.contentLang}>
            {meeting.publicMembers.map((member) => (
              <li safe>
                {[member.name, member.role, member.group]
                  .filter((part) => part !== null)
                  .join(", ")}
              </li>
            ))}
          </ul>
        </>
      )}
    </TitledSection>
  );
}

/** Lines of stored content as a bullet list (highlights, what changed), in the content's language. */
export function ContentLines(props: {
  readonly view: ViewContext;
  readonly lines: readonly string[];
}): JSX.Element {
  return (
    <ul class="app-list app-list--bullet">
      {props.lines.map((line) => (
        <li lang={props.view.contentLang} safe>
          {line}
        </li>
      ))}
    </ul>
  );
}
/** One row of the OZG figures: a label and how to read it from the figures. */
interface OzgRow {
  readonly label: string;
  readonly value: (figures: OzgFigures) => number;
  readonly isSub?: boolean;
}

function ozgRows(view: ViewContext): readonly OzgRow[] {
  const t = view.t.reports;
  return [
    { label: t.ozgDefined, value: (f) => f.defined },
    {
      label: t.ozgDefinedNotResponsible,
      value: (f) => f.notResponsibleLocally,
      isSub: true,
    },
    { label: t.ozgImplemented, value: (f) => f.implemented },
    {
      label: t.ozgFrontAndBack,
      value: (f) => f.withFrontEndAndBackEnd,
      isSub: true,
    },
    { label: t.ozgFrontOnly, value: (f) => f.frontEndOnly, isSub: true },
    { label: t.ozgEPayment, value: (f) => f.withEPayment, isSub: true },
    { label: t.ozgEId, value: (f) => f.withEId, isSub: true },
    ...REPORT_CHANNEL_GROUPS.map((group, index) => ({
      label: t.ozgChannelGroup(t.ozgReportChannelGroups[index] ?? group.label),
      value: (f: OzgFigures) => f.byChannelGroup[index]?.count ?? 0,
      isSub: true,
    })),
    { label: t.ozgApplications, value: (f) => f.onlineApplications },
    {
      label: t.ozgApplicationsOfImplemented,
      value: (f) => f.onlineApplicationsOfImplemented,
      isSub: true,
    },
    {
      label: t.ozgApplicationsOtherAuthority,
      value: (f) => f.onlineApplicationsOtherAuthority,
      isSub: true,
    },
    {
      label: t.ozgApplicationsBeyondOzg,
      value: (f) => f.onlineApplicationsBeyondOzg,
      isSub: true,
    },
  ];
}

function FigureList(props: {
  readonly view: ViewContext;
  readonly figures: readonly ReportFigure[];
  readonly document: ReportDocument;
  readonly idPrefix: string;
  readonly headingLevel: 3 | 4;
  readonly isPrint: boolean;
}): JSX.Element {
  const { view, document } = props;
  const changeLabel =
    document.previous === null
      ? undefined
      : view.t.reports.sinceReport(formatGermanDate(document.previous.asOf));
  return (
    <div class="app-figure-list">
      {props.figures.map((figure, index) => (
        <IndicatorFigure
          view={view}
          indicator={figure.indicator}
          observations={figure.observations}
          chartKind={figure.chartKind}
          asOf={document.asOf}
          idPrefix={`${props.idPrefix}-${index + 1}`}
          headingLevel={props.headingLevel}
          change={figure.change}
          changeLabel={changeLabel}
          isPrint={props.isPrint}
        />
      ))}
    </div>
  );
}

function ProjectEntry(props: {
  readonly view: ViewContext;
  readonly project: ReportProjectEntry;
  readonly document: ReportDocument;
  readonly links: ReportLinks;
  readonly isPrint: boolean;
}): JSX.Element {
  const { view, project, document } = props;
  const t = view.t.reports;
  const id = `projekt-${project.slug}`;
  return (
    <article class="app-report-project" aria-labelledby={`${id}-titel`}>
      <h3 class="app-heading-m app-report-project__title" id={`${id}-titel`}>
        <ProjectCodeTitle
          view={view}
          code={project.code}
          title={project.title}
          href={props.isPrint ? null : props.links.project(project.slug)}
        />
      </h3>
      <p class="app-report-project__status">
        <ReportStatusTag view={view} status={project.status} />
        {project.isUnchanged ? (
          <span class="app-report-project__unchanged" safe>
            {t.unchangedNote}
          </span>
        ) : (
          ""
        )}
      </p>
      {project.text === "" ? (
        ""
      ) : (
        <p class="app-body-text" lang={view.contentLang} safe>
          {project.text}
        </p>
      )}
      {project.highlights.length === 0 ? (
        ""
      ) : (
        <ContentLines view={view} lines={project.highlights} />
      )}
      {project.newDateLabel === null ? (
        ""
      ) : (
        <p class="app-body-text app-report-project__date">
          <strong safe>{t.newDate}</strong>{" "}
          <span safe>{project.newDateLabel}</span>
        </p>
      )}
      {document.previous === null ? (
        ""
      ) : (
        <div class="app-report-changes">
          <h4 class="app-heading-s" safe>
            {t.changesHeading(formatGermanDate(document.previous.asOf))}
          </h4>
          {project.changes.length === 0 ? (
            <p class="app-body-text app-report-changes__none" safe>
              {t.changesNone}
            </p>
          ) : (
            <ContentLines
              view={view}
              lines={project.changes.map((change) => change.text)}
            />
          )}
        </div>
      )}
      {project.figures.length === 0 ? (
        ""
      ) : (
        <FigureList
          view={view}
          figures={project.figures}
          document={document}
          idPrefix={`${id}-kennzahl`}
          headingLevel={4}
          isPrint={props.isPrint}
        />
      )}
    </article>
  );
}

/**
 * The name of a section's level as the report recorded it: the municipality's own
 * ("Thema"), else Kleve's in the reader's language ("Aktionsfeld", "Action field").
 */
export function sectionLevelName(
  view: ViewContext,
  section: { readonly levelName?: string | undefined },
): string {
  return section.levelName === undefined ||
    section.levelName === DEFAULT_LEVELS.actionField.singular
    ? view.t.actionField
    : section.levelName;
}

/** A section's heading text: its level and number ("Aktionsfeld 2:"), then its name. */
export function SectionTitle(props: {
  readonly view: ViewContext;
  readonly section: {
    readonly levelName?: string | undefined;
    readonly number: number;
    readonly name: string;
  };
}): JSX.Element {
  const { view, section } = props;
  return (
    <>
      <span
        safe
      >{`${sectionLevelName(view, section)} ${section.number}:`}</span>{" "}
      <span lang={view.contentLang} safe>
        {section.name}
      </span>
    </>
  );
}

function Section(props: {
  readonly view: ViewContext;
  readonly section: ReportSection;
  readonly document: ReportDocument;
  readonly links: ReportLinks;
  readonly isPrint: boolean;
}): JSX.Element {
  const { view, section } = props;
  const id = `abschnitt-${section.key}`;
  const ozgProject = ozgProjectOf(props.document);
  return (
    <section class="app-section app-report-section" aria-labelledby={id}>
      <h2 class="app-heading-l app-report-section__title" id={id}>
        <ColourSwatch colour={section.colour} />
        <SectionTitle view={view} section={section} />
      </h2>
      {section.projects.map((project) => (
        <>
          <ProjectEntry
            view={view}
            project={project}
            document={props.document}
            links={props.links}
            isPrint={props.isPrint}
          />
          {project === ozgProject ? (
            <OzgPart
              view={view}
              document={props.document}
              isPrint={props.isPrint}
              headingLevel={3}
            />
          ) : (
            ""
          )}
        </>
      ))}
    </section>
  );
}

/** The OZG figures as a table, with a column for an earlier as-of date when given. */
export function OzgFiguresTable(props: {
  readonly view: ViewContext;
  readonly figures: OzgFigures;
  readonly previous: OzgFigures | null;
  readonly asOf: number;
  readonly previousAsOf: number | null;
}): JSX.Element {
  const { view } = props;
  const t = view.t.reports;
  const asOf = formatGermanDate(props.asOf);
  // A published document may predate the channel groups and the further applications.
  const figures = completeStoredOzgFigures(props.figures);
  const previous =
    props.previousAsOf === null || props.previous === null
      ? null
      : completeStoredOzgFigures(props.previous);
  return (
    <DataTable
      variant="app-table--figures"
      id="ozg-kennzahlen"
      caption={t.ozgTableCaption(asOf)}
      columns={[
        { label: t.ozgColumnFigure },
        previous === null || props.previousAsOf === null
          ? null
          : {
              label: t.asOfColumn(formatGermanDate(props.previousAsOf)),
              numeric: true,
            },
        { label: t.asOfColumn(asOf), numeric: true },
      ]}
    >
      {ozgRows(view).map((row) => (
        <tr>
          <th
            scope="row"
            class={row.isSub === true ? "app-table__sub" : undefined}
            safe
          >
            {row.label}
          </th>
          {previous === null ? (
            ""
          ) : (
            <td class="app-table__numeric" safe>
              {formatGermanNumber(row.value(previous))}
            </td>
          )}
          <td class="app-table__numeric" safe>
            {formatGermanNumber(row.value(figures))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * The OZG figures: within the action field of the project that implements the OZG, after
 * that project (`headingLevel` 3, as the deck places them), or a section of their own
 * after the fields when no project does.
 */
function OzgPart(props: {
  readonly view: ViewContext;
  readonly document: ReportDocument;
  readonly isPrint: boolean;
  readonly headingLevel: 2 | 3;
}): JSX.Element {
  const { view, document } = props;
  const t = view.t.reports;
  const ozg = document.ozg;
  if (ozg === null) return <></>;
  const asOf = formatGermanDate(document.asOf);
  const previous = ozg.previous;
  const charts = ozg.figures.maturity
    .filter((distribution) => distribution.assessed > 0)
    .map((distribution) =>
      layoutMaturityChart(distribution, view.t.reports.maturityChartWords),
    );
  return (
    <section
      class="app-section app-report-section"
      aria-labelledby="abschnitt-ozg"
    >
      {props.headingLevel === 2 ? (
        <h2 class="app-heading-l" id="abschnitt-ozg" safe>
          {t.ozgHeading}
        </h2>
      ) : (
        <h3 class="app-heading-m" id="abschnitt-ozg" safe>
          {t.ozgHeading}
        </h3>
      )}
      <p class="app-body-text" safe>
        {t.ozgIntro(asOf)}
      </p>
      <OzgFiguresTable
        view={view}
        figures={ozg.figures}
        previous={previous}
        asOf={document.asOf}
        previousAsOf={document.previous?.asOf ?? null}
      />
      <details class="app-details" open={props.isPrint}>
        <summary class="app-details__summary">
          <span class="app-details__summary-text" safe>
            {t.ozgRulesSummary}
          </span>
        </summary>
        <div class="app-details__text">
          <ul class="app-list app-list--bullet">
            {t.ozgRules.map((rule) => (
              <li safe>{rule}</li>
            ))}
          </ul>
        </div>
      </details>
      {charts.map((chart) => (
        <MaturityFigure
          chart={chart}
          headingLevel={props.headingLevel === 2 ? 3 : 4}
          idPrefix={`ozg-reifegrad-${chart.modelVersion.replace(".", "-")}`}
          tableSummary={t.maturityTable}
          isPrint={props.isPrint}
        />
      ))}
    </section>
  );
}

/** The paper's link: to its `web` page with reference and name when cached, else to the OParl URL. */
function paperLink(
  url: string | null,
  cached: CachedOparlObject | null,
  label: string,
): { href: string | null; label: string } {
  if (url === null || cached === null || cached.url !== url)
    return { href: url, label };
  const title = [cached.reference, cached.name]
    .filter((part) => part !== null)
    .join(": ");
  return {
    href: cached.webUrl ?? url,
    label: title === "" ? label : `${label} ${title}`,
  };
}

/** The whole report. */
export function ReportView(props: ReportViewProps): JSX.Element {
  const { view, document } = props;
  const t = view.t.reports;
  const isPrint = props.isPrint === true;
  const meetingDate = formatGermanDate(document.meeting.day);
  const previousText =
    document.previous === null
      ? null
      : t.previousText(
          document.previous.committeeAbbreviation,
          formatGermanDate(document.previous.meetingDay),
          formatGermanDate(document.previous.asOf),
        );
  // The OZG figures stand with this project, or after all sections when there is none.
  const ozgProject = ozgProjectOf(document);
  const links = [
    { href: document.meeting.oparlMeetingUrl, label: t.oparlMeeting },
    { href: document.meeting.oparlAgendaItemUrl, label: t.oparlAgendaItem },
    paperLink(
      props.oparlPaperUrl === undefined
        ? document.meeting.oparlPaperUrl
        : props.oparlPaperUrl,
      props.oparlPaper ?? null,
      t.oparlPaper,
    ),
  ].filter(
    (link): link is { href: string; label: string } => link.href !== null,
  );
  return (
    <div class="app-report">
      <h1 class="app-heading-xl" lang={view.contentLang}>
        <span safe>
          {document.number === undefined
            ? document.title
            : t.numberedTitle(document.title, document.number)}
        </span>
        <span class="app-caption app-report__meeting" safe>
          {t.reportFor(document.meeting.committeeAbbreviation, meetingDate)}
        </span>
      </h1>
      <dl class="app-summary-list app-report__facts">
        <DetailRow label={t.asOfLabel}>
          <time datetime={formatIsoDate(document.asOf)} safe>
            {formatGermanDate(document.asOf)}
          </time>
        </DetailRow>
        <DetailRow
          label={t.meetingLabel}
          text={`${document.meeting.committeeName} (${document.meeting.committeeAbbreviation}), ${meetingDate}${document.meeting.title === null ? "" : ` – ${document.meeting.title}`}`}
          lang={view.contentLang}
        />
        <DetailRow label={t.previousLabel}>
          {previousText === null ? (
            <span safe>{t.previousNone}</span>
          ) : props.links.previousReport === null || isPrint ? (
            <span safe>{previousText}</span>
          ) : (
            <a class="app-link" href={props.links.previousReport} safe>
              {previousText}
            </a>
          )}
        </DetailRow>
        <DetailRow
          label={t.stateLabel}
          text={
            document.publishedAt === null
              ? t.stateDraft
              : document.recordedAt === undefined
                ? t.statePublished(
                    formatGermanDate(
                      germanDayOf(new Date(document.publishedAt)),
                    ),
                  )
                : t.stateBackdated(
                    formatGermanDate(
                      germanDayOf(new Date(document.publishedAt)),
                    ),
                    formatGermanDate(
                      germanDayOf(new Date(document.recordedAt)),
                    ),
                  )
          }
        />
        {links.length === 0 ? (
          ""
        ) : (
          <DetailRow label={t.councilLinks}>
            <ul class="app-list">
              {links.map((link) => (
                <li>
                  <a class="app-link" href={link.href} safe>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </DetailRow>
        )}
      </dl>
      {props.meeting === undefined || props.meeting === null ? (
        ""
      ) : (
        <MeetingDetails
          view={view}
          meeting={props.meeting}
          committeeName={document.meeting.committeeName}
        />
      )}
      {document.previous === null ? (
        ""
      ) : (
        <p class="app-body-text" safe>
          {t.changesIntro(formatGermanDate(document.previous.asOf))}
        </p>
      )}
      {(document.editions ?? []).length === 0 ? (
        ""
      ) : (
        <p class="app-body-text">
          <span safe>{`${t.editionsSince} `}</span>
          {(document.editions ?? []).map((edition, index) => (
            <>
              {index === 0 ? "" : ", "}
              {isPrint ? (
                <span
                  safe
                >{`${edition.title} (${formatGermanDate(edition.publishedOn)})`}</span>
              ) : (
                <a
                  class="app-link"
                  href={view.link(
                    editionPaths.edition(
                      document.municipality.slug,
                      edition.number,
                    ),
                  )}
                  safe
                >
                  {`${edition.title} (${formatGermanDate(edition.publishedOn)})`}
                </a>
              )}
            </>
          ))}
        </p>
      )}
      <TitledSection id="ueberblick" title={t.overviewHeading}>
        <ul class="app-report-summary">
          {document.statusSummary.counts
            .filter((count) => count.count > 0)
            .map((count) => (
              <li class="app-report-summary__item">
                <ReportStatusTag view={view} status={count.status} />{" "}
                <span safe>{t.projectCount(count.count)}</span>
              </li>
            ))}
          {document.statusSummary.withoutStatus === 0 ? (
            ""
          ) : (
            <li class="app-report-summary__item">
              <ReportStatusTag view={view} status={null} />{" "}
              <span safe>
                {t.projectCount(document.statusSummary.withoutStatus)}
              </span>
            </li>
          )}
        </ul>
        {isPrint ? (
          ""
        ) : (
          <nav aria-labelledby="inhalt-bericht">
            <h3 class="app-heading-s" id="inhalt-bericht" safe>
              {t.contents}
            </h3>
            <ol class="app-list app-report-contents">
              {reportBlocks(document).map((block, index) =>
                block.kind === "projects" ? (
                  <>
                    {document.sections.map((section) => (
                      <li>
                        <a
                          class="app-link"
                          href={`#abschnitt-${section.key}`}
                          lang={view.contentLang}
                          safe
                        >
                          {section.name}
                        </a>
                      </li>
                    ))}
                    {document.ozg === null || ozgProject !== null ? (
                      ""
                    ) : (
                      <li>
                        <a class="app-link" href="#abschnitt-ozg" safe>
                          {t.ozgHeading}
                        </a>
                      </li>
                    )}
                    {document.otherFigures.length === 0 ? (
                      ""
                    ) : (
                      <li>
                        <a class="app-link" href="#abschnitt-kennzahlen" safe>
                          {t.otherFiguresHeading}
                        </a>
                      </li>
                    )}
                  </>
                ) : (
                  <li>
                    <a
                      class="app-link"
                      href={`#${freeSectionId(index)}`}
                      lang={block.heading === "" ? undefined : view.contentLang}
                      safe
                    >
                      {blockHeading(view, block)}
                    </a>
                  </li>
                ),
              )}
              {document.outlook.length === 0 || hasOutlookSection(document) ? (
                ""
              ) : (
                <li>
                  <a class="app-link" href="#ausblick" safe>
                    {t.outlookHeading}
                  </a>
                </li>
              )}
            </ol>
          </nav>
        )}
      </TitledSection>
      {reportBlocks(document).map((block, index) =>
        block.kind === "projects" ? (
          <>
            {document.sections.map((section) => (
              <Section
                view={view}
                section={section}
                document={document}
                links={props.links}
                isPrint={isPrint}
              />
            ))}
            {ozgProject === null ? (
              <OzgPart
                view={view}
                document={document}
                isPrint={isPrint}
                headingLevel={2}
              />
            ) : (
              ""
            )}
            {document.otherFigures.length === 0 ? (
              ""
            ) : (
              <TitledSection
                id="abschnitt-kennzahlen"
                title={t.otherFiguresHeading}
              >
                <FigureList
                  view={view}
                  figures={document.otherFigures}
                  document={document}
                  idPrefix="kennzahl"
                  headingLevel={3}
                  isPrint={isPrint}
                />
              </TitledSection>
            )}
          </>
        ) : (
          <FreeSection
            view={view}
            document={document}
            block={block}
            id={freeSectionId(index)}
            projectLink={(slug) => (isPrint ? null : props.links.project(slug))}
            figures={(figures, idPrefix) => (
              <FigureList
                view={view}
                figures={figures}
                document={document}
                idPrefix={idPrefix}
                headingLevel={3}
                isPrint={isPrint}
              />
            )}
          />
        ),
      )}
      {document.outlook.length === 0 || hasOutlookSection(document) ? (
        ""
      ) : (
        <TitledSection id="ausblick" title={t.outlookHeading}>
          <OutlookList view={view} document={document} />
        </TitledSection>
      )}
    </div>
  );
}
