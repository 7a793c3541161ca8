/**
 * The operators' pages of one municipality's lifecycle (/betrieb/…): the form that creates
 * a municipality (empty or with the shape of another), the page of a municipality with its
 * details, the invitation of its first administrator, and the confirmation step before it
 * is deactivated or reactivated. Plain forms that the server checks (novalidate); all
 * works without JavaScript.
 */
import { readerDayOf } from "../components/reader-day.js";
import type { MunicipalityRecord } from "../../app/municipalities/lifecycle.js";
import { FEDERAL_STATES } from "../../domain/municipality/federal-states.js";
import type { FailedForm } from "../components/form/failed-form.js";
import {
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../components/form/controls.js";
import {
  NotificationBanner,
  SecretBanner,
} from "../components/notification-banner/notification-banner.js";
import { SummaryList } from "../components/summary-list/summary-list.js";
import { schemaFields } from "../components/form/schema-fields.js";
import {
  CreateMunicipalityBody,
  InviteAdministratorBody,
  MunicipalityStateBody,
} from "./operations-forms.js";
import {
  OperationsPage,
  operationsPaths,
  type OperationsFrame,
} from "./operations-pages.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { SubmitForm } from "../components/form/submit-form.js";

interface BaseProps extends OperationsFrame {
  readonly csrfToken: string;
}

/** A municipality a new one can take its shape from. */
export interface TemplateChoice {
  readonly slug: string;
  readonly name: string;
}

const CREATE_FORM = "kommune";

/** /betrieb/kommune-anlegen: name, slug, Land, Regionalschlüssel, website, contact, template. */
export function CreateMunicipalityPage(
  props: BaseProps & {
    readonly templates: readonly TemplateChoice[];
    readonly failed?: FailedForm | undefined;
  },
): JSX.Element {
  const { view, failed } = props;
  const t = view.t.operations;
  const field = schemaFields(CreateMunicipalityBody, failed, CREATE_FORM);
  return (
    <OperationsPage
      {...props}
      title={t.createTitle}
      intro={t.createIntro}
      trail={[{ label: t.createTitle }]}
    >
      <SubmitForm
        action={view.link(operationsPaths.createMunicipality())}
        csrfToken={props.csrfToken}
        submit={t.createButton}
      >
        <TextField
          {...field("name")}
          label={t.nameLabel}
          hint={t.nameHint}
          autocomplete="off"
        />
        <TextField
          {...field("slug")}
          label={t.slugLabel}
          hint={t.slugHint}
          autocomplete="off"
          spellcheck={false}
          width="short"
        />
        <SelectField
          {...field("state")}
          label={t.stateLabel}
          choices={[
            { value: "", label: t.stateChoose },
            ...FEDERAL_STATES.map((state) => ({
              value: state.code,
              label: state.name,
            })),
          ]}
        />
        <TextField
          {...field("regionalKey")}
          label={t.regionalKeyLabel}
          hint={t.regionalKeyHint}
          inputmode="numeric"
          autocomplete="off"
          spellcheck={false}
          width="short"
        />
        <TextField
          {...field("website")}
          label={t.websiteLabel}
          autocomplete="off"
          spellcheck={false}
        />
        <TextField
          {...field("contactEmail")}
          type="email"
          label={t.contactEmailLabel}
          autocomplete="off"
          spellcheck={false}
        />
        <RadioGroup
          {...field("template")}
          label={t.templateLabel}
          choices={[
            { value: "", label: t.templateEmpty },
            ...props.templates.map((template) => ({
              value: template.slug,
              label: t.templateOf(template.name, template.slug),
            })),
          ]}
        />
      </SubmitForm>
      <ParagraphLink href={view.link(operationsPaths.home())} text={t.cancel} />
    </OperationsPage>
  );
}

/** What the page of a municipality announces at its top. */
export type MunicipalityNotice =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "link"; readonly link: string };

/** /betrieb/kommunen/:slug: details, state, the invitation of an administrator, (de)activation. */
export function MunicipalityPage(
  props: BaseProps & {
    readonly municipality: MunicipalityRecord;
    readonly notice?: MunicipalityNotice | undefined;
    readonly failed?: FailedForm | undefined;
  },
): JSX.Element {
  const { view, municipality, notice, failed } = props;
  const t = view.t.operations;
  const slug = municipality.slug;
  const field = schemaFields(InviteAdministratorBody, failed, "einladung");
  return (
    <OperationsPage
      {...props}
      title={municipality.name}
      intro={t.detailIntro}
      trail={[{ label: municipality.name }]}
      banner={
        notice === undefined ? undefined : notice.kind === "text" ? (
          <NotificationBanner title={notice.text} />
        ) : (
          <SecretBanner title={t.invitationLink} secret={notice.link} />
        )
      }
    >
      <SummaryList
        rows={[
          { key: t.slugLabel, value: <code safe>{slug}</code> },
          {
            key: t.status,
            value: (
              <span safe>
                {municipality.isActive ? t.active : t.deactivated}
              </span>
            ),
          },
          {
            key: t.stateLabel,
            value: <span safe>{municipality.state ?? "–"}</span>,
          },
          {
            key: t.regionalKey,
            value: <span safe>{municipality.regionalKey ?? "–"}</span>,
          },
          {
            key: t.website,
            value: <span safe>{municipality.website ?? "–"}</span>,
          },
          {
            key: t.contactEmail,
            value: <span safe>{municipality.contactEmail ?? "–"}</span>,
          },
          {
            key: t.createdAt,
            value: (
              <span safe>{readerDayOf(view, municipality.createdAt)}</span>
            ),
          },
          ...(municipality.isActive
            ? []
            : [
                {
                  key: t.deactivatedAt,
                  value: (
                    <span safe>
                      {municipality.deactivatedAt === null
                        ? "–"
                        : readerDayOf(view, municipality.deactivatedAt)}
                    </span>
                  ),
                },
              ]),
        ]}
      />
      <ParagraphLink
        href={view.link(`/${encodeURIComponent(slug)}/`)}
        text={t.portal}
      />
      <h2 class="app-heading-l" safe>
        {t.inviteTitle}
      </h2>
      {municipality.isActive ? (
        <>
          <p class="app-body-text" safe>
            {t.inviteIntro}
          </p>
          <SubmitForm
            action={view.link(operationsPaths.invite(slug))}
            csrfToken={props.csrfToken}
            submit={t.inviteButton}
          >
            <TextField
              {...field("email")}
              type="email"
              label={t.inviteEmail}
              autocomplete="off"
              spellcheck={false}
            />
            <TextField
              {...field("name")}
              label={t.inviteName}
              autocomplete="off"
            />
            <RadioGroup
              {...field("role", "admin")}
              label={t.inviteRole}
              choices={(["admin", "editor", "committee"] as const).map(
                (role) => ({
                  value: role,
                  label: view.t.identity.roleName[role],
                }),
              )}
            />
          </SubmitForm>
        </>
      ) : (
        <p class="app-body-text" safe>
          {t.inviteInactive}
        </p>
      )}
      {municipality.isActive ? (
        <ParagraphLink
          href={view.link(operationsPaths.deactivate(slug))}
          text={t.deactivateLink}
        />
      ) : (
        <ParagraphLink
          href={view.link(operationsPaths.reactivate(slug))}
          text={t.reactivateLink}
        />
      )}
      <ParagraphLink
        href={view.link(operationsPaths.home())}
        text={t.backToOverview}
      />
    </OperationsPage>
  );
}

/** The confirmation step before deactivating or reactivating a municipality. */
export function MunicipalityStatePage(
  props: BaseProps & {
    readonly municipality: MunicipalityRecord;
    readonly isActive: boolean;
    readonly failed?: FailedForm | undefined;
  },
): JSX.Element {
  const { view, municipality, isActive, failed } = props;
  const t = view.t.operations;
  const title = isActive
    ? t.reactivateTitle(municipality.name)
    : t.deactivateTitle(municipality.name);
  const action = isActive
    ? operationsPaths.reactivate(municipality.slug)
    : operationsPaths.deactivate(municipality.slug);
  const field = schemaFields(MunicipalityStateBody, failed, "status");
  return (
    <OperationsPage
      {...props}
      title={title}
      intro={isActive ? t.reactivateText : t.deactivateText}
      trail={[
        {
          label: municipality.name,
          href: view.link(operationsPaths.municipality(municipality.slug)),
        },
        { label: isActive ? t.reactivateLink : t.deactivateLink },
      ]}
    >
      <SubmitForm
        action={view.link(action)}
        csrfToken={props.csrfToken}
        submit={isActive ? t.reactivateButton : t.deactivateButton}
        isWarning={!isActive}
      >
        <TextArea {...field("grund")} label={t.reasonLabel} rows={3} />
      </SubmitForm>
      <ParagraphLink
        href={view.link(operationsPaths.municipality(municipality.slug))}
        text={t.cancel}
      />
    </OperationsPage>
  );
}
