/**
 * The separator of a CSV file: semicolon (German Excel), comma or tab, whichever the first
 * line uses most (the register and the catalogue's sheets are read as either).
 */
export function separatorOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map(
    (separator) => [separator, firstLine.split(separator).length - 1] as const,
  );
  return counts.reduce((best, each) => (each[1] > best[1] ? each : best))[0];
}
