/**
 * "Mein Konto": one's own details, second factor, password and API tokens. Every change
 * is a small form of its own (no JavaScript needed), each with its CSRF token.
 */
import { readerMoment } from "../components/reader-day.js";
import { RecordTable } from "../components/table-head/table-head.js";
import { TextField } from "../components/form/controls.js";
import type { ApiTokenRecord } from "../../app/auth/api-tokens.js";
import type { AccountSummary } from "../../app/auth/manage-users.js";
import type { Role } from "../../domain/access/principal.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import { ButtonForm } from "../components/form/button-form.js";
import { CsrfField } from "../components/form/csrf-field.js";
import {
  ErrorSummaryIfAny,
  fieldErrorLinks,
} from "../components/error-summary/error-summary.js";
import {
  NoticeBanner,
  SecretBanner,
} from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { SummaryList } from "../components/summary-list/summary-list.js";
import type { ViewContext } from "../components/view.js";
import { identityPaths } from "./identity-paths.js";
import { NewPasswordField } from "./sign-in-pages.js";
import { schemaField } from "../http/form-schema.js";
import { TokenNameBody } from "./identity-forms.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ItemsOrNone } from "../components/items-or-none/items-or-none.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { SubmitForm } from "../components/form/submit-form.js";
import { Section } from "../components/section/section.js";

/** The name of a role in the interface language (unknown roles shown as stored). */
export function roleLabel(view: ViewContext, role: string): string {
  const names: Readonly<Record<Role, string>> = view.t.identity.roleName;
  return role in names ? names[role as Role] : role;
}

/** A person's org units as a list, or "none". */
export function orgUnitsText(
  view: ViewContext,
  codes: readonly string[],
): string {
  return codes.length === 0 ? view.t.identity.none : codes.join(", ");
}

/** Props of the account page. */
export interface AccountPageProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly csrfToken: string;
  readonly account: AccountBarProps | undefined;
  readonly me: AccountSummary;
  readonly secondFactor: {
    readonly isEnabled: boolean;
    readonly recoveryCodesLeft: number;
  };
  readonly tokens: readonly ApiTokenRecord[];
  readonly notice?: string | undefined;
  /** A token just created: shown this once. */
  readonly createdToken?:
    { readonly name: string; readonly token: string } | undefined;
  readonly passwordErrors?: Readonly<Record<string, string>>;
  readonly tokenNameError?: string | undefined;
  readonly tokenName?: string;
}

/** The account page. */
export function AccountPage(props: AccountPageProps): JSX.Element {
  const { view, me } = props;
  const t = view.t.identity;
  const passwordErrors = props.passwordErrors ?? {};
  const links = [
    ...fieldErrorLinks(passwordErrors.currentPassword, "#current-password"),
    ...fieldErrorLinks(passwordErrors.newPassword, "#new-password"),
    ...fieldErrorLinks(props.tokenNameError, "#token-name"),
  ];
  return (
    <PageLayout
      view={view}
      title={t.accountTitle}
      requestUrl={props.requestUrl}
      account={props.account}
    >
      <ErrorSummaryIfAny title={t.problemTitle} links={links} />
      <NoticeBanner notice={props.notice} />
      <SecretBanner
        title={t.tokenCreated}
        hint={t.tokenCreatedHint}
        secret={props.createdToken?.token}
        secretId="neues-token"
      />
      <PageHeading title={t.accountTitle} />

      <Section id="angaben" title={t.accountDetails}>
        <SummaryList
          rows={[
            { key: t.name, value: <span safe>{me.name}</span> },
            { key: t.email, value: <span safe>{me.email}</span> },
            {
              key: t.role,
              value: <span safe>{roleLabel(view, me.role)}</span>,
            },
            {
              key: t.orgUnits,
              value: <span safe>{orgUnitsText(view, me.orgUnitCodes)}</span>,
            },
          ]}
        />
      </Section>

      <Section id="zweiter-faktor" title={t.secondFactor}>
        <p class="app-body-text" safe>
          {props.secondFactor.isEnabled
            ? t.secondFactorOn(props.secondFactor.recoveryCodesLeft)
            : t.secondFactorOff}
        </p>
        <ParagraphLink
          href={view.link(identityPaths.accountSecondFactor())}
          text={
            props.secondFactor.isEnabled
              ? t.secondFactorReplace
              : t.secondFactorSetUp
          }
        />
        {props.secondFactor.isEnabled ? (
          <ButtonForm
            action={view.link(identityPaths.accountRecoveryCodes())}
            csrfToken={props.csrfToken}
            label={t.recoveryRegenerate}
            kind="secondary"
            hint={{ id: "codes-hinweis", text: t.recoveryRegenerateHint }}
          />
        ) : (
          ""
        )}
      </Section>

      <Section id="passwort" title={t.changePasswordTitle}>
        <SubmitForm
          action={view.link(identityPaths.accountPassword())}
          csrfToken={props.csrfToken}
          submit={t.changePasswordSubmit}
        >
          {/* Lets password managers file the new password under the right account. */}
          <input
            type="hidden"
            name="username"
            value={me.email}
            autocomplete="username"
          />
          <TextField
            id="current-password"
            name="currentPassword"
            type="password"
            label={t.currentPassword}
            error={passwordErrors.currentPassword}
            autocomplete="current-password"
          />
          <NewPasswordField
            view={view}
            id="new-password"
            field={{ name: "newPassword" }}
            error={passwordErrors.newPassword}
          />
        </SubmitForm>
      </Section>

      <Section id="api-tokens" title={t.tokensTitle}>
        <p class="app-body-text" safe>
          {t.tokensIntro}
        </p>
        <ItemsOrNone items={props.tokens} none={t.tokenNone}>
          <RecordTable
            caption={t.tokensCaption}
            columns={[
              t.tokenName,
              t.tokenCreatedAt,
              t.tokenLastUsed,
              t.tokenStatus,
              t.actions,
            ]}
          >
            {props.tokens.map((token) => (
              <tr>
                <th scope="row" safe>
                  {token.name}
                </th>
                <td safe>{readerMoment(view, token.createdAt)}</td>
                <td safe>
                  {token.lastUsedAt === null
                    ? t.tokenNever
                    : readerMoment(view, token.lastUsedAt)}
                </td>
                <td safe>
                  {token.revokedAt === null ? t.tokenActive : t.tokenRevoked}
                </td>
                <td>
                  {token.revokedAt === null ? (
                    <form
                      method="post"
                      action={view.link(
                        identityPaths.accountTokenRevoke(token.id),
                      )}
                      class="app-form-inline"
                    >
                      <CsrfField token={props.csrfToken} />
                      <button
                        type="submit"
                        class="app-button app-button--secondary app-button--small"
                        aria-label={t.tokenRevokeLabel(token.name)}
                        safe
                      >
                        {t.tokenRevoke}
                      </button>
                    </form>
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            ))}
          </RecordTable>
        </ItemsOrNone>
        <SubmitForm
          action={view.link(identityPaths.accountTokens())}
          csrfToken={props.csrfToken}
          submit={t.tokenCreate}
        >
          <TextField
            id="token-name"
            {...schemaField(TokenNameBody, "name")}
            label={t.tokenName}
            hint={t.tokenNameHint}
            error={props.tokenNameError}
            value={props.tokenName ?? ""}
          />
        </SubmitForm>
      </Section>
    </PageLayout>
  );
}
