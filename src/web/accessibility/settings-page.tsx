/**
 * The form for a municipality's accessibility statement (administrators): status, last
 * review, contact, and the known non-accessible content as rows of content, reason and
 * alternative (the stored rows and one empty row). Posted like every other editor form.
 */
import {
  COMPLIANCE_STATUSES,
  MAX_KNOWN_BARRIERS,
  type StatementSettings,
} from "../../domain/accessibility/statement.js";
import { formatIsoDateGerman } from "../../domain/calendar/calendar.js";
import {
  RadioGroup,
  TextArea,
  TextField,
} from "../components/form/controls.js";
import { CsrfField, LanguageField } from "../components/form/csrf-field.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { StaffFormPage } from "../components/form/staff-form-page.js";
import { schemaField, type RowFieldName } from "../http/form-schema.js";
import type { ViewContext } from "../components/view.js";
import type { EditorChrome } from "../editor/editor-view.js";
import { barrierField, StatementSettingsBody } from "./accessibility-forms.js";
import { accessibilityPaths } from "./accessibility-paths.js";

/** Props of the page. */
export interface StatementSettingsPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly slug: string;
  readonly settings: StatementSettings;
  readonly csrfToken: string;
  readonly notice?: string | undefined;
  readonly failed?: FailedForm | undefined;
}

/** How many rows the form shows: the stored or typed ones and one empty row. */
function rowCount(settings: StatementSettings, failed?: FailedForm): number {
  let typed = 0;
  for (let row = 0; row < MAX_KNOWN_BARRIERS; row++) {
    const values = failed?.values ?? {};
    if (
      (values[barrierField.content(row)] ?? "") !== "" ||
      (values[barrierField.reason(row)] ?? "") !== "" ||
      (values[barrierField.alternative(row)] ?? "") !== ""
    )
      typed = row + 1;
  }
  const filled = failed === undefined ? settings.barriers.length : typed;
  return Math.min(MAX_KNOWN_BARRIERS, filled + 1);
}

/** The page. */
export function StatementSettingsPage(
  props: StatementSettingsPageProps,
): JSX.Element {
  const { view, settings, failed } = props;
  const t = view.t.accessibility;
  const value = (field: string, stored: string): string =>
    failed?.values[field] ?? stored;
  const rows = rowCount(settings, failed);
  const limit = (
    field: keyof typeof StatementSettingsBody.properties | RowFieldName,
  ): number | undefined => schemaField(StatementSettingsBody, field).maxlength;
  return (
    <StaffFormPage
      view={view}
      title={t.settingsTitle}
      requestUrl={props.requestUrl}
      chrome={props.chrome}
      errorTitle={t.errorSummaryTitle}
      failed={failed}
      notice={props.notice}
      intro={t.settingsIntro}
    >
      <p class="app-body-text">
        <a
          class="app-link"
          href={view.link(accessibilityPaths.statement(props.slug))}
          safe
        >
          {t.viewStatement}
        </a>
      </p>
      <form
        method="post"
        action={accessibilityPaths.settings(props.slug)}
        novalidate
      >
        <CsrfField token={props.csrfToken} />
        <LanguageField lang={view.lang} />
        <RadioGroup
          id="stand"
          name="stand"
          label={t.fieldStatus}
          value={value("stand", settings.status)}
          choices={COMPLIANCE_STATUSES.map((status) => ({
            value: status,
            label: t.statusChoice[status],
          }))}
          error={failed?.errors.stand}
        />
        <TextField
          id="letzte-pruefung"
          name="letzte-pruefung"
          label={t.fieldLastReview}
          hint={t.fieldLastReviewHint}
          value={value(
            "letzte-pruefung",
            settings.lastReview === null
              ? ""
              : formatIsoDateGerman(settings.lastReview),
          )}
          error={failed?.errors["letzte-pruefung"]}
          maxlength={limit("letzte-pruefung")}
          width="short"
        />
        <TextField
          id="kontakt-email"
          name="kontakt-email"
          type="email"
          autocomplete="email"
          label={t.fieldContactEmail}
          value={value("kontakt-email", settings.contactEmail)}
          error={failed?.errors["kontakt-email"]}
          maxlength={limit("kontakt-email")}
        />
        <TextField
          id="kontakt-telefon"
          name="kontakt-telefon"
          autocomplete="tel"
          label={t.fieldContactPhone}
          value={value("kontakt-telefon", settings.contactPhone)}
          error={failed?.errors["kontakt-telefon"]}
          maxlength={limit("kontakt-telefon")}
        />
        <TextArea
          id="kontakt-anschrift"
          name="kontakt-anschrift"
          label={t.fieldContactAddress}
          value={value("kontakt-anschrift", settings.contactAddress)}
          error={failed?.errors["kontakt-anschrift"]}
          rows={3}
          maxlength={limit("kontakt-anschrift")}
        />
        <p class="app-hint" safe>
          {t.barriersHint}
        </p>
        {Array.from({ length: rows }, (_, row) => {
          const stored = settings.barriers[row];
          const content = barrierField.content(row);
          const reason = barrierField.reason(row);
          const alternative = barrierField.alternative(row);
          return (
            <fieldset class="app-fieldset">
              <legend
                class="app-fieldset__legend app-fieldset__legend--small"
                safe
              >
                {t.barriersLegend(row + 1)}
              </legend>
              <TextField
                id={content}
                name={content}
                label={t.fieldContent}
                value={value(content, stored?.content ?? "")}
                error={failed?.errors[content]}
                maxlength={limit(content)}
              />
              <TextArea
                id={reason}
                name={reason}
                label={t.fieldReason}
                value={value(reason, stored?.reason ?? "")}
                error={failed?.errors[reason]}
                rows={2}
                maxlength={limit(reason)}
              />
              <TextArea
                id={alternative}
                name={alternative}
                label={t.fieldAlternative}
                value={value(alternative, stored?.alternative ?? "")}
                error={failed?.errors[alternative]}
                rows={2}
                maxlength={limit(alternative)}
              />
            </fieldset>
          );
        })}
        <button class="app-button" type="submit" safe>
          {t.saveSettings}
        </button>
      </form>
    </StaffFormPage>
  );
}
