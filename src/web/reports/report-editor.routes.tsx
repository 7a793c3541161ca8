/**
 * The staff side of status reports under /{kommune}/verwaltung/: the overview, committees
 * and meetings, one report with its entries, settings, publishing and reminders, the
 * preview and the files (PPTX, PDF). Thin routes: read the form, call the use case, then
 * redirect with a notice or render again (see reporting-routes.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import { createCommittee, createMeeting, updateCommittee, updateMeeting } from "../../app/reports/committees.js";
import { createReport, publishReport, updateReport } from "../../app/reports/manage-reports.js";
import { getReportDocument, getReportForEditing, getReportingOverview } from "../../app/reports/read-reports.js";
import { confirmUnchanged, saveReportEntry } from "../../app/reports/report-entries.js";
import { sendReportReminders } from "../../app/reports/report-reminders.js";
import { getReminderDays, setReminderDays } from "../../app/reports/reminder-rules.js";
import { pointLabel, type ReportDocument } from "../../domain/report/report-document.js";
import { formatGermanDate } from "../../domain/indicator/german-number.js";
import { AppError, isAppError } from "../../errors.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import { buildReportDeck, reportFileName } from "../../exports/report/report-deck.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { NO_STORE } from "../http/cache.js";
import { accountBarOf } from "../identity/identity-view.js";
import { csrfToken } from "../plugins/session.js";
import { sendHtmlError } from "../portal/portal.routes.js";
import { siteHeader } from "../portal/site.js";
import { answerRefusals, editorChrome, formValues, originOf, sendEditorPage, viewOf, type EditorSection, type FormFields } from "../editor/editor-view.js";
import { parseCommitteeForm, parseEntryForm, parseMeetingForm, parseNewReportForm, parseSettingsForm } from "./report-forms.js";
import { CommitteesPage, ReportEditPage, ReportsOverviewPage } from "./report-editor-pages.js";
import { REPORT_ROUTES, reportPaths } from "./report-paths.js";
import { renderReportPdf } from "./report-print.js";
import { ReportView } from "./report-view.js";
import { compareRows, handleReportingForm, idOf, installStaffErrorHandler, reportNoticeOf, type FailedRender } from "./reporting-routes.js";

/** What the report routes need. */
export interface ReportEditorRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
  readonly pdf: PdfRenderer;
}

const Slug = Type.String({ maxLength: 100 });
const Id = Type.String({ maxLength: 12 });
const Params = Type.Object({ slug: Slug });
const ReportParams = Type.Object({ slug: Slug, reportId: Id });
const EntryParams = Type.Object({ slug: Slug, reportId: Id, projectSlug: Slug });
const CommitteeParams = Type.Object({ slug: Slug, committeeId: Id });
const MeetingParams = Type.Object({ slug: Slug, meetingId: Id });

/** The MIME type of a PPTX file. */
export const PPTX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** A report id from the URL; ERR_REPORT_NOT_FOUND for anything that cannot be one. */
export function reportIdOf(text: string): number {
  const id = idOf(text);
  if (id === null) throw new AppError("ERR_REPORT_NOT_FOUND");
  return id;
}

/** Sends a generated file as a download. */
export function sendFile(reply: FastifyReply, contentType: string, fileName: string, body: Buffer, cacheControl: string = NO_STORE): FastifyReply {
  return reply
    .header("cache-control", cacheControl)
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .type(contentType)
    .send(body);
}

/** Registers the staff report pages and forms. */
export async function reportEditorRoutes(instance: FastifyInstance, options: ReportEditorRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  // As in the editor: pages send a signed-out visitor to the sign-in page and back.
  installStaffErrorHandler(app);

  async function renderOverview(request: FastifyRequest, reply: FastifyReply, page: "reports" | "committees", status: number, extra: FailedRender = {}) {
    return answerRefusals(request, reply, async () => {
      const slug = (request.params as { slug: string }).slug;
      const overview = await getReportingOverview(ctx, request.principal, slug, originOf(request));
      const view = viewOf(request);
      const section: EditorSection = page === "reports" ? "reports" : "committees";
      const props = {
        view,
        requestUrl: request.url,
        chrome: editorChrome(request, view, overview.catalogue, overview.rights, section),
        csrfToken: csrfToken(request),
        notice: status === 200 ? reportNoticeOf(request, view) : undefined,
        failed: extra.failed,
        conflict: extra.conflict,
        overview,
      };
      const reminderDays = page === "reports" && overview.rights.isAdministrator ? await getReminderDays(ctx, request.principal, slug, originOf(request)) : [];
      const html = await (
        page === "reports" ? (
          <ReportsOverviewPage {...props} reminderDays={reminderDays} isMailConfigured={options.mail !== null} />
        ) : (
          <CommitteesPage {...props} />
        )
      );
      return sendEditorPage(reply, status, html);
    });
  }

  async function renderReport(request: FastifyRequest, reply: FastifyReply, status: number, extra: FailedRender = {}) {
    return answerRefusals(request, reply, async () => {
      const params = request.params as { slug: string; reportId: string };
      const data = await getReportForEditing(ctx, request.principal, params.slug, reportIdOf(params.reportId), originOf(request));
      const view = viewOf(request);
      const html = await (
        <ReportEditPage
          view={view}
          requestUrl={request.url}
          chrome={editorChrome(request, view, data.catalogue, data.rights, "reports")}
          csrfToken={csrfToken(request)}
          notice={status === 200 ? reportNoticeOf(request, view) : undefined}
          failed={extra.failed}
          conflict={extra.conflict}
          data={data}
          isMailConfigured={options.mail !== null}
        />
      );
      return sendEditorPage(reply, status, html);
    });
  }

  const label = (request: FastifyRequest) => (field: string) => {
    const t = viewOf(request).t.reports;
    const labels: Readonly<Record<string, string>> = {
      sitzung: t.fieldMeeting,
      stand: t.fieldAsOf,
      vorheriger: t.fieldPrevious,
      titel: t.fieldTitle,
      abschnitt: t.fieldSections,
      status: t.fieldStatus,
      text: t.fieldText,
      tage: t.fieldReminderDays,
      hervorhebungen: t.fieldHighlights,
      termin: t.fieldNewDate,
      name: t.fieldCommitteeName,
      kuerzel: t.fieldAbbreviation,
      gremium: t.fieldCommittee,
      datum: t.fieldMeetingDay,
      "oparl-sitzung": t.fieldOparlMeeting,
      "oparl-top": t.fieldOparlAgendaItem,
      "oparl-vorlage": t.fieldOparlPaper,
      bestaetigung: t.publishConfirm,
      grund: viewOf(request).t.editor.reasonLabel,
    };
    return labels[field.replace(/^ausblick-\d+-/, "ausblick-")] ?? (field.startsWith("ausblick-") ? t.outlookHeading : field);
  };

  const reason = (fields: FormFields): string | null => (fields.grund ?? "").trim() || null;
  const version = (fields: FormFields): number => {
    const text = fields.version ?? "";
    return /^\d{1,10}$/.test(text) ? Number(text) : -1;
  };

  app.get(REPORT_ROUTES.staffReports, { config: { policy: "staff" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    renderOverview(request, reply, "reports", 200),
  );

  app.post(REPORT_ROUTES.staffReports, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "bericht-neu",
      fields: { meetingId: "sitzung", asOf: "stand", previousReportId: "vorheriger", title: "titel" },
      labelOf: label(request),
      render: (status, extra) => renderOverview(request, reply, "reports", status, extra),
      change: async (fields) => {
        const parsed = parseNewReportForm(fields);
        if (!parsed.ok) throw new AppError("ERR_VALIDATION", { problems: parsed.problems });
        const { id } = await createReport(
          ctx,
          request.principal,
          { municipality: request.params.slug, data: parsed.value, reason: reason(fields) },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.staffReport(request.params.slug, id), { gespeichert: "bericht-angelegt" });
      },
    }),
  );

  app.post(REPORT_ROUTES.staffReminderRules, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "erinnerungsregeln",
      fields: { days: "tage" },
      labelOf: label(request),
      render: (status, extra) => renderOverview(request, reply, "reports", status, extra),
      change: async (fields) => {
        await setReminderDays(ctx, request.principal, { municipality: request.params.slug, days: fields.tage ?? "" }, originOf(request));
        return `${viewOf(request).link(reportPaths.staffReports(request.params.slug), { gespeichert: "erinnerungsregeln" })}#abschnitt-erinnerungsregeln`;
      },
    }),
  );

  app.get(REPORT_ROUTES.committees, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    renderOverview(request, reply, "committees", 200),
  );

  const committeeFields = { name: "name", abbreviation: "kuerzel" };
  const meetingFields = {
    committeeId: "gremium",
    day: "datum",
    title: "titel",
    oparlMeetingUrl: "oparl-sitzung",
    oparlAgendaItemUrl: "oparl-top",
    oparlPaperUrl: "oparl-vorlage",
  };

  app.post(REPORT_ROUTES.committees, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "gremium-neu",
      fields: committeeFields,
      labelOf: label(request),
      render: (status, extra) => renderOverview(request, reply, "committees", status, extra),
      change: async (fields) => {
        await createCommittee(ctx, request.principal, { municipality: request.params.slug, data: parseCommitteeForm(fields), reason: reason(fields) }, originOf(request));
        return viewOf(request).link(reportPaths.committees(request.params.slug), { gespeichert: "gremium" });
      },
    }),
  );

  app.post(REPORT_ROUTES.committee, { config: { policy: "admin" }, schema: { hide: true, params: CommitteeParams } }, async (request, reply) => {
    const committeeId = idOf(request.params.committeeId);
    if (committeeId === null) throw new AppError("ERR_NOT_FOUND");
    return handleReportingForm(request, reply, {
      form: `gremium-${committeeId}`,
      fields: committeeFields,
      labelOf: label(request),
      render: (status, extra) => renderOverview(request, reply, "committees", status, extra),
      change: async (fields) => {
        await updateCommittee(
          ctx,
          request.principal,
          { municipality: request.params.slug, committeeId, expectedVersion: version(fields), data: parseCommitteeForm(fields), reason: reason(fields) },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.committees(request.params.slug), { gespeichert: "gremium" });
      },
    });
  });

  app.post(REPORT_ROUTES.meetings, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "sitzung-neu",
      fields: meetingFields,
      labelOf: label(request),
      render: (status, extra) => renderOverview(request, reply, "committees", status, extra),
      change: async (fields) => {
        const parsed = parseMeetingForm(fields);
        if (!parsed.ok) throw new AppError("ERR_VALIDATION", { problems: parsed.problems });
        await createMeeting(ctx, request.principal, { municipality: request.params.slug, data: parsed.value, reason: reason(fields) }, originOf(request));
        return viewOf(request).link(reportPaths.committees(request.params.slug), { gespeichert: "sitzung" });
      },
    }),
  );

  app.post(REPORT_ROUTES.meeting, { config: { policy: "admin" }, schema: { hide: true, params: MeetingParams } }, async (request, reply) => {
    const meetingId = idOf(request.params.meetingId);
    if (meetingId === null) throw new AppError("ERR_NOT_FOUND");
    return handleReportingForm(request, reply, {
      form: `sitzung-${meetingId}`,
      fields: meetingFields,
      labelOf: label(request),
      render: (status, extra) => renderOverview(request, reply, "committees", status, extra),
      change: async (fields) => {
        const parsed = parseMeetingForm(fields);
        if (!parsed.ok) throw new AppError("ERR_VALIDATION", { problems: parsed.problems });
        await updateMeeting(
          ctx,
          request.principal,
          { municipality: request.params.slug, meetingId, expectedVersion: version(fields), data: parsed.value, reason: reason(fields) },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.committees(request.params.slug), { gespeichert: "sitzung" });
      },
    });
  });

  app.get(REPORT_ROUTES.staffReport, { config: { policy: "staff" }, schema: { hide: true, params: ReportParams } }, async (request, reply) =>
    renderReport(request, reply, 200),
  );

  app.post(REPORT_ROUTES.staffReportSettings, { config: { policy: "admin" }, schema: { hide: true, params: ReportParams } }, async (request, reply) => {
    const reportId = reportIdOf(request.params.reportId);
    return handleReportingForm(request, reply, {
      form: "einstellungen",
      fields: { meetingId: "sitzung", asOf: "stand", previousReportId: "vorheriger", title: "titel", sectionKeys: "abschnitt", outlook: "ausblick-0-wann" },
      lists: ["abschnitt"],
      labelOf: label(request),
      render: (status, extra) => renderReport(request, reply, status, extra),
      change: async (fields) => {
        const data = await getReportForEditing(ctx, request.principal, request.params.slug, reportId, originOf(request));
        const allKeys = data.catalogue.impactAreas.flatMap((area) => area.actionFields.map((field) => field.key));
        const parsed = parseSettingsForm(fields, formValues(request.body, "abschnitt"), allKeys);
        if (!parsed.ok) throw new AppError("ERR_VALIDATION", { problems: parsed.problems });
        await updateReport(
          ctx,
          request.principal,
          { municipality: request.params.slug, reportId, expectedVersion: version(fields), data: parsed.value, reason: reason(fields) },
          originOf(request),
        );
        return `${viewOf(request).link(reportPaths.staffReport(request.params.slug, reportId), { gespeichert: "einstellungen" })}#abschnitt-einstellungen`;
      },
    });
  });

  app.post(REPORT_ROUTES.staffReportEntry, { config: { policy: "staff" }, schema: { hide: true, params: EntryParams } }, async (request, reply) => {
    const reportId = reportIdOf(request.params.reportId);
    const { projectSlug } = request.params;
    const isAdministrator = request.principal.kind === "user" && request.principal.role === "admin";
    const t = viewOf(request).t.reports;
    return handleReportingForm(request, reply, {
      form: `eintrag-${projectSlug}`,
      fields: { status: "status", text: "text", highlights: "hervorhebungen", newDate: "termin", isIncluded: "anzeigen" },
      labelOf: label(request),
      render: (status, extra) => renderReport(request, reply, status, extra),
      conflictRows: async (fields) => {
        const data = await getReportForEditing(ctx, request.principal, request.params.slug, reportId, originOf(request));
        const stored = data.entries.get(projectSlug);
        const statusLabel = (status: string | null | undefined) =>
          status === null || status === undefined || !(status in t.reportStatus) ? "" : t.reportStatus[status as keyof typeof t.reportStatus];
        return compareRows(viewOf(request), [
          [t.fieldStatus, statusLabel(stored?.status), statusLabel(fields.status)],
          [t.fieldText, stored?.text ?? "", fields.text],
          [t.fieldHighlights, (stored?.highlights ?? []).join("\n"), fields.hervorhebungen],
          [t.fieldNewDate, stored?.newDate == null ? "" : pointLabel(stored.newDate), fields.termin],
        ]);
      },
      change: async (fields) => {
        const parsed = parseEntryForm(fields, isAdministrator);
        if (!parsed.ok) throw new AppError("ERR_VALIDATION", { problems: parsed.problems });
        await saveReportEntry(
          ctx,
          request.principal,
          { municipality: request.params.slug, reportId, project: projectSlug, expectedVersion: Math.max(0, version(fields)), data: parsed.value, reason: reason(fields) },
          originOf(request),
        );
        return `${viewOf(request).link(reportPaths.staffReport(request.params.slug, reportId), { gespeichert: "eintrag" })}#projekt-${projectSlug}`;
      },
    });
  });

  app.post(REPORT_ROUTES.staffReportUnchanged, { config: { policy: "staff" }, schema: { hide: true, params: EntryParams } }, async (request, reply) => {
    const reportId = reportIdOf(request.params.reportId);
    const { projectSlug } = request.params;
    return handleReportingForm(request, reply, {
      form: `eintrag-${projectSlug}-unveraendert`,
      fields: {},
      labelOf: label(request),
      render: (status, extra) => renderReport(request, reply, status, extra),
      change: async (fields) => {
        await confirmUnchanged(
          ctx,
          request.principal,
          { municipality: request.params.slug, reportId, project: projectSlug, expectedVersion: Math.max(0, version(fields)) },
          originOf(request),
        );
        return `${viewOf(request).link(reportPaths.staffReport(request.params.slug, reportId), { gespeichert: "unveraendert" })}#projekt-${projectSlug}`;
      },
    });
  });

  app.post(REPORT_ROUTES.staffReportPublish, { config: { policy: "admin" }, schema: { hide: true, params: ReportParams } }, async (request, reply) => {
    const reportId = reportIdOf(request.params.reportId);
    return handleReportingForm(request, reply, {
      form: "veroeffentlichen",
      fields: {},
      labelOf: label(request),
      render: (status, extra) => renderReport(request, reply, status, extra),
      change: async (fields) => {
        if (fields.bestaetigung === undefined) {
          throw new AppError("ERR_VALIDATION", { problems: [{ path: "/form/bestaetigung", message: viewOf(request).t.reports.publishConfirmRequired }] });
        }
        await publishReport(
          ctx,
          request.principal,
          { municipality: request.params.slug, reportId, expectedVersion: version(fields), reason: reason(fields) },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.staffReport(request.params.slug, reportId), { gespeichert: "veroeffentlicht" });
      },
    });
  });

  app.post(REPORT_ROUTES.staffReportRemind, { config: { policy: "admin" }, schema: { hide: true, params: ReportParams } }, async (request, reply) => {
    const reportId = reportIdOf(request.params.reportId);
    return handleReportingForm(request, reply, {
      form: "erinnerungen",
      fields: {},
      labelOf: label(request),
      render: (status, extra) => renderReport(request, reply, status, extra),
      change: async () => {
        const result = await sendReportReminders(ctx, request.principal, { municipality: request.params.slug, reportId }, options.mail, originOf(request));
        const notice = result.recipients === 0 ? "erinnerungen-keine" : result.failed > 0 ? "erinnerungen-teilweise" : "erinnerungen";
        return viewOf(request).link(reportPaths.staffReport(request.params.slug, reportId), { gespeichert: notice });
      },
    });
  });

  /** The document of a report for a signed-in reader (drafts too), or the refusal page. */
  async function readableDocument(request: FastifyRequest, reply: FastifyReply): Promise<{ document: ReportDocument; render: () => Promise<string> } | FastifyReply> {
    const params = request.params as { slug: string; reportId: string };
    try {
      const { document, catalogue } = await getReportDocument(ctx, request.principal, params.slug, reportIdOf(params.reportId), originOf(request));
      const view = viewOf(request);
      const render = async () =>
        await (
          <PageLayout
            view={view}
            title={`${document.title}: ${document.meeting.committeeAbbreviation} ${formatGermanDate(document.meeting.day)}`}
            requestUrl={request.url}
            site={siteHeader(catalogue)}
            account={accountBarOf(request, view)}
            breadcrumbs={[
              { label: view.t.reports.navReports, href: view.link(reportPaths.staffReports(params.slug)) },
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
                previousReport: document.previous === null ? null : view.link(reportPaths.staffReportPreview(params.slug, document.previous.id)),
                project: (projectSlug) => view.link(`/${encodeURIComponent(params.slug)}/projekte/${encodeURIComponent(projectSlug)}`),
              }}
            />
          </PageLayout>
        );
      return { document, render };
    } catch (error) {
      if (isAppError(error, "ERR_FORBIDDEN")) return sendHtmlError(error, request, reply);
      throw error;
    }
  }

  app.get(REPORT_ROUTES.staffReportPreview, { config: { policy: "signed-in" }, schema: { hide: true, params: ReportParams } }, async (request, reply) => {
    const readable = await readableDocument(request, reply);
    if ("statusCode" in readable) return readable;
    return sendEditorPage(reply, 200, await readable.render());
  });

  app.get(REPORT_ROUTES.staffReportDeck, { config: { policy: "signed-in" }, schema: { hide: true, params: ReportParams } }, async (request, reply) => {
    const readable = await readableDocument(request, reply);
    if ("statusCode" in readable) return readable;
    const deck = await buildReportDeck(readable.document);
    return sendFile(reply, PPTX_CONTENT_TYPE, `${reportFileName(readable.document)}.pptx`, deck);
  });

  app.get(REPORT_ROUTES.staffReportPdf, { config: { policy: "signed-in" }, schema: { hide: true, params: ReportParams } }, async (request, reply) => {
    const readable = await readableDocument(request, reply);
    if ("statusCode" in readable) return readable;
    const pdf = await renderReportPdf(options.pdf, readable.document);
    return sendFile(reply, "application/pdf", `${reportFileName(readable.document)}.pdf`, pdf);
  });
}
