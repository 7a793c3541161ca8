/** Row type of the e-mail followers (migration 2026-12-05-subscribe-subscriptions). */
import type { Generated } from "kysely";
import type { Timestamp } from "./database.js";

/** feed_subscription: an address that follows a municipality's published changes. */
export interface FeedSubscriptionTable {
  id: Generated<number>;
  municipality_id: number;
  email: string;
  confirm_token_hash: string | null;
  confirm_expires_at: Timestamp;
  unsubscribe_token: string;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  last_digest_at: Timestamp | null;
  seen_entries: Generated<string>;
  /** "de" or "en": the language of the mails (migration 2026-12-06-opendata2-oparl-links). */
  language: Generated<string>;
}
