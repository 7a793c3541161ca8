/**
 * The lifecycle of a municipality (ADR 0026): create it (empty, or with the shape of an
 * existing one), list them with their state, deactivate and reactivate. Operators only —
 * today the operator at the command line; the operator role of the browser calls the same
 * functions. Every step is audited in the transaction that makes it; nothing is deleted.
 */
import {
  findMunicipalityRecord,
  insertMunicipalityRecord,
  listMunicipalityRecords,
  setMunicipalityActive,
  type MunicipalityListEntry,
  type MunicipalityRecord,
} from "../../db/municipality-lifecycle.repository.js";
import {
  findFederalState,
  regionalKeyProblem,
} from "../../domain/municipality/federal-states.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import {
  recordAccountAudit,
  type AccountActor,
} from "../auth/account-audit.js";
import { readEmail } from "../auth/account-input.js";
import { RESERVED_MUNICIPALITY_SLUGS } from "../catalogue/catalogue-document.js";
import { requireValid } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { assertOperator } from "../operations/operators.js";
import {
  CreateMunicipalityInputSchema,
  MunicipalityStateInputSchema,
  TEMPLATE_PART_KEYS,
} from "./municipality.schema.js";
import { copyShape, type CopiedPart } from "./template.js";

export type { MunicipalityListEntry, MunicipalityRecord };

/** Who runs the instance: the operator at the command line, or an operator signed in with a second factor. */
export type OperatorActor = AccountActor;

/** First path segments a municipality cannot have: the app's own, the operators' and the invitations'. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(
  RESERVED_MUNICIPALITY_SLUGS,
);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Refuses everybody but an operator (ERR_OPERATOR_SECOND_FACTOR for one without a completed second factor). */
export function requireOperator(actor: OperatorActor): void {
  if (actor.kind !== "command-line") assertOperator(actor);
}

/** A municipality by slug; ERR_MUNICIPALITY_NOT_FOUND naming it. */
export async function requireMunicipalityRecord(
  ctx: AppContext,
  slug: string,
): Promise<MunicipalityRecord> {
  const found = await findMunicipalityRecord(ctx.db, slug.trim());
  if (found === null)
    throw new AppError("ERR_MUNICIPALITY_NOT_FOUND", {
      detail: `Es gibt keine Kommune mit dem Kurznamen „${slug.trim()}“.`,
    });
  return found;
}

/** What creating a municipality did. */
export interface CreatedMunicipality {
  readonly municipality: MunicipalityRecord;
  /** The template's slug, or null for an empty start. */
  readonly template: string | null;
  readonly copied: readonly CopiedPart[];
}

function readWebsite(
  value: string | undefined,
  problems: InputProblem[],
): string | null {
  const website = (value ?? "").trim();
  if (website === "") return null;
  try {
    const url = new URL(website);
    if (url.protocol === "https:" || url.protocol === "http:") return website;
  } catch {
    // reported below
  }
  problems.push({
    path: "/website",
    message:
      "Bitte geben Sie die Website als vollständige Adresse an, z. B. https://www.goch.de.",
  });
  return null;
}

/**
 * Creates a municipality: checks every field (ERR_VALIDATION naming each problem, nothing
 * stored), then in one transaction writes it with an empty programme frame, copies the
 * template's shape when one is named, and audits it. New municipalities show the public
 * only what an administrator has released until their first edition.
 */
export async function createMunicipality(
  ctx: AppContext,
  actor: OperatorActor,
  input: unknown,
  origin: RequestOrigin = { ip: null },
): Promise<CreatedMunicipality> {
  requireOperator(actor);
  const valid = requireValid(CreateMunicipalityInputSchema, input);
  const problems: InputProblem[] = [];
  const name = valid.name.trim().replace(/\s+/g, " ");
  if (name === "")
    problems.push({ path: "/name", message: "Bitte geben Sie den Namen ein." });
  const slug = valid.slug.trim();
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      path: "/slug",
      message:
        "Der Kurzname besteht aus Kleinbuchstaben (ohne Umlaute), Ziffern und einzelnen Bindestrichen, z. B. goch oder kreis-kleve.",
    });
  } else if (RESERVED_SLUGS.has(slug)) {
    problems.push({
      path: "/slug",
      message: `„${slug}“ ist für Seiten der Anwendung reserviert. Bitte wählen Sie einen anderen Kurznamen.`,
    });
  } else if ((await findMunicipalityRecord(ctx.db, slug)) !== null) {
    problems.push({
      path: "/slug",
      message: `Den Kurznamen „${slug}“ hat bereits eine andere Kommune. Bitte wählen Sie einen anderen.`,
    });
  }
  const state = findFederalState(valid.state);
  if (state === null)
    problems.push({
      path: "/state",
      message:
        "Bitte geben Sie das Bundesland an, z. B. Nordrhein-Westfalen (oder seinen Schlüssel 05).",
    });
  const regionalKey = valid.regionalKey.replace(/\s+/g, "");
  const keyProblem = regionalKeyProblem(regionalKey, state);
  if (keyProblem === "format")
    problems.push({
      path: "/regionalKey",
      message:
        "Der amtliche Regionalschlüssel hat 12 Ziffern und beginnt mit dem Schlüssel des Landes (01 bis 16), z. B. 051540036036.",
    });
  else if (keyProblem === "land" && state !== null)
    problems.push({
      path: "/regionalKey",
      message: `Der Regionalschlüssel beginnt mit ${regionalKey.slice(0, 2)}, ${state.name} hat aber den Schlüssel ${state.code}. Bitte prüfen Sie Schlüssel und Bundesland.`,
    });
  const website = readWebsite(valid.website, problems);
  const contactEmail =
    (valid.contactEmail ?? "").trim() === ""
      ? null
      : readEmail(valid.contactEmail, problems, "/contactEmail");
  const templateSlug = (valid.template ?? "").trim();
  const template =
    templateSlug === ""
      ? null
      : await findMunicipalityRecord(ctx.db, templateSlug);
  if (templateSlug !== "" && template === null)
    problems.push({
      path: "/template",
      message: `Es gibt keine Kommune „${templateSlug}“, deren Aufbau übernommen werden könnte.`,
    });
  if (problems.length > 0 || state === null)
    throw new AppError("ERR_VALIDATION", { problems });
  const parts = valid.parts ?? TEMPLATE_PART_KEYS;
  const now = ctx.clock();
  const year = now.getUTCFullYear();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertMunicipalityRecord(trx, {
      slug,
      name,
      state: state.name,
      website,
      regionalKey,
      contactEmail,
      programme: {
        title: `Digitalisierungsprogramm ${name}`,
        horizonStart: year,
        horizonEnd: year + 5,
      },
      now: now.toISOString(),
    });
    const copied =
      template === null ? [] : await copyShape(trx, template.id, id, parts);
    await recordAccountAudit(
      trx,
      ctx,
      actor,
      {
        municipalityId: id,
        action: "municipality.create",
        entityType: "municipality",
        entityId: id,
        entityLabel: name,
        after: {
          slug,
          name,
          state: state.name,
          regionalKey,
          website,
          contactEmail,
          template: template?.slug ?? null,
          copied: Object.fromEntries(
            copied.map((part) => [part.key, part.count]),
          ),
        },
      },
      origin,
    );
    return copied;
  });
  return {
    municipality: await requireMunicipalityRecord(ctx, slug),
    template: template?.slug ?? null,
    copied: result,
  };
}

/** One municipality as the operators' pages show it (operators only). */
export async function getMunicipalityForOperators(
  ctx: AppContext,
  actor: OperatorActor,
  slug: string,
): Promise<MunicipalityRecord> {
  requireOperator(actor);
  return requireMunicipalityRecord(ctx, slug);
}

/** Every municipality with its state and counts, by name (operators). */
export async function listMunicipalitiesForOperators(
  ctx: AppContext,
  actor: OperatorActor,
): Promise<readonly MunicipalityListEntry[]> {
  requireOperator(actor);
  return listMunicipalityRecords(ctx.db);
}

/**
 * Deactivates (isActive false) or reactivates a municipality. Nothing is deleted: while
 * deactivated its public pages answer 410 with a notice and its staff cannot change data;
 * reactivation restores everything as it was. Doing it twice is refused (ERR_VALIDATION).
 */
export async function setMunicipalityState(
  ctx: AppContext,
  actor: OperatorActor,
  input: unknown,
  isActive: boolean,
  origin: RequestOrigin = { ip: null },
): Promise<MunicipalityRecord> {
  requireOperator(actor);
  const valid = requireValid(MunicipalityStateInputSchema, input);
  const municipality = await requireMunicipalityRecord(ctx, valid.municipality);
  if (municipality.isActive === isActive)
    throw new AppError("ERR_VALIDATION", {
      detail: isActive
        ? `${municipality.name} ist bereits aktiv.`
        : `${municipality.name} ist bereits deaktiviert.`,
      problems: [
        {
          path: "/municipality",
          message: isActive ? "ist bereits aktiv" : "ist bereits deaktiviert",
        },
      ],
    });
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const entry = {
      municipalityId: municipality.id,
      action: isActive ? "municipality.reactivate" : "municipality.deactivate",
      entityType: "municipality",
      entityId: municipality.id,
      entityLabel: municipality.name,
      before: { isActive: municipality.isActive },
      after: { isActive },
      reason: valid.reason ?? null,
    };
    // The event is written while the municipality is active: before switching it off, after switching it on.
    if (!isActive) await recordAccountAudit(trx, ctx, actor, entry, origin);
    await setMunicipalityActive(trx, municipality.id, isActive, now);
    if (isActive) await recordAccountAudit(trx, ctx, actor, entry, origin);
  });
  return requireMunicipalityRecord(ctx, municipality.slug);
}
