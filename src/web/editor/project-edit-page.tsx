/**
 * Editing one project: basic data, schedule (phases with points in time typed the German
 * way), measures (add, edit, status, reorder with buttons), responsibilities, dependencies.
 * Every part is a plain form of its own that works without JavaScript; each carries the
 * project's version and the CSRF token, and an optional reason for the audit log.
 */
import type { ProjectForEditing } from "../../app/catalogue/read-editor.js";
import {
  MEASURE_STATUSES,
  PROJECT_STATUSES,
  RESPONSIBILITY_ROLES,
  listProjects,
  type Measure,
  type Phase,
} from "../../domain/catalogue/catalogue.js";
import { formatPointInTimeGerman } from "../../domain/period/point-in-time.js";
import { CsrfField } from "../components/form/csrf-field.js";
import { formKit } from "../components/form/form-kit.js";
import {
  Checkbox,
  RadioGroup,
  SelectField,
  TextArea,
  RowFieldset,
  type Choice,
  TextField,
} from "../components/form/controls.js";
import { withLevels } from "../components/view.js";
import { paths } from "../portal/paths.js";
import { unitChoices } from "./structure-pages.js";
import { rowCountOf } from "../components/form/row-count.js";
import { editorPaths } from "./editor-paths.js";
import { errorOf, valueOf } from "../components/form/failed-form.js";
import { schemaField } from "../http/form-schema.js";
import {
  MeasureBody,
  PhaseBody,
  ProjectFieldsBody,
  ResponsibilitiesBody,
} from "./editor-forms.js";
import { EditorSection, FormFrame, type FormPageProps } from "./form-frame.js";
import { EditorForm } from "../components/form/record-form.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { SubmitButtons } from "../components/form/submit-buttons.js";

/** Props of the project edit page. */
export interface ProjectEditPageProps extends FormPageProps {
  readonly data: ProjectForEditing;
}

/** How many empty rows the responsibilities form offers for adding units. */
export const EMPTY_RESPONSIBILITY_ROWS = 2;

/** Phase points as typed in the form: the German spelling ("QII/2024"). */
export function phaseFormValues(
  phase: Phase,
): Readonly<Record<string, string>> {
  return {
    bezeichnung: phase.label,
    beginn: formatPointInTimeGerman(phase.start),
    ende: phase.end === null ? "" : formatPointInTimeGerman(phase.end),
    offen: phase.end === null ? "ja" : "",
    fortsetzung: phase.continuation ?? "",
    notiz: phase.note ?? "",
  };
}

/** The hidden fields every form carries. */
function FormMeta(props: {
  readonly csrfToken: string;
  readonly version: number;
}): JSX.Element {
  return (
    <>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="version" value={String(props.version)} />
    </>
  );
}

/** The page. */
export function ProjectEditPage(props: ProjectEditPageProps): JSX.Element {
  const { data, failed } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { project } = data.entry;
  const slug = data.catalogue.municipality.slug;
  const label = `${project.code} ${project.title}`;
  const title = t.projectEditTitle(label);
  /** The version a form carries: a failed form keeps the one it was opened on, unless the person has now seen the conflict. */
  const versionOf = (form: string): number => {
    if (failed?.form === form && props.conflict === undefined) {
      const sent = Number(failed.values.version);
      if (Number.isInteger(sent) && sent > 0) return sent;
    }
    return project.version;
  };
  const { reason } = formKit({ ...props, view });
  const meta = (form: string) => (
    <FormMeta csrfToken={props.csrfToken} version={versionOf(form)} />
  );

  return (
    <FormFrame
      {...props}
      view={view}
      title={title}
      breadcrumbs={[
        { label: t.administration, href: view.link(editorPaths.home(slug)) },
        { label: project.title, lang: view.contentLang },
      ]}
    >
      <ul class="app-editor-links">
        <li>
          <a
            class="app-link"
            href={view.link(paths.project(slug, project.slug))}
            safe
          >
            {t.viewPublic}
          </a>
        </li>
        <li>
          <a
            class="app-link"
            href={view.link(editorPaths.history(slug, project.slug))}
            safe
          >
            {t.viewHistory}
          </a>
        </li>
        <li class="app-hint" safe>
          {t.versionNote(project.version)}
        </li>
      </ul>

      <FieldsSection {...props} meta={meta} reason={reason} />
      <PhasesSection {...props} meta={meta} reason={reason} />
      <MeasuresSection {...props} meta={meta} reason={reason} />
      <ResponsibilitiesSection {...props} meta={meta} reason={reason} />
      <DependenciesSection {...props} meta={meta} reason={reason} />
      {data.rights.isAdministrator ? (
        <DeleteSection {...props} meta={meta} reason={reason} />
      ) : (
        ""
      )}
    </FormFrame>
  );
}

type SectionProps = ProjectEditPageProps & {
  readonly meta: (form: string) => JSX.Element;
  readonly reason: (form: string) => JSX.Element;
};

function FieldsSection(props: SectionProps): JSX.Element {
  const { data, failed } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { project } = data.entry;
  const slug = data.catalogue.municipality.slug;
  const form = "grunddaten";
  const statusChoices: Choice[] = PROJECT_STATUSES.map((status) => ({
    value: status,
    label: view.t.projectStatus[status],
  }));
  return (
    <EditorSection id="grunddaten" title={t.sectionFields}>
      <EditorForm
        action={view.link(editorPaths.projectFields(slug, project.slug))}
        id={form}
      >
        {props.meta(form)}
        <TextField
          id={`${form}-titel`}
          {...schemaField(ProjectFieldsBody, "titel")}
          label={t.fieldTitle}
          value={valueOf(failed, form, "titel", project.title)}
          error={errorOf(failed, form, "titel")}
        />
        <TextArea
          id={`${form}-zusammenfassung`}
          {...schemaField(ProjectFieldsBody, "zusammenfassung")}
          label={t.fieldSummary}
          value={valueOf(failed, form, "zusammenfassung", project.summary)}
          error={errorOf(failed, form, "zusammenfassung")}
          rows={6}
          lang={view.contentLang}
        />
        <SelectField
          id={`${form}-status`}
          name="status"
          label={t.fieldStatus}
          value={valueOf(failed, form, "status", project.status)}
          error={errorOf(failed, form, "status")}
          choices={statusChoices}
        />
        <TextField
          id={`${form}-schlagwoerter`}
          {...schemaField(ProjectFieldsBody, "schlagwoerter")}
          label={t.fieldTags}
          hint={t.fieldTagsHint}
          value={valueOf(
            failed,
            form,
            "schlagwoerter",
            project.tags.join(", "),
          )}
          error={errorOf(failed, form, "schlagwoerter")}
        />
        {props.reason(form)}
        <SubmitButtons label={t.saveFields} />
      </EditorForm>
    </EditorSection>
  );
}

function PhaseForm(
  props: SectionProps & {
    readonly form: string;
    readonly legend: string;
    readonly phase: Phase | null;
    readonly action: string;
    readonly deleteAction: string | null;
  },
): JSX.Element {
  const { view, failed, form, phase } = props;
  const t = view.t.editor;
  const stored =
    phase === null
      ? {
          bezeichnung: "",
          beginn: "",
          ende: "",
          offen: "",
          fortsetzung: "",
          notiz: "",
        }
      : phaseFormValues(phase);
  const value = (field: string): string =>
    valueOf(failed, form, field, stored[field] ?? "");
  const continuationChoices: Choice[] = [
    { value: "", label: t.continuationNone },
    { value: "ongoing", label: t.continuationOngoing },
    { value: "permanent", label: t.continuationPermanent },
    { value: "undecided", label: t.continuationUndecided },
  ];
  const precision =
    phase === null
      ? null
      : t.precisionHint(
          t.precisionName[phase.start.precision] ?? "",
          phase.end === null
            ? null
            : (t.precisionName[phase.end.precision] ?? ""),
        );
  return (
    <form
      method="post"
      action={view.link(props.action)}
      class="app-editor-form app-phase-form"
      id={form}
    >
      <fieldset class="app-fieldset">
        <legend
          class="app-fieldset__legend"
          lang={phase === null ? undefined : view.contentLang}
          safe
        >
          {props.legend}
        </legend>
        {props.meta(form)}
        <TextField
          id={`${form}-bezeichnung`}
          {...schemaField(PhaseBody, "bezeichnung")}
          label={t.fieldPhaseLabel}
          hint={t.fieldPhaseLabelHint}
          value={value("bezeichnung")}
          error={errorOf(failed, form, "bezeichnung")}
        />
        <div class="app-editor-form__pair">
          <TextField
            id={`${form}-beginn`}
            {...schemaField(PhaseBody, "beginn")}
            label={t.fieldStart}
            hint={t.pointHint}
            value={value("beginn")}
            error={errorOf(failed, form, "beginn")}
          />
          <TextField
            id={`${form}-ende`}
            {...schemaField(PhaseBody, "ende")}
            label={t.fieldEnd}
            hint={t.pointHint}
            value={value("ende")}
            error={errorOf(failed, form, "ende")}
          />
        </div>
        <Checkbox
          id={`${form}-offen`}
          name="offen"
          label={t.fieldOpenEnd}
          checked={value("offen") !== ""}
          error={errorOf(failed, form, "offen")}
        />
        <RadioGroup
          id={`${form}-fortsetzung`}
          name="fortsetzung"
          label={t.fieldContinuation}
          value={value("fortsetzung")}
          error={errorOf(failed, form, "fortsetzung")}
          choices={continuationChoices}
          inline
        />
        <TextField
          id={`${form}-notiz`}
          {...schemaField(PhaseBody, "notiz")}
          label={t.fieldNote}
          value={value("notiz")}
          error={errorOf(failed, form, "notiz")}
        />
        {precision === null ? (
          ""
        ) : (
          <p class="app-hint" safe>
            {precision}
          </p>
        )}
        {props.reason(form)}
        <SubmitButtons label={phase === null ? t.addPhase : t.savePhase}>
          {props.deleteAction === null ? (
            ""
          ) : (
            <button
              type="submit"
              class="app-button app-button--warning"
              formaction={view.link(props.deleteAction)}
              safe
            >
              {t.deletePhase}
            </button>
          )}
        </SubmitButtons>
      </fieldset>
    </form>
  );
}

function PhasesSection(props: SectionProps): JSX.Element {
  const { data } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { project } = data.entry;
  const slug = data.catalogue.municipality.slug;
  return (
    <EditorSection id="zeitplan" anchor="zeitplan" title={t.sectionPhases}>
      <ItemsOrNone items={project.phases} none={t.noPhases}>
        {project.phases.map((phase, index) => (
          <PhaseForm
            {...props}
            form={`phase-${phase.id}`}
            legend={t.phaseLegend(index + 1, phase.label)}
            phase={phase}
            action={editorPaths.phase(slug, project.slug, phase.id)}
            deleteAction={editorPaths.phaseDelete(slug, project.slug, phase.id)}
          />
        ))}
      </ItemsOrNone>
      <PhaseForm
        {...props}
        form="phase-neu"
        legend={t.newPhaseLegend}
        phase={null}
        action={editorPaths.phases(slug, project.slug)}
        deleteAction={null}
      />
    </EditorSection>
  );
}

function MeasureForm(
  props: SectionProps & {
    readonly measure: Measure | null;
    readonly position: number;
    readonly isFirst: boolean;
    readonly isLast: boolean;
  },
): JSX.Element {
  const { data, failed, measure } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { project } = data.entry;
  const slug = data.catalogue.municipality.slug;
  const form = measure === null ? "massnahme-neu" : `massnahme-${measure.id}`;
  const statusChoices: Choice[] = MEASURE_STATUSES.map((status) => ({
    value: status,
    label: view.t.measureStatus[status],
  }));
  const action =
    measure === null
      ? editorPaths.measures(slug, project.slug)
      : editorPaths.measure(slug, project.slug, measure.id);
  return (
    <form
      method="post"
      action={view.link(action)}
      class="app-editor-form app-measure-form"
      id={form}
    >
      <fieldset class="app-fieldset">
        <legend class="app-fieldset__legend" safe>
          {measure === null
            ? t.newMeasureLegend
            : t.measureLegend(props.position)}
        </legend>
        {props.meta(form)}
        <div class="app-measure-form__fields">
          <TextArea
            id={`${form}-titel`}
            {...schemaField(MeasureBody, "titel")}
            label={t.fieldMeasureTitle}
            value={valueOf(failed, form, "titel", measure?.title ?? "")}
            error={errorOf(failed, form, "titel")}
            rows={2}
            lang={view.contentLang}
          />
          <SelectField
            id={`${form}-status`}
            name="status"
            label={t.fieldStatus}
            hint={measure === null ? undefined : t.statusAutoHint}
            value={valueOf(
              failed,
              form,
              "status",
              measure?.status ?? "planned",
            )}
            error={errorOf(failed, form, "status")}
            choices={statusChoices}
          />
        </div>
        <div class="app-editor-form__pair">
          <TextField
            id={`${form}-beginn`}
            {...schemaField(MeasureBody, "beginn")}
            label={t.fieldMeasureStart}
            hint={t.fieldMeasurePeriodHint}
            value={valueOf(
              failed,
              form,
              "beginn",
              measure?.start == null
                ? ""
                : formatPointInTimeGerman(measure.start),
            )}
            error={errorOf(failed, form, "beginn")}
          />
          <TextField
            id={`${form}-ende`}
            {...schemaField(MeasureBody, "ende")}
            label={t.fieldMeasureEnd}
            value={valueOf(
              failed,
              form,
              "ende",
              measure?.end == null ? "" : formatPointInTimeGerman(measure.end),
            )}
            error={errorOf(failed, form, "ende")}
          />
        </div>
        <div class="app-editor-form__pair">
          <SelectField
            id={`${form}-einheit`}
            name="einheit"
            label={t.fieldMeasureOrgUnit}
            value={valueOf(failed, form, "einheit", measure?.orgUnitCode ?? "")}
            error={errorOf(failed, form, "einheit")}
            choices={[
              { value: "", label: t.noChoice },
              ...data.catalogue.orgUnits.map((unit) => ({
                value: unit.code,
                label: `${unit.name} (${unit.code})`,
                lang: view.contentLang,
              })),
            ]}
          />
          <SelectField
            id={`${form}-phase`}
            name="phase"
            label={t.fieldMeasurePhase}
            value={valueOf(failed, form, "phase", measure?.phaseLabel ?? "")}
            error={errorOf(failed, form, "phase")}
            choices={[
              { value: "", label: t.noChoice },
              ...project.phases.map((phase) => ({
                value: phase.label,
                label: phase.label,
              })),
            ]}
          />
        </div>
        <TextArea
          id={`${form}-beschreibung`}
          {...schemaField(MeasureBody, "beschreibung")}
          label={t.fieldMeasureDescription}
          value={valueOf(
            failed,
            form,
            "beschreibung",
            measure?.description ?? "",
          )}
          error={errorOf(failed, form, "beschreibung")}
          rows={2}
          lang={view.contentLang}
        />
        {props.reason(form)}
        <SubmitButtons label={measure === null ? t.addMeasure : t.saveMeasure}>
          {measure === null
            ? ""
            : moveButtons(
                view.link(
                  editorPaths.measureMove(slug, project.slug, measure.id),
                ),
                [
                  ["hoch", t.moveUp, !props.isFirst],
                  ["runter", t.moveDown, !props.isLast],
                ],
              )}
          {measure === null ? (
            ""
          ) : (
            <button
              type="submit"
              class="app-button app-button--warning"
              formaction={view.link(
                editorPaths.measureDelete(slug, project.slug, measure.id),
              )}
              safe
            >
              {t.deleteMeasure}
            </button>
          )}
        </SubmitButtons>
      </fieldset>
    </form>
  );
}

function MeasuresSection(props: SectionProps): JSX.Element {
  const { data } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { measures } = data.entry.project;
  return (
    <EditorSection
      id="massnahmen"
      anchor="massnahmen"
      title={t.sectionMeasures}
    >
      <ItemsOrNone items={measures} none={t.noMeasures}>
        <ol class="app-measure-list">
          {measures.map((measure, index) => (
            <li class="app-measure-list__item">
              <MeasureForm
                {...props}
                measure={measure}
                position={index + 1}
                isFirst={index === 0}
                isLast={index === measures.length - 1}
              />
            </li>
          ))}
        </ol>
      </ItemsOrNone>
      <MeasureForm
        {...props}
        measure={null}
        position={measures.length + 1}
        isFirst
        isLast
      />
    </EditorSection>
  );
}

function ResponsibilitiesSection(props: SectionProps): JSX.Element {
  const { data, failed } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { project } = data.entry;
  const slug = data.catalogue.municipality.slug;
  const form = "zustaendigkeiten";
  const rowCount = rowCountOf(
    failed,
    form,
    "zeilen",
    project.responsibilities.length + EMPTY_RESPONSIBILITY_ROWS,
    60,
  );
  const orgUnitChoices = unitChoices(
    view,
    data.catalogue.orgUnits,
    t.noOrgUnit,
  );
  const roleChoices: Choice[] = RESPONSIBILITY_ROLES.map((role) => ({
    value: role,
    label: view.t.responsibilityRole[role],
  }));
  return (
    <EditorSection
      id="zustaendigkeiten"
      title={t.sectionResponsibilities}
      hint={t.responsibilitiesHint}
    >
      <EditorForm
        action={view.link(editorPaths.responsibilities(slug, project.slug))}
        id={form}
      >
        {props.meta(form)}
        <input type="hidden" name="zeilen" value={String(rowCount)} />
        {Array.from({ length: rowCount }, (_, index) => {
          const stored = project.responsibilities[index];
          const value = (field: string, storedValue: string): string =>
            valueOf(failed, form, `${field}-${index}`, storedValue);
          return (
            <RowFieldset
              legend={
                stored === undefined
                  ? t.newResponsibilityLegend
                  : t.responsibilityLegend(index + 1)
              }
            >
              <div class="app-responsibility-row__fields">
                <SelectField
                  id={`${form}-einheit-${index}`}
                  name={`einheit-${index}`}
                  label={t.fieldOrgUnit}
                  value={value("einheit", stored?.orgUnitCode ?? "")}
                  error={errorOf(failed, form, `einheit-${index}`)}
                  choices={orgUnitChoices}
                />
                <SelectField
                  id={`${form}-rolle-${index}`}
                  name={`rolle-${index}`}
                  label={t.fieldRole}
                  value={value("rolle", stored?.role ?? "contributing")}
                  error={errorOf(failed, form, `rolle-${index}`)}
                  choices={roleChoices}
                />
                <TextField
                  id={`${form}-notiz-${index}`}
                  name={`notiz-${index}`}
                  label={t.fieldResponsibilityNote}
                  value={value("notiz", stored?.note ?? "")}
                  error={errorOf(failed, form, `notiz-${index}`)}
                  maxlength={
                    schemaField(ResponsibilitiesBody, "notiz-0").maxlength
                  }
                />
              </div>
              {stored === undefined ? (
                ""
              ) : (
                <Checkbox
                  id={`${form}-entfernen-${index}`}
                  name={`entfernen-${index}`}
                  label={t.removeResponsibility}
                  checked={value("entfernen", "") !== ""}
                />
              )}
            </RowFieldset>
          );
        })}
        {props.reason(form)}
        <SubmitButtons label={t.saveResponsibilities} />
      </EditorForm>
    </EditorSection>
  );
}

function DependenciesSection(props: SectionProps): JSX.Element {
  const { data, failed } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { project } = data.entry;
  const slug = data.catalogue.municipality.slug;
  const all = listProjects(data.catalogue);
  const bySlug = new Map(
    all.map((entry) => [entry.project.slug, entry.project]),
  );
  const candidates: Choice[] = [
    { value: "", label: t.chooseProject },
    ...all
      .filter(
        (entry) =>
          entry.project.slug !== project.slug &&
          !project.dependsOn.includes(entry.project.slug),
      )
      .map((entry) => ({
        value: entry.project.slug,
        label: data.catalogue.programme.levels.flat
          ? `${entry.project.code} ${entry.project.title}`
          : `${entry.project.code} ${entry.project.title} (${entry.impactArea.name})`,
        lang: view.contentLang,
      })),
  ];
  const form = "abhaengigkeit-neu";
  return (
    <EditorSection
      id="abhaengigkeiten"
      anchor="abhaengigkeiten"
      title={t.sectionDependencies}
    >
      <h3 class="app-heading-m" safe>
        {t.dependsOnHeading}
      </h3>
      <ItemsOrNone items={project.dependsOn} none={t.noDependencies}>
        <ul class="app-dependency-forms">
          {project.dependsOn.map((dependsOn) => {
            const other = bySlug.get(dependsOn);
            const otherLabel =
              other === undefined ? dependsOn : `${other.code} ${other.title}`;
            const removeForm = `abhaengigkeit-${dependsOn}`;
            return (
              <li>
                <form
                  method="post"
                  action={view.link(
                    editorPaths.dependencyDelete(slug, project.slug, dependsOn),
                  )}
                  class="app-editor-form"
                  id={removeForm}
                >
                  <fieldset class="app-fieldset">
                    <legend
                      class="app-fieldset__legend app-fieldset__legend--small"
                      safe
                    >
                      {t.removeDependencyLegend(otherLabel)}
                    </legend>
                    {props.meta(removeForm)}
                    {props.reason(removeForm)}
                    <SubmitButtons label={t.removeDependency} kind="warning" />
                  </fieldset>
                </form>
              </li>
            );
          })}
        </ul>
      </ItemsOrNone>
      <EditorForm
        action={view.link(editorPaths.dependencies(slug, project.slug))}
        id={form}
      >
        <fieldset class="app-fieldset">
          <legend class="app-fieldset__legend app-fieldset__legend--small" safe>
            {t.addDependencyLegend}
          </legend>
          {props.meta(form)}
          <SelectField
            id={`${form}-projekt`}
            name="projekt"
            label={t.fieldDependsOn}
            value={valueOf(failed, form, "projekt", "")}
            error={errorOf(failed, form, "projekt")}
            choices={candidates}
          />
          {props.reason(form)}
          <SubmitButtons label={t.addDependency} />
        </fieldset>
      </EditorForm>
      <h3 class="app-heading-m" safe>
        {t.prerequisiteForHeading}
      </h3>
      <ItemsOrNone items={data.dependents} none={t.noDependencies}>
        <ul class="app-dependencies__list">
          {data.dependents.map((other) => (
            <li lang={view.contentLang} safe>
              {`${other.project.code} ${other.project.title}`}
            </li>
          ))}
        </ul>
      </ItemsOrNone>
    </EditorSection>
  );
}

function DeleteSection(props: SectionProps): JSX.Element {
  const { data, failed } = props;
  const view = withLevels(props.view, data.catalogue.programme.levels);
  const t = view.t.editor;
  const { project } = data.entry;
  const slug = data.catalogue.municipality.slug;
  const form = "loeschen";
  return (
    <EditorSection id="loeschen" title={t.sectionDelete} intro={t.deleteHint}>
      <EditorForm
        action={view.link(editorPaths.projectDelete(slug, project.slug))}
        id={form}
      >
        {props.meta(form)}
        <Checkbox
          id={`${form}-bestaetigung`}
          name="bestaetigung"
          label={t.deleteConfirm(`${project.code} ${project.title}`)}
          checked={false}
          error={errorOf(failed, form, "bestaetigung")}
        />
        {props.reason(form)}
        <SubmitButtons label={t.deleteProject} kind="warning" />
      </EditorForm>
    </EditorSection>
  );
}

/** The buttons that move a measure one place up or down (where it can go there). */
function moveButtons(
  action: string,
  directions: readonly (readonly [
    value: string,
    label: string,
    shown: boolean,
  ])[],
): JSX.Element {
  return (
    <>
      {directions
        .filter(([, , shown]) => shown)
        .map(([value, label]) => (
          <button
            type="submit"
            class="app-button app-button--secondary"
            formaction={action}
            name="richtung"
            value={value}
            safe
          >
            {label}
          </button>
        ))}
    </>
  );
}
