/**
 * Atom feeds (RFC 4287) of published changes, per municipality and per project: well-formed
 * XML with the required elements, ids that stay the same when the feed grows, a new key
 * figure value appearing as an entry, nothing from drafts. Runs on SQLite and PostgreSQL.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { addObservation } from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import { createMeeting } from "../../src/app/reports/committees.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { checkAtomFeed } from "../support/atom.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const RFC3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const DRAFT_TEXT = "Noch nicht beschlossener Entwurf";

interface AtomLink {
  readonly "@_rel"?: string;
  readonly "@_href": string;
}
interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly link: AtomLink | AtomLink[];
  readonly summary?: { readonly "#text": string };
}
interface AtomFeed {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly author: { readonly name: string };
  readonly link: AtomLink[];
  readonly entry?: AtomEntry[];
}

/** Parses an Atom document and checks what RFC 4287 requires of feed and entries. */
function parseAtom(text: string): AtomFeed {
  expect(checkAtomFeed(text).problems).toEqual([]);
  expect(XMLValidator.validate(text)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "entry" || name === "link",
  }).parse(text) as { feed: AtomFeed & { "@_xmlns": string } };
  const { feed } = parsed;
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(feed.id).toMatch(/^urn:fortschritt:/);
  expect(feed.title).not.toBe("");
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.author.name).toBe("Stadt Kleve");
  expect(feed.link.some((link) => link["@_rel"] === "self")).toBe(true);
  const entries = feed.entry ?? [];
  for (const entry of entries) {
    expect(entry.id).toMatch(/^urn:fortschritt:/);
    expect(entry.title).not.toBe("");
    expect(entry.updated).toMatch(RFC3339);
    expect(
      [entry.link].flat().some((link) => link["@_href"].startsWith("http")),
    ).toBe(true);
  }
  expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  return feed;
}

describe("the RFC 4287 check", () => {
  const valid = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "<id>urn:x:feed</id><title>T</title><updated>2023-01-02T10:00:00Z</updated>",
    '<author><name>A</name></author><link rel="self" href="https://x.example/feed.atom"/>',
    '<entry><id>urn:x:1</id><title>E</title><updated>2023-01-01T10:00:00Z</updated><link href="https://x.example/1"/></entry>',
    "</feed>",
  ].join("");

  it("accepts a minimal valid feed and finds what RFC 4287 forbids", () => {
    expect(checkAtomFeed(valid).problems).toEqual([]);
    const broken = (from: string, to: string) =>
      checkAtomFeed(valid.replace(from, to)).problems;
    expect(broken("<updated>2023-01-01T10:00:00Z</updated>", "")).toEqual([
      expect.stringContaining("0 atom:updated"),
    ]);
    expect(broken("<id>urn:x:1</id>", "<id>eins</id>")).toEqual([
      expect.stringContaining("not an absolute IRI"),
    ]);
    expect(broken("2023-01-01T10:00:00Z", "01.01.2023")).toEqual([
      expect.stringContaining("not an RFC 3339 date"),
    ]);
    expect(broken("<author><name>A</name></author>", "")).toEqual([
      expect.stringContaining("no atom:author"),
    ]);
    expect(broken('<link href="https://x.example/1"/>', "")).toEqual([
      expect.stringContaining("no atom:content and no alternate link"),
    ]);
    expect(
      broken("<title>E</title>", "<title>E</title><title>F</title>"),
    ).toEqual([expect.stringContaining("2 atom:title")]);
    expect(broken("</entry>", "<summary/></entry><bogus/>")).toEqual([
      expect.stringContaining("atom:bogus"),
    ]);
    expect(broken("</feed>", "")).toEqual([
      expect.stringContaining("not well-formed"),
    ]);
  });
});

describe.each(DIALECTS)("Atom feeds on %s", (dialect) => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    const catalogue = await getCatalogue(web.ctx, "kleve");
    const principal = buildPrincipal(catalogue.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    const { id: meetingId } = await createMeeting(web.ctx, principal, {
      municipality: "kleve",
      data: {
        committeeId: 1,
        day: "2023-03-14",
        title: null,
        oparlMeetingUrl: null,
        oparlAgendaItemUrl: null,
        oparlPaperUrl: null,
      },
    });
    const draft = await createReport(web.ctx, principal, {
      municipality: "kleve",
      data: { meetingId, asOf: "2023-02-28" },
    });
    await saveReportEntry(web.ctx, principal, {
      municipality: "kleve",
      reportId: draft.id,
      project: "mobile-office",
      expectedVersion: 0,
      data: {
        status: "delayed",
        text: DRAFT_TEXT,
        highlights: [],
        newDate: null,
        isIncluded: true,
      },
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  const get = (url: string) => web.app.inject(url);

  it("gives the municipality's published editions, reports and figure values as valid Atom", async () => {
    const response = await get("/kleve/feed.atom");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(
      "application/atom+xml; charset=utf-8",
    );
    const feed = parseAtom(response.body);
    const ids = (feed.entry ?? []).map((entry) => entry.id);
    expect(ids).toContain("urn:fortschritt:kleve:fortschreibung:2");
    expect(
      ids.filter((id) => id.startsWith("urn:fortschritt:kleve:bericht:")),
    ).toHaveLength(2);
    expect(ids).toContain(
      "urn:fortschritt:kleve:kennzahl:mobile-office:2022-11-28",
    );
    const edition = feed.entry?.find(
      (entry) => entry.id === "urn:fortschritt:kleve:fortschreibung:2",
    );
    expect(edition?.summary?.["#text"]).toContain(
      "Grund: Verzögerung aufgrund OZG-Aufwand",
    );
    expect(response.body).not.toContain(DRAFT_TEXT);
  });

  it("follows one project: only its shifts, report entries and figures", async () => {
    const feed = parseAtom(
      (await get("/kleve/projekte/mobile-office/feed.atom")).body,
    );
    const ids = (feed.entry ?? []).map((entry) => entry.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(
      ids.every((id) =>
        id.startsWith("urn:fortschritt:kleve:projekt:mobile-office:"),
      ),
    ).toBe(true);
    expect(ids).toContain(
      "urn:fortschritt:kleve:projekt:mobile-office:kennzahl:mobile-office:2022-11-28",
    );
    expect(ids.some((id) => id.includes(":bericht:"))).toBe(true);
    expect(ids.some((id) => id.includes("dms-produktivsystem"))).toBe(false);
  });

  it("keeps every id when a new value is published, and adds one entry for it", async () => {
    const before = parseAtom((await get("/kleve/feed.atom")).body);
    const catalogue = await getCatalogue(web.ctx, "kleve");
    const principal = buildPrincipal(catalogue.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    const office = (
      await getIndicatorsForStaff(web.ctx, principal, "kleve")
    ).indicators.find((each) => each.indicator.key === "mobile-office");
    if (office === undefined) throw new Error("demo figure missing");
    await addObservation(web.ctx, principal, {
      municipality: "kleve",
      indicator: "mobile-office",
      expectedVersion: office.version,
      data: { day: "2022-11-27", value: 146, denominator: 572, note: null },
    });
    const after = parseAtom((await get("/kleve/feed.atom")).body);
    const beforeIds = (before.entry ?? []).map((entry) => entry.id);
    const afterIds = (after.entry ?? []).map((entry) => entry.id);
    expect(afterIds).toEqual(expect.arrayContaining(beforeIds));
    expect(afterIds.filter((id) => !beforeIds.includes(id))).toEqual([
      "urn:fortschritt:kleve:kennzahl:mobile-office:2022-11-27",
    ]);
  });

  it("answers an unknown project or municipality with 404", async () => {
    expect(
      (await get("/kleve/projekte/gibt-es-nicht/feed.atom")).statusCode,
    ).toBe(404);
    expect((await get("/nirgendwo/feed.atom")).statusCode).toBe(404);
  });
});
