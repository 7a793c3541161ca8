/** Key figures (indicators) in the editor: list, one indicator, definition, values; forms through reportingForm. */
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static } from "@sinclair/typebox";
import type { AppContext } from "../../app/context.js";
import {
  addObservation,
  createIndicator,
  removeObservation,
  updateIndicator,
} from "../../app/indicators/manage-indicators.js";
import {
  getIndicatorForStaff,
  getIndicatorsForStaff,
} from "../../app/indicators/read-indicators.js";
import { germanDayOf } from "../../domain/calendar/calendar.js";
import { IndicatorPage, IndicatorsOverviewPage } from "./indicator-pages.js";
import { REPORT_ROUTES, reportPaths } from "./report-paths.js";
import type { Dictionary } from "../../i18n/i18n.js";
import type { ViewContext } from "../components/view.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { originOf, runUseCase } from "../http/use-case.js";
import { installStaffErrorHandler } from "../http/error-pages.js";
import { reasonOrNull } from "../http/form-schema.js";
import { idParam } from "../http/params.js";
import {
  IndicatorBody,
  NewIndicatorBody,
  ObservationBody,
  parseIndicatorForm,
  parseObservationForm,
  RemoveObservationBody,
} from "./report-forms.js";
import {
  reportingForm,
  reportingPage,
  versionedChange,
} from "./reporting.routes.js";
import { Slug, Id, Params } from "./reporting-params.js";

/** What the figure routes need. */
export interface IndicatorEditorRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
}

const KeyParams = Type.Object({ slug: Slug, key: Slug });
const ValueParams = Type.Object({
  slug: Slug,
  key: Slug,
  observationId: Id,
});

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
  decimals: "nachkommastellen",
  target: "zielwert",
};
const VALUE_FIELDS = {
  day: "datum",
  value: "wert",
  denominator: "gesamt",
  qualifier: "wert",
  breakdown: "aufteilung",
  note: "anmerkung",
};

/** Registers the key figure pages and forms. */
export async function indicatorEditorRoutes(
  instance: FastifyInstance,
  options: IndicatorEditorRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  installStaffErrorHandler(app);
  const today = () => germanDayOf(options.now());

  const renderList = reportingPage({
    section: "indicators",
    load: (request: RequestWithParams<Static<typeof Params>>) =>
      runUseCase(ctx, request, getIndicatorsForStaff, request.params.slug),
    page: (frame, data) => (
      <IndicatorsOverviewPage {...frame} data={data} today={today()} />
    ),
  });

  const renderIndicator = reportingPage({
    section: "indicators",
    load: (request: RequestWithParams<Static<typeof KeyParams>>) => {
      const { slug, key } = request.params;
      return getIndicatorForStaff(
        ctx,
        request.principal,
        slug,
        key,
        originOf(request),
      );
    },
    page: (frame, data) => (
      <IndicatorPage
        {...frame}
        data={{ ...data, indicators: [data.indicator] }}
        today={today()}
      />
    ),
  });

  const labels = (t: Dictionary): Readonly<Record<string, string>> => ({
    schluessel: t.reports.fieldFigureKey,
    name: t.reports.fieldFigureName,
    einheit: t.reports.fieldUnit,
    definition: t.reports.figureDefinition,
    quelle: t.reports.figureSource,
    verantwortlich: t.reports.figureOwner,
    projekt: t.reports.fieldProject,
    art: t.reports.fieldKind,
    gesamt: t.reports.fieldDenominator,
    diagramm: t.reports.fieldChartKind,
    nachkommastellen: t.reports.fieldDecimals,
    zielwert: t.reports.fieldTargetValue,
    zieldatum: t.reports.fieldTargetDay,
    aufteilung: t.reports.fieldBreakdown,
    datum: t.reports.fieldValueDay,
    wert: t.reports.fieldValue(""),
    anmerkung: t.reports.fieldNote,
    grund: t.editor.reasonLabel,
  });

  /** The key figure's page after a change, at the section changed, with the notice of what changed. */
  const indicatorAfter = (
    view: ViewContext,
    params: { readonly slug: string; readonly key: string },
    notice: string,
    section: "definition" | "werte",
  ): string =>
    `${view.link(reportPaths.staffIndicator(params.slug, params.key), { gespeichert: notice })}#abschnitt-${section}`;

  app.get(
    REPORT_ROUTES.staffIndicators,
    pageRoute("staff", Params),
    async (request, reply) => renderList(request, reply, 200),
  );

  app.post(
    REPORT_ROUTES.staffIndicators,
    reportingForm({
      policy: "admin",
      params: Params,
      body: NewIndicatorBody,
      form: "kennzahl-neu",
      fields: DEFINITION_FIELDS,
      paths: { "/key": "schluessel" },
      labels,
      render: renderList,
      run: async (input, { request, params, view }) => {
        const { key } = await runUseCase(ctx, request, createIndicator, {
          municipality: params.slug,
          key: input.schluessel.trim(),
          data: parseIndicatorForm(input, view.t),
          reason: reasonOrNull(input.grund),
        });
        return view.link(reportPaths.staffIndicator(params.slug, key), {
          gespeichert: "kennzahl",
        });
      },
    }),
  );

  app.get(
    REPORT_ROUTES.staffIndicator,
    pageRoute("staff", KeyParams),
    async (request, reply) => renderIndicator(request, reply, 200),
  );

  app.post(
    REPORT_ROUTES.staffIndicator,
    reportingForm({
      policy: "admin",
      params: KeyParams,
      body: IndicatorBody,
      form: "definition",
      fields: DEFINITION_FIELDS,
      labels,
      render: renderIndicator,
      run: async (input, { request, params, view }) => {
        await runUseCase(ctx, request, updateIndicator, {
          ...versionedChange(params, input),
          indicator: params.key,
          data: parseIndicatorForm(input, view.t),
        });
        return indicatorAfter(view, params, "kennzahl", "definition");
      },
    }),
  );

  app.post(
    REPORT_ROUTES.staffIndicatorValues,
    reportingForm({
      policy: "staff",
      params: KeyParams,
      body: ObservationBody,
      form: "wert-neu",
      fields: VALUE_FIELDS,
      labels,
      render: renderIndicator,
      run: async (input, { request, params, view }) => {
        await runUseCase(ctx, request, addObservation, {
          ...versionedChange(params, input),
          indicator: params.key,
          data: parseObservationForm(input, view.t),
        });
        return indicatorAfter(view, params, "wert", "werte");
      },
    }),
  );

  app.post(
    REPORT_ROUTES.staffIndicatorValueDelete,
    reportingForm({
      policy: "staff",
      params: ValueParams,
      body: RemoveObservationBody,
      form: (params) => `wert-${idParam(params.observationId)}`,
      fields: {},
      labels,
      render: renderIndicator,
      run: async (input, { request, params, view }) => {
        await runUseCase(ctx, request, removeObservation, {
          ...versionedChange(params, input),
          indicator: params.key,
          observationId: idParam(params.observationId),
        });
        return indicatorAfter(view, params, "wert-entfernt", "werte");
      },
    }),
  );
}
