/**
 * The timeline's filters as a plain GET form with three selects, so that filtering works
 * without JavaScript and every selection has its own URL. Choosing in a select changes
 * nothing until the person confirms with the button (WCAG 3.2.2: an arrow key in a closed
 * select must not reload the page); the hint that says so is tied to every select. With
 * JavaScript, app.js only leaves empty choices out of the URL.
 */
import { LanguageField } from "../form/csrf-field.js";
import type {
  ActionField,
  Catalogue,
  OrgUnit,
} from "../../../domain/catalogue/catalogue.js";
import {
  allActionFields,
  PROJECT_STATUSES,
  visibleImpactAreas,
} from "../../../domain/catalogue/catalogue.js";
import type { CatalogueFilter } from "../../../domain/catalogue/catalogue-filter.js";
import type { Children } from "@kitajs/html";
import type { ViewContext } from "../view.js";
import { SubmitButtons } from "../form/submit-buttons.js";

/** Props of the timeline filter form. */
export interface TimelineFilterProps {
  readonly view: ViewContext;
  readonly action: string;
  readonly catalogue: Catalogue;
  readonly filter: CatalogueFilter;
  /** The editions the timeline can be compared with (select "vergleich"); absent when there are none. */
  readonly comparison?:
    | {
        readonly options: readonly {
          readonly value: string;
          readonly label: string;
        }[];
        readonly selected: string | null;
      }
    | undefined;
}

/** The id of the hint that choosing alone changes nothing. */
const HINT_ID = "filter-hinweis";

/** The filter form above the timeline. */
export function TimelineFilter(props: TimelineFilterProps): JSX.Element {
  const { view, catalogue, filter } = props;
  const { t } = view;
  return (
    <form
      class="app-filter"
      method="get"
      action={props.action}
      data-module="app-filter-form"
    >
      <LanguageField lang={view.lang} />
      <fieldset class="app-fieldset">
        <legend class="app-fieldset__legend" safe>
          {t.timelineFilterLegend}
        </legend>
        <div class="app-filter__fields">
          <FilterSelect
            name="aktionsfeld"
            label={t.timelineFilterActionField}
            none={t.timelineFilterAll}
            isNoneSelected={filter.actionFieldKey === null}
          >
            {catalogue.programme.levels.flat
              ? actionFieldOptions(allActionFields(catalogue), filter)
              : visibleImpactAreas(catalogue).map((area) => (
                  <optgroup label={area.name}>
                    {actionFieldOptions(area.actionFields, filter)}
                  </optgroup>
                ))}
          </FilterSelect>
          <FilterSelect
            name="einheit"
            label={t.timelineFilterOrgUnit}
            hint={t.timelineFilterOrgUnitHint}
            none={t.timelineFilterAll}
            isNoneSelected={filter.orgUnitCode === null}
          >
            {orderedUnits(catalogue.orgUnits).map(({ unit, depth }) => (
              <option
                value={unit.code}
                selected={filter.orgUnitCode === unit.code}
                lang={view.contentLang}
                safe
              >
                {`${"\u2003".repeat(depth)}${unit.name}`}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            name="status"
            label={t.timelineFilterStatus}
            none={t.timelineFilterAll}
            isNoneSelected={filter.status === null}
          >
            {PROJECT_STATUSES.map((status) => (
              <option value={status} selected={filter.status === status} safe>
                {t.projectStatus[status]}
              </option>
            ))}
          </FilterSelect>
          {props.comparison === undefined ||
          props.comparison.options.length === 0 ? (
            ""
          ) : (
            <FilterSelect
              name="vergleich"
              label={t.edition.comparisonLabel}
              hint={t.edition.comparisonHint}
              none={t.edition.comparisonNone}
              isNoneSelected={props.comparison.selected === null}
            >
              {props.comparison.options.map((option) => (
                <option
                  value={option.value}
                  selected={props.comparison?.selected === option.value}
                  safe
                >
                  {option.label}
                </option>
              ))}
            </FilterSelect>
          )}
        </div>
      </fieldset>
      <p class="app-hint app-filter__auto-hint" id={HINT_ID} safe>
        {t.timelineFilterAutoHint}
      </p>
      <SubmitButtons label={t.timelineFilterSubmit} kind="secondary">
        <a class="app-link" href={view.link(props.action)} safe>
          {t.timelineFilterReset}
        </a>
      </SubmitButtons>
    </form>
  );
}

/** The choices of one list of action fields, each by its number and name. */
function actionFieldOptions(
  fields: readonly ActionField[],
  filter: CatalogueFilter,
): JSX.Element[] {
  return fields.map((field) => (
    <option
      value={field.key}
      selected={filter.actionFieldKey === field.key}
      safe
    >
      {`${field.number} ${field.name}`}
    </option>
  ));
}

/**
 * One select of the filter (`filter-<name>`): its label, an optional hint, the choice of
 * no filter first, then the options; described by its hint and the form's hint.
 */
function FilterSelect(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  none: string;
  isNoneSelected: boolean;
  children: Children;
}): JSX.Element {
  const id = `filter-${props.name}`;
  const hintId = `${id}-hinweis`;
  return (
    <div class="app-form-group">
      <label class="app-label" for={id} safe>
        {props.label}
      </label>
      {props.hint === undefined ? (
        ""
      ) : (
        <p class="app-hint" id={hintId} safe>
          {props.hint}
        </p>
      )}
      <select
        class="app-select"
        id={id}
        name={props.name}
        aria-describedby={
          props.hint === undefined ? HINT_ID : `${hintId} ${HINT_ID}`
        }
      >
        <option value="" selected={props.isNoneSelected} safe>
          {props.none}
        </option>
        {props.children}
      </select>
    </div>
  );
}

/** Units in catalogue order with each unit's children right below it, indented by depth. */
function orderedUnits(
  units: readonly OrgUnit[],
): readonly { unit: OrgUnit; depth: number }[] {
  const codes = new Set(units.map((unit) => unit.code));
  const result: { unit: OrgUnit; depth: number }[] = [];
  const visit = (parentCode: string | null, depth: number): void => {
    for (const unit of units) {
      const parent =
        unit.parentCode !== null && codes.has(unit.parentCode)
          ? unit.parentCode
          : null;
      if (parent !== parentCode) continue;
      result.push({ unit, depth });
      // Depth 5 is far beyond any real hierarchy and guards against a corrupt cycle.
      if (depth < 5) visit(unit.code, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}
