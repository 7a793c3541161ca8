/** The hierarchy of org units: a unit's parent must exist and must not be the unit itself or below it. */
import type { InputProblem } from "../../errors.js";

/**
 * The chain of codes that would become a cycle if `code` got `parentCode` as parent, e.g.
 * ["10", "10.1", "10"], or null. `parents` maps each code to its current parent code.
 */
export function findParentCycle(
  parents: ReadonlyMap<string, string | null>,
  code: string,
  parentCode: string,
): readonly string[] | null {
  const chain = [code];
  const seen = new Set<string>();
  for (
    let current: string | null | undefined = parentCode;
    current !== null && current !== undefined && !seen.has(current);
    current = parents.get(current)
  ) {
    chain.push(current);
    if (current === code) return chain;
    seen.add(current);
  }
  return null;
}

/** The problem with a parent, or null. */
export function parentProblem(
  parents: ReadonlyMap<string, string | null>,
  code: string,
  parentCode: string | null,
  path: string,
): InputProblem | null {
  if (parentCode === null) return null;
  if (!parents.has(parentCode))
    return {
      path,
      message: `Die übergeordnete Einheit "${parentCode}" gibt es nicht.`,
    };
  const cycle = findParentCycle(parents, code, parentCode);
  if (cycle === null) return null;
  return {
    path,
    message: `Die Einheiten wären im Kreis einander untergeordnet: ${cycle.join(" → ")}.`,
  };
}
