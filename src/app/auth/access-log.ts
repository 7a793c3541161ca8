/**
 * Refused accesses in the audit log: a signed-in person sent away from a page (403), a
 * form without a valid CSRF token, an attempt to change something without signing in.
 * Only the route pattern is stored, never the URL itself (it may carry a reset token).
 */
import type { Principal } from "../../domain/access/principal.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";

/** Appends an "access.denied" event. */
export async function recordRefusedAccess(
  ctx: AppContext,
  principal: Principal,
  request: { method: string; route: string; code: string },
  origin: { ip: string | null },
): Promise<void> {
  await recordAudit(
    ctx.db,
    ctx,
    principal,
    {
      municipalityId:
        principal.kind === "user" ? principal.municipalityId : null,
      action: "access.denied",
      entityType: "route",
      entityId: `${request.method} ${request.route}`,
      after: { code: request.code },
    },
    origin,
  );
}
