/**
 * The levels of a programme as the municipality names them. Kleve's catalogue has four
 * levels (Wirkungsbereich → Aktionsfeld → Projekt → Einzelmaßnahme); another municipality
 * may call them Thema/Vorhaben/Schritt and switch the top level off ("flat"): topics →
 * projects → measures. Code keeps its names (ImpactArea, ActionField, Project, Measure);
 * only what people read changes. See docs/adr/0029-levels-level-names-and-flat-programmes.md.
 *
 * A flat programme keeps one impact area in the database as the structural root of its
 * action fields (the tables require one); it is never shown: every view takes the areas to
 * show from `visibleImpactAreas`, and exports write a flat programme's action fields
 * without it.
 */
import { plural } from "../plural.js";

/** The name of one level, singular and plural ("Aktionsfeld", "Aktionsfelder"). */
export interface LevelName {
  readonly singular: string;
  readonly plural: string;
}

/** The levels of a programme: their names and whether the top level is switched off. */
export interface CatalogueLevels {
  /** No impact areas: action fields are the top level. */
  readonly flat: boolean;
  readonly impactArea: LevelName;
  readonly actionField: LevelName;
  readonly project: LevelName;
  readonly measure: LevelName;
}

/** The four levels by their code names. */
export type LevelKey = "impactArea" | "actionField" | "project" | "measure";

/** All level keys, top first. */
export const LEVEL_KEYS: readonly LevelKey[] = [
  "impactArea",
  "actionField",
  "project",
  "measure",
];

/** Kleve's names: the default for every programme that names nothing else. */
export const DEFAULT_LEVELS: CatalogueLevels = {
  flat: false,
  impactArea: { singular: "Wirkungsbereich", plural: "Wirkungsbereiche" },
  actionField: { singular: "Aktionsfeld", plural: "Aktionsfelder" },
  project: { singular: "Projekt", plural: "Projekte" },
  measure: { singular: "Einzelmaßnahme", plural: "Einzelmaßnahmen" },
};

/** The key of the one impact area that holds a flat programme's action fields. */
export const FLAT_ROOT_KEY = "programm";

/** A kind of organisational unit the municipality keeps ("Fachbereich", "Dezernat" …). */
export interface OrgUnitKindEntry {
  /** Stored in org_unit.kind; the four kinds Fortschritt started with keep their keys. */
  readonly key: string;
  readonly label: string;
}

/** The kinds every municipality starts with (Kleve's). */
export const DEFAULT_ORG_UNIT_KINDS: readonly OrgUnitKindEntry[] = [
  { key: "department", label: "Fachbereich" },
  { key: "division", label: "Abteilung" },
  { key: "external", label: "externer Partner" },
  { key: "other", label: "sonstige Einheit" },
];

/** The most kinds a municipality keeps, and the longest label. */
export const MAX_ORG_UNIT_KINDS = 30;
export const MAX_LEVEL_NAME_LENGTH = 40;

/** "2 Projekte", "1 Projekt" in the municipality's words. */
export function countOf(count: number, name: LevelName): string {
  return plural(count, name.singular, name.plural);
}

/** The label of an org unit kind, or the key itself for a kind no longer in the list. */
export function orgUnitKindLabel(
  kinds: readonly OrgUnitKindEntry[],
  key: string,
): string {
  return kinds.find((kind) => kind.key === key)?.label ?? key;
}

/**
 * The key for a new kind: its label folded to lower-case letters, digits and hyphens
 * ("Externer Partner" → "externer-partner"); a known label keeps its key.
 */
export function orgUnitKindKey(
  label: string,
  known: readonly OrgUnitKindEntry[],
): string {
  const existing = known.find(
    (kind) => kind.label.toLowerCase() === label.trim().toLowerCase(),
  );
  if (existing !== undefined) return existing.key;
  const folded = label
    .trim()
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return folded === "" ? "einheit" : folded.slice(0, 40);
}

/** Reads stored level names (JSON text) over the defaults; anything unreadable is the default. */
export function parseStoredLevels(
  labels: string | null,
  flat: boolean,
): CatalogueLevels {
  const names = parseJsonObject(labels);
  const level = (key: LevelKey): LevelName => {
    const value = names?.[key];
    if (value !== null && typeof value === "object") {
      const { singular, plural } = value as Record<string, unknown>;
      if (
        typeof singular === "string" &&
        singular.trim() !== "" &&
        typeof plural === "string" &&
        plural.trim() !== ""
      )
        return { singular, plural };
    }
    return DEFAULT_LEVELS[key];
  };
  return {
    flat,
    impactArea: level("impactArea"),
    actionField: level("actionField"),
    project: level("project"),
    measure: level("measure"),
  };
}

/** The level names as stored (JSON text); the flat switch is a column of its own. */
export function storedLevelNames(levels: CatalogueLevels): string {
  return JSON.stringify({
    impactArea: levels.impactArea,
    actionField: levels.actionField,
    project: levels.project,
    measure: levels.measure,
  });
}

/** Reads the stored kinds (JSON text); null or unreadable text is the default list. */
export function parseStoredOrgUnitKinds(
  text: string | null,
): readonly OrgUnitKindEntry[] {
  if (text === null) return DEFAULT_ORG_UNIT_KINDS;
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return DEFAULT_ORG_UNIT_KINDS;
    const kinds = value.flatMap((entry: unknown) => {
      if (entry === null || typeof entry !== "object") return [];
      const { key, label } = entry as Record<string, unknown>;
      return typeof key === "string" && typeof label === "string"
        ? [{ key, label }]
        : [];
    });
    return kinds.length === 0 ? DEFAULT_ORG_UNIT_KINDS : kinds;
  } catch {
    return DEFAULT_ORG_UNIT_KINDS;
  }
}

/** Whether the levels are exactly Kleve's (the default). */
export function isDefaultLevels(levels: CatalogueLevels): boolean {
  return (
    !levels.flat &&
    LEVEL_KEYS.every(
      (key) =>
        levels[key].singular === DEFAULT_LEVELS[key].singular &&
        levels[key].plural === DEFAULT_LEVELS[key].plural,
    )
  );
}

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
