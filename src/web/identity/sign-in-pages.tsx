/**
 * The pages of signing in: password, second factor, setting up the second factor,
 * recovery codes, forgotten and new password. Plain forms (they work without
 * JavaScript), German first, each problem at the top and at its field.
 */
import { TextField } from "../components/form/controls.js";
import type { TotpEnrolment } from "../../app/auth/second-factor.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import type { Children } from "@kitajs/html";
import { ButtonForm } from "../components/form/button-form.js";
import {
  ErrorSummaryIfAny,
  fieldErrorLinks,
  type ErrorSummaryLink,
} from "../components/error-summary/error-summary.js";
import { NoticeBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { SummaryList } from "../components/summary-list/summary-list.js";
import type { ViewContext } from "../components/view.js";
import { identityPaths } from "./identity-paths.js";
import { schemaField } from "../http/form-schema.js";
import {
  CodeBody,
  EnrolmentCodeBody,
  ResetPasswordBody,
} from "./identity-forms.js";
import { PageHeading } from "../components/page-heading/page-heading.js";
import { ParagraphLink } from "../components/paragraph-link/paragraph-link.js";
import { SubmitForm } from "../components/form/submit-form.js";

/** What every page of this file needs. */
interface BaseProps {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly csrfToken: string;
}

/** The login form. */
export function SignInPage(
  props: BaseProps & {
    readonly email: string;
    readonly next: string | null;
    /** A general problem (refused, throttled) above the form. */
    readonly problem?: string | undefined;
    readonly notice?: string | undefined;
    /** Offer single sign-on (only when OIDC_* is configured). */
    readonly singleSignOn?: boolean;
  },
): JSX.Element {
  const { view } = props;
  const t = view.t.identity;
  return (
    <SignInFrame
      {...props}
      title={t.signInTitle}
      intro={t.signInIntro}
      problems={props.problem === undefined ? [] : [props.problem]}
    >
      <SignInStepForm
        action={view.link(identityPaths.signIn())}
        csrfToken={props.csrfToken}
        next={props.next}
        submit={t.signInSubmit}
      >
        <AccountEmailField view={view} value={props.email} />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t.password}
          autocomplete="current-password"
        />
      </SignInStepForm>
      <ForgotPasswordLink view={view} text={t.forgotPasswordLink} />
      {props.singleSignOn === true ? (
        <ParagraphLink
          href={view.link("/anmelden/sso", { next: props.next ?? undefined })}
          text={t.signInWithSso}
          kind="secondary"
        />
      ) : (
        ""
      )}
    </SignInFrame>
  );
}

/** The field of a one-time code (id "code"), from the authenticator app or a recovery code. */
function OneTimeCodeField(props: {
  readonly field: ReturnType<typeof schemaField>;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error: string | undefined;
  /** Digits only (the app's code), for a numeric keyboard. */
  readonly numeric?: boolean;
}): JSX.Element {
  return (
    <TextField
      id="code"
      {...props.field}
      label={props.label}
      hint={props.hint}
      error={props.error}
      autocomplete="one-time-code"
      inputmode={props.numeric === true ? "numeric" : undefined}
      spellcheck={false}
      width="short"
    />
  );
}

/** The second step: a code from the app or a recovery code. */
export function SecondFactorPage(
  props: BaseProps & {
    readonly next: string | null;
    readonly error?: string | undefined;
  },
): JSX.Element {
  const { view } = props;
  const t = view.t.identity;
  return (
    <SignInFrame
      {...props}
      title={t.secondFactorTitle}
      intro={t.secondFactorIntro}
      errors={fieldErrorLinks(props.error, "#code")}
    >
      <SignInStepForm
        action={view.link(identityPaths.secondFactor())}
        csrfToken={props.csrfToken}
        next={props.next}
        submit={t.codeSubmit}
      >
        <OneTimeCodeField
          field={schemaField(CodeBody, "code")}
          label={t.code}
          hint={t.codeHint}
          error={props.error}
        />
      </SignInStepForm>
      <CancelSignIn view={view} csrfToken={props.csrfToken} />
    </SignInFrame>
  );
}

/**
 * The frame of every page here: a narrow form column with, on top, the notice, the
 * problems (general ones first, then those that link to their field), the heading and
 * the introduction.
 */
function SignInFrame(props: {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly title: string;
  readonly account?: AccountBarProps | undefined;
  readonly isError?: boolean;
  readonly notice?: string | undefined;
  readonly problems?: readonly string[];
  readonly errors?: readonly ErrorSummaryLink[];
  readonly intro?: string | undefined;
  readonly children?: Children;
}): JSX.Element {
  return (
    <PageLayout
      view={props.view}
      title={props.title}
      requestUrl={props.requestUrl}
      account={props.account}
      isError={props.isError}
    >
      <div class="app-form-page">
        <NoticeBanner notice={props.notice} />
        <ErrorSummaryIfAny
          title={props.view.t.identity.problemTitle}
          messages={props.problems}
          links={props.errors}
        />
        <PageHeading title={props.title} intro={props.intro} />
        {props.children}
      </div>
    </PageLayout>
  );
}

/**
 * A form of a sign-in step: the CSRF token and, when there is one, the page to return to
 * afterwards, the fields, and the button that sends them.
 */
function SignInStepForm(props: {
  readonly action: string;
  readonly csrfToken: string;
  readonly next?: string | null;
  readonly submit: string;
  readonly children?: Children;
}): JSX.Element {
  return (
    <SubmitForm
      action={props.action}
      csrfToken={props.csrfToken}
      submit={props.submit}
    >
      {props.next === null || props.next === undefined ? (
        ""
      ) : (
        <input type="hidden" name="next" value={props.next} />
      )}
      {props.children}
    </SubmitForm>
  );
}

/** Leaves a sign-in that waits for its second factor: signing out ends it. */
function CancelSignIn(props: {
  view: ViewContext;
  csrfToken: string;
}): JSX.Element {
  return (
    <ButtonForm
      action={props.view.link(identityPaths.signOut())}
      csrfToken={props.csrfToken}
      label={props.view.t.identity.cancelSignIn}
      kind="secondary"
      inline
    />
  );
}

/** Setting up the second factor: QR code, the key as text, and a code to confirm. */
export function EnrolmentPage(
  props: BaseProps & {
    readonly enrolment: TotpEnrolment;
    readonly action: string;
    readonly next: string | null;
    readonly error?: string | undefined;
    /** Shown while signing in: a way to cancel; otherwise the signed-in account bar. */
    readonly isDuringSignIn: boolean;
    readonly account?: AccountBarProps | undefined;
  },
): JSX.Element {
  const { view, enrolment } = props;
  const t = view.t.identity;
  const margin = 4;
  const box = enrolment.qrCode.size + 2 * margin;
  return (
    <SignInFrame
      {...props}
      title={t.enrolTitle}
      intro={enrolment.isReplacing ? t.enrolReplaceIntro : t.enrolIntro}
      errors={fieldErrorLinks(props.error, "#code")}
    >
      <p class="app-body-text" safe>
        {t.enrolStepApp}
      </p>
      <p class="app-body-text" safe>
        {t.enrolStepScan}
      </p>
      {/* Drawn on the server from the QR matrix (app/auth/totp.ts): no script, no image request, no inline style. */}
      <svg
        class="app-qr-code"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${box} ${box}`}
        width="264"
        height="264"
        role="img"
        aria-labelledby="qr-titel"
        shape-rendering="crispEdges"
      >
        <title id="qr-titel" safe>
          {t.enrolQrAlt(enrolment.accountName)}
        </title>
        <rect width={String(box)} height={String(box)} fill="#ffffff" />
        <path
          transform={`translate(${margin} ${margin})`}
          fill="#000000"
          d={enrolment.qrCode.path}
        />
      </svg>
      <p class="app-body-text" safe>
        {t.enrolManual}
      </p>
      <SummaryList
        rows={[
          { key: t.enrolIssuer, value: <span safe>{enrolment.issuer}</span> },
          {
            key: t.enrolAccount,
            value: <span safe>{enrolment.accountName}</span>,
          },
          {
            key: t.enrolSecret,
            value: (
              <code class="app-secret" safe>
                {enrolment.secretForReading}
              </code>
            ),
          },
          { key: t.enrolType, value: <span safe>{t.enrolTypeValue}</span> },
        ]}
      />
      <SignInStepForm
        action={props.action}
        csrfToken={props.csrfToken}
        next={props.next}
        submit={t.enrolSubmit}
      >
        <OneTimeCodeField
          field={schemaField(EnrolmentCodeBody, "code")}
          label={t.enrolStepCode}
          error={props.error}
          numeric
        />
      </SignInStepForm>
      {props.isDuringSignIn ? (
        <CancelSignIn view={view} csrfToken={props.csrfToken} />
      ) : (
        ""
      )}
    </SignInFrame>
  );
}

/** The recovery codes, shown once after setting up the second factor or making new ones. */
export function RecoveryCodesPage(
  props: BaseProps & {
    readonly codes: readonly string[];
    readonly continueHref: string;
    readonly account?: AccountBarProps | undefined;
    readonly notice?: string | undefined;
  },
): JSX.Element {
  const { view } = props;
  const t = view.t.identity;
  return (
    <SignInFrame {...props} title={t.recoveryTitle} intro={t.recoveryIntro}>
      <div class="app-warning-text">
        <strong safe>{t.recoveryWarning}</strong>
      </div>
      <ol class="app-code-list" aria-label={t.recoveryListLabel}>
        {props.codes.map((code) => (
          <li>
            <code safe>{code}</code>
          </li>
        ))}
      </ol>
      <ParagraphLink
        href={props.continueHref}
        text={t.recoveryContinue}
        kind="button"
      />
    </SignInFrame>
  );
}

/** Asking for a reset link; after sending, the same answer for every address. */
export function ForgotPasswordPage(
  props: BaseProps & {
    readonly email: string;
    readonly isSent: boolean;
    readonly isAvailable: boolean;
    readonly errors: readonly ErrorSummaryLink[];
  },
): JSX.Element {
  const { view } = props;
  const t = view.t.identity;
  const emailError = props.errors.find(
    (error) => error.href === "#email",
  )?.text;
  return (
    <SignInFrame
      {...props}
      title={t.forgotTitle}
      notice={props.isSent ? t.forgotSent : undefined}
    >
      {props.isAvailable ? (
        <>
          <p class="app-body-text" safe>
            {t.forgotIntro}
          </p>
          <SignInStepForm
            action={view.link(identityPaths.forgotPassword())}
            csrfToken={props.csrfToken}
            submit={t.forgotSubmit}
          >
            <AccountEmailField
              view={view}
              value={props.email}
              error={emailError}
            />
          </SignInStepForm>
        </>
      ) : (
        <p class="app-body-text" safe>
          {t.forgotUnavailable}
        </p>
      )}
      <ParagraphLink
        href={view.link(identityPaths.signIn())}
        text={t.signInLink}
      />
    </SignInFrame>
  );
}

/** Setting a new password through a reset link, or the explanation that the link is no good. */
export function ResetPasswordPage(
  props: BaseProps & {
    readonly action: string;
    readonly isValid: boolean;
    readonly error?: string | undefined;
  },
): JSX.Element {
  const { view } = props;
  const t = view.t.identity;
  return (
    <SignInFrame
      {...props}
      title={t.resetTitle}
      isError={!props.isValid}
      errors={fieldErrorLinks(props.error, "#password")}
    >
      {props.isValid ? (
        <>
          <p class="app-body-text" safe>
            {t.resetIntro}
          </p>
          <SignInStepForm
            action={props.action}
            csrfToken={props.csrfToken}
            submit={t.resetSubmit}
          >
            <NewPasswordField
              view={view}
              id="password"
              field={schemaField(ResetPasswordBody, "password")}
              error={props.error}
            />
          </SignInStepForm>
        </>
      ) : (
        <>
          <p class="app-lead" safe>
            {t.resetInvalid}
          </p>
          <ForgotPasswordLink view={view} text={t.resetRequestAgain} />
        </>
      )}
    </SignInFrame>
  );
}

/** The field of a new password with the rules for it, as the reset and the account page ask for it. */
export function NewPasswordField(props: {
  readonly view: ViewContext;
  readonly id: string;
  readonly field: { readonly name: string; readonly maxlength?: number };
  readonly error: string | undefined;
}): JSX.Element {
  const t = props.view.t.identity;
  return (
    <TextField
      id={props.id}
      {...props.field}
      type="password"
      label={t.newPassword}
      hint={t.passwordHint}
      error={props.error}
      autocomplete="new-password"
    />
  );
}

/** The e-mail address that names an account, as the sign-in and the reset request ask for it. */
function AccountEmailField(props: {
  readonly view: ViewContext;
  readonly value: string | undefined;
  readonly error?: string | undefined;
}): JSX.Element {
  return (
    <TextField
      id="email"
      name="email"
      type="email"
      label={props.view.t.identity.email}
      value={props.value}
      error={props.error}
      autocomplete="username"
      spellcheck={false}
    />
  );
}

/** A paragraph with the link to the page that sends a reset link. */
function ForgotPasswordLink(props: {
  readonly view: ViewContext;
  readonly text: string;
}): JSX.Element {
  return (
    <ParagraphLink
      href={props.view.link(identityPaths.forgotPassword())}
      text={props.text}
    />
  );
}
