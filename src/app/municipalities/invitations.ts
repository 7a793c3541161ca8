/**
 * Inviting a person into a municipality with a role: an account without a password is
 * created and a one-time link lets the person set the password (and, for administration
 * and editing, the second factor at the first sign-in, as for every account); they then
 * land in that municipality. The link goes by mail when mail is configured, and is
 * returned to be shown once on screen when it is not (or sending failed).
 */
import { findUser } from "../../db/user.repository.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AccountActor } from "../auth/account-audit.js";
import { readEmail } from "../auth/account-input.js";
import { createAccount, type AccountSummary } from "../auth/manage-users.js";
import { inviteAccount, type MailDelivery } from "../auth/passwords.js";
import { requireValid } from "../catalogue/edit-support.js";
import { assertOperator } from "../operations/operators.js";
import { canManageUsers } from "../policies/user.policy.js";
import type { AppContext } from "../context.js";
import { requireMunicipalityRecord } from "./lifecycle.js";
import { InvitationInputSchema } from "./municipality.schema.js";

/** How a person gets access to a municipality. */
export type AccessDecision =
  | { readonly kind: "new-account" }
  | {
      readonly kind: "membership";
      readonly userId: number;
      /** Whether the person has set a password (otherwise they get a new invitation link). */
      readonly hasPassword: boolean;
    }
  | { readonly kind: "refused"; readonly problem: InputProblem };

/**
 * The one place that decides how an address gets access to a municipality (ADR 0026): an
 * address without an account gets a new one; an account (a person) without a membership
 * here gets one, with the role of the invitation; a person who belongs to the
 * municipality already (even with a deactivated membership, which its administrators
 * reactivate) is refused with a German message.
 */
export async function grantMunicipalityAccess(
  ctx: AppContext,
  email: string,
  municipality: { readonly id: number; readonly name: string },
): Promise<AccessDecision> {
  const existing = await findUser(ctx.db, { email }, municipality.id);
  if (existing === null) return { kind: "new-account" };
  if (existing.memberships.some((m) => m.municipalityId === municipality.id))
    return {
      kind: "refused",
      problem: {
        path: "/email",
        message: `Zu dieser E-Mail-Adresse gibt es bereits ein Konto, und es gehört schon zu ${municipality.name}. Rolle und Zugang ändert die Administration der Kommune auf der Seite des Kontos.`,
      },
    };
  return {
    kind: "membership",
    userId: existing.id,
    hasPassword: existing.passwordHash !== null,
  };
}

/**
 * Who an invitation acts as: the command line and the municipality's administrators as
 * themselves; an operator (second factor completed) with an administrator's rights in this
 * one municipality for this one step, so that the account rules apply unchanged and the
 * audit log names the operator. Anybody else is refused.
 */
function invitingAs(actor: AccountActor, municipalityId: number): AccountActor {
  if (actor.kind === "command-line" || canManageUsers(actor, municipalityId))
    return actor;
  if (actor.kind === "user" && actor.operator !== undefined) {
    assertOperator(actor);
    return { ...actor, municipalityId, role: "admin", orgUnitCodes: [] };
  }
  throw new AppError("ERR_FORBIDDEN");
}

/** What an invitation did. */
export interface Invitation {
  /**
   * "invitation": a link that sets the password (a new account, or one whose password was
   * never set); "membership": an existing account got the role here and was told so.
   */
  readonly kind: "invitation" | "membership";
  readonly account: AccountSummary;
  readonly municipality: { readonly slug: string; readonly name: string };
  /** The link that sets the password (valid three days, once), or for "membership" the municipality's administration. */
  readonly link: string;
  /** Whether the link went out by mail; otherwise show it once to the person inviting. */
  readonly isMailed: boolean;
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: "Administration",
  editor: "Redaktion",
  committee: "Ausschuss",
};

/** Tells a person with an account that they now have a role in one more municipality. */
async function notifyNewMembership(
  mail: MailDelivery | null,
  account: AccountSummary,
  municipality: { readonly slug: string; readonly name: string },
  link: string,
): Promise<boolean> {
  if (mail === null) return false;
  try {
    await mail.mailer.send({
      to: account.email,
      subject: `Fortschritt: Zugang zu ${municipality.name}`,
      text: [
        `Guten Tag ${account.name},`,
        "",
        `Sie haben bei Fortschritt jetzt auch die Rolle ${ROLE_LABELS[account.role] ?? account.role} in ${municipality.name}.`,
        "Sie melden sich mit Ihrem bisherigen Konto an (dieselbe E-Mail-Adresse, dasselbe",
        "Passwort); über Ihren Namen oben auf jeder Seite wechseln Sie zwischen Ihren Kommunen.",
        "",
        link,
      ].join("\n"),
    });
    return true;
  } catch {
    // The membership exists either way; the person inviting tells them.
    return false;
  }
}

/**
 * Invites a person into a municipality with a role (administrators of the municipality,
 * or an operator). A new address gets an account and a link that sets the password; an
 * address with an account gets a membership here and a mail that says so.
 * ERR_VALIDATION names each bad field, including an address that belongs to the
 * municipality already; nothing is stored then.
 */
export async function inviteIntoMunicipality(
  ctx: AppContext,
  invitingActor: AccountActor,
  input: unknown,
  delivery: { readonly mail: MailDelivery | null; readonly baseUrl: string },
  origin: RequestOrigin = { ip: null },
): Promise<Invitation> {
  const valid = requireValid(InvitationInputSchema, input);
  const municipality = await requireMunicipalityRecord(ctx, valid.municipality);
  const actor = invitingAs(invitingActor, municipality.id);
  if (!municipality.isActive) throw new AppError("ERR_MUNICIPALITY_READ_ONLY");
  const problems: InputProblem[] = [];
  const email = readEmail(valid.email, problems);
  let decision: AccessDecision | null = null;
  if (problems.length === 0) {
    decision = await grantMunicipalityAccess(ctx, email, municipality);
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
  const target = { slug: municipality.slug, name: municipality.name };
  if (decision?.kind === "membership" && decision.hasPassword) {
    const base = delivery.mail?.publicBaseUrl ?? delivery.baseUrl;
    const link = `${base}/${encodeURIComponent(municipality.slug)}/verwaltung/`;
    return {
      kind: "membership",
      account,
      municipality: target,
      link,
      isMailed: await notifyNewMembership(delivery.mail, account, target, link),
    };
  }
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
  return { kind: "invitation", account, municipality: target, ...invitation };
}
