/** Bodies (Gremien: Ausschüsse, Beiräte …) and their meetings (Sitzungen): administrators keep them. */
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import { isUniqueViolation } from "../../db/project.repository.js";
import {
  countReportsOfMeeting,
  deleteMeetingRow,
  findMeeting,
  listMembers,
  insertCommittee,
  insertMeeting,
  listCommittees,
  listMeetings,
  updateCommitteeRow,
  updateMeetingRow,
  type CommitteeFields,
  type MeetingFields,
  type StoredCommittee,
  type StoredMeeting,
} from "../../db/report.repository.js";
import type {
  BodyMember,
  MinutesItem,
  Presenter,
} from "../../domain/body/body.js";
import {
  MAX_AGENDA_NUMBER,
  MAX_AGENDA_TITLE,
  MAX_PAPER_REFERENCE,
  RemoveMeetingInputSchema,
} from "./bodies.schema.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import {
  formatGermanDate,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import {
  optionalText,
  type CatalogueUseCase,
} from "../catalogue/edit-support.js";
import {
  CreateCommitteeInputSchema,
  CreateMeetingInputSchema,
  UpdateCommitteeInputSchema,
  UpdateMeetingInputSchema,
  type CreateCommitteeInput,
  type MeetingData,
} from "./reporting.schema.js";
import {
  reportingUseCase,
  invalid,
  advanceVersion,
  requireVersion,
} from "./reporting-support.js";

/** "Ausschuss für Planung und Digitalisierung (APD)". */
export function committeeLabel(committee: {
  readonly name: string;
  readonly abbreviation: string;
}): string {
  return `${committee.name} (${committee.abbreviation})`;
}

function duplicateAbbreviation(abbreviation: string): AppError {
  return invalid(
    "/data/abbreviation",
    `Das Kürzel „${abbreviation}“ ist schon vergeben.`,
  );
}

/** A committee's fields as a form sends them, trimmed; the name must not be empty. */
function committeeFields(data: CreateCommitteeInput["data"]): CommitteeFields {
  const fields = {
    name: data.name.trim(),
    abbreviation: data.abbreviation.trim(),
    ...(data.oparlUrl === undefined
      ? {}
      : { oparlUrl: optionalText(data.oparlUrl) }),
    ...(data.kind === undefined ? {} : { kind: data.kind }),
  };
  if (fields.name === "") throw invalid("/data/name", "darf nicht leer sein");
  return fields;
}

/** Runs a committee change; an abbreviation another committee has is a problem at its field. */
async function withUniqueAbbreviation<T>(
  fields: { readonly abbreviation: string },
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isUniqueViolation(error))
      throw duplicateAbbreviation(fields.abbreviation);
    throw error;
  }
}

/** Creates a committee; returns its id. */
export const createCommittee = reportingUseCase(
  CreateCommitteeInputSchema,
  "committee.create",
  (valid) => ({ entityType: "committee", entityLabel: valid.data.name }),
  async ({ valid, change }) => {
    const fields = committeeFields(valid.data);
    return withUniqueAbbreviation(fields, () =>
      change.run(async (trx) => {
        const id = await insertCommittee(trx, change.municipality.id, fields);
        return {
          value: { id },
          record: {
            entityId: id,
            entityLabel: committeeLabel(fields),
            before: null,
            after: fields,
            version: 1,
          },
        };
      }),
    );
  },
);

/** Changes a committee's name and abbreviation. */
export const updateCommittee = reportingUseCase(
  UpdateCommitteeInputSchema,
  "committee.update",
  (valid) => ({ entityType: "committee", entityId: valid.committeeId }),
  async ({ valid, change }) => {
    const fields = committeeFields(valid.data);
    return withUniqueAbbreviation(fields, () =>
      change.run(async (trx) => {
        const committee = (
          await listCommittees(trx, change.municipality.id)
        ).find((each) => each.id === valid.committeeId);
        if (committee === undefined)
          throw new AppError("ERR_NOT_FOUND", {
            detail: "Diesen Ausschuss gibt es nicht.",
          });
        requireVersion("committee", committee, valid.expectedVersion);
        await updateCommitteeRow(trx, committee.id, fields);
        const version = await advanceVersion(trx, "committee", committee);
        return {
          value: { version },
          record: {
            entityId: committee.id,
            entityLabel: committeeLabel(fields),
            before: {
              name: committee.name,
              abbreviation: committee.abbreviation,
              ...(fields.oparlUrl === undefined
                ? {}
                : { oparlUrl: committee.oparlUrl }),
              ...(fields.kind === undefined ? {} : { kind: committee.kind }),
            },
            after: fields,
            version,
          },
        };
      }),
    );
  },
);

async function meetingFields(
  ctx: AppContext,
  municipality: Municipality,
  data: MeetingData,
): Promise<{ fields: MeetingFields; committee: StoredCommittee }> {
  const day = parseIsoDate(data.day);
  if (day === null) throw invalid("/data/day", "ist kein Datum");
  const committee = (await listCommittees(ctx.db, municipality.id)).find(
    (each) => each.id === data.committeeId,
  );
  if (committee === undefined)
    throw invalid("/data/committeeId", "Diesen Ausschuss gibt es nicht.");
  return {
    committee,
    fields: {
      committeeId: committee.id,
      day,
      title: optionalText(data.title),
      oparlMeetingUrl: optionalText(data.oparlMeetingUrl),
      oparlAgendaItemUrl: optionalText(data.oparlAgendaItemUrl),
      oparlPaperUrl: optionalText(data.oparlPaperUrl),
      agendaItemNumber: optionalText(data.agendaItemNumber),
      agendaItemTitle: optionalText(data.agendaItemTitle),
      paperReference: optionalText(data.paperReference),
      presenters: cleanPresenters(data.presenters ?? []),
      minutes: cleanMinutes(data.minutes ?? []),
    },
  };
}

/**
 * A text too long in a field that may also be null would only be "not an allowed value"
 * to the schema; these say how long it may be.
 */
function checkAgendaLengths(input: { readonly data?: unknown }): void {
  const data = (input.data ?? {}) as Record<string, unknown>;
  for (const [field, max] of [
    ["agendaItemNumber", MAX_AGENDA_NUMBER],
    ["agendaItemTitle", MAX_AGENDA_TITLE],
    ["paperReference", MAX_PAPER_REFERENCE],
    ["title", 300],
  ] as const) {
    const value = data[field];
    if (typeof value === "string" && value.length > max)
      throw invalid(
        `/data/${field}`,
        `darf höchstens ${max} Zeichen lang sein`,
      );
  }
}

/** The meeting use case with the agenda fields' lengths checked before anything else. */
function agendaLengthsFirst<I extends { readonly data?: unknown }, R>(
  useCase: CatalogueUseCase<I, R>,
): CatalogueUseCase<I, R> {
  return async (ctx, principal, input, origin) => {
    checkAgendaLengths(input);
    return useCase(ctx, principal, input, origin);
  };
}

/** Trims the presenters; a name of only spaces is a problem at its place. */
function cleanPresenters(
  presenters: readonly Presenter[],
): readonly Presenter[] {
  return presenters.map((presenter, index) => {
    const name = presenter.name.trim();
    if (name === "")
      throw invalid(`/data/presenters/${index}/name`, "darf nicht leer sein");
    return { name, function: presenter.function.trim() };
  });
}

/** Trims questions and answers; one of only spaces is a problem at its place. */
function cleanMinutes(minutes: readonly MinutesItem[]): readonly MinutesItem[] {
  return minutes.map((item, index) => {
    const question = item.question.trim();
    const answer = item.answer.trim();
    if (question === "")
      throw invalid(`/data/minutes/${index}/question`, "darf nicht leer sein");
    if (answer === "")
      throw invalid(`/data/minutes/${index}/answer`, "darf nicht leer sein");
    return { question, answer };
  });
}

/** The agenda details a change left out keep their stored values. */
function keepUnsent(
  data: MeetingData,
  fields: MeetingFields,
  stored: StoredMeeting,
): MeetingFields {
  return {
    ...fields,
    ...(data.agendaItemNumber === undefined
      ? { agendaItemNumber: stored.agendaItemNumber }
      : {}),
    ...(data.agendaItemTitle === undefined
      ? { agendaItemTitle: stored.agendaItemTitle }
      : {}),
    ...(data.paperReference === undefined
      ? { paperReference: stored.paperReference }
      : {}),
    ...(data.presenters === undefined ? { presenters: stored.presenters } : {}),
    ...(data.minutes === undefined ? { minutes: stored.minutes } : {}),
  };
}

/** A meeting's fields as the audit log keeps them. */
function meetingRecord(meeting: MeetingFields): MeetingFields {
  return {
    committeeId: meeting.committeeId,
    day: meeting.day,
    title: meeting.title,
    oparlMeetingUrl: meeting.oparlMeetingUrl,
    oparlAgendaItemUrl: meeting.oparlAgendaItemUrl,
    oparlPaperUrl: meeting.oparlPaperUrl,
    agendaItemNumber: meeting.agendaItemNumber,
    agendaItemTitle: meeting.agendaItemTitle,
    paperReference: meeting.paperReference,
    presenters: meeting.presenters,
    minutes: meeting.minutes,
  };
}

function meetingLabel(
  committee: StoredCommittee,
  fields: MeetingFields,
): string {
  return `${committee.abbreviation} ${formatGermanDate(fields.day)}`;
}

/** The meeting a change names, at the version the form was opened on. */
async function requireMeetingAt(
  trx: Transaction<Database>,
  municipalityId: number,
  meetingId: number,
  expectedVersion: number,
): Promise<StoredMeeting> {
  const meeting = await findMeeting(trx, municipalityId, meetingId);
  if (meeting === null)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Diese Sitzung gibt es nicht.",
    });
  requireVersion("meeting", meeting, expectedVersion);
  return meeting;
}

/** Creates a meeting of a committee; returns its id. */
export const createMeeting = agendaLengthsFirst(
  reportingUseCase(
    CreateMeetingInputSchema,
    "meeting.create",
    () => ({ entityType: "meeting" }),
    async ({ ctx, valid, change }) => {
      const { fields, committee } = await meetingFields(
        ctx,
        change.municipality,
        valid.data,
      );
      return change.run(async (trx) => {
        const id = await insertMeeting(trx, change.municipality.id, fields);
        return {
          value: { id },
          record: {
            entityId: id,
            entityLabel: meetingLabel(committee, fields),
            before: null,
            after: fields,
            version: 1,
          },
        };
      });
    },
  ),
);

/** Changes a meeting (date, title, OParl links). */
export const updateMeeting = agendaLengthsFirst(
  reportingUseCase(
    UpdateMeetingInputSchema,
    "meeting.update",
    (valid) => ({ entityType: "meeting", entityId: valid.meetingId }),
    async ({ ctx, valid, change }) => {
      const { fields: sent, committee } = await meetingFields(
        ctx,
        change.municipality,
        valid.data,
      );
      return change.run(async (trx) => {
        const meeting = await requireMeetingAt(
          trx,
          change.municipality.id,
          valid.meetingId,
          valid.expectedVersion,
        );
        const fields = keepUnsent(valid.data, sent, meeting);
        await updateMeetingRow(trx, meeting.id, fields);
        const version = await advanceVersion(trx, "meeting", meeting);
        const before = meetingRecord(meeting);
        return {
          value: { version },
          record: {
            entityId: meeting.id,
            entityLabel: meetingLabel(committee, fields),
            before,
            after: fields,
            version,
          },
        };
      });
    },
  ),
);

/** Removes a meeting no report belongs to. */
export const removeMeeting = reportingUseCase(
  RemoveMeetingInputSchema,
  "meeting.delete",
  (valid) => ({ entityType: "meeting", entityId: valid.meetingId }),
  async ({ valid, change }) => {
    await change.run(async (trx) => {
      const meeting = await requireMeetingAt(
        trx,
        change.municipality.id,
        valid.meetingId,
        valid.expectedVersion,
      );
      if ((await countReportsOfMeeting(trx, meeting.id)) > 0)
        throw invalid(
          "/meetingId",
          "Zu dieser Sitzung gibt es einen Bericht; sie lässt sich daher nicht entfernen.",
        );
      await deleteMeetingRow(trx, meeting.id);
      return {
        value: undefined,
        record: {
          entityId: meeting.id,
          entityLabel: `${meeting.committeeAbbreviation} ${formatGermanDate(meeting.day)}`,
          before: meetingRecord(meeting),
          after: null,
          version: meeting.version + 1,
        },
      };
    });
  },
);

/** Committees and meetings of a municipality (for the admin page and the report form). */
export interface CommitteesAndMeetings {
  readonly committees: readonly StoredCommittee[];
  readonly meetings: readonly StoredMeeting[];
  /** Every member, public or not (staff only). */
  readonly members: readonly BodyMember[];
}

/** Reads committees and meetings (no permission check: callers check before). */
export async function readCommitteesAndMeetings(
  ctx: AppContext,
  municipalityId: number,
): Promise<CommitteesAndMeetings> {
  const [committees, meetings, members] = await Promise.all([
    listCommittees(ctx.db, municipalityId),
    listMeetings(ctx.db, municipalityId),
    listMembers(ctx.db, municipalityId),
  ]);
  return { committees, meetings, members };
}
