/** What the identity routes share: the view, the account bar, form fields and problems. */
import type { FastifyRequest } from "fastify";
import type { ClientOrigin } from "../../app/auth/sessions.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import type { ErrorSummaryLink } from "../components/error-summary/error-summary.js";
import { createViewContext, type ViewContext } from "../components/view.js";
import { requestLanguage } from "../http/errors.js";
import { csrfToken } from "../plugins/session.js";
import { identityPaths, safeNextPath } from "./identity-paths.js";

/** The view context of a request (German unless ?lang=en). */
export function viewOf(request: FastifyRequest): ViewContext {
  return createViewContext(requestLanguage(request));
}

/** Where the request comes from, for throttling and the audit log. */
export function clientOrigin(request: FastifyRequest): ClientOrigin {
  const agent = request.headers["user-agent"];
  return {
    ip: request.ip,
    userAgent: typeof agent === "string" ? agent : null,
  };
}

/** The account bar for a signed-in person, or undefined. */
export function accountBarOf(
  request: FastifyRequest,
  view: ViewContext,
): AccountBarProps | undefined {
  const principal = request.principal;
  if (principal.kind !== "user" || principal.via !== "session")
    return undefined;
  // The municipality the page is for, when the person is a member there; else their first.
  const memberships = principal.memberships ?? [];
  const current = memberships.find(
    (m) => m.municipalityId === principal.municipalityId,
  );
  const session = request.authSession?.resolved;
  const slug =
    current?.municipalitySlug ??
    (session?.kind === "active" ? session.municipalitySlug : null);
  const t = view.t.identity;
  const links = [
    ...(slug !== null && principal.role === "admin"
      ? [{ href: view.link(identityPaths.users(slug)), label: t.usersLink }]
      : []),
    ...(principal.operator === undefined
      ? []
      : [{ href: view.link("/betrieb/"), label: t.operationsLink }]),
  ];
  return {
    name: principal.name,
    accountHref: view.link(identityPaths.account()),
    signOutAction: view.link(identityPaths.signOut()),
    csrfToken: csrfToken(request),
    labels: {
      region: t.accountBar,
      signedInAs: t.signedInAs,
      account: t.accountLink,
      signOut: t.signOut,
    },
    links,
    ...(memberships.length > 1
      ? {
          municipalities: {
            label: t.municipalitiesLabel,
            entries: memberships.map((m) => ({
              href: view.link(
                m.role === "committee"
                  ? `/${encodeURIComponent(m.municipalitySlug)}/`
                  : identityPaths.administration(m.municipalitySlug),
              ),
              name: m.municipalityName,
              isCurrent: m.municipalityId === principal.municipalityId,
            })),
          },
        }
      : {}),
    session: sessionTimeOf(request, view),
  };
}

/** The form field of an account use case's problem ("/email" → "email"). */
export function identityFieldOf(path: string): string | null {
  const field = path.replace(/^\//, "").split("/")[0] ?? "";
  return field === "" ? null : field;
}

/** Error summary links to the fields, in the order of the form. */
export function errorLinks(
  errors: Readonly<Record<string, string>>,
  fieldIds: Readonly<Record<string, string>>,
): readonly ErrorSummaryLink[] {
  return Object.entries(fieldIds)
    .filter(([field]) => errors[field] !== undefined)
    .map(([field, id]) => ({ text: errors[field] ?? "", href: `#${id}` }));
}

const BERLIN_TIME = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  hour: "2-digit",
  minute: "2-digit",
});

/** When the session ends without activity, and how to extend it (WCAG 2.2.1). */
function sessionTimeOf(
  request: FastifyRequest,
  view: ViewContext,
): AccountBarProps["session"] {
  const session = request.authSession?.resolved;
  if (session?.kind !== "active") return undefined;
  const now = request.server.sessionContext?.clock() ?? new Date();
  const endsAt = new Date(session.idleEndsAt);
  const t = view.t.identity;
  return {
    endsAtText: t.sessionEndsAt(BERLIN_TIME.format(endsAt)),
    remainingSeconds: Math.max(
      0,
      Math.round((endsAt.getTime() - now.getTime()) / 1000),
    ),
    warningText: t.sessionEndsSoon,
    extendAction: view.link("/konto/sitzung"),
    extendLabel: t.sessionExtend,
    next: safeNextPath(request.url) ?? "/konto",
  };
}
