import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { isAppError } from "../../src/errors.js";

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
    return "";
  } catch (error) {
    if (!isAppError(error, "ERR_CONFIG_INVALID")) throw error;
    return error.detail ?? "";
  }
}

describe("mail and cookie configuration", () => {
  it("has no mail, no proxy and plain cookies by default", () => {
    const config = loadConfig({});
    expect(config.mail).toBeNull();
    expect(config.trustProxy).toBe(false);
    expect(config.secureCookies).toBe(false);
  });

  it("reads SMTP_URL and MAIL_FROM together with PUBLIC_BASE_URL", () => {
    const config = loadConfig({
      SMTP_URL: "smtp://127.0.0.1:2525",
      MAIL_FROM: "Fortschritt <fortschritt@kleve.de>",
      PUBLIC_BASE_URL: "https://fortschritt.kleve.de/",
    });
    expect(config.mail).toEqual({
      smtpUrl: "smtp://127.0.0.1:2525",
      from: "Fortschritt <fortschritt@kleve.de>",
    });
    expect(config.secureCookies).toBe(true);
  });

  it("names what is wrong with a half or broken mail configuration", () => {
    expect(problemsOf({ MAIL_FROM: "a@b.de" })).toContain(
      "MAIL_FROM gilt nur zusammen mit SMTP_URL.",
    );
    expect(
      problemsOf({
        SMTP_URL: "http://mail",
        MAIL_FROM: "a@b.de",
        PUBLIC_BASE_URL: "https://x.de",
      }),
    ).toContain("SMTP_URL muss");
    expect(
      problemsOf({
        SMTP_URL: "smtp://mail:25",
        PUBLIC_BASE_URL: "https://x.de",
      }),
    ).toContain("MAIL_FROM muss");
    expect(
      problemsOf({ SMTP_URL: "smtp://mail:25", MAIL_FROM: "a@b.de" }),
    ).toContain("PUBLIC_BASE_URL");
  });

  it("reads TRUST_PROXY and COOKIE_SECURE as booleans", () => {
    expect(
      loadConfig({ TRUST_PROXY: "true", COOKIE_SECURE: "1" }),
    ).toMatchObject({ trustProxy: true, secureCookies: true });
    expect(
      loadConfig({ PUBLIC_BASE_URL: "https://x.de", COOKIE_SECURE: "false" })
        .secureCookies,
    ).toBe(false);
    expect(problemsOf({ TRUST_PROXY: "vielleicht" })).toContain(
      "TRUST_PROXY muss true oder false sein",
    );
  });
});
