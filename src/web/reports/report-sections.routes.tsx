/**
 * The section editor of a draft report under its staff page (ADR 0039, ADR 0043): the
 * list of sections with plain buttons to move them, the forms of a new or changed
 * section, and the confirmation step before one is removed. Every form runs through
 * formAction; a form opened on an older version of the report gets the conflict notice.
 */
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TObject } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app/context.js";
import {
  addReportSection,
  getReportSectionsForEditing,
  moveReportSection,
  removeReportSection,
  updateReportSection,
  type ReportSectionsForEditing,
} from "../../app/reports/report-sections.js";
import {
  isFreeSectionKind,
  type FreeSectionKind,
  type StoredReportSection,
} from "../../domain/report/report-free-sections.js";
import { AppError } from "../../errors.js";
import type { Dictionary } from "../../i18n/i18n.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { originOf, runUseCase } from "../http/use-case.js";
import { installStaffErrorHandler } from "../http/error-pages.js";
import { sendStaffPage } from "../http/staff-page.js";
import { idOf, idParam, rawQueryParam } from "../http/params.js";
import { readFormBody } from "../http/form-action.js";
import { staffReportOf } from "./report-editor.routes.js";
import {
  answerLines,
  MoveSectionBody,
  NewSectionBody,
  parseSectionForm,
  RemoveSectionBody,
  SECTION_FIELDS,
  SectionBody,
  sectionKindOf,
} from "./report-section-forms.js";
import {
  ReportSectionFormPage,
  ReportSectionsPage,
  RemoveSectionPage,
} from "./report-section-pages.js";
import { SECTION_ROUTES, sectionPaths } from "./report-section-paths.js";
import {
  changeForm,
  compareRows,
  type FailedRender,
  type ChangeFormSpec,
  type StaffPageRenderer,
  versionedChange,
} from "./reporting.routes.js";
import type { FormContext } from "../http/form-action.js";
import { Slug, Id, ReportParams } from "./reporting-params.js";

/** What the section routes need. */
export interface ReportSectionRoutesOptions {
  readonly ctx: AppContext;
}

const SectionParams = Type.Object({
  slug: Slug,
  reportNumber: Id,
  sectionId: Id,
});
const NewQuery = Type.Object({
  art: Type.Optional(Type.String({ maxLength: 20 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});

/** The notices after a change, by ?gespeichert=… */
const NOTICES = {
  "abschnitt-angelegt": "added",
  "abschnitt-gespeichert": "saved",
  "abschnitt-verschoben": "moved",
  "abschnitt-entfernt": "removed",
} as const satisfies Record<
  string,
  keyof Dictionary["reportSections"] & ("added" | "saved" | "moved" | "removed")
>;

function noticeOf(request: FastifyRequest, t: Dictionary): string | undefined {
  const key = rawQueryParam(request, "gespeichert");
  if (key === null || !Object.hasOwn(NOTICES, key)) return undefined;
  return t.reportSections[NOTICES[key as keyof typeof NOTICES]];
}

/** The URLs of the section forms: the report's, or one of its sections'. */
type SectionRouteParams = typeof ReportParams | typeof SectionParams;

/** A form of the section editor (see sectionForm in reportSectionRoutes). */
type SectionFormSpec<
  P extends SectionRouteParams,
  B extends TObject,
> = ChangeFormSpec<
  P,
  B,
  /** Runs the change on the report (its id); returns the anchor to show in the list. */
  (
    input: Static<B>,
    context: FormContext<Static<P>>,
    reportId: number,
  ) => Promise<string>
> & {
  /** The notice shown in the list (?gespeichert=…). */
  readonly notice: keyof typeof NOTICES;
};

/** The page a request is about. */
type SectionPage =
  | { readonly page: "list" }
  | { readonly page: "new"; readonly kind: FreeSectionKind }
  | { readonly page: "edit" | "remove"; readonly sectionId: number };

/** A free section of the report by the id in the URL; ERR_NOT_FOUND otherwise. */
function freeSectionOf(
  data: ReportSectionsForEditing,
  sectionId: number,
): StoredReportSection & { readonly kind: FreeSectionKind } {
  const section = data.sections.find((each) => each.id === sectionId);
  if (section === undefined || !isFreeSectionKind(section.kind))
    throw new AppError("ERR_NOT_FOUND");
  return { ...section, kind: section.kind };
}

/** Registers the section editor's pages and forms. */
export async function reportSectionRoutes(
  instance: FastifyInstance,
  options: ReportSectionRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  installStaffErrorHandler(app);

  const render = (
    request: RequestWithParams<Static<typeof ReportParams>>,
    reply: FastifyReply,
    target: SectionPage,
    status: number,
    extra: FailedRender = {},
  ): Promise<FastifyReply> =>
    sendStaffPage(request, reply, status, {
      section: "reports",
      failure: extra,
      notice: (view) =>
        status === 200 ? noticeOf(request, view.t) : undefined,
      load: async () => {
        const { params } = request;
        const data = await getReportSectionsForEditing(
          ctx,
          request.principal,
          params.slug,
          (await staffReportOf(ctx, params)).id,
          originOf(request),
        );
        return {
          catalogue: data.report.catalogue,
          rights: data.report.rights,
          data,
        };
      },
      page: (frame, { data }) => {
        const props = { ...frame, data };
        // Changing needs a draft; the list shows a published report's order.
        if (target.page !== "list" && data.report.report.status !== "draft")
          throw new AppError("ERR_REPORT_PUBLISHED");
        return target.page === "list" ? (
          <ReportSectionsPage {...props} />
        ) : target.page === "new" ? (
          <ReportSectionFormPage {...props} kind={target.kind} />
        ) : target.page === "edit" ? (
          <ReportSectionFormPage
            {...props}
            kind={freeSectionOf(data, target.sectionId).kind}
            section={freeSectionOf(data, target.sectionId)}
          />
        ) : (
          <RemoveSectionPage
            {...props}
            section={freeSectionOf(data, target.sectionId)}
          />
        );
      },
    });

  const labels = (t: Dictionary): Readonly<Record<string, string>> => ({
    ueberschrift: t.reportSections.fieldHeading,
    text: t.reportSections.fieldText,
    kennzahlen: t.reportSections.fieldFigures,
    projekte: t.reportSections.fieldProjects,
    frage: t.reportSections.fieldQuestion,
    einheit: t.reportSections.fieldUnit,
    antworten: t.reportSections.fieldAnswers,
    art: t.reportSections.addKind,
    richtung: t.reportSections.columnActions,
    grund: t.editor.reasonLabel,
  });
  const reportOf = (params: {
    readonly slug: string;
    readonly reportNumber: string;
  }) => staffReportOf(ctx, params);
  const sectionOf = (params: { readonly sectionId: string }) =>
    idParam(params.sectionId);
  const pageAgain =
    <P extends Static<typeof ReportParams>>(
      target: (request: RequestWithParams<P>) => SectionPage,
    ): StaffPageRenderer<P> =>
    (request, reply, status, failure) =>
      render(request, reply, target(request), status, failure);
  /** The page of the free section the URL names: its form, or the step before removing it. */
  const sectionPage =
    (page: "edit" | "remove") =>
    (
      request: RequestWithParams<Static<typeof SectionParams>>,
    ): SectionPage => ({
      page,
      sectionId: idParam(request.params.sectionId),
    });
  /**
   * A form of the section editor (administrators only): runs its change on the report the
   * URL names, then goes back to the list with the notice, at the anchor the change names.
   */
  function sectionForm<P extends SectionRouteParams, B extends TObject>(
    path: string,
    spec: SectionFormSpec<P, B>,
  ): void {
    const { change, notice, ...form } = spec;
    app.post(
      path,
      changeForm(form, labels, async (input, context) => {
        const { params, view } = context;
        const report = await reportOf(params);
        const anchor = await change(input, context, report.id);
        return `${view.link(sectionPaths.list(params.slug, report), { gespeichert: notice })}#${anchor}`;
      }),
    );
  }

  app.get(
    SECTION_ROUTES.list,
    pageRoute("admin", ReportParams),
    async (request, reply) => render(request, reply, { page: "list" }, 200),
  );

  app.get(
    SECTION_ROUTES.create,
    pageRoute("admin", ReportParams, NewQuery),
    async (request, reply) => {
      const kind = sectionKindOf(request.query.art);
      if (kind === null) throw new AppError("ERR_NOT_FOUND");
      return render(request, reply, { page: "new", kind }, 200);
    },
  );

  sectionForm(SECTION_ROUTES.list, {
    params: ReportParams,
    body: NewSectionBody,
    form: "abschnitt-neu",
    fields: SECTION_FIELDS,
    render: pageAgain((request) => {
      const kind = sectionKindOf(readFormBody(request.body).fields.art);
      return kind === null ? { page: "list" } : { page: "new", kind };
    }),
    change: async (input, { request, params, view }, reportId) => {
      const { id } = await runUseCase(ctx, request, addReportSection, {
        ...versionedChange(params, input),
        reportId,
        kind: sectionKindOf(input.art) ?? "topic",
        data: parseSectionForm(input, view.t),
      });
      return `abschnitt-${id}`;
    },
    notice: "abschnitt-angelegt",
  });

  app.get(
    SECTION_ROUTES.section,
    pageRoute("admin", SectionParams),
    async (request, reply) =>
      render(request, reply, sectionPage("edit")(request), 200),
  );

  sectionForm(SECTION_ROUTES.section, {
    params: SectionParams,
    body: SectionBody,
    form: (params) => `abschnitt-${idOf(params.sectionId) ?? 0}`,
    fields: SECTION_FIELDS,
    render: pageAgain(sectionPage("edit")),
    conflictRows: async ({ request, params, view, fields }) => {
      const t = view.t.reportSections;
      const data = await getReportSectionsForEditing(
        ctx,
        request.principal,
        params.slug,
        (await reportOf(params)).id,
        originOf(request),
      );
      const stored = data.sections.find(
        (each) => each.id === sectionOf(params),
      );
      return compareRows(view, [
        [t.fieldHeading, stored?.heading ?? "", fields.ueberschrift],
        [t.fieldQuestion, stored?.question ?? "", fields.frage],
        [t.fieldAnswers, answerLines(stored?.answers ?? []), fields.antworten],
        [t.fieldText, stored?.text ?? "", fields.text],
      ]);
    },
    change: async (input, { request, params, view }, reportId) => {
      const sectionId = sectionOf(params);
      await runUseCase(ctx, request, updateReportSection, {
        ...versionedChange(params, input),
        reportId,
        sectionId,
        data: parseSectionForm(input, view.t),
      });
      return `abschnitt-${sectionId}`;
    },
    notice: "abschnitt-gespeichert",
  });

  sectionForm(SECTION_ROUTES.move, {
    params: SectionParams,
    body: MoveSectionBody,
    form: "abschnitte",
    render: pageAgain(() => ({ page: "list" })),
    change: async (input, { request, params }, reportId) => {
      const sectionId = sectionOf(params);
      await runUseCase(ctx, request, moveReportSection, {
        ...versionedChange(params, input),
        reportId,
        sectionId,
        direction: input.richtung === "hoch" ? "up" : "down",
      });
      return `abschnitt-${sectionId}`;
    },
    notice: "abschnitt-verschoben",
  });

  app.get(
    SECTION_ROUTES.remove,
    pageRoute("admin", SectionParams),
    async (request, reply) =>
      render(request, reply, sectionPage("remove")(request), 200),
  );

  sectionForm(SECTION_ROUTES.remove, {
    params: SectionParams,
    body: RemoveSectionBody,
    form: (params) => `abschnitt-${idOf(params.sectionId) ?? 0}-entfernen`,
    render: pageAgain(sectionPage("remove")),
    change: async (input, { request, params }, reportId) => {
      await runUseCase(ctx, request, removeReportSection, {
        ...versionedChange(params, input),
        reportId,
        sectionId: sectionOf(params),
      });
      return "abschnitte";
    },
    notice: "abschnitt-entfernt",
  });
}
