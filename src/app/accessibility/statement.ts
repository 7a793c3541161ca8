/**
 * The accessibility statement of a municipality: everyone reads it (HTML and JSON), its
 * administrators keep the part the product cannot know (status, known barriers, last
 * review, contact). Saving is audited and moves the municipality's data version on, so
 * that cached statement pages are replaced.
 */
import {
  findStatementSettings,
  saveStatementSettings,
} from "../../db/accessibility.repository.js";
import { findOpenDataSettings } from "../../db/open-data.repository.js";
import { bumpDataVersion } from "../../db/municipality.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  buildStatement,
  isComplianceStatus,
  MAX_KNOWN_BARRIERS,
  type AccessibilityStatement,
  type KnownBarrier,
  type StatementPaths,
  type StatementSettings,
} from "../../domain/accessibility/statement.js";
import {
  formatIsoDate,
  isValidCalendarDate,
  dayNumberOf,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import type { InputProblem } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import {
  rejectProblems,
  requireMunicipality,
  guardedReader,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { requireAdministratorOf } from "../edition/revise-draft.js";

/** The statement of a municipality; throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function getAccessibilityStatement(
  ctx: AppContext,
  municipalitySlug: string,
  paths: StatementPaths,
): Promise<AccessibilityStatement> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const [settings, openData] = await Promise.all([
    findStatementSettings(ctx.db, municipality.id),
    findOpenDataSettings(ctx.db, municipality.id),
  ]);
  return buildStatement(
    { ...municipality, regionalKey: openData.regionalKey },
    settings,
    paths,
  );
}

/** The settings for their form (administrators); ERR_FORBIDDEN (logged) for others. */
export const getStatementSettingsForEditing = guardedReader(
  requireAdministratorOf,
  "accessibility_statement.read",
  async ({
    ctx,
    municipality,
  }): Promise<{
    readonly municipality: Municipality;
    readonly settings: StatementSettings;
  }> => {
    return {
      municipality,
      settings: await findStatementSettings(ctx.db, municipality.id),
    };
  },
);

/** The form's input, as typed. */
export interface StatementInput {
  readonly municipality: string;
  readonly data: {
    readonly status: string;
    /** A day as 28.11.2022 or 2022-11-28; empty for none. */
    readonly lastReview: string;
    readonly contactEmail: string;
    readonly contactPhone: string;
    readonly contactAddress: string;
    /** Rows of the form; rows without any text are left out. */
    readonly barriers: readonly KnownBarrier[];
  };
}

const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A typed day (28.11.2022 or 2022-11-28) as YYYY-MM-DD, or null when it is none. */
export function parseTypedDay(text: string): string | null {
  const trimmed = text.trim();
  const iso = parseIsoDate(trimmed);
  if (iso !== null) return formatIsoDate(iso);
  const match = GERMAN_DAY.exec(trimmed);
  if (match === null) return null;
  const [day, month, year] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  ];
  if (!isValidCalendarDate(year, month, day)) return null;
  return formatIsoDate(dayNumberOf(year, month, day));
}

/** Saves the settings; ERR_VALIDATION names each bad value and nothing is stored. */
export async function changeAccessibilityStatement(
  ctx: AppContext,
  principal: Principal,
  input: StatementInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<void> {
  const { municipality } = await requireAdministratorOf.bySlug(
    ctx,
    principal,
    input.municipality,
    "accessibility_statement.update",
    origin,
  );
  const before = await findStatementSettings(ctx.db, municipality.id);
  const problems: InputProblem[] = [];
  const status = input.data.status.trim();
  if (!isComplianceStatus(status))
    problems.push({
      path: "/data/status",
      message: "Bitte einen der angebotenen Stände wählen.",
    });
  const lastReviewText = input.data.lastReview.trim();
  const lastReview =
    lastReviewText === "" ? null : parseTypedDay(lastReviewText);
  if (lastReviewText !== "" && lastReview === null)
    problems.push({
      path: "/data/lastReview",
      message: "Bitte ein Datum wie 28.11.2022 eingeben.",
    });
  const contactEmail = input.data.contactEmail.trim();
  if (contactEmail === "")
    problems.push({
      path: "/data/contactEmail",
      message:
        "Bitte eine E-Mail-Adresse angeben, unter der Rückmeldungen zur Barrierefreiheit ankommen.",
    });
  else if (!EMAIL.test(contactEmail))
    problems.push({
      path: "/data/contactEmail",
      message:
        "Bitte eine E-Mail-Adresse wie barrierefreiheit@kleve.de angeben.",
    });
  const barriers: KnownBarrier[] = [];
  input.data.barriers.forEach((row, index) => {
    const barrier = {
      content: row.content.trim(),
      reason: row.reason.trim(),
      alternative: row.alternative.trim(),
    };
    if (
      barrier.content === "" &&
      barrier.reason === "" &&
      barrier.alternative === ""
    )
      return;
    if (barrier.content === "")
      problems.push({
        path: `/data/barriers/${index}/content`,
        message: "Bitte angeben, welcher Inhalt nicht barrierefrei ist.",
      });
    if (barrier.reason === "")
      problems.push({
        path: `/data/barriers/${index}/reason`,
        message: "Bitte den Grund angeben.",
      });
    barriers.push(barrier);
  });
  if (barriers.length > MAX_KNOWN_BARRIERS)
    problems.push({
      path: "/data/barriers",
      message: `Höchstens ${MAX_KNOWN_BARRIERS} Einträge.`,
    });
  rejectProblems(problems);
  const after = {
    status: status as StatementSettings["status"],
    barriers,
    lastReview,
    contactEmail,
    contactPhone: input.data.contactPhone.trim(),
    contactAddress: input.data.contactAddress.trim(),
  };
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await saveStatementSettings(trx, municipality.id, after, now);
    await bumpDataVersion(trx, municipality.id, now);
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "accessibility_statement.update",
        entityType: "municipality",
        entityId: municipality.id,
        entityLabel: municipality.name,
        before: {
          status: before.status,
          barriers: before.barriers,
          lastReview: before.lastReview,
          contactEmail: before.contactEmail,
          contactPhone: before.contactPhone,
          contactAddress: before.contactAddress,
        },
        after,
        version: null,
      },
      origin,
    );
  });
}
