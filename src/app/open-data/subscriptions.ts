/**
 * Following a municipality's published changes by e-mail (ADR 0021): double opt-in (a
 * one-time confirmation link, stored as its SHA-256, valid 48 hours), a daily digest of
 * the feed entries (feed.ts) the follower has not been told about yet — nothing when there
 * is nothing new, at most one per day — and an unsubscribe link in every mail that deletes
 * the address. The address is used for nothing else and appears in no export.
 *
 * The links of the mails act only on POST (a mail scanner that opens them changes
 * nothing); every digest names its unsubscribe URL in `List-Unsubscribe` with
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). Requests are limited per
 * address (one confirmation mail per 10 minutes and municipality, three an hour in all)
 * and, by the caller's `RequestLimit`, per IP address; a refused request stores nothing.
 */
import { LRUCache } from "lru-cache";
import { germanDayOf } from "../../domain/calendar/calendar.js";
import { AppError, type InputProblem } from "../../errors.js";
import { dictionary, resolveLanguage, type Language } from "../../i18n/i18n.js";
import {
  claimDigest,
  confirmSubscription,
  deleteExpiredPendingSubscriptions,
  deleteSubscription,
  findUnsubscribeToken,
  listConfirmedSubscriptions,
  listRecentConfirmationRequests,
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

/** One confirmation mail per address and municipality in this time. */
export const ADDRESS_RESEND_INTERVAL_MS = 10 * 60_000;
/** At most this many confirmation mails per address and hour, over all municipalities. */
export const ADDRESS_REQUESTS_PER_HOUR = 3;

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

/** Counts requests per key (an IP address) in a sliding window; kept in memory only. */
export interface RequestLimit {
  /** Counts a request; false when the key has used up its requests in the window. */
  take(key: string, now: Date): boolean;
}

/** A limit of `max` requests per key in `windowMs` (at most 10,000 keys are remembered). */
export function createRequestLimit(options: {
  readonly max: number;
  readonly windowMs: number;
}): RequestLimit {
  const seen = new LRUCache<string, number[]>({ max: 10_000 });
  return {
    take(key, now) {
      const since = now.getTime() - options.windowMs;
      const recent = (seen.get(key) ?? []).filter((at) => at > since);
      if (recent.length >= options.max) {
        seen.set(key, recent);
        return false;
      }
      recent.push(now.getTime());
      seen.set(key, recent);
      return true;
    },
  };
}

function tooManyRequests(language: Language): AppError {
  return new AppError("ERR_TOO_MANY_ATTEMPTS", {
    detail: dictionary(language).subscriptions.tooManyRequests,
    retryAfterSeconds: ADDRESS_RESEND_INTERVAL_MS / 1000,
  });
}

/**
 * Asks an address to follow a municipality: sends the confirmation mail (in the language
 * of the form). The answer is the same whether the address follows already or not (nobody
 * learns who follows); an invalid address is ERR_VALIDATION with the problem at /email, and
 * too many requests from the IP address or for the address ERR_TOO_MANY_ATTEMPTS: in both
 * cases nothing is stored or sent.
 */
export async function requestSubscription(
  ctx: AppContext,
  delivery: MailDelivery,
  input: { municipality: string; email: string; language?: Language },
  limits: { readonly ip?: string; readonly perIp?: RequestLimit } = {},
): Promise<void> {
  const language = resolveLanguage(input.language);
  const problems: InputProblem[] = [];
  const email = readEmail(input.email, problems);
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
  const { catalogue } = await getPublishedCatalogue(ctx, input.municipality);
  const { id, slug, name } = catalogue.municipality;
  const now = ctx.clock();
  if (
    limits.perIp !== undefined &&
    limits.ip !== undefined &&
    !limits.perIp.take(limits.ip, now)
  )
    throw tooManyRequests(language);
  const recent = await listRecentConfirmationRequests(ctx.db, {
    email,
    since: new Date(
      now.getTime() + CONFIRMATION_VALIDITY_MS - 60 * 60_000,
    ).toISOString(),
  });
  const resendAfter = new Date(
    now.getTime() + CONFIRMATION_VALIDITY_MS - ADDRESS_RESEND_INTERVAL_MS,
  ).toISOString();
  if (
    recent.length >= ADDRESS_REQUESTS_PER_HOUR ||
    recent.some(
      (each) => each.municipalityId === id && each.expiresAt > resendAfter,
    )
  )
    throw tooManyRequests(language);
  const token = randomToken();
  const isPending = await upsertPendingSubscription(ctx.db, {
    municipalityId: id,
    email,
    confirmTokenHash: sha256Hex(token),
    expiresAt: new Date(now.getTime() + CONFIRMATION_VALIDITY_MS).toISOString(),
    unsubscribeToken: randomToken(),
    language,
    now: now.toISOString(),
  });
  if (!isPending) return;
  const unsubscribe = (await findUnsubscribeToken(ctx.db, id, email)) ?? "";
  const t = dictionary(language).subscriptions;
  const base = delivery.publicBaseUrl;
  const query = language === "de" ? "" : `?lang=${language}`;
  await delivery.mailer.send({
    to: email,
    subject: t.mailConfirmSubject(name),
    text: t.mailConfirmText(
      name,
      `${base}${subscriptionPaths.confirm(slug, token)}${query}`,
      `${base}${subscriptionPaths.unsubscribe(slug, unsubscribe)}${query}`,
    ),
  });
}

/** Confirms a follower; ERR_NOT_FOUND for an unknown, used or expired link. */
export async function confirmFollowing(
  ctx: AppContext,
  input: { municipality: string; token: string; language?: Language },
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
      detail: dictionary(resolveLanguage(input.language)).subscriptions
        .confirmUnknown,
    });
}

/** Deletes a follower with its address; ERR_NOT_FOUND when the link belongs to nobody (any more). */
export async function unsubscribe(
  ctx: AppContext,
  input: { municipality: string; token: string; language?: Language },
): Promise<void> {
  const { catalogue } = await getPublishedCatalogue(ctx, input.municipality);
  if (
    !(await deleteSubscription(ctx.db, catalogue.municipality.id, input.token))
  ) {
    throw new AppError("ERR_NOT_FOUND", {
      detail: dictionary(resolveLanguage(input.language)).subscriptions
        .unsubscribeUnknown,
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
    const t = dictionary(resolveLanguage(subscription.language)).subscriptions;
    const base = delivery.publicBaseUrl;
    const query = subscription.language === "en" ? "?lang=en" : "";
    const unsubscribeUrl = `${base}${subscriptionPaths.unsubscribe(subscription.municipalitySlug, subscription.unsubscribeToken)}`;
    await delivery.mailer.send({
      to: subscription.email,
      subject: t.mailDigestSubject(feed.title, fresh.length),
      text: [
        t.mailDigestIntro(feed.author),
        ...fresh.flatMap((entry) => [
          ``,
          entry.title,
          `${base}${entry.path}`,
          entry.summary,
        ]),
        ``,
        t.mailDigestFooter(feed.author, `${unsubscribeUrl}${query}`),
      ].join("\n"),
      // RFC 2369 and RFC 8058: mail programs offer "unsubscribe", one POST to the URL does it.
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
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
