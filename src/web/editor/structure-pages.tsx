/**
 * The catalogue's frame for administrators: the programme (title, horizon, vision and
 * goals, priorities of a year), impact areas and action fields (colour with its contrast),
 * org units (hierarchy), and a new project. Plain forms, one per record, each with its
 * version, the CSRF token and an optional reason.
 */
import { LanguageField } from "../components/form/csrf-field.js";
import type { StructureForEditing } from "../../app/catalogue/read-editor.js";
import {
  listProjects,
  PROJECT_STATUSES,
} from "../../domain/catalogue/catalogue.js";
import { contrastRatio } from "../../domain/colour/contrast.js";
import {
  ColourField,
  SelectField,
  RowFieldset,
  type Choice,
} from "../components/form/controls.js";
import { errorOf, valueOf } from "../components/form/failed-form.js";
import { formKit } from "../components/form/form-kit.js";
import { rowCountOf } from "../components/form/row-count.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { schemaField } from "../http/form-schema.js";
import {
  ActionFieldBody,
  ImpactAreaBody,
  NewActionFieldBody,
  NewImpactAreaBody,
  NewOrgUnitBody,
  NewProjectBody,
  OrgUnitBody,
  PrioritiesBody,
  LevelsBody,
  ProgrammeBody,
} from "./editor-forms.js";
import { editorPaths } from "./editor-paths.js";
import { EditorSection, FormFrame, type FormPageProps } from "./form-frame.js";
import { RecordForm } from "../components/form/record-form.js";
import { SubmitButtons } from "../components/form/submit-buttons.js";

/** What every page of the frame gets. */
export interface StructurePageProps extends FormPageProps {
  readonly data: StructureForEditing;
}

/** How many empty rows lists of goals and priorities offer for adding. */
export const EMPTY_ROWS = 2;

/** How an org unit is named in a choice: its name, with its code when the name does not contain it. */
export function unitLabel(unit: {
  readonly code: string;
  readonly name: string;
}): string {
  return unit.name.includes(unit.code)
    ? unit.name
    : `${unit.name} (${unit.code})`;
}

/**
 * The org units as choices of a select, each named by unitLabel in the municipality's
 * language, after the choice of none ("keine").
 */
export function unitChoices(
  view: ViewContext,
  units: readonly { readonly code: string; readonly name: string }[],
  none: string,
): Choice[] {
  return [
    { value: "", label: none },
    ...units.map((unit) => ({
      value: unit.code,
      label: unitLabel(unit),
      lang: view.contentLang,
    })),
  ];
}

/** The contrast white text reaches on a colour, the German way ("8,61 : 1"). */
export function contrastText(view: ViewContext, colour: string): string {
  const ratio = contrastRatio("#ffffff", colour);
  return view.t.editor.contrastOf(
    Number.isNaN(ratio)
      ? "–"
      : `${ratio.toFixed(2).replace(".", view.lang === "de" ? "," : ".")} : 1`,
  );
}

/**
 * What every page of the frame works with: the view speaking the programme's own level
 * names, its editor texts, the municipality and the page's form kit.
 */
function frameOf(props: StructurePageProps) {
  const { catalogue } = props.data;
  const view = withLevels(props.view, catalogue.programme.levels);
  return {
    view,
    t: view.t.editor,
    slug: catalogue.municipality.slug,
    f: formKit(props),
  };
}

/** The programme: its frame and the priorities of a chosen year. */
export function ProgrammeEditPage(
  props: StructurePageProps & { readonly year: number },
): JSX.Element {
  const { data, failed } = props;
  const { view, t, slug, f } = frameOf(props);
  const { programme } = data;
  const { levels } = data.catalogue.programme;
  const form = "programm";
  const goalRows = rowCountOf(
    failed,
    form,
    "ziele",
    programme.goals.length + EMPTY_ROWS,
    60,
  );
  const priorities = programme.priorities.filter(
    (priority) => priority.year === props.year,
  );
  const priorityForm = "prioritaeten";
  const priorityRows = rowCountOf(
    failed,
    priorityForm,
    "zeilen",
    priorities.length + EMPTY_ROWS,
    60,
  );
  const projectChoices: Choice[] = listProjects(data.catalogue).map(
    ({ project, impactArea }) => ({
      value: project.slug,
      label: `${project.code} ${project.title} (${impactArea.name})`,
      lang: view.contentLang,
    }),
  );
  const years: Choice[] = [];
  for (
    let year = programme.horizonStart;
    year <= programme.horizonEnd;
    year += 1
  )
    years.push({ value: String(year), label: String(year) });
  return (
    <FormFrame {...props} view={view} title={t.programmeTitle}>
      <EditorSection id="programm" title={t.programmeFieldsLegend}>
        <RecordForm
          kit={f}
          action={view.link(editorPaths.programme(slug))}
          id={form}
          version={programme.version}
          submit={t.saveProgramme}
        >
          <input type="hidden" name="ziele" value={String(goalRows)} />
          {f.text(
            form,
            schemaField(ProgrammeBody, "titel"),
            t.fieldProgrammeTitle,
            programme.title,
          )}
          {f.text(
            form,
            schemaField(ProgrammeBody, "untertitel"),
            t.fieldSubtitle,
            programme.subtitle ?? "",
          )}
          <div class="app-editor-form__pair">
            {f.text(
              form,
              schemaField(ProgrammeBody, "von"),
              t.fieldHorizonStart,
              String(programme.horizonStart),
              { short: true },
            )}
            {f.text(
              form,
              schemaField(ProgrammeBody, "bis"),
              t.fieldHorizonEnd,
              String(programme.horizonEnd),
              { short: true },
            )}
          </div>
          {f.area(
            form,
            schemaField(ProgrammeBody, "einleitung"),
            t.fieldProgrammeSummary,
            programme.summary ?? "",
          )}
          <h3 class="app-heading-m" safe>
            {t.goalsLegend}
          </h3>
          <p class="app-hint" safe>
            {t.goalsHint}
          </p>
          {Array.from({ length: goalRows }, (_, index) => {
            const goal = programme.goals[index];
            return (
              <RowFieldset legend={t.goalLegend(index + 1)}>
                {f.area(
                  form,
                  schemaField(ProgrammeBody, `ziel-${index}`),
                  t.fieldGoalTitle,
                  goal?.title ?? "",
                  { rows: 2 },
                )}
                {f.area(
                  form,
                  schemaField(ProgrammeBody, `ziel-${index}-text`),
                  t.fieldGoalDescription,
                  goal?.description ?? "",
                )}
              </RowFieldset>
            );
          })}
        </RecordForm>
      </EditorSection>

      <EditorSection id="ebenen" title={t.levelsTitle} hint={t.levelsHint}>
        <RecordForm
          kit={f}
          action={view.link(editorPaths.levels(slug))}
          id="ebenen"
          version={programme.version}
          submit={t.saveLevels}
        >
          {(
            [
              ["wb", "impactArea", t.levelTop],
              ["af", "actionField", t.levelSecond],
              ["projekt", "project", t.levelThird],
              ["massnahme", "measure", t.levelFourth],
            ] as const
          ).map(([prefix, key, level]) => (
            <div class="app-editor-form__pair">
              {f.text(
                "ebenen",
                schemaField(LevelsBody, `${prefix}-einzahl`),
                t.fieldLevelSingular(level),
                levels[key].singular,
              )}
              {f.text(
                "ebenen",
                schemaField(LevelsBody, `${prefix}-mehrzahl`),
                t.fieldLevelPlural(level),
                levels[key].plural,
              )}
            </div>
          ))}
          {f.checkbox(
            "ebenen",
            schemaField(LevelsBody, "flach"),
            t.fieldFlat,
            levels.flat,
            t.fieldFlatHint,
          )}
          {f.area(
            "ebenen",
            schemaField(LevelsBody, "arten"),
            t.fieldOrgUnitKinds,
            data.catalogue.programme.orgUnitKinds
              .map((kind) => kind.label)
              .join("\n"),
            { hint: t.fieldOrgUnitKindsHint, rows: 6 },
          )}
        </RecordForm>
      </EditorSection>

      <EditorSection id="prioritaeten" title={t.prioritiesTitle(props.year)}>
        <form
          method="get"
          action={view.link(editorPaths.programme(slug))}
          class="app-filter"
        >
          <LanguageField lang={view.lang} />
          <SelectField
            id="prioritaeten-jahr-wahl"
            name="jahr"
            label={t.fieldYear}
            value={String(props.year)}
            choices={years}
          />
          <SubmitButtons label={t.showYear} kind="secondary" />
        </form>
        <RecordForm
          kit={f}
          action={view.link(editorPaths.priorities(slug))}
          id={priorityForm}
          version={programme.version}
          submit={t.savePriorities}
        >
          <input type="hidden" name="jahr" value={String(props.year)} />
          <input type="hidden" name="zeilen" value={String(priorityRows)} />
          <p class="app-hint" safe>
            {t.goalsHint}
          </p>
          {Array.from({ length: priorityRows }, (_, index) => {
            const priority = priorities[index];
            const selected =
              failed?.form === priorityForm
                ? (failed.lists?.[`prioritaet-${index}-projekte`] ?? [])
                : (priority?.projectSlugs ?? []);
            return (
              <RowFieldset legend={t.priorityLegend(index + 1)}>
                {f.text(
                  priorityForm,
                  schemaField(PrioritiesBody, `prioritaet-${index}`),
                  t.fieldPriorityTitle,
                  priority?.title ?? "",
                )}
                <SelectField
                  id={`${priorityForm}-prioritaet-${index}-projekte`}
                  name={`prioritaet-${index}-projekte`}
                  label={t.fieldPriorityProjects}
                  hint={t.fieldPriorityProjectsHint}
                  value=""
                  values={selected}
                  multiple
                  error={errorOf(
                    failed,
                    priorityForm,
                    `prioritaet-${index}-projekte`,
                  )}
                  choices={projectChoices}
                />
              </RowFieldset>
            );
          })}
        </RecordForm>
      </EditorSection>
    </FormFrame>
  );
}

/** Impact areas with their action fields, and forms for new ones. */
export function StructureEditPage(props: StructurePageProps): JSX.Element {
  const { data, failed } = props;
  const { view, t, slug, f } = frameOf(props);
  const areaChoices: Choice[] = data.impactAreas.map((area) => ({
    value: area.key,
    label: area.name,
    lang: view.contentLang,
  }));
  const colour = (form: string, stored: string) => {
    const value = valueOf(failed, form, "farbe", stored);
    return (
      <ColourField
        id={`${form}-farbe`}
        name="farbe"
        label={t.fieldColour}
        hint={t.fieldColourHint}
        value={/^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : stored}
        error={errorOf(failed, form, "farbe")}
        contrastText={contrastText(view, value)}
        contrastTemplate={t.contrastOf("%s")}
      />
    );
  };
  const flat = data.catalogue.programme.levels.flat;
  const actionFieldForm = (
    field: StructureForEditing["actionFields"][number],
  ) => {
    const fieldForm = `af-${field.key}`;
    return (
      <RecordForm
        kit={f}
        action={view.link(editorPaths.actionField(slug, field.key))}
        class="app-editor-form app-phase-form"
        id={fieldForm}
        version={field.version}
        submit={t.saveActionField}
        legend={t.actionFieldLegend(field.number, field.name)}
        legendLang={view.contentLang}
      >
        {f.text(
          fieldForm,
          schemaField(ActionFieldBody, "nummer"),
          t.fieldNumber,
          String(field.number),
          { hint: t.fieldNumberHint, short: true },
        )}
        {f.text(
          fieldForm,
          schemaField(ActionFieldBody, "name"),
          t.fieldName,
          field.name,
        )}
        {colour(fieldForm, field.colour)}
        {f.area(
          fieldForm,
          schemaField(ActionFieldBody, "beschreibung"),
          t.fieldDescription,
          field.description ?? "",
        )}
      </RecordForm>
    );
  };
  return (
    <FormFrame {...props} view={view} title={t.structureTitle}>
      {flat ? (
        <section class="app-section app-editor-section">
          {data.actionFields.map(actionFieldForm)}
        </section>
      ) : (
        ""
      )}
      {(flat ? [] : data.impactAreas).map((area) => {
        const form = `wb-${area.key}`;
        const fields = data.actionFields.filter(
          (field) => field.impactAreaKey === area.key,
        );
        return (
          <EditorSection
            id={form}
            title={t.impactAreaLegend(area.name)}
            lang={view.contentLang}
          >
            <RecordForm
              kit={f}
              action={view.link(editorPaths.impactArea(slug, area.key))}
              id={form}
              version={area.version}
              submit={t.saveImpactArea}
            >
              {f.text(
                form,
                schemaField(ImpactAreaBody, "name"),
                t.fieldName,
                area.name,
              )}
              {f.area(
                form,
                schemaField(ImpactAreaBody, "beschreibung"),
                t.fieldDescription,
                area.description ?? "",
              )}
            </RecordForm>
            {fields.map(actionFieldForm)}
          </EditorSection>
        );
      })}
      <EditorSection id="af-neu" title={t.newActionFieldLegend}>
        {data.impactAreas.length === 0 && !flat ? (
          <p class="app-body-text">
            <span safe>{view.t.onboarding.actionFieldNeedsArea}</span>{" "}
            <a class="app-link" href="#wb-neu" safe>
              {t.newImpactAreaLegend}
            </a>
          </p>
        ) : (
          <RecordForm
            kit={f}
            action={view.link(editorPaths.actionFields(slug))}
            id="af-neu"
            version={null}
            submit={t.addActionField}
          >
            {flat
              ? ""
              : f.select(
                  "af-neu",
                  schemaField(NewActionFieldBody, "wirkungsbereich"),
                  t.fieldImpactArea,
                  data.impactAreas[0]?.key ?? "",
                  areaChoices,
                )}
            {f.text(
              "af-neu",
              schemaField(NewActionFieldBody, "schluessel"),
              t.fieldKey,
              "",
              {
                hint: t.fieldKeyHint,
              },
            )}
            {f.text(
              "af-neu",
              schemaField(NewActionFieldBody, "nummer"),
              t.fieldNumber,
              "",
              {
                hint: t.fieldNumberHint,
                short: true,
              },
            )}
            {f.text(
              "af-neu",
              schemaField(NewActionFieldBody, "name"),
              t.fieldName,
              "",
            )}
            {colour("af-neu", "#1d4f91")}
            {f.area(
              "af-neu",
              schemaField(NewActionFieldBody, "beschreibung"),
              t.fieldDescription,
              "",
            )}
          </RecordForm>
        )}
      </EditorSection>
      {flat ? (
        ""
      ) : (
        <EditorSection id="wb-neu" title={t.newImpactAreaLegend}>
          <RecordForm
            kit={f}
            action={view.link(editorPaths.impactAreas(slug))}
            id="wb-neu"
            version={null}
            submit={t.addImpactArea}
          >
            {f.text(
              "wb-neu",
              schemaField(NewImpactAreaBody, "schluessel"),
              t.fieldKey,
              "",
              {
                hint: t.fieldKeyHint,
              },
            )}
            {f.text(
              "wb-neu",
              schemaField(NewImpactAreaBody, "name"),
              t.fieldName,
              "",
            )}
            {f.area(
              "wb-neu",
              schemaField(NewImpactAreaBody, "beschreibung"),
              t.fieldDescription,
              "",
            )}
          </RecordForm>
        </EditorSection>
      )}
    </FormFrame>
  );
}

/** Org units, each with its parent, and a form for a new one. */
export function OrgUnitsEditPage(props: StructurePageProps): JSX.Element {
  const { data } = props;
  const { view, t, slug, f } = frameOf(props);
  const kindChoices: Choice[] = data.catalogue.programme.orgUnitKinds.map(
    // The municipality keeps its own kinds, in German.
    (kind) => ({ value: kind.key, label: kind.label, lang: view.contentLang }),
  );
  const parentChoices = (except: string | null): Choice[] =>
    unitChoices(
      view,
      data.orgUnits.filter((unit) => unit.code !== except),
      t.noParent,
    );
  return (
    <FormFrame {...props} view={view} title={t.orgUnitsTitle}>
      <ol class="app-measure-list">
        {data.orgUnits.map((unit) => {
          const form = `oe-${unit.code}`;
          return (
            <li class="app-measure-list__item">
              <RecordForm
                kit={f}
                action={view.link(editorPaths.orgUnit(slug, unit.code))}
                id={form}
                version={unit.version}
                submit={t.saveOrgUnit}
                legend={t.orgUnitLegend(unit.code, unit.name)}
                legendLang={view.contentLang}
              >
                {f.text(
                  form,
                  schemaField(OrgUnitBody, "name"),
                  t.fieldName,
                  unit.name,
                )}
                <div class="app-editor-form__pair">
                  {f.select(
                    form,
                    schemaField(OrgUnitBody, "art"),
                    t.fieldKind,
                    unit.kind,
                    kindChoices,
                  )}
                  {f.select(
                    form,
                    schemaField(OrgUnitBody, "uebergeordnet"),
                    t.fieldParent,
                    unit.parentCode ?? "",
                    parentChoices(unit.code),
                  )}
                </div>
              </RecordForm>
            </li>
          );
        })}
      </ol>
      <EditorSection id="oe-neu" title={t.newOrgUnitLegend}>
        <RecordForm
          kit={f}
          action={view.link(editorPaths.orgUnits(slug))}
          id="oe-neu"
          version={null}
          submit={t.addOrgUnit}
        >
          {f.text(
            "oe-neu",
            schemaField(NewOrgUnitBody, "kuerzel"),
            t.fieldCode,
            "",
            {
              hint: t.fieldCodeHint,
            },
          )}
          {f.text(
            "oe-neu",
            schemaField(NewOrgUnitBody, "name"),
            t.fieldName,
            "",
          )}
          <div class="app-editor-form__pair">
            {f.select(
              "oe-neu",
              schemaField(NewOrgUnitBody, "art"),
              t.fieldKind,
              "division",
              kindChoices,
            )}
            {f.select(
              "oe-neu",
              schemaField(NewOrgUnitBody, "uebergeordnet"),
              t.fieldParent,
              "",
              parentChoices(null),
            )}
          </div>
        </RecordForm>
      </EditorSection>
    </FormFrame>
  );
}

/** A new project: where it goes, its keys, fields and lead unit. */
export function NewProjectPage(props: StructurePageProps): JSX.Element {
  const { data } = props;
  const { view, t, slug, f } = frameOf(props);
  const form = "projekt-neu";
  const fieldChoices: Choice[] = data.catalogue.impactAreas.flatMap((area) =>
    area.actionFields.map((field) => ({
      value: field.key,
      label: data.catalogue.programme.levels.flat
        ? `${field.number} ${field.name}`
        : `${area.name} – ${field.number} ${field.name}`,
      lang: view.contentLang,
    })),
  );
  const statusChoices: Choice[] = PROJECT_STATUSES.map((status) => ({
    value: status,
    label: view.t.projectStatus[status],
  }));
  const orgUnitChoices = unitChoices(view, data.orgUnits, t.noOrgUnit);
  return (
    <FormFrame {...props} view={view} title={t.newProjectTitle}>
      <RecordForm
        kit={f}
        action={view.link(editorPaths.projects(slug))}
        id={form}
        version={null}
        submit={t.createProject}
      >
        {f.select(
          form,
          schemaField(NewProjectBody, "aktionsfeld"),
          t.fieldActionField,
          fieldChoices[0]?.value ?? "",
          fieldChoices,
        )}
        <div class="app-editor-form__pair">
          {f.text(
            form,
            schemaField(NewProjectBody, "nummer"),
            t.fieldCodeProject,
            "",
            {
              hint: t.fieldCodeProjectHint,
            },
          )}
          {f.text(
            form,
            schemaField(NewProjectBody, "kurzname"),
            t.fieldSlug,
            "",
            {
              hint: t.fieldSlugHint,
            },
          )}
        </div>
        {f.text(form, schemaField(NewProjectBody, "titel"), t.fieldTitle, "")}
        {f.area(
          form,
          schemaField(NewProjectBody, "zusammenfassung"),
          t.fieldSummary,
          "",
        )}
        {f.select(
          form,
          schemaField(NewProjectBody, "status"),
          t.fieldStatus,
          "planned",
          statusChoices,
        )}
        {f.text(
          form,
          schemaField(NewProjectBody, "schlagwoerter"),
          t.fieldTags,
          "",
          {
            hint: t.fieldTagsHint,
          },
        )}
        {f.select(
          form,
          schemaField(NewProjectBody, "federfuehrend"),
          t.fieldLeadUnit,
          "",
          orgUnitChoices,
        )}
      </RecordForm>
    </FormFrame>
  );
}
