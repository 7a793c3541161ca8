/** The URLs of the editor (/{kommune}/verwaltung/…) in one place, so that links and routes cannot drift apart. */

/** Route patterns (Fastify syntax). */
export const EDITOR_ROUTES = {
  homeWithoutSlash: "/:slug/verwaltung",
  home: "/:slug/verwaltung/",
  newProject: "/:slug/verwaltung/projekte/neu",
  projects: "/:slug/verwaltung/projekte",
  project: "/:slug/verwaltung/projekte/:projectSlug",
  projectFields: "/:slug/verwaltung/projekte/:projectSlug/grunddaten",
  projectDelete: "/:slug/verwaltung/projekte/:projectSlug/loeschen",
  phases: "/:slug/verwaltung/projekte/:projectSlug/phasen",
  phase: "/:slug/verwaltung/projekte/:projectSlug/phasen/:phaseId",
  phaseDelete:
    "/:slug/verwaltung/projekte/:projectSlug/phasen/:phaseId/loeschen",
  measures: "/:slug/verwaltung/projekte/:projectSlug/massnahmen",
  measure: "/:slug/verwaltung/projekte/:projectSlug/massnahmen/:measureId",
  measureMove:
    "/:slug/verwaltung/projekte/:projectSlug/massnahmen/:measureId/verschieben",
  measureDelete:
    "/:slug/verwaltung/projekte/:projectSlug/massnahmen/:measureId/loeschen",
  responsibilities: "/:slug/verwaltung/projekte/:projectSlug/zustaendigkeiten",
  dependencies: "/:slug/verwaltung/projekte/:projectSlug/abhaengigkeiten",
  dependencyDelete:
    "/:slug/verwaltung/projekte/:projectSlug/abhaengigkeiten/:dependsOn/loeschen",
  history: "/:slug/verwaltung/projekte/:projectSlug/verlauf",
  auditLog: "/:slug/verwaltung/protokoll",
  programme: "/:slug/verwaltung/programm",
  priorities: "/:slug/verwaltung/programm/prioritaeten",
  levels: "/:slug/verwaltung/programm/ebenen",
  structure: "/:slug/verwaltung/struktur",
  impactAreas: "/:slug/verwaltung/struktur/wirkungsbereiche",
  impactArea: "/:slug/verwaltung/struktur/wirkungsbereiche/:key",
  actionFields: "/:slug/verwaltung/struktur/aktionsfelder",
  actionField: "/:slug/verwaltung/struktur/aktionsfelder/:key",
  orgUnits: "/:slug/verwaltung/einheiten",
  orgUnit: "/:slug/verwaltung/einheiten/:code",
} as const;

const part = (value: string | number): string =>
  encodeURIComponent(String(value));
const base = (slug: string): string => `/${part(slug)}/verwaltung`;
const project = (slug: string, projectSlug: string): string =>
  `${base(slug)}/projekte/${part(projectSlug)}`;

/** Paths of the editor's pages and forms. */
export const editorPaths = {
  home: (slug: string): string => `${base(slug)}/`,
  newProject: (slug: string): string => `${base(slug)}/projekte/neu`,
  projects: (slug: string): string => `${base(slug)}/projekte`,
  project,
  projectFields: (slug: string, projectSlug: string): string =>
    `${project(slug, projectSlug)}/grunddaten`,
  projectDelete: (slug: string, projectSlug: string): string =>
    `${project(slug, projectSlug)}/loeschen`,
  phases: (slug: string, projectSlug: string): string =>
    `${project(slug, projectSlug)}/phasen`,
  phase: (slug: string, projectSlug: string, id: number): string =>
    `${project(slug, projectSlug)}/phasen/${id}`,
  phaseDelete: (slug: string, projectSlug: string, id: number): string =>
    `${project(slug, projectSlug)}/phasen/${id}/loeschen`,
  measures: (slug: string, projectSlug: string): string =>
    `${project(slug, projectSlug)}/massnahmen`,
  measure: (slug: string, projectSlug: string, id: number): string =>
    `${project(slug, projectSlug)}/massnahmen/${id}`,
  measureMove: (slug: string, projectSlug: string, id: number): string =>
    `${project(slug, projectSlug)}/massnahmen/${id}/verschieben`,
  measureDelete: (slug: string, projectSlug: string, id: number): string =>
    `${project(slug, projectSlug)}/massnahmen/${id}/loeschen`,
  responsibilities: (slug: string, projectSlug: string): string =>
    `${project(slug, projectSlug)}/zustaendigkeiten`,
  dependencies: (slug: string, projectSlug: string): string =>
    `${project(slug, projectSlug)}/abhaengigkeiten`,
  dependencyDelete: (
    slug: string,
    projectSlug: string,
    dependsOn: string,
  ): string =>
    `${project(slug, projectSlug)}/abhaengigkeiten/${part(dependsOn)}/loeschen`,
  history: (slug: string, projectSlug: string): string =>
    `${project(slug, projectSlug)}/verlauf`,
  auditLog: (slug: string): string => `${base(slug)}/protokoll`,
  programme: (slug: string): string => `${base(slug)}/programm`,
  priorities: (slug: string): string => `${base(slug)}/programm/prioritaeten`,
  levels: (slug: string): string => `${base(slug)}/programm/ebenen`,
  structure: (slug: string): string => `${base(slug)}/struktur`,
  impactAreas: (slug: string): string =>
    `${base(slug)}/struktur/wirkungsbereiche`,
  impactArea: (slug: string, key: string): string =>
    `${base(slug)}/struktur/wirkungsbereiche/${part(key)}`,
  actionFields: (slug: string): string =>
    `${base(slug)}/struktur/aktionsfelder`,
  actionField: (slug: string, key: string): string =>
    `${base(slug)}/struktur/aktionsfelder/${part(key)}`,
  orgUnits: (slug: string): string => `${base(slug)}/einheiten`,
  orgUnit: (slug: string, code: string): string =>
    `${base(slug)}/einheiten/${part(code)}`,
  users: (slug: string): string => `${base(slug)}/benutzer`,
};
