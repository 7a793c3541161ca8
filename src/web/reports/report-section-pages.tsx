/**
 * The section editor of a draft report: the list of its sections in their order (move
 * up and down with plain buttons, edit, remove), the form of one section (new or
 * changed) and the confirmation page before a section is removed.
 */
import { LanguageField } from "../components/form/csrf-field.js";
import type { ReportSectionsForEditing } from "../../app/reports/report-sections.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import {
  FREE_SECTION_KINDS,
  type FreeSectionKind,
  type StoredReportSection,
} from "../../domain/report/report-free-sections.js";
import {
  RadioGroup,
  SelectField,
  type Choice,
} from "../components/form/controls.js";
import { errorOf, valueOf, valuesOf } from "../components/form/failed-form.js";
import { formKit } from "../components/form/form-kit.js";
import type { ViewContext } from "../components/view.js";
import {
  FormFrame,
  type FormPageProps,
  EditorSection,
} from "../editor/form-frame.js";
import { schemaField } from "../http/form-schema.js";
import {
  answerLines,
  MoveSectionBody,
  NewSectionBody,
  SECTION_KIND_SLUGS,
  SectionBody,
} from "./report-section-forms.js";
import { reportPaths } from "./report-paths.js";
import { sectionPaths } from "./report-section-paths.js";
import { VersionedForm } from "../components/form/record-form.js";
import { RemoveConfirmationPage } from "./remove-confirmation.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { DataTable } from "../components/data-table/data-table.js";

/** What the section pages show. */
type SectionPageProps = FormPageProps & {
  readonly data: ReportSectionsForEditing;
};

/** The name of a section in lists and buttons: its heading, or its kind's usual one. */
export function sectionName(
  view: ViewContext,
  section: Pick<StoredReportSection, "kind" | "heading">,
): string {
  return section.heading === ""
    ? view.t.reportSections.defaultHeading[section.kind]
    : section.heading;
}

/** The report as a page names it: its title and number are German, so English pages say "Status report". */
function reportTitle(
  view: ViewContext,
  data: ReportSectionsForEditing,
): string {
  const { report, summary } = data.report;
  return view.t.reports.reportPageTitle(
    view.t.reports.numberedTitle(report.title, summary.number),
    `${summary.meeting.committeeAbbreviation} ${formatGermanDate(summary.meeting.day)}`,
  );
}

function BackLinks(props: {
  readonly view: ViewContext;
  readonly data: ReportSectionsForEditing;
  readonly toList?: boolean;
}): JSX.Element {
  const { view, data } = props;
  const slug = data.report.catalogue.municipality.slug;
  const id = data.report.summary;
  return (
    <p class="app-body-text">
      {props.toList === true ? (
        <>
          <a
            class="app-link"
            href={view.link(sectionPaths.list(slug, id))}
            safe
          >
            {view.t.reportSections.sectionsHeading}
          </a>{" "}
          ·{" "}
        </>
      ) : (
        ""
      )}
      <a
        class="app-link"
        href={view.link(reportPaths.staffReport(slug, id))}
        safe
      >
        {reportTitle(view, data)}
      </a>
    </p>
  );
}

/** The sections of a report in their order, with the buttons that change it. */
export function ReportSectionsPage(props: SectionPageProps): JSX.Element {
  const { view, data } = props;
  const t = view.t.reportSections;
  const f = formKit(props);
  const slug = data.report.catalogue.municipality.slug;
  const id = data.report.summary;
  const isDraft = data.report.report.status === "draft";
  const version = data.report.report.version;
  const present = new Set(data.sections.map((section) => section.kind));
  const addable = FREE_SECTION_KINDS.filter(
    (kind) =>
      !(kind === "introduction" || kind === "outlook") || !present.has(kind),
  );
  const moveButton = (
    section: StoredReportSection,
    direction: "hoch" | "runter",
  ) => {
    const form = `abschnitt-${section.id}-${direction}`;
    const name = sectionName(view, section);
    return (
      <VersionedForm
        kit={f}
        action={view.link(sectionPaths.move(slug, id, section.id))}
        id={form}
        version={version}
        class="app-inline-form"
      >
        <input
          type="hidden"
          name={schemaField(MoveSectionBody, "richtung").name}
          value={direction}
        />
        <button
          type="submit"
          class="app-button app-button--secondary app-button--small"
          aria-label={
            direction === "hoch" ? t.moveUpLabel(name) : t.moveDownLabel(name)
          }
          safe
        >
          {direction === "hoch" ? t.moveUp : t.moveDown}
        </button>
      </VersionedForm>
    );
  };
  return (
    <FormFrame
      {...props}
      title={`${t.sectionsHeading} – ${reportTitle(view, data)}`}
      lead={t.sectionsLead}
    >
      {!isDraft ? (
        <p class="app-warning-text" safe>
          {view.t.reports.publishedImmutable}
        </p>
      ) : (
        ""
      )}
      <ItemsOrNone items={data.sections} none={t.sectionsNone}>
        <DataTable
          id="abschnitte"
          caption={t.sectionsCaption}
          columns={[
            t.columnPosition,
            t.columnKind,
            t.columnHeading,
            t.columnActions,
          ]}
        >
          {data.sections.map((section, index) => {
            const name = sectionName(view, section);
            return (
              <tr class="app-table__row" id={`abschnitt-${section.id}`}>
                <td class="app-table__cell" safe>
                  {String(index + 1)}
                </td>
                <td class="app-table__cell" safe>
                  {t.kinds[section.kind]}
                </td>
                <th
                  scope="row"
                  class="app-table__header"
                  lang={view.contentLang}
                  safe
                >
                  {name}
                </th>
                <td class="app-table__cell">
                  {isDraft ? (
                    <div class="app-button-group app-button-group--inline">
                      {index > 0 ? moveButton(section, "hoch") : ""}
                      {index < data.sections.length - 1
                        ? moveButton(section, "runter")
                        : ""}
                      {section.kind === "projects" ? (
                        ""
                      ) : (
                        <>
                          <a
                            class="app-link"
                            href={view.link(
                              sectionPaths.section(slug, id, section.id),
                            )}
                            aria-label={t.editLabel(name)}
                            safe
                          >
                            {t.edit}
                          </a>
                          <a
                            class="app-link"
                            href={view.link(
                              sectionPaths.remove(slug, id, section.id),
                            )}
                            aria-label={t.removeLabel(name)}
                            safe
                          >
                            {t.remove}
                          </a>
                        </>
                      )}
                    </div>
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </ItemsOrNone>
      {isDraft && addable.length > 0 ? (
        <EditorSection id="hinzufuegen" title={t.addHeading}>
          <form
            method="get"
            action={view.link(sectionPaths.create(slug, id))}
            class="app-editor-form"
            id="abschnitt-art"
            novalidate
          >
            <LanguageField lang={view.lang} />
            <SelectField
              id="abschnitt-art-art"
              name="art"
              label={t.addKind}
              value={SECTION_KIND_SLUGS[addable[0] ?? "topic"]}
              choices={addable.map((kind) => ({
                value: SECTION_KIND_SLUGS[kind],
                label: t.kinds[kind],
              }))}
            />
            {f.button(t.addButton)}
          </form>
        </EditorSection>
      ) : (
        ""
      )}
      <BackLinks view={view} data={data} />
    </FormFrame>
  );
}

/** The form of one section: a new one of a kind, or an existing one. */
export function ReportSectionFormPage(
  props: SectionPageProps & {
    readonly kind: FreeSectionKind;
    /** The section changed; undefined for a new one. */
    readonly section?: StoredReportSection;
  },
): JSX.Element {
  const { view, data, failed, section, kind } = props;
  const t = view.t.reportSections;
  const f = formKit(props);
  const slug = data.report.catalogue.municipality.slug;
  const id = data.report.summary;
  const form =
    section === undefined ? "abschnitt-neu" : `abschnitt-${section.id}`;
  const Body = section === undefined ? NewSectionBody : SectionBody;
  const stored = section ?? {
    heading: "",
    text: "",
    figureKeys: [],
    projectSlugs: [],
    question: "",
    unit: "count" as const,
    answers: [],
  };
  const field = (
    name: Exclude<keyof (typeof SectionBody)["properties"], number | symbol>,
  ) => schemaField(Body, name);
  const figureChoices: Choice[] = data.indicators.map((indicator) => ({
    value: indicator.key,
    label: indicator.name,
    lang: view.contentLang,
  }));
  const projectChoices: Choice[] = listProjects(data.report.catalogue).map(
    ({ project }) => ({
      value: project.slug,
      label: `${project.code} ${project.title}`,
      lang: view.contentLang,
    }),
  );
  /** A list to pick several from, showing again what a failed form sent. */
  const multiSelect = (
    name: string,
    label: string,
    hint: string,
    stored: readonly string[],
    choices: readonly Choice[],
  ) => (
    <SelectField
      id={`${form}-${name}`}
      name={name}
      label={label}
      hint={hint}
      value=""
      multiple
      values={valuesOf(failed, form, name, stored)}
      error={errorOf(failed, form, name)}
      choices={choices}
    />
  );
  const title =
    section === undefined
      ? t.newTitle(t.kinds[kind])
      : t.editTitle(t.kinds[kind]);
  return (
    <FormFrame {...props} title={`${title} – ${reportTitle(view, data)}`}>
      <VersionedForm
        kit={f}
        action={view.link(
          section === undefined
            ? sectionPaths.list(slug, id)
            : sectionPaths.section(slug, id, section.id),
        )}
        id={form}
        version={data.report.report.version}
      >
        {section === undefined ? (
          <input type="hidden" name="art" value={SECTION_KIND_SLUGS[kind]} />
        ) : (
          ""
        )}
        {f.text(
          form,
          field("ueberschrift"),
          kind === "topic" ? t.fieldHeadingRequired : t.fieldHeading,
          stored.heading,
          kind === "topic" ? {} : { hint: t.fieldHeadingHint },
        )}
        {kind === "survey" ? (
          <>
            {f.text(form, field("frage"), t.fieldQuestion, stored.question)}
            <RadioGroup
              id={`${form}-einheit`}
              name="einheit"
              label={t.fieldUnit}
              value={valueOf(
                failed,
                form,
                "einheit",
                stored.unit === "percent" ? "prozent" : "anzahl",
              )}
              error={errorOf(failed, form, "einheit")}
              choices={[
                { value: "anzahl", label: t.unitCount },
                { value: "prozent", label: t.unitPercent },
              ]}
            />
            {f.area(
              form,
              field("antworten"),
              t.fieldAnswers,
              answerLines(stored.answers),
              { hint: t.fieldAnswersHint, rows: 6 },
            )}
          </>
        ) : (
          ""
        )}
        {f.area(form, field("text"), t.fieldText, stored.text, {
          hint: t.fieldTextHint,
          rows: kind === "survey" ? 3 : 8,
        })}
        {kind === "topic" ? (
          <>
            {figureChoices.length === 0
              ? ""
              : multiSelect(
                  "kennzahlen",
                  t.fieldFigures,
                  t.fieldFiguresHint,
                  stored.figureKeys,
                  figureChoices,
                )}
            {multiSelect(
              "projekte",
              t.fieldProjects,
              t.fieldProjectsHint,
              stored.projectSlugs,
              projectChoices,
            )}
          </>
        ) : (
          ""
        )}
        {f.reason(form)}
        {f.button(t.save)}
      </VersionedForm>
      <BackLinks view={view} data={data} toList />
    </FormFrame>
  );
}

/** "Abschnitt „…“ entfernen?": the step before a section is removed. */
export function RemoveSectionPage(
  props: SectionPageProps & { readonly section: StoredReportSection },
): JSX.Element {
  const { view, data, section } = props;
  const t = view.t.reportSections;
  const slug = data.report.catalogue.municipality.slug;
  const id = data.report.summary;
  return (
    <RemoveConfirmationPage
      {...props}
      title={t.removeTitle(sectionName(view, section))}
      text={t.removeText}
      form={`abschnitt-${section.id}-entfernen`}
      action={view.link(sectionPaths.remove(slug, id, section.id))}
      version={data.report.report.version}
      confirm={t.removeConfirm}
      cancel={t.cancel}
      cancelHref={view.link(sectionPaths.list(slug, id))}
    />
  );
}
