/**
 * Passwords: the rules a new one must meet and how it is stored. Argon2id with the
 * parameters OWASP's Password Storage Cheat Sheet names as its first choice (19 MiB,
 * 2 passes, 1 lane); the PHC string keeps the parameters, so they can be raised later
 * and old hashes still verify. Rules follow NIST SP 800-63B §5.1.1.2 and OWASP ASVS 2.1:
 * 8 to 128 characters, any characters, no composition rules, nothing cut off, and no
 * password from a list of common ones.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Algorithm, Options } from "@node-rs/argon2";
import { findProjectRoot } from "../../project-root.js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./identity-rules.js";

// A const enum in the package's types, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP Password Storage Cheat Sheet, Argon2id, first configuration. */
export const ARGON2_OPTIONS: Readonly<Options> = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * One Unicode form for what looks the same: "ü" typed as one character or as u plus
 * diaeresis must give the same password on every keyboard (NIST SP 800-63B §5.1.1.2).
 */
function normalise(password: string): string {
  return password.normalize("NFC");
}

/** Hashes a password for storage (PHC string "$argon2id$v=19$m=19456,t=2,p=1$…"). */
export async function hashPassword(password: string): Promise<string> {
  // Loaded on first use: a server that nobody signs in to never needs it.
  const { hash } = await import("@node-rs/argon2");
  return hash(normalise(password), ARGON2_OPTIONS);
}

/** Whether a password matches a stored hash; false for anything malformed. */
export async function verifyPassword(
  storedHash: string,
  password: string,
): Promise<boolean> {
  const { verify } = await import("@node-rs/argon2");
  try {
    return await verify(storedHash, normalise(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a hash of a random text when there is no account: the answer takes
 * as long as for a real account, so timing does not tell which addresses exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  await verifyPassword(await dummyHash, password);
  return false;
}

let commonPasswords: ReadonlySet<string> | undefined;

/** The bundled list of common passwords (src/app/auth/common-passwords.txt), lower-cased. */
function loadCommonPasswords(): ReadonlySet<string> {
  if (commonPasswords !== undefined) return commonPasswords;
  const text = readFileSync(
    join(findProjectRoot(), "src", "app", "auth", "common-passwords.txt"),
    "utf8",
  );
  commonPasswords = new Set(
    text
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return commonPasswords;
}

/** Whether a password is on the list of common passwords (case does not help). */
export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(normalise(password).toLowerCase());
}

/** What a person should know about why a new password is refused. */
export type PasswordProblem =
  "empty" | "too-short" | "too-long" | "common" | "like-email";

/** The number of characters a person sees (code points, so an emoji is one, not two). */
export function passwordLength(password: string): number {
  return [...normalise(password)].length;
}

/** Checks a new password; null when it may be used. */
export function checkNewPassword(
  password: string,
  context: { email?: string } = {},
): PasswordProblem | null {
  if (password === "") return "empty";
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "too-short";
  if (length > PASSWORD_MAX_LENGTH) return "too-long";
  if (isCommonPassword(password)) return "common";
  const lowered = normalise(password).toLowerCase();
  const email = context.email?.toLowerCase();
  if (
    email !== undefined &&
    email !== "" &&
    (lowered === email || lowered === email.split("@")[0])
  )
    return "like-email";
  return null;
}

/** The German explanation of a password problem, for forms and the command line. */
export function describePasswordProblem(problem: PasswordProblem): string {
  switch (problem) {
    case "empty":
      return "Bitte geben Sie ein Passwort ein.";
    case "too-short":
      return `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`;
    case "too-long":
      return `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein.`;
    case "common":
      return "Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes, zum Beispiel einen Satz aus mehreren Wörtern.";
    case "like-email":
      return "Das Passwort darf nicht Ihre E-Mail-Adresse sein.";
  }
}
