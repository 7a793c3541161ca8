/**
 * Recovery codes for a lost second factor: ten codes of 16 characters from an alphabet
 * without look-alikes (about 79 bits each), shown once, stored as SHA-256 — with that much
 * randomness a fast hash cannot be reversed by guessing.
 */
import { randomInt } from "node:crypto";
import { sha256Hex } from "./secrets.js";
import { RECOVERY_CODE_COUNT } from "./identity-rules.js";

/** 31 letters and digits without 0/o, 1/l/i: easy to read off paper and type. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 16;

/** New recovery codes, formatted for reading (xxxx-xxxx-xxxx-xxxx). */
export function generateRecoveryCodes(
  count = RECOVERY_CODE_COUNT,
): readonly string[] {
  return Array.from({ length: count }, () => {
    let code = "";
    for (let index = 0; index < LENGTH; index += 1)
      code += ALPHABET[randomInt(ALPHABET.length)];
    return code.replace(/(.{4})(?=.)/g, "$1-");
  });
}

/** A typed code without dashes and spaces, in lower case; null when it cannot be one. */
export function normaliseRecoveryCode(text: string): string | null {
  const code = text.toLowerCase().replace(/[\s-]+/g, "");
  return code.length === LENGTH &&
    [...code].every((character) => ALPHABET.includes(character))
    ? code
    : null;
}

/** What the database stores for a code. */
export function hashRecoveryCode(normalisedCode: string): string {
  return sha256Hex(`recovery:${normalisedCode}`);
}
