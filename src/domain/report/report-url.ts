/**
 * The one way to build the URL of a status report: by its number in the municipality
 * (1, 2, 3 … in the order of creation; ADR 0044), never by its database id. The portal,
 * the staff editor, the documents, the feeds, the sitemap, the open data and the API all
 * build report URLs here (the web layer through `reportPaths`).
 */

/** What names a report in a URL: its number in its municipality. */
export interface ReportRef {
  readonly number: number;
}

const part = (value: string | number): string =>
  encodeURIComponent(String(value));

/** "/kleve/berichte/2": the public page of a published report. */
export function publicReportPath(slug: string, report: ReportRef): string {
  return `/${part(slug)}/berichte/${report.number}`;
}

/** "/kleve/verwaltung/berichte/2": the staff page of a report (draft or published). */
export function staffReportPath(slug: string, report: ReportRef): string {
  return `/${part(slug)}/verwaltung/berichte/${report.number}`;
}

/** "/kleve/berichte/2022-11-29": the public page by the date of the meeting. */
export function reportDatePath(slug: string, isoDate: string): string {
  return `/${part(slug)}/berichte/${part(isoDate)}`;
}

/** A report number of a URL ("1" … ), or null when the text is none. */
export function parseReportNumber(text: string): number | null {
  return /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647
    ? Number(text)
    : null;
}

/**
 * A previous report as a frozen document names it: by its number, or in documents of
 * before 2026-12-10 by its id (which the report pages send on to the number).
 */
export function previousReportRef(previous: {
  readonly id: number;
  readonly number?: number;
}): ReportRef {
  return { number: previous.number ?? previous.id };
}
