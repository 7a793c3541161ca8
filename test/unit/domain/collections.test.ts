import { describe, expect, it } from "vitest";
import { firstByKey, groupBy } from "../../../src/domain/collections.js";

const rows = [
  { project: "b", phase: "Planung" },
  { project: "a", phase: "Einführung" },
  { project: "b", phase: "Betrieb" },
  { project: "a", phase: "Betrieb" },
];

describe("groupBy", () => {
  it("keeps the items' order in each group and the groups in order of first appearance", () => {
    const groups = groupBy(rows, (row) => row.project);
    expect([...groups.keys()]).toEqual(["b", "a"]);
    expect(groups.get("b")).toEqual([rows[0], rows[2]]);
    expect(groups.get("a")).toEqual([rows[1], rows[3]]);
  });

  it("holds what `value` makes of each item", () => {
    expect(
      groupBy(
        rows,
        (row) => row.project,
        (row) => row.phase,
      ),
    ).toEqual(
      new Map([
        ["b", ["Planung", "Betrieb"]],
        ["a", ["Einführung", "Betrieb"]],
      ]),
    );
  });

  it("gives an empty map for no items", () => {
    expect(groupBy([], (row: { id: number }) => row.id).size).toBe(0);
  });
});

describe("firstByKey", () => {
  it("keeps the value of the first item of each key", () => {
    expect(
      firstByKey(
        rows,
        (row) => row.phase,
        (row) => row.project,
      ),
    ).toEqual(
      new Map([
        ["Planung", "b"],
        ["Einführung", "a"],
        ["Betrieb", "b"],
      ]),
    );
  });
});
