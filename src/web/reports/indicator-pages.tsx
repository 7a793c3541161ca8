/**
 * Key figures in the editor: the list with the latest value and its as-of date, one figure
 * with its chart, its values (add one, remove a wrong one) and — for administrators — its
 * definition. Editors record the values of figures linked to their projects.
 */
import type {
  IndicatorForStaff,
  IndicatorsForStaff,
} from "../../app/indicators/read-indicators.js";
import { findProject, listProjects } from "../../domain/catalogue/catalogue.js";
import { formatGermanNumber } from "../../domain/indicator/german-number.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import {
  decimalsOf,
  formatBreakdownPart,
  formatFigureGerman,
  INDICATOR_KINDS,
} from "../../domain/indicator/indicator.js";
import type { Choice } from "../components/form/controls.js";
import { CsrfField } from "../components/form/csrf-field.js";
import { IndicatorFigure } from "../components/indicator-chart/indicator-chart.js";
import { formKit } from "../components/form/form-kit.js";
import {
  FormFrame,
  type FormPageProps,
  EditorSection,
} from "../editor/form-frame.js";
import { reportPaths } from "./report-paths.js";
import { schemaField } from "../http/form-schema.js";
import {
  IndicatorBody,
  NewIndicatorBody,
  ObservationBody,
} from "./report-forms.js";
import { VersionedForm } from "../components/form/record-form.js";
import { DataTable } from "../components/data-table/data-table.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { Section } from "../components/section/section.js";

type Kit = ReturnType<typeof formKit>;

function definitionFields(
  props: FormPageProps & { readonly data: IndicatorsForStaff },
  f: Kit,
  form: string,
  stored: IndicatorForStaff | null,
): JSX.Element {
  const { view, data } = props;
  const t = view.t.reports;
  const indicator = stored?.indicator;
  const projectChoices: Choice[] = [
    { value: "", label: t.noProject },
    ...listProjects(data.catalogue).map(({ project, impactArea }) => ({
      value: project.slug,
      label: data.catalogue.programme.levels.flat
        ? `${project.code} ${project.title}`
        : `${project.code} ${project.title} (${impactArea.name})`,
      lang: view.contentLang,
    })),
  ];
  const kindChoices: Choice[] = INDICATOR_KINDS.map((kind) => ({
    value: kind,
    label: t.indicatorKind[kind],
  }));
  return (
    <>
      {f.text(
        form,
        schemaField(IndicatorBody, "name"),
        t.fieldFigureName,
        indicator?.name ?? "",
      )}
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(IndicatorBody, "einheit"),
          t.fieldUnit,
          indicator?.unit ?? "",
          { hint: t.fieldUnitHint },
        )}
        {f.select(
          form,
          schemaField(IndicatorBody, "art"),
          t.fieldKind,
          indicator?.kind ?? "count",
          kindChoices,
        )}
      </div>
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(IndicatorBody, "gesamt"),
          t.fieldDenominatorLabel,
          indicator?.denominatorLabel ?? "",
          { hint: t.fieldDenominatorLabelHint },
        )}
        {f.text(
          form,
          schemaField(IndicatorBody, "nachkommastellen"),
          t.fieldDecimals,
          String(indicator?.decimals ?? 0),
          { hint: t.fieldDecimalsHint, short: true },
        )}
      </div>
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(IndicatorBody, "zielwert"),
          t.fieldTargetValue,
          indicator?.target == null
            ? ""
            : formatGermanNumber(
                indicator.target.value,
                indicator.kind === "ratio" ? 1 : decimalsOf(indicator),
              ),
          { hint: t.fieldTargetValueHint, short: true },
        )}
        {f.text(
          form,
          schemaField(IndicatorBody, "zieldatum"),
          t.fieldTargetDay,
          indicator?.target == null
            ? ""
            : formatGermanDate(indicator.target.day),
          { hint: t.fieldAsOfHint, short: true },
        )}
      </div>
      {f.area(
        form,
        schemaField(IndicatorBody, "definition"),
        t.figureDefinition,
        indicator?.definition ?? "",
        { rows: 2 },
      )}
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(IndicatorBody, "quelle"),
          t.figureSource,
          indicator?.source ?? "",
        )}
        {f.text(
          form,
          schemaField(IndicatorBody, "verantwortlich"),
          t.figureOwner,
          indicator?.owner ?? "",
        )}
      </div>
      {f.select(
        form,
        schemaField(IndicatorBody, "projekt"),
        t.fieldProject,
        indicator?.projectSlug ?? "",
        projectChoices,
      )}
    </>
  );
}

/** The list of key figures. */
export function IndicatorsOverviewPage(
  props: FormPageProps & {
    readonly data: IndicatorsForStaff;
    readonly today: number;
  },
): JSX.Element {
  const { view, data } = props;
  const t = view.t.reports;
  const slug = data.catalogue.municipality.slug;
  const f = formKit(props);
  const form = "kennzahl-neu";
  return (
    <FormFrame {...props} title={t.figuresTitle} lead={t.figuresLead}>
      <ItemsOrNone items={data.indicators} none={t.noFigures}>
        <DataTable
          caption={t.figuresCaption(data.indicators.length)}
          columns={[
            { label: t.columnFigure },
            { label: t.columnLatest, numeric: true },
            { label: t.asOfLabel },
            { label: t.fieldProject },
            { label: t.figureOwner },
          ]}
        >
          {data.indicators.map((each) => {
            const latest = each.observations
              .filter((observation) => observation.day <= props.today)
              .at(-1);
            const project =
              each.indicator.projectSlug === null
                ? null
                : findProject(data.catalogue, each.indicator.projectSlug);
            return (
              <tr>
                <th scope="row">
                  <a
                    class="app-link"
                    href={view.link(
                      reportPaths.staffIndicator(slug, each.indicator.key),
                    )}
                    lang={view.contentLang}
                    safe
                  >
                    {each.indicator.name}
                  </a>
                </th>
                <td class="app-table__numeric" safe>
                  {latest === undefined
                    ? "–"
                    : formatFigureGerman(each.indicator, latest)}
                </td>
                <td safe>
                  {latest === undefined ? "–" : formatGermanDate(latest.day)}
                </td>
                <td lang={view.contentLang} safe>
                  {project === null
                    ? (each.indicator.projectSlug ?? "–")
                    : `${project.project.code} ${project.project.title}`}
                </td>
                <td lang={view.contentLang} safe>
                  {each.indicator.owner}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </ItemsOrNone>
      {data.mayDefine ? (
        <EditorSection id="kennzahl-neu" title={t.newFigure}>
          <VersionedForm
            kit={f}
            action={view.link(reportPaths.staffIndicators(slug))}
            id={form}
            version={null}
          >
            {f.text(
              form,
              schemaField(NewIndicatorBody, "schluessel"),
              t.fieldFigureKey,
              "",
              { hint: view.t.editor.fieldKeyHint },
            )}
            {definitionFields(props, f, form, null)}
            {f.reason(form)}
            {f.button(t.addFigure)}
          </VersionedForm>
        </EditorSection>
      ) : (
        ""
      )}
    </FormFrame>
  );
}

/** One key figure: chart, values, and the forms. */
export function IndicatorPage(
  props: FormPageProps & {
    readonly data: IndicatorsForStaff & {
      readonly indicator: IndicatorForStaff;
    };
    readonly today: number;
  },
): JSX.Element {
  const { view, data } = props;
  const t = view.t.reports;
  const slug = data.catalogue.municipality.slug;
  const stored = data.indicator;
  const { indicator } = stored;
  const f = formKit(props);
  const valueForm = "wert-neu";
  const definitionForm = "definition";
  return (
    <FormFrame {...props} title={indicator.name}>
      <IndicatorFigure
        view={view}
        indicator={indicator}
        observations={stored.observations}
        chartKind={stored.chartKind}
        asOf={props.today}
        idPrefix="kennzahl"
        headingLevel={3}
      />
      <Section id="abschnitt-werte" title={t.valuesHeading}>
        <ItemsOrNone items={stored.observations} none={t.noValues}>
          <ol class="app-measure-list">
            {[...stored.observations].reverse().map((observation) => (
              <li class="app-measure-list__item app-value-row">
                <span>
                  <strong safe>{formatGermanDate(observation.day)}</strong>:{" "}
                  <span safe>{formatFigureGerman(indicator, observation)}</span>
                  {(observation.breakdown ?? []).length === 0 ? (
                    ""
                  ) : (
                    <span lang={view.contentLang} safe>
                      {` = ${(observation.breakdown ?? [])
                        .map(
                          (part) =>
                            `${formatBreakdownPart(indicator, observation, part).value} ${part.label}`,
                        )
                        .join(" + ")}`}
                    </span>
                  )}
                  {observation.note === null ? (
                    ""
                  ) : (
                    <span class="app-hint" lang={view.contentLang} safe>
                      {` – ${observation.note}`}
                    </span>
                  )}
                </span>
                {stored.mayRecord ? (
                  <form
                    method="post"
                    action={view.link(
                      reportPaths.staffIndicatorValueDelete(
                        slug,
                        indicator.key,
                        observation.id,
                      ),
                    )}
                    class="app-form-inline"
                    id={`wert-${observation.id}`}
                    novalidate
                  >
                    <CsrfField token={props.csrfToken} />
                    <input
                      type="hidden"
                      name="version"
                      value={String(stored.version)}
                    />
                    <button
                      type="submit"
                      class="app-button app-button--secondary app-button--small"
                      aria-label={t.removeValueLabel(
                        formatGermanDate(observation.day),
                      )}
                      safe
                    >
                      {t.removeValue}
                    </button>
                  </form>
                ) : (
                  ""
                )}
              </li>
            ))}
          </ol>
        </ItemsOrNone>
        {stored.mayRecord ? (
          <VersionedForm
            kit={f}
            action={view.link(
              reportPaths.staffIndicatorValues(slug, indicator.key),
            )}
            id={valueForm}
            version={stored.version}
            legend={t.newValue}
          >
            <div class="app-editor-form__pair">
              {f.text(
                valueForm,
                schemaField(ObservationBody, "datum"),
                t.fieldValueDay,
                "",
                { hint: t.fieldAsOfHint, short: true },
              )}
              {f.text(
                valueForm,
                schemaField(ObservationBody, "wert"),
                t.fieldValue(indicator.unit),
                "",
                { hint: t.fieldValueHint },
              )}
            </div>
            {indicator.kind === "ratio"
              ? f.text(
                  valueForm,
                  schemaField(ObservationBody, "gesamt"),
                  indicator.denominatorLabel ?? t.fieldDenominator,
                  "",
                  { short: true },
                )
              : ""}
            {f.area(
              valueForm,
              schemaField(ObservationBody, "aufteilung"),
              t.fieldBreakdown,
              "",
              { hint: t.fieldBreakdownHint, rows: 3 },
            )}
            {f.text(
              valueForm,
              schemaField(ObservationBody, "anmerkung"),
              t.fieldNote,
              "",
            )}
            {f.reason(valueForm)}
            {f.button(t.addValue)}
          </VersionedForm>
        ) : (
          <p class="app-body-text" safe>
            {t.valuesNotYours}
          </p>
        )}
      </Section>
      {data.mayDefine ? (
        <EditorSection id="definition" title={t.definitionHeading}>
          <VersionedForm
            kit={f}
            action={view.link(reportPaths.staffIndicator(slug, indicator.key))}
            id={definitionForm}
            version={stored.version}
          >
            {definitionFields(props, f, definitionForm, stored)}
            {f.reason(definitionForm)}
            {f.button(t.saveFigure)}
          </VersionedForm>
        </EditorSection>
      ) : (
        ""
      )}
      <ParagraphLink
        href={view.link(reportPaths.staffIndicators(slug))}
        text={t.backToFigures}
      />
    </FormFrame>
  );
}
