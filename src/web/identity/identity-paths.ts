/** The URLs of sign-in, account and user management, in one place. */

/** Route patterns (Fastify syntax). */
export const IDENTITY_ROUTES = {
  signIn: "/anmelden",
  secondFactor: "/anmelden/zweiter-faktor",
  enrolAtSignIn: "/anmelden/zwei-faktor-einrichten",
  signOut: "/abmelden",
  forgotPassword: "/passwort-vergessen",
  resetPassword: "/passwort-neu/:token",
  account: "/konto",
  accountSecondFactor: "/konto/zwei-faktor",
  accountRecoveryCodes: "/konto/wiederherstellungscodes",
  accountPassword: "/konto/passwort",
  accountTokens: "/konto/api-tokens",
  accountTokenRevoke: "/konto/api-tokens/:tokenId/widerrufen",
  users: "/:slug/verwaltung/benutzer",
  userNew: "/:slug/verwaltung/benutzer/neu",
  user: "/:slug/verwaltung/benutzer/:userId",
  userDeactivate: "/:slug/verwaltung/benutzer/:userId/deaktivieren",
  userReactivate: "/:slug/verwaltung/benutzer/:userId/reaktivieren",
  userInvite: "/:slug/verwaltung/benutzer/:userId/einladen",
} as const;

const slugPart = (slug: string): string => encodeURIComponent(slug);

/** Paths of the pages. */
export const identityPaths = {
  signIn: (): string => IDENTITY_ROUTES.signIn,
  secondFactor: (): string => IDENTITY_ROUTES.secondFactor,
  enrolAtSignIn: (): string => IDENTITY_ROUTES.enrolAtSignIn,
  signOut: (): string => IDENTITY_ROUTES.signOut,
  forgotPassword: (): string => IDENTITY_ROUTES.forgotPassword,
  resetPassword: (token: string): string =>
    `/passwort-neu/${encodeURIComponent(token)}`,
  account: (): string => IDENTITY_ROUTES.account,
  accountSecondFactor: (): string => IDENTITY_ROUTES.accountSecondFactor,
  accountRecoveryCodes: (): string => IDENTITY_ROUTES.accountRecoveryCodes,
  accountPassword: (): string => IDENTITY_ROUTES.accountPassword,
  accountTokens: (): string => IDENTITY_ROUTES.accountTokens,
  accountTokenRevoke: (id: number): string =>
    `/konto/api-tokens/${id}/widerrufen`,
  administration: (slug: string): string => `/${slugPart(slug)}/verwaltung/`,
  users: (slug: string): string => `/${slugPart(slug)}/verwaltung/benutzer`,
  userNew: (slug: string): string =>
    `/${slugPart(slug)}/verwaltung/benutzer/neu`,
  user: (slug: string, id: number): string =>
    `/${slugPart(slug)}/verwaltung/benutzer/${id}`,
  userDeactivate: (slug: string, id: number): string =>
    `/${slugPart(slug)}/verwaltung/benutzer/${id}/deaktivieren`,
  userReactivate: (slug: string, id: number): string =>
    `/${slugPart(slug)}/verwaltung/benutzer/${id}/reaktivieren`,
  userInvite: (slug: string, id: number): string =>
    `/${slugPart(slug)}/verwaltung/benutzer/${id}/einladen`,
};

/** The origin relative addresses are resolved against; never sent anywhere. */
const CHECK_ORIGIN = "http://fortschritt.invalid";

/**
 * Where to go after signing in: only a path on this site ("/kleve/verwaltung/…"), never
 * another host ("//evil.example", "/\\evil.example", "https://…"), so the login cannot
 * be abused as an open redirect (ASVS 5.1.5). The check runs on the address as a browser
 * resolves it (dot segments, "%2e", backslashes), and only its path and query are kept:
 * "/.//evil.example" normalises to "//evil.example" and is refused.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next === "" || next.length > 2000)
    return null;
  // Control characters and white space are stripped or kept by browsers in different ways.
  if (/[\u0000-\u0020\u007f\\]/.test(next)) return null;
  if (!next.startsWith("/") || next.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(next, CHECK_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== CHECK_ORIGIN || url.username !== "" || url.password !== "")
    return null;
  const path = `${url.pathname}${url.search}`;
  // After normalisation the path must still be a path: "//host" would be another site.
  if (
    !path.startsWith("/") ||
    path.startsWith("//") ||
    /[\\\u0000-\u0020\u007f]/.test(path)
  )
    return null;
  // Encoded slashes and backslashes are no part of any address of ours; some proxies decode them.
  if (/%(2f|5c)/i.test(url.pathname)) return null;
  if (new URL(path, CHECK_ORIGIN).origin !== CHECK_ORIGIN) return null;
  // The sign-in pages themselves are no destination.
  if (
    url.pathname === "/anmelden" ||
    url.pathname.startsWith("/anmelden/") ||
    url.pathname === "/abmelden"
  )
    return null;
  return path;
}
