/**
 * The OZG service register in the editor: the report figures and the maturity chart as of
 * a chosen day, the services valid on that day, export and import (CSV, XLSX), and one
 * service with its history and — for administrators — the form to correct it or record a
 * new state from a day on.
 */
import type {
  RegisterForStaff,
  StoredService,
} from "../../app/services/read-register.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import { layoutMaturityChart } from "../../domain/service/maturity-chart.js";
import {
  MATURITY_MODEL_VERSIONS,
  SERVICE_CHANNELS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
  type Maturity,
  type Service,
} from "../../domain/service/service.js";
import {
  RadioGroup,
  type Choice,
  TextField,
} from "../components/form/controls.js";
import { MaturityFigure } from "../components/maturity-chart/maturity-chart.js";
import { errorOf, valueOf } from "../components/form/failed-form.js";
import { formKit } from "../components/form/form-kit.js";
import {
  EditorSection,
  FormFrame,
  type FormPageProps,
} from "../editor/form-frame.js";
import { reportPaths } from "./report-paths.js";
import { OzgFiguresTable } from "./report-view.js";
import { schemaField } from "../http/form-schema.js";
import {
  NewServiceBody,
  RegisterImportBody,
  ServiceBody,
} from "./report-forms.js";
import type { RegisterImportPreview } from "../../app/services/register-import.js";
import { VersionedForm } from "../components/form/record-form.js";
import { DataTable } from "../components/data-table/data-table.js";
import { DownloadItem } from "./download-item.js";
import {
  ImportConfirmSection,
  ImportUploadForm,
  ImportList,
} from "../editor/import-preview.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { Section } from "../components/section/section.js";
import { LanguageField } from "../components/form/csrf-field.js";

type Kit = ReturnType<typeof formKit>;

/** A maturity level in the reader's language: "Level 3 – Online service (maturity model 1.1)". */
function maturityText(
  t: FormPageProps["view"]["t"]["reports"],
  maturity: Maturity,
): string {
  const words = t.maturityChartWords;
  const name =
    maturity.modelVersion === "1.1"
      ? (words.levelNames[maturity.level] ?? null)
      : null;
  return t.maturityWithModel(
    words.level(maturity.level, name),
    maturity.modelVersion,
  );
}

function yesNo(value: boolean, yes: string, no: string): string {
  return value ? yes : no;
}

/** The online features a service offers, named in a list, or a dash when it has none. */
function onlineFeaturesText(
  t: FormPageProps["view"]["t"]["reports"],
  service: Service,
): string {
  return (
    [
      yesNo(service.isFrontEndOnline, t.fieldFrontEnd, ""),
      yesNo(service.isBackEndConnected, t.fieldBackEnd, ""),
      yesNo(service.hasEPayment, t.fieldEPayment, ""),
      yesNo(service.hasEId, t.fieldEId, ""),
    ]
      .filter((text) => text !== "")
      .join(", ") || "–"
  );
}

/** A service's channel, online features, online applications and maturity, as table cells. */
function ServiceFactCells(props: {
  readonly t: FormPageProps["view"]["t"]["reports"];
  readonly service: Service;
}): JSX.Element {
  const { t, service } = props;
  return (
    <>
      <td safe>
        {service.channel === null ? "–" : t.serviceChannels[service.channel]}
      </td>
      <td safe>{onlineFeaturesText(t, service)}</td>
      <td class="app-table__numeric" safe>
        {String(service.onlineApplications)}
      </td>
      <td safe>
        {service.maturity === null ? "–" : maturityText(t, service.maturity)}
      </td>
    </>
  );
}

function serviceFields(
  props: FormPageProps,
  f: Kit,
  form: string,
  stored: Service | null,
): JSX.Element {
  const t = props.view.t.reports;
  const channelChoices: Choice[] = [
    { value: "", label: t.noChannel },
    ...SERVICE_CHANNELS.map((channel) => ({
      value: channel,
      label: t.serviceChannels[channel],
    })),
  ];
  const statusChoices: Choice[] = SERVICE_STATUSES.map((status) => ({
    value: status,
    label: t.serviceStatuses[status],
  }));
  const modelChoices: Choice[] = [
    { value: "", label: t.notAssessed },
    ...MATURITY_MODEL_VERSIONS.map((version) => ({
      value: version,
      label: t.maturityModel(version),
    })),
  ];
  return (
    <>
      {f.select(
        form,
        schemaField(NewServiceBody, "art"),
        t.fieldServiceKind,
        stored?.kind ?? "ozg-service",
        SERVICE_KINDS.map((kind) => ({
          value: kind,
          label: t.serviceKinds[kind],
        })),
      )}
      {f.text(
        form,
        schemaField(NewServiceBody, "name"),
        t.fieldServiceName,
        stored?.name ?? "",
      )}
      <div class="app-editor-form__pair">
        {f.text(
          form,
          schemaField(NewServiceBody, "themenfeld"),
          t.fieldTopic,
          stored?.topic ?? "",
        )}
        {f.select(
          form,
          schemaField(NewServiceBody, "status"),
          t.fieldStatus,
          stored?.status ?? "planned",
          statusChoices,
        )}
      </div>
      {f.checkbox(
        form,
        schemaField(NewServiceBody, "vor-ort"),
        t.fieldResponsibleLocally,
        stored?.isResponsibleLocally ?? true,
        t.fieldResponsibleLocallyHint,
      )}
      <div class="app-editor-form__pair">
        {f.select(
          form,
          schemaField(NewServiceBody, "zugangsweg"),
          t.fieldChannel,
          stored?.channel ?? "",
          channelChoices,
        )}
        {f.text(
          form,
          schemaField(NewServiceBody, "antraege"),
          t.fieldApplications,
          String(stored?.onlineApplications ?? 0),
          { short: true },
        )}
      </div>
      <fieldset class="app-fieldset">
        <legend class="app-fieldset__legend app-fieldset__legend--small" safe>
          {t.fieldOnline}
        </legend>
        <div class="app-checkbox-columns">
          {f.checkbox(
            form,
            schemaField(NewServiceBody, "front-end"),
            t.fieldFrontEnd,
            stored?.isFrontEndOnline ?? false,
          )}
          {f.checkbox(
            form,
            schemaField(NewServiceBody, "back-end"),
            t.fieldBackEnd,
            stored?.isBackEndConnected ?? false,
          )}
          {f.checkbox(
            form,
            schemaField(NewServiceBody, "e-payment"),
            t.fieldEPayment,
            stored?.hasEPayment ?? false,
          )}
          {f.checkbox(
            form,
            schemaField(NewServiceBody, "eid"),
            t.fieldEId,
            stored?.hasEId ?? false,
          )}
        </div>
      </fieldset>
      <div class="app-editor-form__pair">
        {f.select(
          form,
          schemaField(NewServiceBody, "reifegradmodell"),
          t.fieldMaturityModel,
          stored?.maturity?.modelVersion ?? "",
          modelChoices,
        )}
        {f.text(
          form,
          schemaField(NewServiceBody, "reifegrad"),
          t.fieldMaturityLevel,
          stored?.maturity === null || stored === null
            ? ""
            : String(stored.maturity.level),
          {
            short: true,
            hint: t.fieldMaturityLevelHint,
          },
        )}
      </div>
      {f.text(
        form,
        schemaField(NewServiceBody, "url"),
        t.fieldUrl,
        stored?.url ?? "",
      )}
    </>
  );
}

/** The register: figures, chart, services, files. */
export function RegisterPage(
  props: FormPageProps & { readonly data: RegisterForStaff },
): JSX.Element {
  const { view, data } = props;
  const t = view.t.reports;
  const slug = data.catalogue.municipality.slug;
  const f = formKit(props);
  const charts = data.figures.maturity
    .filter((distribution) => distribution.assessed > 0)
    .map((distribution) =>
      layoutMaturityChart(distribution, t.maturityChartWords),
    );
  const current = [...data.current].sort((a, b) =>
    a.service.name.localeCompare(b.service.name, "de"),
  );
  return (
    <FormFrame {...props} title={t.registerTitle} lead={t.registerLead}>
      <form
        method="get"
        action={view.link(reportPaths.register(slug))}
        class="app-filter"
        id="stand-filter"
        novalidate
      >
        <div class="app-filter__fields">
          <TextField
            id="stand-filter-stand"
            name="stand"
            label={t.asOfLabel}
            hint={t.fieldAsOfHint}
            value={formatGermanDate(data.day)}
            width="short"
            maxlength={10}
          />
        </div>
        <LanguageField lang={view.lang} />
        <button type="submit" class="app-button app-button--secondary" safe>
          {t.showAsOf}
        </button>
      </form>
      <Section
        id="abschnitt-ozg-zahlen"
        title={t.registerFigures(formatGermanDate(data.day))}
      >
        <OzgFiguresTable
          view={view}
          figures={data.figures}
          previous={null}
          asOf={data.day}
          previousAsOf={null}
        />
        {charts.map((chart) => (
          <MaturityFigure
            chart={chart}
            idPrefix={`reifegrad-${chart.modelVersion.replace(".", "-")}`}
            tableSummary={t.maturityTable}
          />
        ))}
      </Section>
      <Section
        id="abschnitt-leistungen"
        title={t.servicesHeading(current.length)}
      >
        <ul class="app-editor-links">
          <DownloadItem
            href={reportPaths.registerCsv(slug)}
            label={t.exportCsv}
          />
          <DownloadItem
            href={reportPaths.registerXlsx(slug)}
            label={t.exportXlsx}
          />
        </ul>
        <ItemsOrNone items={current} none={t.noServices}>
          <DataTable
            variant="app-table--compact"
            caption={t.servicesCaption(formatGermanDate(data.day))}
            scrollRegion="ozg-tabelle-titel"
            columns={[
              { label: t.columnService },
              { label: t.fieldChannel },
              { label: t.columnOnline },
              { label: t.fieldApplications, numeric: true },
              { label: t.fieldMaturityLevel },
              { label: t.fieldStatus },
            ]}
          >
            {current.map(({ service }) => (
              <tr>
                <th scope="row">
                  <a
                    class="app-link"
                    href={view.link(
                      reportPaths.registerService(slug, service.leikaKey),
                    )}
                    lang={view.contentLang}
                    safe
                  >
                    {service.name}
                  </a>
                  <span class="app-hint app-leika" safe>
                    {service.isResponsibleLocally
                      ? service.leikaKey
                      : `${service.leikaKey} · ${t.notResponsibleShort}`}
                  </span>
                  {(data.warnings.get(service.leikaKey) ?? []).map(
                    (warning) => {
                      // A rule without words of ours in the reader's language keeps its German message, marked so.
                      const words = t.serviceWarnings[warning.code];
                      return (
                        <span
                          class="app-error-message app-error-message--inline"
                          lang={words === undefined ? "de" : undefined}
                          safe
                        >
                          {words ?? warning.message}
                        </span>
                      );
                    },
                  )}
                </th>
                <ServiceFactCells t={t} service={service} />
                <td safe>{t.serviceStatuses[service.status]}</td>
              </tr>
            ))}
          </DataTable>
        </ItemsOrNone>
      </Section>
      {data.mayManage ? (
        <>
          <EditorSection
            id="import"
            title={t.importHeading}
            intro={t.importTextAsOf}
          >
            <ImportUploadForm
              action={view.link(reportPaths.registerImport(slug))}
              csrfToken={props.csrfToken}
              failed={props.failed}
              label={t.fieldFile}
              hint={t.fieldFileHint}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            >
              {f.text(
                "import",
                schemaField(RegisterImportBody, "stichtag"),
                t.fieldImportAsOf,
                "",
                { short: true, hint: t.fieldImportAsOfHint },
              )}
              {f.reason("import")}
              {f.button(t.importPreviewButton)}
            </ImportUploadForm>
          </EditorSection>
          <EditorSection id="leistung-neu" title={t.newService}>
            <VersionedForm
              kit={f}
              action={view.link(reportPaths.register(slug))}
              id="leistung-neu"
              version={null}
            >
              <div class="app-editor-form__pair">
                {f.text(
                  "leistung-neu",
                  schemaField(NewServiceBody, "leika"),
                  t.fieldLeikaKey,
                  "",
                  { hint: t.fieldLeikaKeyHint },
                )}
                {f.text(
                  "leistung-neu",
                  schemaField(NewServiceBody, "ab"),
                  t.fieldValidFrom,
                  "",
                  { short: true, hint: t.fieldValidFromHint },
                )}
              </div>
              {serviceFields(props, f, "leistung-neu", null)}
              {f.reason("leistung-neu")}
              {f.button(t.addService)}
            </VersionedForm>
          </EditorSection>
        </>
      ) : (
        ""
      )}
    </FormFrame>
  );
}

/** One service with its history and the change form. */
export function ServicePage(
  props: FormPageProps & {
    readonly data: RegisterForStaff & {
      readonly history: readonly StoredService[];
      readonly latest: StoredService;
    };
  },
): JSX.Element {
  const { view, data, failed } = props;
  const t = view.t.reports;
  const slug = data.catalogue.municipality.slug;
  const f = formKit(props);
  const form = "leistung";
  const latest = data.latest;
  const modeChoices: Choice[] = [
    { value: "new-state", label: t.modeNewState },
    { value: "correct", label: t.modeCorrect },
  ];
  return (
    <FormFrame {...props} title={latest.service.name}>
      <p class="app-caption" safe>
        {`${t.fieldLeikaKey}: ${latest.service.leikaKey}`}
      </p>
      <Section id="abschnitt-verlauf" title={t.serviceHistory}>
        <DataTable
          variant="app-table--compact"
          caption={t.serviceHistoryCaption}
          scrollRegion="ozg-verlauf-titel"
          columns={[
            { label: t.fieldValidFrom },
            { label: t.fieldValidUntil },
            { label: t.fieldStatus },
            { label: t.fieldChannel },
            { label: t.columnOnline },
            { label: t.fieldApplications, numeric: true },
            { label: t.fieldMaturityLevel },
          ]}
        >
          {data.history.map(({ service }) => (
            <tr>
              <th scope="row" safe>
                {service.validFrom === null
                  ? t.sinceStart
                  : formatGermanDate(service.validFrom)}
              </th>
              <td safe>
                {service.validUntil === null
                  ? t.openEnd
                  : formatGermanDate(service.validUntil)}
              </td>
              <td safe>{t.serviceStatuses[service.status]}</td>
              <ServiceFactCells t={t} service={service} />
            </tr>
          ))}
        </DataTable>
      </Section>
      {data.mayManage && latest.service.validUntil === null ? (
        <EditorSection id="aendern" title={t.changeService}>
          <VersionedForm
            kit={f}
            action={view.link(
              reportPaths.registerService(slug, latest.service.leikaKey),
            )}
            id={form}
            version={latest.version}
          >
            <input type="hidden" name="eintrag" value={String(latest.id)} />
            <RadioGroup
              id={`${form}-modus`}
              name="modus"
              label={t.fieldMode}
              value={valueOf(failed, form, "modus", "new-state")}
              error={errorOf(failed, form, "modus")}
              choices={modeChoices}
            />
            {f.text(
              form,
              schemaField(ServiceBody, "ab"),
              t.fieldNewStateFrom,
              "",
              { short: true, hint: t.fieldNewStateFromHint },
            )}
            {serviceFields(props, f, form, latest.service)}
            {f.reason(form)}
            {f.button(t.saveService)}
          </VersionedForm>
        </EditorSection>
      ) : (
        ""
      )}
      <BackToRegister view={view} slug={slug} />
    </FormFrame>
  );
}

/** The link back to the register under a page of it. */
function BackToRegister(props: {
  readonly view: FormPageProps["view"];
  readonly slug: string;
}): JSX.Element {
  return (
    <ParagraphLink
      href={props.view.link(reportPaths.register(props.slug))}
      text={props.view.t.reports.backToRegister}
    />
  );
}

/** The preview of a register import as of a day, with the confirmation. */
export function RegisterImportPreviewPage(
  props: FormPageProps & {
    readonly slug: string;
    readonly token: string;
    readonly asOf: string;
    readonly preview: RegisterImportPreview;
  },
): JSX.Element {
  const { view, slug, preview } = props;
  const t = view.t.reports;
  const f = formKit(props);
  const { counts } = preview;
  const total = counts.created + counts.changed + counts.removed;
  const rows: readonly (readonly [string, number])[] = [
    [t.importCreated, counts.created],
    [t.importChanged, counts.changed],
    [t.importUnchanged, counts.unchanged],
    [t.importRemoved, counts.removed],
  ];
  return (
    <FormFrame
      {...props}
      title={t.importPreviewTitle}
      lead={t.importPreviewLead(
        preview.fileName,
        formatGermanDate(preview.asOf),
      )}
    >
      {preview.isFirstImport ? (
        <p class="app-body-text" safe>
          {t.importFirst}
        </p>
      ) : (
        ""
      )}
      <DataTable
        id="import-zahlen"
        caption={t.importCountsCaption}
        columns={[
          { label: t.importKindHeading },
          { label: t.importCountHeading, numeric: true },
        ]}
      >
        {rows.map(([label, count]) => (
          <tr>
            <th scope="row" safe>
              {label}
            </th>
            <td class="app-table__numeric" safe>
              {String(count)}
            </td>
          </tr>
        ))}
      </DataTable>
      {preview.changed.length === 0 ? (
        ""
      ) : (
        <DataTable
          id="import-geaendert"
          caption={t.importChangedCaption}
          columns={[
            { label: t.importEntryHeading },
            { label: t.importFieldsHeading },
          ]}
        >
          {preview.changed.map((each) => (
            <tr>
              <th scope="row" lang={view.contentLang} safe>
                {each.label}
              </th>
              <td lang={view.contentLang} safe>
                {each.fields.join(", ")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ImportList
        headingLevel={2}
        heading={t.importCreatedList(counts.created)}
        items={preview.created}
        lang={view.contentLang}
      />
      <ImportList
        headingLevel={2}
        heading={t.importRemovedList(counts.removed)}
        items={preview.removed}
        lang={view.contentLang}
      />
      <ImportList
        heading={t.importWarnings}
        headingLevel={2}
        items={preview.warnings}
      />
      {total === 0 ? (
        <p class="app-body-text" id="import-nichts" safe>
          {t.importNoChanges}
        </p>
      ) : (
        <ImportConfirmSection
          kit={f}
          csrfToken={props.csrfToken}
          title={t.importConfirmHeading}
          text={t.importConfirmText}
          action={view.link(
            reportPaths.registerImportPreview(slug, props.token),
          )}
          base={preview.base}
          button={t.importConfirmButton}
        >
          <input type="hidden" name="stichtag" value={props.asOf} />
        </ImportConfirmSection>
      )}
      <BackToRegister view={view} slug={slug} />
    </FormFrame>
  );
}
