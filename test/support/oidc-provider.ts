/**
 * A small OpenID Connect provider for single sign-on tests: oidc-provider on 127.0.0.1
 * with a random port, one confidential client and accounts whose claims the test sets.
 * Login and consent are granted at once for the account named by `nextAccount`, as if
 * the person had typed their password at the identity provider.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The claims of an account at the test provider. */
export type TestClaims = Readonly<Record<string, unknown>> & {
  readonly sub: string;
};

/** A running test identity provider. */
export interface TestIdentityProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The subject that the next login signs in as; its claims come from `accounts`. */
  nextAccount: string;
  readonly accounts: Map<string, TestClaims>;
  close(): Promise<void>;
}

/** Claims released per scope; the custom ones with "openid", as many providers do with mappers. */
const CLAIMS = {
  openid: ["sub", "fortschritt_role", "fortschritt_org_units", "groups"],
  email: ["email", "email_verified"],
  profile: ["name"],
};

/**
 * The provider's storage: a Map per test provider. (Its built-in in-memory adapter does
 * the same but warns on every start that it is not for production.)
 */
function memoryAdapter(): new (
  name: string,
) => Record<string, (...args: never[]) => Promise<unknown>> {
  const store = new Map<
    string,
    { payload: Record<string, unknown>; expiresAt: number }
  >();
  return class MemoryAdapter {
    constructor(private readonly name: string) {}
    private key(id: string): string {
      return `${this.name}:${id}`;
    }
    async upsert(
      id: string,
      payload: Record<string, unknown>,
      expiresIn: number,
    ): Promise<void> {
      store.set(this.key(id), {
        payload,
        expiresAt: Date.now() + expiresIn * 1000,
      });
    }
    async find(id: string): Promise<Record<string, unknown> | undefined> {
      const entry = store.get(this.key(id));
      return entry === undefined || entry.expiresAt < Date.now()
        ? undefined
        : entry.payload;
    }
    async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
      return [...store.entries()].find(
        ([key, entry]) =>
          key.startsWith(`${this.name}:`) && entry.payload.uid === uid,
      )?.[1].payload;
    }
    async findByUserCode(
      userCode: string,
    ): Promise<Record<string, unknown> | undefined> {
      return [...store.entries()].find(
        ([key, entry]) =>
          key.startsWith(`${this.name}:`) &&
          entry.payload.userCode === userCode,
      )?.[1].payload;
    }
    async consume(id: string): Promise<void> {
      const entry = store.get(this.key(id));
      if (entry !== undefined)
        entry.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of store)
        if (entry.payload.grantId === grantId) store.delete(key);
    }
  } as never;
}

/** Starts the provider; `redirectUri` is the app's callback address. */
export async function startTestIdentityProvider(
  redirectUri: string,
): Promise<TestIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "fortschritt";
  const clientSecret = randomBytes(24).toString("base64url");
  const accounts = new Map<string, TestClaims>();
  const signingKey = generateKeyPairSync("rsa", {
    modulusLength: 2048,
  }).privateKey.export({ format: "jwk" });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...signingKey, kid: "test", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: CLAIMS,
    features: { devInteractions: { enabled: false } },
    // Explicit lifetimes: the defaults work but make the provider print a notice for each.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `/interaction/${interaction.uid}`,
    },
    findAccount: async (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      if (claims === undefined) return undefined;
      return { accountId: id, claims: async () => claims };
    },
  });
  // The provider logs the errors it answers (e.g. an unknown client); tests assert on responses.
  provider.on("server_error", () => undefined);

  const identity: TestIdentityProvider = {
    issuer,
    clientId,
    clientSecret,
    nextAccount: "",
    accounts,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };

  const handleInteraction = async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === "login") {
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: identity.nextAccount } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const accountId = details.session?.accountId ?? identity.nextAccount;
    const grant =
      (details.grantId === undefined
        ? undefined
        : await provider.Grant.find(details.grantId)) ??
      new provider.Grant({ accountId, clientId: details.params.client_id });
    const missingScope = details.prompt.details.missingOIDCScope as
      string[] | undefined;
    const missingClaims = details.prompt.details.missingOIDCClaims as
      string[] | undefined;
    if (missingScope !== undefined) grant.addOIDCScope(missingScope.join(" "));
    if (missingClaims !== undefined) grant.addOIDCClaims(missingClaims);
    await provider.interactionFinished(
      request,
      response,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  };

  const callback = provider.callback();
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith("/interaction/") === true) {
      handleInteraction(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    callback(request, response);
  });
  return identity;
}

/**
 * Follows the provider's redirects from the authorization URL until it sends the browser
 * back to `redirectPrefix`; returns that final URL (the app's callback with code and state).
 * Cookies are kept per run, the way a browser would keep them for the provider's host.
 */
export async function followProviderRedirects(
  authorizationUrl: string,
  redirectPrefix: string,
): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectPrefix)) return new URL(url);
    const response = await fetch(url, {
      redirect: "manual",
      headers: {
        cookie: [...cookies]
          .map(([name, value]) => `${name}=${value}`)
          .join("; "),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line))
        cookies.delete(name);
      else cookies.set(name, value);
    }
    const location = response.headers.get("location");
    if (location === null)
      throw new Error(
        `The identity provider answered ${response.status} without a redirect at ${url}: ${await response.text()}`,
      );
    url = new URL(location, url).href;
  }
  throw new Error("The identity provider redirected too often.");
}
