/**
 * Bodies in the catalogue exchange format: export writes every body with all its members
 * (public or not, with the flag) and meetings; import merges them into the municipality.
 * A body is found by its abbreviation, a meeting by its body, day and TOP number; what
 * the file has is written, what it lacks stays (meetings carry reports, so an import never
 * removes one). Members are the file's list exactly.
 */
import {
  insertCommittee,
  insertMeeting,
  listCommittees,
  listMeetings,
  listMembers,
  replaceMembers,
  updateCommitteeRow,
  updateMeetingRow,
  type MeetingFields,
} from "../../db/report.repository.js";
import type { Executor } from "../../db/database.js";
import { formatIsoDate, parseIsoDate } from "../../domain/calendar/calendar.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { BodyDocument } from "./bodies-document.schema.js";

/** The municipality's bodies as the file writes them. */
export async function bodiesToDocument(
  db: Executor,
  municipalityId: number,
): Promise<readonly BodyDocument[]> {
  const [bodies, meetings, members] = await Promise.all([
    listCommittees(db, municipalityId),
    listMeetings(db, municipalityId),
    listMembers(db, municipalityId),
  ]);
  return bodies.map((body) => {
    const ownMembers = members.filter((member) => member.bodyId === body.id);
    const ownMeetings = meetings
      .filter((meeting) => meeting.committeeId === body.id)
      .sort((a, b) => a.day - b.day || a.id - b.id);
    return {
      abbreviation: body.abbreviation,
      name: body.name,
      kind: body.kind,
      ...(body.oparlUrl === null ? {} : { oparlUrl: body.oparlUrl }),
      members: ownMembers.map((member) => ({
        name: member.name,
        ...(member.group === null ? {} : { group: member.group }),
        ...(member.role === null ? {} : { role: member.role }),
        public: member.isPublic,
      })),
      meetings: ownMeetings.map((meeting) => {
        const oparl = {
          ...(meeting.oparlMeetingUrl === null
            ? {}
            : { meeting: meeting.oparlMeetingUrl }),
          ...(meeting.oparlAgendaItemUrl === null
            ? {}
            : { agendaItem: meeting.oparlAgendaItemUrl }),
          ...(meeting.oparlPaperUrl === null
            ? {}
            : { paper: meeting.oparlPaperUrl }),
        };
        return {
          date: formatIsoDate(meeting.day),
          ...(meeting.title === null ? {} : { title: meeting.title }),
          ...(meeting.agendaItemNumber === null &&
          meeting.agendaItemTitle === null
            ? {}
            : {
                agendaItem: {
                  ...(meeting.agendaItemNumber === null
                    ? {}
                    : { number: meeting.agendaItemNumber }),
                  ...(meeting.agendaItemTitle === null
                    ? {}
                    : { title: meeting.agendaItemTitle }),
                },
              }),
          ...(meeting.paperReference === null
            ? {}
            : { paperReference: meeting.paperReference }),
          ...(Object.keys(oparl).length === 0 ? {} : { oparl }),
          presenters: meeting.presenters.map((presenter) => ({
            name: presenter.name,
            ...(presenter.function === ""
              ? {}
              : { function: presenter.function }),
          })),
          minutes: meeting.minutes.map((item) => ({
            question: item.question,
            answer: item.answer,
          })),
        };
      }),
    };
  });
}

/** Problems of the bodies beyond their schema: unique abbreviations, real days. */
export function findBodyProblems(
  bodies: readonly BodyDocument[],
): readonly InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  bodies.forEach((body, index) => {
    if (seen.has(body.abbreviation))
      problems.push({
        path: `/bodies/${index}/abbreviation`,
        message: `Das Kürzel „${body.abbreviation}“ kommt mehrfach vor.`,
      });
    seen.add(body.abbreviation);
    (body.meetings ?? []).forEach((meeting, at) => {
      if (parseIsoDate(meeting.date) === null)
        problems.push({
          path: `/bodies/${index}/meetings/${at}/date`,
          message: "ist kein Datum",
        });
    });
  });
  return problems;
}

function meetingFieldsOf(
  bodyId: number,
  meeting: NonNullable<BodyDocument["meetings"]>[number],
): MeetingFields {
  const day = parseIsoDate(meeting.date);
  if (day === null)
    throw new AppError("ERR_IMPORT_INVALID", {
      problems: [
        { path: "/bodies", message: `${meeting.date} ist kein Datum` },
      ],
    });
  return {
    committeeId: bodyId,
    day,
    title: meeting.title ?? null,
    oparlMeetingUrl: meeting.oparl?.meeting ?? null,
    oparlAgendaItemUrl: meeting.oparl?.agendaItem ?? null,
    oparlPaperUrl: meeting.oparl?.paper ?? null,
    agendaItemNumber: meeting.agendaItem?.number ?? null,
    agendaItemTitle: meeting.agendaItem?.title ?? null,
    paperReference: meeting.paperReference ?? null,
    presenters: (meeting.presenters ?? []).map((presenter) => ({
      name: presenter.name,
      function: presenter.function ?? "",
    })),
    minutes: (meeting.minutes ?? []).map((item) => ({
      question: item.question,
      answer: item.answer,
    })),
  };
}

/** Writes the file's bodies into the municipality (inside the import's transaction). */
export async function importBodies(
  db: Executor,
  municipalityId: number,
  bodies: readonly BodyDocument[],
): Promise<void> {
  const stored = await listCommittees(db, municipalityId);
  const meetings = await listMeetings(db, municipalityId);
  for (const body of bodies) {
    const fields = {
      name: body.name,
      abbreviation: body.abbreviation,
      oparlUrl: body.oparlUrl ?? null,
      kind: body.kind,
    };
    const existing = stored.find(
      (each) => each.abbreviation === body.abbreviation,
    );
    let bodyId: number;
    if (existing === undefined) {
      bodyId = await insertCommittee(db, municipalityId, fields);
    } else {
      bodyId = existing.id;
      await updateCommitteeRow(db, bodyId, fields);
    }
    if (body.members !== undefined)
      await replaceMembers(
        db,
        bodyId,
        body.members.map((member) => ({
          name: member.name,
          group: member.group ?? null,
          role: member.role ?? null,
          isPublic: member.public,
        })),
      );
    for (const meeting of body.meetings ?? []) {
      const values = meetingFieldsOf(bodyId, meeting);
      const match = meetings.find(
        (each) =>
          each.committeeId === bodyId &&
          each.day === values.day &&
          each.agendaItemNumber === values.agendaItemNumber,
      );
      if (match === undefined) await insertMeeting(db, municipalityId, values);
      else await updateMeetingRow(db, match.id, values);
    }
  }
}
