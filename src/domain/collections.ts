/**
 * Grouping lists by a key, as every layer needs it: child rows of many parents read in one
 * query, changes by project, reasons by change. Node.js 20 has no `Map.groupBy`; when it
 * does, these give way to it.
 */

/**
 * Groups items by a key, keeping their order within each group; the groups stand in the
 * order of their first item. With `value`, each group holds what it makes of the items.
 */
export function groupBy<T, K>(
  items: Iterable<T>,
  key: (item: T) => K,
): Map<K, T[]>;
export function groupBy<T, K, V>(
  items: Iterable<T>,
  key: (item: T) => K,
  value: (item: T) => V,
): Map<K, V[]>;
export function groupBy<T, K, V>(
  items: Iterable<T>,
  key: (item: T) => K,
  value?: (item: T) => V,
): Map<K, (T | V)[]> {
  const groups = new Map<K, (T | V)[]>();
  for (const item of items) {
    const k = key(item);
    const entry = value === undefined ? item : value(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [entry]);
    else group.push(entry);
  }
  return groups;
}

/** Maps each key to the value of the first item that has it, in the items' order. */
export function firstByKey<T, K, V>(
  items: Iterable<T>,
  key: (item: T) => K,
  value: (item: T) => V,
): Map<K, V> {
  const firsts = new Map<K, V>();
  for (const item of items) {
    const k = key(item);
    if (!firsts.has(k)) firsts.set(k, value(item));
  }
  return firsts;
}
