/**
 * The OZG register in the editor: the overview as of a day, one service, adding and
 * changing services, export (CSV, XLSX) and import. The import form uploads a file, so
 * this plugin accepts multipart bodies (web/http/multipart.ts), as the catalogue's
 * spreadsheet import does.
 */
import { rawQueryParam } from "../http/params.js";
import { readFormBody } from "../http/form-action.js";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static } from "@sinclair/typebox";
import type { AppContext } from "../../app/context.js";
import {
  changeService,
  createService,
} from "../../app/services/manage-register.js";
import {
  confirmRegisterImport,
  prepareRegisterImport,
  showRegisterImport,
} from "../../app/services/register-import.js";
import {
  exportRegister,
  getRegisterForStaff,
  getServiceForStaff,
} from "../../app/services/read-register.js";
import { parseGermanDay } from "../../domain/period/point-in-time.js";
import { formatIsoDate, germanDayOf } from "../../domain/calendar/calendar.js";
import { AppError } from "../../errors.js";
import type { RegisterFormat } from "../../domain/service/service-table.js";
import {
  REGISTER_CONTENT_TYPES,
  writeRegisterFile,
} from "../../exports/register/register-file.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { originOf, runUseCase } from "../http/use-case.js";
import {
  acceptUploads,
  importUploadLimits,
  requiredUpload,
} from "../http/multipart.js";
import type { Dictionary } from "../../i18n/i18n.js";
import { answerRefusals } from "../editor/editor-view.js";
import { installStaffErrorHandler } from "../http/error-pages.js";
import { sendStaffPage } from "../http/staff-page.js";
import { importPreviewRoutes } from "../http/import-preview.js";
import { reasonOrNull } from "../http/form-schema.js";
import { sendFile } from "../http/send-file.js";
import {
  ConfirmRegisterImportBody,
  NewServiceBody,
  optionalDay,
  parseServiceForm,
  RegisterImportBody,
  ServiceBody,
} from "./report-forms.js";
import {
  RegisterImportPreviewPage,
  RegisterPage,
  ServicePage,
} from "./register-pages.js";
import { REPORT_ROUTES, reportPaths } from "./report-paths.js";
import {
  reportingForm,
  reportingPage,
  reportNoticeOf,
  type StaffPageRenderer,
  versionedChange,
} from "./reporting.routes.js";
import { Slug, Params } from "./reporting-params.js";

/** What the register routes need. */
export interface RegisterEditorRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
}

const ServiceParams = Type.Object({
  slug: Slug,
  leikaKey: Type.String({ maxLength: 40 }),
});
const RegisterQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  stand: Type.Optional(Type.String({ maxLength: 20 })),
  gespeichert: Type.Optional(Type.String({ maxLength: 40 })),
  neu: Type.Optional(Type.String({ maxLength: 10 })),
  geaendert: Type.Optional(Type.String({ maxLength: 10 })),
  unveraendert: Type.Optional(Type.String({ maxLength: 10 })),
  beendet: Type.Optional(Type.String({ maxLength: 10 })),
});
const PreviewQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  stichtag: Type.Optional(Type.String({ maxLength: 20 })),
});

/** "Import übernommen: 1 neu, 3 geändert, …" after a confirmed import. */
function importNotice(
  request: { readonly url: string },
  t: Dictionary,
): string | undefined {
  const query = (name: string) => rawQueryParam(request, name);
  if (query("gespeichert") !== "import" || query("neu") === null)
    return undefined;
  const count = (name: string): number => {
    const value = query(name) ?? "";
    return /^\d{1,9}$/.test(value) ? Number(value) : 0;
  };
  return t.reports.importDone(
    count("neu"),
    count("geaendert"),
    count("unveraendert"),
    count("beendet"),
  );
}

/** The largest register file accepted (a register of a municipality is a few hundred rows). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SERVICE_FIELDS = {
  kind: "art",
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
export async function registerEditorRoutes(
  instance: FastifyInstance,
  options: RegisterEditorRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  installStaffErrorHandler(app);

  await acceptUploads(app, importUploadLimits(MAX_UPLOAD_BYTES));

  /** The day the register is shown as of: ?stand=…, else today. */
  function dayOf(request: { readonly url: string }): number {
    const typed = rawQueryParam(request, "stand");
    return (
      (typed === null ? null : parseGermanDay(typed)) ??
      germanDayOf(options.now())
    );
  }

  const renderRegister: StaffPageRenderer<Static<typeof Params>> = (
    request,
    reply,
    status,
    extra = {},
  ) =>
    sendStaffPage(request, reply, status, {
      section: "register",
      failure: extra,
      notice: (view) =>
        status === 200
          ? (importNotice(request, view.t) ?? reportNoticeOf(request, view))
          : undefined,
      load: () =>
        getRegisterForStaff(
          ctx,
          request.principal,
          request.params.slug,
          dayOf(request),
          originOf(request),
        ),
      page: (frame, data) => <RegisterPage {...frame} data={data} />,
    });

  const renderService = reportingPage({
    section: "register",
    load: (request: RequestWithParams<Static<typeof ServiceParams>>) => {
      const { slug, leikaKey } = request.params;
      return getServiceForStaff(
        ctx,
        request.principal,
        slug,
        leikaKey,
        germanDayOf(options.now()),
        originOf(request),
      );
    },
    page: (frame, data) => <ServicePage {...frame} data={data} />,
  });

  const labels = (t: Dictionary): Readonly<Record<string, string>> => ({
    leika: t.reports.fieldLeikaKey,
    ab: t.reports.fieldValidFrom,
    name: t.reports.fieldServiceName,
    art: t.reports.fieldServiceKind,
    themenfeld: t.reports.fieldTopic,
    "vor-ort": t.reports.fieldResponsibleLocally,
    zugangsweg: t.reports.fieldChannel,
    "front-end": t.reports.fieldFrontEnd,
    "back-end": t.reports.fieldBackEnd,
    "e-payment": t.reports.fieldEPayment,
    eid: t.reports.fieldEId,
    antraege: t.reports.fieldApplications,
    reifegrad: t.reports.fieldMaturityLevel,
    reifegradmodell: t.reports.fieldMaturityModel,
    status: t.reports.fieldStatus,
    url: t.reports.fieldUrl,
    modus: t.reports.fieldMode,
    datei: t.reports.fieldFile,
    stichtag: t.reports.fieldImportAsOf,
    grund: t.editor.reasonLabel,
  });

  app.get(
    REPORT_ROUTES.register,
    pageRoute("staff", Params, RegisterQuery),
    async (request, reply) => renderRegister(request, reply, 200),
  );

  app.post(
    REPORT_ROUTES.register,
    reportingForm({
      policy: "admin",
      params: Params,
      body: NewServiceBody,
      form: "leistung-neu",
      fields: SERVICE_FIELDS,
      paths: { "/leikaKey": "leika", "/validFrom": "ab" },
      labels,
      render: renderRegister,
      run: async (input, { request, params, view }) => {
        const validFrom = optionalDay(input.ab, "ab", view.t);
        const { leikaKey } = await runUseCase(ctx, request, createService, {
          municipality: params.slug,
          leikaKey: input.leika.trim(),
          validFrom,
          data: parseServiceForm(input, view.t),
          reason: reasonOrNull(input.grund),
        });
        return view.link(reportPaths.registerService(params.slug, leikaKey), {
          gespeichert: "leistung",
        });
      },
    }),
  );

  app.post(
    REPORT_ROUTES.registerImport,
    reportingForm({
      policy: "admin",
      params: Params,
      body: RegisterImportBody,
      form: "import",
      fields: {},
      paths: { "/stichtag": "stichtag" },
      labels,
      render: renderRegister,
      run: async (input, { request, params, view }) => {
        const file = requiredUpload(
          request.body,
          "datei",
          view.t.reports.fileRequired,
        );
        const asOf = optionalDay(input.stichtag, "stichtag", view.t);
        const { token } = await runUseCase(
          ctx,
          request,
          prepareRegisterImport,
          {
            municipality: params.slug,
            fileName: file.fileName,
            bytes: file.data,
            asOf,
          },
        );
        return view.link(
          reportPaths.registerImportPreview(params.slug, token),
          {
            stichtag: asOf ?? formatIsoDate(germanDayOf(options.now())),
          },
        );
      },
    }),
  );

  importPreviewRoutes(app, {
    url: REPORT_ROUTES.registerImportPreview,
    query: PreviewQuery,
    section: "register",
    staleNotice: (view) => view.t.reports.importStale,
    load: async (request, { slug, token }) => {
      // After a failed confirmation the form's day, else the one the preview link names.
      const typed =
        readFormBody(request.body).fields.stichtag ??
        rawQueryParam(request, "stichtag");
      const day =
        typed === null || typed === undefined ? null : parseGermanDay(typed);
      const asOf = formatIsoDate(day ?? germanDayOf(options.now()));
      const preview = await runUseCase(ctx, request, showRegisterImport, {
        municipality: slug,
        token,
        asOf,
      });
      const data = await getRegisterForStaff(
        ctx,
        request.principal,
        slug,
        germanDayOf(options.now()),
        originOf(request),
      );
      return { ...data, preview, asOf };
    },
    page: (frame, { preview, asOf }, { slug, token }) => (
      <RegisterImportPreviewPage
        {...frame}
        slug={slug}
        token={token}
        asOf={asOf}
        preview={preview}
      />
    ),
    body: ConfirmRegisterImportBody,
    stale: "ERR_REGISTER_IMPORT_STALE",
    run: async (input, { request, params, view }) => {
      const day = parseGermanDay(input.stichtag);
      const result = await runUseCase(ctx, request, confirmRegisterImport, {
        municipality: params.slug,
        token: params.token,
        asOf: day === null ? null : formatIsoDate(day),
        base: input.stand,
        reason: reasonOrNull(input.grund),
      });
      return view.link(reportPaths.register(params.slug), {
        gespeichert: "import",
        neu: String(result.created),
        geaendert: String(result.changed),
        unveraendert: String(result.unchanged),
        beendet: String(result.removed),
      });
    },
  });

  for (const format of [
    "csv",
    "xlsx",
  ] as const satisfies readonly RegisterFormat[]) {
    app.get(
      format === "csv" ? REPORT_ROUTES.registerCsv : REPORT_ROUTES.registerXlsx,
      pageRoute("staff", Params),
      async (request, reply) =>
        answerRefusals(request, reply, async () => {
          const services = await runUseCase(
            ctx,
            request,
            exportRegister,
            request.params.slug,
          );
          const body = await writeRegisterFile(services, format);
          const day = formatIsoDate(germanDayOf(options.now()));
          return sendFile(
            reply,
            REGISTER_CONTENT_TYPES[format],
            `ozg-leistungen-${request.params.slug}-${day}.${format}`,
            body,
          );
        }),
    );
  }

  app.get(
    REPORT_ROUTES.registerService,
    pageRoute("staff", ServiceParams),
    async (request, reply) => renderService(request, reply, 200),
  );

  app.post(
    REPORT_ROUTES.registerService,
    reportingForm({
      policy: "admin",
      params: ServiceParams,
      body: ServiceBody,
      form: "leistung",
      fields: SERVICE_FIELDS,
      paths: { "/from": "ab" },
      labels,
      render: renderService,
      run: async (input, { request, params, view }) => {
        const from = optionalDay(input.ab, "ab", view.t);
        if (!/^\d{14}$/.test(params.leikaKey))
          throw new AppError("ERR_SERVICE_NOT_FOUND");
        await runUseCase(ctx, request, changeService, {
          ...versionedChange(params, input),
          leikaKey: params.leikaKey,
          recordId: input.eintrag,
          mode: input.modus,
          from,
          data: parseServiceForm(input, view.t),
        });
        return view.link(
          reportPaths.registerService(params.slug, params.leikaKey),
          { gespeichert: "leistung" },
        );
      },
    }),
  );
}
