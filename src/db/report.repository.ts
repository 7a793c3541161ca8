/**
 * Committees, meetings, status reports and their entries. A published report is only ever
 * read: there is no function here that changes one, and the database refuses it anyway
 * (triggers of migration 2026-11-25-reports).
 */
import { groupBy } from "../domain/collections.js";
import { sql, type Selectable } from "kysely";
import type { Executor } from "./database.js";
import {
  changesOneRow,
  countRows,
  firstOrNull,
  listAndFind,
  positionAfterLast,
  replaceRows,
} from "./query.js";
import type { StatusReportTable } from "./report.tables.js";
import {
  isBodyKind,
  type BodyKind,
  type BodyMember,
  type MinutesItem,
  type Presenter,
} from "../domain/body/body.js";
import {
  isFreeSectionKind,
  type FreeSectionContent,
  type ReportSectionKind,
  type StoredReportSection,
  type SurveyAnswer,
} from "../domain/report/report-free-sections.js";

/** A committee as stored. */
export interface StoredCommittee {
  readonly id: number;
  readonly name: string;
  readonly abbreviation: string;
  readonly version: number;
  /** The committee's OParl Organization URL, or null. */
  readonly oparlUrl: string | null;
  /** Ausschuss, Beirat, Arbeitskreis or Lenkungsgruppe. */
  readonly kind: BodyKind;
}

/** A meeting as stored, with its committee. */
export interface StoredMeeting {
  readonly id: number;
  readonly committeeId: number;
  readonly committeeName: string;
  readonly committeeAbbreviation: string;
  readonly day: number;
  readonly title: string | null;
  readonly oparlMeetingUrl: string | null;
  readonly oparlAgendaItemUrl: string | null;
  readonly oparlPaperUrl: string | null;
  readonly version: number;
  /** The body's kind. */
  readonly committeeKind: BodyKind;
  readonly agendaItemNumber: string | null;
  readonly agendaItemTitle: string | null;
  /** Vorlage/Drucksache number, e.g. "A 10/185/2022". */
  readonly paperReference: string | null;
  readonly presenters: readonly Presenter[];
  readonly minutes: readonly MinutesItem[];
}

/** The fields of a committee. */
export interface CommitteeFields {
  readonly name: string;
  readonly abbreviation: string;
  /** The OParl Organization URL; left out: unchanged (null on creation). */
  readonly oparlUrl?: string | null;
  /** Left out: unchanged (Ausschuss on creation). */
  readonly kind?: BodyKind;
}

/** The fields of a meeting. */
export interface MeetingFields {
  readonly committeeId: number;
  readonly day: number;
  readonly title: string | null;
  readonly oparlMeetingUrl: string | null;
  readonly oparlAgendaItemUrl: string | null;
  readonly oparlPaperUrl: string | null;
  readonly agendaItemNumber: string | null;
  readonly agendaItemTitle: string | null;
  readonly paperReference: string | null;
  readonly presenters: readonly Presenter[];
  readonly minutes: readonly MinutesItem[];
}

function kindOf(text: string): BodyKind {
  return isBodyKind(text) ? text : "committee";
}

/** The committees of a municipality, by name. */
export async function listCommittees(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredCommittee[]> {
  const rows = await db
    .selectFrom("committee")
    .select([
      "id",
      "name",
      "abbreviation",
      "version",
      "oparl_url as oparlUrl",
      "kind",
    ])
    .where("municipality_id", "=", municipalityId)
    .orderBy("name")
    .execute();
  return rows.map((row) => ({ ...row, kind: kindOf(row.kind) }));
}

/** Creates a committee; returns its id. */
export async function insertCommittee(
  db: Executor,
  municipalityId: number,
  fields: CommitteeFields,
): Promise<number> {
  const row = await db
    .insertInto("committee")
    .values({
      municipality_id: municipalityId,
      name: fields.name,
      abbreviation: fields.abbreviation,
      oparl_url: fields.oparlUrl ?? null,
      kind: fields.kind ?? "committee",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a committee's fields (the version is claimed separately). */
export async function updateCommitteeRow(
  db: Executor,
  id: number,
  fields: CommitteeFields,
): Promise<void> {
  await db
    .updateTable("committee")
    .set({
      name: fields.name,
      abbreviation: fields.abbreviation,
      ...(fields.oparlUrl === undefined ? {} : { oparl_url: fields.oparlUrl }),
      ...(fields.kind === undefined ? {} : { kind: fields.kind }),
    })
    .where("id", "=", id)
    .execute();
}

/** The meetings of a municipality, newest first, or only the one with `id`. */
function meetingsOf(db: Executor, municipalityId: number, id: number | null) {
  const query = db
    .selectFrom("meeting")
    .innerJoin("committee", "committee.id", "meeting.committee_id")
    .select([
      "meeting.id as id",
      "meeting.committee_id as committeeId",
      "committee.name as committeeName",
      "committee.abbreviation as committeeAbbreviation",
      "meeting.meeting_day as day",
      "meeting.title as title",
      "meeting.oparl_meeting_url as oparlMeetingUrl",
      "meeting.oparl_agenda_item_url as oparlAgendaItemUrl",
      "meeting.oparl_paper_url as oparlPaperUrl",
      "meeting.version as version",
      "committee.kind as committeeKind",
      "meeting.agenda_item_number as agendaItemNumber",
      "meeting.agenda_item_title as agendaItemTitle",
      "meeting.paper_reference as paperReference",
      "meeting.presenters_json as presentersJson",
      "meeting.minutes_json as minutesJson",
    ])
    .where("meeting.municipality_id", "=", municipalityId)
    .orderBy("meeting.meeting_day", "desc")
    .orderBy("meeting.id", "desc");
  return id === null ? query : query.where("meeting.id", "=", id);
}

/** A meeting as meetingsOf reads it: the body's kind as text, presenters and minutes as JSON. */
interface MeetingRow extends Omit<
  StoredMeeting,
  "committeeKind" | "presenters" | "minutes"
> {
  readonly committeeKind: string;
  readonly presentersJson: string;
  readonly minutesJson: string;
}

function toMeeting(row: MeetingRow): StoredMeeting {
  const { presentersJson, minutesJson, committeeKind, ...rest } = row;
  return {
    ...rest,
    committeeKind: kindOf(committeeKind),
    presenters: parseJson<Presenter[]>(presentersJson, []),
    minutes: parseJson<MinutesItem[]>(minutesJson, []),
  };
}

/** The meetings of a municipality, newest first; one of them by id, or null. */
export const { list: listMeetings, find: findMeeting } = listAndFind(
  meetingsOf,
  toMeeting,
);

function meetingValues(fields: MeetingFields) {
  return {
    committee_id: fields.committeeId,
    meeting_day: fields.day,
    title: fields.title,
    oparl_meeting_url: fields.oparlMeetingUrl,
    oparl_agenda_item_url: fields.oparlAgendaItemUrl,
    oparl_paper_url: fields.oparlPaperUrl,
    agenda_item_number: fields.agendaItemNumber,
    agenda_item_title: fields.agendaItemTitle,
    paper_reference: fields.paperReference,
    presenters_json: JSON.stringify(fields.presenters),
    minutes_json: JSON.stringify(fields.minutes),
  };
}

/** Removes a meeting (callers make sure no report belongs to it). */
export async function deleteMeetingRow(
  db: Executor,
  id: number,
): Promise<void> {
  await db.deleteFrom("meeting").where("id", "=", id).execute();
}

/** How many reports (drafts and published) belong to a meeting. */
export async function countReportsOfMeeting(
  db: Executor,
  meetingId: number,
): Promise<number> {
  return countRows(
    db.selectFrom("status_report").where("meeting_id", "=", meetingId),
  );
}

/** The fields of a member. */
export interface MemberFields {
  readonly name: string;
  readonly group: string | null;
  readonly role: string | null;
  readonly isPublic: boolean;
}

/** The members of the bodies of a municipality, by body and position. */
export async function listMembers(
  db: Executor,
  municipalityId: number,
): Promise<readonly BodyMember[]> {
  const rows = await db
    .selectFrom("body_member")
    .innerJoin("committee", "committee.id", "body_member.committee_id")
    .select([
      "body_member.id as id",
      "body_member.committee_id as bodyId",
      "body_member.name as name",
      "body_member.member_group as group",
      "body_member.role as role",
      "body_member.is_public as isPublic",
      "body_member.position as position",
      "body_member.version as version",
    ])
    .where("committee.municipality_id", "=", municipalityId)
    .orderBy("body_member.committee_id")
    .orderBy("body_member.position")
    .orderBy("body_member.id")
    .execute();
  return rows.map((row) => ({ ...row, isPublic: row.isPublic === 1 }));
}

/** Adds a member at the end of a body's list; returns its id. */
export async function insertMember(
  db: Executor,
  bodyId: number,
  fields: MemberFields,
): Promise<number> {
  const position =
    (await positionAfterLast(
      db.selectFrom("body_member").where("committee_id", "=", bodyId),
    )) ?? 1;
  const row = await db
    .insertInto("body_member")
    .values({
      committee_id: bodyId,
      name: fields.name,
      member_group: fields.group,
      role: fields.role,
      is_public: fields.isPublic ? 1 : 0,
      position,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a member and claims the next version; false when the version moved on. */
export async function updateMemberRow(
  db: Executor,
  id: number,
  expectedVersion: number,
  fields: MemberFields,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("body_member")
      .set({
        name: fields.name,
        member_group: fields.group,
        role: fields.role,
        is_public: fields.isPublic ? 1 : 0,
        version: expectedVersion + 1,
      })
      .where("id", "=", id)
      .where("version", "=", expectedVersion),
  );
}

/** Removes a member at a version; false when the version moved on. */
export async function deleteMemberRow(
  db: Executor,
  id: number,
  expectedVersion: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("body_member")
      .where("id", "=", id)
      .where("version", "=", expectedVersion),
  );
}

/** Replaces every member of a body (import). */
export async function replaceMembers(
  db: Executor,
  bodyId: number,
  members: readonly MemberFields[],
): Promise<void> {
  await replaceRows(
    db.deleteFrom("body_member").where("committee_id", "=", bodyId),
    db.insertInto("body_member"),
    members.map((member, index) => ({
      committee_id: bodyId,
      name: member.name,
      member_group: member.group,
      role: member.role,
      is_public: member.isPublic ? 1 : 0,
      position: index + 1,
    })),
  );
}

/** Creates a meeting; returns its id. */
export async function insertMeeting(
  db: Executor,
  municipalityId: number,
  fields: MeetingFields,
): Promise<number> {
  const row = await db
    .insertInto("meeting")
    .values({ municipality_id: municipalityId, ...meetingValues(fields) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a meeting's fields. */
export async function updateMeetingRow(
  db: Executor,
  id: number,
  fields: MeetingFields,
): Promise<void> {
  await db
    .updateTable("meeting")
    .set(meetingValues(fields))
    .where("id", "=", id)
    .execute();
}

/** A status report as stored (the entries are read separately). */
export interface StoredReport {
  readonly id: number;
  /** The report's number in its municipality (1, 2, 3 … by creation): what URLs and titles name. */
  readonly number: number;
  readonly municipalityId: number;
  readonly meetingId: number;
  readonly previousReportId: number | null;
  readonly asOf: number;
  readonly title: string;
  /** Keys of the action fields shown; null: all. */
  readonly sectionKeys: readonly string[] | null;
  readonly includeOzg: boolean;
  readonly outlook: readonly { readonly when: string; readonly what: string }[];
  readonly status: "draft" | "published";
  /** When the report counts as published (a backdated report: the day set, German midnight). */
  readonly publishedAt: string | null;
  /** When a backdated report was really published ("nachgetragen am"); null otherwise. */
  readonly recordedAt: string | null;
  readonly publishedBy: string | null;
  /** The published document as JSON; null for a draft. */
  readonly documentJson: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The OParl Paper (Vorlage) the report is presented under, or null. */
  readonly oparlPaperUrl: string | null;
}

/** The editable fields of a draft report. */
export interface ReportFields extends Pick<
  StoredReport,
  | "meetingId"
  | "previousReportId"
  | "asOf"
  | "title"
  | "sectionKeys"
  | "includeOzg"
  | "outlook"
> {
  /** The OParl Paper URL; left out: unchanged (null on creation). */
  readonly oparlPaperUrl?: string | null;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

type ReportRow = Selectable<StatusReportTable>;

function toReport(row: ReportRow): StoredReport {
  return {
    id: row.id,
    number: row.number,
    municipalityId: row.municipality_id,
    meetingId: row.meeting_id,
    previousReportId: row.previous_report_id,
    asOf: row.as_of_day,
    title: row.title,
    sectionKeys: parseJson<string[] | null>(row.sections_json, null),
    includeOzg: row.include_ozg === 1,
    outlook: parseJson<{ when: string; what: string }[]>(row.outlook_json, []),
    status: row.status === "published" ? "published" : "draft",
    publishedAt:
      row.published_at === null
        ? null
        : new Date(row.published_at).toISOString(),
    recordedAt:
      row.recorded_at === null ? null : new Date(row.recorded_at).toISOString(),
    publishedBy: row.published_by,
    documentJson: row.document_json,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    oparlPaperUrl: row.oparl_paper_url,
  };
}

/** The reports of a municipality, newest as-of date first, or only the one with `id`. */
function reportsOf(
  db: Executor,
  municipalityId: number,
  id: number | null = null,
) {
  const query = db
    .selectFrom("status_report")
    .selectAll()
    .where("municipality_id", "=", municipalityId)
    .orderBy("as_of_day", "desc")
    .orderBy("id", "desc");
  return id === null ? query : query.where("id", "=", id);
}

/** The reports of a municipality, newest as-of date first; one of them by id, or null. */
export const { list: listReports, find: findReport } = listAndFind(
  reportsOf,
  toReport,
);

function reportValues(fields: ReportFields) {
  return {
    meeting_id: fields.meetingId,
    previous_report_id: fields.previousReportId,
    as_of_day: fields.asOf,
    title: fields.title,
    sections_json:
      fields.sectionKeys === null ? null : JSON.stringify(fields.sectionKeys),
    include_ozg: fields.includeOzg ? 1 : 0,
    outlook_json: JSON.stringify(fields.outlook),
    ...(fields.oparlPaperUrl === undefined
      ? {}
      : { oparl_paper_url: fields.oparlPaperUrl }),
  };
}

/** One report of a municipality by its number, or null. */
export async function findReportByNumber(
  db: Executor,
  municipalityId: number,
  number: number,
): Promise<StoredReport | null> {
  return firstOrNull(
    reportsOf(db, municipalityId).where("number", "=", number),
    toReport,
  );
}

/** The number the next report of a municipality gets: one more than the highest so far. */
export async function nextReportNumber(
  db: Executor,
  municipalityId: number,
): Promise<number> {
  const row = await db
    .selectFrom("status_report")
    .select((eb) => eb.fn.max<number | null>("number").as("highest"))
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

/**
 * Creates a draft report with the next number of its municipality; returns its id and
 * number. Callers run it in the transaction that holds the municipality's row (so that two
 * reports created at once queue); the unique index (municipality, number) refuses a
 * duplicate should one slip through, and the caller retries.
 */
export async function insertReport(
  db: Executor,
  municipalityId: number,
  fields: ReportFields,
  now: string,
  /** The number to give (an imported report keeps its own); left out: the next one. */
  given?: number,
): Promise<{ readonly id: number; readonly number: number }> {
  const number = given ?? (await nextReportNumber(db, municipalityId));
  const row = await db
    .insertInto("status_report")
    .values({
      municipality_id: municipalityId,
      number,
      ...reportValues(fields),
      status: "draft",
      created_at: now,
      updated_at: now,
    })
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
  return { id: row.id, number: row.number };
}

/** Changes a draft's fields; a published report is never matched (and the database would refuse). */
export async function updateDraftReportRow(
  db: Executor,
  id: number,
  fields: ReportFields,
  now: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("status_report")
      .set({ ...reportValues(fields), updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "draft"),
  );
}

/**
 * Publishes a draft at the expected version: stores the document and freezes the row in
 * one statement. Returns false when the report is no longer a draft at that version.
 */
export async function publishReportRow(
  db: Executor,
  id: number,
  expectedVersion: number,
  values: {
    readonly documentJson: string;
    readonly publishedAt: string;
    /** When it really happened, for a backdated report; null otherwise. */
    readonly recordedAt: string | null;
    readonly publishedBy: string;
  },
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("status_report")
      .set({
        status: "published",
        document_json: values.documentJson,
        published_at: values.publishedAt,
        recorded_at: values.recordedAt,
        published_by: values.publishedBy,
        updated_at: values.recordedAt ?? values.publishedAt,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .where("version", "=", expectedVersion),
  );
}

/** Marks a draft as changed (its entries changed): moves its version on. */
export async function touchDraftReport(
  db: Executor,
  id: number,
  now: string,
): Promise<void> {
  await db
    .updateTable("status_report")
    .set({ updated_at: now })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .execute();
}

/** The fields of an entry. */
export interface EntryFields {
  readonly status: string | null;
  readonly text: string;
  readonly highlights: readonly string[];
  readonly newDate: string | null;
  readonly isUnchanged: boolean;
  readonly isIncluded: boolean;
}

/** A report entry as stored: its fields, for which project, and who changed it when. */
export interface StoredEntry extends EntryFields {
  readonly id: number;
  readonly projectSlug: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The entries of a report, by project slug. */
export async function listEntries(
  db: Executor,
  reportId: number,
): Promise<readonly StoredEntry[]> {
  return (await listEntriesOfReports(db, [reportId])).get(reportId) ?? [];
}

/** The entries of several reports in one query, by report id (a report without entries is absent). */
export async function listEntriesOfReports(
  db: Executor,
  reportIds: readonly number[],
): Promise<ReadonlyMap<number, readonly StoredEntry[]>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("report_entry")
    .selectAll()
    .where("report_id", "in", reportIds)
    .orderBy("id")
    .execute();
  return groupBy(
    rows,
    (row) => row.report_id,
    (row): StoredEntry => ({
      id: row.id,
      projectSlug: row.project_slug,
      status: row.status,
      text: row.text,
      highlights: splitLines(row.highlights),
      newDate: row.new_date,
      isUnchanged: row.is_unchanged === 1,
      isIncluded: row.is_included === 1,
      version: row.version,
      updatedAt: new Date(row.updated_at).toISOString(),
      updatedBy: row.updated_by,
    }),
  );
}

function entryValues(fields: EntryFields, now: string, actor: string) {
  return {
    status: fields.status,
    text: fields.text,
    highlights: fields.highlights.join("\n"),
    new_date: fields.newDate,
    is_unchanged: fields.isUnchanged ? 1 : 0,
    is_included: fields.isIncluded ? 1 : 0,
    updated_at: now,
    updated_by: actor,
  };
}

/** Creates an entry (version 1); a second entry for the same project is a unique violation. */
export async function insertEntry(
  db: Executor,
  reportId: number,
  projectSlug: string,
  fields: EntryFields,
  now: string,
  actor: string,
): Promise<number> {
  const row = await db
    .insertInto("report_entry")
    .values({
      report_id: reportId,
      project_slug: projectSlug,
      ...entryValues(fields, now, actor),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an entry at the expected version (moving it on); false when it was changed meanwhile. */
export async function updateEntryRow(
  db: Executor,
  id: number,
  expectedVersion: number,
  fields: EntryFields,
  now: string,
  actor: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("report_entry")
      .set({ ...entryValues(fields, now, actor), version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", expectedVersion),
  );
}

function jsonList<T>(text: string): readonly T[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** The sections of a report (free sections and the projects block), in their order. */
export async function listReportSections(
  db: Executor,
  reportId: number,
): Promise<readonly StoredReportSection[]> {
  const rows = await db
    .selectFrom("report_section")
    .selectAll()
    .where("report_id", "=", reportId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind:
      row.kind === "projects" || isFreeSectionKind(row.kind)
        ? row.kind
        : "topic",
    position: row.position,
    heading: row.heading,
    text: row.body,
    figureKeys: jsonList<string>(row.figure_keys),
    projectSlugs: jsonList<string>(row.project_slugs),
    question: row.question,
    unit: row.answer_unit === "percent" ? "percent" : "count",
    answers: jsonList<SurveyAnswer>(row.answers),
  }));
}

function sectionValues(content: FreeSectionContent) {
  return {
    heading: content.heading,
    body: content.text,
    figure_keys: JSON.stringify(content.figureKeys),
    project_slugs: JSON.stringify(content.projectSlugs),
    question: content.question,
    answer_unit: content.unit,
    answers: JSON.stringify(content.answers),
  };
}

/** Adds a section at a position; returns its id. */
export async function insertReportSection(
  db: Executor,
  reportId: number,
  kind: ReportSectionKind,
  position: number,
  content: FreeSectionContent,
): Promise<number> {
  const row = await db
    .insertInto("report_section")
    .values({
      report_id: reportId,
      kind,
      position,
      ...sectionValues(content),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a section's content. */
export async function updateReportSectionRow(
  db: Executor,
  reportId: number,
  sectionId: number,
  content: FreeSectionContent,
): Promise<void> {
  await db
    .updateTable("report_section")
    .set(sectionValues(content))
    .where("id", "=", sectionId)
    .where("report_id", "=", reportId)
    .execute();
}

/** Removes a section. */
export async function deleteReportSectionRow(
  db: Executor,
  reportId: number,
  sectionId: number,
): Promise<void> {
  await db
    .deleteFrom("report_section")
    .where("id", "=", sectionId)
    .where("report_id", "=", reportId)
    .execute();
}

/** Numbers the sections 1, 2, 3 … in the order of the ids given. */
export async function setReportSectionOrder(
  db: Executor,
  reportId: number,
  sectionIds: readonly number[],
): Promise<void> {
  for (const [index, id] of sectionIds.entries()) {
    await db
      .updateTable("report_section")
      .set({ position: index + 1 })
      .where("id", "=", id)
      .where("report_id", "=", reportId)
      .execute();
  }
}
