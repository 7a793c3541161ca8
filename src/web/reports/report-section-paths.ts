/**
 * The URLs of the section editor of a report, below the report's staff page: built on
 * REPORT_ROUTES.staffReport and reportPaths.staffReport, so that they follow however
 * reports are named in URLs.
 */
import { REPORT_ROUTES, reportPaths } from "./report-paths.js";

const base = REPORT_ROUTES.staffReport;

/** Route patterns (Fastify syntax). */
export const SECTION_ROUTES = {
  list: `${base}/abschnitte`,
  create: `${base}/abschnitte/neu`,
  section: `${base}/abschnitte/:sectionId`,
  move: `${base}/abschnitte/:sectionId/verschieben`,
  remove: `${base}/abschnitte/:sectionId/entfernen`,
} as const;

const list = (slug: string, reportId: number): string =>
  `${reportPaths.staffReport(slug, reportId)}/abschnitte`;

/** Paths of the section editor's pages and forms. */
export const sectionPaths = {
  list,
  create: (slug: string, reportId: number): string =>
    `${list(slug, reportId)}/neu`,
  section: (slug: string, reportId: number, sectionId: number): string =>
    `${list(slug, reportId)}/${sectionId}`,
  move: (slug: string, reportId: number, sectionId: number): string =>
    `${list(slug, reportId)}/${sectionId}/verschieben`,
  remove: (slug: string, reportId: number, sectionId: number): string =>
    `${list(slug, reportId)}/${sectionId}/entfernen`,
};
