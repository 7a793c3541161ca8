/**
 * The database as Kysely sees it: one interface per table, snake_case columns.
 * Row ↔ domain mapping happens in the repositories, nowhere else.
 */
import type { ColumnType, Generated, Kysely, Transaction } from "kysely";

/** A timestamp: written as an ISO string, read back as Date (PostgreSQL) or string (SQLite). */
export type Timestamp = ColumnType<Date | string, string, string>;

/** municipality: the tenant. */
export interface MunicipalityTable {
  id: Generated<number>;
  slug: string;
  name: string;
  state: string | null;
  website: string | null;
  data_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** programme: the catalogue's frame, one per municipality. */
export interface ProgrammeTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  subtitle: string | null;
  horizon_start: number;
  horizon_end: number;
  summary: string | null;
}

/** programme_goal: vision statements, in order. */
export interface ProgrammeGoalTable {
  id: Generated<number>;
  programme_id: number;
  position: number;
  title: string;
  description: string | null;
}

/** programme_priority: priorities of a year, in order. */
export interface ProgrammePriorityTable {
  id: Generated<number>;
  programme_id: number;
  year: number;
  position: number;
  title: string;
}

/** priority_project: which projects a priority concerns. */
export interface PriorityProjectTable {
  priority_id: number;
  project_id: number;
  position: number;
}

/** org_unit: departments, divisions and external partners. */
export interface OrgUnitTable {
  id: Generated<number>;
  municipality_id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  position: number;
}

/** impact_area: Wirkungsbereich. */
export interface ImpactAreaTable {
  id: Generated<number>;
  municipality_id: number;
  key: string;
  name: string;
  description: string | null;
  position: number;
}

/** action_field: Aktionsfeld. */
export interface ActionFieldTable {
  id: Generated<number>;
  municipality_id: number;
  impact_area_id: number;
  key: string;
  number: number;
  name: string;
  colour: string;
  description: string | null;
  position: number;
}

/** project: Digitalisierungsprojekt. */
export interface ProjectTable {
  id: Generated<number>;
  municipality_id: number;
  impact_area_id: number;
  action_field_id: number;
  slug: string;
  code: string;
  title: string;
  summary: string;
  status: string;
  position: number;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** project_tag: free tags such as the Smart City Charta fields. */
export interface ProjectTagTable {
  project_id: number;
  tag: string;
  position: number;
}

/** phase: a period of a project; points in time stored canonically plus day numbers for ordering. */
export interface PhaseTable {
  id: Generated<number>;
  project_id: number;
  position: number;
  label: string;
  start_value: string;
  start_day: number;
  end_value: string | null;
  end_day: number | null;
  continuation: string | null;
  note: string | null;
}

/** measure: Einzelmaßnahme. */
export interface MeasureTable {
  id: Generated<number>;
  project_id: number;
  position: number;
  title: string;
  status: string;
}

/** responsibility: which unit leads or contributes to a project. */
export interface ResponsibilityTable {
  id: Generated<number>;
  project_id: number;
  org_unit_id: number;
  role: string;
  note: string | null;
  position: number;
}

/** project_dependency: project_id needs depends_on_id. */
export interface ProjectDependencyTable {
  project_id: number;
  depends_on_id: number;
  position: number;
}

/** search_entry: the text that search looks through, one row per project or measure. */
export interface SearchEntryTable {
  id: Generated<number>;
  municipality_id: number;
  project_id: number;
  measure_id: number | null;
  title: string;
  body: string;
  /** title and body in lower case with umlauts folded (ä → ae, ß → ss): what the index sees. */
  folded: string;
}

/** All tables. */
export interface Database {
  municipality: MunicipalityTable;
  programme: ProgrammeTable;
  programme_goal: ProgrammeGoalTable;
  programme_priority: ProgrammePriorityTable;
  priority_project: PriorityProjectTable;
  org_unit: OrgUnitTable;
  impact_area: ImpactAreaTable;
  action_field: ActionFieldTable;
  project: ProjectTable;
  project_tag: ProjectTagTable;
  phase: PhaseTable;
  measure: MeasureTable;
  responsibility: ResponsibilityTable;
  project_dependency: ProjectDependencyTable;
  search_entry: SearchEntryTable;
}

/** The database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
