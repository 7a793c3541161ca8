/** Key figures in the editor: list, one figure, definition, values (see reporting-routes.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { AppContext } from "../../app/context.js";
import { addObservation, createIndicator, removeObservation, updateIndicator } from "../../app/indicators/manage-indicators.js";
import { getIndicatorForStaff, getIndicatorsForStaff } from "../../app/indicators/read-indicators.js";
import { AppError } from "../../errors.js";
import { germanDayOf } from "../../domain/calendar/calendar.js";
import { csrfToken } from "../plugins/session.js";
import { answerRefusals, editorChrome, originOf, sendEditorPage, viewOf, type FormFields } from "../editor/editor-view.js";
import { FigurePage, FiguresOverviewPage } from "./figure-pages.js";
import { parseIndicatorForm, parseObservationForm } from "./report-forms.js";
import { REPORT_ROUTES, reportPaths } from "./report-paths.js";
import { handleReportingForm, idOf, installStaffErrorHandler, reportNoticeOf, type FailedRender } from "./reporting-routes.js";

/** What the figure routes need. */
export interface FigureEditorRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
}

const Slug = Type.String({ maxLength: 100 });
const Params = Type.Object({ slug: Slug });
const KeyParams = Type.Object({ slug: Slug, key: Slug });
const ValueParams = Type.Object({ slug: Slug, key: Slug, observationId: Type.String({ maxLength: 12 }) });

const DEFINITION_FIELDS = {
  name: "name",
  unit: "einheit",
  definition: "definition",
  source: "quelle",
  owner: "verantwortlich",
  projectSlug: "projekt",
  kind: "art",
  denominatorLabel: "gesamt",
  chartKind: "diagramm",
};
const VALUE_FIELDS = { day: "datum", value: "wert", denominator: "gesamt", note: "anmerkung" };

/** Registers the key figure pages and forms. */
export async function figureEditorRoutes(instance: FastifyInstance, options: FigureEditorRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  installStaffErrorHandler(app);
  const today = () => germanDayOf(options.now());

  async function renderList(request: FastifyRequest, reply: FastifyReply, status: number, extra: FailedRender = {}) {
    return answerRefusals(request, reply, async () => {
      const { slug } = request.params as { slug: string };
      const data = await getIndicatorsForStaff(ctx, request.principal, slug, originOf(request));
      const view = viewOf(request);
      const html = await (
        <FiguresOverviewPage
          view={view}
          requestUrl={request.url}
          chrome={editorChrome(request, view, data.catalogue, data.rights, "figures")}
          csrfToken={csrfToken(request)}
          notice={status === 200 ? reportNoticeOf(request, view) : undefined}
          failed={extra.failed}
          conflict={extra.conflict}
          data={data}
          today={today()}
        />
      );
      return sendEditorPage(reply, status, html);
    });
  }

  async function renderFigure(request: FastifyRequest, reply: FastifyReply, status: number, extra: FailedRender = {}) {
    return answerRefusals(request, reply, async () => {
      const { slug, key } = request.params as { slug: string; key: string };
      const data = await getIndicatorForStaff(ctx, request.principal, slug, key, originOf(request));
      const view = viewOf(request);
      const html = await (
        <FigurePage
          view={view}
          requestUrl={request.url}
          chrome={editorChrome(request, view, data.catalogue, data.rights, "figures")}
          csrfToken={csrfToken(request)}
          notice={status === 200 ? reportNoticeOf(request, view) : undefined}
          failed={extra.failed}
          conflict={extra.conflict}
          data={{ ...data, indicators: [data.indicator] }}
          today={today()}
        />
      );
      return sendEditorPage(reply, status, html);
    });
  }

  const label = (request: FastifyRequest) => (field: string) => {
    const t = viewOf(request).t.reports;
    const labels: Readonly<Record<string, string>> = {
      schluessel: t.fieldFigureKey,
      name: t.fieldFigureName,
      einheit: t.fieldUnit,
      definition: t.figureDefinition,
      quelle: t.figureSource,
      verantwortlich: t.figureOwner,
      projekt: t.fieldProject,
      art: t.fieldKind,
      gesamt: t.fieldDenominator,
      diagramm: t.fieldChartKind,
      datum: t.fieldValueDay,
      wert: t.fieldValue(""),
      anmerkung: t.fieldNote,
      grund: viewOf(request).t.editor.reasonLabel,
    };
    return labels[field] ?? field;
  };
  const reason = (fields: FormFields): string | null => (fields.grund ?? "").trim() || null;
  const version = (fields: FormFields): number => (/^\d{1,10}$/.test(fields.version ?? "") ? Number(fields.version) : 0);

  app.get(REPORT_ROUTES.staffFigures, { config: { policy: "staff" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    renderList(request, reply, 200),
  );

  app.post(REPORT_ROUTES.staffFigures, { config: { policy: "admin" }, schema: { hide: true, params: Params } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "kennzahl-neu",
      fields: DEFINITION_FIELDS,
      paths: { "/key": "schluessel" },
      labelOf: label(request),
      render: (status, extra) => renderList(request, reply, status, extra),
      change: async (fields) => {
        const { key } = await createIndicator(
          ctx,
          request.principal,
          { municipality: request.params.slug, key: (fields.schluessel ?? "").trim(), data: parseIndicatorForm(fields), reason: reason(fields) },
          originOf(request),
        );
        return viewOf(request).link(reportPaths.staffFigure(request.params.slug, key), { gespeichert: "kennzahl" });
      },
    }),
  );

  app.get(REPORT_ROUTES.staffFigure, { config: { policy: "staff" }, schema: { hide: true, params: KeyParams } }, async (request, reply) =>
    renderFigure(request, reply, 200),
  );

  app.post(REPORT_ROUTES.staffFigure, { config: { policy: "admin" }, schema: { hide: true, params: KeyParams } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "definition",
      fields: DEFINITION_FIELDS,
      labelOf: label(request),
      render: (status, extra) => renderFigure(request, reply, status, extra),
      change: async (fields) => {
        await updateIndicator(
          ctx,
          request.principal,
          { municipality: request.params.slug, indicator: request.params.key, expectedVersion: version(fields), data: parseIndicatorForm(fields), reason: reason(fields) },
          originOf(request),
        );
        return `${viewOf(request).link(reportPaths.staffFigure(request.params.slug, request.params.key), { gespeichert: "kennzahl" })}#abschnitt-definition`;
      },
    }),
  );

  app.post(REPORT_ROUTES.staffFigureValues, { config: { policy: "staff" }, schema: { hide: true, params: KeyParams } }, async (request, reply) =>
    handleReportingForm(request, reply, {
      form: "wert-neu",
      fields: VALUE_FIELDS,
      labelOf: label(request),
      render: (status, extra) => renderFigure(request, reply, status, extra),
      change: async (fields) => {
        const parsed = parseObservationForm(fields);
        if (!parsed.ok) throw new AppError("ERR_VALIDATION", { problems: parsed.problems });
        await addObservation(
          ctx,
          request.principal,
          { municipality: request.params.slug, indicator: request.params.key, expectedVersion: version(fields), data: parsed.value, reason: reason(fields) },
          originOf(request),
        );
        return `${viewOf(request).link(reportPaths.staffFigure(request.params.slug, request.params.key), { gespeichert: "wert" })}#abschnitt-werte`;
      },
    }),
  );

  app.post(REPORT_ROUTES.staffFigureValueDelete, { config: { policy: "staff" }, schema: { hide: true, params: ValueParams } }, async (request, reply) => {
    const observationId = idOf(request.params.observationId);
    if (observationId === null) throw new AppError("ERR_NOT_FOUND");
    return handleReportingForm(request, reply, {
      form: `wert-${observationId}`,
      fields: {},
      labelOf: label(request),
      render: (status, extra) => renderFigure(request, reply, status, extra),
      change: async (fields) => {
        await removeObservation(
          ctx,
          request.principal,
          { municipality: request.params.slug, indicator: request.params.key, expectedVersion: version(fields), observationId, reason: reason(fields) },
          originOf(request),
        );
        return `${viewOf(request).link(reportPaths.staffFigure(request.params.slug, request.params.key), { gespeichert: "wert-entfernt" })}#abschnitt-werte`;
      },
    });
  });
}
