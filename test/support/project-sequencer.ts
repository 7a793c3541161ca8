/**
 * The order of the test files: one project after another, each project's files shuffled.
 *
 * Vitest's own shuffle (`--sequence.shuffle`) mixes the files of all projects. A worker
 * of a project whose files share it (`isolate: false`: db, web, e2e, unit, utc) is kept
 * only while the next file in the queue belongs to the same project, so in a mixed queue
 * almost every file got a fresh worker: it imported the app again (about 2 s) and, in
 * e2e, launched Chromium again (docs/adr/0063-shuffle-within-projects.md).
 *
 * With shuffling asked for, this sequencer keeps each project's files together and
 * shuffles them with the run's seed (printed by vitest; `--sequence.seed` replays it), as
 * vitest shuffles the tests inside each file. The projects come in a fixed order, the
 * one whose files take longest first, so that the short files at the end fill the time
 * while the last long one finishes. Without shuffling, vitest's own order applies.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { groupBy } from "../../src/domain/collections.js";

/** Longest files first: browser journeys, then HTTP, databases, command line, pure code. */
const PROJECT_ORDER = ["e2e", "web", "db", "cli", "utc", "unit"];

/** A pseudo-random sequence from a seed (mulberry32), the same for the same seed on any machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given randomness; returns a new array. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/** Where a project stands in PROJECT_ORDER; unknown projects after the known ones, by name. */
function projectRank(name: string): number {
  const index = PROJECT_ORDER.indexOf(name);
  return index === -1 ? PROJECT_ORDER.length : index;
}

export default class ProjectsInTurnSequencer extends BaseSequencer {
  override async sort(
    files: TestSpecification[],
  ): Promise<TestSpecification[]> {
    const { shuffle, seed } = this.ctx.config.sequence;
    if (!shuffle) return super.sort(files);
    const random = seededRandom(seed);
    const byProject = groupBy(files, (file) => file.project.name);
    const names = [...byProject.keys()].sort(
      (a, b) => projectRank(a) - projectRank(b) || a.localeCompare(b),
    );
    return names.flatMap((name) => shuffled(byProject.get(name)!, random));
  }
}
