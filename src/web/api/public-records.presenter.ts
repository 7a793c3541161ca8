/** Bodies, meetings, published reports, key figures and the OZG register → API JSON. */
import type {
  PublicBodies,
  PublicMeeting,
} from "../../app/open-data/public-records.js";
import type { ReportSummary } from "../../app/reports/read-reports.js";
import type { StoredIndicator } from "../../app/indicators/read-indicators.js";
import { formatIsoDate } from "../../domain/calendar/calendar.js";
import {
  decimalsOf,
  formatObservationGerman,
  shareOf,
  type Indicator,
  type Observation,
} from "../../domain/indicator/indicator.js";
import type {
  ReportDocument,
  ReportFigure,
} from "../../domain/report/report-document.js";
import type { OzgFigures } from "../../domain/service/ozg-figures.js";
import type { Service } from "../../domain/service/service.js";
import { reportPaths } from "../reports/report-paths.js";
import type { BodyMember } from "../../domain/body/body.js";
import { de } from "../../i18n/de.js";
import type {
  BodyDetailDto,
  BodyDto,
  IndicatorDefinitionDto,
  IndicatorDto,
  MeetingDto,
  ObservationDto,
  OzgFiguresDto,
  ReportDetailDto,
  ReportFigureDto,
  ReportSummaryDto,
  ServiceDto,
} from "./public-records.schema.js";

/** The API path of a municipality. */
export const apiBase = (slug: string): string =>
  `/api/v1/municipalities/${encodeURIComponent(slug)}`;

/** A committee. */
export function presentBody(body: {
  readonly id: number;
  readonly name: string;
  readonly abbreviation: string;
}): BodyDto {
  return { id: body.id, name: body.name, abbreviation: body.abbreviation };
}

/** A body with its kind and the members given (callers pass only public ones). */
export function presentBodyDetail(
  body: PublicBodies["committees"][number],
  publicMembers: readonly BodyMember[],
): BodyDetailDto {
  return {
    id: body.id,
    name: body.name,
    abbreviation: body.abbreviation,
    kind: body.kind,
    kindLabel: de.bodies.kinds[body.kind],
    members: publicMembers
      .filter((member) => member.isPublic && member.bodyId === body.id)
      .map((member) => ({
        name: member.name,
        group: member.group,
        role: member.role,
      })),
  };
}

/** A meeting with its committee and published reports. */
export function presentMeeting(
  slug: string,
  meeting: PublicMeeting,
): MeetingDto {
  return {
    id: meeting.id,
    date: formatIsoDate(meeting.day),
    title: meeting.title,
    body: {
      id: meeting.committeeId,
      name: meeting.committeeName,
      abbreviation: meeting.committeeAbbreviation,
    },
    oparl: {
      meeting: meeting.oparlMeetingUrl,
      agendaItem: meeting.oparlAgendaItemUrl,
      paper: meeting.oparlPaperUrl,
    },
    agendaItem:
      meeting.agendaItemNumber === null && meeting.agendaItemTitle === null
        ? null
        : { number: meeting.agendaItemNumber, title: meeting.agendaItemTitle },
    paperReference: meeting.paperReference,
    presenters: meeting.presenters.map((presenter) => ({
      name: presenter.name,
      function: presenter.function,
    })),
    minutes: meeting.minutes.map((item) => ({
      question: item.question,
      answer: item.answer,
    })),
    reports: meeting.reportIds.map((id) => `${apiBase(slug)}/reports/${id}`),
  };
}

/** A dated value. */
export function presentObservation(
  observation: Observation,
  indicator: Indicator,
): ObservationDto {
  return {
    date: formatIsoDate(observation.day),
    value: observation.value,
    denominator: observation.denominator,
    share: shareOf(observation),
    note: observation.note,
    qualifier: observation.qualifier ?? null,
    text: formatObservationGerman(observation, indicator),
    breakdown: (observation.breakdown ?? []).map((part) => ({
      label: part.label,
      value: part.value,
    })),
  };
}

/** A figure's definition. */
export function presentDefinition(
  indicator: Indicator,
): IndicatorDefinitionDto {
  return {
    key: indicator.key,
    name: indicator.name,
    unit: indicator.unit,
    definition: indicator.definition,
    source: indicator.source,
    owner: indicator.owner,
    project: indicator.projectSlug,
    kind: indicator.kind,
    denominatorLabel: indicator.denominatorLabel,
    decimals: decimalsOf(indicator),
    target:
      indicator.target == null
        ? null
        : {
            value: indicator.target.value,
            date: formatIsoDate(indicator.target.day),
          },
  };
}

/** A figure with all its values (oldest first). */
export function presentIndicator(stored: StoredIndicator): IndicatorDto {
  const latest = stored.observations[stored.observations.length - 1] ?? null;
  return {
    definition: presentDefinition(stored.indicator),
    chartKind: stored.chartKind,
    stand: latest === null ? null : formatIsoDate(latest.day),
    latest:
      latest === null ? null : presentObservation(latest, stored.indicator),
    values: stored.observations.map((each) =>
      presentObservation(each, stored.indicator),
    ),
  };
}

/** A record of the register. */
export function presentService(service: Service): ServiceDto {
  return {
    leikaKey: service.leikaKey,
    kind: service.kind,
    name: service.name,
    topic: service.topic,
    isResponsibleLocally: service.isResponsibleLocally,
    channel: service.channel,
    isFrontEndOnline: service.isFrontEndOnline,
    isBackEndConnected: service.isBackEndConnected,
    hasEPayment: service.hasEPayment,
    hasEId: service.hasEId,
    onlineApplications: service.onlineApplications,
    maturity:
      service.maturity === null
        ? null
        : {
            modelVersion: service.maturity.modelVersion,
            level: service.maturity.level,
          },
    status: service.status,
    url: service.url,
    validFrom:
      service.validFrom === null ? null : formatIsoDate(service.validFrom),
    validUntil:
      service.validUntil === null ? null : formatIsoDate(service.validUntil),
  };
}

/** The register's figures on a day. */
export function presentOzgFigures(figures: OzgFigures): OzgFiguresDto {
  return {
    stand: formatIsoDate(figures.asOf),
    defined: figures.defined,
    implemented: figures.implemented,
    withFrontEndAndBackEnd: figures.withFrontEndAndBackEnd,
    frontEndOnly: figures.frontEndOnly,
    withEPayment: figures.withEPayment,
    withEId: figures.withEId,
    byChannel: { ...figures.byChannel },
    implementedWithoutChannel: figures.implementedWithoutChannel,
    onlineApplications: figures.onlineApplications,
    onlineApplicationsOfImplemented: figures.onlineApplicationsOfImplemented,
    onlineApplicationsOther: figures.onlineApplicationsOther,
    onlineApplicationsOtherAuthority: figures.onlineApplicationsOtherAuthority,
    onlineApplicationsBeyondOzg: figures.onlineApplicationsBeyondOzg,
    furtherApplicationEntries: figures.furtherApplicationEntries,
    byChannelGroup: figures.byChannelGroup.map((group) => ({
      label: group.label,
      channels: [...group.channels],
      count: group.count,
    })),
    notResponsibleLocally: figures.notResponsibleLocally,
    byStatus: { ...figures.byStatus },
    maturity: figures.maturity.map((each) => ({
      modelVersion: each.modelVersion,
      assessed: each.assessed,
      levels: each.levels.map((l) => ({ level: l.level, count: l.count })),
    })),
    maturityNotAssessed: figures.maturityNotAssessed,
  };
}

/** A published report in a list. */
export function presentReportSummary(
  slug: string,
  report: ReportSummary,
): ReportSummaryDto {
  return {
    id: report.id,
    number: report.number,
    title: report.title,
    stand: formatIsoDate(report.asOf),
    publishedAt: report.publishedAt ?? "",
    ...(report.recordedAt === null ? {} : { recordedAt: report.recordedAt }),
    meeting: {
      id: report.meeting.id,
      date: formatIsoDate(report.meeting.day),
      title: report.meeting.title,
      body: {
        id: report.meeting.committeeId,
        name: report.meeting.committeeName,
        abbreviation: report.meeting.committeeAbbreviation,
      },
    },
    links: {
      self: `${apiBase(slug)}/reports/${report.id}`,
      portal: reportPaths.report(slug, report),
      pdf: reportPaths.reportPdf(slug, report),
      pptx: reportPaths.reportDeck(slug, report),
    },
  };
}

function presentReportFigure(figure: ReportFigure): ReportFigureDto {
  return {
    definition: presentDefinition(figure.indicator),
    stand: formatIsoDate(figure.current.day),
    current: presentObservation(figure.current, figure.indicator),
    values: figure.observations.map((each) =>
      presentObservation(each, figure.indicator),
    ),
    change:
      figure.change === null
        ? null
        : {
            from:
              figure.change.from === null
                ? null
                : presentObservation(figure.change.from, figure.indicator),
            to:
              figure.change.to === null
                ? null
                : presentObservation(figure.change.to, figure.indicator),
            absolute: figure.change.absolute,
            relative: figure.change.relative,
            shareDifference: figure.change.shareDifference,
          },
  };
}

/** A published report in full, from its stored document. */
export function presentReportDetail(
  slug: string,
  summary: ReportSummary,
  document: ReportDocument,
): ReportDetailDto {
  return {
    report: presentReportSummary(slug, summary),
    programmeTitle: document.programmeTitle,
    meeting: {
      date: formatIsoDate(document.meeting.day),
      title: document.meeting.title,
      body: {
        name: document.meeting.committeeName,
        abbreviation: document.meeting.committeeAbbreviation,
      },
      oparl: {
        meeting: document.meeting.oparlMeetingUrl,
        agendaItem: document.meeting.oparlAgendaItemUrl,
        paper: document.meeting.oparlPaperUrl,
      },
    },
    previous:
      document.previous === null
        ? null
        : {
            id: document.previous.id,
            stand: formatIsoDate(document.previous.asOf),
            meetingDate: formatIsoDate(document.previous.meetingDay),
            self: `${apiBase(slug)}/reports/${document.previous.id}`,
          },
    statusSummary: {
      counts: document.statusSummary.counts.map((each) => ({
        status: each.status,
        count: each.count,
      })),
      withoutStatus: document.statusSummary.withoutStatus,
      total: document.statusSummary.total,
    },
    sections: document.sections.map((section) => ({
      actionField: {
        key: section.key,
        number: section.number,
        name: section.name,
        colour: section.colour,
      },
      impactArea: section.impactAreaName,
      entries: section.projects.map((entry) => ({
        project: { slug: entry.slug, code: entry.code, title: entry.title },
        status: entry.status,
        text: entry.text,
        highlights: [...entry.highlights],
        newDate: entry.newDate,
        newDateLabel: entry.newDateLabel,
        isUnchanged: entry.isUnchanged,
        changes: entry.changes.map((change) => ({
          kind: change.kind,
          text: change.text,
        })),
        figures: entry.figures.map(presentReportFigure),
      })),
    })),
    otherFigures: document.otherFigures.map(presentReportFigure),
    ozg:
      document.ozg === null
        ? null
        : {
            figures: presentOzgFigures(document.ozg.figures),
            previous:
              document.ozg.previous === null
                ? null
                : presentOzgFigures(document.ozg.previous),
          },
    outlook: document.outlook.map((item) => ({
      when: item.when,
      what: item.what,
    })),
    editions: (document.editions ?? []).map((edition) => ({
      number: edition.number,
      title: edition.title,
      publishedOn: formatIsoDate(edition.publishedOn),
    })),
  };
}
