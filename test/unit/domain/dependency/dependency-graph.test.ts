import { describe, expect, it } from "vitest";

import {
  DependencyCycleError,
  dependentsOf,
  downstreamOf,
  findCycle,
  findCycleIfAdded,
  prerequisitesOf,
  topologicalOrder,
  upstreamOf,
} from "../../../../src/domain/dependency/dependency-graph.js";
import type { DependencyEdge } from "../../../../src/domain/dependency/dependency-graph.js";

/** Builds edges from "a>b" strings, read as "a needs b". */
function edges(...pairs: string[]): DependencyEdge[] {
  return pairs.map((pair) => {
    const [from, to] = pair.split(">");
    if (from === undefined || to === undefined)
      throw new Error(`test setup: bad edge ${pair}`);
    return { from, to };
  });
}

// Diamond: the e-file and the e-invoice both need the DMS, which needs the strategy;
// the portal needs both the e-file and the e-invoice.
const diamond = edges(
  "portal>eakte",
  "portal>erechnung",
  "eakte>dms",
  "erechnung>dms",
  "dms>strategie",
);

function orderError(run: () => unknown): DependencyCycleError {
  try {
    run();
  } catch (error) {
    if (error instanceof DependencyCycleError) return error;
    throw error;
  }
  throw new Error("expected a DependencyCycleError");
}

describe("findCycle", () => {
  it("finds nothing in an empty graph", () => {
    expect(findCycle([])).toBeNull();
  });

  it("finds nothing in a diamond", () => {
    expect(findCycle(diamond)).toBeNull();
  });

  it("finds a self-dependency as a cycle of length 1", () => {
    expect(findCycle(edges("a>a"))).toEqual(["a", "a"]);
  });

  it("finds a cycle of length 2", () => {
    expect(findCycle(edges("a>b", "b>a"))).toEqual(["a", "b", "a"]);
  });

  it("finds a cycle of length 3 in order", () => {
    expect(findCycle(edges("a>b", "b>c", "c>a"))).toEqual(["a", "b", "c", "a"]);
  });

  it("reports only the cycle, not the path leading to it", () => {
    expect(findCycle(edges("start>a", "a>b", "b>c", "c>a"))).toEqual([
      "a",
      "b",
      "c",
      "a",
    ]);
  });

  it("finds a cycle hanging off a diamond", () => {
    const cycle = findCycle([...diamond, ...edges("strategie>portal")]);
    expect(cycle).toEqual(["portal", "eakte", "dms", "strategie", "portal"]);
  });

  it("gives the same answer on every call", () => {
    const graph = edges("x>y", "y>z", "z>x", "p>q", "q>p");
    expect(findCycle(graph)).toEqual(["x", "y", "z", "x"]);
    expect(findCycle(graph)).toEqual(findCycle([...graph]));
  });

  it("copes with a long chain without overflowing the stack", () => {
    const chain: DependencyEdge[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      chain.push({ from: `n${index}`, to: `n${index + 1}` });
    }
    expect(findCycle(chain)).toBeNull();
    chain.push({ from: "n20000", to: "n0" });
    expect(findCycle(chain)).toHaveLength(20_002);
  });
});

describe("findCycleIfAdded", () => {
  it("sees a self-dependency", () => {
    expect(findCycleIfAdded([], { from: "a", to: "a" })).toEqual(["a", "a"]);
  });

  it("sees the reverse of an existing edge", () => {
    expect(findCycleIfAdded(edges("b>a"), { from: "a", to: "b" })).toEqual([
      "a",
      "b",
      "a",
    ]);
  });

  it("sees a cycle of length 3 starting with the new edge", () => {
    expect(
      findCycleIfAdded(edges("a>b", "b>c"), { from: "c", to: "a" }),
    ).toEqual(["c", "a", "b", "c"]);
  });

  it("allows an edge that closes no cycle", () => {
    expect(
      findCycleIfAdded(diamond, { from: "portal", to: "strategie" }),
    ).toBeNull();
  });

  it("sees the shortest cycle the new edge closes in a diamond", () => {
    expect(
      findCycleIfAdded(diamond, { from: "strategie", to: "portal" }),
    ).toEqual(["strategie", "portal", "eakte", "dms", "strategie"]);
  });

  it("ignores cycles elsewhere in the graph", () => {
    expect(
      findCycleIfAdded(edges("x>y", "y>x"), { from: "a", to: "b" }),
    ).toBeNull();
  });
});

describe("prerequisitesOf and dependentsOf", () => {
  it("lists direct prerequisites in edge order", () => {
    expect(prerequisitesOf(diamond, "portal")).toEqual(["eakte", "erechnung"]);
  });

  it("lists direct dependents in edge order", () => {
    expect(dependentsOf(diamond, "dms")).toEqual(["eakte", "erechnung"]);
  });

  it("does not list indirect relations", () => {
    expect(prerequisitesOf(diamond, "eakte")).toEqual(["dms"]);
    expect(dependentsOf(diamond, "strategie")).toEqual(["dms"]);
  });

  it("lists duplicate edges once", () => {
    expect(prerequisitesOf(edges("a>b", "a>b", "a>c"), "a")).toEqual([
      "b",
      "c",
    ]);
    expect(dependentsOf(edges("a>c", "b>c", "a>c"), "c")).toEqual(["a", "b"]);
  });

  it("is empty for an unknown id", () => {
    expect(prerequisitesOf(diamond, "unbekannt")).toEqual([]);
    expect(dependentsOf(diamond, "unbekannt")).toEqual([]);
  });
});

describe("downstreamOf and upstreamOf", () => {
  it("lists everything that needs a project, sorted", () => {
    expect(downstreamOf(diamond, "strategie")).toEqual([
      "dms",
      "eakte",
      "erechnung",
      "portal",
    ]);
  });

  it("lists a diamond's top once", () => {
    expect(downstreamOf(diamond, "dms")).toEqual([
      "eakte",
      "erechnung",
      "portal",
    ]);
  });

  it("is empty for a project nobody needs", () => {
    expect(downstreamOf(diamond, "portal")).toEqual([]);
  });

  it("leaves out the project itself even inside a cycle", () => {
    expect(downstreamOf(edges("a>b", "b>c", "c>a"), "a")).toEqual(["b", "c"]);
  });

  it("sorts regardless of edge order", () => {
    expect(downstreamOf(edges("z>x", "b>x", "m>x"), "x")).toEqual([
      "b",
      "m",
      "z",
    ]);
  });

  it("lists everything a project needs, sorted", () => {
    expect(upstreamOf(diamond, "portal")).toEqual([
      "dms",
      "eakte",
      "erechnung",
      "strategie",
    ]);
  });
});

describe("topologicalOrder", () => {
  it("keeps the input order when there are no edges", () => {
    expect(topologicalOrder(["c", "a", "b"], [])).toEqual(["c", "a", "b"]);
  });

  it("puts prerequisites first in a diamond", () => {
    expect(
      topologicalOrder(
        ["portal", "eakte", "erechnung", "dms", "strategie"],
        diamond,
      ),
    ).toEqual(["strategie", "dms", "eakte", "erechnung", "portal"]);
  });

  it("pulls a prerequisite forward to just before the first project needing it", () => {
    expect(topologicalOrder(["a", "b", "c"], edges("a>c"))).toEqual([
      "c",
      "a",
      "b",
    ]);
  });

  it("leaves an already valid order untouched", () => {
    expect(
      topologicalOrder(
        ["strategie", "dms", "erechnung", "eakte", "portal"],
        diamond,
      ),
    ).toEqual(["strategie", "dms", "erechnung", "eakte", "portal"]);
  });

  it("ignores edges to projects not being ordered", () => {
    expect(topologicalOrder(["b", "a"], edges("a>x", "b>a"))).toEqual([
      "a",
      "b",
    ]);
  });

  it("lists duplicate ids once", () => {
    expect(topologicalOrder(["a", "b", "a"], [])).toEqual(["a", "b"]);
  });

  it("throws a typed error carrying a cycle of length 3", () => {
    const error = orderError(() =>
      topologicalOrder(["a", "b", "c"], edges("a>b", "b>c", "c>a")),
    );
    expect(error.cycle).toEqual(["a", "b", "c", "a"]);
    expect(error.code).toBe("DEPENDENCY_CYCLE");
    expect(error.message).toBe("Dependency cycle: a → b → c → a");
  });

  it("throws for a cycle of length 2", () => {
    const error = orderError(() =>
      topologicalOrder(["x", "y"], edges("x>y", "y>x")),
    );
    expect(error.cycle).toEqual(["x", "y", "x"]);
  });

  it("throws for a self-dependency", () => {
    const error = orderError(() => topologicalOrder(["a"], edges("a>a")));
    expect(error.cycle).toEqual(["a", "a"]);
  });

  it("does not throw for a cycle among projects not being ordered", () => {
    expect(topologicalOrder(["a"], edges("x>y", "y>x"))).toEqual(["a"]);
  });
});
