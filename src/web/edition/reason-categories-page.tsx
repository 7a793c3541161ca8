/**
 * The reason categories of a municipality (administrators): one form per category to
 * rename it or require a text, a button to remove it, and a form for a new one.
 */
import { Html } from "@kitajs/html";
import { CsrfField, LanguageField } from "../components/form/csrf-field.js";
import { FailedFormSummary } from "../components/error-summary/failed-form-summary.js";
import { Checkbox, TextField } from "../components/form/controls.js";
import { NoticeBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { errorOf, valueOf } from "../components/form/failed-form.js";
import { editionPaths } from "./edition-paths.js";
import { schemaField } from "../http/form-schema.js";
import { NewReasonCategoryBody, ReasonCategoryBody } from "./edition-forms.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import type { StaffFormProps } from "../editor/form-frame.js";

/** Props of the page. */
export interface ReasonCategoriesPageProps extends StaffFormProps {
  readonly slug: string;
  readonly categories: readonly {
    readonly key: string;
    readonly label: string;
    readonly requiresText: boolean;
    readonly version: number;
  }[];
}

/** The page. */
export function ReasonCategoriesPage(
  props: ReasonCategoriesPageProps,
): JSX.Element {
  const { view, slug, failed } = props;
  const t = view.t.edition;
  const checkedOf = (form: string, stored: boolean): boolean =>
    failed?.form === form ? failed.values.erlaeuterung === "ja" : stored;
  /** The hidden fields of every form; a stored category's also carry its version. */
  const hidden = (version?: number) => (
    <>
      <CsrfField token={props.csrfToken} />
      <LanguageField lang={view.lang} />
      {version === undefined ? (
        ""
      ) : (
        <input type="hidden" name="version" value={String(version)} />
      )}
    </>
  );
  return (
    <PageLayout
      view={view}
      title={t.categoriesTitle}
      requestUrl={props.requestUrl}
      site={props.chrome.site}
      account={props.chrome.account}
      navigation={props.chrome.navigation}
    >
      <FailedFormSummary
        title={view.t.editor.errorSummaryTitle}
        failed={failed}
        hideWhenEmpty
      />
      <NoticeBanner notice={props.notice} />
      <PageHeading title={t.categoriesTitle} lead={t.categoriesIntro} />
      {props.categories.map((category) => {
        const form = `kategorie-${category.key}`;
        return (
          <section
            class="app-edit-section"
            id={form}
            aria-labelledby={`${form}-titel`}
          >
            <h2
              class="app-heading-m"
              id={`${form}-titel`}
              lang={view.contentLang}
              safe
            >
              {t.categoryLegend(category.label)}
            </h2>
            <form
              method="post"
              action={`${editionPaths.category(slug, category.key)}#${form}`}
            >
              {hidden(category.version)}
              <TextField
                id={`${form}-bezeichnung`}
                {...schemaField(ReasonCategoryBody, "bezeichnung")}
                label={t.fieldLabel}
                value={valueOf(failed, form, "bezeichnung", category.label)}
                error={errorOf(failed, form, "bezeichnung")}
              />
              <Checkbox
                id={`${form}-erlaeuterung`}
                name="erlaeuterung"
                label={t.fieldRequiresText}
                checked={checkedOf(form, category.requiresText)}
              />
              <button
                class="app-button app-button--secondary"
                type="submit"
                safe
              >
                {t.categorySave}
              </button>
            </form>
            <form
              method="post"
              action={editionPaths.categoryDelete(slug, category.key)}
            >
              {hidden(category.version)}
              <button
                class="app-button app-button--secondary"
                type="submit"
                aria-label={
                  view.contentLang === undefined
                    ? `${t.categoryRemove}: ${category.label}`
                    : undefined
                }
              >
                {Html.escapeHtml(t.categoryRemove)}
                {view.contentLang === undefined ? (
                  ""
                ) : (
                  // The category's name is German: a part of the name, not of an attribute.
                  <span class="app-visually-hidden">
                    {": "}
                    <span lang={view.contentLang} safe>
                      {category.label}
                    </span>
                  </span>
                )}
              </button>
            </form>
          </section>
        );
      })}
      <section
        class="app-edit-section"
        id="kategorie-neu"
        aria-labelledby="kategorie-neu-titel"
      >
        <h2 class="app-heading-m" id="kategorie-neu-titel" safe>
          {t.newCategoryLegend}
        </h2>
        <form
          method="post"
          action={`${editionPaths.categories(slug)}#kategorie-neu`}
        >
          {hidden()}
          <TextField
            id="kategorie-neu-schluessel"
            {...schemaField(NewReasonCategoryBody, "schluessel")}
            label={t.fieldKey}
            hint={t.fieldKeyHint}
            value={valueOf(failed, "kategorie-neu", "schluessel", "")}
            error={errorOf(failed, "kategorie-neu", "schluessel")}
          />
          <TextField
            id="kategorie-neu-bezeichnung"
            {...schemaField(NewReasonCategoryBody, "bezeichnung")}
            label={t.fieldLabel}
            value={valueOf(failed, "kategorie-neu", "bezeichnung", "")}
            error={errorOf(failed, "kategorie-neu", "bezeichnung")}
          />
          <Checkbox
            id="kategorie-neu-erlaeuterung"
            name="erlaeuterung"
            label={t.fieldRequiresText}
            checked={checkedOf("kategorie-neu", false)}
          />
          <button class="app-button" type="submit" safe>
            {t.categoryAdd}
          </button>
        </form>
      </section>
    </PageLayout>
  );
}
