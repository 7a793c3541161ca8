/** A feed as Atom (RFC 4287): feed and entries with id, title, updated, link and author. */
import type { Feed } from "../../app/open-data/feed.js";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
const xml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** An RFC 3339 timestamp (Atom's date construct) of an ISO timestamp. */
function rfc3339(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? "1970-01-01T00:00:00Z"
    : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The feed as an Atom document; `baseUrl` makes the portal paths absolute, `selfUrl` is the feed's own address. */
export function writeAtom(
  feed: Feed,
  baseUrl: string,
  selfUrl: string,
): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <id>${xml(feed.id)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <subtitle>${xml(feed.subtitle)}</subtitle>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    `  <author><name>${xml(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl + feed.path)}"/>`,
    "  <generator>Fortschritt</generator>",
  ];
  for (const entry of feed.entries) {
    lines.push(
      "  <entry>",
      `    <id>${xml(entry.id)}</id>`,
      `    <title>${xml(entry.title)}</title>`,
      `    <updated>${rfc3339(entry.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(baseUrl + entry.path)}"/>`,
      `    <summary type="text">${xml(entry.summary)}</summary>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
