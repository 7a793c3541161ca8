/**
 * User management for administrators: the list of accounts and the form to create or
 * change one (role as radio buttons, org units as checkboxes), with deactivation and
 * invitation as separate small forms. Works without JavaScript.
 */
import { RecordTable } from "../components/table-head/table-head.js";
import { ChoiceFieldset, TextField } from "../components/form/controls.js";
import type { AccountSummary } from "../../app/auth/manage-users.js";
import { ROLES } from "../../domain/access/principal.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import type { Crumb } from "../components/breadcrumbs/breadcrumbs.js";
import { ButtonForm } from "../components/form/button-form.js";
import {
  ErrorSummaryIfAny,
  type ErrorSummaryLink,
} from "../components/error-summary/error-summary.js";
import {
  NoticeBanner,
  SecretBanner,
} from "../components/notification-banner/notification-banner.js";
import {
  PageLayout,
  type SiteHeader,
} from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { orgUnitsText, roleLabel } from "./account-page.js";
import { identityPaths } from "./identity-paths.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { SubmitForm } from "../components/form/submit-form.js";

/** An org unit to choose. */
export interface OrgUnitOption {
  readonly code: string;
  readonly name: string;
}

/** What every page of user management needs. */
interface UsersBaseProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly csrfToken: string;
  readonly site: SiteHeader;
  readonly account: AccountBarProps | undefined;
}

function crumbs(
  view: ViewContext,
  slug: string,
  current?: string,
): readonly Crumb[] {
  const t = view.t.identity;
  return [
    {
      label: t.administration,
      href: view.link(identityPaths.administration(slug)),
    },
    current === undefined
      ? { label: t.usersTitle }
      : { label: t.usersTitle, href: view.link(identityPaths.users(slug)) },
    ...(current === undefined ? [] : [{ label: current }]),
  ];
}

/** The list of accounts. */
export function UsersPage(
  props: UsersBaseProps & { readonly users: readonly AccountSummary[] },
): JSX.Element {
  const { view, site } = props;
  const t = view.t.identity;
  return (
    <PageLayout
      view={view}
      title={t.usersTitle}
      requestUrl={props.requestUrl}
      site={site}
      account={props.account}
      breadcrumbs={crumbs(view, site.municipalitySlug)}
    >
      <PageHeading title={t.usersTitle} intro={t.usersIntro} />
      <ParagraphLink
        href={view.link(identityPaths.userNew(site.municipalitySlug))}
        text={t.usersNew}
        kind="button"
      />
      <RecordTable
        caption={t.usersCaption}
        columns={[
          t.name,
          t.email,
          t.role,
          t.orgUnits,
          t.usersStatus,
          t.actions,
        ]}
      >
        {props.users.map((user) => (
          <tr>
            <th scope="row" safe>
              {user.name}
            </th>
            <td safe>{user.email}</td>
            <td safe>{roleLabel(view, user.role)}</td>
            <td safe>{orgUnitsText(view, user.orgUnitCodes)}</td>
            <td safe>
              {!user.isActive
                ? t.userInactive
                : user.hasPassword
                  ? t.userActive
                  : t.userNoPassword}
            </td>
            <td>
              <a
                class="app-link"
                href={view.link(
                  identityPaths.user(site.municipalitySlug, user.id),
                )}
                aria-label={t.userEditLabel(user.name)}
                safe
              >
                {t.userEdit}
              </a>
            </td>
          </tr>
        ))}
      </RecordTable>
    </PageLayout>
  );
}

/** The values a form shows: what was typed (after an error) or what is stored. */
export interface UserFormValues {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly orgUnitCodes: readonly string[];
}

/** Props of the create/change form. */
export interface UserFormPageProps extends UsersBaseProps {
  /** null when creating. */
  readonly user: AccountSummary | null;
  readonly values: UserFormValues;
  readonly orgUnits: readonly OrgUnitOption[];
  readonly errors: Readonly<Record<string, string>>;
  /** A problem that belongs to no field (deactivating oneself, a conflict). */
  readonly generalError?: string | undefined;
  readonly notice?: string | undefined;
  /** An invitation link to hand over, shown once. */
  readonly invitationLink?: string | undefined;
}

const FIELD_IDS = {
  email: "email",
  name: "name",
  role: "rolle-admin",
  orgUnitCodes: "einheiten",
} as const;

/** The form to create or change an account. */
export function UserFormPage(props: UserFormPageProps): JSX.Element {
  const { view, site, user, values } = props;
  const t = view.t.identity;
  const slug = site.municipalitySlug;
  const title = user === null ? t.userNewTitle : t.userEditTitle(user.name);
  const links: ErrorSummaryLink[] = (
    Object.keys(FIELD_IDS) as (keyof typeof FIELD_IDS)[]
  )
    .filter((field) => props.errors[field] !== undefined)
    .map((field) => ({
      text: props.errors[field] ?? "",
      href: `#${FIELD_IDS[field]}`,
    }));
  return (
    <PageLayout
      view={view}
      title={title}
      requestUrl={props.requestUrl}
      site={site}
      account={props.account}
      breadcrumbs={crumbs(view, slug, title)}
    >
      <ErrorSummaryIfAny
        title={t.problemTitle}
        messages={props.generalError === undefined ? [] : [props.generalError]}
        links={links}
      />
      <NoticeBanner notice={props.notice} />
      <SecretBanner
        title={t.userInvitationLink}
        secret={props.invitationLink}
      />
      <PageHeading title={title} />
      {user === null ? (
        <p class="app-body-text" safe>
          {t.userNewIntro}
        </p>
      ) : (
        ""
      )}
      <SubmitForm
        action={view.link(
          user === null
            ? identityPaths.users(slug)
            : identityPaths.user(slug, user.id),
        )}
        csrfToken={props.csrfToken}
        submit={user === null ? t.userCreate : t.userSave}
      >
        {user === null ? (
          <TextField
            id="email"
            name="email"
            type="email"
            label={t.email}
            value={values.email}
            error={props.errors.email}
            autocomplete="off"
            spellcheck={false}
          />
        ) : (
          <>
            <input type="hidden" name="version" value={String(user.version)} />
            <p class="app-body-text">
              <strong safe>{t.email}:</strong> <span safe>{user.email}</span>
            </p>
          </>
        )}
        <TextField
          id="name"
          name="name"
          label={t.name}
          value={values.name}
          error={props.errors.name}
          autocomplete="off"
        />
        <RoleChoice
          view={view}
          selected={values.role}
          error={props.errors.role}
        />
        <OrgUnitChoice
          view={view}
          options={props.orgUnits}
          selected={values.orgUnitCodes}
          error={props.errors.orgUnitCodes}
        />
      </SubmitForm>
      {user === null ? (
        ""
      ) : (
        <AccountActions
          view={view}
          slug={slug}
          user={user}
          csrfToken={props.csrfToken}
        />
      )}
      <ParagraphLink
        href={view.link(identityPaths.users(slug))}
        text={t.backToUsers}
      />
    </PageLayout>
  );
}

function RoleChoice(props: {
  view: ViewContext;
  selected: string;
  error: string | undefined;
}): JSX.Element {
  const t = props.view.t.identity;
  return (
    <ChoiceFieldset id="rolle" legend={t.role} error={props.error}>
      <div class="app-radios">
        {ROLES.map((role) => (
          <div class="app-radios__item">
            <input
              class="app-radios__input"
              type="radio"
              id={`rolle-${role}`}
              name="role"
              value={role}
              checked={props.selected === role}
              aria-describedby={`rolle-${role}-hinweis`}
            />
            <label class="app-radios__label" for={`rolle-${role}`} safe>
              {t.roleName[role]}
            </label>
            <p
              class="app-hint app-radios__hint"
              id={`rolle-${role}-hinweis`}
              safe
            >
              {t.roleHint[role]}
            </p>
          </div>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

function OrgUnitChoice(props: {
  view: ViewContext;
  options: readonly OrgUnitOption[];
  selected: readonly string[];
  error: string | undefined;
}): JSX.Element {
  const t = props.view.t.identity;
  return (
    <ChoiceFieldset
      id="einheiten"
      fieldsetId="einheiten"
      legend={t.orgUnits}
      hint={t.orgUnitsHint}
      error={props.error}
    >
      <div class="app-checkbox-columns">
        {props.options.map((unit, index) => (
          <div class="app-checkbox">
            <input
              class="app-checkbox__input"
              type="checkbox"
              id={`einheit-${index}`}
              name="orgUnitCodes"
              value={unit.code}
              checked={props.selected.includes(unit.code)}
            />
            <label
              class="app-checkbox__label"
              for={`einheit-${index}`}
              lang={props.view.contentLang}
            >
              <span safe>{unit.code}</span> <span safe>{unit.name}</span>
            </label>
          </div>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

function AccountActions(props: {
  view: ViewContext;
  slug: string;
  user: AccountSummary;
  csrfToken: string;
}): JSX.Element {
  const { view, slug, user } = props;
  const t = view.t.identity;
  return (
    <section
      class="app-section app-section--actions"
      aria-labelledby="konto-aktionen"
    >
      <h2 class="app-heading-m" id="konto-aktionen" safe>
        {t.actions}
      </h2>
      {user.isActive ? (
        <ButtonForm
          action={view.link(identityPaths.userDeactivate(slug, user.id))}
          csrfToken={props.csrfToken}
          label={t.userDeactivate}
          kind="warning"
          hint={{ id: "deaktivieren-hinweis", text: t.userDeactivateHint }}
        />
      ) : (
        <ButtonForm
          action={view.link(identityPaths.userReactivate(slug, user.id))}
          csrfToken={props.csrfToken}
          label={t.userReactivate}
          kind="secondary"
        />
      )}
      {user.isActive && !user.hasPassword ? (
        <ButtonForm
          action={view.link(identityPaths.userInvite(slug, user.id))}
          csrfToken={props.csrfToken}
          label={t.userInvite}
          kind="secondary"
        />
      ) : (
        ""
      )}
    </section>
  );
}
