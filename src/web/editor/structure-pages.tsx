/**
 * The catalogue's frame for administrators: the programme (title, horizon, vision and
 * goals, priorities of a year), impact areas and action fields (colour with its contrast),
 * org units (hierarchy), and a new project. Plain forms, one per record, each with its
 * version, the CSRF token and an optional reason.
 */
import type { Children } from "@kitajs/html";
import type { StructureForEditing } from "../../app/catalogue/read-editor.js";
import {
  listProjects,
  ORG_UNIT_KINDS,
  PROJECT_STATUSES,
} from "../../domain/catalogue/catalogue.js";
import { contrastRatio } from "../../domain/colour/contrast.js";
import { CsrfField } from "../components/csrf-field/csrf-field.js";
import { ErrorSummary } from "../components/error-summary/error-summary.js";
import {
  ColourField,
  ReasonField,
  SelectField,
  TextArea,
  type Choice,
} from "../components/form-fields/form-fields.js";
import { NotificationBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { TextField } from "../components/text-field/text-field.js";
import type { ViewContext } from "../components/view.js";
import { ConflictNotice, type ConflictView } from "./conflict-notice.js";
import { editorPaths } from "./editor-paths.js";
import {
  errorOf,
  valueOf,
  type EditorChrome,
  type FailedForm,
} from "./editor-view.js";

/** What every page of the frame gets. */
export interface StructurePageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly data: StructureForEditing;
  readonly csrfToken: string;
  readonly notice?: string | undefined;
  readonly failed?: FailedForm | undefined;
  readonly conflict?: ConflictView | undefined;
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

/** The contrast white text reaches on a colour, the German way ("8,61 : 1"). */
export function contrastText(view: ViewContext, colour: string): string {
  const ratio = contrastRatio("#ffffff", colour);
  return view.t.editor.contrastOf(
    Number.isNaN(ratio)
      ? "–"
      : `${ratio.toFixed(2).replace(".", view.lang === "de" ? "," : ".")} : 1`,
  );
}

/** The frame of these pages: banner, conflict, error summary, heading. */
function Frame(
  props: StructurePageProps & {
    readonly title: string;
    readonly children?: Children;
  },
): JSX.Element {
  const { view, failed } = props;
  const t = view.t.editor;
  const hasErrors =
    failed !== undefined &&
    (failed.summary.length > 0 || failed.messages.length > 0);
  return (
    <PageLayout
      view={view}
      title={
        hasErrors || props.conflict !== undefined
          ? `${t.errorTitlePrefix}${props.title}`
          : props.title
      }
      requestUrl={props.requestUrl}
      site={props.chrome.site}
      account={props.chrome.account}
      navigation={props.chrome.navigation}
    >
      {props.conflict === undefined ? (
        ""
      ) : (
        <ConflictNotice view={view} conflict={props.conflict} />
      )}
      {hasErrors ? (
        <ErrorSummary
          title={t.errorSummaryTitle}
          messages={failed.messages}
          links={failed.summary}
        />
      ) : (
        ""
      )}
      {props.notice === undefined ? (
        ""
      ) : (
        <NotificationBanner title={props.notice} />
      )}
      <h1 class="app-heading-xl" safe>
        {props.title}
      </h1>
      {props.children}
    </PageLayout>
  );
}

function formHelpers(props: StructurePageProps) {
  const { view, failed } = props;
  const t = view.t.editor;
  return {
    meta: (form: string, version: number | null) => {
      const sent =
        failed?.form === form && props.conflict === undefined
          ? Number(failed.values.version)
          : Number.NaN;
      const shown = Number.isInteger(sent) && sent > 0 ? sent : version;
      return (
        <>
          <CsrfField token={props.csrfToken} />
          {shown === null ? (
            ""
          ) : (
            <input type="hidden" name="version" value={String(shown)} />
          )}
        </>
      );
    },
    reason: (form: string) => (
      <ReasonField
        id={`${form}-grund`}
        value={valueOf(failed, form, "grund", "")}
        error={errorOf(failed, form, "grund")}
        summary={t.reasonSummary}
        label={t.reasonLabel}
        hint={t.reasonHint}
      />
    ),
    text: (
      form: string,
      name: string,
      label: string,
      stored: string,
      extra: { hint?: string; maxlength?: number; short?: boolean } = {},
    ) => (
      <TextField
        id={`${form}-${name}`}
        name={name}
        label={label}
        hint={extra.hint}
        width={extra.short === true ? "short" : "full"}
        value={valueOf(failed, form, name, stored)}
        error={errorOf(failed, form, name)}
        maxlength={extra.maxlength}
      />
    ),
    area: (form: string, name: string, label: string, stored: string) => (
      <TextArea
        id={`${form}-${name}`}
        name={name}
        label={label}
        value={valueOf(failed, form, name, stored)}
        error={errorOf(failed, form, name)}
        rows={3}
        maxlength={5000}
        lang={view.contentLang}
      />
    ),
    select: (
      form: string,
      name: string,
      label: string,
      stored: string,
      choices: readonly Choice[],
      hint?: string,
    ) => (
      <SelectField
        id={`${form}-${name}`}
        name={name}
        label={label}
        hint={hint}
        value={valueOf(failed, form, name, stored)}
        error={errorOf(failed, form, name)}
        choices={choices}
      />
    ),
    button: (label: string) => (
      <div class="app-button-group">
        <button type="submit" class="app-button" safe>
          {label}
        </button>
      </div>
    ),
  };
}

/** The programme: its frame and the priorities of a chosen year. */
export function ProgrammeEditPage(
  props: StructurePageProps & { readonly year: number },
): JSX.Element {
  const { view, data, failed } = props;
  const t = view.t.editor;
  const slug = data.catalogue.municipality.slug;
  const { programme } = data;
  const f = formHelpers(props);
  const form = "programm";
  const sentGoals =
    failed?.form === form ? Number(failed.values.ziele) : Number.NaN;
  const goalRows =
    Number.isInteger(sentGoals) && sentGoals > 0 && sentGoals <= 60
      ? sentGoals
      : programme.goals.length + EMPTY_ROWS;
  const priorities = programme.priorities.filter(
    (priority) => priority.year === props.year,
  );
  const priorityForm = "prioritaeten";
  const sentPriorities =
    failed?.form === priorityForm ? Number(failed.values.zeilen) : Number.NaN;
  const priorityRows =
    Number.isInteger(sentPriorities) &&
    sentPriorities > 0 &&
    sentPriorities <= 60
      ? sentPriorities
      : priorities.length + EMPTY_ROWS;
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
    <Frame {...props} title={t.programmeTitle}>
      <section
        class="app-section app-editor-section"
        aria-labelledby="abschnitt-programm"
      >
        <h2 class="app-heading-l" id="abschnitt-programm" safe>
          {t.programmeFieldsLegend}
        </h2>
        <form
          method="post"
          action={view.link(editorPaths.programme(slug))}
          class="app-editor-form"
          id={form}
        >
          {f.meta(form, programme.version)}
          <input type="hidden" name="ziele" value={String(goalRows)} />
          {f.text(form, "titel", t.fieldProgrammeTitle, programme.title, {
            maxlength: 200,
          })}
          {f.text(
            form,
            "untertitel",
            t.fieldSubtitle,
            programme.subtitle ?? "",
            { maxlength: 300 },
          )}
          <div class="app-editor-form__pair">
            {f.text(
              form,
              "von",
              t.fieldHorizonStart,
              String(programme.horizonStart),
              { maxlength: 4, short: true },
            )}
            {f.text(
              form,
              "bis",
              t.fieldHorizonEnd,
              String(programme.horizonEnd),
              { maxlength: 4, short: true },
            )}
          </div>
          {f.area(
            form,
            "einleitung",
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
              <fieldset class="app-fieldset app-responsibility-row">
                <legend
                  class="app-fieldset__legend app-fieldset__legend--small"
                  safe
                >
                  {t.goalLegend(index + 1)}
                </legend>
                {f.text(
                  form,
                  `ziel-${index}`,
                  t.fieldGoalTitle,
                  goal?.title ?? "",
                  { maxlength: 300 },
                )}
                {f.area(
                  form,
                  `ziel-${index}-text`,
                  t.fieldGoalDescription,
                  goal?.description ?? "",
                )}
              </fieldset>
            );
          })}
          {f.reason(form)}
          {f.button(t.saveProgramme)}
        </form>
      </section>

      <section
        class="app-section app-editor-section"
        aria-labelledby="abschnitt-prioritaeten"
      >
        <h2 class="app-heading-l" id="abschnitt-prioritaeten" safe>
          {t.prioritiesTitle(props.year)}
        </h2>
        <form
          method="get"
          action={view.link(editorPaths.programme(slug))}
          class="app-filter"
        >
          {view.lang === "de" ? (
            ""
          ) : (
            <input type="hidden" name="lang" value={view.lang} />
          )}
          <SelectField
            id="prioritaeten-jahr-wahl"
            name="jahr"
            label={t.fieldYear}
            value={String(props.year)}
            choices={years}
          />
          <div class="app-button-group">
            <button type="submit" class="app-button app-button--secondary" safe>
              {t.showYear}
            </button>
          </div>
        </form>
        <form
          method="post"
          action={view.link(editorPaths.priorities(slug))}
          class="app-editor-form"
          id={priorityForm}
        >
          {f.meta(priorityForm, programme.version)}
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
              <fieldset class="app-fieldset app-responsibility-row">
                <legend
                  class="app-fieldset__legend app-fieldset__legend--small"
                  safe
                >
                  {t.priorityLegend(index + 1)}
                </legend>
                {f.text(
                  priorityForm,
                  `prioritaet-${index}`,
                  t.fieldPriorityTitle,
                  priority?.title ?? "",
                  { maxlength: 300 },
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
              </fieldset>
            );
          })}
          {f.reason(priorityForm)}
          {f.button(t.savePriorities)}
        </form>
      </section>
    </Frame>
  );
}

/** Impact areas with their action fields, and forms for new ones. */
export function StructureEditPage(props: StructurePageProps): JSX.Element {
  const { view, data, failed } = props;
  const t = view.t.editor;
  const slug = data.catalogue.municipality.slug;
  const f = formHelpers(props);
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
  return (
    <Frame {...props} title={t.structureTitle}>
      {data.impactAreas.map((area) => {
        const form = `wb-${area.key}`;
        const fields = data.actionFields.filter(
          (field) => field.impactAreaKey === area.key,
        );
        return (
          <section
            class="app-section app-editor-section"
            aria-labelledby={`abschnitt-${form}`}
          >
            <h2
              class="app-heading-l"
              id={`abschnitt-${form}`}
              lang={view.contentLang}
              safe
            >
              {t.impactAreaLegend(area.name)}
            </h2>
            <form
              method="post"
              action={view.link(editorPaths.impactArea(slug, area.key))}
              class="app-editor-form"
              id={form}
            >
              {f.meta(form, area.version)}
              {f.text(form, "name", t.fieldName, area.name, { maxlength: 120 })}
              {f.area(
                form,
                "beschreibung",
                t.fieldDescription,
                area.description ?? "",
              )}
              {f.reason(form)}
              {f.button(t.saveImpactArea)}
            </form>
            {fields.map((field) => {
              const fieldForm = `af-${field.key}`;
              return (
                <form
                  method="post"
                  action={view.link(editorPaths.actionField(slug, field.key))}
                  class="app-editor-form app-phase-form"
                  id={fieldForm}
                >
                  <fieldset class="app-fieldset">
                    <legend
                      class="app-fieldset__legend"
                      lang={view.contentLang}
                      safe
                    >
                      {t.actionFieldLegend(field.number, field.name)}
                    </legend>
                    {f.meta(fieldForm, field.version)}
                    {f.text(
                      fieldForm,
                      "nummer",
                      t.fieldNumber,
                      String(field.number),
                      { hint: t.fieldNumberHint, maxlength: 2, short: true },
                    )}
                    {f.text(fieldForm, "name", t.fieldName, field.name, {
                      maxlength: 120,
                    })}
                    {colour(fieldForm, field.colour)}
                    {f.area(
                      fieldForm,
                      "beschreibung",
                      t.fieldDescription,
                      field.description ?? "",
                    )}
                    {f.reason(fieldForm)}
                    {f.button(t.saveActionField)}
                  </fieldset>
                </form>
              );
            })}
          </section>
        );
      })}
      <section
        class="app-section app-editor-section"
        aria-labelledby="abschnitt-af-neu"
      >
        <h2 class="app-heading-l" id="abschnitt-af-neu" safe>
          {t.newActionFieldLegend}
        </h2>
        <form
          method="post"
          action={view.link(editorPaths.actionFields(slug))}
          class="app-editor-form"
          id="af-neu"
        >
          {f.meta("af-neu", null)}
          {f.select(
            "af-neu",
            "wirkungsbereich",
            t.fieldImpactArea,
            data.impactAreas[0]?.key ?? "",
            areaChoices,
          )}
          {f.text("af-neu", "schluessel", t.fieldKey, "", {
            hint: t.fieldKeyHint,
            maxlength: 80,
          })}
          {f.text("af-neu", "nummer", t.fieldNumber, "", {
            hint: t.fieldNumberHint,
            maxlength: 2,
            short: true,
          })}
          {f.text("af-neu", "name", t.fieldName, "", { maxlength: 120 })}
          {colour("af-neu", "#1d4f91")}
          {f.area("af-neu", "beschreibung", t.fieldDescription, "")}
          {f.reason("af-neu")}
          {f.button(t.addActionField)}
        </form>
      </section>
      <section
        class="app-section app-editor-section"
        aria-labelledby="abschnitt-wb-neu"
      >
        <h2 class="app-heading-l" id="abschnitt-wb-neu" safe>
          {t.newImpactAreaLegend}
        </h2>
        <form
          method="post"
          action={view.link(editorPaths.impactAreas(slug))}
          class="app-editor-form"
          id="wb-neu"
        >
          {f.meta("wb-neu", null)}
          {f.text("wb-neu", "schluessel", t.fieldKey, "", {
            hint: t.fieldKeyHint,
            maxlength: 80,
          })}
          {f.text("wb-neu", "name", t.fieldName, "", { maxlength: 120 })}
          {f.area("wb-neu", "beschreibung", t.fieldDescription, "")}
          {f.reason("wb-neu")}
          {f.button(t.addImpactArea)}
        </form>
      </section>
    </Frame>
  );
}

/** Org units, each with its parent, and a form for a new one. */
export function OrgUnitsEditPage(props: StructurePageProps): JSX.Element {
  const { view, data } = props;
  const t = view.t.editor;
  const slug = data.catalogue.municipality.slug;
  const f = formHelpers(props);
  const kindChoices: Choice[] = ORG_UNIT_KINDS.map((kind) => ({
    value: kind,
    label: t.orgUnitKind[kind] ?? kind,
  }));
  const parentChoices = (except: string | null): Choice[] => [
    { value: "", label: t.noParent },
    ...data.orgUnits
      .filter((unit) => unit.code !== except)
      .map((unit) => ({
        value: unit.code,
        label: unitLabel(unit),
        lang: view.contentLang,
      })),
  ];
  return (
    <Frame {...props} title={t.orgUnitsTitle}>
      <ol class="app-measure-list">
        {data.orgUnits.map((unit) => {
          const form = `oe-${unit.code}`;
          return (
            <li class="app-measure-list__item">
              <form
                method="post"
                action={view.link(editorPaths.orgUnit(slug, unit.code))}
                class="app-editor-form"
                id={form}
              >
                <fieldset class="app-fieldset">
                  <legend
                    class="app-fieldset__legend"
                    lang={view.contentLang}
                    safe
                  >
                    {t.orgUnitLegend(unit.code, unit.name)}
                  </legend>
                  {f.meta(form, unit.version)}
                  {f.text(form, "name", t.fieldName, unit.name, {
                    maxlength: 200,
                  })}
                  <div class="app-editor-form__pair">
                    {f.select(form, "art", t.fieldKind, unit.kind, kindChoices)}
                    {f.select(
                      form,
                      "uebergeordnet",
                      t.fieldParent,
                      unit.parentCode ?? "",
                      parentChoices(unit.code),
                    )}
                  </div>
                  {f.reason(form)}
                  {f.button(t.saveOrgUnit)}
                </fieldset>
              </form>
            </li>
          );
        })}
      </ol>
      <section
        class="app-section app-editor-section"
        aria-labelledby="abschnitt-oe-neu"
      >
        <h2 class="app-heading-l" id="abschnitt-oe-neu" safe>
          {t.newOrgUnitLegend}
        </h2>
        <form
          method="post"
          action={view.link(editorPaths.orgUnits(slug))}
          class="app-editor-form"
          id="oe-neu"
        >
          {f.meta("oe-neu", null)}
          {f.text("oe-neu", "kuerzel", t.fieldCode, "", {
            hint: t.fieldCodeHint,
            maxlength: 40,
          })}
          {f.text("oe-neu", "name", t.fieldName, "", { maxlength: 200 })}
          <div class="app-editor-form__pair">
            {f.select("oe-neu", "art", t.fieldKind, "division", kindChoices)}
            {f.select(
              "oe-neu",
              "uebergeordnet",
              t.fieldParent,
              "",
              parentChoices(null),
            )}
          </div>
          {f.reason("oe-neu")}
          {f.button(t.addOrgUnit)}
        </form>
      </section>
    </Frame>
  );
}

/** A new project: where it goes, its keys, fields and lead unit. */
export function NewProjectPage(props: StructurePageProps): JSX.Element {
  const { view, data } = props;
  const t = view.t.editor;
  const slug = data.catalogue.municipality.slug;
  const f = formHelpers(props);
  const form = "projekt-neu";
  const fieldChoices: Choice[] = data.catalogue.impactAreas.flatMap((area) =>
    area.actionFields.map((field) => ({
      value: field.key,
      label: `${area.name} – ${field.number} ${field.name}`,
      lang: view.contentLang,
    })),
  );
  const statusChoices: Choice[] = PROJECT_STATUSES.map((status) => ({
    value: status,
    label: view.t.projectStatus[status],
  }));
  const unitChoices: Choice[] = [
    { value: "", label: t.noOrgUnit },
    ...data.orgUnits.map((unit) => ({
      value: unit.code,
      label: unitLabel(unit),
      lang: view.contentLang,
    })),
  ];
  return (
    <Frame {...props} title={t.newProjectTitle}>
      <form
        method="post"
        action={view.link(editorPaths.projects(slug))}
        class="app-editor-form"
        id={form}
      >
        {f.meta(form, null)}
        {f.select(
          form,
          "aktionsfeld",
          t.fieldActionField,
          fieldChoices[0]?.value ?? "",
          fieldChoices,
        )}
        <div class="app-editor-form__pair">
          {f.text(form, "nummer", t.fieldCodeProject, "", {
            hint: t.fieldCodeProjectHint,
            maxlength: 20,
          })}
          {f.text(form, "kurzname", t.fieldSlug, "", {
            hint: t.fieldSlugHint,
            maxlength: 80,
          })}
        </div>
        {f.text(form, "titel", t.fieldTitle, "", { maxlength: 200 })}
        {f.area(form, "zusammenfassung", t.fieldSummary, "")}
        {f.select(form, "status", t.fieldStatus, "planned", statusChoices)}
        {f.text(form, "schlagwoerter", t.fieldTags, "", {
          hint: t.fieldTagsHint,
        })}
        {f.select(form, "federfuehrend", t.fieldLeadUnit, "", unitChoices)}
        {f.reason(form)}
        {f.button(t.createProject)}
      </form>
    </Frame>
  );
}
