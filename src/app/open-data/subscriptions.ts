/**
 * Following a municipality's published changes by e-mail (ADR 0021): double opt-in (a
 * one-time confirmation link, stored as its SHA-256, valid 48 hours), a daily digest of
 * the feed entries (feed.ts) the follower has not been told about yet — nothing when there
 * is nothing new, at most one per day — and an unsubscribe link in every mail that deletes
 * the address. The address is used for nothing else and appears in no export.
 */
import { germanDayOf } from "../../domain/calendar/calendar.js";
import { AppError, type InputProblem } from "../../errors.js";
import {
  claimDigest,
  confirmSubscription,
  deleteExpiredPendingSubscriptions,
  deleteSubscription,
  findUnsubscribeToken,
  listConfirmedSubscriptions,
  upsertPendingSubscription,
} from "../../db/subscription.repository.js";
import { readEmail } from "../auth/account-input.js";
import type { MailDelivery } from "../auth/passwords.js";
import { randomToken, sha256Hex } from "../auth/secrets.js";
import type { AppContext } from "../context.js";
import { getPublishedCatalogue } from "../edition/read-editions.js";
import type { PeriodicJob } from "../scheduler/scheduler.js";
import { readFeed, type Feed } from "./feed.js";

/** A confirmation link is valid for 48 hours. */
export const CONFIRMATION_VALIDITY_MS = 48 * 60 * 60_000;

/** The job's name (its lease row). */
export const DIGEST_JOB = "subscription-digests";

const part = (value: string): string => encodeURIComponent(value);

/** The portal paths of following by e-mail. */
export const subscriptionPaths = {
  page: (slug: string): string => `/${part(slug)}/benachrichtigungen`,
  confirm: (slug: string, token: string): string =>
    `/${part(slug)}/benachrichtigungen/bestaetigen/${part(token)}`,
  unsubscribe: (slug: string, token: string): string =>
    `/${part(slug)}/benachrichtigungen/abmelden/${part(token)}`,
};

/**
 * Asks an address to follow a municipality: sends the confirmation mail. The answer is the
 * same whether the address follows already or not (nobody learns who follows); an invalid
 * address is ERR_VALIDATION with the problem at /email and stores nothing.
 */
export async function requestSubscription(
  ctx: AppContext,
  delivery: MailDelivery,
  input: { municipality: string; email: string },
): Promise<void> {
  const problems: InputProblem[] = [];
  const email = readEmail(input.email, problems);
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const { catalogue } = await getPublishedCatalogue(ctx, input.municipality);
  const { id, slug, name } = catalogue.municipality;
  const now = ctx.clock();
  const token = randomToken();
  const isPending = await upsertPendingSubscription(ctx.db, {
    municipalityId: id,
    email,
    confirmTokenHash: sha256Hex(token),
    expiresAt: new Date(now.getTime() + CONFIRMATION_VALIDITY_MS).toISOString(),
    unsubscribeToken: randomToken(),
    now: now.toISOString(),
  });
  if (!isPending) return;
  const unsubscribe = (await findUnsubscribeToken(ctx.db, id, email)) ?? "";
  await delivery.mailer.send({
    to: email,
    subject: `Bitte bestätigen: Veränderungen von ${name} per E-Mail folgen`,
    text: [
      `Guten Tag,`,
      ``,
      `jemand – hoffentlich Sie – möchte die veröffentlichten Veränderungen des Digitalisierungsprogramms von ${name} per E-Mail erhalten (höchstens eine Zusammenfassung am Tag).`,
      ``,
      `Bitte bestätigen Sie das innerhalb von 48 Stunden mit diesem Link:`,
      `${delivery.publicBaseUrl}${subscriptionPaths.confirm(slug, token)}`,
      ``,
      `Wenn Sie das nicht wollten, tun Sie nichts: ohne Bestätigung erhalten Sie keine weitere E-Mail, und Ihre Adresse wird nach 48 Stunden gelöscht.`,
      `Sofort löschen: ${delivery.publicBaseUrl}${subscriptionPaths.unsubscribe(slug, unsubscribe)}`,
    ].join("\n"),
  });
}

/** Confirms a follower; ERR_NOT_FOUND for an unknown, used or expired link. */
export async function confirmFollowing(
  ctx: AppContext,
  input: { municipality: string; token: string },
): Promise<void> {
  const { catalogue } = await getPublishedCatalogue(ctx, input.municipality);
  const now = ctx.clock();
  // What is published now is known: the first digest tells only what comes after.
  const feed = await readFeed(ctx, catalogue.municipality.slug, {
    today: germanDayOf(now),
  });
  const confirmed = await confirmSubscription(ctx.db, {
    municipalityId: catalogue.municipality.id,
    tokenHash: sha256Hex(input.token),
    now: now.toISOString(),
    seenEntries: JSON.stringify(feed.entries.map((entry) => entry.id)),
  });
  if (!confirmed)
    throw new AppError("ERR_NOT_FOUND", {
      detail:
        "Dieser Bestätigungslink ist unbekannt, schon benutzt oder abgelaufen (48 Stunden).",
    });
}

/** Deletes a follower with its address; ERR_NOT_FOUND when the link belongs to nobody (any more). */
export async function unsubscribe(
  ctx: AppContext,
  input: { municipality: string; token: string },
): Promise<void> {
  const { catalogue } = await getPublishedCatalogue(ctx, input.municipality);
  if (
    !(await deleteSubscription(ctx.db, catalogue.municipality.id, input.token))
  ) {
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Diese Adresse folgt hier nicht (mehr).",
    });
  }
}

function parseSeen(text: string): ReadonlySet<string> {
  try {
    const value: unknown = JSON.parse(text);
    return new Set(
      Array.isArray(value)
        ? value.filter((each): each is string => typeof each === "string")
        : [],
    );
  } catch {
    return new Set();
  }
}

/** Sends the digests that are due; returns how many went out. */
export async function sendDigests(
  ctx: AppContext,
  delivery: MailDelivery,
  now: Date,
): Promise<number> {
  await deleteExpiredPendingSubscriptions(ctx.db, now.toISOString());
  const today = germanDayOf(now);
  const feeds = new Map<string, Feed>();
  let sent = 0;
  for (const subscription of await listConfirmedSubscriptions(ctx.db)) {
    if (
      subscription.lastDigestAt !== null &&
      germanDayOf(new Date(subscription.lastDigestAt)) >= today
    )
      continue;
    let feed = feeds.get(subscription.municipalitySlug);
    if (feed === undefined) {
      feed = await readFeed(ctx, subscription.municipalitySlug, { today });
      feeds.set(subscription.municipalitySlug, feed);
    }
    const seen = parseSeen(subscription.seenEntries);
    const fresh = feed.entries.filter((entry) => !seen.has(entry.id));
    if (fresh.length === 0) continue;
    const claimed = await claimDigest(ctx.db, {
      id: subscription.id,
      previous: subscription.lastDigestAt,
      now: now.toISOString(),
      seenEntries: JSON.stringify(feed.entries.map((entry) => entry.id)),
    });
    if (!claimed) continue;
    const base = delivery.publicBaseUrl;
    await delivery.mailer.send({
      to: subscription.email,
      subject: `${feed.title}: ${fresh.length === 1 ? "eine neue Veränderung" : `${fresh.length} neue Veränderungen`}`,
      text: [
        `Neu veröffentlicht bei ${feed.author}:`,
        ...fresh.flatMap((entry) => [
          ``,
          entry.title,
          `${base}${entry.path}`,
          entry.summary,
        ]),
        ``,
        `–– `,
        `Sie erhalten diese E-Mail, weil Sie die Veränderungen von ${feed.author} abonniert haben.`,
        `Abbestellen (Ihre Adresse wird gelöscht): ${base}${subscriptionPaths.unsubscribe(subscription.municipalitySlug, subscription.unsubscribeToken)}`,
      ].join("\n"),
    });
    sent += 1;
  }
  return sent;
}

/** The periodic job; it looks every hour, and a follower gets at most one digest a day. */
export function digestJob(
  delivery: MailDelivery,
  intervalMs = 60 * 60_000,
): PeriodicJob {
  return {
    name: DIGEST_JOB,
    intervalMs,
    async run(ctx, now) {
      await sendDigests(ctx, delivery, now);
    },
  };
}
