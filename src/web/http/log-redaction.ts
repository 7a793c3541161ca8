/**
 * Request logs without secrets. Password-reset and invitation links carry their token in
 * the path (/passwort-neu/{token}), and the single sign-on callback its authorisation code
 * and state in the query: whoever reads a log line could otherwise take over the account.
 * Every request line is logged with those parts replaced by "[entfernt]".
 */
import type { FastifyRequest } from "fastify";

const REDACTED = "[entfernt]";

/** Path prefixes whose next segment is a secret. */
const SECRET_PATH_PREFIXES = ["/passwort-neu/"] as const;

/** Query parameters whose value is a secret (OpenID Connect callback, tokens). */
const SECRET_QUERY_PARAMETERS = new Set([
  "code",
  "state",
  "token",
  "id_token",
  "access_token",
]);

/** A request URL as it may be logged. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf("?");
  let path = queryStart === -1 ? url : url.slice(0, queryStart);
  let query = queryStart === -1 ? "" : url.slice(queryStart + 1);
  for (const prefix of SECRET_PATH_PREFIXES) {
    const at = path.toLowerCase().indexOf(prefix);
    if (at !== -1) {
      const rest = path.slice(at + prefix.length);
      const slash = rest.indexOf("/");
      path = `${path.slice(0, at + prefix.length)}${REDACTED}${slash === -1 ? "" : rest.slice(slash)}`;
    }
  }
  if (query !== "") {
    query = query
      .split("&")
      .map((pair) => {
        const name = decodeURIComponentSafe(
          pair.split("=", 1)[0] ?? "",
        ).toLowerCase();
        return SECRET_QUERY_PARAMETERS.has(name)
          ? `${pair.split("=", 1)[0]}=${REDACTED}`
          : pair;
      })
      .join("&");
  }
  return queryStart === -1 ? path : `${path}?${query}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Pino serializers for Fastify's request log lines: the URL redacted. */
export const REDACTING_SERIALIZERS = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
};
