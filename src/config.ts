/**
 * The one validated configuration, read from the environment at start-up. A wrong value
 * stops the process with a message that names the variable, instead of failing later.
 */
import { resolve } from "node:path";
import { AppError } from "./errors.js";
import { defaultChromiumPath } from "./chromium.js";
import { findProjectRoot } from "./project-root.js";

/** Everything the process can be configured with. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; null selects the embedded SQLite file. */
  readonly databaseUrl: string | null;
  /** A PostgreSQL read replica for public pages (DATABASE_READ_URL); staff always use the primary. */
  readonly databaseReadUrl: string | null;
  /** Directory of the SQLite file (and later uploads and backups). */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** The address under which people reach this instance (links in e-mails, the SSO redirect), without a trailing slash. */
  readonly publicBaseUrl: string | null;
  /** Single sign-on with OpenID Connect; null when not configured. */
  readonly sso: SsoConfig | null;
  /** Outgoing mail (password reset links, invitations); null when SMTP_URL is not set. */
  readonly mail: MailConfig | null;
  /** Trust X-Forwarded-For/-Proto from a reverse proxy in front (TRUST_PROXY=true). */
  readonly trustProxy: boolean;
  /** Mark cookies Secure with the __Host- prefix on every request (true when PUBLIC_BASE_URL is https). */
  readonly secureCookies: boolean;
  /** The Chromium binary that prints PDFs and pictures for documents (CHROMIUM_PATH). */
  readonly chromiumPath: string;
}

/** Outgoing mail through an SMTP server. */
export interface MailConfig {
  /** smtp://host:port, smtps://user:password@host:465 … */
  readonly smtpUrl: string;
  /** The sender, e.g. "Fortschritt <fortschritt@kleve.de>". */
  readonly from: string;
}

/** Single sign-on with OpenID Connect (docs/adr/0004-single-sign-on.md). */
export interface SsoConfig {
  /** The identity provider's issuer identifier (discovery at /.well-known/openid-configuration). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The claim that carries the role: admin, editor or committee. */
  readonly roleClaim: string;
  /** The claim that carries the org unit codes (a list, or a text separated by commas or spaces). */
  readonly orgUnitsClaim: string;
  /** Slug of the municipality that SSO users belong to. */
  readonly municipalitySlug: string;
  /** Where the identity provider sends the browser back: PUBLIC_BASE_URL + /anmelden/sso/callback. */
  readonly redirectUri: string;
  /** Scopes requested. */
  readonly scopes: string;
}

/** The levels of LOG_LEVEL, from the fewest messages to the most ("silent": none). */
export const LOG_LEVELS = [
  "silent",
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
] as const;

/** How much the server and the command line log (LOG_LEVEL, default "info"). */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const portText = env.PORT ?? "3000";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    problems.push(
      `PORT muss eine Zahl von 1 bis 65535 sein (ist: "${portText}").`,
    );
  }

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      "DATABASE_URL muss mit postgres:// oder postgresql:// beginnen.",
    );
  }

  const databaseReadUrl = env.DATABASE_READ_URL?.trim() || null;
  if (
    databaseReadUrl !== null &&
    (databaseUrl === null || !/^postgres(ql)?:\/\//.test(databaseReadUrl))
  ) {
    problems.push(
      "DATABASE_READ_URL braucht DATABASE_URL und muss mit postgres:// oder postgresql:// beginnen.",
    );
  }

  const logLevel = (env.LOG_LEVEL ?? "info") as Config["logLevel"];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL muss einer von ${LOG_LEVELS.join(", ")} sein.`);
  }

  const publicBaseUrl = readPublicBaseUrl(env, problems);
  const sso = readSsoConfig(env, publicBaseUrl, problems);
  const mail = readMailConfig(env, publicBaseUrl, problems);
  const trustProxy = readBoolean(env, "TRUST_PROXY", false, problems);
  const secureCookies = readBoolean(
    env,
    "COOKIE_SECURE",
    publicBaseUrl?.startsWith("https:") === true,
    problems,
  );

  if (problems.length > 0) {
    throw new AppError("ERR_CONFIG_INVALID", { detail: problems.join(" ") });
  }

  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl,
    databaseReadUrl,
    dataDir: resolve(
      env.FORTSCHRITT_DATA_DIR ?? resolve(findProjectRoot(), "data"),
    ),
    logLevel,
    publicBaseUrl,
    sso,
    mail,
    trustProxy,
    secureCookies,
    chromiumPath: env.CHROMIUM_PATH?.trim() || defaultChromiumPath(),
  };
}

/** Plain HTTP only to this machine (development, tests); everything else must use HTTPS. */
function isSecureOrLoopback(url: URL): boolean {
  return (
    url.protocol === "https:" ||
    (url.protocol === "http:" &&
      ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
  );
}

function readPublicBaseUrl(
  env: NodeJS.ProcessEnv,
  problems: string[],
): string | null {
  const text = env.PUBLIC_BASE_URL?.trim();
  if (!text) return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (
    url === null ||
    !isSecureOrLoopback(url) ||
    url.search !== "" ||
    url.hash !== ""
  ) {
    problems.push(
      "PUBLIC_BASE_URL muss eine https-Adresse ohne Query sein, z. B. https://fortschritt.kleve.de.",
    );
    return null;
  }
  return url.href.replace(/\/+$/, "");
}

const SSO_REQUIRED = [
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_MUNICIPALITY",
] as const;
const SSO_OPTIONAL = [
  "OIDC_ROLE_CLAIM",
  "OIDC_ORG_UNITS_CLAIM",
  "OIDC_SCOPES",
] as const;

/** Single sign-on is all or nothing: a half configuration is a mistake, not a choice. */
function readSsoConfig(
  env: NodeJS.ProcessEnv,
  publicBaseUrl: string | null,
  problems: string[],
): SsoConfig | null {
  const value = (name: string): string | undefined =>
    env[name]?.trim() || undefined;
  const present = SSO_REQUIRED.filter((name) => value(name) !== undefined);
  if (present.length === 0) {
    const stray = SSO_OPTIONAL.filter((name) => value(name) !== undefined);
    if (stray.length > 0)
      problems.push(
        `${stray.join(", ")} gilt nur zusammen mit ${SSO_REQUIRED.join(", ")}.`,
      );
    return null;
  }
  const missing = SSO_REQUIRED.filter((name) => value(name) === undefined);
  if (missing.length > 0) {
    problems.push(
      `Single Sign-on braucht ${SSO_REQUIRED.join(", ")} zusammen; es fehlt ${missing.join(", ")}.`,
    );
    return null;
  }
  const issuer = value("OIDC_ISSUER") ?? "";
  const issuerUrl = URL.canParse(issuer) ? new URL(issuer) : null;
  if (issuerUrl === null || !isSecureOrLoopback(issuerUrl)) {
    problems.push(
      "OIDC_ISSUER muss eine https-Adresse sein (http nur für 127.0.0.1/localhost).",
    );
  }
  const municipalitySlug = value("OIDC_MUNICIPALITY") ?? "";
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(municipalitySlug)) {
    problems.push(
      "OIDC_MUNICIPALITY muss der Kurzname einer Kommune sein, z. B. kleve.",
    );
  }
  if (publicBaseUrl === null)
    problems.push(
      "Single Sign-on braucht PUBLIC_BASE_URL für die Rücksprungadresse.",
    );
  const claimName = /^[A-Za-z0-9_:.\/-]{1,100}$/;
  const roleClaim = value("OIDC_ROLE_CLAIM") ?? "fortschritt_role";
  const orgUnitsClaim =
    value("OIDC_ORG_UNITS_CLAIM") ?? "fortschritt_org_units";
  if (!claimName.test(roleClaim))
    problems.push("OIDC_ROLE_CLAIM ist kein gültiger Claim-Name.");
  if (!claimName.test(orgUnitsClaim))
    problems.push("OIDC_ORG_UNITS_CLAIM ist kein gültiger Claim-Name.");
  const scopes = value("OIDC_SCOPES") ?? "openid profile email";
  if (!scopes.split(/\s+/).includes("openid"))
    problems.push("OIDC_SCOPES muss openid enthalten.");
  return {
    issuer,
    clientId: value("OIDC_CLIENT_ID") ?? "",
    clientSecret: value("OIDC_CLIENT_SECRET") ?? "",
    roleClaim,
    orgUnitsClaim,
    municipalitySlug,
    redirectUri: `${publicBaseUrl ?? ""}/anmelden/sso/callback`,
    scopes,
  };
}

function readBoolean(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: boolean,
  problems: string[],
): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (text === undefined || text === "") return fallback;
  if (["true", "1", "yes", "ja"].includes(text)) return true;
  if (["false", "0", "no", "nein"].includes(text)) return false;
  problems.push(
    `${name} muss true oder false sein (ist: "${env[name] ?? ""}").`,
  );
  return fallback;
}

/** Mail needs the server, the sender and the address links point to; all or nothing. */
function readMailConfig(
  env: NodeJS.ProcessEnv,
  publicBaseUrl: string | null,
  problems: string[],
): MailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  const from = env.MAIL_FROM?.trim() || null;
  if (smtpUrl === null) {
    if (from !== null)
      problems.push("MAIL_FROM gilt nur zusammen mit SMTP_URL.");
    return null;
  }
  const url = URL.canParse(smtpUrl) ? new URL(smtpUrl) : null;
  if (
    url === null ||
    !["smtp:", "smtps:"].includes(url.protocol) ||
    url.hostname === ""
  ) {
    problems.push(
      "SMTP_URL muss die Form smtp://host:port oder smtps://benutzer:passwort@host:465 haben.",
    );
  }
  if (
    from === null ||
    !/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from)
  ) {
    problems.push(
      'MAIL_FROM muss eine Absenderadresse sein, z. B. "Fortschritt <fortschritt@kleve.de>".',
    );
  }
  if (publicBaseUrl === null)
    problems.push(
      "E-Mails mit Links brauchen PUBLIC_BASE_URL (die Adresse, unter der Fortschritt erreichbar ist).",
    );
  return { smtpUrl, from: from ?? "" };
}
