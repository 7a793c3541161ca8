import { describe, expect, it } from "vitest";

import {
  matchActionFields,
  matchProjects,
  pairRecords,
} from "../../../../src/domain/edition/snapshot-matching.js";
import {
  buildActionField,
  buildCatalogue,
  buildImpactArea,
  buildKleveCatalogue,
  buildProject,
  removeProject,
} from "./factory.js";

describe("pairing records", () => {
  it("pairs by id and lists the after records first, then the unpaired before records", () => {
    const pairs = pairRecords(
      [{ id: 1 }, { id: 2 }],
      [{ id: 3 }, { id: 1 }],
      (record) => record.id,
    );
    expect(
      pairs.map((pair) => [pair.before?.id ?? null, pair.after?.id ?? null]),
    ).toEqual([
      [null, 3],
      [1, 1],
      [2, null],
    ]);
  });

  it("uses the fallback key only for records left over after id matching", () => {
    const pairs = pairRecords(
      [{ id: 1, key: "a" }],
      [{ id: 9, key: "a" }],
      (record) => record.id,
      (record) => record.key,
    );
    expect(pairs).toEqual([
      {
        before: { id: 1, key: "a" },
        after: { id: 9, key: "a" },
        matchedBy: "fallback",
      },
    ]);
  });
});

describe("matching projects", () => {
  it("matches every project of identical snapshots by id", () => {
    const matches = matchProjects(buildKleveCatalogue(), buildKleveCatalogue());
    expect(matches.every((match) => match.matchedBy === "id")).toBe(true);
  });

  it("keys a project by its id", () => {
    const [first] = matchProjects(buildKleveCatalogue(), buildKleveCatalogue());
    expect(first?.key).toBe("project-11");
  });

  it("lists a removed project last, without an after side", () => {
    const before = buildKleveCatalogue();
    const matches = matchProjects(
      before,
      removeProject(before, "digitalisierungsstrategie"),
    );
    expect(matches.at(-1)).toMatchObject({
      key: "project-11",
      after: null,
      matchedBy: null,
    });
  });

  it("prefers the id over the slug when both could pair", () => {
    const before = buildCatalogue({
      projects: [buildProject({ id: 1, slug: "intranet" })],
    });
    const after = buildCatalogue({
      projects: [
        buildProject({ id: 1, slug: "social-intranet" }),
        buildProject({ id: 2, slug: "intranet" }),
      ],
    });
    const matches = matchProjects(before, after);
    expect(matches.map((match) => [match.key, match.matchedBy])).toEqual([
      ["project-1", "id"],
      ["project-2", null],
    ]);
  });

  it("pairs by slug when the ids differ, keyed by the after id", () => {
    const before = buildCatalogue({
      projects: [buildProject({ id: 1, slug: "intranet" })],
    });
    const after = buildCatalogue({
      projects: [buildProject({ id: 7, slug: "intranet" })],
    });
    expect(matchProjects(before, after)).toMatchObject([
      { key: "project-7", matchedBy: "slug" },
    ]);
  });
});

describe("matching action fields", () => {
  it("pairs a field by key when a new import gave it another id", () => {
    const field = (id: number) =>
      buildCatalogue({
        impactAreas: [
          buildImpactArea({
            id: 1,
            actionFields: [buildActionField({ id, key: "smart-working" })],
          }),
        ],
      });
    const [match] = matchActionFields(field(10), field(20));
    expect(match?.before?.actionField.id).toBe(10);
    expect(match?.after?.actionField.id).toBe(20);
  });
});
