/**
 * Audit events of identity use cases. Most are written with recordAudit (the acting
 * person is known); the command line acts as the operator of the server, who has no
 * account, so its events carry a label of their own.
 */
import type { Executor } from "../../db/database.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  recordAudit,
  recordAuditAs,
  type AuditActor,
  type AuditEntry,
  type RequestOrigin,
} from "../audit/record-audit.js";
import type { AppContext } from "../context.js";

/** Who changes accounts: a signed-in administrator (or the person themself), or the operator at the command line. */
export type AccountActor = Principal | CommandLineActor;

/** The operator of the server, acting through `fortschritt user …` or `fortschritt token …`. */
export interface CommandLineActor {
  readonly kind: "command-line";
}

/** The command line as an actor. */
export const COMMAND_LINE: CommandLineActor = { kind: "command-line" };

/** How the command line is named in the audit log. */
export const COMMAND_LINE_LABEL = "Kommandozeile (Betrieb)";

/** The command line as the audit log names it: no account, the label above. */
export const COMMAND_LINE_AUDIT_ACTOR: AuditActor = {
  userId: null,
  label: COMMAND_LINE_LABEL,
};

/** Appends an audit event for an account change, whoever made it. */
export async function recordAccountAudit(
  db: Executor,
  ctx: AppContext,
  actor: AccountActor,
  entry: AuditEntry,
  origin: RequestOrigin = { ip: null },
): Promise<void> {
  if (actor.kind !== "command-line") {
    await recordAudit(db, ctx, actor, entry, origin);
    return;
  }
  await recordAuditAs(
    db,
    ctx,
    COMMAND_LINE_AUDIT_ACTOR,
    // The command line's events have always named neither a project nor a version.
    { ...entry, projectId: null, version: null },
    origin,
  );
}
