import { describe, expect, it } from "vitest";
import {
  checkNewPassword,
  describePasswordProblem,
  hashPassword,
  isCommonPassword,
  verifyAgainstDummy,
  verifyPassword,
} from "../../../src/app/auth/password.js";

describe("new password rules", () => {
  it("accept 8 to 128 characters of anything, without composition rules", () => {
    expect(checkNewPassword("kurzsatz")).toBeNull();
    expect(checkNewPassword("a".repeat(7) + "ü")).toBeNull();
    expect(checkNewPassword("x".repeat(128))).toBeNull();
    expect(checkNewPassword("Ölpreise fallen im Frühjahr")).toBeNull();
    expect(checkNewPassword("🙂🙂🙂🙂🙂🙂🙂🙂")).toBeNull();
  });

  it("refuse an empty, a short and a too long password", () => {
    expect(checkNewPassword("")).toBe("empty");
    expect(checkNewPassword("sieben7")).toBe("too-short");
    expect(checkNewPassword("x".repeat(129))).toBe("too-long");
  });

  it("count characters, not UTF-16 units or bytes", () => {
    expect(checkNewPassword("🙂".repeat(7))).toBe("too-short");
    expect(checkNewPassword("ä".repeat(128))).toBeNull();
  });

  it("refuse common passwords in any case, German ones included", () => {
    for (const password of [
      "passwort",
      "Passwort1",
      "HALLO123",
      "password",
      "qwertz123",
      "1q2w3e4r",
      "schalke04",
      "sommer2024",
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(checkNewPassword(password), password).toBe("common");
    }
    expect(isCommonPassword("Drei Kaffee bitte am Marktplatz")).toBe(false);
  });

  it("refuse the own e-mail address as password", () => {
    expect(
      checkNewPassword("Erika.Muster@kleve.de", {
        email: "erika.muster@kleve.de",
      }),
    ).toBe("like-email");
  });

  it("explain every problem in German", () => {
    expect(describePasswordProblem("too-short")).toBe(
      "Das Passwort muss mindestens 8 Zeichen lang sein.",
    );
    expect(describePasswordProblem("common")).toContain("zu verbreitet");
  });
});

describe("password hashing", () => {
  it("uses Argon2id with the OWASP parameters", async () => {
    const hash = await hashPassword("Ein Satz aus mehreren Wörtern");
    expect(hash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
    );
  });

  it("salts every hash", async () => {
    expect(await hashPassword("gleiches Passwort")).not.toBe(
      await hashPassword("gleiches Passwort"),
    );
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("richtig und lang genug");
    expect(await verifyPassword(hash, "richtig und lang genug")).toBe(true);
    expect(await verifyPassword(hash, "Richtig und lang genug")).toBe(false);
  });

  it("does not truncate: the 128th character counts", async () => {
    const long = "a".repeat(127);
    const hash = await hashPassword(`${long}b`);
    expect(await verifyPassword(hash, `${long}c`)).toBe(false);
    expect(await verifyPassword(hash, `${long}b`)).toBe(true);
  });

  it("treats composed and decomposed umlauts as the same password", async () => {
    const hash = await hashPassword("Grüße aus Kleve");
    expect(await verifyPassword(hash, "Gru\u0308ße aus Kleve")).toBe(true);
  });

  it("answers false for a malformed hash instead of throwing", async () => {
    expect(await verifyPassword("kein hash", "egal was")).toBe(false);
    expect(await verifyAgainstDummy("egal was")).toBe(false);
  });
});
