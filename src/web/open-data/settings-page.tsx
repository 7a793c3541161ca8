/**
 * The open data settings of a municipality (administrators): licence, amtlicher
 * Regionalschlüssel and the websites that may embed its pages. One form, posted like every
 * other editor form (CSRF field, 303 back with a notice, problems shown at their fields).
 */
import type { OpenDataSettings } from "../../app/open-data/settings.js";
import { LICENCES } from "../../domain/open-data/licences.js";
import {
  RadioGroup,
  TextArea,
  TextField,
} from "../components/form/controls.js";
import { StaffFormPage } from "../components/form/staff-form-page.js";
import { schemaFields } from "../components/form/schema-fields.js";
import { OpenDataSettingsBody, OparlSyncBody } from "./open-data-forms.js";
import { openDataPaths } from "./open-data-paths.js";
import { SubmitForm } from "../components/form/submit-form.js";
import type { StaffFormProps } from "../editor/form-frame.js";

/** Props of the page. */
export interface OpenDataSettingsPageProps extends StaffFormProps {
  readonly settings: OpenDataSettings;
}

/** The page. */
export function OpenDataSettingsPage(
  props: OpenDataSettingsPageProps,
): JSX.Element {
  const { view, settings, failed } = props;
  const t = view.t.openData;
  const slug = settings.municipality.slug;
  const field = schemaFields(OpenDataSettingsBody, failed);
  const oparlField = schemaFields(OparlSyncBody, failed);
  return (
    <StaffFormPage
      {...props}
      title={t.settingsTitle}
      errorTitle={t.errorSummaryTitle}
      intro={t.settingsIntro}
    >
      <SubmitForm
        action={openDataPaths.settings(slug)}
        csrfToken={props.csrfToken}
        lang={view.lang}
        submit={t.saveSettings}
      >
        <RadioGroup
          {...field("lizenz", settings.licence.key)}
          label={t.fieldLicence}
          choices={LICENCES.map((licence) => ({
            value: licence.key,
            label: licence.name,
            lang: "de",
          }))}
        />
        <TextField
          {...field("regionalschluessel", settings.regionalKey ?? "")}
          label={t.fieldRegionalKey}
          hint={t.fieldRegionalKeyHint}
          inputmode="numeric"
          width="short"
        />
        <TextArea
          {...field("einbettung", settings.embedOrigins.join("\n"))}
          label={t.fieldEmbedOrigins}
          hint={t.fieldEmbedOriginsHint}
          rows={4}
        />
      </SubmitForm>
      <h2 class="app-heading-l" id="oparl" safe>
        {t.oparlTitle}
      </h2>
      <p class="app-body-text" safe>
        {t.oparlIntro}
      </p>
      <p class="app-body-text" safe>
        {settings.oparlEndpoint === null
          ? t.oparlNeverSynced
          : t.oparlLastEndpoint(settings.oparlEndpoint)}
      </p>
      <SubmitForm
        action={view.link(openDataPaths.oparlSync(slug))}
        csrfToken={props.csrfToken}
        submit={t.oparlSyncButton}
      >
        <TextField
          {...oparlField("oparl-adresse", settings.oparlEndpoint ?? "")}
          label={t.fieldOparlEndpoint}
          hint={t.fieldOparlEndpointHint}
          spellcheck={false}
        />
      </SubmitForm>
    </StaffFormPage>
  );
}
