/**
 * A structural check of Atom documents against RFC 4287, with a real XML parser
 * (fast-xml-parser): well-formed XML, the Atom namespace on the root, and for atom:feed and
 * each atom:entry the cardinalities of section 4.1 (exactly one id, title and updated; at
 * most one of the optional single elements; an author on the feed or on every entry; an
 * entry without content has a rel="alternate" link; no two alternate links of the same
 * type and language), ids that are absolute IRIs (4.2.6), dates as RFC 3339 date-times
 * (3.3), text constructs of type text, html or xhtml (3.1), links with href (4.2.7), person
 * constructs with exactly one name (3.2), no element of the Atom namespace that RFC 4287
 * does not define, and entry ids that are unique within the feed.
 *
 * Returns the problems found (empty for a valid document) and the parsed feed.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const ATOM_NS = "http://www.w3.org/2005/Atom";

/** RFC 3339 date-time, as RFC 4287 3.3 requires (upper-case T and Z). */
const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
/** An absolute IRI begins with a scheme (RFC 3987). */
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

const FEED_CHILDREN = new Set([
  "author",
  "category",
  "contributor",
  "generator",
  "icon",
  "id",
  "link",
  "logo",
  "rights",
  "subtitle",
  "title",
  "updated",
  "entry",
]);
const ENTRY_CHILDREN = new Set([
  "author",
  "category",
  "content",
  "contributor",
  "id",
  "link",
  "published",
  "rights",
  "source",
  "summary",
  "title",
  "updated",
]);

/** A parsed element: attributes as "@_name", text as "#text", children as arrays. */
export type AtomElement = Record<string, unknown>;

function children(element: AtomElement, name: string): AtomElement[] {
  const value = element[name];
  return Array.isArray(value) ? (value as AtomElement[]) : [];
}

/** An attribute's value, or undefined. */
function attr(element: AtomElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function textOf(element: AtomElement | undefined): string {
  const text = element?.["#text"];
  return typeof text === "string" || typeof text === "number"
    ? String(text).trim()
    : "";
}

export interface AtomCheck {
  readonly problems: string[];
  readonly feed: AtomElement;
  readonly entries: AtomElement[];
}

/** Parses and checks an Atom feed document. */
export function checkAtomFeed(text: string): AtomCheck {
  const problems: string[] = [];
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true)
    return {
      problems: [`not well-formed XML: ${wellFormed.err.msg}`],
      feed: {},
      entries: [],
    };
  const document = new XMLParser({
    ignoreAttributes: false,
    // Every element (not attribute) as a list, so that the counts are visible.
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
    alwaysCreateTextNode: true,
    parseTagValue: false,
    trimValues: false,
  }).parse(text) as Record<string, unknown>;
  const roots = Object.keys(document).filter((key) => !key.startsWith("?"));
  const feed = children(document, "feed")[0];
  if (roots.length !== 1 || feed === undefined)
    return {
      problems: [`the root element is not atom:feed: ${roots.join(", ")}`],
      feed: {},
      entries: [],
    };
  if (feed["@_xmlns"] !== ATOM_NS)
    problems.push(`atom:feed is not in the Atom namespace`);

  const checkText = (where: string, element: AtomElement): void => {
    const type = attr(element, "type");
    if (type !== undefined && !["text", "html", "xhtml"].includes(type))
      problems.push(`${where}: text construct of type ${type}`);
  };
  const checkDate = (where: string, element: AtomElement | undefined): void => {
    // A missing element is reported by its count.
    if (element !== undefined && !RFC3339.test(textOf(element)))
      problems.push(`${where}: "${textOf(element)}" is not an RFC 3339 date`);
  };
  const checkPerson = (where: string, person: AtomElement): void => {
    if (children(person, "name").length !== 1)
      problems.push(`${where}: a person construct needs exactly one atom:name`);
    else if (textOf(children(person, "name")[0]) === "")
      problems.push(`${where}: an empty atom:name`);
    for (const uri of children(person, "uri"))
      if (!ABSOLUTE_IRI.test(textOf(uri)))
        problems.push(`${where}: atom:uri is not an IRI`);
  };
  const checkLinks = (where: string, element: AtomElement): void => {
    const alternates = new Set<string>();
    for (const link of children(element, "link")) {
      const href = attr(link, "href");
      if (href === undefined || href === "")
        problems.push(`${where}: atom:link without href`);
      const rel = attr(link, "rel") ?? "alternate";
      if (rel === "alternate") {
        const key = `${attr(link, "type") ?? ""} ${attr(link, "hreflang") ?? ""}`;
        if (alternates.has(key))
          problems.push(
            `${where}: two alternate links of type/language ${key}`,
          );
        alternates.add(key);
      }
    }
  };
  /** Section 4.1: exactly one / at most one, and only elements RFC 4287 defines. */
  const checkChildren = (
    where: string,
    element: AtomElement,
    allowed: ReadonlySet<string>,
    exactlyOne: readonly string[],
    atMostOne: readonly string[],
  ): void => {
    for (const name of Object.keys(element)) {
      if (name.startsWith("@_") || name === "#text" || name.includes(":"))
        continue;
      if (!allowed.has(name))
        problems.push(`${where}: atom:${name} is not defined by RFC 4287`);
    }
    for (const name of exactlyOne)
      if (children(element, name).length !== 1)
        problems.push(
          `${where}: ${String(children(element, name).length)} atom:${name}, must be exactly one`,
        );
    for (const name of atMostOne)
      if (children(element, name).length > 1)
        problems.push(`${where}: more than one atom:${name}`);
  };

  checkChildren(
    "feed",
    feed,
    FEED_CHILDREN,
    ["id", "title", "updated"],
    ["generator", "icon", "logo", "rights", "subtitle"],
  );
  for (const id of children(feed, "id"))
    if (!ABSOLUTE_IRI.test(textOf(id)))
      problems.push(`feed: atom:id "${textOf(id)}" is not an absolute IRI`);
  for (const name of ["title", "subtitle", "rights"])
    for (const element of children(feed, name))
      checkText(`feed/${name}`, element);
  checkDate("feed/updated", children(feed, "updated")[0]);
  for (const author of children(feed, "author")) checkPerson("feed", author);
  checkLinks("feed", feed);
  if (
    !children(feed, "link").some(
      (link) =>
        attr(link, "rel") === "self" && attr(link, "href") !== undefined,
    )
  )
    problems.push(`feed: no rel="self" link (RFC 4287 4.1.1 SHOULD)`);

  const entries = children(feed, "entry");
  const feedUpdated = textOf(children(feed, "updated")[0]);
  const ids = new Set<string>();
  entries.forEach((entry, index) => {
    const where = `entry ${String(index + 1)} (${textOf(children(entry, "id")[0])})`;
    checkChildren(
      where,
      entry,
      ENTRY_CHILDREN,
      ["id", "title", "updated"],
      ["content", "published", "rights", "source", "summary"],
    );
    const id = textOf(children(entry, "id")[0]);
    if (!ABSOLUTE_IRI.test(id))
      problems.push(`${where}: atom:id is not an absolute IRI`);
    if (ids.has(id)) problems.push(`${where}: the id is used twice`);
    ids.add(id);
    if (textOf(children(entry, "title")[0]) === "")
      problems.push(`${where}: an empty atom:title`);
    for (const name of ["title", "summary", "rights"])
      for (const element of children(entry, name))
        checkText(`${where}/${name}`, element);
    checkDate(`${where}/updated`, children(entry, "updated")[0]);
    for (const published of children(entry, "published"))
      checkDate(`${where}/published`, published);
    if (
      children(feed, "author").length === 0 &&
      children(entry, "author").length === 0
    )
      problems.push(`${where}: no atom:author on the entry or the feed`);
    for (const author of children(entry, "author")) checkPerson(where, author);
    checkLinks(where, entry);
    const content = children(entry, "content")[0];
    if (
      content === undefined &&
      !children(entry, "link").some(
        (link) => (attr(link, "rel") ?? "alternate") === "alternate",
      )
    )
      problems.push(`${where}: no atom:content and no alternate link`);
    if (
      content !== undefined &&
      (attr(content, "src") !== undefined ||
        !["text", "html", "xhtml", undefined].includes(
          attr(content, "type"),
        )) &&
      children(entry, "summary").length === 0
    )
      problems.push(`${where}: out-of-line content needs an atom:summary`);
    // The feed's updated is its most recent significant change.
    const updated = textOf(children(entry, "updated")[0]);
    if (
      RFC3339.test(updated) &&
      RFC3339.test(feedUpdated) &&
      Date.parse(updated) > Date.parse(feedUpdated)
    )
      problems.push(`${where}: updated after the feed's updated`);
  });
  return { problems, feed, entries };
}
