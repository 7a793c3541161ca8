/** Login attempts: the record behind throttling per address. */
import type { Executor } from "./database.js";

/** A timestamp as ISO text: PostgreSQL answers with a Date, SQLite with the stored text. */
function isoOf(
  value: Date | string | number | null | undefined,
): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date
    ? value.toISOString()
    : new Date(value).toISOString();
}

/** Records one attempt; the address is stored as typed only when it belongs to an account. */
export async function insertLoginAttempt(
  db: Executor,
  values: { email: string; ip: string; at: string; isSuccess: boolean },
): Promise<void> {
  await db
    .insertInto("login_attempt")
    .values({
      email: values.email,
      ip: values.ip,
      at: values.at,
      is_success: values.isSuccess ? 1 : 0,
    })
    .execute();
}

/** How many attempts from an IP address failed since a point in time, and when the oldest of them was. */
export async function countFailedAttemptsFromIp(
  db: Executor,
  ip: string,
  since: string,
): Promise<{ readonly count: number; readonly oldestCounting: string | null }> {
  const row = await db
    .selectFrom("login_attempt")
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.min("at").as("oldest"),
    ])
    .where("ip", "=", ip)
    .where("is_success", "=", 0)
    .where("at", ">=", since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldestCounting: isoOf(row.oldest) };
}

/** Forgets attempts older than a point in time (they no longer count for anything). */
export async function deleteLoginAttemptsBefore(
  db: Executor,
  before: string,
): Promise<void> {
  await db.deleteFrom("login_attempt").where("at", "<", before).execute();
}
