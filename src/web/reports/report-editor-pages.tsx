/**
 * The staff pages of status reports: the overview with "Ihre Projekte für den Bericht am
 * …", committees and meetings, and one report — per project a short form (status, text,
 * highlights, new date) beside what the last report said and what changed since, with
 * "Unverändert seit dem letzten Bericht" as a one-click form; for administrators the
 * settings, publishing and reminders.
 */
import type {
  ReportForEditing,
  ReportingOverview,
  UpdateRequest,
} from "../../app/reports/read-reports.js";
import {
  formatGermanDate,
  germanDayOf,
} from "../../domain/calendar/calendar.js";
import { formatFigureGerman } from "../../domain/indicator/indicator.js";
import {
  parsePointInTime,
  formatPointInTimeGerman,
} from "../../domain/period/point-in-time.js";
import {
  reportProjects,
  type ReportProjectEntry,
} from "../../domain/report/report-document.js";
import { REPORT_STATUSES } from "../../domain/report/report-status.js";
import { BODY_KINDS } from "../../domain/body/body.js";
import {
  MAX_MINUTES_ITEMS,
  MAX_PRESENTERS,
} from "../../app/reports/bodies.schema.js";
import { RadioGroup, type Choice } from "../components/form/controls.js";
import { ReportStatusTag } from "../components/report-status-tag/report-status-tag.js";
import type { ViewContext } from "../components/view.js";
import { editorPaths } from "../editor/editor-paths.js";
import { errorOf, valueOf } from "../components/form/failed-form.js";
import { formKit } from "../components/form/form-kit.js";
import {
  FormFrame,
  type FormPageProps,
  EditorSection,
} from "../editor/form-frame.js";
import { reportPaths } from "./report-paths.js";
import { ContentLines, SectionTitle } from "./report-view.js";
import { sectionPaths } from "./report-section-paths.js";
import { schemaField } from "../http/form-schema.js";
import {
  CommitteeBody,
  MeetingBody,
  NewReportBody,
  PublishReportBody,
  ReminderRulesBody,
  ReportEntryBody,
  ReportSettingsBody,
} from "./report-forms.js";
import { VersionedForm } from "../components/form/record-form.js";
import { RecordForms } from "./record-forms.js";
import { DetailRow } from "../components/summary-list/detail-row.js";
import { DataTable } from "../components/data-table/data-table.js";
import { DownloadItem } from "./download-item.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { Section } from "../components/section/section.js";
import { rowCountOf } from "../components/form/row-count.js";
import { ProjectCodeTitle } from "../components/project-code-title/project-code-title.js";

/** How many empty outlook rows the settings form offers. */
export const EMPTY_OUTLOOK_ROWS = 2;

export function meetingChoiceLabel(meeting: {
  readonly committeeAbbreviation: string;
  readonly day: number;
  readonly title: string | null;
}): string {
  return `${meeting.committeeAbbreviation} ${formatGermanDate(meeting.day)}${meeting.title === null ? "" : ` – ${meeting.title}`}`;
}

/** "Ihre Projekte für den Bericht am …": what a person still owes each draft. */
export function UpdateRequests(props: {
  readonly view: ViewContext;
  readonly slug: string;
  readonly requests: readonly UpdateRequest[];
  readonly headingLevel?: 2 | 3;
}): JSX.Element {
  const { view, slug } = props;
  const t = view.t.reports;
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <>
      {props.requests.map((request) => {
        const id = `aktualisierung-${request.report.id}`;
        return (
          <section class="app-section app-update-request" aria-labelledby={id}>
            <Heading class="app-heading-l" id={id} safe>
              {t.yourProjectsFor(
                request.report.meeting.committeeAbbreviation,
                formatGermanDate(request.report.meeting.day),
              )}
            </Heading>
            <p class="app-body-text" safe>
              {request.open.length === 0
                ? t.allComplete(request.projectCount)
                : t.openCount(request.open.length, request.projectCount)}
            </p>
            {request.open.length === 0 ? (
              ""
            ) : (
              <ul class="app-task-list">
                {request.open.map((open) => (
                  <li class="app-task-list__item">
                    <span class="app-task-list__name">
                      <a
                        class="app-link"
                        href={`${view.link(reportPaths.staffReport(slug, request.report))}#projekt-${open.project.slug}`}
                        lang={view.contentLang}
                        safe
                      >
                        {`${open.project.code} ${open.project.title}`}
                      </a>
                    </span>
                    <span class="app-task-list__status">
                      <strong class="app-tag app-tag--report-missing" safe>
                        {open.reasons
                          .map((reason) => t.missingReason[reason])
                          .join("; ")}
                      </strong>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <ParagraphLink
              href={view.link(reportPaths.staffReport(slug, request.report))}
              text={t.openReport}
            />
          </section>
        );
      })}
    </>
  );
}

/** The reports overview. */
export function ReportsOverviewPage(
  props: FormPageProps & {
    readonly overview: ReportingOverview;
    readonly reminderDays?: readonly number[];
    readonly isMailConfigured?: boolean;
  },
): JSX.Element {
  const { view, overview } = props;
  const t = view.t.reports;
  const slug = overview.catalogue.municipality.slug;
  const f = formKit(props);
  const form = "bericht-neu";
  const meetingChoices: Choice[] = [
    { value: "", label: t.chooseMeeting },
    ...overview.meetings.map((meeting) => ({
      value: String(meeting.id),
      label: meetingChoiceLabel(meeting),
      lang: view.contentLang,
    })),
  ];
  const previousChoices: Choice[] = [
    { value: "auto", label: t.previousAuto },
    { value: "keiner", label: t.previousNone },
    ...overview.reports
      .filter((report) => report.status === "published")
      .map((report) => ({
        value: String(report.id),
        label: t.reportChoice(
          meetingChoiceLabel(report.meeting),
          formatGermanDate(report.asOf),
        ),
      })),
  ];
  return (
    <FormFrame {...props} title={t.reportsTitle} lead={t.reportsLead}>
      <UpdateRequests
        view={view}
        slug={slug}
        requests={overview.updateRequests}
      />
      <Section id="berichte-liste" title={t.reportsList}>
        <ItemsOrNone items={overview.reports} none={t.noReports}>
          <DataTable
            caption={t.reportsCaption(overview.reports.length)}
            columns={[
              { label: t.columnMeeting },
              { label: t.asOfLabel },
              { label: t.stateLabel },
              { label: t.columnPublic },
            ]}
          >
            {overview.reports.map((report) => (
              <tr>
                <th scope="row">
                  <a
                    class="app-link"
                    href={view.link(reportPaths.staffReport(slug, report))}
                    lang={view.contentLang}
                    safe
                  >
                    {`${report.title}: ${meetingChoiceLabel(report.meeting)}`}
                  </a>
                </th>
                <td safe>{formatGermanDate(report.asOf)}</td>
                <td>
                  <strong
                    class={[
                      "app-tag",
                      report.status === "draft" && "app-tag--report-draft",
                    ]}
                    safe
                  >
                    {report.status === "draft"
                      ? t.stateDraftShort
                      : t.statePublishedShort}
                  </strong>
                </td>
                <td>
                  {report.status === "published" ? (
                    <a
                      class="app-link"
                      href={view.link(reportPaths.report(slug, report))}
                      safe
                    >
                      {t.publicPage}
                    </a>
                  ) : (
                    <span safe>{t.notPublic}</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </ItemsOrNone>
      </Section>
      {overview.rights.isAdministrator ? (
        <EditorSection id="bericht-neu" title={t.newReport}>
          {overview.meetings.length === 0 ? (
            <p class="app-body-text">
              <span safe>{t.noMeetingsYet}</span>{" "}
              <a
                class="app-link"
                href={view.link(reportPaths.committees(slug))}
                safe
              >
                {t.committeesTitle}
              </a>
            </p>
          ) : (
            <VersionedForm
              kit={f}
              action={view.link(reportPaths.staffReports(slug))}
              id={form}
              version={null}
            >
              {f.select(
                form,
                schemaField(NewReportBody, "sitzung"),
                t.fieldMeeting,
                "",
                meetingChoices,
              )}
              {f.text(
                form,
                schemaField(NewReportBody, "stand"),
                t.fieldAsOf,
                "",
                { hint: t.fieldAsOfHint, short: true },
              )}
              {f.select(
                form,
                schemaField(NewReportBody, "vorheriger"),
                t.fieldPrevious,
                "auto",
                previousChoices,
                t.fieldPreviousHint,
              )}
              {f.text(
                form,
                schemaField(NewReportBody, "titel"),
                t.fieldTitle,
                "Sachstandsbericht Digitalisierung",
              )}
              {f.reason(form)}
              {f.button(t.createReport)}
            </VersionedForm>
          )}
          <ParagraphLink
            href={view.link(reportPaths.committees(slug))}
            text={t.manageCommittees}
          />
        </EditorSection>
      ) : (
        ""
      )}
      {overview.rights.isAdministrator ? (
        <EditorSection
          id="erinnerungsregeln"
          title={t.autoRemindersHeading}
          intro={t.autoRemindersText}
        >
          {props.isMailConfigured === false ? (
            <p class="app-body-text" safe>
              {t.autoRemindersOff}
            </p>
          ) : (
            ""
          )}
          <VersionedForm
            kit={f}
            action={view.link(reportPaths.staffReminderRules(slug))}
            id="erinnerungsregeln"
            version={null}
          >
            {f.text(
              "erinnerungsregeln",
              schemaField(ReminderRulesBody, "tage"),
              t.fieldReminderDays,
              (props.reminderDays ?? []).join(", "),
              {
                hint: t.fieldReminderDaysHint,
                short: true,
              },
            )}
            {f.button(t.saveReminderRules, "secondary")}
          </VersionedForm>
        </EditorSection>
      ) : (
        ""
      )}
    </FormFrame>
  );
}

/** Committees and meetings (administrators). */
export function CommitteesPage(
  props: FormPageProps & { readonly overview: ReportingOverview },
): JSX.Element {
  const { view, overview } = props;
  const t = view.t.reports;
  const slug = overview.catalogue.municipality.slug;
  const f = formKit(props);
  const b = view.t.bodies;
  const kindChoices: Choice[] = BODY_KINDS.map((kind) => ({
    value: kind,
    label: b.kinds[kind],
  }));
  const committeeChoices: Choice[] = overview.committees.map((committee) => ({
    value: String(committee.id),
    label: `${committee.name} (${committee.abbreviation})`,
    lang: view.contentLang,
  }));
  /** A committee's fields: a stored one's values, or a new one's defaults (null). */
  const committeeFields = (
    form: string,
    stored: {
      readonly name: string;
      readonly abbreviation: string;
      readonly kind: string;
      readonly oparlUrl: string | null;
    } | null,
  ) => (
    <>
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(CommitteeBody, "name"),
          t.fieldCommitteeName,
          stored?.name ?? "",
        )}
        {f.text(
          form,
          schemaField(CommitteeBody, "kuerzel"),
          t.fieldAbbreviation,
          stored?.abbreviation ?? "",
          stored === null
            ? { short: true, hint: t.fieldAbbreviationHint }
            : { short: true },
        )}
      </div>
      {f.select(
        form,
        schemaField(CommitteeBody, "art"),
        b.fieldKind,
        stored?.kind ?? "committee",
        kindChoices,
      )}
      {f.text(
        form,
        schemaField(CommitteeBody, "oparl"),
        t.fieldCommitteeOparl,
        stored?.oparlUrl ?? "",
        { hint: t.fieldCommitteeOparlHint },
      )}
    </>
  );
  /** A meeting's fields: a stored one's values, or a new one's defaults (null). */
  const meetingFields = (
    form: string,
    stored: ReportingOverview["meetings"][number] | null,
  ) => (
    <>
      <div class="app-editor-form__pair">
        {f.select(
          form,
          schemaField(MeetingBody, "gremium"),
          t.fieldCommittee,
          String(stored?.committeeId ?? overview.committees[0]?.id ?? 0),
          committeeChoices,
        )}
        {f.text(
          form,
          schemaField(MeetingBody, "datum"),
          t.fieldMeetingDay,
          stored === null ? "" : formatGermanDate(stored.day),
          { hint: t.fieldAsOfHint, short: true },
        )}
      </div>
      {f.text(
        form,
        schemaField(MeetingBody, "titel"),
        t.fieldMeetingTitle,
        stored?.title ?? "",
        { hint: t.fieldMeetingTitleHint },
      )}
      {f.text(
        form,
        schemaField(MeetingBody, "oparl-sitzung"),
        t.fieldOparlMeeting,
        stored?.oparlMeetingUrl ?? "",
        { hint: t.fieldOparlHint },
      )}
      {f.text(
        form,
        schemaField(MeetingBody, "oparl-top"),
        t.fieldOparlAgendaItem,
        stored?.oparlAgendaItemUrl ?? "",
      )}
      {f.text(
        form,
        schemaField(MeetingBody, "oparl-vorlage"),
        t.fieldOparlPaper,
        stored?.oparlPaperUrl ?? "",
      )}
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(MeetingBody, "top-nummer"),
          b.fieldAgendaNumber,
          stored?.agendaItemNumber ?? "",
          { hint: b.fieldAgendaNumberHint, short: true },
        )}
        {f.text(
          form,
          schemaField(MeetingBody, "vorlage"),
          b.fieldPaperReference,
          stored?.paperReference ?? "",
          { hint: b.fieldPaperReferenceHint, short: true },
        )}
      </div>
      {f.text(
        form,
        schemaField(MeetingBody, "top-titel"),
        b.fieldAgendaTitle,
        stored?.agendaItemTitle ?? "",
      )}
      <fieldset class="app-fieldset">
        <legend class="app-fieldset__legend app-fieldset__legend--small" safe>
          {b.presentersHeading}
        </legend>
        <p class="app-hint" safe>
          {b.rowsHint}
        </p>
        {[...(stored?.presenters ?? []), { name: "", function: "" }]
          .slice(0, MAX_PRESENTERS)
          .map((presenter, index) => (
            <div class="app-editor-form__pair">
              {f.text(
                form,
                schemaField(MeetingBody, `vortragende-${index}-name`),
                `${b.presenterRow(index + 1)}: ${b.fieldPresenterName}`,
                presenter.name,
              )}
              {f.text(
                form,
                schemaField(MeetingBody, `vortragende-${index}-funktion`),
                `${b.presenterRow(index + 1)}: ${b.fieldPresenterFunction}`,
                presenter.function,
              )}
            </div>
          ))}
      </fieldset>
      <fieldset class="app-fieldset">
        <legend class="app-fieldset__legend app-fieldset__legend--small" safe>
          {b.minutesHeading}
        </legend>
        {[...(stored?.minutes ?? []), { question: "", answer: "" }]
          .slice(0, MAX_MINUTES_ITEMS)
          .map((item, index) => (
            <>
              {f.area(
                form,
                schemaField(MeetingBody, `frage-${index}`),
                `${b.minutesRow(index + 1)}: ${b.fieldQuestion}`,
                item.question,
                { rows: 2 },
              )}
              {f.area(
                form,
                schemaField(MeetingBody, `antwort-${index}`),
                `${b.minutesRow(index + 1)}: ${b.fieldAnswer}`,
                item.answer,
              )}
            </>
          ))}
      </fieldset>
    </>
  );
  return (
    <FormFrame {...props} title={t.committeesTitle} lead={t.committeesLead}>
      <EditorSection id="gremien" title={t.committeesHeading}>
        <RecordForms
          kit={f}
          records={overview.committees}
          prefix="gremium"
          action={(committee) =>
            view.link(reportPaths.committee(slug, committee.id))
          }
          legend={(committee) =>
            `${committee.name} (${committee.abbreviation})`
          }
          legendLang={view.contentLang}
          fields={committeeFields}
          save={t.saveCommittee}
          below={(committee) => (
            <p class="app-body-text">
              <a
                class="app-link"
                href={view.link(
                  reportPaths.committeeMembers(slug, committee.id),
                )}
                lang={view.contentLang}
                safe
              >
                {`${b.membersLink(committee.abbreviation)} (${overview.members.filter((member) => member.bodyId === committee.id).length})`}
              </a>
            </p>
          )}
          create={{
            action: view.link(reportPaths.committees(slug)),
            legend: t.newCommittee,
            button: t.addCommittee,
          }}
        />
      </EditorSection>
      <EditorSection id="sitzungen" title={t.meetingsHeading}>
        <ItemsOrNone items={overview.committees} none={t.noCommitteesYet}>
          <RecordForms
            kit={f}
            records={overview.meetings}
            prefix="sitzung"
            action={(meeting) =>
              view.link(reportPaths.meeting(slug, meeting.id))
            }
            legend={meetingChoiceLabel}
            legendLang={view.contentLang}
            fields={meetingFields}
            save={t.saveMeeting}
            below={(meeting) => (
              <>
                <p class="app-hint" safe>
                  {b.removeMeetingHint}
                </p>
                <ParagraphLink
                  href={view.link(reportPaths.meetingRemove(slug, meeting.id))}
                  text={`${b.removeMeeting}: ${meetingChoiceLabel(meeting)}`}
                />
              </>
            )}
            create={{
              action: view.link(reportPaths.meetings(slug)),
              legend: t.newMeeting,
              button: t.addMeeting,
            }}
          />
        </ItemsOrNone>
      </EditorSection>
      <ParagraphLink
        href={view.link(reportPaths.staffReports(slug))}
        text={t.backToReports}
      />
    </FormFrame>
  );
}

/** A new date as the form shows it ("QI/2023"). */
function dateLabel(canonical: string | null): string {
  if (canonical === null) return "";
  const parsed = parsePointInTime(canonical);
  return parsed === null ? canonical : formatPointInTimeGerman(parsed);
}

function ProjectCard(
  props: FormPageProps & {
    readonly data: ReportForEditing;
    readonly project: ReportProjectEntry;
    readonly isDraft: boolean;
  },
): JSX.Element {
  const { view, data, project, failed } = props;
  const t = view.t.reports;
  const slug = data.catalogue.municipality.slug;
  const f = formKit(props);
  const stored = data.entries.get(project.slug);
  const version = stored?.version ?? 0;
  const form = `eintrag-${project.slug}`;
  const previous =
    data.previousDocument === null
      ? undefined
      : reportProjects(data.previousDocument).find(
          (each) => each.slug === project.slug,
        );
  const statusChoices: Choice[] = REPORT_STATUSES.map((status) => ({
    value: status,
    label: t.reportStatus[status],
  }));
  return (
    <article
      class="app-report-card"
      id={`projekt-${project.slug}`}
      aria-labelledby={`projekt-${project.slug}-titel`}
    >
      <h3 class="app-heading-m" id={`projekt-${project.slug}-titel`}>
        <ProjectCodeTitle
          view={view}
          code={project.code}
          title={project.title}
        />
      </h3>
      <p class="app-report-project__status">
        {stored?.isIncluded === false ? (
          <strong class="app-tag" safe>
            {t.notInReport}
          </strong>
        ) : (
          <ReportStatusTag view={view} status={project.status} />
        )}
        {project.isUnchanged ? (
          <span class="app-report-project__unchanged" safe>
            {t.unchangedNote}
          </span>
        ) : (
          ""
        )}
        {stored === undefined ? (
          ""
        ) : (
          <span class="app-hint app-report-card__meta" safe>
            {t.lastSavedBy(
              stored.updatedBy,
              formatGermanDate(germanDayOf(new Date(stored.updatedAt))),
            )}
          </span>
        )}
      </p>
      <div class="app-report-card__context">
        <div>
          <h4 class="app-heading-s" safe>
            {data.previousDocument === null
              ? t.noPreviousReport
              : t.lastReportSaid(formatGermanDate(data.previousDocument.asOf))}
          </h4>
          {previous === undefined || previous.status === null ? (
            <p class="app-body-text" safe>
              {t.previousNoEntry}
            </p>
          ) : (
            <>
              <p class="app-body-text">
                <ReportStatusTag view={view} status={previous.status} />
              </p>
              {previous.text === "" ? (
                ""
              ) : (
                <p class="app-body-text" lang={view.contentLang} safe>
                  {previous.text}
                </p>
              )}
            </>
          )}
        </div>
        <div>
          <h4 class="app-heading-s" safe>
            {t.computedChanges}
          </h4>
          <ItemsOrNone
            items={project.changes}
            none={
              data.previousDocument === null
                ? t.changesWithoutPrevious
                : t.changesNone
            }
          >
            <ContentLines
              view={view}
              lines={project.changes.map((change) => change.text)}
            />
          </ItemsOrNone>
          {project.figures.length === 0 ? (
            ""
          ) : (
            <ul class="app-list">
              {project.figures.map((figure) =>
                view.contentLang === undefined ? (
                  <li
                    safe
                  >{`${figure.indicator.name}: ${formatFigureGerman(figure.indicator, figure.current)} (${t.asOfPrefix} ${formatGermanDate(figure.current.day)})`}</li>
                ) : (
                  // The figure's name and unit are German, the as-of words are the page's.
                  <li>
                    <span
                      lang={view.contentLang}
                      safe
                    >{`${figure.indicator.name}: ${formatFigureGerman(figure.indicator, figure.current)}`}</span>
                    <span
                      safe
                    >{` (${t.asOfPrefix} ${formatGermanDate(figure.current.day)})`}</span>
                  </li>
                ),
              )}
            </ul>
          )}
        </div>
      </div>
      {props.isDraft ? (
        <>
          {previous === undefined || previous.status === null ? (
            ""
          ) : (
            <form
              method="post"
              action={view.link(
                reportPaths.staffReportUnchanged(
                  slug,
                  data.report,
                  project.slug,
                ),
              )}
              class="app-form-inline"
              id={`${form}-unveraendert`}
              novalidate
            >
              {f.meta(`${form}-unveraendert`, version)}
              <button
                type="submit"
                class="app-button app-button--secondary"
                safe
              >
                {t.markUnchanged}
              </button>
            </form>
          )}
          <form
            method="post"
            action={view.link(
              reportPaths.staffReportEntry(slug, data.report, project.slug),
            )}
            class="app-editor-form"
            id={form}
            novalidate
          >
            <fieldset class="app-fieldset">
              <legend
                class="app-fieldset__legend app-fieldset__legend--small"
                safe
              >
                {t.entryLegend}
              </legend>
              {f.meta(form, version)}
              <RadioGroup
                id={`${form}-status`}
                name="status"
                label={t.fieldStatus}
                value={valueOf(failed, form, "status", stored?.status ?? "")}
                error={errorOf(failed, form, "status")}
                choices={statusChoices}
                inline={true}
              />
              {f.area(
                form,
                schemaField(ReportEntryBody, "text"),
                t.fieldText,
                stored?.text ?? "",
                { hint: t.fieldTextHint, rows: 3 },
              )}
              {f.area(
                form,
                schemaField(ReportEntryBody, "hervorhebungen"),
                t.fieldHighlights,
                (stored?.highlights ?? []).join("\n"),
                { hint: t.fieldHighlightsHint, rows: 3 },
              )}
              {f.text(
                form,
                schemaField(ReportEntryBody, "termin"),
                t.fieldNewDate,
                dateLabel(stored?.newDate ?? null),
                { hint: t.fieldNewDateHint, short: true },
              )}
              {data.rights.isAdministrator
                ? f.checkbox(
                    form,
                    schemaField(ReportEntryBody, "anzeigen"),
                    t.fieldIncluded,
                    stored?.isIncluded ?? true,
                  )
                : ""}
              {f.reason(form)}
              {f.button(t.saveEntry)}
            </fieldset>
          </form>
        </>
      ) : (
        ""
      )}
    </article>
  );
}

/** One report: the person's projects, and for administrators settings, publishing and reminders. */
export function ReportEditPage(
  props: FormPageProps & {
    readonly data: ReportForEditing;
    readonly isMailConfigured: boolean;
    /** A published report's documents with their build state (ADR 0046). */
    readonly documents?: JSX.Element | undefined;
  },
): JSX.Element {
  const { view, data, failed } = props;
  const t = view.t.reports;
  const slug = data.catalogue.municipality.slug;
  const f = formKit(props);
  const isDraft = data.report.status === "draft";
  const isAdministrator = data.rights.isAdministrator;
  const own = new Set(data.ownProjects.map((entry) => entry.project.slug));
  const ownShown = data.ownProjects.filter(
    (entry) => !data.excluded.has(entry.project.slug),
  ).length;
  const title = `${t.numberedTitle(data.report.title, data.report.number)}: ${meetingChoiceLabel(data.summary.meeting)}`;
  // Published reports for the same meeting: a second one needs a confirmation.
  const sameMeeting = data.otherReports.filter(
    (other) => other.meeting.id === data.report.meetingId,
  );
  // The report's title and its meeting are German; a page title cannot mark them.
  const pageTitle = view.t.reports.reportPageTitle(
    t.numberedTitle(data.report.title, data.report.number),
    meetingChoiceLabel(data.summary.meeting),
  );
  const settings = "einstellungen";
  const outlookRows = rowCountOf(
    failed,
    settings,
    "zeilen",
    data.report.outlook.length + EMPTY_OUTLOOK_ROWS,
    30,
  );
  const meetingChoices: Choice[] = data.meetings.map((meeting) => ({
    value: String(meeting.id),
    label: meetingChoiceLabel(meeting),
    lang: view.contentLang,
  }));
  const previousChoices: Choice[] = [
    { value: "keiner", label: t.previousNone },
    ...data.otherReports.map((report) => ({
      value: String(report.id),
      label: t.reportChoice(
        meetingChoiceLabel(report.meeting),
        formatGermanDate(report.asOf),
      ),
    })),
  ];
  const sectionKeys =
    data.report.sectionKeys === null ? null : new Set(data.report.sectionKeys);
  // Markup the route built from the documents' states (escaped there).
  const safeDocuments = props.documents ?? "";
  const sentSections =
    failed?.form === settings ? new Set(failed.lists?.abschnitt ?? []) : null;
  return (
    <FormFrame
      {...props}
      title={pageTitle}
      heading={
        view.contentLang === undefined ? undefined : (
          <span lang={view.contentLang} safe>
            {title}
          </span>
        )
      }
    >
      {safeDocuments}
      <dl class="app-summary-list">
        <DetailRow
          label={t.asOfLabel}
          text={formatGermanDate(data.report.asOf)}
        />
        <DetailRow
          label={t.stateLabel}
          text={
            isDraft
              ? t.stateDraft
              : t.statePublished(
                  formatGermanDate(
                    germanDayOf(new Date(data.report.publishedAt ?? 0)),
                  ),
                )
          }
        />
        <DetailRow
          label={t.previousLabel}
          text={
            data.previousDocument === null
              ? t.previousNone
              : t.previousText(
                  data.previousDocument.meeting.committeeAbbreviation,
                  formatGermanDate(data.previousDocument.meeting.day),
                  formatGermanDate(data.previousDocument.asOf),
                )
          }
        />
      </dl>
      <ul class="app-editor-links">
        {isAdministrator ? (
          <li>
            <a
              class="app-link"
              href={view.link(sectionPaths.list(slug, data.summary))}
              safe
            >
              {view.t.reportSections.manageLink}
            </a>
          </li>
        ) : (
          ""
        )}
        <li>
          <a
            class="app-link"
            href={view.link(reportPaths.staffReportPreview(slug, data.report))}
            safe
          >
            {t.preview}
          </a>
        </li>
        <DownloadItem
          href={reportPaths.staffReportDeck(slug, data.report)}
          label={t.downloadDeck}
        />
        <DownloadItem
          href={reportPaths.staffReportPdf(slug, data.report)}
          label={t.downloadPdf}
        />
        {isDraft ? (
          ""
        ) : (
          <li>
            <a
              class="app-link"
              href={view.link(reportPaths.report(slug, data.report))}
              safe
            >
              {t.publicPage}
            </a>
          </li>
        )}
      </ul>
      {isDraft ? (
        ""
      ) : (
        <p class="app-warning-text" safe>
          {t.publishedImmutable}
        </p>
      )}
      <Section
        id="ihre-projekte"
        title={t.yourProjectsFor(
          data.summary.meeting.committeeAbbreviation,
          formatGermanDate(data.summary.meeting.day),
        )}
      >
        <p class="app-body-text" safe>
          {ownShown === 0
            ? t.noOwnProjects
            : data.open.length === 0
              ? t.allComplete(ownShown)
              : t.openCount(data.open.length, ownShown)}
        </p>
        {data.open.length === 0 ? (
          ""
        ) : (
          <ul class="app-list app-list--bullet">
            {data.open.map((open) => (
              <li>
                <a
                  class="app-link"
                  href={`#projekt-${open.project.slug}`}
                  lang={view.contentLang}
                  safe
                >
                  {`${open.project.code} ${open.project.title}`}
                </a>{" "}
                <span
                  safe
                >{`– ${open.reasons.map((reason) => t.missingReason[reason]).join("; ")}`}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {data.editingDocument.sections.map((section) => {
        const projects = section.projects.filter((project) =>
          own.has(project.slug),
        );
        if (projects.length === 0) return "";
        return (
          <section
            class="app-section"
            aria-labelledby={`abschnitt-${section.key}`}
          >
            <h2 class="app-heading-l" id={`abschnitt-${section.key}`}>
              <SectionTitle view={view} section={section} />
            </h2>
            {projects.map((project) => (
              <ProjectCard
                {...props}
                data={data}
                project={project}
                isDraft={isDraft}
              />
            ))}
          </section>
        );
      })}
      {isAdministrator && isDraft ? (
        <>
          <EditorSection id="einstellungen" title={t.settingsHeading}>
            <VersionedForm
              kit={f}
              action={view.link(
                reportPaths.staffReportSettings(slug, data.report),
              )}
              id={settings}
              version={data.report.version}
            >
              <input type="hidden" name="zeilen" value={String(outlookRows)} />
              {f.text(
                settings,
                schemaField(ReportSettingsBody, "titel"),
                t.fieldTitle,
                data.report.title,
              )}
              <div class="app-editor-form__pair">
                {f.select(
                  settings,
                  schemaField(ReportSettingsBody, "sitzung"),
                  t.fieldMeeting,
                  String(data.report.meetingId),
                  meetingChoices,
                )}
                {f.text(
                  settings,
                  schemaField(ReportSettingsBody, "stand"),
                  t.fieldAsOf,
                  formatGermanDate(data.report.asOf),
                  { hint: t.fieldAsOfHint, short: true },
                )}
              </div>
              {f.select(
                settings,
                schemaField(ReportSettingsBody, "vorheriger"),
                t.fieldPrevious,
                data.report.previousReportId === null
                  ? "keiner"
                  : String(data.report.previousReportId),
                previousChoices,
              )}
              <fieldset class="app-fieldset" id={`${settings}-abschnitt`}>
                <legend
                  class="app-fieldset__legend app-fieldset__legend--small"
                  safe
                >
                  {t.fieldSections}
                </legend>
                <p class="app-hint" safe>
                  {t.fieldSectionsHint}
                </p>
                <div class="app-checkbox-columns">
                  {data.catalogue.impactAreas.flatMap((area) =>
                    area.actionFields.map((field) => (
                      <div class="app-checkbox">
                        <input
                          class="app-checkbox__input"
                          type="checkbox"
                          id={`${settings}-abschnitt-${field.key}`}
                          name="abschnitt"
                          value={field.key}
                          checked={
                            sentSections !== null
                              ? sentSections.has(field.key)
                              : sectionKeys === null ||
                                sectionKeys.has(field.key)
                          }
                        />
                        <label
                          class="app-checkbox__label"
                          for={`${settings}-abschnitt-${field.key}`}
                          lang={view.contentLang}
                          safe
                        >
                          {data.catalogue.programme.levels.flat
                            ? `${field.number} ${field.name}`
                            : `${area.name}: ${field.number} ${field.name}`}
                        </label>
                      </div>
                    )),
                  )}
                </div>
              </fieldset>
              {f.checkbox(
                settings,
                schemaField(ReportSettingsBody, "ozg"),
                t.fieldIncludeOzg,
                data.report.includeOzg,
                t.fieldIncludeOzgHint,
              )}
              {f.text(
                settings,
                schemaField(ReportSettingsBody, "oparl-vorlage"),
                t.fieldReportOparlPaper,
                data.report.oparlPaperUrl ?? "",
                { hint: t.fieldReportOparlPaperHint },
              )}
              <h3 class="app-heading-m" safe>
                {t.outlookHeading}
              </h3>
              <p class="app-hint" safe>
                {t.outlookHint}
              </p>
              {Array.from({ length: outlookRows }, (_, index) => {
                const item = data.report.outlook[index];
                return (
                  <fieldset class="app-fieldset app-responsibility-row">
                    <legend
                      class="app-fieldset__legend app-fieldset__legend--small"
                      safe
                    >
                      {t.outlookLegend(index + 1)}
                    </legend>
                    <div class="app-editor-form__pair">
                      {f.text(
                        settings,
                        schemaField(
                          ReportSettingsBody,
                          `ausblick-${index}-wann`,
                        ),
                        t.fieldOutlookWhen,
                        item?.when ?? "",
                      )}
                      {f.text(
                        settings,
                        schemaField(
                          ReportSettingsBody,
                          `ausblick-${index}-was`,
                        ),
                        t.fieldOutlookWhat,
                        item?.what ?? "",
                      )}
                    </div>
                  </fieldset>
                );
              })}
              {f.reason(settings)}
              {f.button(t.saveSettings)}
            </VersionedForm>
          </EditorSection>
          {props.isMailConfigured ? (
            <EditorSection
              id="erinnerungen"
              title={t.remindersHeading}
              intro={t.remindersText}
            >
              <VersionedForm
                kit={f}
                action={view.link(
                  reportPaths.staffReportRemind(slug, data.report),
                )}
                id="erinnerungen"
                version={null}
              >
                {f.button(t.sendReminders, "secondary")}
              </VersionedForm>
            </EditorSection>
          ) : (
            ""
          )}
          <EditorSection
            id="veroeffentlichen"
            title={t.publishHeading}
            intro={t.publishText}
          >
            <VersionedForm
              kit={f}
              action={view.link(
                reportPaths.staffReportPublish(slug, data.report),
              )}
              id="veroeffentlichen"
              version={data.report.version}
            >
              {f.text(
                "veroeffentlichen",
                schemaField(PublishReportBody, "veroeffentlicht-am"),
                t.fieldPublishedOn,
                "",
                { hint: t.fieldPublishedOnHint, short: true },
              )}
              {sameMeeting.length === 0
                ? ""
                : f.checkbox(
                    "veroeffentlichen",
                    schemaField(PublishReportBody, "zweiter-bericht"),
                    t.confirmSecondReport(sameMeeting),
                    false,
                  )}
              {f.checkbox(
                "veroeffentlichen",
                schemaField(PublishReportBody, "bestaetigung"),
                t.publishConfirm,
                false,
              )}
              {f.button(t.publish, "warning")}
            </VersionedForm>
          </EditorSection>
        </>
      ) : (
        ""
      )}
      <p class="app-body-text">
        <a
          class="app-link"
          href={view.link(reportPaths.staffReports(slug))}
          safe
        >
          {t.backToReports}
        </a>{" "}
        ·{" "}
        <a class="app-link" href={view.link(editorPaths.home(slug))} safe>
          {view.t.editor.navHome}
        </a>
      </p>
    </FormFrame>
  );
}
