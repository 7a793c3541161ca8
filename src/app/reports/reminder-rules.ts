/**
 * The municipality's rules for reminders that send themselves: the days before a
 * meeting on which editors with open updates get a mail (the first asks for updates,
 * the later ones remind). Set by administrators on the reports page.
 */
import {
  listReminderDays,
  replaceReminderDays,
} from "../../db/scheduler.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { guardedReader, UNKNOWN_ORIGIN } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  requireMunicipality,
  requireReportingAdmin,
  requireReportingStaff,
  runReportingChange,
} from "./reporting-support.js";

/** At most this many rules; more would be spam. */
export const MAX_REMINDER_RULES = 5;

/** Reads "21, 7" (commas, semicolons or spaces) into distinct day counts, largest first; ERR_VALIDATION otherwise. */
export function parseReminderDays(text: string): readonly number[] {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== "");
  const problem = (message: string): AppError =>
    new AppError("ERR_VALIDATION", {
      problems: [{ path: "/data/days", message }],
    });
  const days = parts.map((part) => {
    if (!/^\d{1,3}$/.test(part))
      throw problem(`„${part.slice(0, 20)}“ ist keine ganze Zahl von Tagen`);
    const value = Number(part);
    if (value < 1 || value > 365)
      throw problem("Jede Angabe muss zwischen 1 und 365 Tagen liegen");
    return value;
  });
  const distinct = [...new Set(days)].sort((a, b) => b - a);
  if (distinct.length > MAX_REMINDER_RULES)
    throw problem(`Höchstens ${MAX_REMINDER_RULES} Erinnerungen je Bericht`);
  return distinct;
}

/** The days before a meeting on which reminders go out, largest first (staff may read them). */
export const getReminderDays = guardedReader(
  requireReportingStaff,
  "report.reminder_rules.read",
  async ({ ctx, municipality }): Promise<readonly number[]> => {
    return listReminderDays(ctx.db, municipality.id);
  },
);

/** Replaces the rules (an empty text switches automatic reminders off). */
export async function setReminderDays(
  ctx: AppContext,
  principal: Principal,
  input: { readonly municipality: string; readonly days: string },
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<readonly number[]> {
  const municipality = await requireMunicipality(ctx.db, input.municipality);
  await requireReportingAdmin(
    ctx,
    principal,
    municipality,
    "report.reminder_rules.update",
    { entityType: "municipality", entityId: municipality.id },
    origin,
  );
  const days = parseReminderDays(input.days);
  const before = await listReminderDays(ctx.db, municipality.id);
  return runReportingChange(
    ctx,
    principal,
    municipality,
    origin,
    null,
    async (trx) => {
      await replaceReminderDays(trx, municipality.id, days);
      return {
        value: days,
        record: {
          action: "report.reminder_rules.update",
          entityType: "municipality",
          entityId: municipality.id,
          entityLabel: municipality.name,
          before: { daysBeforeMeeting: before },
          after: { daysBeforeMeeting: days },
          version: null,
        },
      };
    },
  );
}
