/**
 * Paging of API lists that grow (reports, meetings, key figures, the register): `limit`
 * and `offset` in the query, the page in the body, and the neighbours in a `Link` header
 * (RFC 8288: first, prev, next, last) with the rest of the query kept.
 */
import type { FastifyReply, FastifyRequest } from "fastify";

/** The default and largest page sizes. */
export const DEFAULT_LIMIT = 100;

/** A page of a list. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: {
    readonly total: number;
    readonly limit: number;
    readonly offset: number;
  };
}

/** Cuts a page out of `items` and sets the Link header on the reply. */
export function paginate<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  items: readonly T[],
  query: { readonly limit?: number; readonly offset?: number },
): Page<T> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  const total = items.length;
  const links = pageLinks(request.url, total, limit, offset);
  if (links !== "") reply.header("link", links);
  return {
    items: items.slice(offset, offset + limit),
    page: { total, limit, offset },
  };
}

/** The Link header value for a page; empty when everything fits on the first page. */
export function pageLinks(
  requestUrl: string,
  total: number,
  limit: number,
  offset: number,
): string {
  if (offset === 0 && total <= limit) return "";
  const url = new URL(requestUrl, "http://localhost");
  const at = (start: number): string => {
    const params = new URLSearchParams(url.searchParams);
    params.set("limit", String(limit));
    params.set("offset", String(start));
    return `<${url.pathname}?${params.toString()}>`;
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [`${at(0)}; rel="first"`];
  if (offset > 0) links.push(`${at(Math.max(0, offset - limit))}; rel="prev"`);
  if (offset + limit < total) links.push(`${at(offset + limit)}; rel="next"`);
  links.push(`${at(lastOffset)}; rel="last"`);
  return links.join(", ");
}
