/**
 * The staff side of status reports under /{kommune}/verwaltung/: the overview, committees
 * and meetings, one report with its entries, settings, publishing and reminders, the
 * preview and the files (PPTX, PDF). Thin routes: each form declares its body schema and
 * runs through formAction (see reportingForm in reporting.routes.ts).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TObject } from "@sinclair/typebox";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import {
  createCommittee,
  createMeeting,
  removeMeeting,
  updateCommittee,
  updateMeeting,
} from "../../app/reports/committees.js";
import {
  addMember,
  removeMember,
  updateMember,
} from "../../app/reports/body-members.js";
import { MembersPage } from "./body-pages.js";
import { RemoveConfirmationPage } from "./remove-confirmation.js";
import {
  createReport,
  publishReport,
  updateReport,
} from "../../app/reports/manage-reports.js";
import {
  getReportDocument,
  getReportForEditing,
  getReportingOverview,
  reportMeetingDetails,
  reportOfNumber,
  type NamedReport,
  type PublicMeetingDetails,
  type ReportingOverview,
} from "../../app/reports/read-reports.js";
import {
  confirmUnchanged,
  saveReportEntry,
} from "../../app/reports/report-entries.js";
import { sendReportReminders } from "../../app/reports/report-reminders.js";
import {
  getReminderDays,
  setReminderDays,
} from "../../app/reports/reminder-rules.js";
import {
  pointLabel,
  type ReportDocument,
} from "../../domain/report/report-document.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import { AppError, isAppError } from "../../errors.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { withLevels } from "../components/view.js";
import { accountBarOf } from "../identity/identity-view.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { originOf, runUseCase } from "../http/use-case.js";
import { sendHtmlError } from "../http/error-pages.js";
import { siteHeader } from "../portal/site.js";
import { sendEditorPage, viewOf } from "../editor/editor-view.js";
import { reasonOrNull } from "../http/form-schema.js";
import { idOf, idParam } from "../http/params.js";
import type { Dictionary } from "../../i18n/i18n.js";
import { REPORT_STATUSES } from "../../domain/report/report-status.js";
import {
  CommitteeBody,
  MeetingBody,
  MemberBody,
  NewMemberBody,
  parseMemberForm,
  RemoveBody,
  NewCommitteeBody,
  NewMeetingBody,
  NewReportBody,
  parseCommitteeForm,
  parseEntryForm,
  parseMeetingForm,
  parseNewReportForm,
  parseSettingsForm,
  PublishReportBody,
  RemindBody,
  ReminderRulesBody,
  ReportEntryBody,
  ReportSettingsBody,
  UnchangedBody,
  optionalDay,
} from "./report-forms.js";
import {
  CommitteesPage,
  ReportEditPage,
  ReportsOverviewPage,
  meetingChoiceLabel,
} from "./report-editor-pages.js";
import {
  previousReportRef,
  REPORT_ROUTES,
  reportPaths,
  type ReportRef,
} from "./report-paths.js";
import { renumberedSender } from "./renumbered-report.js";
import type { ViewContext } from "../components/view.js";
import {
  DOCUMENT_KINDS,
  makeReportFile,
  REPORT_DOCUMENT_FORMAT,
} from "../documents/document-maker.js";
import { DraftDocuments } from "../documents/draft-documents.js";
import {
  anyBuilding,
  DocumentStateList,
  type StoredDocuments,
} from "../documents/stored-documents.js";
import { ReportView } from "./report-view.js";
import { installStaffErrorHandler } from "../http/error-pages.js";
import { sendStaffPage } from "../http/staff-page.js";
import {
  changeForm,
  compareRows,
  reportingForm,
  reportingPage,
  type ChangeFormSpec,
  type StaffPageRenderer,
  versionedChange,
} from "./reporting.routes.js";
import type { FormContext } from "../http/form-action.js";
import { Slug, Id, Params, ReportParams } from "./reporting-params.js";

/** What the report routes need. */
export interface ReportEditorRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
  readonly pdf: PdfRenderer;
  /** Stored documents of published reports (ADR 0046). */
  readonly documents: StoredDocuments;
}

const EntryParams = Type.Object({
  slug: Slug,
  reportNumber: Id,
  projectSlug: Slug,
});
const CommitteeParams = Type.Object({ slug: Slug, committeeId: Id });
const MeetingParams = Type.Object({ slug: Slug, meetingId: Id });
const MemberParams = Type.Object({
  slug: Slug,
  committeeId: Id,
  memberId: Id,
});

/** The MIME type of a PPTX file. */
export const PPTX_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/**
 * The report a staff URL names by its number (`:reportNumber`): its id for the use cases
 * and its number for the links (`reportPaths.staffReport(slug, report)`). An unknown
 * number gives id 0, which the use cases refuse after their own checks.
 */
export async function staffReportOf(
  ctx: AppContext,
  params: { readonly slug: string; readonly reportNumber: string },
): Promise<NamedReport> {
  return reportOfNumber(ctx, params.slug, params.reportNumber);
}

/** A request to a report route, its URL naming municipality and report number. */
type ReportRequest = RequestWithParams<Static<typeof ReportParams>>;

/** The publication date of the publishing form ("28.11.2022"): left out when empty. */
function publishedOnOf(
  text: string,
  t: Dictionary,
): { readonly publishedOn?: string } {
  const day = optionalDay(text, "veroeffentlicht-am", t);
  return day === null ? {} : { publishedOn: day };
}

/** A form of the committee pages (see bodyForm in reportEditorRoutes). */
type BodyFormSpec<P extends TObject, B extends TObject> = ChangeFormSpec<
  P,
  B,
  (input: Static<B>, context: FormContext<Static<P>>) => Promise<unknown>
> & {
  /** The page to go back to after the change. */
  readonly back: (params: Static<P>) => string;
  /** The key of the notice shown there (?gespeichert=…). */
  readonly notice: string;
};

/** The ids a removal URL names. */
interface RemovalParams {
  readonly slug: string;
  readonly committeeId?: string;
  readonly memberId?: string;
  readonly meetingId?: string;
}

/** What the confirmation step before removing a member or a meeting says and sends. */
function removalOf(
  view: ViewContext,
  overview: ReportingOverview,
  target: "member" | "meeting",
  params: RemovalParams,
): {
  title: string;
  text: string;
  form: string;
  action: string;
  version: number;
  confirm: string;
  cancel: string;
  cancelHref: string;
} {
  const b = view.t.bodies;
  if (target === "member") {
    const bodyId = idOf(params.committeeId ?? "");
    const memberId = idOf(params.memberId ?? "");
    const member = overview.members.find(
      (each) => each.id === memberId && each.bodyId === bodyId,
    );
    if (member === undefined || bodyId === null)
      throw new AppError("ERR_NOT_FOUND");
    return {
      title: b.removeMemberTitle(member.name),
      text: b.removeMemberText,
      form: `mitglied-${member.id}-entfernen`,
      action: view.link(
        reportPaths.committeeMemberRemove(params.slug, bodyId, member.id),
      ),
      version: member.version,
      confirm: b.removeMemberConfirm,
      cancel: b.cancel,
      cancelHref: view.link(reportPaths.committeeMembers(params.slug, bodyId)),
    };
  }
  const meetingId = idOf(params.meetingId ?? "");
  const meeting = overview.meetings.find((each) => each.id === meetingId);
  if (meeting === undefined) throw new AppError("ERR_NOT_FOUND");
  return {
    title: b.removeMeetingTitle(meetingChoiceLabel(meeting)),
    text: b.removeMeetingHint,
    form: `sitzung-${meeting.id}-entfernen`,
    action: view.link(reportPaths.meetingRemove(params.slug, meeting.id)),
    version: meeting.version,
    confirm: b.removeMeetingConfirm,
    cancel: b.cancel,
    cancelHref: view.link(reportPaths.committees(params.slug)),
  };
}

/** Registers the staff report pages and forms. */
export async function reportEditorRoutes(
  instance: FastifyInstance,
  options: ReportEditorRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  // A draft's documents, made on demand and kept in memory while their data is unchanged.
  const drafts = new DraftDocuments();

  // As in the editor: pages send a signed-out visitor to the sign-in page and back.
  installStaffErrorHandler(app);

  /** The reports overview or the committees page. */
  const renderOverview = (
    page: "reports" | "committees",
  ): StaffPageRenderer<Static<typeof Params>> =>
    reportingPage({
      section: page === "reports" ? "reports" : "committees",
      load: async (request: RequestWithParams<Static<typeof Params>>) => {
        const { slug } = request.params;
        const overview = await runUseCase(
          ctx,
          request,
          getReportingOverview,
          slug,
        );
        const reminderDays =
          page === "reports" && overview.rights.isAdministrator
            ? await runUseCase(ctx, request, getReminderDays, slug)
            : [];
        return { ...overview, overview, reminderDays };
      },
      page: (frame, { overview, reminderDays }) =>
        page === "reports" ? (
          <ReportsOverviewPage
            {...frame}
            overview={overview}
            reminderDays={reminderDays}
            isMailConfigured={options.mail !== null}
          />
        ) : (
          <CommitteesPage {...frame} overview={overview} />
        ),
    });

  /** The published report's documents and their build state; the page reloads while one is built. */
  async function publishedDocumentsSection(
    view: ViewContext,
    slug: string,
    report: NamedReport,
  ): Promise<JSX.Element> {
    const states = await options.documents.states(slug, {
      type: "report",
      key: String(report.id),
    });
    return (
      <section class="app-section" aria-labelledby="dokumente-titel">
        <h2 class="app-heading-m" id="dokumente-titel" safe>
          {view.t.documents.statusTitle}
        </h2>
        {anyBuilding(states) ? (
          <p class="app-body-text">
            <a
              class="app-link"
              href={view.link(reportPaths.publishedDocuments(slug, report))}
              safe
            >
              {view.t.documents.publishedDocumentsLink}
            </a>
          </p>
        ) : (
          ""
        )}
        <div role="status">
          <DocumentStateList
            view={view}
            states={states}
            links={{
              pptx: view.link(reportPaths.reportDeck(slug, report)),
              pdf: view.link(reportPaths.reportPdf(slug, report)),
            }}
          />
        </div>
      </section>
    );
  }

  const renderReport = reportingPage({
    section: "reports",
    load: async (request: ReportRequest) => {
      const { params } = request;
      return getReportForEditing(
        ctx,
        request.principal,
        params.slug,
        (await staffReportOf(ctx, params)).id,
        originOf(request),
      );
    },
    view: (view, data) => withLevels(view, data.catalogue.programme.levels),
    page: async (frame, data, request) => (
      <ReportEditPage
        {...frame}
        documents={
          data.report.status === "published"
            ? await publishedDocumentsSection(
                frame.view,
                request.params.slug,
                data.summary,
              )
            : undefined
        }
        data={data}
        isMailConfigured={options.mail !== null}
      />
    ),
  });

  const labels = (t: Dictionary): Readonly<Record<string, string>> => ({
    sitzung: t.reports.fieldMeeting,
    stand: t.reports.fieldAsOf,
    "veroeffentlicht-am": t.reports.fieldPublishedOn,
    "zweiter-bericht": t.reports.publishHeading,
    vorheriger: t.reports.fieldPrevious,
    titel: t.reports.fieldTitle,
    abschnitt: t.reports.fieldSections,
    status: t.reports.fieldStatus,
    text: t.reports.fieldText,
    tage: t.reports.fieldReminderDays,
    hervorhebungen: t.reports.fieldHighlights,
    termin: t.reports.fieldNewDate,
    name: t.reports.fieldCommitteeName,
    kuerzel: t.reports.fieldAbbreviation,
    oparl: t.reports.fieldCommitteeOparl,
    gremium: t.reports.fieldCommittee,
    datum: t.reports.fieldMeetingDay,
    "oparl-sitzung": t.reports.fieldOparlMeeting,
    "oparl-top": t.reports.fieldOparlAgendaItem,
    "oparl-vorlage": t.reports.fieldOparlPaper,
    art: t.bodies.fieldKind,
    gruppe: t.bodies.fieldMemberGroup,
    rolle: t.bodies.fieldMemberRole,
    sichtbarkeit: t.bodies.fieldVisibility,
    "top-nummer": t.bodies.fieldAgendaNumber,
    "top-titel": t.bodies.fieldAgendaTitle,
    vorlage: t.bodies.fieldPaperReference,
    "vortragende-name": t.bodies.fieldPresenterName,
    "vortragende-funktion": t.bodies.fieldPresenterFunction,
    frage: t.bodies.fieldQuestion,
    antwort: t.bodies.fieldAnswer,
    bestaetigung: t.reports.publishConfirm,
    "ausblick-wann": t.reports.outlookHeading,
    "ausblick-was": t.reports.outlookHeading,
    grund: t.editor.reasonLabel,
  });
  const reportOf = (params: {
    readonly slug: string;
    readonly reportNumber: string;
  }) => staffReportOf(ctx, params);
  /** An old id-based URL of a report that now has another number (ADR 0044). */
  const sentMoved = renumberedSender(ctx, {
    reportOf: (request: ReportRequest) => ({
      slug: request.params.slug,
      report: request.params.reportNumber,
    }),
    published: false,
  });

  app.get(
    REPORT_ROUTES.staffReports,
    pageRoute("staff", Params),
    async (request, reply) => renderOverview("reports")(request, reply, 200),
  );

  app.post(
    REPORT_ROUTES.staffReports,
    reportingForm({
      policy: "admin",
      params: Params,
      body: NewReportBody,
      form: "bericht-neu",
      fields: {
        meetingId: "sitzung",
        asOf: "stand",
        previousReportId: "vorheriger",
        title: "titel",
      },
      labels,
      render: renderOverview("reports"),
      run: async (input, { request, params, view }) => {
        const created = await runUseCase(ctx, request, createReport, {
          municipality: params.slug,
          data: parseNewReportForm(input, view.t),
          reason: reasonOrNull(input.grund),
        });
        return view.link(reportPaths.staffReport(params.slug, created), {
          gespeichert: "bericht-angelegt",
        });
      },
    }),
  );

  app.post(
    REPORT_ROUTES.staffReminderRules,
    reportingForm({
      policy: "admin",
      params: Params,
      body: ReminderRulesBody,
      form: "erinnerungsregeln",
      fields: { days: "tage" },
      labels,
      render: renderOverview("reports"),
      run: async (input, { request, params, view }) => {
        await runUseCase(ctx, request, setReminderDays, {
          municipality: params.slug,
          days: input.tage,
        });
        return `${view.link(reportPaths.staffReports(params.slug), { gespeichert: "erinnerungsregeln" })}#abschnitt-erinnerungsregeln`;
      },
    }),
  );

  app.get(
    REPORT_ROUTES.committees,
    pageRoute("admin", Params),
    async (request, reply) => renderOverview("committees")(request, reply, 200),
  );

  const committeeFields = {
    name: "name",
    abbreviation: "kuerzel",
    oparlUrl: "oparl",
    kind: "art",
  };
  const memberFields = {
    name: "name",
    group: "gruppe",
    role: "rolle",
    isPublic: "sichtbarkeit",
  };
  const meetingFields = {
    committeeId: "gremium",
    day: "datum",
    title: "titel",
    oparlMeetingUrl: "oparl-sitzung",
    oparlAgendaItemUrl: "oparl-top",
    oparlPaperUrl: "oparl-vorlage",
    agendaItemNumber: "top-nummer",
    agendaItemTitle: "top-titel",
    paperReference: "vorlage",
  };

  const renderMembers = reportingPage({
    section: "committees",
    load: async (
      request: RequestWithParams<Static<typeof CommitteeParams>>,
    ) => {
      const { params } = request;
      const overview = await runUseCase(
        ctx,
        request,
        getReportingOverview,
        params.slug,
      );
      const bodyId = idOf(params.committeeId);
      if (
        bodyId === null ||
        !overview.committees.some((each) => each.id === bodyId)
      )
        throw new AppError("ERR_NOT_FOUND");
      return { ...overview, overview, bodyId };
    },
    page: (frame, { overview, bodyId }) => (
      <MembersPage {...frame} overview={overview} bodyId={bodyId} />
    ),
  });

  /** The confirmation step before a member or a meeting is removed (WCAG 3.3.4). */
  const renderRemoval =
    (target: "member" | "meeting"): StaffPageRenderer<RemovalParams> =>
    (request, reply, status, extra = {}) =>
      sendStaffPage(request, reply, status, {
        section: "committees",
        failure: extra,
        load: async () => {
          const { params } = request;
          const overview = await runUseCase(
            ctx,
            request,
            getReportingOverview,
            params.slug,
          );
          return {
            ...overview,
            removal: removalOf(viewOf(request), overview, target, params),
          };
        },
        page: (frame, { removal }) => (
          <RemoveConfirmationPage {...frame} {...removal} />
        ),
      });

  app.get(
    REPORT_ROUTES.committeeMemberRemove,
    pageRoute("admin", MemberParams),
    async (request, reply) => renderRemoval("member")(request, reply, 200),
  );

  app.get(
    REPORT_ROUTES.meetingRemove,
    pageRoute("admin", MeetingParams),
    async (request, reply) => renderRemoval("meeting")(request, reply, 200),
  );

  app.get(
    REPORT_ROUTES.committeeMembers,
    pageRoute("admin", CommitteeParams),
    async (request, reply) => renderMembers(request, reply, 200),
  );

  /**
   * A form of the committee pages (administrators only): runs its change, then goes back
   * to the page `back` names with the notice of what changed.
   */
  function bodyForm<P extends TObject, B extends TObject>(
    path: string,
    spec: BodyFormSpec<P, B>,
  ): void {
    const { change, back, notice, ...form } = spec;
    app.post(
      path,
      changeForm(form, labels, async (input, context) => {
        await change(input, context);
        return context.view.link(back(context.params), {
          gespeichert: notice,
        });
      }),
    );
  }
  const toCommittees = (params: { readonly slug: string }): string =>
    reportPaths.committees(params.slug);
  const toMembers = (params: {
    readonly slug: string;
    readonly committeeId: string;
  }): string =>
    reportPaths.committeeMembers(params.slug, idParam(params.committeeId));

  bodyForm(REPORT_ROUTES.committeeMembers, {
    params: CommitteeParams,
    body: NewMemberBody,
    form: "mitglied-neu",
    fields: memberFields,
    render: renderMembers,
    change: (input, { request, params }) =>
      runUseCase(ctx, request, addMember, {
        municipality: params.slug,
        bodyId: idParam(params.committeeId),
        data: parseMemberForm(input),
        reason: reasonOrNull(input.grund),
      }),
    back: toMembers,
    notice: "mitglied",
  });

  bodyForm(REPORT_ROUTES.committeeMember, {
    params: MemberParams,
    body: MemberBody,
    form: (params) => `mitglied-${idParam(params.memberId)}`,
    fields: memberFields,
    render: renderMembers,
    change: (input, { request, params }) =>
      runUseCase(ctx, request, updateMember, {
        ...versionedChange(params, input),
        memberId: idParam(params.memberId),
        data: parseMemberForm(input),
      }),
    back: toMembers,
    notice: "mitglied",
  });

  bodyForm(REPORT_ROUTES.committeeMemberRemove, {
    params: MemberParams,
    body: RemoveBody,
    form: (params) => `mitglied-${idParam(params.memberId)}-entfernen`,
    render: renderRemoval("member"),
    change: (input, { request, params }) =>
      runUseCase(ctx, request, removeMember, {
        ...versionedChange(params, input),
        memberId: idParam(params.memberId),
      }),
    back: toMembers,
    notice: "mitglied-entfernt",
  });

  bodyForm(REPORT_ROUTES.meetingRemove, {
    params: MeetingParams,
    body: RemoveBody,
    form: (params) => `sitzung-${idParam(params.meetingId)}-entfernen`,
    render: renderRemoval("meeting"),
    change: (input, { request, params }) =>
      runUseCase(ctx, request, removeMeeting, {
        ...versionedChange(params, input),
        meetingId: idParam(params.meetingId),
      }),
    back: toCommittees,
    notice: "sitzung-entfernt",
  });

  bodyForm(REPORT_ROUTES.committees, {
    params: Params,
    body: NewCommitteeBody,
    form: "gremium-neu",
    fields: committeeFields,
    render: renderOverview("committees"),
    change: (input, { request, params }) =>
      runUseCase(ctx, request, createCommittee, {
        municipality: params.slug,
        data: parseCommitteeForm(input),
        reason: reasonOrNull(input.grund),
      }),
    back: toCommittees,
    notice: "gremium",
  });

  bodyForm(REPORT_ROUTES.committee, {
    params: CommitteeParams,
    body: CommitteeBody,
    form: (params) => `gremium-${idParam(params.committeeId)}`,
    fields: committeeFields,
    render: renderOverview("committees"),
    change: (input, { request, params }) =>
      runUseCase(ctx, request, updateCommittee, {
        ...versionedChange(params, input),
        committeeId: idParam(params.committeeId),
        data: parseCommitteeForm(input),
      }),
    back: toCommittees,
    notice: "gremium",
  });

  bodyForm(REPORT_ROUTES.meetings, {
    params: Params,
    body: NewMeetingBody,
    form: "sitzung-neu",
    fields: meetingFields,
    render: renderOverview("committees"),
    change: (input, { request, params, view }) =>
      runUseCase(ctx, request, createMeeting, {
        municipality: params.slug,
        data: parseMeetingForm(input, view.t),
        reason: reasonOrNull(input.grund),
      }),
    back: toCommittees,
    notice: "sitzung",
  });

  bodyForm(REPORT_ROUTES.meeting, {
    params: MeetingParams,
    body: MeetingBody,
    form: (params) => `sitzung-${idParam(params.meetingId)}`,
    fields: meetingFields,
    render: renderOverview("committees"),
    change: (input, { request, params, view }) =>
      runUseCase(ctx, request, updateMeeting, {
        ...versionedChange(params, input),
        meetingId: idParam(params.meetingId),
        data: parseMeetingForm(input, view.t),
      }),
    back: toCommittees,
    notice: "sitzung",
  });

  app.get(
    REPORT_ROUTES.staffReport,
    pageRoute("staff", ReportParams),
    async (request, reply) => {
      if (await sentMoved(request, reply, reportPaths.staffReport))
        return reply;
      return renderReport(request, reply, 200);
    },
  );

  app.post(
    REPORT_ROUTES.staffReportSettings,
    reportingForm({
      policy: "admin",
      params: ReportParams,
      body: ReportSettingsBody,
      form: "einstellungen",
      fields: {
        meetingId: "sitzung",
        asOf: "stand",
        previousReportId: "vorheriger",
        title: "titel",
        sectionKeys: "abschnitt",
        outlook: "ausblick-0-wann",
        oparlPaperUrl: "oparl-vorlage",
      },
      labels,
      render: renderReport,
      run: async (input, { request, params, view }) => {
        const named = await reportOf(params);
        const reportId = named.id;
        const data = await getReportForEditing(
          ctx,
          request.principal,
          params.slug,
          reportId,
          originOf(request),
        );
        const allKeys = data.catalogue.impactAreas.flatMap((area) =>
          area.actionFields.map((field) => field.key),
        );
        await runUseCase(ctx, request, updateReport, {
          ...versionedChange(params, input),
          reportId,
          data: parseSettingsForm(input, allKeys, view.t),
        });
        return `${view.link(reportPaths.staffReport(params.slug, named), { gespeichert: "einstellungen" })}#abschnitt-einstellungen`;
      },
    }),
  );

  app.post(
    REPORT_ROUTES.staffReportEntry,
    reportingForm({
      policy: "staff",
      params: EntryParams,
      body: ReportEntryBody,
      form: (params) => `eintrag-${params.projectSlug}`,
      fields: {
        status: "status",
        text: "text",
        highlights: "hervorhebungen",
        newDate: "termin",
        isIncluded: "anzeigen",
      },
      labels,
      render: renderReport,
      conflictRows: async ({ request, params, view, fields }) => {
        const t = view.t.reports;
        const data = await getReportForEditing(
          ctx,
          request.principal,
          params.slug,
          (await reportOf(params)).id,
          originOf(request),
        );
        const stored = data.entries.get(params.projectSlug);
        const statusLabel = (status: string | null | undefined): string => {
          const known = REPORT_STATUSES.find(
            (candidate) => candidate === status,
          );
          return known === undefined ? "" : t.reportStatus[known];
        };
        return compareRows(view, [
          [
            t.fieldStatus,
            statusLabel(stored?.status),
            statusLabel(fields.status),
          ],
          [t.fieldText, stored?.text ?? "", fields.text],
          [
            t.fieldHighlights,
            (stored?.highlights ?? []).join("\n"),
            fields.hervorhebungen,
          ],
          [
            t.fieldNewDate,
            stored?.newDate == null ? "" : pointLabel(stored.newDate),
            fields.termin,
          ],
        ]);
      },
      run: async (input, { request, params, view }) => {
        const named = await reportOf(params);
        const reportId = named.id;
        const isAdministrator =
          request.principal.kind === "user" &&
          request.principal.role === "admin";
        await runUseCase(ctx, request, saveReportEntry, {
          ...versionedChange(params, input),
          reportId,
          project: params.projectSlug,
          data: parseEntryForm(input, isAdministrator, view.t),
        });
        return `${view.link(reportPaths.staffReport(params.slug, named), { gespeichert: "eintrag" })}#projekt-${params.projectSlug}`;
      },
    }),
  );

  app.post(
    REPORT_ROUTES.staffReportUnchanged,
    reportingForm({
      policy: "staff",
      params: EntryParams,
      body: UnchangedBody,
      form: (params) => `eintrag-${params.projectSlug}-unveraendert`,
      fields: {},
      labels,
      render: renderReport,
      run: async (input, { request, params, view }) => {
        const named = await reportOf(params);
        const reportId = named.id;
        await runUseCase(ctx, request, confirmUnchanged, {
          municipality: params.slug,
          reportId,
          project: params.projectSlug,
          expectedVersion: input.version,
        });
        return `${view.link(reportPaths.staffReport(params.slug, named), { gespeichert: "unveraendert" })}#projekt-${params.projectSlug}`;
      },
    }),
  );

  app.post(
    REPORT_ROUTES.staffReportPublish,
    reportingForm({
      policy: "admin",
      params: ReportParams,
      body: PublishReportBody,
      form: "veroeffentlichen",
      fields: {
        publishedOn: "veroeffentlicht-am",
        confirmSecondReport: "zweiter-bericht",
      },
      labels,
      render: renderReport,
      run: async (input, { request, params, view }) => {
        const named = await reportOf(params);
        const reportId = named.id;
        await runUseCase(ctx, request, publishReport, {
          ...versionedChange(params, input),
          reportId,
          ...publishedOnOf(input["veroeffentlicht-am"], view.t),
          confirmSecondReport: input["zweiter-bericht"] !== "",
        });
        // The documents are built now, outside this request (ADR 0046).
        await options.documents.requestBuilds(
          params.slug,
          { type: "report", key: String(reportId) },
          DOCUMENT_KINDS.report,
        );
        return view.link(reportPaths.staffReport(params.slug, named), {
          gespeichert: "veroeffentlicht",
        });
      },
    }),
  );

  app.post(
    REPORT_ROUTES.staffReportRemind,
    reportingForm({
      policy: "admin",
      params: ReportParams,
      body: RemindBody,
      form: "erinnerungen",
      fields: {},
      labels,
      render: renderReport,
      run: async (_input, { request, params, view }) => {
        const named = await reportOf(params);
        const reportId = named.id;
        const result = await sendReportReminders(
          ctx,
          request.principal,
          { municipality: params.slug, reportId },
          options.mail,
          originOf(request),
        );
        const notice =
          result.recipients === 0
            ? "erinnerungen-keine"
            : result.failed > 0
              ? "erinnerungen-teilweise"
              : "erinnerungen";
        return view.link(reportPaths.staffReport(params.slug, named), {
          gespeichert: notice,
        });
      },
    }),
  );

  /** The document of a report for a signed-in reader (drafts too), or the refusal page. */
  /** The report for a preview or document; null when a refusal has been sent already. */
  async function readableDocument(
    request: ReportRequest,
    reply: FastifyReply,
  ): Promise<{
    document: ReportDocument;
    render: () => Promise<string>;
    /** The meeting's agenda item, presenters and minutes, read now. */
    meeting: () => Promise<PublicMeetingDetails | null>;
  } | null> {
    const { params } = request;
    try {
      const { document, catalogue } = await getReportDocument(
        ctx,
        request.principal,
        params.slug,
        (await staffReportOf(ctx, params)).id,
        originOf(request),
      );
      const view = viewOf(request);
      const render = async () =>
        await (
          <PageLayout
            view={view}
            title={`${view.t.reports.preview}: ${view.t.reports.reportPageTitle(document.title, `${document.meeting.committeeAbbreviation} ${formatGermanDate(document.meeting.day)}`)}`}
            requestUrl={request.url}
            site={siteHeader(catalogue)}
            account={accountBarOf(request, view)}
            breadcrumbs={[
              {
                label: view.t.reports.navReports,
                href: view.link(reportPaths.staffReports(params.slug)),
              },
              { label: view.t.reports.preview },
            ]}
          >
            {document.publishedAt === null ? (
              <p class="app-warning-text" safe>
                {view.t.reports.draftWarning}
              </p>
            ) : (
              ""
            )}
            <ReportView
              view={view}
              document={document}
              links={{
                previousReport:
                  document.previous === null
                    ? null
                    : view.link(
                        reportPaths.staffReportPreview(
                          params.slug,
                          previousReportRef(document.previous),
                        ),
                      ),
                project: (projectSlug) =>
                  view.link(
                    `/${encodeURIComponent(params.slug)}/projekte/${encodeURIComponent(projectSlug)}`,
                  ),
              }}
            />
          </PageLayout>
        );
      const meeting = () =>
        reportMeetingDetails(ctx, catalogue.municipality.id, document.id);
      return { document, render, meeting };
    } catch (error) {
      if (!isAppError(error, "ERR_FORBIDDEN")) throw error;
      await sendHtmlError(error, request, reply);
      return null;
    }
  }

  app.get(
    REPORT_ROUTES.staffReportPreview,
    pageRoute("signed-in", ReportParams),
    async (request, reply) => {
      if (await sentMoved(request, reply, reportPaths.staffReportPreview))
        return reply;
      const readable = await readableDocument(request, reply);
      if (readable === null) return reply;
      return sendEditorPage(reply, 200, await readable.render());
    },
  );

  /**
   * A report's deck or PDF for a signed-in reader, drafts too: made on demand from the data
   * as it stands (once for all who ask at the same time), with the progress page for a
   * browser when that takes longer than a second.
   */
  function draftDocumentRoute(
    path: string,
    kind: "pptx" | "pdf",
    pathOf: (slug: string, report: ReportRef) => string,
  ): void {
    app.get(
      path,
      pageRoute("signed-in", ReportParams),
      async (request, reply) => {
        if (await sentMoved(request, reply, pathOf)) return reply;
        const readable = await readableDocument(request, reply);
        if (readable === null) return reply;
        const { document } = readable;
        const meeting = await readable.meeting();
        const view = viewOf(request);
        return drafts.send(
          request,
          reply,
          [
            "report",
            document.id,
            kind,
            REPORT_DOCUMENT_FORMAT,
            document,
            meeting,
          ],
          () => makeReportFile(options.pdf, document, meeting, kind),
          () => ({
            view,
            requestUrl: request.url,
            name: view.t.documents.kinds[kind],
            backHref: view.link(
              reportPaths.staffReport(request.params.slug, {
                number: Number(request.params.reportNumber),
              }),
            ),
          }),
        );
      },
    );
  }

  draftDocumentRoute(
    REPORT_ROUTES.staffReportDeck,
    "pptx",
    reportPaths.staffReportDeck,
  );
  draftDocumentRoute(
    REPORT_ROUTES.staffReportPdf,
    "pdf",
    reportPaths.staffReportPdf,
  );
}
