/**
 * The numbers behind sign-in, in one place: how long sessions live, how many failures
 * lock what, how long links stay valid. OWASP ASVS 4.0.3 V2/V3 and BSI IT-Grundschutz
 * ORP.4.A22/A23 and APP.3.1.A1 are the yardsticks.
 */

const MINUTE = 60_000;

/** A session ends after 30 minutes without a request (ASVS 3.3.2 asks for a limit; BSI recommends short ones for administration). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * MINUTE;

/** A session ends 12 hours after sign-in, used or not (ASVS 3.3.2). */
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * MINUTE;

/** Between password and second factor a person has 15 minutes (also to set the factor up). */
export const PENDING_SESSION_TIMEOUT_MS = 15 * MINUTE;

/** last_seen_at is written at most once a minute, so that reading pages does not mean writing the database each time. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;

/** Failures within this window count towards a lock. */
export const THROTTLE_WINDOW_MS = 15 * MINUTE;

/**
 * After this many failures (password, second-factor code or recovery code, counted
 * together across sign-ins until one is complete) the account is locked …
 */
export const ACCOUNT_FAILURE_LIMIT = 5;

/** … for this long; every further five failures double the lock (backoff) … */
export const ACCOUNT_LOCK_MS = 15 * MINUTE;

/** … up to this. */
export const ACCOUNT_LOCK_MAX_MS = 24 * 60 * MINUTE;

/**
 * How long the account is locked after its n-th failure in a row, or null when this
 * failure does not lock: the 5th locks for 15 minutes, the 10th for 30, the 15th for 60 …
 */
export function accountLockAfter(failures: number): number | null {
  if (
    failures < ACCOUNT_FAILURE_LIMIT ||
    failures % ACCOUNT_FAILURE_LIMIT !== 0
  )
    return null;
  const doublings = failures / ACCOUNT_FAILURE_LIMIT - 1;
  return Math.min(
    ACCOUNT_LOCK_MS * 2 ** Math.min(doublings, 16),
    ACCOUNT_LOCK_MAX_MS,
  );
}

/** An IP address with this many failures in the window is refused outright (ERR_TOO_MANY_ATTEMPTS). */
export const IP_FAILURE_LIMIT = 20;

/** A password reset link is valid for 60 minutes. */
export const PASSWORD_RESET_VALIDITY_MS = 60 * MINUTE;

/** At most this many reset mails per account and hour, so that nobody can flood someone's inbox. */
export const PASSWORD_RESETS_PER_HOUR = 3;

/** Passwords: at least 8 characters (ASVS 2.1.1), at most 128 (2.1.2), no composition rules (2.1.9). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** How many recovery codes enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;

/** Who must use a second factor: everyone who can change data. */
export function requiresSecondFactor(role: string): boolean {
  return role === "admin" || role === "editor";
}

/** A point in time shifted by milliseconds, as ISO text. */
export function isoAfter(now: Date, milliseconds: number): string {
  return new Date(now.getTime() + milliseconds).toISOString();
}
