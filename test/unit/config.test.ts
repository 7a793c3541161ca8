import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const SSO = {
  OIDC_ISSUER: "https://login.kleve.de/realms/stadt",
  OIDC_CLIENT_ID: "fortschritt",
  OIDC_CLIENT_SECRET: "geheim",
  OIDC_MUNICIPALITY: "kleve",
  PUBLIC_BASE_URL: "https://fortschritt.kleve.de/",
};

describe("configuration of single sign-on", () => {
  it("is off without any OIDC variable", () => {
    expect(loadConfig({}).sso).toBeNull();
  });

  it("is complete with issuer, client, secret, municipality and public address, with default claim names", () => {
    expect(loadConfig(SSO).sso).toEqual({
      issuer: SSO.OIDC_ISSUER,
      clientId: "fortschritt",
      clientSecret: "geheim",
      roleClaim: "fortschritt_role",
      orgUnitsClaim: "fortschritt_org_units",
      municipalitySlug: "kleve",
      redirectUri: "https://fortschritt.kleve.de/anmelden/sso/callback",
      scopes: "openid profile email",
    });
  });

  it("takes other claim names", () => {
    const config = loadConfig({
      ...SSO,
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ORG_UNITS_CLAIM: "departments",
    });
    expect(config.sso).toEqual(
      expect.objectContaining({
        roleClaim: "groups",
        orgUnitsClaim: "departments",
      }),
    );
  });

  it("refuses half a configuration and names what is missing", () => {
    expect(() =>
      loadConfig({ OIDC_ISSUER: SSO.OIDC_ISSUER, OIDC_CLIENT_ID: "x" }),
    ).toThrow(/OIDC_CLIENT_SECRET, OIDC_MUNICIPALITY/);
    expect(() => loadConfig({ OIDC_ROLE_CLAIM: "groups" })).toThrow(
      /OIDC_ROLE_CLAIM gilt nur zusammen/,
    );
  });

  it("needs PUBLIC_BASE_URL for the redirect address", () => {
    expect(() => loadConfig({ ...SSO, PUBLIC_BASE_URL: undefined })).toThrow(
      /PUBLIC_BASE_URL/,
    );
  });

  it("refuses a provider over plain HTTP except on this machine", () => {
    expect(() =>
      loadConfig({ ...SSO, OIDC_ISSUER: "http://login.kleve.de" }),
    ).toThrow(/OIDC_ISSUER muss eine https-Adresse/);
    expect(
      loadConfig({
        ...SSO,
        OIDC_ISSUER: "http://127.0.0.1:8080",
        PUBLIC_BASE_URL: "http://localhost:3000",
      }).sso?.issuer,
    ).toBe("http://127.0.0.1:8080");
  });
});
