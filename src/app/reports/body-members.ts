/**
 * The members of a body (Gremium): administrators add, change and remove them. Whether a
 * member's name may appear in public is chosen per member and is "no" unless chosen; the
 * public reads (portal, API, open data) only ever see public members (readPublicMembers).
 */
import { optionalText } from "../catalogue/edit-support.js";
import {
  deleteMemberRow,
  insertMember,
  listCommittees,
  listMembers,
  updateMemberRow,
  type MemberFields,
  type StoredCommittee,
} from "../../db/report.repository.js";
import { publicMembers, type BodyMember } from "../../domain/body/body.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import {
  AddMemberInputSchema,
  RemoveMemberInputSchema,
  UpdateMemberInputSchema,
  type MemberData,
} from "./bodies.schema.js";
import {
  reportingUseCase,
  invalid,
  StaleReportingVersion,
} from "./reporting-support.js";
import type { Executor } from "../../db/database.js";

function memberFields(data: MemberData): MemberFields {
  const name = data.name.trim();
  if (name === "") throw invalid("/data/name", "darf nicht leer sein");
  return {
    name,
    group: optionalText(data.group),
    role: optionalText(data.role),
    isPublic: data.isPublic ?? false,
  };
}

function memberLabel(body: StoredCommittee, fields: MemberFields): string {
  return `${fields.name} (${body.abbreviation})`;
}

function memberRecord(member: MemberFields): MemberFields {
  return {
    name: member.name,
    group: member.group,
    role: member.role,
    isPublic: member.isPublic,
  };
}

async function requireBody(
  db: Executor,
  municipalityId: number,
  bodyId: number,
): Promise<StoredCommittee> {
  const body = (await listCommittees(db, municipalityId)).find(
    (each) => each.id === bodyId,
  );
  if (body === undefined)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Dieses Gremium gibt es nicht.",
    });
  return body;
}

async function requireMember(
  db: Executor,
  municipalityId: number,
  memberId: number,
): Promise<{ member: BodyMember; body: StoredCommittee }> {
  const member = (await listMembers(db, municipalityId)).find(
    (each) => each.id === memberId,
  );
  if (member === undefined)
    throw new AppError("ERR_NOT_FOUND", {
      detail: "Dieses Mitglied gibt es nicht.",
    });
  return { member, body: await requireBody(db, municipalityId, member.bodyId) };
}

/** Adds a member to a body; returns its id. */
export const addMember = reportingUseCase(
  AddMemberInputSchema,
  "body_member.create",
  () => ({ entityType: "body_member" }),
  async ({ valid, change }) => {
    const fields = memberFields(valid.data);
    return change.run(async (trx) => {
      const body = await requireBody(trx, change.municipality.id, valid.bodyId);
      const id = await insertMember(trx, body.id, fields);
      return {
        value: { id },
        record: {
          entityId: id,
          entityLabel: memberLabel(body, fields),
          before: null,
          after: { bodyId: body.id, ...memberRecord(fields) },
          version: 1,
        },
      };
    });
  },
);

/** Changes a member (name, group, role, public or not). */
export const updateMember = reportingUseCase(
  UpdateMemberInputSchema,
  "body_member.update",
  (valid) => ({ entityType: "body_member", entityId: valid.memberId }),
  async ({ valid, change }) => {
    const fields = memberFields(valid.data);
    return change.run(async (trx) => {
      const { member, body } = await requireMember(
        trx,
        change.municipality.id,
        valid.memberId,
      );
      const claimed =
        member.version === valid.expectedVersion &&
        (await updateMemberRow(trx, member.id, valid.expectedVersion, fields));
      if (!claimed)
        throw new StaleReportingVersion(
          "body_member",
          member.id,
          valid.expectedVersion,
        );
      return {
        value: { version: valid.expectedVersion + 1 },
        record: {
          entityId: member.id,
          entityLabel: memberLabel(body, fields),
          before: memberRecord(member),
          after: memberRecord(fields),
          version: valid.expectedVersion + 1,
        },
      };
    });
  },
);

/** Removes a member from its body. */
export const removeMember = reportingUseCase(
  RemoveMemberInputSchema,
  "body_member.delete",
  (valid) => ({ entityType: "body_member", entityId: valid.memberId }),
  async ({ valid, change }) => {
    await change.run(async (trx) => {
      const { member, body } = await requireMember(
        trx,
        change.municipality.id,
        valid.memberId,
      );
      const removed =
        member.version === valid.expectedVersion &&
        (await deleteMemberRow(trx, member.id, valid.expectedVersion));
      if (!removed)
        throw new StaleReportingVersion(
          "body_member",
          member.id,
          valid.expectedVersion,
        );
      return {
        value: undefined,
        record: {
          entityId: member.id,
          entityLabel: memberLabel(body, member),
          before: memberRecord(member),
          after: null,
          version: valid.expectedVersion + 1,
        },
      };
    });
  },
);

/** The members the public may see, of every body of a municipality (no permission needed). */
export async function readPublicMembers(
  ctx: AppContext,
  municipalityId: number,
): Promise<readonly BodyMember[]> {
  return publicMembers(await listMembers(ctx.db, municipalityId));
}
