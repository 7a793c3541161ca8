/**
 * The catalogue as a spreadsheet in the editor (administrators): the page with downloads
 * and the upload form, the two files, the preview of an upload under its token, and the
 * confirmation. The upload form sends a file, so this plugin accepts multipart bodies
 * (web/http/multipart.ts) with limits of its own.
 */
import { Type, type Static } from "@sinclair/typebox";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { getEditorOverview } from "../../app/catalogue/read-editor.js";
import {
  confirmSheetImport,
  exportCatalogueSheets,
  prepareSheetImport,
  showSheetImport,
} from "../../app/catalogue/sheets/import-sheets.js";
import { CATALOGUE_SHEET_LIMITS } from "../../app/catalogue/sheets/read-catalogue-workbook.js";
import type { AppContext } from "../../app/context.js";
import {
  CATALOGUE_SHEET_CONTENT_TYPES,
  writeCatalogueCsvZip,
  writeCatalogueXlsx,
} from "../../exports/catalogue-sheets/catalogue-workbook.js";
import { answerRefusals } from "../editor/editor-view.js";
import { savedNotice } from "../http/params.js";
import { pageRoute } from "../http/page-route.js";
import { runUseCase } from "../http/use-case.js";
import { installStaffErrorHandler } from "../http/error-pages.js";
import { sendStaffPage } from "../http/staff-page.js";
import { formAction, type FormFailure } from "../http/form-action.js";
import { importPreviewRoutes } from "../http/import-preview.js";
import {
  EmptyForm,
  FormReason,
  FormText,
  reasonOrNull,
} from "../http/form-schema.js";
import {
  acceptUploads,
  importUploadLimits,
  requiredUpload,
} from "../http/multipart.js";
import { sendFile } from "../http/send-file.js";
import { SheetPreviewPage, SheetsPage } from "./sheets-pages.js";
import { SHEETS_ROUTES, sheetsPaths } from "./sheets-paths.js";

/** What the routes need. */
export interface SheetsRoutesOptions {
  readonly ctx: AppContext;
}

const Slug = Type.String({ maxLength: 100 });
const Params = Type.Object({ slug: Slug });
const Query = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  gespeichert: Type.Optional(Type.String({ maxLength: 40 })),
});

/** The confirmation: the state of the catalogue the preview showed, and a reason. */
export const ConfirmSheetImportBody = Type.Object({
  stand: FormText(64, { formHidden: true }),
  grund: FormReason(),
});

/** Registers the pages, files and forms. */
export async function sheetsRoutes(
  instance: FastifyInstance,
  options: SheetsRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  installStaffErrorHandler(app);
  await acceptUploads(
    app,
    importUploadLimits(CATALOGUE_SHEET_LIMITS.maxFileBytes),
  );

  /** The sheets page; on a 200 with the notice that ?gespeichert=… names. */
  const renderSheets = (
    request: FastifyRequest,
    reply: FastifyReply,
    { slug }: Static<typeof Params>,
    status: number,
    failure?: FormFailure,
  ) =>
    sendStaffPage(request, reply, status, {
      section: "sheets",
      failure: { failed: failure?.failed },
      notice: (view) =>
        status === 200
          ? savedNotice(request, view.t.sheets.notices)
          : undefined,
      load: () => runUseCase(ctx, request, getEditorOverview, slug),
      page: (frame) => <SheetsPage {...frame} slug={slug} />,
    });

  app.get(
    SHEETS_ROUTES.sheets,
    pageRoute("admin", Params, Query),
    async (request, reply) => renderSheets(request, reply, request.params, 200),
  );

  app.post(
    SHEETS_ROUTES.sheets,
    formAction({
      policy: "admin",
      params: Params,
      body: EmptyForm,
      form: "import",
      fieldOf: (path) => (path === "/" ? "datei" : null),
      render: ({ request, reply, params }, failure) =>
        renderSheets(request, reply, params, failure.status, failure),
      run: async (_input, { request, params, view }) => {
        const file = requiredUpload(
          request.body,
          "datei",
          view.t.sheets.fileRequired,
        );
        const { token } = await runUseCase(ctx, request, prepareSheetImport, {
          municipality: params.slug,
          fileName: file.fileName,
          bytes: file.data,
        });
        return view.link(sheetsPaths.preview(params.slug, token));
      },
    }),
  );

  for (const format of ["xlsx", "zip"] as const) {
    app.get(
      format === "xlsx" ? SHEETS_ROUTES.xlsx : SHEETS_ROUTES.zip,
      pageRoute("admin", Params),
      async (request, reply) =>
        answerRefusals(request, reply, async () => {
          const { tables } = await runUseCase(
            ctx,
            request,
            exportCatalogueSheets,
            request.params.slug,
          );
          const body =
            format === "xlsx"
              ? await writeCatalogueXlsx(tables)
              : await writeCatalogueCsvZip(tables);
          return sendFile(
            reply,
            CATALOGUE_SHEET_CONTENT_TYPES[format],
            format === "xlsx"
              ? `katalog-${request.params.slug}.xlsx`
              : `katalog-${request.params.slug}-csv.zip`,
            body,
          );
        }),
    );
  }

  importPreviewRoutes(app, {
    url: SHEETS_ROUTES.preview,
    query: Query,
    section: "sheets",
    staleNotice: (view) => view.t.sheets.staleNotice,
    load: async (request, { slug, token }) => {
      const preview = await runUseCase(ctx, request, showSheetImport, {
        municipality: slug,
        token,
      });
      const overview = await runUseCase(ctx, request, getEditorOverview, slug);
      return { ...overview, preview };
    },
    page: (frame, { preview }, { slug, token }) => (
      <SheetPreviewPage
        {...frame}
        slug={slug}
        token={token}
        preview={preview}
      />
    ),
    body: ConfirmSheetImportBody,
    stale: "ERR_SHEET_IMPORT_STALE",
    run: async (input, { request, params, view }) => {
      await runUseCase(ctx, request, confirmSheetImport, {
        municipality: params.slug,
        token: params.token,
        base: input.stand,
        reason: reasonOrNull(input.grund),
      });
      return view.link(sheetsPaths.sheets(params.slug), {
        gespeichert: "import",
      });
    },
  });
}
