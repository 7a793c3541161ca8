/**
 * Small hand-made catalogues for tests that need domain data but no database: components,
 * presenters and the filter. Build one with `buildCatalogue()` and change what a test
 * needs through `buildProject(overrides)`.
 */
import {
  DEFAULT_LEVELS,
  DEFAULT_ORG_UNIT_KINDS,
} from "../../src/domain/catalogue/levels.js";
import type {
  ActionField,
  Catalogue,
  ImpactArea,
  Phase,
  Project,
} from "../../src/domain/catalogue/catalogue.js";
import {
  parsePointInTime,
  type PointInTime,
} from "../../src/domain/period/point-in-time.js";

let nextId = 1;

/** A point in time from its canonical form; throws on a typo in a test. */
export function point(text: string): PointInTime {
  const parsed = parsePointInTime(text);
  if (parsed === null)
    throw new Error(`Not a canonical point in time: ${text}`);
  return parsed;
}

/** A phase from canonical start and end. */
export function buildPhase(
  overrides: Partial<Omit<Phase, "start" | "end">> & {
    start?: string;
    end?: string | null;
  } = {},
): Phase {
  const { start = "2021", end = "2023", ...rest } = overrides;
  return {
    id: nextId++,
    label: "Umsetzung",
    continuation: null,
    note: null,
    ...rest,
    start: point(start),
    end: end === null ? null : point(end),
  };
}

/** A project with one phase, one measure and one lead unit. */
export function buildProject(overrides: Partial<Project> = {}): Project {
  return {
    id: nextId++,
    slug: "beispielprojekt",
    code: "1.1",
    title: "Beispielprojekt",
    summary: "Ein Projekt für Tests.",
    status: "in_progress",
    tags: [],
    phases: [buildPhase()],
    measures: [{ id: nextId++, title: "Erste Maßnahme", status: "planned" }],
    responsibilities: [{ orgUnitCode: "10.1", role: "lead", note: null }],
    dependsOn: [],
    version: 1,
    ...overrides,
  };
}

/** An action field around the given projects. */
export function buildActionField(
  overrides: Partial<ActionField> = {},
): ActionField {
  return {
    id: nextId++,
    key: "strategieplanung",
    number: 1,
    name: "Strategieplanung",
    colour: "#1d4f91",
    description: null,
    projects: [buildProject()],
    ...overrides,
  };
}

/** An impact area around the given action fields. */
export function buildImpactArea(
  overrides: Partial<ImpactArea> = {},
): ImpactArea {
  return {
    id: nextId++,
    key: "digitale-verwaltung",
    name: "Digitale Verwaltung",
    description: null,
    actionFields: [buildActionField()],
    ...overrides,
  };
}

/**
 * A catalogue shaped like Kleve's, in small: two impact areas, three action fields, five
 * projects, one dependency (E-Rechnungsworkflow needs the DMS), phases with quarter
 * precision, open ends and a standing task.
 */
export function buildCatalogue(overrides: Partial<Catalogue> = {}): Catalogue {
  const strategie = buildActionField({
    key: "strategieplanung",
    number: 1,
    name: "Strategieplanung",
    colour: "#1d4f91",
    projects: [
      buildProject({
        slug: "digitalisierungsstrategie",
        code: "1.1",
        title: "Digitalisierungsstrategie",
        status: "in_progress",
        tags: ["Smart Governance"],
        phases: [
          buildPhase({ label: "Erstellung", start: "2020", end: "2023" }),
        ],
        responsibilities: [
          { orgUnitCode: "10.1", role: "lead", note: "Koordination" },
        ],
      }),
    ],
  });
  const smartWorking = buildActionField({
    key: "smart-working",
    number: 2,
    name: "Smart Working",
    colour: "#00676b",
    projects: [
      buildProject({
        slug: "dokumentenmanagementsystem",
        code: "2.1",
        title: "Dokumentenmanagementsystem",
        status: "in_progress",
        phases: [
          buildPhase({ label: "Umsetzung", start: "2020", end: "2024" }),
          buildPhase({
            label: "Laufender Support",
            start: "2025",
            end: null,
            continuation: "ongoing",
            note: "Danach laufender Support.",
          }),
        ],
        measures: [
          {
            id: nextId++,
            title: "Digitalisierung des Posteingangs",
            status: "planned",
          },
          {
            id: nextId++,
            title: "Rollout außerhalb der Pilotbereiche",
            status: "in_progress",
          },
        ],
        responsibilities: [
          {
            orgUnitCode: "10.1",
            role: "lead",
            note: "Koordination und Einführung",
          },
          {
            orgUnitCode: "alle-fachbereiche",
            role: "contributing",
            note: null,
          },
        ],
      }),
      buildProject({
        slug: "e-rechnungsworkflow",
        code: "2.5",
        title: "E-Rechnungsworkflow",
        status: "in_progress",
        phases: [
          buildPhase({ label: "Einführung", start: "2021-Q4", end: "2023" }),
          buildPhase({
            label: "Laufender Support",
            start: "2024",
            end: null,
            continuation: "ongoing",
          }),
        ],
        responsibilities: [
          { orgUnitCode: "10.1", role: "lead", note: null },
          { orgUnitCode: "20", role: "contributing", note: null },
        ],
        dependsOn: ["dokumentenmanagementsystem"],
      }),
    ],
  });
  const egov = buildActionField({
    key: "e-government",
    number: 4,
    name: "E-Government",
    colour: "#a3360f",
    projects: [
      buildProject({
        slug: "digitales-buergerbuero",
        code: "4.5",
        title: "Digitales Bürgerbüro",
        status: "planned",
        phases: [
          buildPhase({
            label: "Konzipierung",
            start: "2023-Q2",
            end: "2025-Q1",
          }),
        ],
        responsibilities: [{ orgUnitCode: "32", role: "lead", note: null }],
      }),
      buildProject({
        slug: "projektmarketing",
        code: "4.6",
        title: "Projektmarketing",
        status: "ongoing",
        phases: [
          buildPhase({
            label: "Daueraufgabe",
            start: "2020",
            end: null,
            continuation: "permanent",
          }),
        ],
        responsibilities: [
          { orgUnitCode: "wtm", role: "contributing", note: null },
        ],
      }),
    ],
  });
  return {
    municipality: {
      id: 1,
      slug: "musterstadt",
      name: "Stadt Musterstadt",
      state: "Nordrhein-Westfalen",
      website: null,
      dataVersion: 1,
    },
    programme: {
      title: "musterstadt.digital 2030",
      subtitle: "Maßnahmenkatalog Digitalisierung",
      horizonStart: 2020,
      horizonEnd: 2030,
      summary: "Ein kleiner Katalog für Tests.",
      levels: DEFAULT_LEVELS,
      orgUnitKinds: DEFAULT_ORG_UNIT_KINDS,
      goals: [
        {
          title: "Die Verwaltung arbeitet digital",
          description: "Ohne Medienbrüche.",
        },
      ],
      priorities: [
        { year: 2021, title: "Alte Priorität", projectSlugs: [] },
        {
          year: 2022,
          title: "Weitere Einführung DMS",
          projectSlugs: ["dokumentenmanagementsystem"],
        },
      ],
    },
    orgUnits: [
      {
        id: 1,
        code: "10",
        name: "Fachbereich 10",
        kind: "department",
        parentCode: null,
      },
      {
        id: 2,
        code: "10.1",
        name: "Abteilung 10.1 – IT",
        kind: "division",
        parentCode: "10",
      },
      {
        id: 3,
        code: "20",
        name: "Fachbereich 20",
        kind: "department",
        parentCode: null,
      },
      {
        id: 4,
        code: "32",
        name: "Fachbereich 32",
        kind: "department",
        parentCode: null,
      },
      {
        id: 5,
        code: "alle-fachbereiche",
        name: "Alle Fachbereiche",
        kind: "other",
        parentCode: null,
      },
      {
        id: 6,
        code: "wtm",
        name: "WTM Kleve GmbH",
        kind: "external",
        parentCode: null,
      },
    ],
    impactAreas: [
      buildImpactArea({
        key: "digitale-verwaltung",
        name: "Digitale Verwaltung",
        actionFields: [strategie, smartWorking],
      }),
      buildImpactArea({
        key: "digitale-stadt",
        name: "Digitale Stadt",
        actionFields: [egov],
      }),
    ],
    ...overrides,
  };
}
