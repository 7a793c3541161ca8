/**
 * Inviting a person into a municipality with a role: an account without a password is
 * created and a one-time link lets the person set the password (and, for administration
 * and editing, the second factor at the first sign-in, as for every account); they then
 * land in that municipality. The link goes by mail when mail is configured, and is
 * returned to be shown once on screen when it is not (or sending failed).
 */
import { findUserByEmail } from "../../db/user.repository.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AccountActor } from "../auth/account-audit.js";
import { readEmail } from "../auth/account-input.js";
import { createAccount, type AccountSummary } from "../auth/manage-users.js";
import { inviteAccount, type MailDelivery } from "../auth/passwords.js";
import { requireValid } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { requireMunicipalityRecord } from "./lifecycle.js";
import { InvitationInputSchema } from "./municipality.schema.js";

/** How a person gets access to a municipality. */
export type AccessDecision =
  | { readonly kind: "new-account" }
  | { readonly kind: "refused"; readonly problem: InputProblem };

/**
 * The one place that decides how an address gets access to a municipality: an address
 * without an account gets a new one; an address that has an account is refused for now
 * with a German message (one account per person with a role per municipality replaces
 * this decision).
 */
export async function grantMunicipalityAccess(
  ctx: AppContext,
  email: string,
  municipality: { readonly id: number; readonly name: string },
): Promise<AccessDecision> {
  const existing = await findUserByEmail(ctx.db, email);
  if (existing === null) return { kind: "new-account" };
  return {
    kind: "refused",
    problem: {
      path: "/email",
      message:
        existing.municipalityId === municipality.id
          ? `Zu dieser E-Mail-Adresse gibt es bereits ein Konto. Es gehört schon zu ${municipality.name}; eine neue Einladung verschicken Sie auf der Seite des Kontos.`
          : "Zu dieser E-Mail-Adresse gibt es bereits ein Konto. Es gehört zu einer anderen Kommune, und ein Konto gilt zurzeit für eine Kommune; bitte verwenden Sie eine andere Adresse.",
    },
  };
}

/** What an invitation did. */
export interface Invitation {
  readonly account: AccountSummary;
  readonly municipality: { readonly slug: string; readonly name: string };
  /** The link that sets the password: valid three days, once. */
  readonly link: string;
  /** Whether the link went out by mail; otherwise show it once to the person inviting. */
  readonly isMailed: boolean;
}

/**
 * Invites a person into a municipality with a role (administrators of the municipality,
 * or the operator). ERR_VALIDATION names each bad field, including an address that has an
 * account already; nothing is stored then.
 */
export async function inviteIntoMunicipality(
  ctx: AppContext,
  actor: AccountActor,
  input: unknown,
  delivery: { readonly mail: MailDelivery | null; readonly baseUrl: string },
  origin: RequestOrigin = { ip: null },
): Promise<Invitation> {
  const valid = requireValid(InvitationInputSchema, input);
  const municipality = await requireMunicipalityRecord(ctx, valid.municipality);
  if (!municipality.isActive) throw new AppError("ERR_MUNICIPALITY_READ_ONLY");
  const problems: InputProblem[] = [];
  const email = readEmail(valid.email, problems);
  if (problems.length === 0) {
    const decision = await grantMunicipalityAccess(ctx, email, municipality);
    if (decision.kind === "refused") problems.push(decision.problem);
  }
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const account = await createAccount(
    ctx,
    actor,
    {
      municipalityId: municipality.id,
      email,
      name: valid.name,
      role: valid.role,
      orgUnitCodes: valid.orgUnitCodes ?? [],
    },
    origin,
  );
  const invitation = await inviteAccount(
    ctx,
    actor,
    {
      userId: account.id,
      delivery: delivery.mail,
      publicBaseUrl: delivery.mail?.publicBaseUrl ?? delivery.baseUrl,
    },
    origin,
  );
  return {
    account,
    municipality: { slug: municipality.slug, name: municipality.name },
    ...invitation,
  };
}
