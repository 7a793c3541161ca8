/**
 * The relying party's side of OpenID Connect, with openid-client: discovery of the
 * provider, the authorization URL (code flow with PKCE S256, state and nonce) and the
 * checked exchange of the code for the person's claims. Nothing here touches the
 * database; single-sign-on.ts decides what the claims mean.
 */
import * as oidc from "openid-client";
import type { SsoConfig } from "../../config.js";
import { AppError } from "../../errors.js";

/** The per-login secrets that must come back unchanged: kept server-side between redirect and callback. */
export interface AuthorizationSecrets {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** How long to wait for the identity provider before giving up. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** Discovered configurations per issuer and client; a failed discovery is not kept. */
const configurations = new Map<string, Promise<oidc.Configuration>>();

function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/** The provider's metadata and keys, discovered once per process. */
async function providerConfiguration(
  sso: SsoConfig,
): Promise<oidc.Configuration> {
  const key = `${sso.issuer} ${sso.clientId}`;
  let pending = configurations.get(key);
  if (pending === undefined) {
    const issuer = new URL(sso.issuer);
    // config.ts allows plain HTTP only for a provider on this machine (development, tests).
    const execute =
      issuer.protocol === "http:" && isLoopback(issuer)
        ? [oidc.allowInsecureRequests]
        : [];
    pending = oidc.discovery(
      issuer,
      sso.clientId,
      { client_secret: sso.clientSecret },
      oidc.ClientSecretBasic(sso.clientSecret),
      {
        execute,
        timeout: PROVIDER_TIMEOUT_SECONDS,
      },
    );
    configurations.set(key, pending);
    pending.catch(() => configurations.delete(key));
  }
  try {
    return await pending;
  } catch (error) {
    throw new AppError("ERR_SSO_UNAVAILABLE", {
      cause: error,
      detail: `(${describe(error)})`,
    });
  }
}

/** New secrets and the URL to send the browser to. */
export async function buildAuthorizationRequest(
  sso: SsoConfig,
): Promise<{ readonly url: string; readonly secrets: AuthorizationSecrets }> {
  const configuration = await providerConfiguration(sso);
  // All three always, whatever the provider announces: PKCE against code injection,
  // state against login CSRF, nonce against ID token replay.
  const secrets: AuthorizationSecrets = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: sso.redirectUri,
    scope: sso.scopes,
    response_type: "code",
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, secrets };
}

/**
 * Checks the provider's answer against the secrets of this login (state, then the code
 * exchange with the PKCE verifier, then the ID token's signature, issuer, audience,
 * expiry and nonce) and returns the person's claims: the ID token's, completed from the
 * UserInfo endpoint where the provider has one (many release role claims only there).
 * A refused answer throws ERR_SSO_FAILED, an unreachable provider ERR_SSO_UNAVAILABLE.
 */
export async function exchangeAuthorizationResponse(
  sso: SsoConfig,
  callbackUrl: URL,
  secrets: AuthorizationSecrets,
): Promise<Readonly<Record<string, unknown>>> {
  const configuration = await providerConfiguration(sso);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      pkceCodeVerifier: secrets.codeVerifier,
      idTokenExpected: true,
    });
  } catch (error) {
    throw classify(error);
  }
  const idTokenClaims = tokens.claims();
  if (idTokenClaims === undefined)
    throw new AppError("ERR_SSO_FAILED", {
      detail: "Die Antwort enthält kein ID-Token.",
    });
  if (configuration.serverMetadata().userinfo_endpoint === undefined)
    return { ...idTokenClaims };
  try {
    const userInfo = await oidc.fetchUserInfo(
      configuration,
      tokens.access_token,
      idTokenClaims.sub,
    );
    // The ID token's claims are signed; UserInfo only adds what the token does not carry.
    return { ...userInfo, ...idTokenClaims };
  } catch (error) {
    throw classify(error);
  }
}

/** A network failure or a server error is the provider's trouble; anything else a refused answer. */
function classify(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const isUnreachable =
    error instanceof TypeError ||
    (error instanceof Error &&
      (error.name === "AbortError" || error.name === "TimeoutError")) ||
    (error instanceof oidc.ResponseBodyError && error.status >= 500);
  return new AppError(
    isUnreachable ? "ERR_SSO_UNAVAILABLE" : "ERR_SSO_FAILED",
    { cause: error, detail: `(${describe(error)})` },
  );
}

function describe(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError)
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  if (error instanceof Error) return error.message.slice(0, 200);
  return "unbekannter Fehler";
}
