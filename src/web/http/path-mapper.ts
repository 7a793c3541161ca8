/**
 * From the JSON pointers of a use case's problems to the fields of a form, so that each
 * problem is shown at the field it is about.
 */

/**
 * Maps a use case's JSON pointer to a form field: `map` keys are paths below /data with
 * list indexes as "*" ("goals/*\/title"), values are field names with "#" for the row.
 */
export function pathMapper(
  map: Readonly<Record<string, string>>,
  rows: readonly number[] = [],
): (path: string) => string | null {
  return (path) => {
    if (path === "/reason") return "grund";
    if (path.startsWith("/form/")) return path.slice("/form/".length);
    if (!path.startsWith("/data/")) return null;
    let first: number | null = null;
    const pattern = path
      .slice("/data/".length)
      .replace(
        /(^|\/)(\d+)(?=\/|$)/g,
        (_match, slash: string, digits: string) => {
          first ??= Number(digits);
          return `${slash}*`;
        },
      );
    for (
      let candidate = pattern;
      candidate !== "";
      candidate = candidate.includes("/")
        ? candidate.slice(0, candidate.lastIndexOf("/"))
        : ""
    ) {
      const field = map[candidate];
      if (field !== undefined)
        return field.replace(
          "#",
          String(first === null ? 0 : (rows[first] ?? first)),
        );
    }
    return null;
  };
}
