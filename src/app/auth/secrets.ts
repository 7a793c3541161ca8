/**
 * Random tokens and their hashes. Tokens handed out (session cookies, reset links, API
 * tokens) carry 256 bits of randomness; only their SHA-256 is stored, so a copy of the
 * database yields no live token. A fast hash is enough here because the input is random,
 * not chosen by a person (unlike passwords, see password.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random token of 32 bytes, URL-safe. */
export function randomToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** The hex SHA-256 of a text: what the database stores instead of a token. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Compares two texts in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a, "utf8").digest();
  const right = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(left, right) && a === b;
}
