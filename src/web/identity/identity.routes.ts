/**
 * Sign-in, the own account (/konto) and user management (/{kommune}/verwaltung/benutzer),
 * registered together. Errors fall through to the root handler, which answers in HTML.
 */
import type { FastifyInstance } from "fastify";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import { accountRoutes } from "./account.routes.js";
import { signInRoutes } from "./sign-in.routes.js";
import { userRoutes } from "./users.routes.js";
import { sessionTimeRoutes } from "./session-time.routes.js";

/** What the identity routes need. */
export interface IdentityRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
  /** Whether single sign-on is configured (the login page offers it). */
  readonly singleSignOn?: boolean;
}

/** Registers all identity routes. */
export async function identityRoutes(
  app: FastifyInstance,
  options: IdentityRoutesOptions,
): Promise<void> {
  await app.register(signInRoutes, options);
  await app.register(accountRoutes, options);
  await app.register(userRoutes, options);
  await app.register(sessionTimeRoutes, options);
}
