/**
 * The second factor: time-based one-time passwords (RFC 6238) as every authenticator app
 * understands them — SHA-1, 6 digits, 30-second steps — accepting one step either side
 * for clocks that drift. The step of an accepted code is stored, so a code works once.
 * Time comes from the context's clock, so tests can control it.
 */
import { createRequire } from "node:module";
import type QRCode from "qrcode";
import { Secret, TOTP } from "otpauth";

const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = "SHA1";
/** One step before and after: a phone clock 30 seconds off still works (RFC 6238 §5.2). */
const WINDOW = 1;

/** A new random secret (160 bits, as RFC 4226 recommends), in Base32 as apps show it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(
  secret: string,
  issuer: string,
  accountName: string,
): string {
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

/** The time step a moment falls into. */
export function totpStepAt(now: Date): number {
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp: now.getTime() });
}

/** The code an app shows at a moment (for tests and the test helpers). */
export function totpCodeAt(secret: string, now: Date): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: now.getTime(),
  });
}

/** Whether a text looks like a TOTP code (six digits, spaces allowed as apps group them). */
export function looksLikeTotpCode(text: string): boolean {
  return /^\d{6}$/.test(text.replace(/\s+/g, ""));
}

/** The time step the code belongs to, or null when it matches none within the window. */
export function matchTotpStep(
  secret: string,
  code: string,
  now: Date,
): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  return delta === null ? null : totpStepAt(now) + delta;
}

/** A QR code as plain data for an SVG: its size in modules and one path of the dark ones. */
export interface QrCodeDrawing {
  readonly size: number;
  /** SVG path data, one unit per module, without the quiet zone. */
  readonly path: string;
}

/**
 * Draws a QR code as path data from the module matrix. We build the SVG ourselves rather
 * than insert the library's markup: the page then contains only attributes we set, each
 * escaped by the template, and no foreign markup at all.
 */
export function drawQrCode(text: string): QrCodeDrawing {
  // Loaded when a second factor is set up, not with every server.
  const qr = createRequire(import.meta.url)("qrcode") as typeof QRCode;
  const { modules } = qr.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (modules.get(row, column) === 0) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column) !== 0)
        column += 1;
      parts.push(`M${start} ${row}h${column - start}v1h-${column - start}z`);
    }
  }
  return { size: modules.size, path: parts.join("") };
}

/** Groups a Base32 secret in fours for reading it off the screen. */
export function formatSecretForReading(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}
