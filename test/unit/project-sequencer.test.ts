/**
 * The test run's file order (test/support/project-sequencer.ts): shuffled inside each
 * project, one project after another, the same for the same seed.
 */
import type { TestSpecification, Vitest } from "vitest/node";
import { describe, expect, it } from "vitest";
import ProjectsInTurnSequencer from "../support/project-sequencer.js";

/** Just what the sequencer reads of a file: its project's name and its path. */
function file(project: string, path: string): TestSpecification {
  return { project: { name: project }, moduleId: path } as TestSpecification;
}

function sequencer(sequence: {
  shuffle: boolean;
  seed: number;
}): ProjectsInTurnSequencer {
  return new ProjectsInTurnSequencer({
    config: { sequence },
  } as unknown as Vitest);
}

const FILES = [
  file("unit", "u1"),
  file("web", "w1"),
  file("e2e", "e1"),
  file("db", "d1"),
  file("web", "w2"),
  file("unit", "u2"),
  file("e2e", "e2"),
  file("web", "w3"),
  file("db", "d2"),
  file("cli", "c1"),
  file("web", "w4"),
  file("web", "w5"),
];

const ids = (files: TestSpecification[]) => files.map((spec) => spec.moduleId);

describe("the order of the test files when shuffled", () => {
  it("keeps each project's files together, browser journeys first and pure code last", async () => {
    const order = await sequencer({ shuffle: true, seed: 7 }).sort(FILES);
    expect(order.map((spec) => spec.project.name)).toEqual([
      "e2e",
      "e2e",
      "web",
      "web",
      "web",
      "web",
      "web",
      "db",
      "db",
      "cli",
      "unit",
      "unit",
    ]);
    expect([...ids(order)].sort()).toEqual([...ids(FILES)].sort());
  });

  it("gives the same order for the same seed, so that a failing order can be replayed, and other orders for other seeds", async () => {
    const once = ids(await sequencer({ shuffle: true, seed: 42 }).sort(FILES));
    expect(
      ids(await sequencer({ shuffle: true, seed: 42 }).sort(FILES)),
    ).toEqual(once);
    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed++)
      orders.add(
        ids(await sequencer({ shuffle: true, seed }).sort(FILES)).join(),
      );
    // Five web files alone have 120 orders: twenty seeds give many of them.
    expect(orders.size).toBeGreaterThan(10);
  });
});
