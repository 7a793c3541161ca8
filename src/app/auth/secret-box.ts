/**
 * Second-factor secrets at rest: encrypted with AES-256-GCM (node:crypto) under a key
 * from the environment (FORTSCHRITT_SECRET_KEY, docs/adr/0013), so that a backup, a
 * replica or a stolen database file holds no working second factor. Stored form:
 *
 *   v1.<key id>.<iv>.<ciphertext>.<tag>     (each part base64url; key id: 8 hex digits of the key's SHA-256)
 *
 * The key id tells which key sealed a value, so that a wrong key is a clear error rather
 * than garbage, and rotation can see what it has done. Secrets stored before encryption
 * (plain Base32) are still read and are sealed at the next start (sealPlainTotpSecrets).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from "node:crypto";

/** A 256-bit key and its id. */
export interface SecretKey {
  readonly key: Buffer;
  readonly id: string;
}

const VERSION = "v1";
const IV_BYTES = 12;

/** The key from its text form: 32 bytes as base64/base64url (44/43 characters) or hex (64). */
export function parseSecretKey(text: string): SecretKey | null {
  const trimmed = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-f]{64}$/i.test(trimmed)) key = Buffer.from(trimmed, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed))
    key = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key === null || key.length !== 32) return null;
  return secretKeyOf(key);
}

/** The key for raw bytes. */
export function secretKeyOf(key: Buffer): SecretKey {
  return {
    key,
    id: createHash("sha256").update(key).digest("hex").slice(0, 8),
  };
}

/** A new random key. */
export function newSecretKey(): SecretKey {
  return secretKeyOf(randomBytes(32));
}

/** The text form of a key (base64url), as FORTSCHRITT_SECRET_KEY takes it. */
export function formatSecretKey(key: SecretKey): string {
  return key.key.toString("base64url");
}

/** Whether a stored value is sealed (rather than a plain secret from before encryption). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${VERSION}.`);
}

/** Seals a secret. */
export function sealSecret(key: SecretKey, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  // The key id is bound to the ciphertext as additional data.
  cipher.setAAD(Buffer.from(`${VERSION}.${key.id}`));
  const ciphertext = Buffer.concat([
    cipher.update(plain, "utf8"),
    cipher.final(),
  ]);
  return [
    VERSION,
    key.id,
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

/** A sealed secret that this key cannot open. */
export class SecretKeyMismatchError extends Error {
  constructor(
    readonly storedKeyId: string,
    readonly keyId: string,
  ) {
    super(
      `The secret was sealed with key ${storedKeyId}, not with the configured key ${keyId}.`,
    );
    this.name = "SecretKeyMismatchError";
  }
}

/** Opens a stored secret; a plain one (from before encryption) is returned as it is. */
export function openSecret(key: SecretKey, stored: string): string {
  if (!isSealed(stored)) return stored;
  const [, keyId = "", iv = "", ciphertext = "", tag = ""] = stored.split(".");
  if (keyId !== key.id) throw new SecretKeyMismatchError(keyId, key.id);
  const decipher = createDecipheriv(
    "aes-256-gcm",
    key.key,
    Buffer.from(iv, "base64url"),
  );
  decipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}
