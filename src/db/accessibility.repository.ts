/** The accessibility statement's settings and the forms kept across a sign-in. */
import type {
  KnownBarrier,
  StatementSettings,
} from "../domain/accessibility/statement.js";
import {
  DEFAULT_STATEMENT_SETTINGS,
  isComplianceStatus,
} from "../domain/accessibility/statement.js";
import type { Executor } from "./database.js";

function readBarriers(json: string): readonly KnownBarrier[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item: unknown) => {
      if (item === null || typeof item !== "object") return [];
      const text = (key: string): string => {
        const value: unknown = Reflect.get(item, key);
        return typeof value === "string" ? value : "";
      };
      return [
        {
          content: text("content"),
          reason: text("reason"),
          alternative: text("alternative"),
        },
      ];
    });
  } catch {
    return [];
  }
}

/** The statement settings of a municipality; the defaults when none were saved. */
export async function findStatementSettings(
  db: Executor,
  municipalityId: number,
): Promise<StatementSettings> {
  const row = await db
    .selectFrom("accessibility_statement")
    .selectAll()
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  if (row === undefined) return DEFAULT_STATEMENT_SETTINGS;
  return {
    status: isComplianceStatus(row.status)
      ? row.status
      : DEFAULT_STATEMENT_SETTINGS.status,
    barriers: readBarriers(row.barriers),
    lastReview: row.last_review,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactAddress: row.contact_address,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Stores the statement settings of a municipality (insert or replace). */
export async function saveStatementSettings(
  db: Executor,
  municipalityId: number,
  settings: Omit<StatementSettings, "updatedAt">,
  now: string,
): Promise<void> {
  const values = {
    status: settings.status,
    barriers: JSON.stringify(settings.barriers),
    last_review: settings.lastReview,
    contact_email: settings.contactEmail,
    contact_phone: settings.contactPhone,
    contact_address: settings.contactAddress,
    updated_at: now,
  };
  await db
    .insertInto("accessibility_statement")
    .values({ municipality_id: municipalityId, ...values })
    .onConflict((conflict) =>
      conflict.column("municipality_id").doUpdateSet(values),
    )
    .execute();
}

/** A form kept across a sign-in: where it was sent and what it held. */
export interface KeptForm {
  readonly action: string;
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly createdAt: string;
}

/** Keeps a form under the hash of its token. */
export async function insertKeptForm(
  db: Executor,
  tokenHash: string,
  form: KeptForm,
): Promise<void> {
  await db
    .insertInto("kept_form")
    .values({
      token_hash: tokenHash,
      action: form.action,
      fields: JSON.stringify(form.fields),
      created_at: form.createdAt,
    })
    .execute();
}

/** The kept form of a token hash, or null. */
export async function findKeptForm(
  db: Executor,
  tokenHash: string,
): Promise<KeptForm | null> {
  const row = await db
    .selectFrom("kept_form")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (row === undefined) return null;
  let fields: Record<string, readonly string[]> = {};
  try {
    const parsed: unknown = JSON.parse(row.fields);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
      fields = Object.fromEntries(
        Object.entries(parsed).map(([name, values]) => [
          name,
          Array.isArray(values)
            ? values.filter((v): v is string => typeof v === "string")
            : [],
        ]),
      );
  } catch {
    fields = {};
  }
  return {
    action: row.action,
    fields,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Forgets a kept form. */
export async function deleteKeptForm(
  db: Executor,
  tokenHash: string,
): Promise<void> {
  await db
    .deleteFrom("kept_form")
    .where("token_hash", "=", tokenHash)
    .execute();
}

/** Forgets the kept forms created before a moment. */
export async function deleteKeptFormsBefore(
  db: Executor,
  before: string,
): Promise<void> {
  await db.deleteFrom("kept_form").where("created_at", "<", before).execute();
}
