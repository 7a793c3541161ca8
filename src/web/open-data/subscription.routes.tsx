/**
 * Following a municipality by e-mail (ADR 0021): /{kommune}/benachrichtigungen with the
 * form (works without JavaScript; a hidden honeypot field catches simple bots), the
 * confirmation link and the unsubscribe link of the mails. Only when mail is configured.
 */
import type { Children } from "@kitajs/html";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import { getPublishedCatalogue } from "../../app/edition/read-editions.js";
import {
  confirmFollowing,
  requestSubscription,
  subscriptionPaths,
  unsubscribe,
} from "../../app/open-data/subscriptions.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import { ErrorSummary } from "../components/error-summary/error-summary.js";
import { CsrfField } from "../components/form/csrf-field.js";
import { TextField } from "../components/form/controls.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { NotificationBanner } from "../components/notification-banner/notification-banner.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import type { ViewContext } from "../components/view.js";
import { NO_STORE } from "../http/cache.js";
import { sendHtmlError } from "../http/error-pages.js";
import { formAction } from "../http/form-action.js";
import { FormText } from "../http/form-schema.js";
import { viewOf } from "../identity/identity-view.js";
import { csrfToken } from "../plugins/session.js";
import { paths } from "../portal/paths.js";
import { siteHeader } from "../portal/site.js";

/** What the routes need. */
export interface SubscriptionRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
}

const HTML = "text/html; charset=utf-8";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Params = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const TokenParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  token: Type.String({ maxLength: 100 }),
});
const PageQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  angefragt: Type.Optional(Type.String({ maxLength: 10 })),
});

/** The form's body: the address, and a field people do not see (bots fill it in). */
export const SubscriptionBody = Type.Object({
  email: FormText(254),
  webseite: FormText(200),
});

function Frame(props: {
  view: ViewContext;
  catalogue: Catalogue;
  requestUrl: string;
  title: string;
  children?: Children;
}): JSX.Element {
  const { view, catalogue } = props;
  return (
    <PageLayout
      view={view}
      title={props.title}
      requestUrl={props.requestUrl}
      site={siteHeader(catalogue)}
      breadcrumbs={[
        {
          label: catalogue.municipality.name,
          href: view.link(paths.municipality(catalogue.municipality.slug)),
          lang: view.contentLang,
        },
        { label: props.title },
      ]}
    >
      <h1 class="app-heading-xl" safe>
        {props.title}
      </h1>
      {props.children}
    </PageLayout>
  );
}

function SubscriptionPage(props: {
  view: ViewContext;
  catalogue: Catalogue;
  requestUrl: string;
  csrfToken: string;
  isRequested: boolean;
  failed?: FailedForm | undefined;
}): JSX.Element {
  const { catalogue, failed } = props;
  const name = catalogue.municipality.name;
  return (
    <Frame
      view={props.view}
      catalogue={catalogue}
      requestUrl={props.requestUrl}
      title="Benachrichtigungen per E-Mail"
    >
      {failed === undefined ? (
        ""
      ) : (
        <ErrorSummary
          title="Es gibt ein Problem"
          links={failed.summary}
          messages={failed.messages}
        />
      )}
      {props.isRequested ? (
        <NotificationBanner title="Bitte bestätigen Sie Ihre Adresse: wir haben Ihnen eine E-Mail mit einem Link geschickt (48 Stunden gültig)." />
      ) : (
        ""
      )}
      <p class="app-lead" safe>
        {`Erhalten Sie die veröffentlichten Veränderungen des Digitalisierungsprogramms von ${name} per E-Mail: neue Fortschreibungen, Sachstandsberichte und Kennzahlen, höchstens eine Zusammenfassung am Tag und nur, wenn es Neues gibt.`}
      </p>
      <h2 class="app-heading-m">Was wir speichern und warum</h2>
      <p>
        Wir speichern nur Ihre E-Mail-Adresse, nur um Ihnen diese
        Benachrichtigungen zu schicken, und nur bis Sie sie abbestellen. Ohne
        Bestätigung innerhalb von 48 Stunden wird die Adresse gelöscht. Jede
        E-Mail enthält einen Link zum Abbestellen, der Ihre Adresse sofort
        löscht. Die Adresse erscheint in keinem Export und keinen offenen Daten;
        die E-Mails enthalten keine Zählpixel und keine verfolgten Links.
      </p>
      <form
        method="post"
        action={subscriptionPaths.page(catalogue.municipality.slug)}
        novalidate
      >
        <CsrfField token={props.csrfToken} />
        <TextField
          id="email"
          name="email"
          type="email"
          label="E-Mail-Adresse"
          autocomplete="email"
          spellcheck={false}
          value={failed?.values.email ?? ""}
          error={failed?.errors.email}
          maxlength={SubscriptionBody.properties.email.maxLength}
        />
        <div hidden>
          <label for="webseite">Bitte leer lassen</label>
          <input
            id="webseite"
            name="webseite"
            type="text"
            tabindex="-1"
            autocomplete="off"
          />
        </div>
        <button class="app-button" type="submit">
          Benachrichtigungen bestellen
        </button>
      </form>
    </Frame>
  );
}

/** Registers the pages of following by e-mail. */
export async function subscriptionRoutes(
  instance: FastifyInstance,
  options: SubscriptionRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  function requireMail(slug: string): MailDelivery {
    if (!SLUG.test(slug) || options.mail === null)
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
    return reply
      .code(status)
      .header("cache-control", NO_STORE)
      .type(HTML)
      .send(html);
  }

  async function renderMessage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    title: string,
    text: string,
  ): Promise<FastifyReply> {
    const { catalogue } = await getPublishedCatalogue(ctx, slug);
    const html = await (
      <Frame
        view={viewOf(request)}
        catalogue={catalogue}
        requestUrl={request.url}
        title={title}
      >
        <p class="app-lead" safe>
          {text}
        </p>
      </Frame>
    );
    return reply
      .code(200)
      .header("cache-control", NO_STORE)
      .type(HTML)
      .send(html);
  }

  app.get(
    "/:slug/benachrichtigungen",
    {
      config: { policy: "public" },
      schema: { hide: true, params: Params, querystring: PageQuery },
    },
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
      params: Params,
      body: SubscriptionBody,
      form: "benachrichtigungen",
      run: async (input, { params, view }) => {
        const delivery = requireMail(params.slug);
        // A filled-in honeypot: answer as if it worked, store and send nothing.
        if (input.webseite === "")
          await requestSubscription(ctx, delivery, {
            municipality: params.slug,
            email: input.email,
          });
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
      fieldOf: (path) => (path === "/email" ? "email" : null),
      idOf: (field) => field,
      labelOf: (field) => (field === "email" ? "E-Mail-Adresse" : field),
    }),
  );

  app.get(
    "/:slug/benachrichtigungen/bestaetigen/:token",
    {
      config: { policy: "public" },
      schema: { hide: true, params: TokenParams },
    },
    async (request, reply) => {
      const { slug, token } = request.params;
      requireMail(slug);
      await confirmFollowing(ctx, { municipality: slug, token });
      return renderMessage(
        request,
        reply,
        slug,
        "Adresse bestätigt",
        "Danke! Sie erhalten ab jetzt höchstens einmal am Tag eine E-Mail, wenn Neues veröffentlicht wurde.",
      );
    },
  );

  app.get(
    "/:slug/benachrichtigungen/abmelden/:token",
    {
      config: { policy: "public" },
      schema: { hide: true, params: TokenParams },
    },
    async (request, reply) => {
      const { slug, token } = request.params;
      requireMail(slug);
      await unsubscribe(ctx, { municipality: slug, token });
      return renderMessage(
        request,
        reply,
        slug,
        "Abbestellt",
        "Sie erhalten keine Benachrichtigungen mehr. Ihre E-Mail-Adresse ist gelöscht.",
      );
    },
  );

  app.setErrorHandler(async (error, request, reply) =>
    sendHtmlError(error, request, reply),
  );
}
