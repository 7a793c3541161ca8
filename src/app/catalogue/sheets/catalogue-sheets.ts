/**
 * The catalogue as a spreadsheet (docs/adr/0027-sheets-catalogue-spreadsheet.md): the
 * same exchange document as JSON/YAML (catalogue-document.schema.ts), laid out as one
 * table per part with stable keys (slugs, codes, numbers). Pure conversions between the
 * document and the tables; reading and writing the files lives elsewhere. A table read
 * from a file becomes a document, is checked by the same rules as every other import,
 * and problems are located back at sheet, row and column.
 */
import type { InputProblem } from "../../../errors.js";
import { checkCatalogueDocument } from "../catalogue-document.js";
import type { CatalogueDocument } from "../catalogue-document.schema.js";
import { findBodyProblems } from "../../reports/bodies-document.js";
import type { BodyDocument } from "../../reports/bodies-document.schema.js";
import {
  BODY_SHEET_COLUMNS,
  bodiesToRows,
  bodyKindOf,
  meetingDateOf,
  minutesOf,
  MINUTES_MESSAGE,
  presentersOf,
  unknownKindMessage,
  visibilityOf,
  VISIBILITY_MESSAGE,
} from "./body-sheets.js";

/** The sheets, in the order of the workbook. */
export const SHEET_IDS = [
  "programm",
  "wirkungsbereiche",
  "aktionsfelder",
  "projekte",
  "phasen",
  "massnahmen",
  "zustaendigkeiten",
  "abhaengigkeiten",
  "organisationseinheiten",
  "ziele",
  "prioritaeten",
  "gremien",
  "mitglieder",
  "sitzungen",
] as const;

/** One sheet of the catalogue workbook. */
export type SheetId = (typeof SHEET_IDS)[number];

/** How a sheet looks: its title, its columns and which of them identify a row. */
export interface SheetDefinition {
  readonly id: SheetId;
  /** The worksheet's title (and, lower-cased, the CSV file's name). */
  readonly title: string;
  readonly columns: readonly string[];
  /** The columns whose values together identify a row across imports. */
  readonly key: readonly string[];
  /** Columns that must be present in the heading row. */
  readonly required: readonly string[];
  /** A sheet a workbook may lack (one written before it existed): its rows stay as stored. */
  readonly optional?: boolean;
}

const sheet = (
  id: SheetId,
  title: string,
  columns: readonly string[],
  key: readonly string[],
  required: readonly string[] = columns,
): SheetDefinition => ({ id, title, columns, key, required });

/**
 * A measure's optional details (docs/adr/0030): period, responsible unit, short
 * description and phase. A workbook without these columns keeps the details as stored.
 */
export const MEASURE_DETAIL_COLUMNS = [
  "Beginn",
  "Ende",
  "Organisationseinheit",
  "Beschreibung",
  "Phase",
] as const;

/** Every sheet with its columns. Column titles are the interface: never rename one silently. */
export const SHEETS: Readonly<Record<SheetId, SheetDefinition>> = {
  programm: sheet(
    "programm",
    "Programm",
    ["Titel", "Untertitel", "Beginn", "Ende", "Zusammenfassung"],
    [],
  ),
  wirkungsbereiche: sheet(
    "wirkungsbereiche",
    "Wirkungsbereiche",
    ["Schlüssel", "Name", "Beschreibung"],
    ["Schlüssel"],
  ),
  aktionsfelder: sheet(
    "aktionsfelder",
    "Aktionsfelder",
    ["Schlüssel", "Wirkungsbereich", "Nummer", "Name", "Farbe", "Beschreibung"],
    ["Schlüssel"],
  ),
  projekte: sheet(
    "projekte",
    "Projekte",
    [
      "Kurzname",
      "Aktionsfeld",
      "Nummer",
      "Titel",
      "Zusammenfassung",
      "Status",
      "Schlagwörter",
    ],
    ["Kurzname"],
  ),
  phasen: sheet(
    "phasen",
    "Phasen",
    [
      "Projekt",
      "Nr.",
      "Bezeichnung",
      "Beginn",
      "Ende",
      "Fortsetzung",
      "Anmerkung",
    ],
    ["Projekt", "Nr."],
  ),
  massnahmen: sheet(
    "massnahmen",
    "Maßnahmen",
    ["Projekt", "Nr.", "Titel", "Status", ...MEASURE_DETAIL_COLUMNS],
    ["Projekt", "Nr."],
    // A file from before the details had no columns for them; it still reads.
    ["Projekt", "Nr.", "Titel", "Status"],
  ),
  zustaendigkeiten: sheet(
    "zustaendigkeiten",
    "Zuständigkeiten",
    ["Projekt", "Organisationseinheit", "Rolle", "Anmerkung"],
    ["Projekt", "Organisationseinheit"],
  ),
  abhaengigkeiten: sheet(
    "abhaengigkeiten",
    "Abhängigkeiten",
    ["Projekt", "Hängt ab von"],
    ["Projekt", "Hängt ab von"],
  ),
  organisationseinheiten: sheet(
    "organisationseinheiten",
    "Organisationseinheiten",
    ["Kürzel", "Name", "Art", "Übergeordnet"],
    ["Kürzel"],
  ),
  ziele: sheet("ziele", "Ziele", ["Nr.", "Titel", "Beschreibung"], ["Nr."]),
  prioritaeten: sheet(
    "prioritaeten",
    "Prioritäten",
    ["Nr.", "Jahr", "Titel", "Projekte"],
    ["Nr."],
  ),
  // Bodies with their members and meetings (ADR 0053); a workbook of before has none.
  gremien: {
    ...sheet("gremien", "Gremien", BODY_SHEET_COLUMNS.gremien, ["Kürzel"]),
    optional: true,
  },
  mitglieder: {
    ...sheet("mitglieder", "Mitglieder", BODY_SHEET_COLUMNS.mitglieder, [
      "Gremium",
      "Nr.",
    ]),
    optional: true,
  },
  sitzungen: {
    ...sheet("sitzungen", "Sitzungen", BODY_SHEET_COLUMNS.sitzungen, [
      "Gremium",
      "Datum",
      "TOP",
    ]),
    optional: true,
  },
};

/** The sheet that explains the others; written on export, ignored on import. */
export const HELP_SHEET_TITLE = "Hinweise";

/** Separator of lists in one cell (tags, the projects of a priority). */
export const LIST_SEPARATOR = "; ";

/** One row of a sheet: its line in the file (1 is the heading) and its cells by column title. */
export interface SheetRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** The whole catalogue as tables. */
export type CatalogueTables = Readonly<Record<SheetId, readonly SheetRow[]>>;

/** A sheet as read from a file, before its columns are known. */
export interface RawSheet {
  readonly name: string;
  readonly headings: readonly string[];
  readonly rows: readonly {
    readonly line: number;
    readonly cells: readonly string[];
  }[];
}

/** A problem located in the spreadsheet. */
export interface SheetProblem {
  readonly sheet: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly message: string;
}

/** "Blatt „Projekte“, Zeile 5, Spalte „Titel“: darf nicht leer sein". */
export function formatSheetProblem(problem: SheetProblem): string {
  return [
    `Blatt „${problem.sheet}“`,
    ...(problem.line === null ? [] : [`Zeile ${problem.line}`]),
    ...(problem.column === null ? [] : [`Spalte „${problem.column}“`]),
  ]
    .join(", ")
    .concat(`: ${problem.message}`);
}

/** A sheet problem as an input problem (path /Blatt/Zeile/Spalte, message with the place). */
export function sheetProblemToInput(problem: SheetProblem): InputProblem {
  const path = [problem.sheet, problem.line ?? "", problem.column ?? ""]
    .map((part) => String(part).replaceAll("~", "~0").replaceAll("/", "~1"))
    .join("/");
  return { path: `/${path}`, message: formatSheetProblem(problem) };
}

/** What a workbook's sheets say about the catalogue, before its rules are checked. */
export interface ReadTables {
  readonly tables: CatalogueTables;
  /** Columns and sheets the municipality added for itself: reported and ignored. */
  readonly ignored: readonly string[];
  readonly problems: readonly SheetProblem[];
  /** Optional columns a sheet does not have (an older file): their values stay as stored. */
  readonly absent: Readonly<Partial<Record<SheetId, readonly string[]>>>;
  /** Optional sheets the file does not have (an older file): their rows stay as stored. */
  readonly absentSheets: readonly SheetId[];
}

const normalise = (text: string): string =>
  text
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/\.csv$/, "");

/** Maps the sheets of a file to the catalogue's sheets by title (or CSV file name). */
export function readTables(raw: readonly RawSheet[]): ReadTables {
  const byName = new Map<string, RawSheet>();
  const ignored: string[] = [];
  const problems: SheetProblem[] = [];
  for (const each of raw) {
    const name = normalise(each.name);
    const id = SHEET_IDS.find(
      (candidate) =>
        normalise(SHEETS[candidate].title) === name || candidate === name,
    );
    if (id === undefined) {
      if (name !== normalise(HELP_SHEET_TITLE))
        ignored.push(
          `Das Blatt „${each.name.trim()}“ gehört nicht zum Katalog und wird nicht gelesen.`,
        );
      continue;
    }
    byName.set(id, each);
  }
  const tables = {} as Record<SheetId, SheetRow[]>;
  const absent: Partial<Record<SheetId, string[]>> = {};
  const absentSheets: SheetId[] = [];
  for (const id of SHEET_IDS) {
    const definition = SHEETS[id];
    const source = byName.get(id);
    tables[id] = [];
    if (source === undefined && definition.optional === true) {
      absentSheets.push(id);
      continue;
    }
    if (source === undefined) {
      problems.push({
        sheet: definition.title,
        line: null,
        column: null,
        message:
          "Das Blatt fehlt. Eine Arbeitsmappe enthält immer alle Blätter des Katalogs, auch leere.",
      });
      continue;
    }
    const columnOf = new Map<number, string>();
    source.headings.forEach((heading, index) => {
      const title = heading.trim();
      if (title === "") return;
      const column = definition.columns.find(
        (candidate) => normalise(candidate) === normalise(title),
      );
      if (column === undefined) {
        ignored.push(
          `Die Spalte „${title}“ im Blatt „${definition.title}“ gehört nicht zum Katalog und wird nicht gelesen.`,
        );
        return;
      }
      if ([...columnOf.values()].includes(column)) {
        problems.push({
          sheet: definition.title,
          line: 1,
          column,
          message: "Die Spalte kommt zweimal vor.",
        });
        return;
      }
      columnOf.set(index, column);
    });
    const present = new Set(columnOf.values());
    const missing = definition.columns.filter(
      (column) => !present.has(column) && !definition.required.includes(column),
    );
    if (missing.length > 0) absent[id] = missing;
    for (const column of definition.required) {
      if (!present.has(column))
        problems.push({
          sheet: definition.title,
          line: 1,
          column,
          message: "Die Spalte fehlt in der Überschriftenzeile.",
        });
    }
    for (const row of source.rows) {
      if (row.cells.every((cell) => cell.trim() === "")) continue;
      const cells: Record<string, string> = {};
      for (const column of definition.columns) cells[column] = "";
      for (const [index, column] of columnOf)
        cells[column] = (row.cells[index] ?? "").trim();
      tables[id].push({ line: row.line, cells });
    }
  }
  return { tables, ignored, problems, absent, absentSheets };
}

/** The key of a row, as shown in the preview ("kleve-app", "kleve-app · 2"). */
export function rowKey(id: SheetId, row: SheetRow): string {
  const { key } = SHEETS[id];
  return key.length === 0
    ? SHEETS[id].title
    : key.map((column) => row.cells[column] ?? "").join(" · ");
}

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? "" : String(value);

type Field = NonNullable<CatalogueDocument["actionFields"]>[number];

/** Lays a catalogue document out as tables; lines count from 2 (1 is the heading). */
export function documentToTables(document: CatalogueDocument): CatalogueTables {
  const rows = {} as Record<SheetId, SheetRow[]>;
  for (const id of SHEET_IDS) rows[id] = [];
  const add = (id: SheetId, cells: Record<string, string>): void => {
    rows[id].push({ line: rows[id].length + 2, cells });
  };
  const { programme } = document;
  add("programm", {
    Titel: programme.title,
    Untertitel: text(programme.subtitle),
    Beginn: text(programme.horizonStart),
    Ende: text(programme.horizonEnd),
    Zusammenfassung: text(programme.summary),
  });
  // A flat programme (docs/adr/0029) has no impact areas: its action fields stand in
  // their own sheet with the column of the impact area left empty.
  const fields: { readonly areaKey: string; readonly field: Field }[] =
    document.programme.levels?.flat === true
      ? (document.actionFields ?? []).map((field) => ({ areaKey: "", field }))
      : [];
  for (const area of document.impactAreas ?? []) {
    add("wirkungsbereiche", {
      Schlüssel: area.key,
      Name: area.name,
      Beschreibung: text(area.description),
    });
    for (const field of area.actionFields)
      fields.push({ areaKey: area.key, field });
  }
  for (const { areaKey, field } of fields) {
    add("aktionsfelder", {
      Schlüssel: field.key,
      Wirkungsbereich: areaKey,
      Nummer: text(field.number),
      Name: field.name,
      Farbe: field.colour.toLowerCase(),
      Beschreibung: text(field.description),
    });
    for (const project of field.projects) {
      add("projekte", {
        Kurzname: project.slug,
        Aktionsfeld: field.key,
        Nummer: project.code,
        Titel: project.title,
        Zusammenfassung: project.summary,
        Status: project.status,
        Schlagwörter: (project.tags ?? []).join(LIST_SEPARATOR),
      });
      project.phases.forEach((phase, index) =>
        add("phasen", {
          Projekt: project.slug,
          "Nr.": text(index + 1),
          Bezeichnung: phase.label,
          Beginn: phase.start,
          Ende: text(phase.end),
          Fortsetzung: text(phase.continuation),
          Anmerkung: text(phase.note),
        }),
      );
      project.measures.forEach((measure, index) =>
        add("massnahmen", {
          Projekt: project.slug,
          "Nr.": text(index + 1),
          Titel: measure.title,
          Status: measure.status,
          Beginn: text(measure.start),
          Ende: text(measure.end),
          Organisationseinheit: text(measure.orgUnit),
          Beschreibung: text(measure.description),
          Phase: text(measure.phase),
        }),
      );
      for (const responsibility of project.responsibilities)
        add("zustaendigkeiten", {
          Projekt: project.slug,
          Organisationseinheit: responsibility.orgUnit,
          Rolle: responsibility.role,
          Anmerkung: text(responsibility.note),
        });
      for (const slug of project.dependsOn ?? [])
        add("abhaengigkeiten", {
          Projekt: project.slug,
          "Hängt ab von": slug,
        });
    }
  }
  for (const unit of document.orgUnits)
    add("organisationseinheiten", {
      Kürzel: unit.code,
      Name: unit.name,
      Art: unit.kind,
      Übergeordnet: text(unit.parent),
    });
  programme.goals.forEach((goal, index) =>
    add("ziele", {
      "Nr.": text(index + 1),
      Titel: goal.title,
      Beschreibung: text(goal.description),
    }),
  );
  programme.priorities.forEach((priority, index) =>
    add("prioritaeten", {
      "Nr.": text(index + 1),
      Jahr: text(priority.year),
      Titel: priority.title,
      Projekte: (priority.projects ?? []).join(LIST_SEPARATOR),
    }),
  );
  bodiesToRows(document.bodies ?? [], add);
  return rows;
}

/** Where a part of the document came from, for locating the problems of the document rules. */
interface Origin {
  readonly sheet: SheetId;
  readonly line: number;
  /** Document field → column title. */
  readonly columns: Readonly<Record<string, string>>;
  /** The column of a problem with the whole part (a period that ends before it starts). */
  readonly column?: string;
}

/** The municipality a document is built for: the spreadsheet does not carry it. */
export type DocumentMunicipality = CatalogueDocument["municipality"];

/**
 * The programme's own settings that a spreadsheet does not carry and an import never
 * changes: its levels (names, and whether the top level is switched off) and its org
 * unit kinds, as the stored programme has them (docs/adr/0029).
 */
export type ProgrammeShape = Pick<
  CatalogueDocument["programme"],
  "levels" | "orgUnitKinds"
>;

/** The outcome of reading tables as a catalogue document. */
export type TablesAsDocument =
  | { readonly ok: true; readonly document: CatalogueDocument }
  | { readonly ok: false; readonly problems: readonly SheetProblem[] };

/**
 * Builds the exchange document from tables and checks it with the rules every import
 * shares (checkCatalogueDocument); each problem names sheet, row and column.
 */
export function tablesToDocument(
  tables: CatalogueTables,
  municipality: DocumentMunicipality,
  shape: ProgrammeShape = {},
): TablesAsDocument {
  const flat = shape.levels?.flat === true;
  const problems: SheetProblem[] = [];
  const origins = new Map<string, Origin>();
  const problem: ProblemSink = (id, line, column, message) => {
    problems.push({ sheet: SHEETS[id].title, line, column, message });
  };
  const optional = (value: string | undefined): string | undefined =>
    value === undefined || value === "" ? undefined : value;
  const integer = (
    id: SheetId,
    row: SheetRow,
    column: string,
  ): number | undefined => {
    const value = row.cells[column] ?? "";
    if (/^-?\d{1,9}$/.test(value)) return Number(value);
    problem(
      id,
      row.line,
      column,
      value === "" ? "darf nicht leer sein" : `„${value}“ ist keine ganze Zahl`,
    );
    return undefined;
  };
  const list = (value: string | undefined): string[] =>
    (value ?? "")
      .split(";")
      .map((item) => item.trim())
      .filter((item) => item !== "");

  // Duplicate keys: a second row with the same key would silently win.
  for (const id of SHEET_IDS) {
    const { key } = SHEETS[id];
    if (key.length === 0) {
      if (tables[id].length !== 1)
        problem(
          id,
          tables[id][1]?.line ?? null,
          null,
          `Das Blatt muss genau eine Zeile unter der Überschrift haben, es hat ${tables[id].length}.`,
        );
      continue;
    }
    const seen = new Map<string, number>();
    for (const row of tables[id]) {
      const value = rowKey(id, row);
      const first = seen.get(value);
      if (first !== undefined)
        problem(
          id,
          row.line,
          key[key.length - 1] ?? null,
          `„${value}“ kommt schon in Zeile ${first} vor.`,
        );
      else seen.set(value, row.line);
    }
  }

  const programmeRow = tables.programm[0];
  const cell = (row: SheetRow | undefined, column: string): string =>
    row?.cells[column] ?? "";
  if (programmeRow !== undefined)
    origins.set("/programme", {
      sheet: "programm",
      line: programmeRow.line,
      columns: {
        title: "Titel",
        subtitle: "Untertitel",
        horizonStart: "Beginn",
        horizonEnd: "Ende",
        summary: "Zusammenfassung",
      },
    });

  type Area = NonNullable<CatalogueDocument["impactAreas"]>[number];
  type Field = Area["actionFields"][number];
  type Project = Field["projects"][number];
  const areas: Area[] = [];
  const areaByKey = new Map<string, Area>();
  // A flat programme keeps no impact areas: its action fields stand on their own.
  const flatFields: Field[] = [];
  if (flat)
    for (const row of tables.wirkungsbereiche)
      problem(
        "wirkungsbereiche",
        row.line,
        "Schlüssel",
        "Das Programm hat keine oberste Ebene: Das Blatt bleibt leer.",
      );
  (flat ? [] : tables.wirkungsbereiche).forEach((row) => {
    const area: Area = {
      key: cell(row, "Schlüssel"),
      name: cell(row, "Name"),
      ...withOptional("description", optional(row.cells.Beschreibung)),
      actionFields: [],
    };
    origins.set(`/impactAreas/${areas.length}`, {
      sheet: "wirkungsbereiche",
      line: row.line,
      columns: { key: "Schlüssel", name: "Name", description: "Beschreibung" },
    });
    areas.push(area);
    areaByKey.set(area.key, area);
  });
  const fieldByKey = new Map<string, { field: Field; path: string }>();
  for (const row of tables.aktionsfelder) {
    // Named, and the field still read, so that its projects are not named as well.
    if (flat && cell(row, "Wirkungsbereich") !== "")
      problem(
        "aktionsfelder",
        row.line,
        "Wirkungsbereich",
        "Das Programm hat keine oberste Ebene: Die Spalte bleibt leer.",
      );
    const area = flat
      ? undefined
      : referenced(
          problem,
          "aktionsfelder",
          row,
          "Wirkungsbereich",
          areaByKey,
          (key) =>
            `Den Wirkungsbereich „${key}“ gibt es im Blatt „Wirkungsbereiche“ nicht.`,
        );
    if (!flat && area === undefined) continue;
    const number = integer("aktionsfelder", row, "Nummer");
    const field: Field = {
      key: cell(row, "Schlüssel"),
      number: number ?? 1,
      name: cell(row, "Name"),
      colour: cell(row, "Farbe").toLowerCase(),
      ...withOptional("description", optional(row.cells.Beschreibung)),
      projects: [],
    };
    const path =
      flat || area === undefined
        ? `/actionFields/${flatFields.length}`
        : `/impactAreas/${areas.indexOf(area)}/actionFields/${area.actionFields.length}`;
    origins.set(path, {
      sheet: "aktionsfelder",
      line: row.line,
      columns: {
        key: "Schlüssel",
        number: "Nummer",
        name: "Name",
        colour: "Farbe",
        description: "Beschreibung",
      },
    });
    (flat || area === undefined ? flatFields : area.actionFields).push(field);
    fieldByKey.set(field.key, { field, path });
  }
  const projectBySlug = new Map<string, { project: Project; path: string }>();
  for (const row of tables.projekte) {
    const parent = referenced(
      problem,
      "projekte",
      row,
      "Aktionsfeld",
      fieldByKey,
      (key) =>
        `Das Aktionsfeld „${key}“ gibt es im Blatt „Aktionsfelder“ nicht.`,
    );
    if (parent === undefined) continue;
    const tags = list(row.cells.Schlagwörter);
    const project: Project = {
      slug: cell(row, "Kurzname"),
      code: cell(row, "Nummer"),
      title: cell(row, "Titel"),
      summary: cell(row, "Zusammenfassung"),
      status: cell(row, "Status") as Project["status"],
      ...(tags.length === 0 ? {} : { tags }),
      phases: [],
      measures: [],
      responsibilities: [],
    };
    const path = `${parent.path}/projects/${parent.field.projects.length}`;
    origins.set(path, {
      sheet: "projekte",
      line: row.line,
      columns: {
        slug: "Kurzname",
        code: "Nummer",
        title: "Titel",
        summary: "Zusammenfassung",
        status: "Status",
        tags: "Schlagwörter",
      },
    });
    parent.field.projects.push(project);
    projectBySlug.set(project.slug, { project, path });
  }
  const projectOf = (id: SheetId, row: SheetRow) =>
    referenced(
      problem,
      id,
      row,
      "Projekt",
      projectBySlug,
      (slug) => `Das Projekt „${slug}“ gibt es im Blatt „Projekte“ nicht.`,
    );
  const byNumber = (id: SheetId): { row: SheetRow; number: number }[] =>
    tables[id]
      .map((row) => ({ row, number: integer(id, row, "Nr.") }))
      .filter(
        (entry): entry is { row: SheetRow; number: number } =>
          entry.number !== undefined,
      )
      .sort((a, b) => a.number - b.number);

  for (const { row } of byNumber("phasen")) {
    const parent = projectOf("phasen", row);
    if (parent === undefined) continue;
    const continuation = optional(row.cells.Fortsetzung);
    origins.set(`${parent.path}/phases/${parent.project.phases.length}`, {
      sheet: "phasen",
      line: row.line,
      columns: {
        label: "Bezeichnung",
        start: "Beginn",
        end: "Ende",
        continuation: "Fortsetzung",
        note: "Anmerkung",
      },
      column: "Ende",
    });
    parent.project.phases.push({
      label: cell(row, "Bezeichnung"),
      start: cell(row, "Beginn"),
      ...withOptional("end", optional(row.cells.Ende)),
      ...(continuation === undefined
        ? {}
        : {
            continuation:
              continuation as Project["phases"][number]["continuation"] &
                string,
          }),
      ...withOptional("note", optional(row.cells.Anmerkung)),
    });
  }
  for (const { row } of byNumber("massnahmen")) {
    const parent = projectOf("massnahmen", row);
    if (parent === undefined) continue;
    origins.set(`${parent.path}/measures/${parent.project.measures.length}`, {
      sheet: "massnahmen",
      line: row.line,
      columns: {
        title: "Titel",
        status: "Status",
        start: "Beginn",
        end: "Ende",
        orgUnit: "Organisationseinheit",
        description: "Beschreibung",
        phase: "Phase",
      },
      column: "Ende",
    });
    parent.project.measures.push({
      title: cell(row, "Titel"),
      status: cell(row, "Status") as Project["measures"][number]["status"],
      ...withOptional("start", optional(row.cells.Beginn)),
      ...withOptional("end", optional(row.cells.Ende)),
      ...withOptional("orgUnit", optional(row.cells.Organisationseinheit)),
      ...withOptional("description", optional(row.cells.Beschreibung)),
      ...withOptional("phase", optional(row.cells.Phase)),
    });
  }
  for (const row of tables.zustaendigkeiten) {
    const parent = projectOf("zustaendigkeiten", row);
    if (parent === undefined) continue;
    origins.set(
      `${parent.path}/responsibilities/${parent.project.responsibilities.length}`,
      {
        sheet: "zustaendigkeiten",
        line: row.line,
        columns: {
          orgUnit: "Organisationseinheit",
          role: "Rolle",
          note: "Anmerkung",
        },
      },
    );
    parent.project.responsibilities.push({
      orgUnit: cell(row, "Organisationseinheit"),
      role: cell(row, "Rolle") as Project["responsibilities"][number]["role"],
      ...withOptional("note", optional(row.cells.Anmerkung)),
    });
  }
  const dependencies = new Map<Project, string[]>();
  for (const row of tables.abhaengigkeiten) {
    const parent = projectOf("abhaengigkeiten", row);
    if (parent === undefined) continue;
    const list = dependencies.get(parent.project) ?? [];
    origins.set(`${parent.path}/dependsOn/${list.length}`, {
      sheet: "abhaengigkeiten",
      line: row.line,
      columns: {},
      column: "Hängt ab von",
    });
    list.push(cell(row, "Hängt ab von"));
    dependencies.set(parent.project, list);
  }
  for (const [project, list] of dependencies)
    (project as { dependsOn?: string[] }).dependsOn = list;

  const orgUnits = tables.organisationseinheiten.map((row, index) => {
    origins.set(`/orgUnits/${index}`, {
      sheet: "organisationseinheiten",
      line: row.line,
      columns: {
        code: "Kürzel",
        name: "Name",
        kind: "Art",
        parent: "Übergeordnet",
      },
    });
    return {
      code: cell(row, "Kürzel"),
      name: cell(row, "Name"),
      kind: cell(row, "Art"),
      ...withOptional("parent", optional(row.cells.Übergeordnet)),
    };
  });
  const goals = byNumber("ziele").map(({ row }, index) => {
    origins.set(`/programme/goals/${index}`, {
      sheet: "ziele",
      line: row.line,
      columns: { title: "Titel", description: "Beschreibung" },
    });
    return {
      title: cell(row, "Titel"),
      ...withOptional("description", optional(row.cells.Beschreibung)),
    };
  });
  const priorities = byNumber("prioritaeten").map(({ row }, index) => {
    origins.set(`/programme/priorities/${index}`, {
      sheet: "prioritaeten",
      line: row.line,
      columns: { year: "Jahr", title: "Titel", projects: "Projekte" },
    });
    const projects = list(row.cells.Projekte);
    return {
      year: integer("prioritaeten", row, "Jahr") ?? 0,
      title: cell(row, "Titel"),
      ...(projects.length === 0 ? {} : { projects }),
    };
  });
  const horizonStart =
    programmeRow === undefined
      ? 0
      : (integer("programm", programmeRow, "Beginn") ?? 0);
  const horizonEnd =
    programmeRow === undefined
      ? 0
      : (integer("programm", programmeRow, "Ende") ?? 0);
  const bodies = readBodies(tables, problem, origins, integer);
  if (problems.length > 0) return { ok: false, problems };

  const document: CatalogueDocument = {
    format: "fortschritt-catalogue",
    version: 1,
    municipality,
    programme: {
      title: cell(programmeRow, "Titel"),
      ...withOptional("subtitle", optional(programmeRow?.cells.Untertitel)),
      horizonStart,
      horizonEnd,
      ...withOptional("summary", optional(programmeRow?.cells.Zusammenfassung)),
      goals,
      priorities,
      ...(shape.levels === undefined ? {} : { levels: shape.levels }),
      ...(shape.orgUnitKinds === undefined
        ? {}
        : { orgUnitKinds: shape.orgUnitKinds }),
    },
    orgUnits,
    ...(flat ? { actionFields: flatFields } : { impactAreas: areas }),
    ...(bodies.length === 0 ? {} : { bodies }),
  };
  const checked = checkCatalogueDocument(document);
  const bodyProblems = findBodyProblems(bodies);
  if (checked.ok && bodyProblems.length === 0)
    return { ok: true, document: checked.value };
  return {
    ok: false,
    problems: [...(checked.ok ? [] : checked.problems), ...bodyProblems].map(
      (each) => locate(each, origins),
    ),
  };
}

/**
 * The bodies of the sheets „Gremien“, „Mitglieder“ and „Sitzungen“, with the origin of
 * each part (so that the schema's problems name sheet, row and column); the rules of the
 * forms that the schema cannot say are problems here.
 */
function readBodies(
  tables: CatalogueTables,
  problem: ProblemSink,
  origins: Map<string, Origin>,
  integer: (id: SheetId, row: SheetRow, column: string) => number | undefined,
): BodyDocument[] {
  const cell = (row: SheetRow, column: string): string =>
    row.cells[column] ?? "";
  const optional = (row: SheetRow, column: string): string | undefined =>
    cell(row, column) === "" ? undefined : cell(row, column);
  const bodies: BodyDocument[] = [];
  const byAbbreviation = new Map<
    string,
    { body: BodyDocument; path: string }
  >();
  for (const row of tables.gremien) {
    const kindText = cell(row, "Art");
    const kind = bodyKindOf(kindText);
    if (kind === null)
      problem(
        "gremien",
        row.line,
        "Art",
        kindText === "" ? "darf nicht leer sein" : unknownKindMessage(kindText),
      );
    const path = `/bodies/${bodies.length}`;
    const body: BodyDocument = {
      abbreviation: cell(row, "Kürzel"),
      name: cell(row, "Name"),
      kind: kind ?? "committee",
      ...withOptional("oparlUrl", optional(row, "OParl-Adresse")),
      members: [],
      meetings: [],
    };
    origins.set(path, {
      sheet: "gremien",
      line: row.line,
      columns: {
        abbreviation: "Kürzel",
        name: "Name",
        kind: "Art",
        oparlUrl: "OParl-Adresse",
      },
    });
    bodies.push(body);
    byAbbreviation.set(body.abbreviation, { body, path });
  }
  const bodyOf = (id: SheetId, row: SheetRow) =>
    referenced(
      problem,
      id,
      row,
      "Gremium",
      byAbbreviation,
      (abbreviation) =>
        `Das Gremium „${abbreviation}“ gibt es im Blatt „Gremien“ nicht.`,
    );
  const members = tables.mitglieder
    .map((row) => ({ row, number: integer("mitglieder", row, "Nr.") }))
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  for (const { row, number } of members) {
    const parent = bodyOf("mitglieder", row);
    const visible = visibilityOf(cell(row, "Öffentlich"));
    if (visible === null)
      problem("mitglieder", row.line, "Öffentlich", VISIBILITY_MESSAGE);
    if (parent === undefined || number === undefined) continue;
    const list = parent.body.members ?? [];
    origins.set(`${parent.path}/members/${list.length}`, {
      sheet: "mitglieder",
      line: row.line,
      columns: { name: "Name", group: "Gruppe", role: "Rolle" },
    });
    list.push({
      name: cell(row, "Name"),
      ...withOptional("group", optional(row, "Gruppe")),
      ...withOptional("role", optional(row, "Rolle")),
      public: visible ?? false,
    });
  }
  const meetings = tables.sitzungen.map((row) => ({
    row,
    date: meetingDateOf(cell(row, "Datum")),
  }));
  meetings.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  for (const { row, date } of meetings) {
    const parent = bodyOf("sitzungen", row);
    if (date === null)
      problem(
        "sitzungen",
        row.line,
        "Datum",
        cell(row, "Datum") === ""
          ? "darf nicht leer sein"
          : `„${cell(row, "Datum")}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).`,
      );
    const minutes = minutesOf(cell(row, "Fragen und Antworten"));
    if (minutes === null)
      problem("sitzungen", row.line, "Fragen und Antworten", MINUTES_MESSAGE);
    if (parent === undefined || date === null) continue;
    const list = parent.body.meetings ?? [];
    const path = `${parent.path}/meetings/${list.length}`;
    origins.set(path, {
      sheet: "sitzungen",
      line: row.line,
      columns: {
        date: "Datum",
        title: "Bezeichnung",
        paperReference: "Vorlage",
        presenters: "Vortragende",
        minutes: "Fragen und Antworten",
      },
    });
    origins.set(`${path}/agendaItem`, {
      sheet: "sitzungen",
      line: row.line,
      columns: { number: "TOP", title: "TOP-Titel" },
    });
    origins.set(`${path}/oparl`, {
      sheet: "sitzungen",
      line: row.line,
      columns: {
        meeting: "OParl-Sitzung",
        agendaItem: "OParl-TOP",
        paper: "OParl-Vorlage",
      },
    });
    const agendaNumber = optional(row, "TOP");
    const agendaTitle = optional(row, "TOP-Titel");
    const oparl = {
      ...withOptional("meeting", optional(row, "OParl-Sitzung")),
      ...withOptional("agendaItem", optional(row, "OParl-TOP")),
      ...withOptional("paper", optional(row, "OParl-Vorlage")),
    };
    list.push({
      date,
      ...withOptional("title", optional(row, "Bezeichnung")),
      ...(agendaNumber === undefined && agendaTitle === undefined
        ? {}
        : {
            agendaItem: {
              ...withOptional("number", agendaNumber),
              ...withOptional("title", agendaTitle),
            },
          }),
      ...withOptional("paperReference", optional(row, "Vorlage")),
      ...(Object.keys(oparl).length === 0 ? {} : { oparl }),
      presenters: presentersOf(cell(row, "Vortragende")),
      minutes: minutes ?? [],
    });
  }
  return bodies;
}

/** Collects a problem of a sheet's row and column (reading goes on, to name them all). */
type ProblemSink = (
  id: SheetId,
  line: number | null,
  column: string | null,
  message: string,
) => void;

/**
 * What a row's column refers to in another sheet, by that sheet's key; an empty or
 * unknown key is a problem of the row's cell.
 */
function referenced<T>(
  problem: ProblemSink,
  id: SheetId,
  row: SheetRow,
  column: string,
  byKey: ReadonlyMap<string, T>,
  unknown: (key: string) => string,
): T | undefined {
  const key = row.cells[column] ?? "";
  const found = byKey.get(key);
  if (found === undefined)
    problem(
      id,
      row.line,
      column,
      key === "" ? "darf nicht leer sein" : unknown(key),
    );
  return found;
}

function withOptional<K extends string>(
  key: K,
  value: string | undefined,
): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** Finds the sheet, row and column of a problem of the document rules. */
function locate(
  problem: InputProblem,
  origins: ReadonlyMap<string, Origin>,
): SheetProblem {
  const segments = problem.path.split("/").slice(1);
  for (let length = segments.length; length > 0; length -= 1) {
    const origin = origins.get(`/${segments.slice(0, length).join("/")}`);
    if (origin === undefined) continue;
    const field = segments[length];
    const column =
      field === undefined
        ? (origin.column ?? null)
        : (origin.columns[field] ?? origin.column ?? null);
    return {
      sheet: SHEETS[origin.sheet].title,
      line: origin.line,
      column,
      message: problem.message,
    };
  }
  const sheet = problem.path.startsWith("/bodies")
    ? SHEETS.gremien.title
    : problem.path.startsWith("/impactAreas") ||
        problem.path.startsWith("/actionFields")
      ? SHEETS.abhaengigkeiten.title
      : problem.path.startsWith("/orgUnits")
        ? SHEETS.organisationseinheiten.title
        : SHEETS.programm.title;
  return { sheet, line: null, column: null, message: problem.message };
}
