/**
 * Checks a catalogue document beyond its schema (references resolve, keys are unique,
 * periods make sense, no dependency cycle) and converts between the document and the
 * domain catalogue. Import and export are each other's inverse.
 */
import type {
  Catalogue,
  Project,
  ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import {
  allActionFields,
  listProjects,
} from "../../domain/catalogue/catalogue.js";
import {
  DEFAULT_LEVELS,
  DEFAULT_ORG_UNIT_KINDS,
  FLAT_ROOT_KEY,
  LEVEL_KEYS,
  type CatalogueLevels,
} from "../../domain/catalogue/levels.js";
import {
  contrastRatio,
  MIN_TEXT_CONTRAST,
} from "../../domain/colour/contrast.js";
import { findCycle } from "../../domain/dependency/dependency-graph.js";
import {
  validatePeriod,
  type PeriodProblemCode,
} from "../../domain/period/period.js";
import {
  firstDayOf,
  formatPointInTime,
  formatPointInTimeGerman,
  lastDayOf,
  parsePointInTime,
  type PointInTime,
} from "../../domain/period/point-in-time.js";
import type { NewCatalogue } from "../../db/catalogue.repository.js";
import type { InputProblem } from "../../errors.js";
import { validate, type ValidationResult } from "../validation/validate.js";
import {
  CatalogueDocumentSchema,
  type CatalogueDocument,
} from "./catalogue-document.schema.js";

const PERIOD_PROBLEMS: Readonly<Record<PeriodProblemCode, string>> = {
  PERIOD_END_BEFORE_START: "Das Ende liegt vor dem Beginn.",
  PERIOD_OPEN_WITHOUT_CONTINUATION:
    "Ohne Ende muss angegeben sein, wie es weitergeht (continuation: ongoing, permanent oder undecided).",
  PERIOD_UNDECIDED_WITH_END:
    "„Ende noch offen“ (continuation: undecided) passt nicht zu einem angegebenen Ende.",
};

/**
 * First path segments the application itself uses; a municipality cannot be called like
 * that (test/web/reserved-slugs.test.ts checks every route of the app against this list).
 */
export const RESERVED_MUNICIPALITY_SLUGS: readonly string[] = [
  "api",
  "assets",
  "health",
  "anmelden",
  "abmelden",
  "verwaltung",
  "konto",
  "passwort-vergessen",
  "passwort-neu",
  "dcat",
  // The operators' pages, and invitations and open data as the lifecycle of municipalities names them (ADR 0026).
  "betrieb",
  "einladung",
  "offene-daten",
];

/** Validates a parsed file: first the schema, then the rules that tie its parts together. */
export function checkCatalogueDocument(
  value: unknown,
): ValidationResult<CatalogueDocument> {
  const result = validate(CatalogueDocumentSchema, value);
  if (!result.ok) return result;
  const problems = findReferenceProblems(result.value);
  return problems.length === 0 ? result : { ok: false, problems };
}

function findReferenceProblems(
  document: CatalogueDocument,
): readonly InputProblem[] {
  const problems: InputProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  if (RESERVED_MUNICIPALITY_SLUGS.includes(document.municipality.slug)) {
    problem(
      "/municipality/slug",
      `"${document.municipality.slug}" ist für Adressen der Anwendung reserviert.`,
    );
  }
  if (document.programme.horizonEnd < document.programme.horizonStart) {
    problem(
      "/programme/horizonEnd",
      "Das Ende des Zeithorizonts liegt vor seinem Beginn.",
    );
  }

  problems.push(...findShapeProblems(document));

  const orgUnitCodes = new Set<string>();
  document.orgUnits.forEach((unit, index) => {
    if (orgUnitCodes.has(unit.code))
      problem(
        `/orgUnits/${index}/code`,
        `Das Kürzel "${unit.code}" kommt mehrfach vor.`,
      );
    orgUnitCodes.add(unit.code);
  });
  const parentOf = new Map(
    document.orgUnits.map((unit) => [unit.code, unit.parent]),
  );
  document.orgUnits.forEach((unit, index) => {
    if (unit.parent === undefined) return;
    if (!orgUnitCodes.has(unit.parent)) {
      problem(
        `/orgUnits/${index}/parent`,
        `Die übergeordnete Einheit "${unit.parent}" gibt es nicht.`,
      );
      return;
    }
    const seen = new Set([unit.code]);
    for (
      let code: string | undefined = unit.parent;
      code !== undefined;
      code = parentOf.get(code)
    ) {
      if (seen.has(code)) {
        problem(
          `/orgUnits/${index}/parent`,
          "Die Einheiten sind im Kreis einander untergeordnet.",
        );
        break;
      }
      seen.add(code);
    }
  });

  const impactAreaKeys = new Set<string>();
  const actionFieldKeys = new Set<string>();
  const projectSlugs = new Set<string>();
  const projectTitles = new Map<string, string>();
  const edges: { from: string; to: string }[] = [];

  areasOf(document).forEach((area, a) => {
    const areaPath = areaPathOf(document, a);
    if (impactAreaKeys.has(area.key))
      problem(
        `${areaPath}/key`,
        `Der Schlüssel "${area.key}" kommt mehrfach vor.`,
      );
    impactAreaKeys.add(area.key);
    const codes = new Set<string>();
    area.actionFields.forEach((field, f) => {
      const fieldPath = `${areaPath}/actionFields/${f}`;
      if (actionFieldKeys.has(field.key))
        problem(
          `${fieldPath}/key`,
          `Der Schlüssel "${field.key}" kommt mehrfach vor.`,
        );
      actionFieldKeys.add(field.key);
      if (contrastRatio("#ffffff", field.colour) < MIN_TEXT_CONTRAST) {
        problem(
          `${fieldPath}/colour`,
          `Weiße Schrift auf ${field.colour} ist zu kontrastarm (mindestens 4,5 : 1 nötig).`,
        );
      }
      field.projects.forEach((project, p) => {
        const path = `${fieldPath}/projects/${p}`;
        if (projectSlugs.has(project.slug))
          problem(
            `${path}/slug`,
            `Der Kurzname "${project.slug}" kommt mehrfach vor.`,
          );
        projectSlugs.add(project.slug);
        projectTitles.set(project.slug, `${project.code} ${project.title}`);
        if (codes.has(project.code))
          problem(
            `${path}/code`,
            `Die Nummer ${project.code} kommt im Wirkungsbereich mehrfach vor.`,
          );
        codes.add(project.code);
        project.phases.forEach((phase, i) => {
          const start = parsePointInTime(phase.start);
          const end =
            phase.end === undefined ? null : parsePointInTime(phase.end);
          if (start === null)
            problem(
              `${path}/phases/${i}/start`,
              `"${phase.start}" ist kein gültiges Datum.`,
            );
          if (phase.end !== undefined && end === null)
            problem(
              `${path}/phases/${i}/end`,
              `"${phase.end}" ist kein gültiges Datum.`,
            );
          if (start === null || (phase.end !== undefined && end === null))
            return;
          for (const code of validatePeriod({
            start,
            end,
            continuation: phase.continuation ?? null,
          })) {
            problem(`${path}/phases/${i}`, PERIOD_PROBLEMS[code]);
          }
        });
        project.measures.forEach((measure, i) => {
          const start =
            measure.start === undefined
              ? null
              : parsePointInTime(measure.start);
          const end =
            measure.end === undefined ? null : parsePointInTime(measure.end);
          if (
            start !== null &&
            end !== null &&
            lastDayOf(end) < firstDayOf(start)
          )
            problem(
              `${path}/measures/${i}/end`,
              `Das Ende (${formatPointInTimeGerman(end)}) liegt vor dem Beginn (${formatPointInTimeGerman(start)}).`,
            );
          if (
            measure.orgUnit !== undefined &&
            !orgUnitCodes.has(measure.orgUnit)
          )
            problem(
              `${path}/measures/${i}/orgUnit`,
              `Die Organisationseinheit "${measure.orgUnit}" gibt es nicht.`,
            );
          if (
            measure.phase !== undefined &&
            !project.phases.some((phase) => phase.label === measure.phase)
          )
            problem(
              `${path}/measures/${i}/phase`,
              `Das Projekt hat keine Phase "${measure.phase}".`,
            );
        });
        const responsible = new Set<string>();
        project.responsibilities.forEach((responsibility, r) => {
          if (!orgUnitCodes.has(responsibility.orgUnit)) {
            problem(
              `${path}/responsibilities/${r}/orgUnit`,
              `Die Organisationseinheit "${responsibility.orgUnit}" gibt es nicht.`,
            );
          }
          if (responsible.has(responsibility.orgUnit)) {
            problem(
              `${path}/responsibilities/${r}/orgUnit`,
              `Die Organisationseinheit "${responsibility.orgUnit}" ist doppelt eingetragen.`,
            );
          }
          responsible.add(responsibility.orgUnit);
        });
        for (const to of project.dependsOn ?? [])
          edges.push({ from: project.slug, to });
      });
    });
  });

  areasOf(document).forEach((area, a) =>
    area.actionFields.forEach((field, f) =>
      field.projects.forEach((project, p) =>
        (project.dependsOn ?? []).forEach((slug, d) => {
          if (!projectSlugs.has(slug)) {
            problem(
              `${areaPathOf(document, a)}/actionFields/${f}/projects/${p}/dependsOn/${d}`,
              `Das Projekt "${slug}" gibt es nicht.`,
            );
          }
        }),
      ),
    ),
  );
  document.programme.priorities.forEach((priority, i) =>
    (priority.projects ?? []).forEach((slug, j) => {
      if (!projectSlugs.has(slug))
        problem(
          `/programme/priorities/${i}/projects/${j}`,
          `Das Projekt "${slug}" gibt es nicht.`,
        );
    }),
  );

  const cycle = findCycle(edges.filter((edge) => projectSlugs.has(edge.to)));
  if (cycle !== null) {
    const names = cycle
      .map((slug) => projectTitles.get(slug) ?? slug)
      .join(" → ");
    problem(
      isFlatDocument(document) ? "/actionFields" : "/impactAreas",
      `Die Abhängigkeiten bilden einen Kreis: ${names}.`,
    );
  }
  return problems;
}

/** Whether a document describes a flat programme (its action fields without impact areas). */
export function isFlatDocument(document: CatalogueDocument): boolean {
  return document.programme.levels?.flat === true;
}

/**
 * The impact areas of a document; a flat programme's action fields are held by the one
 * structural area (FLAT_ROOT_KEY) that the database needs and no reader ever sees.
 */
function areasOf(
  document: CatalogueDocument,
): NonNullable<CatalogueDocument["impactAreas"]> {
  if (!isFlatDocument(document)) return document.impactAreas ?? [];
  return [
    {
      key: FLAT_ROOT_KEY,
      name: document.programme.title,
      actionFields: document.actionFields ?? [],
    },
  ];
}

/** The JSON pointer of an impact area as written in the file ("" for a flat programme's root). */
function areaPathOf(document: CatalogueDocument, index: number): string {
  return isFlatDocument(document) ? "" : `/impactAreas/${index}`;
}

function levelsOf(document: CatalogueDocument): CatalogueLevels {
  const levels = document.programme.levels;
  return {
    flat: levels?.flat === true,
    impactArea: levels?.impactArea ?? DEFAULT_LEVELS.impactArea,
    actionField: levels?.actionField ?? DEFAULT_LEVELS.actionField,
    project: levels?.project ?? DEFAULT_LEVELS.project,
    measure: levels?.measure ?? DEFAULT_LEVELS.measure,
  };
}

/** The flat switch against where the action fields are, and the org unit kinds. */
function findShapeProblems(
  document: CatalogueDocument,
): readonly InputProblem[] {
  const problems: InputProblem[] = [];
  const flat = isFlatDocument(document);
  if (flat && document.impactAreas !== undefined)
    problems.push({
      path: "/impactAreas",
      message:
        "Ein flaches Programm (programme.levels.flat) hat keine Wirkungsbereiche: die Aktionsfelder stehen unter actionFields.",
    });
  if (flat && document.actionFields === undefined)
    problems.push({
      path: "/actionFields",
      message:
        "Ein flaches Programm (programme.levels.flat) braucht die Liste actionFields.",
    });
  if (!flat && document.actionFields !== undefined)
    problems.push({
      path: "/actionFields",
      message:
        "actionFields ohne Wirkungsbereich gibt es nur in einem flachen Programm (programme.levels.flat: true).",
    });
  if (!flat && document.impactAreas === undefined)
    problems.push({
      path: "/impactAreas",
      message:
        "Es fehlen die Wirkungsbereiche (impactAreas) – oder programme.levels.flat: true mit actionFields.",
    });
  const kinds = document.programme.orgUnitKinds ?? DEFAULT_ORG_UNIT_KINDS;
  const kindKeys = new Set<string>();
  kinds.forEach((kind, index) => {
    if (kindKeys.has(kind.key))
      problems.push({
        path: `/programme/orgUnitKinds/${index}/key`,
        message: `Die Art "${kind.key}" kommt mehrfach vor.`,
      });
    kindKeys.add(kind.key);
  });
  document.orgUnits.forEach((unit, index) => {
    if (!kindKeys.has(unit.kind))
      problems.push({
        path: `/orgUnits/${index}/kind`,
        message: `Die Art "${unit.kind}" steht nicht in der Liste der Arten (programme.orgUnitKinds).`,
      });
  });
  return problems;
}

function point(text: string): PointInTime {
  const parsed = parsePointInTime(text);
  if (parsed === null) throw new Error(`unchecked point in time "${text}"`);
  return parsed;
}

/** Converts a checked document into the catalogue to be written. */
export function documentToCatalogue(document: CatalogueDocument): NewCatalogue {
  return {
    programme: {
      title: document.programme.title,
      subtitle: document.programme.subtitle ?? null,
      horizonStart: document.programme.horizonStart,
      horizonEnd: document.programme.horizonEnd,
      summary: document.programme.summary ?? null,
      levels: levelsOf(document),
      orgUnitKinds: document.programme.orgUnitKinds ?? DEFAULT_ORG_UNIT_KINDS,
      goals: document.programme.goals.map((goal) => ({
        title: goal.title,
        description: goal.description ?? null,
      })),
      priorities: document.programme.priorities.map((priority) => ({
        year: priority.year,
        title: priority.title,
        projectSlugs: priority.projects ?? [],
      })),
    },
    orgUnits: document.orgUnits.map((unit) => ({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentCode: unit.parent ?? null,
    })),
    impactAreas: areasOf(document).map((area) => ({
      key: area.key,
      name: area.name,
      description: area.description ?? null,
      actionFields: area.actionFields.map((field) => ({
        key: field.key,
        number: field.number,
        name: field.name,
        colour: field.colour.toLowerCase(),
        description: field.description ?? null,
        projects: field.projects.map((project) => ({
          slug: project.slug,
          code: project.code,
          title: project.title,
          summary: project.summary,
          status: project.status,
          tags: project.tags ?? [],
          phases: project.phases.map((phase) => ({
            label: phase.label,
            start: point(phase.start),
            end: phase.end === undefined ? null : point(phase.end),
            continuation: phase.continuation ?? null,
            note: phase.note ?? null,
          })),
          measures: project.measures.map((measure) => ({
            title: measure.title,
            status: measure.status,
            start: measure.start === undefined ? null : point(measure.start),
            end: measure.end === undefined ? null : point(measure.end),
            orgUnitCode: measure.orgUnit ?? null,
            description: measure.description ?? null,
            phaseLabel: measure.phase ?? null,
          })),
          responsibilities: project.responsibilities.map((responsibility) => ({
            orgUnitCode: responsibility.orgUnit,
            role: responsibility.role,
            note: responsibility.note ?? null,
          })),
          dependsOn: project.dependsOn ?? [],
        })),
      })),
    })),
  };
}

/** Optional fields are left out rather than written as null, as in a hand-written file. */
function optional<K extends string, V>(
  key: K,
  value: V | null | undefined,
): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as {
    [P in K]?: V;
  };
}

/** A point in time under `key`, written as in a file, when there is one. */
function optionalPoint<K extends string>(
  key: K,
  point: PointInTime | null | undefined,
): { [P in K]?: string } {
  return optional(key, point == null ? null : formatPointInTime(point));
}

function optionalList<K extends string, V>(
  key: K,
  values: readonly V[],
): { [P in K]?: V[] } {
  return (values.length === 0 ? {} : { [key]: [...values] }) as {
    [P in K]?: V[];
  };
}

/** Converts a stored catalogue into the exchange document. */
export function catalogueToDocument(catalogue: Catalogue): CatalogueDocument {
  const { municipality, programme } = catalogue;
  return {
    format: "fortschritt-catalogue",
    version: 1,
    municipality: {
      slug: municipality.slug,
      name: municipality.name,
      ...optional("state", municipality.state),
      ...optional("website", municipality.website),
    },
    programme: {
      title: programme.title,
      ...optional("subtitle", programme.subtitle),
      horizonStart: programme.horizonStart,
      horizonEnd: programme.horizonEnd,
      ...optional("summary", programme.summary),
      goals: programme.goals.map((goal) => ({
        title: goal.title,
        ...optional("description", goal.description),
      })),
      priorities: programme.priorities.map((priority) => ({
        year: priority.year,
        title: priority.title,
        ...optionalList("projects", priority.projectSlugs),
      })),
      ...levelsToDocument(programme.levels),
      ...(sameKinds(programme.orgUnitKinds, DEFAULT_ORG_UNIT_KINDS)
        ? {}
        : {
            orgUnitKinds: programme.orgUnitKinds.map((kind) => ({
              key: kind.key,
              label: kind.label,
            })),
          }),
    },
    orgUnits: catalogue.orgUnits.map((unit) => ({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      ...optional("parent", unit.parentCode),
    })),
    ...(programme.levels.flat
      ? { actionFields: allActionFields(catalogue).map(fieldToDocument) }
      : {
          impactAreas: catalogue.impactAreas.map((area) => ({
            key: area.key,
            name: area.name,
            ...optional("description", area.description),
            actionFields: area.actionFields.map(fieldToDocument),
          })),
        }),
  };
}

function fieldToDocument(
  field: Catalogue["impactAreas"][number]["actionFields"][number],
): NonNullable<CatalogueDocument["actionFields"]>[number] {
  return {
    key: field.key,
    number: field.number,
    name: field.name,
    colour: field.colour,
    ...optional("description", field.description),
    projects: field.projects.map((project) => ({
      slug: project.slug,
      code: project.code,
      title: project.title,
      summary: project.summary,
      status: project.status,
      ...optionalList("tags", project.tags),
      phases: project.phases.map((phase) => ({
        label: phase.label,
        start: formatPointInTime(phase.start),
        ...optionalPoint("end", phase.end),
        ...optional("continuation", phase.continuation),
        ...optional("note", phase.note),
      })),
      measures: project.measures.map((measure) => ({
        title: measure.title,
        status: measure.status,
        ...optionalPoint("start", measure.start),
        ...optionalPoint("end", measure.end),
        ...optional("orgUnit", measure.orgUnitCode ?? null),
        ...optional("description", measure.description ?? null),
        ...optional("phase", measure.phaseLabel ?? null),
      })),
      responsibilities: project.responsibilities.map((responsibility) => ({
        orgUnit: responsibility.orgUnitCode,
        role: responsibility.role,
        ...optional("note", responsibility.note),
      })),
      ...optionalList("dependsOn", project.dependsOn),
    })),
  };
}

/** The levels as written in a file: left out when they are Kleve's. */
function levelsToDocument(
  levels: CatalogueLevels,
): Pick<CatalogueDocument["programme"], "levels"> {
  const names = LEVEL_KEYS.filter(
    (key) =>
      levels[key].singular !== DEFAULT_LEVELS[key].singular ||
      levels[key].plural !== DEFAULT_LEVELS[key].plural,
  );
  if (!levels.flat && names.length === 0) return {};
  const written: Record<string, unknown> = levels.flat ? { flat: true } : {};
  for (const key of names)
    written[key] = {
      singular: levels[key].singular,
      plural: levels[key].plural,
    };
  return { levels: written };
}

function sameKinds(
  a: readonly { key: string; label: string }[],
  b: readonly { key: string; label: string }[],
): boolean {
  return (
    a.length === b.length &&
    a.every(
      (kind, index) =>
        kind.key === b[index]?.key && kind.label === b[index]?.label,
    )
  );
}

/** One entry of the search index. */
export interface SearchEntry {
  readonly projectId: number;
  readonly measureId: number | null;
  readonly title: string;
  readonly body: string;
}

/** The search index entries of one project: the project itself and each of its measures. */
export function projectSearchEntries(
  project: Project,
  actionFieldName: string,
  impactAreaName: string,
): readonly SearchEntry[] {
  return [
    {
      projectId: project.id,
      measureId: null,
      title: `${project.code} ${project.title}`,
      body: [
        project.summary,
        project.tags.join(" "),
        actionFieldName,
        impactAreaName,
      ].join(" "),
    },
    ...project.measures.map((measure) => ({
      projectId: project.id,
      measureId: measure.id,
      title: measure.title,
      body: project.title,
    })),
  ];
}

/** The search index entries of a catalogue: each project and each measure. */
export function searchEntriesOf(catalogue: Catalogue): readonly SearchEntry[] {
  // A flat programme's structural impact area is never shown, so it is not searched either.
  const flat = catalogue.programme.levels.flat;
  return listProjects(catalogue).flatMap(
    ({ project, actionField, impactArea }: ProjectInContext) =>
      projectSearchEntries(
        project,
        actionField.name,
        flat ? "" : impactArea.name,
      ),
  );
}
