/**
 * Catalogues for the edition tests: `buildX(overrides)` factories, small editing helpers
 * that return a changed copy (a draft made from an edition), and an excerpt of the Kleve
 * catalogue with fixed ids so keys can be asserted. The excerpt stands for the
 * 1. Fortschreibung as reconstructed from the revision slides (DMS still ending in 2023);
 * tests edit it into the next revision.
 */
import {
  DEFAULT_LEVELS,
  DEFAULT_ORG_UNIT_KINDS,
} from "../../../../src/domain/catalogue/levels.js";
import type {
  ActionField,
  Catalogue,
  ImpactArea,
  Measure,
  Phase,
  Project,
} from "../../../../src/domain/catalogue/catalogue.js";
import { parsePointInTime } from "../../../../src/domain/period/point-in-time.js";
import type { PointInTime } from "../../../../src/domain/period/point-in-time.js";

// Automatic ids start high so they never collide with the fixed Kleve ids below.
let nextId = 100_000;

/** A point in time from its canonical form; throws on a typo in a test. */
export function point(text: string): PointInTime {
  const parsed = parsePointInTime(text);
  if (parsed === null)
    throw new Error(`test setup: ${text} is not a canonical point`);
  return parsed;
}

/** Phase overrides with start and end in canonical text ("2023", "2024-Q2"). */
export type PhaseOverrides = Partial<Omit<Phase, "start" | "end">> & {
  readonly start?: string;
  readonly end?: string | null;
};

/** A phase "Umsetzung 2021–2023". */
export function buildPhase(overrides: PhaseOverrides = {}): Phase {
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

/** A planned measure. */
export function buildMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    id: nextId++,
    title: "Erste Maßnahme",
    status: "planned",
    // As read from the database: the optional details are null when not set.
    start: null,
    end: null,
    orgUnitCode: null,
    description: null,
    phaseLabel: null,
    ...overrides,
  };
}

/** A project with one phase, one measure and 10.1 as lead. */
export function buildProject(overrides: Partial<Project> = {}): Project {
  const id = overrides.id ?? nextId++;
  return {
    id,
    slug: `projekt-${id}`,
    code: "1.1",
    title: `Projekt ${id}`,
    summary: "Ein Projekt für Tests.",
    status: "in_progress",
    tags: [],
    phases: [buildPhase()],
    measures: [buildMeasure()],
    responsibilities: [{ orgUnitCode: "10.1", role: "lead", note: null }],
    dependsOn: [],
    version: 1,
    ...overrides,
  };
}

/** An action field without projects unless given. */
export function buildActionField(
  overrides: Partial<ActionField> = {},
): ActionField {
  const id = overrides.id ?? nextId++;
  return {
    id,
    key: `feld-${id}`,
    number: 1,
    name: `Aktionsfeld ${id}`,
    colour: "#1d4f91",
    description: null,
    projects: [],
    ...overrides,
  };
}

/** An impact area without action fields unless given. */
export function buildImpactArea(
  overrides: Partial<ImpactArea> = {},
): ImpactArea {
  const id = overrides.id ?? nextId++;
  return {
    id,
    key: `bereich-${id}`,
    name: `Wirkungsbereich ${id}`,
    description: null,
    actionFields: [],
    ...overrides,
  };
}

/**
 * A catalogue for Kleve's programme 2020–2030. `projects` puts the given projects into
 * one action field of one impact area (ignored when `impactAreas` is given).
 */
export function buildCatalogue(
  overrides: Partial<Catalogue> & {
    readonly projects?: readonly Project[];
  } = {},
): Catalogue {
  const { projects = [], ...rest } = overrides;
  return {
    municipality: {
      id: 1,
      slug: "kleve",
      name: "Stadt Kleve",
      state: "Nordrhein-Westfalen",
      website: null,
      dataVersion: 1,
    },
    programme: {
      title: "kleve.digital 2030",
      subtitle: null,
      horizonStart: 2020,
      horizonEnd: 2030,
      levels: DEFAULT_LEVELS,
      orgUnitKinds: DEFAULT_ORG_UNIT_KINDS,
      summary: null,
      goals: [],
      priorities: [],
    },
    orgUnits: [
      {
        id: 1,
        code: "10.1",
        name: "Abteilung 10.1 – IT",
        kind: "division",
        parentCode: "10",
      },
      {
        id: 2,
        code: "10.2",
        name: "Abteilung 10.2",
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
        code: "alle-fachbereiche",
        name: "Alle Fachbereiche",
        kind: "other",
        parentCode: null,
      },
    ],
    impactAreas: [
      buildImpactArea({
        id: 1,
        key: "digitale-verwaltung",
        name: "Digitale Verwaltung",
        actionFields: [
          buildActionField({
            id: 10,
            key: "smart-working",
            number: 2,
            name: "Smart Working",
            projects,
          }),
        ],
      }),
    ],
    ...rest,
  };
}

// ---------------------------------------------------------------------------
// Editing: each returns a changed copy, as a draft made from an edition would be.

function mapProjects(
  catalogue: Catalogue,
  change: (project: Project) => Project | null,
): Catalogue {
  return {
    ...catalogue,
    impactAreas: catalogue.impactAreas.map((area) => ({
      ...area,
      actionFields: area.actionFields.map((field) => ({
        ...field,
        projects: field.projects.flatMap((project) => {
          const changed = change(project);
          return changed === null ? [] : [changed];
        }),
      })),
    })),
  };
}

function requireProject(catalogue: Catalogue, slug: string): Project {
  for (const area of catalogue.impactAreas) {
    for (const field of area.actionFields) {
      const found = field.projects.find((project) => project.slug === slug);
      if (found !== undefined) return found;
    }
  }
  throw new Error(`test setup: no project ${slug}`);
}

/** Changes one project (by slug). */
export function updateProject(
  catalogue: Catalogue,
  slug: string,
  change: (project: Project) => Project,
): Catalogue {
  requireProject(catalogue, slug);
  return mapProjects(catalogue, (project) =>
    project.slug === slug ? change(project) : project,
  );
}

/** Changes one phase of a project (by phase id); start and end in canonical text. */
export function updatePhase(
  project: Project,
  phaseId: number,
  overrides: PhaseOverrides,
): Project {
  if (!project.phases.some((phase) => phase.id === phaseId)) {
    throw new Error(
      `test setup: project ${project.slug} has no phase ${phaseId}`,
    );
  }
  return {
    ...project,
    phases: project.phases.map((phase) => {
      if (phase.id !== phaseId) return phase;
      const { start, end, ...rest } = overrides;
      return {
        ...phase,
        ...rest,
        ...(start === undefined ? {} : { start: point(start) }),
        ...(end === undefined ? {} : { end: end === null ? null : point(end) }),
      };
    }),
  };
}

/** Changes one measure of a project (by measure id). */
export function updateMeasure(
  project: Project,
  measureId: number,
  overrides: Partial<Measure>,
): Project {
  if (!project.measures.some((measure) => measure.id === measureId)) {
    throw new Error(
      `test setup: project ${project.slug} has no measure ${measureId}`,
    );
  }
  return {
    ...project,
    measures: project.measures.map((measure) =>
      measure.id === measureId ? { ...measure, ...overrides } : measure,
    ),
  };
}

/** Removes a project (by slug). */
export function removeProject(catalogue: Catalogue, slug: string): Catalogue {
  requireProject(catalogue, slug);
  return mapProjects(catalogue, (project) =>
    project.slug === slug ? null : project,
  );
}

/** Adds a project at the end of an action field (by key). */
export function addProject(
  catalogue: Catalogue,
  fieldKey: string,
  project: Project,
): Catalogue {
  let found = false;
  const result = {
    ...catalogue,
    impactAreas: catalogue.impactAreas.map((area) => ({
      ...area,
      actionFields: area.actionFields.map((field) => {
        if (field.key !== fieldKey) return field;
        found = true;
        return { ...field, projects: [...field.projects, project] };
      }),
    })),
  };
  if (!found) throw new Error(`test setup: no action field ${fieldKey}`);
  return result;
}

/** Moves a project (by slug) to the end of another action field (by key). */
export function moveProject(
  catalogue: Catalogue,
  slug: string,
  fieldKey: string,
): Catalogue {
  const project = requireProject(catalogue, slug);
  return addProject(removeProject(catalogue, slug), fieldKey, project);
}

// ---------------------------------------------------------------------------
// An excerpt of the Kleve catalogue (2. Fortschreibung) with fixed ids: project n has
// id n, its phases n*10+1, n*10+2, its measures n*100+1, …

/** Fixed ids of the Kleve excerpt. */
export const KLEVE = {
  digitalisierungsstrategie: 11,
  smartCityStrategie: 12,
  dms: 21,
  eRechnung: 25,
  workflow: 26,
  socialIntranet: 29,
  kommunikationIntern: 210,
  onlineBeteiligung: 32,
  strategieplanung: 1,
  smartWorking: 2,
  eGovernment: 3,
  digitaleVerwaltung: 1000,
  digitaleStadt: 2000,
} as const;

function kleveProject(
  id: number,
  slug: string,
  code: string,
  title: string,
  phases: readonly PhaseOverrides[],
  overrides: Partial<Project> = {},
): Project {
  return buildProject({
    id,
    slug,
    code,
    title,
    phases: phases.map((phase, index) =>
      buildPhase({ id: id * 10 + index + 1, ...phase }),
    ),
    measures: [],
    ...overrides,
  });
}

/** The Kleve excerpt (1. Fortschreibung): strategy, DMS and its neighbours, the participation platform. */
export function buildKleveCatalogue(): Catalogue {
  const strategie = kleveProject(
    KLEVE.digitalisierungsstrategie,
    "digitalisierungsstrategie",
    "1.1",
    "Digitalisierungsstrategie",
    [
      { label: "Erstellung", start: "2020", end: "2023" },
      { label: "Durchführung", start: "2024", end: "2030" },
    ],
  );
  const smartCity = kleveProject(
    KLEVE.smartCityStrategie,
    "smart-city-strategie",
    "1.2",
    "Smart City Strategie",
    [
      { label: "Erstellung", start: "2023", end: "2025" },
      { label: "Durchführung", start: "2026", end: "2030" },
    ],
    { status: "planned", dependsOn: ["digitalisierungsstrategie"] },
  );
  const dms = kleveProject(
    KLEVE.dms,
    "dokumentenmanagementsystem",
    "2.1",
    "Dokumentenmanagementsystem",
    [
      { label: "Umsetzung", start: "2020", end: "2023" },
      {
        label: "Laufender Support",
        start: "2024",
        end: null,
        continuation: "ongoing",
      },
    ],
    {
      measures: [
        buildMeasure({
          id: 2101,
          title: "Rollout außerhalb der Pilotbereiche",
          status: "in_progress",
        }),
        buildMeasure({
          id: 2102,
          title: "Anbindung von Fachverfahren",
          status: "planned",
        }),
      ],
      responsibilities: [
        {
          orgUnitCode: "10.1",
          role: "lead",
          note: "Koordination und Einführung",
        },
        { orgUnitCode: "alle-fachbereiche", role: "contributing", note: null },
      ],
    },
  );
  const eRechnung = kleveProject(
    KLEVE.eRechnung,
    "e-rechnungsworkflow",
    "2.5",
    "E-Rechnungsworkflow",
    [
      { label: "Einführung", start: "2021-Q4", end: "2023" },
      {
        label: "Laufender Support",
        start: "2024",
        end: null,
        continuation: "ongoing",
      },
    ],
    {
      measures: [
        buildMeasure({
          id: 2501,
          title: "Einführung des SAP-Rechnungsworkflows XSuite Invoice",
          status: "in_progress",
        }),
        buildMeasure({
          id: 2502,
          title: "Schulungen für die Anwenderinnen und Anwender",
          status: "planned",
        }),
      ],
      responsibilities: [
        { orgUnitCode: "10.1", role: "lead", note: null },
        { orgUnitCode: "10.2", role: "contributing", note: null },
      ],
    },
  );
  const workflow = kleveProject(
    KLEVE.workflow,
    "workflowmanagement",
    "2.6",
    "Workflowmanagement",
    [
      { label: "Umsetzung", start: "2022", end: "2024" },
      {
        label: "Laufender Support",
        start: "2025",
        end: null,
        continuation: "ongoing",
      },
    ],
  );
  const kommunikation = kleveProject(
    KLEVE.kommunikationIntern,
    "digitale-kommunikation-intern",
    "2.10",
    "Digitale Kommunikation (intern)",
    [
      { label: "Umsetzung", start: "2024", end: "2025" },
      {
        label: "Laufender Support",
        start: "2026",
        end: null,
        continuation: "ongoing",
      },
    ],
    { status: "planned", dependsOn: ["dokumentenmanagementsystem"] },
  );
  const beteiligung = kleveProject(
    KLEVE.onlineBeteiligung,
    "online-beteiligungsplattform",
    "3.2",
    "Online-Beteiligungsplattform",
    [
      { label: "Umsetzung", start: "2021", end: "2022" },
      {
        label: "Laufende Betreuung",
        start: "2023",
        end: null,
        continuation: "ongoing",
      },
    ],
    {
      measures: [
        buildMeasure({
          id: 3201,
          title:
            "Konzipierung und Umsetzung einer Online-Beteiligungsplattform",
          status: "in_progress",
        }),
      ],
    },
  );
  return buildCatalogue({
    programme: {
      title: "kleve.digital 2030",
      subtitle: "Maßnahmenkatalog Digitalisierung – 2. Fortschreibung",
      horizonStart: 2020,
      horizonEnd: 2030,
      levels: DEFAULT_LEVELS,
      orgUnitKinds: DEFAULT_ORG_UNIT_KINDS,
      summary: null,
      goals: [],
      priorities: [
        { year: 2022, title: "Neue Internetseite", projectSlugs: [] },
        {
          year: 2022,
          title: "Weitere Einführung DMS in Gesamtverwaltung",
          projectSlugs: ["dokumentenmanagementsystem"],
        },
      ],
    },
    impactAreas: [
      buildImpactArea({
        id: KLEVE.digitaleVerwaltung,
        key: "digitale-verwaltung",
        name: "Digitale Verwaltung",
        actionFields: [
          buildActionField({
            id: KLEVE.strategieplanung,
            key: "strategieplanung",
            number: 1,
            name: "Strategieplanung",
            projects: [strategie, smartCity],
          }),
          buildActionField({
            id: KLEVE.smartWorking,
            key: "smart-working",
            number: 2,
            name: "Smart Working",
            colour: "#00676b",
            projects: [dms, eRechnung, workflow, kommunikation],
          }),
        ],
      }),
      buildImpactArea({
        id: KLEVE.digitaleStadt,
        key: "digitale-stadt",
        name: "Digitale Stadt",
        actionFields: [
          buildActionField({
            id: KLEVE.eGovernment,
            key: "e-government",
            number: 1,
            name: "E-Government",
            colour: "#7a1f5c",
            projects: [beteiligung],
          }),
        ],
      }),
    ],
  });
}

/** The Social Intranet as the 2. Fortschreibung adds it to Smart Working. */
export function buildSocialIntranet(overrides: Partial<Project> = {}): Project {
  return kleveProject(
    KLEVE.socialIntranet,
    "social-intranet",
    "2.9",
    "Social Intranet",
    [
      { label: "Erstellung", start: "2023", end: "2023" },
      {
        label: "Laufende Befüllung und Betreuung",
        start: "2024",
        end: null,
        continuation: "ongoing",
      },
    ],
    { status: "planned", ...overrides },
  );
}
