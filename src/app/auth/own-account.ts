/** One's own account, for the account page. */
import { findUser } from "../../db/user.repository.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import { canManageOwnAccount } from "../policies/user.policy.js";
import { summariseAccount, type AccountSummary } from "./manage-users.js";

/** The signed-in person's own account (no secrets). */
export async function getOwnAccount(
  ctx: AppContext,
  principal: UserPrincipal,
): Promise<AccountSummary> {
  if (!canManageOwnAccount(principal, principal.userId))
    throw new AppError("ERR_FORBIDDEN");
  const user = await findUser(
    ctx.db,
    { id: principal.userId },
    principal.municipalityId,
  );
  if (user === null || !user.isActive)
    throw new AppError("ERR_UNAUTHENTICATED");
  return summariseAccount(user, user.municipalityId ?? 0);
}
