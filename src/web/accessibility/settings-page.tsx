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
import type { FailedForm } from "../components/form/failed-form.js";
import { StaffFormPage } from "../components/form/staff-form-page.js";
import { schemaFields } from "../components/form/schema-fields.js";
import { barrierField, StatementSettingsBody } from "./accessibility-forms.js";
import { accessibilityPaths } from "./accessibility-paths.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { SubmitForm } from "../components/form/submit-form.js";
import type { StaffFormProps } from "../editor/form-frame.js";

/** Props of the page. */
export interface StatementSettingsPageProps extends StaffFormProps {
  readonly slug: string;
  readonly settings: StatementSettings;
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
  const field = schemaFields(StatementSettingsBody, failed);
  const rows = rowCount(settings, failed);
  return (
    <StaffFormPage
      {...props}
      title={t.settingsTitle}
      errorTitle={t.errorSummaryTitle}
      intro={t.settingsIntro}
    >
      <ParagraphLink
        href={view.link(accessibilityPaths.statement(props.slug))}
        text={t.viewStatement}
      />
      <SubmitForm
        action={accessibilityPaths.settings(props.slug)}
        csrfToken={props.csrfToken}
        lang={view.lang}
        submit={t.saveSettings}
      >
        <RadioGroup
          {...field("stand", settings.status)}
          label={t.fieldStatus}
          choices={COMPLIANCE_STATUSES.map((status) => ({
            value: status,
            label: t.statusChoice[status],
          }))}
        />
        <TextField
          {...field(
            "letzte-pruefung",
            settings.lastReview === null
              ? ""
              : formatIsoDateGerman(settings.lastReview),
          )}
          label={t.fieldLastReview}
          hint={t.fieldLastReviewHint}
          width="short"
        />
        <TextField
          {...field("kontakt-email", settings.contactEmail)}
          type="email"
          autocomplete="email"
          label={t.fieldContactEmail}
        />
        <TextField
          {...field("kontakt-telefon", settings.contactPhone)}
          autocomplete="tel"
          label={t.fieldContactPhone}
        />
        <TextArea
          {...field("kontakt-anschrift", settings.contactAddress)}
          label={t.fieldContactAddress}
          rows={3}
        />
        <p class="app-hint" safe>
          {t.barriersHint}
        </p>
        {Array.from({ length: rows }, (_, row) => {
          const stored = settings.barriers[row];
          return (
            <fieldset class="app-fieldset">
              <legend
                class="app-fieldset__legend app-fieldset__legend--small"
                safe
              >
                {t.barriersLegend(row + 1)}
              </legend>
              <TextField
                {...field(barrierField.content(row), stored?.content)}
                label={t.fieldContent}
              />
              <TextArea
                {...field(barrierField.reason(row), stored?.reason)}
                label={t.fieldReason}
                rows={2}
              />
              <TextArea
                {...field(barrierField.alternative(row), stored?.alternative)}
                label={t.fieldAlternative}
                rows={2}
              />
            </fieldset>
          );
        })}
      </SubmitForm>
    </StaffFormPage>
  );
}
