/**
 * Forms sent after the session had ended (WCAG 2.2.1): what was typed is kept under a
 * random token (the browser holds it in an HttpOnly cookie, the database its SHA-256)
 * until the person has signed in again, then shown once to be sent again. Nothing is
 * applied without the new session's own confirmation; kept forms older than a working
 * day are removed.
 */
import {
  deleteKeptForm,
  deleteKeptFormsBefore,
  findKeptForm,
  insertKeptForm,
  type KeptForm,
} from "../../db/accessibility.repository.js";
import type { AppContext } from "../context.js";
import { randomToken, sha256Hex } from "./secrets.js";

/** How long a kept form waits for the next sign-in. */
export const KEPT_FORM_LIFETIME_MS = 12 * 3600 * 1000;

/** Fields never kept: the old session's CSRF token is worthless after the sign-in. */
const DROPPED_FIELDS = new Set(["_csrf"]);

/** Keeps a form; returns the token for the cookie. */
export async function keepForm(
  ctx: AppContext,
  action: string,
  fields: Readonly<Record<string, readonly string[]>>,
): Promise<string> {
  const token = randomToken();
  const kept = Object.fromEntries(
    Object.entries(fields).filter(([name]) => !DROPPED_FIELDS.has(name)),
  );
  const now = ctx.clock();
  await deleteKeptFormsBefore(
    ctx.db,
    new Date(now.getTime() - KEPT_FORM_LIFETIME_MS).toISOString(),
  );
  await insertKeptForm(ctx.db, sha256Hex(token), {
    action,
    fields: kept,
    createdAt: now.toISOString(),
  });
  return token;
}

/** Takes a kept form out (it is shown once); null when there is none or it is too old. */
export async function takeKeptForm(
  ctx: AppContext,
  token: string,
): Promise<KeptForm | null> {
  if (token.length < 20 || token.length > 100) return null;
  const hash = sha256Hex(token);
  const kept = await findKeptForm(ctx.db, hash);
  if (kept === null) return null;
  await deleteKeptForm(ctx.db, hash);
  const age = ctx.clock().getTime() - Date.parse(kept.createdAt);
  return age > KEPT_FORM_LIFETIME_MS ? null : kept;
}
