/**
 * What the public may read beyond the catalogue and its editions: the committees and their
 * meetings, and the OZG service register as it stood on a day with its figures. Of the
 * bodies' members only those chosen to be public are ever read here; the register is public
 * like the figures a published report shows of it.
 */
import {
  listCommittees,
  listMeetings,
  listMembers,
  listReports,
  type StoredCommittee,
  type StoredMeeting,
} from "../../db/report.repository.js";
import { publicMembers, type BodyMember } from "../../domain/body/body.js";
import { listServices } from "../../db/service.repository.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import {
  dayNumberOf,
  isValidCalendarDate,
} from "../../domain/calendar/calendar.js";
import {
  aggregateOzgFigures,
  type OzgFigures,
} from "../../domain/service/ozg-figures.js";
import { registerOn, type Service } from "../../domain/service/service.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import { requireMunicipality } from "../reports/reporting-support.js";

/** A meeting with the published reports made for it. */
export interface PublicMeeting extends StoredMeeting {
  /** Ids of the published reports for this meeting. */
  readonly reportIds: readonly number[];
}

/** The bodies (committees) of a municipality and their meetings. */
export interface PublicBodies {
  readonly municipality: Municipality;
  readonly committees: readonly StoredCommittee[];
  /** Only the members whose names may be public. */
  readonly members: readonly BodyMember[];
  /** Every meeting, the earliest first. */
  readonly meetings: readonly PublicMeeting[];
}

/** The committees and meetings of a municipality; throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function getPublicBodies(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<PublicBodies> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const [committees, meetings, reports, members] = await Promise.all([
    listCommittees(ctx.db, municipality.id),
    listMeetings(ctx.db, municipality.id),
    listReports(ctx.db, municipality.id),
    listMembers(ctx.db, municipality.id),
  ]);
  const published = reports.filter((report) => report.status === "published");
  return {
    municipality,
    committees,
    members: publicMembers(members),
    meetings: [...meetings]
      .sort((a, b) => a.day - b.day || a.id - b.id)
      .map((meeting) => ({
        ...meeting,
        reportIds: published
          .filter((report) => report.meetingId === meeting.id)
          .map((report) => report.id),
      })),
  };
}

/** The register as it stood on a day. */
export interface PublicRegister {
  readonly municipality: Municipality;
  readonly day: number;
  /** The records valid on the day, one per service, in register order. */
  readonly services: readonly Service[];
  readonly figures: OzgFigures;
}

/** The OZG register of a municipality on `day` (a day number); throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function getPublicRegister(
  ctx: AppContext,
  municipalitySlug: string,
  day: number,
): Promise<PublicRegister> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const services = (await listServices(ctx.db, municipality.id)).map(
    (each) => each.service,
  );
  return {
    municipality,
    day,
    services: registerOn(services, day),
    figures: aggregateOzgFigures(services, day),
  };
}

/** Every record of the register, all validity spans (for downloads). */
export async function getRegisterHistory(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<readonly Service[]> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  return (await listServices(ctx.db, municipality.id)).map(
    (each) => each.service,
  );
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of a `stand` parameter ("2022-11-28"); ERR_STAND_INVALID for anything
 * else, including dates that do not exist (2023-02-30).
 */
export function parseStand(text: string): number {
  const match = ISO_DAY.exec(text);
  const [year, month, day] =
    match === null
      ? [NaN, NaN, NaN]
      : [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidCalendarDate(year, month, day)) {
    throw new AppError("ERR_STAND_INVALID", {
      detail: `„${text.slice(0, 40)}“ ist kein Datum der Form JJJJ-MM-TT.`,
    });
  }
  return dayNumberOf(year, month, day);
}
