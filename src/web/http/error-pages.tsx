/**
 * Errors as pages: the HTML error page for people (never cached), JSON for the API, chosen
 * by path; and the error handling of the staff areas, which sends a signed-out visitor to
 * the sign-in page and back.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isAppError } from "../../errors.js";
import { createViewContext, type ViewContext } from "../components/view.js";
import { identityPaths, safeNextPath } from "../identity/identity-paths.js";
import { ErrorPage } from "../portal/error-page.js";
import { withQuery } from "../portal/paths.js";
import { NO_STORE } from "./cache.js";
import { keepForm } from "../../app/auth/kept-forms.js";
import { setKeptFormCookie } from "../plugins/session.js";

/** Where the sign-in returns to after a form was kept. */
export const KEPT_FORM_PATH = "/konto/eingaben";

/**
 * A form sent after the session had ended (WCAG 2.2.1): its fields are kept, and the
 * sign-in returns to the page that offers to send them again. Null when the request is
 * no such form.
 */
async function keepFormOfEndedSession(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | null> {
  const ctx = request.server.sessionContext;
  if (
    ctx === undefined ||
    request.method !== "POST" ||
    !request.sessionEnded ||
    request.routeOptions.config.formBody === undefined
  )
    return null;
  const lists: Record<string, readonly string[]> = {};
  const body: unknown = request.body;
  if (body !== null && typeof body === "object")
    for (const [name, value] of Object.entries(body))
      lists[name] = (Array.isArray(value) ? value : [value]).filter(
        (item): item is string => typeof item === "string",
      );
  const token = await keepForm(ctx, request.url, lists);
  setKeptFormCookie(request, reply, token);
  return reply.header("cache-control", NO_STORE).redirect(
    withQuery(identityPaths.signIn(), requestLanguage(request), {
      next: KEPT_FORM_PATH,
    }),
    303,
  );
}
import {
  isJsonPath,
  problemMessage,
  requestLanguage,
  sendJsonError,
  toHttpProblem,
} from "./errors.js";

/** Sends an error as the HTML error page, uncacheable. */
export async function sendHtmlError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const problem = toHttpProblem(error, request);
  if (problem.code === "ERR_UNAUTHENTICATED") {
    const kept = await keepFormOfEndedSession(request, reply);
    if (kept !== null) return kept;
  }
  const view: ViewContext = createViewContext(requestLanguage(request));
  // A page that needs a signed-in person: sign in, then come back (the API keeps its 401).
  if (
    problem.code === "ERR_UNAUTHENTICATED" &&
    (request.method === "GET" || request.method === "HEAD")
  ) {
    return reply
      .code(303)
      .removeHeader("etag")
      .header("cache-control", NO_STORE)
      .redirect(signInLinkFor(request.url, view), 303);
  }
  const detail =
    problem.detail ??
    (problem.problems.length > 0
      ? problem.problems.map((p) => `${p.path}: ${p.message}`).join("; ")
      : null);
  const html = await (
    <ErrorPage
      view={view}
      requestUrl={request.url}
      status={problem.status}
      code={problem.code}
      message={problemMessage(problem, view.lang)}
      detail={detail}
      signInHref={
        problem.code === "ERR_UNAUTHENTICATED"
          ? view.link(identityPaths.signIn())
          : undefined
      }
    />
  );
  return reply
    .code(problem.status)
    .removeHeader("etag")
    .header("cache-control", NO_STORE)
    .type("text/html; charset=utf-8")
    .send(html);
}

/** Sends an error as JSON under /api and as the HTML error page everywhere else. */
export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> | FastifyReply {
  return isJsonPath(request.url)
    ? sendJsonError(error, request, reply)
    : sendHtmlError(error, request, reply);
}

/** The sign-in page with the way back to the page that asked for it. */
function signInLinkFor(requestUrl: string, view: ViewContext): string {
  return view.link(identityPaths.signIn(), {
    next: safeNextPath(requestUrl) ?? undefined,
  });
}

/** The error handling of a public HTML area: every error is the HTML error page, never cached. */
export function installHtmlErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) =>
    sendHtmlError(error, request, reply),
  );
}

/**
 * The error handling of a staff area: a signed-out visitor is sent to the sign-in page
 * and back (GET) or to the sign-in page (forms); everything else is the HTML error page.
 */
export function installStaffErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    if (isAppError(error, "ERR_UNAUTHENTICATED")) {
      const kept = await keepFormOfEndedSession(request, reply);
      if (kept !== null) return kept;
      const next = request.method === "GET" ? request.url : undefined;
      return reply
        .header("cache-control", NO_STORE)
        .redirect(
          withQuery("/anmelden", requestLanguage(request), { next }),
          303,
        );
    }
    return sendHtmlError(error, request, reply);
  });
}
