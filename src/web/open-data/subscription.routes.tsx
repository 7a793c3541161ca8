/**
 * Following a municipality by e-mail (ADR 0021): /{kommune}/benachrichtigungen with the
 * form (works without JavaScript; a hidden honeypot field catches simple bots, and requests
 * are limited per IP address and per address), the confirmation link and the unsubscribe
 * link of the mails. Opening a link (GET) changes nothing — mail scanners open links — it
 * shows a page whose button POSTs to the same URL. Those POSTs need no CSRF token: the
 * token in the URL is the credential, and mail programs send the one-click unsubscribe of
 * RFC 8058 (`List-Unsubscribe=One-Click`) without a page. Only when mail is configured.
 */
import { sendNoStore } from "../http/cache.js";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import { getPublishedCatalogue } from "../../app/edition/read-editions.js";
import {
  confirmFollowing,
  createRequestLimit,
  requestSubscription,
  subscriptionPaths,
  unsubscribe,
  type RequestLimit,
} from "../../app/open-data/subscriptions.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { AppError, isAppError } from "../../errors.js";
import { FailedFormSummary } from "../components/error-summary/failed-form-summary.js";
import { CsrfField } from "../components/form/csrf-field.js";
import { HONEYPOT_FIELDS, HoneypotField } from "../http/honeypot.js";
import { TextField } from "../components/form/controls.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { schemaFields } from "../components/form/schema-fields.js";
import { NotificationBanner } from "../components/notification-banner/notification-banner.js";
import type { ViewContext } from "../components/view.js";
import {
  isSlug,
  MunicipalityParams,
  municipalityParamsWith,
} from "../http/params.js";
import { pageRoute } from "../http/page-route.js";
import { sendHtmlError, installHtmlErrorHandler } from "../http/error-pages.js";
import { failedAsErrorPage } from "../http/failed-as-error-page.js";
import { formAction } from "../http/form-action.js";
import { FormText } from "../http/form-schema.js";
import { viewOf } from "../identity/identity-view.js";
import { csrfToken } from "../plugins/session.js";
import { PortalFrame } from "../portal/portal-frame.js";
import { sendMessagePage } from "../http/message-page.js";

/** What the routes need. */
export interface SubscriptionRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
  /** Requests per IP address; by default 10 in 10 minutes. */
  readonly requestLimit?: RequestLimit;
}

const TokenParams = municipalityParamsWith({
  token: Type.String({ maxLength: 100 }),
});
const PageQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  angefragt: Type.Optional(Type.String({ maxLength: 10 })),
});

/** The body of the confirm and unsubscribe buttons (and of RFC 8058's one-click POST). */
const LinkBody = Type.Object({
  "List-Unsubscribe": FormText(20),
});

/** The form's body: the address, and a field people do not see (bots fill it in). */
export const SubscriptionBody = Type.Object({
  email: FormText(254),
  ...HONEYPOT_FIELDS,
});

function SubscriptionPage(props: {
  view: ViewContext;
  catalogue: Catalogue;
  requestUrl: string;
  csrfToken: string;
  isRequested: boolean;
  failed?: FailedForm | undefined;
}): JSX.Element {
  const { view, catalogue, failed } = props;
  const t = view.t.subscriptions;
  const field = schemaFields(SubscriptionBody, failed);
  return (
    <PortalFrame
      view={view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title={t.pageTitle}
    >
      <FailedFormSummary title={t.errorSummaryTitle} failed={failed} />
      {props.isRequested ? <NotificationBanner title={t.requested} /> : ""}
      <p class="app-lead" safe>
        {t.lead(catalogue.municipality.name)}
      </p>
      <h2 class="app-heading-m" safe>
        {t.storedTitle}
      </h2>
      <p safe>{t.storedText}</p>
      <form
        method="post"
        action={view.link(subscriptionPaths.page(catalogue.municipality.slug))}
        novalidate
      >
        <CsrfField token={props.csrfToken} />
        <TextField
          {...field("email")}
          type="email"
          label={t.fieldEmail}
          autocomplete="email"
          spellcheck={false}
        />
        <HoneypotField label={t.honeypot} />
        <button class="app-button" type="submit" safe>
          {t.submit}
        </button>
      </form>
    </PortalFrame>
  );
}

/** Registers the pages of following by e-mail. */
export async function subscriptionRoutes(
  instance: FastifyInstance,
  options: SubscriptionRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;
  const perIp =
    options.requestLimit ??
    createRequestLimit({ max: 10, windowMs: 10 * 60_000 });

  function requireMail(slug: string): MailDelivery {
    if (!isSlug(slug) || options.mail === null)
      throw new AppError("ERR_NOT_FOUND");
    return options.mail;
  }

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status: number,
    isRequested: boolean,
    failed?: FailedForm,
  ): Promise<FastifyReply> {
    requireMail(slug);
    const { catalogue } = await getPublishedCatalogue(ctx, slug);
    const html = await (
      <SubscriptionPage
        view={viewOf(request)}
        catalogue={catalogue}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        isRequested={isRequested}
        failed={failed}
      />
    );
    return sendNoStore(reply, status, html);
  }

  /** The page of a link from a mail: what it does, and the button that does it. */
  async function renderLinkPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    kind: "confirm" | "unsubscribe",
    token: string,
  ): Promise<FastifyReply> {
    requireMail(slug);
    const view = viewOf(request);
    const t = view.t.subscriptions;
    const action =
      kind === "confirm"
        ? subscriptionPaths.confirm(slug, token)
        : subscriptionPaths.unsubscribe(slug, token);
    return sendMessagePage(ctx, request, reply, slug, {
      title: kind === "confirm" ? t.confirmTitle : t.unsubscribeTitle,
      text: kind === "confirm" ? t.confirmText : t.unsubscribeText,
      children: (
        <form method="post" action={view.link(action)}>
          <button class="app-button" type="submit" safe>
            {kind === "confirm" ? t.confirmButton : t.unsubscribeButton}
          </button>
        </form>
      ),
      tokenInUrl: true,
    });
  }

  app.get(
    "/:slug/benachrichtigungen",
    pageRoute("public", MunicipalityParams, PageQuery),
    async (request, reply) =>
      renderPage(
        request,
        reply,
        request.params.slug,
        200,
        request.query.angefragt === "ja",
      ),
  );

  app.post(
    "/:slug/benachrichtigungen",
    formAction({
      policy: "public",
      params: MunicipalityParams,
      body: SubscriptionBody,
      form: "benachrichtigungen",
      run: async (input, { request, params, view }) => {
        const delivery = requireMail(params.slug);
        // A filled-in honeypot: answer as if it worked, store and send nothing.
        if (input.webseite === "")
          await requestSubscription(
            ctx,
            delivery,
            {
              municipality: params.slug,
              email: input.email,
              language: view.lang,
            },
            { ip: request.ip, perIp },
          );
        return view.link(subscriptionPaths.page(params.slug), {
          angefragt: "ja",
        });
      },
      render: ({ request, reply, params }, failure) =>
        renderPage(
          request,
          reply,
          params.slug,
          failure.status,
          false,
          failure.failed,
        ),
      // Too many requests: the form again with the message, 429 and Retry-After.
      answer: async (
        error,
        { request, reply, params, fields, lists, view },
      ) => {
        if (!isAppError(error, "ERR_TOO_MANY_ATTEMPTS")) return null;
        const message = error.detail ?? error.localisedMessage(view.lang);
        if (error.retryAfterSeconds !== null)
          reply.header("retry-after", String(error.retryAfterSeconds));
        return renderPage(request, reply, params.slug, 429, false, {
          form: "benachrichtigungen",
          values: fields,
          lists,
          errors: { email: message },
          summary: [{ href: "#email", text: message }],
          messages: [],
        });
      },
      fieldOf: (path) => (path === "/email" ? "email" : null),
      idOf: (field) => field,
      labelOf: (field, { view }) =>
        field === "email" ? view.t.subscriptions.fieldEmail : field,
    }),
  );

  // The two links of the mails: a page with one button, which POSTs to the same address.
  // RFC 8058: for unsubscribing, the mail program POSTs "List-Unsubscribe=One-Click"
  // there, without a page (and without a CSRF token). Nothing to type in: an unknown
  // link is the error page (404).
  for (const link of [
    {
      segment: "bestaetigen",
      kind: "confirm",
      act: confirmFollowing,
      title: "confirmedTitle",
      text: "confirmedText",
    },
    {
      segment: "abmelden",
      kind: "unsubscribe",
      act: unsubscribe,
      title: "unsubscribedTitle",
      text: "unsubscribedText",
    },
  ] as const) {
    const path = `/:slug/benachrichtigungen/${link.segment}/:token`;
    app.get(path, pageRoute("public", TokenParams), async (request, reply) =>
      renderLinkPage(
        request,
        reply,
        request.params.slug,
        link.kind,
        request.params.token,
      ),
    );

    const route = formAction({
      policy: "public",
      params: TokenParams,
      body: LinkBody,
      form: link.segment,
      run: async (_input, { request, reply, params, view }) => {
        requireMail(params.slug);
        await link.act(ctx, {
          municipality: params.slug,
          token: params.token,
          language: view.lang,
        });
        const t = view.t.subscriptions;
        return sendMessagePage(ctx, request, reply, params.slug, {
          title: t[link.title],
          text: t[link.text],
        });
      },
      answer: async (error, { request, reply }) =>
        sendHtmlError(error, request, reply),
      render: failedAsErrorPage,
    });
    app.post(path, { ...route, config: { ...route.config, csrf: false } });
  }

  installHtmlErrorHandler(app);
}
