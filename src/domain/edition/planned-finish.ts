/**
 * When a project is planned to be finished: the reference point for "finished early or
 * late" in the change report and for "ready" in dependency conflicts.
 */

import type { Phase, Project } from "../catalogue/catalogue.js";
import { comparePrecision, lastDayOf } from "../period/point-in-time.js";
import type { PointInTime } from "../period/point-in-time.js";

/** The end of a project's last finite phase, and that phase. */
export interface PlannedFinish {
  readonly phase: Phase;
  readonly end: PointInTime;
}

/**
 * When a project is planned to be finished: the end of its last finite phase, i.e. the
 * latest end among phases that have an end and are not a standing task ("Daueraufgabe",
 * continuation "permanent", whose end is only the horizon). A phase that ends and then
 * continues ("2021, danach laufend") counts: what follows is operation, not the project.
 *
 * With the programme's last year given, a phase that ends in that year or later while an
 * earlier finite phase ends before it is operation too: the catalogue writes running
 * phases as "Durchführung 2024–2030" in a programme up to 2030 after "Erstellung
 * 2020–2023", and the strategy is finished in 2023, not in 2030. A project whose only
 * finite phases reach the horizon keeps their end.
 *
 * Null when there is no finite phase. Of ends on the same last day, the coarser point
 * wins ("2023" over "2023-Q4"), then the earlier phase.
 */
export function plannedFinishOf(
  project: Project,
  horizonEndYear?: number,
): PlannedFinish | null {
  const finite = project.phases.flatMap((phase) =>
    phase.end === null || phase.continuation === "permanent"
      ? []
      : [{ phase, end: phase.end }],
  );
  const beforeHorizonEnd =
    horizonEndYear === undefined
      ? finite
      : finite.filter(({ end }) => end.year < horizonEndYear);
  const candidates = beforeHorizonEnd.length > 0 ? beforeHorizonEnd : finite;
  let best: PlannedFinish | null = null;
  for (const candidate of candidates) {
    if (best === null) {
      best = candidate;
      continue;
    }
    const byDay = lastDayOf(candidate.end) - lastDayOf(best.end);
    if (
      byDay > 0 ||
      (byDay === 0 &&
        comparePrecision(candidate.end.precision, best.end.precision) < 0)
    ) {
      best = candidate;
    }
  }
  return best;
}
