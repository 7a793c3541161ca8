import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
} from "../../../src/app/auth/recovery-codes.js";
import {
  drawQrCode,
  matchTotpStep,
  newTotpSecret,
  totpCodeAt,
  totpStepAt,
  totpUri,
} from "../../../src/app/auth/totp.js";
import { safeNextPath } from "../../../src/web/identity/identity-paths.js";

const NOW = new Date("2026-11-21T10:00:15Z");

describe("TOTP", () => {
  it("makes 160-bit Base32 secrets", () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("describes the account as authenticator apps expect (SHA-1, 6 digits, 30 s)", () => {
    const uri = totpUri(
      "JBSWY3DPEHPK3PXP",
      "Fortschritt kleve",
      "cdo@kleve.de",
    );
    expect(uri).toBe(
      "otpauth://totp/Fortschritt%20kleve:cdo%40kleve.de?issuer=Fortschritt%20kleve&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("matches the RFC 6238 test vector", () => {
    // RFC 6238 Appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082.
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCodeAt(secret, new Date(59_000))).toBe("287082");
  });

  it("accepts the current code and one step either side, nothing further", () => {
    const secret = newTotpSecret();
    const step = totpStepAt(NOW);
    expect(matchTotpStep(secret, totpCodeAt(secret, NOW), NOW)).toBe(step);
    expect(
      matchTotpStep(
        secret,
        totpCodeAt(secret, new Date(NOW.getTime() - 30_000)),
        NOW,
      ),
    ).toBe(step - 1);
    expect(
      matchTotpStep(
        secret,
        totpCodeAt(secret, new Date(NOW.getTime() + 30_000)),
        NOW,
      ),
    ).toBe(step + 1);
    expect(
      matchTotpStep(
        secret,
        totpCodeAt(secret, new Date(NOW.getTime() + 90_000)),
        NOW,
      ),
    ).toBeNull();
  });

  it("refuses anything but six digits", () => {
    const secret = newTotpSecret();
    expect(matchTotpStep(secret, "12345", NOW)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", NOW)).toBeNull();
  });

  it("draws the QR code as one SVG path of unit squares", () => {
    const drawing = drawQrCode("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP");
    expect(drawing.size).toBeGreaterThanOrEqual(21);
    expect(drawing.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });
});

describe("recovery codes", () => {
  it("are ten different codes of 16 readable characters", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it("are recognised however they are typed", () => {
    const [code] = generateRecoveryCodes(1);
    const normalised = normaliseRecoveryCode(code!);
    expect(normaliseRecoveryCode(code!.toUpperCase().replace(/-/g, " "))).toBe(
      normalised,
    );
    expect(hashRecoveryCode(normalised!)).toMatch(/^[0-9a-f]{64}$/);
    expect(normaliseRecoveryCode("zu-kurz")).toBeNull();
  });
});

describe("the redirect after signing in", () => {
  it("goes to paths on this site", () => {
    expect(safeNextPath("/kleve/verwaltung/")).toBe("/kleve/verwaltung/");
    expect(safeNextPath("/kleve/projekte/e-akte?lang=en#zeitplan")).toBe(
      "/kleve/projekte/e-akte?lang=en",
    );
    expect(safeNextPath("/kleve/./projekte/../zeitstrahl")).toBe(
      "/kleve/zeitstrahl",
    );
    expect(safeNextPath("/kleve/%2f%2fevil.example")).toBeNull();
  });

  it("never leaves the site", () => {
    for (const next of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/\t/evil.example",
      "",
    ]) {
      expect(safeNextPath(next), next).toBeNull();
    }
  });

  it("checks the normalised address, so that dot segments and encodings cannot reach another host", () => {
    const attacks = [
      "/.//evil.example/x",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/%2E%2E//evil.example",
      "/a/%2e%2e//evil.example",
      "/./\\evil.example",
      "/%5c%5cevil.example",
      "/%5Cevil.example",
      "/.%5c/evil.example",
      "/%2f%2fevil.example",
      "/%2F/evil.example",
      "/\n/evil.example",
      "/\r\n//evil.example",
      "/\u0000//evil.example",
      "/ //evil.example",
      "\t//evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "/javascript:alert(1)//evil.example/..//..//evil.example",
      "https:evil.example",
      "http:/evil.example",
      "///evil.example",
      "/\\/evil.example",
      "/.../..//evil.example",
    ];
    for (const next of attacks) {
      const safe = safeNextPath(next);
      if (safe === null) continue;
      const resolved = new URL(safe, "https://kleve.example/");
      expect(resolved.origin, `${JSON.stringify(next)} → ${safe}`).toBe(
        "https://kleve.example",
      );
      expect(
        safe.startsWith("/") && !safe.startsWith("//") && !/[\\\s]/.test(safe),
        `${JSON.stringify(next)} → ${safe}`,
      ).toBe(true);
    }
    for (const next of [
      "/.//evil.example/x",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/%2f%2fevil.example/..//x",
    ]) {
      expect(safeNextPath(next), next).toBeNull();
    }
  });

  it("does not go back to the sign-in pages", () => {
    expect(safeNextPath("/anmelden")).toBeNull();
    expect(safeNextPath("/anmelden/zweiter-faktor")).toBeNull();
  });
});
