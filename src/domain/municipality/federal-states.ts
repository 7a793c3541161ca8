/**
 * The sixteen Länder with the two digits that begin every amtlicher Regionalschlüssel
 * (and Gemeindeschlüssel) of a municipality in them.
 */

/** A Land: its name as the municipality record keeps it, and its key. */
export interface FederalState {
  readonly code: string;
  readonly name: string;
}

/** All Länder, in the order of their keys. */
export const FEDERAL_STATES: readonly FederalState[] = [
  { code: "01", name: "Schleswig-Holstein" },
  { code: "02", name: "Hamburg" },
  { code: "03", name: "Niedersachsen" },
  { code: "04", name: "Bremen" },
  { code: "05", name: "Nordrhein-Westfalen" },
  { code: "06", name: "Hessen" },
  { code: "07", name: "Rheinland-Pfalz" },
  { code: "08", name: "Baden-Württemberg" },
  { code: "09", name: "Bayern" },
  { code: "10", name: "Saarland" },
  { code: "11", name: "Berlin" },
  { code: "12", name: "Brandenburg" },
  { code: "13", name: "Mecklenburg-Vorpommern" },
  { code: "14", name: "Sachsen" },
  { code: "15", name: "Sachsen-Anhalt" },
  { code: "16", name: "Thüringen" },
];

/** A Land by its name or its two-digit key (case and surrounding spaces ignored), or null. */
export function findFederalState(value: string): FederalState | null {
  const wanted = value.trim().toLowerCase();
  return (
    FEDERAL_STATES.find(
      (state) => state.code === wanted || state.name.toLowerCase() === wanted,
    ) ?? null
  );
}

/** What is wrong with a Regionalschlüssel for a Land, or null when it fits. */
export function regionalKeyProblem(
  regionalKey: string,
  state: FederalState | null,
): "format" | "land" | null {
  if (!/^\d{12}$/.test(regionalKey)) return "format";
  const land = FEDERAL_STATES.find(
    (each) => each.code === regionalKey.slice(0, 2),
  );
  if (land === undefined) return "format";
  if (state !== null && land.code !== state.code) return "land";
  return null;
}
