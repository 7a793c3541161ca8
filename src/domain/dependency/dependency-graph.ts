/**
 * The dependency graph between projects. An edge { from, to } means `from` needs `to`
 * (`to` is a prerequisite of `from`). Every result is deterministic: neighbours are
 * visited in edge order, nodes in order of first appearance, and transitive sets sorted.
 */

/** `from` needs `to`. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
}

/** Thrown when an ordering is asked for a graph that contains a cycle. */
export class DependencyCycleError extends Error {
  /** Stable code for callers that map errors to messages. */
  readonly code = "DEPENDENCY_CYCLE";
  /** The cycle in order, first id repeated at the end (e.g. ["a", "b", "a"]). */
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[]) {
    super(`Dependency cycle: ${cycle.join(" → ")}`);
    this.name = "DependencyCycleError";
    this.cycle = cycle;
  }
}

type Adjacency = ReadonlyMap<string, readonly string[]>;

// Neighbour lists in edge order without duplicates; a Map keeps insertion order by spec.
function buildAdjacency(
  edges: readonly DependencyEdge[],
  direction: "prerequisites" | "dependents",
): Adjacency {
  const adjacency = new Map<string, string[]>();
  for (const edge of edges) {
    const [source, target] =
      direction === "prerequisites"
        ? [edge.from, edge.to]
        : [edge.to, edge.from];
    const neighbours = adjacency.get(source);
    if (neighbours === undefined) adjacency.set(source, [target]);
    else if (!neighbours.includes(target)) neighbours.push(target);
  }
  return adjacency;
}

function nodesInEdgeOrder(edges: readonly DependencyEdge[]): readonly string[] {
  const seen = new Set<string>();
  const nodes: string[] = [];
  for (const edge of edges) {
    for (const id of [edge.from, edge.to]) {
      if (!seen.has(id)) {
        seen.add(id);
        nodes.push(id);
      }
    }
  }
  return nodes;
}

function uniqueInOrder(ids: readonly string[]): readonly string[] {
  return [...new Set(ids)];
}

// Code-unit order, independent of the runtime's locale.
function compareIds(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Depth-first search from each root in turn; calls `onFinish` for every node after all
 * nodes it reaches (post-order). Returns the first cycle met, or null. Iterative so long
 * chains cannot overflow the call stack.
 */
function depthFirst(
  roots: readonly string[],
  adjacency: Adjacency,
  onFinish: (id: string) => void,
): readonly string[] | null {
  const finished = new Set<string>();
  const onPath = new Set<string>();
  for (const root of roots) {
    if (finished.has(root)) continue;
    const path: string[] = [root];
    const nextNeighbour: number[] = [0];
    onPath.add(root);
    while (path.length > 0) {
      const depth = path.length - 1;
      const id = path[depth] as string;
      const neighbours = adjacency.get(id) ?? [];
      const index = nextNeighbour[depth] ?? 0;
      const neighbour = neighbours[index];
      if (neighbour === undefined) {
        path.pop();
        nextNeighbour.pop();
        onPath.delete(id);
        finished.add(id);
        onFinish(id);
        continue;
      }
      nextNeighbour[depth] = index + 1;
      if (onPath.has(neighbour)) {
        return [...path.slice(path.indexOf(neighbour)), neighbour];
      }
      if (!finished.has(neighbour)) {
        path.push(neighbour);
        nextNeighbour.push(0);
        onPath.add(neighbour);
      }
    }
  }
  return null;
}

/** Finds a cycle (e.g. ["a", "b", "c", "a"]; a self-dependency is ["a", "a"]) or null. */
export function findCycle(
  edges: readonly DependencyEdge[],
): readonly string[] | null {
  return depthFirst(
    nodesInEdgeOrder(edges),
    buildAdjacency(edges, "prerequisites"),
    () => {},
  );
}

/**
 * The cycle that adding `newEdge` would close, starting with its `from`
 * (e.g. adding a→b to b→a gives ["a", "b", "a"]), or null. Cycles elsewhere in the
 * graph are not reported; the shortest closing cycle is returned.
 */
export function findCycleIfAdded(
  edges: readonly DependencyEdge[],
  newEdge: DependencyEdge,
): readonly string[] | null {
  const { from, to } = newEdge;
  if (from === to) return [from, from];
  // The new edge closes a cycle exactly when `from` is already reachable from `to`.
  const adjacency = buildAdjacency(edges, "prerequisites");
  const cameFrom = new Map<string, string>();
  const queue: string[] = [to];
  const visited = new Set<string>([to]);
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head] as string;
    for (const neighbour of adjacency.get(id) ?? []) {
      if (visited.has(neighbour)) continue;
      visited.add(neighbour);
      cameFrom.set(neighbour, id);
      if (neighbour === from) {
        const path: string[] = [from];
        let step = cameFrom.get(from);
        while (step !== undefined) {
          path.push(step);
          step = cameFrom.get(step);
        }
        // path runs from `from` back to `to`; the cycle runs from → to → … → from.
        return [from, ...path.reverse()];
      }
      queue.push(neighbour);
    }
  }
  return null;
}

/** The direct prerequisites of `id` (what it needs), in edge order. */
export function prerequisitesOf(
  edges: readonly DependencyEdge[],
  id: string,
): readonly string[] {
  return uniqueInOrder(
    edges.filter((edge) => edge.from === id).map((edge) => edge.to),
  );
}

/** The direct dependents of `id` (what needs it), in edge order. */
export function dependentsOf(
  edges: readonly DependencyEdge[],
  id: string,
): readonly string[] {
  return uniqueInOrder(
    edges.filter((edge) => edge.to === id).map((edge) => edge.from),
  );
}

function reachableFrom(adjacency: Adjacency, id: string): readonly string[] {
  const visited = new Set<string>([id]);
  const queue: string[] = [id];
  for (let head = 0; head < queue.length; head += 1) {
    for (const neighbour of adjacency.get(queue[head] as string) ?? []) {
      if (!visited.has(neighbour)) {
        visited.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  visited.delete(id);
  return [...visited].sort(compareIds);
}

/** Everything that needs `id` directly or indirectly, sorted, without `id` itself. */
export function downstreamOf(
  edges: readonly DependencyEdge[],
  id: string,
): readonly string[] {
  return reachableFrom(buildAdjacency(edges, "dependents"), id);
}

/** Everything `id` needs directly or indirectly, sorted, without `id` itself. */
export function upstreamOf(
  edges: readonly DependencyEdge[],
  id: string,
): readonly string[] {
  return reachableFrom(buildAdjacency(edges, "prerequisites"), id);
}

/**
 * Orders `ids` so that prerequisites come before what needs them. Stable: ids keep their
 * input order, except that a prerequisite is pulled forward to just before the first id
 * that needs it. Duplicate ids appear once; edges to ids not in `ids` are ignored.
 * Throws a DependencyCycleError carrying the cycle when there is one among `ids`.
 */
export function topologicalOrder(
  ids: readonly string[],
  edges: readonly DependencyEdge[],
): readonly string[] {
  const roots = uniqueInOrder(ids);
  const known = new Set(roots);
  const relevant = edges.filter(
    (edge) => known.has(edge.from) && known.has(edge.to),
  );
  const order: string[] = [];
  const cycle = depthFirst(
    roots,
    buildAdjacency(relevant, "prerequisites"),
    (id) => {
      order.push(id);
    },
  );
  if (cycle !== null) throw new DependencyCycleError(cycle);
  return order;
}
