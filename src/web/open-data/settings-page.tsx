/**
 * The open data settings of a municipality (administrators): licence, amtlicher
 * Regionalschlüssel and the websites that may embed its pages. One form, posted like every
 * other editor form (CSRF field, 303 back with a notice, problems shown at their fields).
 */
import type { OpenDataSettings } from "../../app/open-data/settings.js";
import { LICENCES } from "../../domain/open-data/licences.js";
import { CsrfField, LanguageField } from "../components/form/csrf-field.js";
import {
  RadioGroup,
  TextArea,
  TextField,
} from "../components/form/controls.js";
import { StaffFormPage } from "../components/form/staff-form-page.js";
import type { ViewContext } from "../components/view.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { schemaFields } from "../components/form/schema-fields.js";
import type { EditorChrome } from "../editor/editor-view.js";
import { OpenDataSettingsBody, OparlSyncBody } from "./open-data-forms.js";
import { openDataPaths } from "./open-data-paths.js";

/** Props of the page. */
export interface OpenDataSettingsPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly settings: OpenDataSettings;
  readonly csrfToken: string;
  readonly notice?: string | undefined;
  readonly failed?: FailedForm | undefined;
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
      view={view}
      title={t.settingsTitle}
      requestUrl={props.requestUrl}
      chrome={props.chrome}
      errorTitle={t.errorSummaryTitle}
      failed={failed}
      notice={props.notice}
      intro={t.settingsIntro}
    >
      <form method="post" action={openDataPaths.settings(slug)}>
        <CsrfField token={props.csrfToken} />
        <LanguageField lang={view.lang} />
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
        <button class="app-button" type="submit" safe>
          {t.saveSettings}
        </button>
      </form>
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
      <form method="post" action={view.link(openDataPaths.oparlSync(slug))}>
        <CsrfField token={props.csrfToken} />
        <TextField
          {...oparlField("oparl-adresse", settings.oparlEndpoint ?? "")}
          label={t.fieldOparlEndpoint}
          hint={t.fieldOparlEndpointHint}
          spellcheck={false}
        />
        <button class="app-button" type="submit" safe>
          {t.oparlSyncButton}
        </button>
      </form>
    </StaffFormPage>
  );
}
