/**
 * Bodies (Gremien): kinds, members with their public flag, a meeting's agenda item, paper
 * reference, presenters and questions and answers — the use cases with their checks and
 * conflicts, what the public reads, and the catalogue file's round trip. SQLite and
 * PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import {
  exportCatalogue,
  importCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import { getPublicBodies } from "../../src/app/open-data/public-records.js";
import {
  addMember,
  removeMember,
  updateMember,
} from "../../src/app/reports/body-members.js";
import {
  createCommittee,
  createMeeting,
  readCommitteesAndMeetings,
  removeMeeting,
  updateCommittee,
  updateMeeting,
} from "../../src/app/reports/committees.js";
import { isReportingConflict } from "../../src/app/reports/reporting-support.js";
import { isAppError } from "../../src/errors.js";
import { DIALECTS } from "../support/database.js";
import {
  createDraftReport,
  KLEVE,
  NO_MEETING_LINKS,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";
import { rejectionOf } from "../support/failure.js";

function problemsOf(error: unknown) {
  return isAppError(error, "ERR_VALIDATION") ? error.problems : error;
}

const AGENDA = {
  agendaItemNumber: "5.1",
  agendaItemTitle: "Sachstand Digitalisierung",
  paperReference: "A 10/185/2022",
  presenters: [
    { name: "Dana Beispiel", function: "Chief Digital Officer" },
    { name: "Jo Muster", function: "" },
  ],
  minutes: [
    {
      question: "Wann ist die E-Akte überall eingeführt?",
      answer: "Bis Ende 2024 in allen Fachbereichen.",
    },
  ],
};

describe.each(DIALECTS)("bodies on %s", (dialect) => {
  let f: ReportingFixture;

  beforeEach(async () => {
    f = await openReportingFixture(dialect);
  });
  afterEach(async () => {
    await f?.t.close();
  });

  async function advisoryBoardWithTenMembers(): Promise<number> {
    const { id } = await createCommittee(f.ctx, f.admin, {
      municipality: KLEVE,
      data: {
        name: "Digitalbeirat",
        abbreviation: "DB",
        kind: "advisory_board",
      },
    });
    for (let index = 1; index <= 10; index += 1)
      await addMember(f.ctx, f.admin, {
        municipality: KLEVE,
        bodyId: id,
        data: {
          name: `Mitglied ${index}`,
          group: index % 2 === 0 ? "Bürgerschaft" : "Wirtschaft",
          role: index === 1 ? "Vorsitz" : null,
          // Five public, five not: the odd ones are left to the default.
          ...(index % 2 === 0 ? { isPublic: true } : {}),
        },
      });
    return id;
  }

  it("keeps Kleve's committees as Ausschüsse and gives a new body its kind", async () => {
    const bodyId = await advisoryBoardWithTenMembers();
    const { committees, members } = await readCommitteesAndMeetings(
      f.ctx,
      f.admin.municipalityId!,
    );
    expect(committees.find((each) => each.id === f.committeeId)?.kind).toBe(
      "committee",
    );
    expect(committees.find((each) => each.id === bodyId)?.kind).toBe(
      "advisory_board",
    );
    const own = members.filter((member) => member.bodyId === bodyId);
    expect(own).toHaveLength(10);
    expect(own.filter((member) => member.isPublic)).toHaveLength(5);
    expect(own[0]).toMatchObject({ name: "Mitglied 1", isPublic: false });
  });

  it("lets the public read only the public members", async () => {
    await advisoryBoardWithTenMembers();
    const { members } = await getPublicBodies(f.ctx, KLEVE);
    expect(members.map((member) => member.name)).toEqual([
      "Mitglied 2",
      "Mitglied 4",
      "Mitglied 6",
      "Mitglied 8",
      "Mitglied 10",
    ]);
  });

  it("changes and removes a member, logs each step, and refuses a stale form", async () => {
    const bodyId = await advisoryBoardWithTenMembers();
    const { id } = await addMember(f.ctx, f.admin, {
      municipality: KLEVE,
      bodyId,
      data: { name: "Erika Neu", isPublic: false },
    });
    const { version } = await updateMember(f.ctx, f.admin, {
      municipality: KLEVE,
      memberId: id,
      expectedVersion: 1,
      data: { name: "Erika Neu", group: "Verwaltung", isPublic: true },
      reason: "Zustimmung liegt vor",
    });
    expect(version).toBe(2);
    const stale = await rejectionOf(
      updateMember(f.ctx, f.admin, {
        municipality: KLEVE,
        memberId: id,
        expectedVersion: 1,
        data: { name: "Erika Alt", isPublic: false },
      }),
    );
    expect(
      isReportingConflict(stale) && stale.changes.map((each) => each.reason),
    ).toEqual(["Zustimmung liegt vor"]);
    const staleRemoval = await rejectionOf(
      removeMember(f.ctx, f.admin, {
        municipality: KLEVE,
        memberId: id,
        expectedVersion: 1,
      }),
    );
    expect(isAppError(staleRemoval, "ERR_CONFLICT")).toBe(true);
    await removeMember(f.ctx, f.admin, {
      municipality: KLEVE,
      memberId: id,
      expectedVersion: 2,
    });
    const { members } = await readCommitteesAndMeetings(
      f.ctx,
      f.admin.municipalityId!,
    );
    expect(members.some((member) => member.id === id)).toBe(false);
    const events = await readAuditEvents(f.ctx, {
      municipalityId: f.admin.municipalityId!,
      entityType: "body_member",
      entityId: String(id),
      limit: 10,
    });
    expect(events.map((event) => event.action)).toEqual([
      "body_member.delete",
      "body_member.update",
      "body_member.create",
    ]);
  });

  it("refuses an empty name, a TOP number too long and an empty question, changing nothing", async () => {
    const bodyId = await advisoryBoardWithTenMembers();
    expect(
      problemsOf(
        await rejectionOf(
          addMember(f.ctx, f.admin, {
            municipality: KLEVE,
            bodyId,
            data: { name: "   ", isPublic: true },
          }),
        ),
      ),
    ).toEqual([{ path: "/data/name", message: "darf nicht leer sein" }]);
    expect(
      problemsOf(
        await rejectionOf(
          updateMeeting(f.ctx, f.admin, {
            municipality: KLEVE,
            meetingId: f.meetingId,
            expectedVersion: 1,
            data: {
              committeeId: f.committeeId,
              day: "2023-03-14",
              ...NO_MEETING_LINKS,
              ...AGENDA,
              agendaItemNumber: "TOP 5.1 öffentlicher Teil, Punkt a",
            },
          }),
        ),
      ),
    ).toEqual([
      {
        path: "/data/agendaItemNumber",
        message: "darf höchstens 20 Zeichen lang sein",
      },
    ]);
    expect(
      problemsOf(
        await rejectionOf(
          updateMeeting(f.ctx, f.admin, {
            municipality: KLEVE,
            meetingId: f.meetingId,
            expectedVersion: 1,
            data: {
              committeeId: f.committeeId,
              day: "2023-03-14",
              ...NO_MEETING_LINKS,
              ...AGENDA,
              minutes: [{ question: "  ", answer: "Ja." }],
            },
          }),
        ),
      ),
    ).toEqual([
      { path: "/data/minutes/0/question", message: "darf nicht leer sein" },
    ]);
    const { members, meetings } = await readCommitteesAndMeetings(
      f.ctx,
      f.admin.municipalityId!,
    );
    expect(members.filter((member) => member.bodyId === bodyId)).toHaveLength(
      10,
    );
    expect(meetings.find((each) => each.id === f.meetingId)).toMatchObject({
      version: 1,
      agendaItemNumber: null,
      minutes: [],
    });
  });

  it("records a meeting's agenda item, paper reference, presenters and questions, and keeps them when a change leaves them out", async () => {
    await updateMeeting(f.ctx, f.admin, {
      municipality: KLEVE,
      meetingId: f.meetingId,
      expectedVersion: 1,
      data: {
        committeeId: f.committeeId,
        day: "2023-03-14",
        ...NO_MEETING_LINKS,
        ...AGENDA,
      },
    });
    await updateMeeting(f.ctx, f.admin, {
      municipality: KLEVE,
      meetingId: f.meetingId,
      expectedVersion: 2,
      data: {
        committeeId: f.committeeId,
        day: "2023-03-14",
        ...NO_MEETING_LINKS,
        title: "Öffentliche Sitzung",
      },
    });
    const { meetings } = await getPublicBodies(f.ctx, KLEVE);
    expect(meetings.find((each) => each.id === f.meetingId)).toMatchObject({
      title: "Öffentliche Sitzung",
      ...AGENDA,
    });
    const stale = await rejectionOf(
      updateMeeting(f.ctx, f.admin, {
        municipality: KLEVE,
        meetingId: f.meetingId,
        expectedVersion: 2,
        data: {
          committeeId: f.committeeId,
          day: "2023-03-14",
          ...NO_MEETING_LINKS,
        },
      }),
    );
    expect(isAppError(stale, "ERR_CONFLICT")).toBe(true);
  });

  it("removes a meeting without a report, and refuses one with a report", async () => {
    const { id } = await createMeeting(f.ctx, f.admin, {
      municipality: KLEVE,
      data: {
        committeeId: f.committeeId,
        day: "2023-06-20",
        ...NO_MEETING_LINKS,
      },
    });
    await removeMeeting(f.ctx, f.admin, {
      municipality: KLEVE,
      meetingId: id,
      expectedVersion: 1,
    });
    await createDraftReport(f, "2023-02-28");
    const refused = await rejectionOf(
      removeMeeting(f.ctx, f.admin, {
        municipality: KLEVE,
        meetingId: f.meetingId,
        expectedVersion: 1,
      }),
    );
    expect(problemsOf(refused)).toEqual([
      {
        path: "/meetingId",
        message:
          "Zu dieser Sitzung gibt es einen Bericht; sie lässt sich daher nicht entfernen.",
      },
    ]);
    const { meetings } = await readCommitteesAndMeetings(
      f.ctx,
      f.admin.municipalityId!,
    );
    expect(meetings.map((each) => each.id)).toEqual([f.meetingId]);
  });

  it("lets only administrators change a body's kind or members", async () => {
    const refused = await rejectionOf(
      addMember(f.ctx, f.editor, {
        municipality: KLEVE,
        bodyId: f.committeeId,
        data: { name: "Max", isPublic: true },
      }),
    );
    expect(isAppError(refused, "ERR_FORBIDDEN")).toBe(true);
    const kindRefused = await rejectionOf(
      updateCommittee(f.ctx, f.editor, {
        municipality: KLEVE,
        committeeId: f.committeeId,
        expectedVersion: 1,
        data: {
          name: "Ausschuss für Digitalisierung",
          abbreviation: "APD",
          kind: "working_group",
        },
      }),
    );
    expect(isAppError(kindRefused, "ERR_FORBIDDEN")).toBe(true);
  });

  it("carries kinds, members with their flag and meeting details through JSON export and import", async () => {
    await advisoryBoardWithTenMembers();
    await updateMeeting(f.ctx, f.admin, {
      municipality: KLEVE,
      meetingId: f.meetingId,
      expectedVersion: 1,
      data: {
        committeeId: f.committeeId,
        day: "2023-03-14",
        ...NO_MEETING_LINKS,
        oparlAgendaItemUrl: "https://oparl.example/agendaitem/7",
        ...AGENDA,
      },
    });
    const exported = await exportCatalogue(f.ctx, KLEVE);
    const board = exported.bodies?.find((body) => body.abbreviation === "DB");
    expect(board).toMatchObject({ kind: "advisory_board" });
    expect(board?.members?.filter((member) => member.public)).toHaveLength(5);
    expect(
      exported.bodies?.find((body) => body.abbreviation === "APD")
        ?.meetings?.[0],
    ).toMatchObject({
      date: "2023-03-14",
      agendaItem: { number: "5.1", title: "Sachstand Digitalisierung" },
      paperReference: "A 10/185/2022",
      oparl: { agendaItem: "https://oparl.example/agendaitem/7" },
      presenters: [
        { name: "Dana Beispiel", function: "Chief Digital Officer" },
        { name: "Jo Muster" },
      ],
    });

    // Into a new municipality, and back out: the same bodies.
    const copy = {
      ...exported,
      municipality: { ...exported.municipality, slug: "kleve-kopie" },
    };
    await importCatalogue(f.ctx, copy, { source: "test" });
    const again = await exportCatalogue(f.ctx, "kleve-kopie");
    expect(again.bodies).toEqual(exported.bodies);

    // Into itself: nothing doubles, and a changed member list is taken over exactly.
    const changed = {
      ...copy,
      bodies: copy.bodies?.map((body) =>
        body.abbreviation === "DB"
          ? { ...body, members: body.members?.slice(0, 3) }
          : body,
      ),
    };
    await importCatalogue(f.ctx, changed, { source: "test", replace: true });
    const third = await exportCatalogue(f.ctx, "kleve-kopie");
    expect(third.bodies).toEqual(changed.bodies);
  });

  it("refuses a file with one abbreviation twice, importing nothing", async () => {
    const exported = await exportCatalogue(f.ctx, KLEVE);
    const apd = exported.bodies?.[0];
    const error = await rejectionOf(
      importCatalogue(
        f.ctx,
        {
          ...exported,
          municipality: { ...exported.municipality, slug: "kleve-doppelt" },
          bodies: [apd, { ...apd, name: "Noch einmal" }],
        },
        { source: "test" },
      ),
    );
    expect(isAppError(error, "ERR_IMPORT_INVALID") && error.problems).toEqual([
      {
        path: "/bodies/1/abbreviation",
        message: "Das Kürzel „APD“ kommt mehrfach vor.",
      },
    ]);
    await expect(exportCatalogue(f.ctx, "kleve-doppelt")).rejects.toThrow();
  });
});
