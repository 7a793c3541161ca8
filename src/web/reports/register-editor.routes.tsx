/**
 * The OZG register in the editor: the overview as of a day, one service, adding and
 * changing services, export (CSV, XLSX) and import. The import form is the one form that
 * uploads a file, so this plugin alone accepts multipart bodies (web/http/multipart.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { AppContext } from "../../app/context.js";
import { changeService, createService, importRegister } from "../../app/services/manage-register.js";
import { exportRegister, getRegisterForStaff, getServiceForStaff } from "../../app/services/read-register.js";
import { isoDateOfGermanDay, parseGermanDay } from "../../domain/period/point-in-time.js";
import { formatIsoDate, germanDayOf } from "../../domain/calendar/calendar.js";
import { AppError } from "../../errors.js";
import { readRegisterFile } from "../../app/services/read-register-file.js";
import type { RegisterFormat } from "../../domain/service/service-table.js";
import { REGISTER_CONTENT_TYPES, writeRegisterFile } from "../../exports/register/register-file.js";
import { acceptUploads, uploadedFiles } from "../http/multipart.js";
import { csrfToken } from "../plugins/session.js";
import { answerRefusals, editorChrome, originOf, sendEditorPage, viewOf, type FormFields } from "../editor/editor-view.js";
import { sendFile } from "./report-editor.routes.js";
import { parseServiceForm } from "./report-forms.js";
import { RegisterPage, ServicePage } from "./register-pages.js";
import { REPORT_ROUTES, reportPaths } from "./report-paths.js";
import { handleReportingForm, installStaffErrorHandler, reportNoticeOf, type FailedRender } from "./reporting-routes.js";

/** What the register routes need. */
export interface RegisterEditorRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
}

const Slug = Type.String({ maxLength: 100 });
const Params = Type.Object({ slug: Slug });
const ServiceParams = Type.Object({ slug: Slug, leikaKey: Type.String({ maxLength: 40 }) });
const RegisterQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })), stand: Type.Optional(Type.String({ maxLength: 20 })) });

/** The largest register file accepted (a register of a municipality is a few hundred rows). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SERVICE_FIELDS = {
  name: "name",
  topic: "themenfeld",
  isResponsibleLocally: "vor-ort",
  channel: "zugangsweg",
  isFrontEndOnline: "front-end",
  isBackEndConnected: "back-end",
  hasEPayment: "e-payment",
  hasEId: "eid",
  onlineApplications: "antraege",
  maturity: "reifegrad",
  "maturity/modelVersion": "reifegradmodell",
  status: "status",
  url: "url",
  validFrom: "ab",
};

/** Registers the register's pages, forms and files. */
export async function registerEditorRoutes(instance: FastifyInstance, options: RegisterEditorRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  installStaffErrorHandler(app);

  await acceptUploads(app, { maxFileBytes: MAX_UPLOAD_BYTES, maxFiles: 1, maxFields: 10, maxFieldBytes: 64 * 1024 });

  /** The day the register is shown as of: ?stand=…, else today. */
  function dayOf(request: FastifyRequest): number {
    const typed = (request.query as { stand?: string }).stand;
    return (typed === undefined ? null : parseGermanDay(typed)) ?? germanDayOf(options.now());
  }

  async function renderRegister(request: FastifyRequest, reply: FastifyReply, status: number, extra: FailedRender = {}) {
    return answerRefusals(request, reply, async () => {
      const { slug } = request.params as { slug: string };
      const data = await getRegisterForStaff(ctx, request.principal, slug, dayOf(request), originOf(request));
      const view = viewOf(request);
      const html = await (
        <RegisterPage
          view={view}
          requestUrl={request.url}
          chrome={editorChrome(request, view, data.catalogue, data.rights, "register")}
          csrfToken={csrfToken(request)}
          notice={status === 200 ? reportNoticeOf(request, view) : undefined}
          failed={extra.failed}
          conflict={extra.conflict}
          data={data}
        />
      );
      return sendEditorPage(reply, status, html);
    });
  }

  async function renderService(request: FastifyRequest, reply: FastifyReply, status: number, extra: FailedRender = {}) {
    return answerRefusals(request, reply, async () => {
      const { slug, leikaKey } = request.params as { slug: string; leikaKey: string };
      const data = await getServiceForStaff(ctx, request.principal, slug, leikaKey, germanDayOf(options.now()), originOf(request));
      const view = viewOf(request);
      const html = await (
        <ServicePage
          view={view}
          requestUrl={request.url}
          chrome={editorChrome(request, view, data.catalogue, data.rights, "register")}
          csrfToken={csrfToken(request)}
          notice={status === 200 ? reportNoticeOf(request, view) : undefined}
          failed={extra.failed}
          conflict={extra.conflict}
          data={data}
        />
      );
      return sendEditorPage(reply, status, html);
    });
  }

  const label = (request: FastifyRequest) => (field: string) => {
    const t = viewOf(request).t.reports;
    const labels: Readonly<Record<string, string>> = {
      leika: t.fieldLeikaKey,
      ab: t.fieldValidFrom,
      name: t.fieldServiceName,
      themenfeld: t.fieldTopic,
      "vor-ort": t.fieldResponsibleLocally,
      zugangsweg: t.fieldChannel,
      "front-end": t.fieldFrontEnd,
      "back-end": t.fieldBackEnd,
      "e-payment": t.fieldEPayment,
      eid: t.fieldEId,
      antraege: t.fieldApplications,
      reifegrad: t.fieldMaturityLevel,
      reifegradmodell: t.fieldMaturityModel,
      status: t.fieldStatus,
      url: t.fieldUrl,
      modus: t.fieldMode,
      datei: t.fieldFile,
      grund: viewOf(request).t.editor.reasonLabel,
    };
    return labels[field] ?? field;
  };
  const reason = (fields: FormFields): string | null => (fields.grund ?? "").trim() || null;

  app.get(REPORT_ROUTES.register, { config: { policy: "staff" }, schema: { hide: true, params: Params, querystring: RegisterQuery } }, async (request, reply) =>
    renderRegister(request, reply, 200),
  );

  app.post(REPORT_ROUTES.register, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "leistung-neu",
      fields: SERVICE_FIELDS,
      paths: { "/leikaKey": "leika", "/validFrom": "ab" },
      labelOf: label(request),
      render: (status, extra) => renderRegister(request, reply, status, extra),
      change: async (fields) => {
        const typedFrom = (fields.ab ?? "").trim();
        const validFrom = typedFrom === "" ? null : isoDateOfGermanDay(typedFrom);
        if (typedFrom !== "" && validFrom === null) {
          throw new AppError("ERR_VALIDATION", { problems: [{ path: "/form/ab", message: "Bitte ein Datum wie 28.11.2022 eingeben." }] });
        }
        const { leikaKey } = await createService(
          ctx,
          request.principal,
          { municipality: request.params.slug, leikaKey: (fields.leika ?? "").trim(), validFrom, data: parseServiceForm(fields), reason: reason(fields) },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.registerService(request.params.slug, leikaKey), { gespeichert: "leistung" });
      },
    }),
  );

  app.post(REPORT_ROUTES.registerImport, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "import",
      fields: {},
      labelOf: label(request),
      render: (status, extra) => renderRegister(request, reply, status, extra),
      change: async (fields) => {
        const file = uploadedFiles(request.body, "datei")[0];
        if (file === undefined || file.data.length === 0) {
          throw new AppError("ERR_VALIDATION", { problems: [{ path: "/form/datei", message: viewOf(request).t.reports.fileRequired }] });
        }
        let table;
        try {
          table = await readRegisterFile(file.fileName, file.data);
        } catch (error) {
          throw new AppError("ERR_REGISTER_IMPORT_INVALID", {
            detail: `${file.fileName}:`,
            problems: [{ path: "/form/datei", message: error instanceof RangeError ? error.message : "Die Datei lässt sich nicht lesen." }],
          });
        }
        await importRegister(
          ctx,
          request.principal,
          { municipality: request.params.slug, table: { fileName: file.fileName, ...table }, reason: reason(fields) },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.register(request.params.slug), { gespeichert: "import" });
      },
    }),
  );

  for (const format of ["csv", "xlsx"] as const satisfies readonly RegisterFormat[]) {
    app.get(
      format === "csv" ? REPORT_ROUTES.registerCsv : REPORT_ROUTES.registerXlsx,
      { config: { policy: "staff" }, schema: { hide: true, params: Params } },
      async (request, reply) =>
        answerRefusals(request, reply, async () => {
          const services = await exportRegister(ctx, request.principal, request.params.slug, originOf(request));
          const body = await writeRegisterFile(services, format);
          const day = formatIsoDate(germanDayOf(options.now()));
          return sendFile(reply, REGISTER_CONTENT_TYPES[format], `ozg-leistungen-${request.params.slug}-${day}.${format}`, body);
        }),
    );
  }

  app.get(REPORT_ROUTES.registerService, { config: { policy: "staff" }, schema: { hide: true, params: ServiceParams } }, async (request, reply) =>
    renderService(request, reply, 200),
  );

  app.post(REPORT_ROUTES.registerService, { config: { policy: "admin" }, schema: { hide: true, params: ServiceParams } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "leistung",
      fields: SERVICE_FIELDS,
      paths: { "/from": "ab" },
      labelOf: label(request),
      render: (status, extra) => renderService(request, reply, status, extra),
      change: async (fields) => {
        const mode = fields.modus === "correct" ? "correct" : "new-state";
        const typedFrom = (fields.ab ?? "").trim();
        const from = typedFrom === "" ? null : isoDateOfGermanDay(typedFrom);
        if (typedFrom !== "" && from === null) {
          throw new AppError("ERR_VALIDATION", { problems: [{ path: "/form/ab", message: "Bitte ein Datum wie 28.11.2022 eingeben." }] });
        }
        const recordId = Number(fields.eintrag ?? "0");
        if (!/^\d{14}$/.test(request.params.leikaKey)) throw new AppError("ERR_SERVICE_NOT_FOUND");
        await changeService(
          ctx,
          request.principal,
          {
            municipality: request.params.slug,
            leikaKey: request.params.leikaKey,
            recordId: Number.isSafeInteger(recordId) && recordId > 0 ? recordId : 1,
            expectedVersion: /^\d{1,10}$/.test(fields.version ?? "") ? Math.max(1, Number(fields.version)) : 1,
            mode,
            from,
            data: parseServiceForm(fields),
            reason: reason(fields),
          },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.registerService(request.params.slug, request.params.leikaKey), { gespeichert: "leistung" });
      },
    }),
  );
}
