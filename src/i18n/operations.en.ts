/** English texts of the operators' pages; the same keys as operations.de.ts. */
import type { operationsDe } from "./operations.de.js";

export const operationsEn: typeof operationsDe = {
  title: "Operations",
  municipalitiesTitle: "Municipalities of this installation",
  intro:
    "Operations sees the state of every municipality. Only members of a municipality can read or change its data – operators too.",
  searchLabel: "Search a municipality (name or short name)",
  searchButton: "Search",
  resultCount: (count: number, search: string) =>
    search === ""
      ? `${count} ${count === 1 ? "municipality" : "municipalities"}`
      : `${count} ${count === 1 ? "municipality" : "municipalities"} for “${search}”`,
  caption: "Municipalities with programme, editions, last report and people",
  municipality: "Municipality",
  state: "State",
  programme: "Programme",
  editions: "Editions",
  lastReport: "Last report",
  users: "People",
  none: "–",
  noProgramme: "no programme yet",
  editionsValue: (count: number, last: string | null) =>
    count === 0 ? "none" : `${count} (latest ${last ?? "–"})`,
  noMunicipalities: "No municipality found.",
  pagination: "Pages",
  previous: "Previous page",
  next: "Next page",
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  auditLogLink: "Audit log of the installation",
  auditLogTitle: "Audit log of the installation",
  auditLogIntro:
    "Every event of every municipality and of operations, newest first. Reading this log is logged too.",
  auditLogCaption: "Events, newest first",
  instanceOnly: "Only events of operations",
  allEvents: "All events",
  at: "Time",
  actor: "Who",
  action: "Action",
  entity: "Concerns",
  address: "Address",
  instance: "Operations",
  noEvents: "No events.",
};
