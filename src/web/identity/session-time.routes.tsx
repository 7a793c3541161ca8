/**
 * Time limits of a staff session (WCAG 2.2.1): POST /konto/sitzung extends the session
 * (the button of the warning in the account bar, with and without JavaScript) and
 * returns to the page; GET /konto/eingaben shows, once, what a form held when it was sent
 * after the session had ended, with a button that sends it again under the new session.
 */
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, RouteShorthandOptions } from "fastify";
import { takeKeptForm } from "../../app/auth/kept-forms.js";
import { extendSession } from "../../app/auth/sessions.js";
import type { AppContext } from "../../app/context.js";
import { CsrfField, LanguageField } from "../components/form/csrf-field.js";
import { PageLayout } from "../components/page-layout/page-layout.js";
import { DetailRow } from "../components/summary-list/detail-row.js";
import { NO_STORE, sendNoStore } from "../http/cache.js";
import { accountBarOf } from "./identity-view.js";
import { viewOf } from "../editor/editor-view.js";
import { csrfToken, takeKeptFormCookie } from "../plugins/session.js";
import { safeNextPath } from "./identity-paths.js";

/** Route patterns. */
export const SESSION_TIME_ROUTES = {
  extend: "/konto/sitzung",
  keptForm: "/konto/eingaben",
} as const;

/** Extending the session: the page to return to. */
const ExtendBody = Type.Object({
  next: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** Registers the two routes. */
export async function sessionTimeRoutes(
  instance: FastifyInstance,
  options: { readonly ctx: AppContext },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  const extendOptions: RouteShorthandOptions = {
    config: { policy: "signed-in", formBody: ExtendBody },
    schema: { hide: true, body: ExtendBody },
  };
  instance.post(
    SESSION_TIME_ROUTES.extend,
    extendOptions,
    async (request, reply) => {
      const session = request.authSession?.resolved;
      if (session?.kind === "active") await extendSession(ctx, session.idHash);
      const body: unknown = request.body;
      const next =
        body !== null && typeof body === "object"
          ? safeNextPath(Reflect.get(body, "next"))
          : null;
      return reply
        .header("cache-control", NO_STORE)
        .redirect(next ?? "/konto", 303);
    },
  );

  app.get(
    SESSION_TIME_ROUTES.keptForm,
    {
      config: { policy: "signed-in" },
      schema: {
        hide: true,
        querystring: Type.Object({
          lang: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (request, reply) => {
      const view = viewOf(request);
      const t = view.t.identity;
      const token = takeKeptFormCookie(request, reply);
      const kept = token === null ? null : await takeKeptForm(ctx, token);
      const action = kept === null ? null : safeNextPath(kept.action);
      const fields = Object.entries(kept?.fields ?? {}).filter(
        ([name]) => name !== "lang",
      );
      const html = await (
        <PageLayout
          view={view}
          title={t.keptFormTitle}
          requestUrl={request.url}
          account={accountBarOf(request, view)}
        >
          <h1 class="app-heading-xl" safe>
            {t.keptFormTitle}
          </h1>
          {kept === null || action === null ? (
            <p class="app-body-text" safe>
              {t.keptFormNone}
            </p>
          ) : (
            <>
              <p class="app-lead" safe>
                {t.keptFormLead}
              </p>
              <dl class="app-summary-list">
                {fields
                  .filter(([, values]) => values.some((value) => value !== ""))
                  .map(([name, values]) => (
                    <DetailRow
                      label={name}
                      text={values.join(", ")}
                      lang="de"
                    />
                  ))}
              </dl>
              <form method="post" action={action}>
                <CsrfField token={csrfToken(request)} />
                {fields.flatMap(([name, values]) =>
                  values.map((value) => (
                    <input type="hidden" name={name} value={value} />
                  )),
                )}
                <LanguageField lang={view.lang} />
                <div class="app-button-group">
                  <button type="submit" class="app-button" safe>
                    {t.keptFormSend}
                  </button>
                </div>
              </form>
            </>
          )}
        </PageLayout>
      );
      return sendNoStore(reply, 200, html);
    },
  );
}
