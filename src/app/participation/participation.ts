/**
 * Ideas, feedback and barrier reports (ADR 0023). The public (or, when the municipality
 * says so, only its staff) submits without an account; an address for replies is optional
 * and confirmed by double opt-in; administrators publish, decide and assign; every status
 * change is in the item's history, audited, and mailed to a confirmed submitter. Only this
 * module sees addresses; everything it gives to pages, exports and the API is PublicItem.
 */
import { formatGermanDateTime } from "../../domain/calendar/calendar.js";
import {
  confirmItemEmail,
  countRate,
  findItem,
  findItemByUnsubscribeToken,
  findItemByWithdrawHash,
  findParticipationSettings,
  forgetItemEmail,
  insertItem,
  insertRate,
  insertStatusEvent,
  listItems,
  listStatusEvents,
  purgePersonalData,
  saveParticipationSettings,
  updateItem,
  type ItemFilter,
  type StoredItem,
  type StoredParticipationSettings,
} from "../../db/participation.repository.js";
import { bumpDataVersion } from "../../db/municipality.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  listProjects,
  type Catalogue,
  type Municipality,
} from "../../domain/catalogue/catalogue.js";
import {
  ageInDays,
  BODY_MAX,
  BODY_MIN,
  canMoveTo,
  CONFIRMATION_VALIDITY_MS,
  dueAt,
  isItemKind,
  isItemStatus,
  isOverdue,
  isParticipationMode,
  RATE_COUNTER_RETENTION_MS,
  RATE_LIMIT,
  RATE_WINDOW_MS,
  TITLE_MAX,
  type ItemKind,
  type ItemStatus,
  type ParticipationMode,
  type PublicItem,
} from "../../domain/participation/participation.js";
import { AppError, type InputProblem } from "../../errors.js";
import { de } from "../../i18n/de.js";
import { dictionary, resolveLanguage } from "../../i18n/i18n.js";
import { readEmail } from "../auth/account-input.js";
import type { MailDelivery } from "../auth/passwords.js";
import { randomToken, sha256Hex } from "../auth/secrets.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import {
  municipalityGuard,
  rejectProblems,
  requireMunicipality,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import type { AppContext } from "../context.js";
import { getPublishedCatalogue } from "../edition/read-editions.js";
import {
  canModerateParticipation,
  canReadParticipationQueue,
  canSubmitAsStaff,
} from "../policies/participation.policy.js";
import type { PeriodicJob } from "../scheduler/scheduler.js";

const part = (value: string): string => encodeURIComponent(value);

/** The portal and staff paths of participation. */
export const participationPaths = {
  list: (slug: string): string => `/${part(slug)}/ideen`,
  form: (slug: string): string => `/${part(slug)}/ideen/einreichen`,
  item: (slug: string, id: number): string => `/${part(slug)}/ideen/${id}`,
  barrier: (slug: string): string => `/${part(slug)}/barriere-melden`,
  confirm: (slug: string, token: string): string =>
    `/${part(slug)}/ideen/bestaetigen/${part(token)}`,
  withdraw: (slug: string, token: string): string =>
    `/${part(slug)}/ideen/zurueckziehen/${part(token)}`,
  unsubscribe: (slug: string, token: string): string =>
    `/${part(slug)}/ideen/abmelden/${part(token)}`,
  queue: (slug: string): string => `/${part(slug)}/verwaltung/beteiligung`,
  queueItem: (slug: string, id: number): string =>
    `/${part(slug)}/verwaltung/beteiligung/${id}`,
  settings: (slug: string): string =>
    `/${part(slug)}/verwaltung/beteiligung-einstellungen`,
};

/** The job's name (its lease row). */
export const PARTICIPATION_PRIVACY_JOB = "participation-privacy";

const requireModerator = municipalityGuard(canModerateParticipation);
const requireQueueReader = municipalityGuard(canReadParticipationQueue);

/** The settings of a municipality. */
export interface ParticipationSettings extends StoredParticipationSettings {
  readonly municipality: Municipality;
}

/**
 * An optional choice among what the form offered: null when left empty, otherwise the
 * offered entry with that key; null and `problem` when it is none of them.
 */
function readChoice<T>(
  value: string,
  offered: readonly T[],
  keyOf: (entry: T) => string,
  problems: InputProblem[],
  problem: InputProblem,
): T | null {
  const key = value.trim();
  if (key === "") return null;
  const chosen = offered.find((entry) => keyOf(entry) === key);
  if (chosen === undefined) problems.push(problem);
  return chosen ?? null;
}

/** The settings (everybody: the portal decides whether to show the form). */
export async function getParticipationSettings(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<ParticipationSettings> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  return {
    municipality,
    ...(await findParticipationSettings(ctx.db, municipality.id)),
  };
}

/** The settings for their form (administrators); ERR_FORBIDDEN (logged) for others. */
export async function getParticipationSettingsForEditing(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ParticipationSettings> {
  const settings = await getParticipationSettings(ctx, municipalitySlug);
  await requireModerator(
    ctx,
    principal,
    settings.municipality,
    "participation.settings.read",
    origin,
  );
  return settings;
}

/** Changes the settings (administrators), audited. */
export async function changeParticipationSettings(
  ctx: AppContext,
  principal: Principal,
  input: {
    readonly municipality: string;
    readonly mode: string;
    readonly overdueDays: number;
    readonly retentionDays: number;
  },
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<void> {
  const before = await getParticipationSettings(ctx, input.municipality);
  const { municipality } = before;
  await requireModerator(
    ctx,
    principal,
    municipality,
    "participation.settings",
    origin,
  );
  const problems: InputProblem[] = [];
  if (!isParticipationMode(input.mode))
    problems.push({
      path: "/data/mode",
      message: "Bitte eine der angebotenen Einstellungen wählen.",
    });
  for (const [field, min, max] of [
    ["overdueDays", 1, 365],
    ["retentionDays", 7, 730],
  ] as const) {
    const days = input[field];
    if (!Number.isInteger(days) || days < min || days > max)
      problems.push({
        path: `/data/${field}`,
        message: `Bitte eine ganze Zahl von ${min} bis ${max} Tagen eingeben.`,
      });
  }
  rejectProblems(problems);
  const after: StoredParticipationSettings = {
    mode: input.mode as ParticipationMode,
    overdueDays: input.overdueDays,
    retentionDays: input.retentionDays,
  };
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await saveParticipationSettings(trx, municipality.id, after, now);
    // The start page links the published ideas only while the public may contribute or
    // something is published; it is cached by the published version.
    if (before.mode !== after.mode)
      await bumpDataVersion(trx, municipality.id, now, "public");
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "participation.settings",
        entityType: "municipality",
        entityId: municipality.id,
        entityLabel: municipality.name,
        before: {
          mode: before.mode,
          overdueDays: before.overdueDays,
          retentionDays: before.retentionDays,
        },
        after,
      },
      origin,
    );
  });
}

/**
 * Whether the principal may use a form of a municipality now. Barrier reports are always
 * taken from everybody: the accessibility statement's feedback channel is a duty (BITV 2.0
 * § 7), not a choice of the participation switch.
 */
export function mayContribute(
  settings: StoredParticipationSettings,
  principal: Principal,
  municipalityId: number,
  form: "general" | "barrier" = "general",
): boolean {
  if (form === "barrier" || settings.mode === "public") return true;
  if (settings.mode === "staff")
    return canSubmitAsStaff(principal, municipalityId);
  return false;
}

/** The form's data: the projects one may refer to, and whether it is open. */
export async function getSubmissionForm(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  form: "general" | "barrier" = "general",
): Promise<{
  readonly catalogue: Catalogue;
  readonly settings: StoredParticipationSettings;
  readonly projects: readonly { slug: string; title: string }[];
}> {
  const { catalogue } = await getPublishedCatalogue(ctx, municipalitySlug);
  const settings = await findParticipationSettings(
    ctx.db,
    catalogue.municipality.id,
  );
  if (!mayContribute(settings, principal, catalogue.municipality.id, form))
    throw new AppError("ERR_NOT_FOUND");
  return {
    catalogue,
    settings,
    projects: listProjects(catalogue).map(({ project }) => ({
      slug: project.slug,
      title: project.title,
    })),
  };
}

/** What a submitter sends. */
export interface SubmissionInput {
  readonly municipality: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly project: string;
  readonly email: string;
  /** The field people do not see; bots fill it in. */
  readonly honeypot: string;
  /** The language of the form ("de" unless "en"): the mails to the submitter use it. */
  readonly language?: string | undefined;
}

/** What the submitter gets back: the link to withdraw, and whether a confirmation mail went out. */
export interface SubmissionReceipt {
  readonly id: number;
  readonly withdrawToken: string;
  readonly confirmationSent: boolean;
}

/**
 * Stores a contribution. Refused, storing nothing: a filled honeypot (ERR_VALIDATION with
 * a plain message), more than RATE_LIMIT submissions in RATE_WINDOW_MS from the IP or the
 * address (ERR_PARTICIPATION_LIMIT), too long or too short input (ERR_VALIDATION).
 */
export async function submitItem(
  ctx: AppContext,
  delivery: MailDelivery | null,
  principal: Principal,
  input: SubmissionInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<SubmissionReceipt> {
  const form = await getSubmissionForm(
    ctx,
    principal,
    input.municipality,
    input.kind === "barrier" ? "barrier" : "general",
  );
  const { municipality } = form.catalogue;
  if (input.honeypot.trim() !== "")
    throw new AppError("ERR_VALIDATION", {
      detail:
        "Ihr Beitrag wurde nicht gespeichert: ein Feld, das für Menschen unsichtbar ist und leer bleiben muss, war ausgefüllt. So erkennen wir automatisch gesendete Beiträge.",
    });
  const problems: InputProblem[] = [];
  const kind = input.kind;
  if (!isItemKind(kind))
    problems.push({ path: "/form/art", message: "Bitte eine Art wählen." });
  const title = input.title.trim();
  const body = input.body.trim();
  if (title === "")
    problems.push({
      path: "/form/titel",
      message: "Bitte geben Sie einen Titel ein.",
    });
  if (title.length > TITLE_MAX)
    problems.push({
      path: "/form/titel",
      message: `Der Titel darf höchstens ${TITLE_MAX} Zeichen haben.`,
    });
  if (body.length < BODY_MIN)
    problems.push({
      path: "/form/text",
      message: `Bitte beschreiben Sie Ihr Anliegen in mindestens ${BODY_MIN} Zeichen.`,
    });
  if (body.length > BODY_MAX)
    problems.push({
      path: "/form/text",
      message: `Der Text darf höchstens ${BODY_MAX} Zeichen haben.`,
    });
  const projectSlug =
    readChoice(
      input.project,
      form.projects,
      (project) => project.slug,
      problems,
      {
        path: "/form/projekt",
        message: "Bitte eines der angebotenen Projekte wählen oder keines.",
      },
    )?.slug ?? null;
  const email =
    input.email.trim() === ""
      ? null
      : readEmail(input.email, problems, "/form/email");
  rejectProblems(problems);

  const now = ctx.clock();
  const since = new Date(now.getTime() - RATE_WINDOW_MS).toISOString();
  const keys: string[] = [];
  if (principal.kind === "user") keys.push(`user:${principal.userId}`);
  else if (origin.ip !== null) keys.push(`ip:${sha256Hex(origin.ip)}`);
  if (email !== null) keys.push(`email:${sha256Hex(email)}`);

  const language = resolveLanguage(input.language);
  const confirmToken = email === null ? null : randomToken();
  const unsubscribeToken = email === null ? null : randomToken();
  const withdrawToken = randomToken();
  const id = await ctx.db.transaction().execute(async (trx) => {
    for (const key of keys)
      if ((await countRate(trx, key, since)) >= RATE_LIMIT)
        throw new AppError("ERR_PARTICIPATION_LIMIT", {
          retryAfterSeconds: RATE_WINDOW_MS / 1000,
        });
    await insertRate(trx, keys, now.toISOString());
    return insertItem(trx, {
      municipalityId: municipality.id,
      kind: kind as ItemKind,
      title,
      body,
      projectSlug,
      origin:
        kind !== "barrier" && form.settings.mode === "staff"
          ? "staff"
          : "public",
      email,
      confirmTokenHash: confirmToken === null ? null : sha256Hex(confirmToken),
      confirmExpiresAt:
        email === null
          ? null
          : new Date(now.getTime() + CONFIRMATION_VALIDITY_MS).toISOString(),
      unsubscribeToken,
      withdrawTokenHash: sha256Hex(withdrawToken),
      submittedByUserId: principal.kind === "user" ? principal.userId : null,
      language,
      now: now.toISOString(),
    });
  });
  let confirmationSent = false;
  if (email !== null && confirmToken !== null && delivery !== null) {
    const base = delivery.publicBaseUrl;
    const query = language === "de" ? "" : `?lang=${language}`;
    const t = dictionary(language).participation;
    await delivery.mailer.send({
      to: email,
      subject: t.mailConfirmSubject(municipality.name),
      text: t.mailConfirmText(
        municipality.name,
        title,
        `${base}${participationPaths.confirm(municipality.slug, confirmToken)}${query}`,
        `${base}${participationPaths.withdraw(municipality.slug, withdrawToken)}${query}`,
      ),
    });
    confirmationSent = true;
  }
  return { id, withdrawToken, confirmationSent };
}

/** Confirms a submitter's address; ERR_ITEM_NOT_FOUND for an unknown, used or expired link. */
export async function confirmItemAddress(
  ctx: AppContext,
  input: {
    readonly municipality: string;
    readonly token: string;
    readonly language?: string;
  },
): Promise<void> {
  const municipality = await requireMunicipality(ctx.db, input.municipality);
  const id = await confirmItemEmail(
    ctx.db,
    municipality.id,
    sha256Hex(input.token),
    ctx.clock().toISOString(),
  );
  if (id === null)
    throw new AppError("ERR_ITEM_NOT_FOUND", {
      detail: dictionary(resolveLanguage(input.language)).participation
        .confirmUnknown,
    });
}

/** Removes a submitter's address (the link in every status mail). */
export async function unsubscribeItem(
  ctx: AppContext,
  input: { readonly municipality: string; readonly token: string },
): Promise<void> {
  const municipality = await requireMunicipality(ctx.db, input.municipality);
  const item = await findItemByUnsubscribeToken(
    ctx.db,
    municipality.id,
    input.token,
  );
  if (item === null) throw new AppError("ERR_ITEM_NOT_FOUND");
  await forgetItemEmail(ctx.db, item.id);
}

/** The municipality and the item a withdrawal link names; ERR_ITEM_NOT_FOUND for an unknown link. */
async function requireWithdrawableItem(
  ctx: AppContext,
  input: { readonly municipality: string; readonly token: string },
): Promise<{ readonly municipality: Municipality; readonly item: StoredItem }> {
  const municipality = await requireMunicipality(ctx.db, input.municipality);
  const item = await findItemByWithdrawHash(
    ctx.db,
    municipality.id,
    sha256Hex(input.token),
  );
  if (item === null) throw new AppError("ERR_ITEM_NOT_FOUND");
  return { municipality, item };
}

/** The item of a withdrawal link, as its submitter sees it. */
export async function getItemForSubmitter(
  ctx: AppContext,
  input: { readonly municipality: string; readonly token: string },
): Promise<{ readonly item: PublicItem; readonly isPublished: boolean }> {
  const { item: stored } = await requireWithdrawableItem(ctx, input);
  const [item] = await toPublicItems(ctx, [stored]);
  return { item: item!, isPublished: stored.publishedAt !== null };
}

/** Withdraws an item: its text and the address are removed, the status stays. */
export async function withdrawItem(
  ctx: AppContext,
  input: { readonly municipality: string; readonly token: string },
): Promise<void> {
  const { municipality, item } = await requireWithdrawableItem(ctx, input);
  if (item.status === "withdrawn") return;
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await updateItem(trx, item.id, item.version, {
      status: "withdrawn",
      title: null,
      body: null,
      email: null,
      email_confirmed_at: null,
      confirm_token_hash: null,
      confirm_expires_at: null,
      unsubscribe_token: null,
      status_changed_at: now,
    });
    if (!changed) throw new AppError("ERR_CONFLICT");
    await insertStatusEvent(trx, item.id, "withdrawn", null, now);
    // Published pages (the project's ideas) are cached by the published version.
    if (item.publishedAt !== null)
      await bumpDataVersion(trx, municipality.id, now, "public");
  });
}

async function toPublicItems(
  ctx: AppContext,
  items: readonly StoredItem[],
): Promise<PublicItem[]> {
  const events = await listStatusEvents(
    ctx.db,
    items.map((item) => item.id),
  );
  return items.map((item) => ({
    id: item.id,
    kind: item.kind,
    title: item.title,
    body: item.body,
    projectSlug: item.projectSlug,
    status: item.status,
    decisionNote: item.decisionNote,
    mergedIntoId: item.mergedIntoId,
    link: {
      projectSlug: item.linkProjectSlug,
      measureId: item.linkMeasureId,
      measureTitle: item.linkMeasureTitle,
      editionNumber: item.linkEditionNumber,
    },
    createdAt: item.createdAt,
    statusChangedAt: item.statusChangedAt,
    history: events
      .filter((event) => event.itemId === item.id)
      .map((event) => ({
        status: event.status,
        note: event.note,
        at: event.at,
      })),
  }));
}

/** The published items of a municipality (everybody), optionally of one kind or project. */
export async function listPublicItems(
  ctx: AppContext,
  municipalitySlug: string,
  filter: Pick<ItemFilter, "kind" | "status" | "projectSlug"> = {},
): Promise<{
  readonly municipality: Municipality;
  readonly items: readonly PublicItem[];
}> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const items = await listItems(ctx.db, municipality.id, {
    ...filter,
    publishedOnly: true,
  });
  return { municipality, items: await toPublicItems(ctx, items) };
}

/** One published item (everybody); ERR_ITEM_NOT_FOUND when unknown or unpublished. */
export async function getPublicItem(
  ctx: AppContext,
  municipalitySlug: string,
  id: number,
): Promise<{
  readonly item: PublicItem;
  readonly mergedInto: PublicItem | null;
}> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const stored = await findItem(ctx.db, municipality.id, id);
  if (stored === null || stored.publishedAt === null)
    throw new AppError("ERR_ITEM_NOT_FOUND");
  const target =
    stored.mergedIntoId === null
      ? null
      : await findItem(ctx.db, municipality.id, stored.mergedIntoId);
  const [item, mergedInto] = await toPublicItems(
    ctx,
    target !== null && target.publishedAt !== null
      ? [stored, target]
      : [stored],
  );
  return { item: item!, mergedInto: mergedInto ?? null };
}

/** Published ideas taken up in an edition (its change report). */
export async function listItemsTakenUpIn(
  ctx: AppContext,
  municipalitySlug: string,
  editionNumber: number,
): Promise<readonly PublicItem[]> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const items = await listItems(ctx.db, municipality.id, {
    publishedOnly: true,
    linkEditionNumber: editionNumber,
  });
  return toPublicItems(
    ctx,
    items.filter(
      (item) => item.status === "adopted" || item.status === "implemented",
    ),
  );
}

/** An item in the staff queue. */
export interface QueueItem {
  readonly item: PublicItem;
  readonly isPublished: boolean;
  readonly orgUnitCode: string | null;
  readonly hasConfirmedAddress: boolean;
  readonly origin: "staff" | "public";
  readonly ageDays: number;
  readonly dueAt: string;
  readonly isOverdue: boolean;
  readonly version: number;
}

/** The queue's filters. */
export interface QueueFilter {
  readonly kind?: string | undefined;
  readonly status?: string | undefined;
  readonly orgUnit?: string | undefined;
  readonly overdueOnly?: boolean | undefined;
}

/** The staff queue (administrators and editors), oldest first. */
export async function getQueue(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  filter: QueueFilter = {},
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{
  readonly catalogue: Catalogue;
  readonly settings: StoredParticipationSettings;
  readonly items: readonly QueueItem[];
  readonly canModerate: boolean;
}> {
  const { municipality, user } = await requireQueueReader.bySlug(
    ctx,
    principal,
    municipalitySlug,
    "participation.queue",
    origin,
  );
  const settings = await findParticipationSettings(ctx.db, municipality.id);
  const stored = await listItems(ctx.db, municipality.id, {
    kind:
      filter.kind !== undefined && isItemKind(filter.kind)
        ? filter.kind
        : undefined,
    status:
      filter.status !== undefined && isItemStatus(filter.status)
        ? filter.status
        : undefined,
    orgUnitCode:
      filter.orgUnit === undefined || filter.orgUnit === ""
        ? undefined
        : filter.orgUnit,
  });
  const now = ctx.clock();
  const publicItems = await toPublicItems(ctx, stored);
  const items = stored
    .map((each, index): QueueItem => {
      const createdAt = new Date(each.createdAt);
      return {
        item: publicItems[index]!,
        isPublished: each.publishedAt !== null,
        orgUnitCode: each.orgUnitCode,
        hasConfirmedAddress:
          each.email !== null && each.emailConfirmedAt !== null,
        origin: each.origin,
        ageDays: ageInDays(createdAt, now),
        dueAt: dueAt(each.kind, createdAt, settings.overdueDays).toISOString(),
        isOverdue: isOverdue(
          { kind: each.kind, status: each.status, createdAt },
          settings.overdueDays,
          now,
        ),
        version: each.version,
      };
    })
    .filter((each) => filter.overdueOnly !== true || each.isOverdue);
  return {
    catalogue: await getCatalogue(ctx, municipalitySlug),
    settings,
    items,
    canModerate: canModerateParticipation(user, municipality.id),
  };
}

/** One item of the queue with what its moderation form offers. */
export async function getItemForModeration(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  id: number,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{
  readonly catalogue: Catalogue;
  readonly entry: QueueItem;
  readonly editions: readonly number[];
  readonly others: readonly { id: number; title: string }[];
  readonly canModerate: boolean;
}> {
  const queue = await getQueue(ctx, principal, municipalitySlug, {}, origin);
  const entry = queue.items.find((each) => each.item.id === id);
  if (entry === undefined) throw new AppError("ERR_ITEM_NOT_FOUND");
  const { editions } = await getPublishedCatalogue(ctx, municipalitySlug);
  return {
    catalogue: queue.catalogue,
    entry,
    editions: editions.map((edition) => edition.number),
    others: queue.items
      .filter((each) => each.item.id !== id && each.item.title !== null)
      .map((each) => ({ id: each.item.id, title: each.item.title ?? "" })),
    canModerate: queue.canModerate,
  };
}

/** A moderation decision: what the form sends. */
export interface ModerationInput {
  readonly municipality: string;
  readonly id: number;
  readonly expectedVersion: number;
  readonly publish: boolean;
  readonly status: string;
  readonly note: string;
  readonly orgUnit: string;
  readonly linkProject: string;
  readonly linkMeasure: string;
  readonly linkEdition: string;
  readonly mergedInto: string;
}

/**
 * Publishes or hides, decides, links and assigns an item (administrators); one audit event
 * with before and after; a status change goes into the history and, to a confirmed
 * address, by mail. Rules: "abgelehnt" needs a reason, "übernommen" a project, measure or
 * edition, "zusammengeführt" another item of the municipality.
 */
export async function moderateItem(
  ctx: AppContext,
  delivery: MailDelivery | null,
  principal: Principal,
  input: ModerationInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<void> {
  const { municipality } = await requireModerator.bySlug(
    ctx,
    principal,
    input.municipality,
    "participation.moderate",
    origin,
  );
  const item = await findItem(ctx.db, municipality.id, input.id);
  if (item === null) throw new AppError("ERR_ITEM_NOT_FOUND");
  if (item.version !== input.expectedVersion)
    throw new AppError("ERR_CONFLICT", {
      detail:
        "Jemand anderes hat diesen Beitrag inzwischen bearbeitet. Bitte laden Sie die Seite neu.",
    });
  const problems: InputProblem[] = [];
  const status = input.status === "" ? item.status : input.status;
  const statusChanged = status !== item.status;
  if (!isItemStatus(status))
    problems.push({
      path: "/form/status",
      message: "Bitte einen der angebotenen Status wählen.",
    });
  else if (statusChanged && !canMoveTo(item.status, status))
    problems.push({
      path: "/form/status",
      message: `Von „${de.participation.status[item.status]}“ führt kein Weg zu „${de.participation.status[status]}“.`,
    });
  const note = input.note.trim() === "" ? null : input.note.trim();
  if (note !== null && note.length > 2000)
    problems.push({
      path: "/form/begruendung",
      message: "Die Begründung darf höchstens 2000 Zeichen haben.",
    });
  if (status === "rejected" && statusChanged && note === null)
    problems.push({
      path: "/form/begruendung",
      message:
        "Bitte begründen Sie die Ablehnung: die Begründung wird mit dem Beitrag veröffentlicht.",
    });
  const catalogue = await getCatalogue(ctx, municipality.slug);
  const orgUnit =
    readChoice(
      input.orgUnit,
      catalogue.orgUnits,
      (unit) => unit.code,
      problems,
      {
        path: "/form/organisationseinheit",
        message: "Bitte eine der angebotenen Organisationseinheiten wählen.",
      },
    )?.code ?? null;
  // The key as typed: an unknown project is its own problem, not a missing link.
  const linkProject =
    input.linkProject.trim() === "" ? null : input.linkProject.trim();
  const project =
    readChoice(
      input.linkProject,
      listProjects(catalogue),
      (entry) => entry.project.slug,
      problems,
      {
        path: "/form/projekt",
        message: "Bitte eines der angebotenen Projekte wählen.",
      },
    )?.project ?? null;
  const measureId =
    input.linkMeasure.trim() === "" ? null : Number(input.linkMeasure);
  const measure =
    measureId === null
      ? null
      : (project?.measures.find((each) => each.id === measureId) ?? null);
  if (measureId !== null && measure === null)
    problems.push({
      path: "/form/massnahme",
      message: "Die Maßnahme gehört nicht zum gewählten Projekt.",
    });
  const editionNumber =
    input.linkEdition.trim() === "" ? null : Number(input.linkEdition);
  if (editionNumber !== null) {
    const { editions } = await getPublishedCatalogue(ctx, municipality.slug);
    if (!editions.some((edition) => edition.number === editionNumber))
      problems.push({
        path: "/form/fortschreibung",
        message: "Bitte eine der veröffentlichten Fortschreibungen wählen.",
      });
  }
  if (status === "adopted" && linkProject === null && editionNumber === null)
    problems.push({
      path: "/form/projekt",
      message:
        "Bitte verknüpfen Sie, wo der Beitrag übernommen wurde: ein Projekt (mit Maßnahme) oder eine Fortschreibung.",
    });
  const mergedIntoId =
    input.mergedInto.trim() === "" ? null : Number(input.mergedInto);
  if (status === "merged") {
    const target =
      mergedIntoId === null || mergedIntoId === item.id
        ? null
        : await findItem(ctx.db, municipality.id, mergedIntoId);
    if (target === null)
      problems.push({
        path: "/form/zusammengefuehrt",
        message:
          "Bitte wählen Sie den Beitrag, mit dem dieser zusammengeführt wird.",
      });
  }
  rejectProblems(problems);
  const nextStatus = status as ItemStatus;
  const now = ctx.clock().toISOString();
  const before = {
    published: item.publishedAt !== null,
    status: item.status,
    note: item.decisionNote,
    orgUnit: item.orgUnitCode,
    linkProject: item.linkProjectSlug,
    linkMeasure: item.linkMeasureId,
    linkEdition: item.linkEditionNumber,
    mergedInto: item.mergedIntoId,
  };
  const after = {
    published: input.publish,
    status: nextStatus,
    note: statusChanged ? note : (note ?? item.decisionNote),
    orgUnit,
    linkProject,
    linkMeasure: measure?.id ?? null,
    linkEdition: editionNumber,
    mergedInto: nextStatus === "merged" ? mergedIntoId : null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await updateItem(trx, item.id, item.version, {
      published_at: input.publish ? (item.publishedAt ?? now) : null,
      status: nextStatus,
      decision_note: after.note,
      org_unit_code: orgUnit,
      link_project_slug: linkProject,
      link_measure_id: measure?.id ?? null,
      link_measure_title: measure?.title ?? null,
      link_edition_number: editionNumber,
      merged_into_id: after.mergedInto,
      ...(statusChanged ? { status_changed_at: now } : {}),
    });
    if (!changed) throw new AppError("ERR_CONFLICT");
    if (statusChanged)
      await insertStatusEvent(trx, item.id, nextStatus, note, now);
    // Published pages (the project's ideas, open data) are cached by the published version.
    if (input.publish || item.publishedAt !== null)
      await bumpDataVersion(trx, municipality.id, now, "public");
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "participation.moderate",
        entityType: "participation_item",
        entityId: item.id,
        entityLabel: item.title ?? `#${item.id}`,
        before,
        after,
        reason: statusChanged ? note : null,
      },
      origin,
    );
  });
  if (
    statusChanged &&
    delivery !== null &&
    item.email !== null &&
    item.emailConfirmedAt !== null &&
    item.unsubscribeToken !== null
  ) {
    // In the language of the form the item was sent from.
    const language = item.language;
    const t = dictionary(language).participation;
    const base = delivery.publicBaseUrl;
    const query = language === "de" ? "" : `?lang=${language}`;
    const label = t.status[nextStatus];
    const takenUpIn =
      nextStatus === "adopted" || nextStatus === "implemented"
        ? [
            project === null ? null : t.mailTakenUpProject(project.title),
            measure === null ? null : t.mailTakenUpMeasure(measure.title),
            editionNumber === null ? null : t.edition(editionNumber),
          ].filter((each): each is string => each !== null)
        : [];
    await delivery.mailer.send({
      to: item.email,
      subject: t.mailStatusSubject(item.title ?? "", label),
      text: t.mailStatusText({
        title: item.title ?? "",
        municipality: municipality.name,
        status: label,
        at: formatGermanDateTime(new Date(now), language),
        note,
        takenUpIn,
        itemUrl: input.publish
          ? `${base}${participationPaths.item(municipality.slug, item.id)}${query}`
          : null,
        unsubscribeUrl: `${base}${participationPaths.unsubscribe(municipality.slug, item.unsubscribeToken)}${query}`,
      }),
    });
  }
}

/** Deletes personal data that is due; answers how many addresses were removed. */
export async function purgeParticipationPersonalData(
  ctx: AppContext,
  now: Date,
): Promise<number> {
  return purgePersonalData(ctx.db, {
    now: now.toISOString(),
    ratesBefore: new Date(
      now.getTime() - RATE_COUNTER_RETENTION_MS,
    ).toISOString(),
  });
}

/** The periodic job that deletes addresses and rate counters when due (hourly). */
export function participationPrivacyJob(intervalMs = 60 * 60_000): PeriodicJob {
  return {
    name: PARTICIPATION_PRIVACY_JOB,
    intervalMs,
    async run(ctx, now) {
      await purgeParticipationPersonalData(ctx, now);
    },
  };
}
