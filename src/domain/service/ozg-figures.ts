/**
 * The OZG figures of a status report, computed from the service register as it stood on
 * the report's as-of date, so that nobody counts them by hand.
 *
 * What counts where (decisions, so the report's lines add up; ADR 0033):
 * - Only records valid on the as-of date count (`registerOn`).
 * - "Defined" are all OZG services of the register that are not discontinued — as a
 *   municipality counts its list — with those of another authority shown separately as
 *   "davon nicht zuständig" (`notResponsibleLocally`). Further online applications
 *   (kind "online-application") are no OZG services and never count here.
 * - "Implemented" are defined services the municipality is responsible for whose front
 *   end is online; they split exactly into "front end and back end" and "front end only".
 *   E-payment, eID and channels are counted among implemented services, as the report
 *   says "online – E-Payment".
 * - Online applications count every form offered online: those of implemented services,
 *   those of another authority (OZG services or further applications) and the
 *   municipality's own forms beyond the OZG (Kleve 2022: 60 for its 44 services plus 26
 *   others = 86).
 * - Channels can be reported in groups (`REPORT_CHANNEL_GROUPS`: "Landes- oder
 *   Bundesportal" …); every implemented service with a channel falls into one group.
 * - Maturity is distributed over defined services, separately per model version.
 */
import {
  MATURITY_MAX_LEVEL,
  MATURITY_MODEL_VERSIONS,
  REPORT_CHANNEL_GROUPS,
  SERVICE_CHANNELS,
  SERVICE_STATUSES,
  registerOn,
} from "./service.js";
import type {
  ChannelGroup,
  MaturityModelVersion,
  Service,
  ServiceChannel,
  ServiceStatus,
} from "./service.js";

/** How many services reached one level. */
export interface MaturityLevelCount {
  readonly level: number;
  readonly count: number;
}

/** The maturity levels of one model version, every level listed (0 up to its maximum). */
export interface MaturityDistribution {
  readonly modelVersion: MaturityModelVersion;
  readonly levels: readonly MaturityLevelCount[];
  /** Services assessed in this model version. */
  readonly assessed: number;
}

/** The figures a status report shows about the OZG implementation. */
export interface OzgFigures {
  /** The as-of date (day number) the figures describe. */
  readonly asOf: number;
  readonly defined: number;
  readonly implemented: number;
  readonly withFrontEndAndBackEnd: number;
  readonly frontEndOnly: number;
  readonly withEPayment: number;
  readonly withEId: number;
  /** Implemented services per channel. */
  readonly byChannel: Readonly<Record<ServiceChannel, number>>;
  /** Implemented services whose channel is not recorded (a register error). */
  readonly implementedWithoutChannel: number;
  /** Implemented services per group of channels, in the grouping's order. */
  readonly byChannelGroup: readonly ChannelGroupCount[];
  /** All online application forms offered ("Online-Anträge insgesamt"). */
  readonly onlineApplications: number;
  /** Forms of implemented (defined) services. */
  readonly onlineApplicationsOfImplemented: number;
  /** All other forms: `onlineApplicationsOtherAuthority + onlineApplicationsBeyondOzg`. */
  readonly onlineApplicationsOther: number;
  /** Forms of another authority offered on the portal (OZG services or further applications). */
  readonly onlineApplicationsOtherAuthority: number;
  /** The municipality's own forms that no OZG service requires (further applications). */
  readonly onlineApplicationsBeyondOzg: number;
  /** Further online applications (entries of kind "online-application") offered. */
  readonly furtherApplicationEntries: number;
  /** Defined services of another authority ("davon nicht zuständig"). */
  readonly notResponsibleLocally: number;
  /** OZG services per status (discontinued included), whoever is responsible. */
  readonly byStatus: Readonly<Record<ServiceStatus, number>>;
  /** One distribution per model version, oldest model first. */
  readonly maturity: readonly MaturityDistribution[];
  /** Defined services without a maturity assessment. */
  readonly maturityNotAssessed: number;
}

/** How many implemented services one group of channels has. */
export interface ChannelGroupCount extends ChannelGroup {
  readonly count: number;
}

function countBy<K extends string>(keys: readonly K[]): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const key of keys) counts[key] = 0;
  return counts;
}

function sumApplications(services: readonly Service[]): number {
  return services.reduce((sum, service) => sum + service.onlineApplications, 0);
}

function maturityDistributions(defined: readonly Service[]): {
  readonly maturity: readonly MaturityDistribution[];
  readonly notAssessed: number;
} {
  let notAssessed = 0;
  const maturity = MATURITY_MODEL_VERSIONS.map((modelVersion) => {
    const counts = new Array<number>(MATURITY_MAX_LEVEL[modelVersion] + 1).fill(
      0,
    );
    let assessed = 0;
    for (const service of defined) {
      const level = service.maturity?.level;
      if (
        service.maturity?.modelVersion !== modelVersion ||
        level === undefined
      )
        continue;
      // A level outside the model is a register error (validateService); leave it out
      // rather than invent a bar for it.
      if (counts[level] === undefined) continue;
      counts[level] += 1;
      assessed += 1;
    }
    return {
      modelVersion,
      levels: counts.map((count, level) => ({ level, count })),
      assessed,
    };
  });
  for (const service of defined)
    if (service.maturity === null) notAssessed += 1;
  return { maturity, notAssessed };
}

/**
 * Aggregates the register as it stood on `asOf` (a day number) into the report's figures;
 * `channelGroups` is the grouping of channels the report shows.
 */
export function aggregateOzgFigures(
  services: readonly Service[],
  asOf: number,
  channelGroups: readonly ChannelGroup[] = REPORT_CHANNEL_GROUPS,
): OzgFigures {
  const current = registerOn(services, asOf);
  const ozg = current.filter(
    (service) => service.kind !== "online-application",
  );
  const further = current.filter(
    (service) => service.kind === "online-application",
  );
  const defined = ozg.filter((service) => service.status !== "discontinued");
  const implemented = defined.filter(
    (service) => service.isResponsibleLocally && service.isFrontEndOnline,
  );
  const offered = current.filter(
    (service) => service.isFrontEndOnline && service.status !== "discontinued",
  );

  const byChannel = countBy(SERVICE_CHANNELS);
  let implementedWithoutChannel = 0;
  for (const service of implemented) {
    if (service.channel === null || byChannel[service.channel] === undefined) {
      implementedWithoutChannel += 1;
    } else {
      byChannel[service.channel] += 1;
    }
  }

  const byChannelGroup = channelGroups.map((group) => ({
    ...group,
    count: group.channels.reduce(
      (sum, channel) => sum + (byChannel[channel] ?? 0),
      0,
    ),
  }));

  const byStatus = countBy(SERVICE_STATUSES);
  for (const service of ozg) {
    if (byStatus[service.status] !== undefined) byStatus[service.status] += 1;
  }

  const withFrontEndAndBackEnd = implemented.filter(
    (s) => s.isBackEndConnected,
  ).length;
  const onlineApplications = sumApplications(offered);
  const onlineApplicationsOfImplemented = sumApplications(implemented);
  const onlineApplicationsOtherAuthority = sumApplications(
    offered.filter((service) => !service.isResponsibleLocally),
  );
  const onlineApplicationsBeyondOzg = sumApplications(
    offered.filter(
      (service) =>
        service.isResponsibleLocally && service.kind === "online-application",
    ),
  );
  const { maturity, notAssessed } = maturityDistributions(defined);

  return {
    asOf,
    defined: defined.length,
    implemented: implemented.length,
    withFrontEndAndBackEnd,
    frontEndOnly: implemented.length - withFrontEndAndBackEnd,
    withEPayment: implemented.filter((s) => s.hasEPayment).length,
    withEId: implemented.filter((s) => s.hasEId).length,
    byChannel,
    implementedWithoutChannel,
    byChannelGroup,
    onlineApplications,
    onlineApplicationsOfImplemented,
    onlineApplicationsOther:
      onlineApplications - onlineApplicationsOfImplemented,
    onlineApplicationsOtherAuthority,
    onlineApplicationsBeyondOzg,
    furtherApplicationEntries: further.filter(
      (s) => s.isFrontEndOnline && s.status !== "discontinued",
    ).length,
    notResponsibleLocally: defined.filter((s) => !s.isResponsibleLocally)
      .length,
    byStatus,
    maturity,
    maturityNotAssessed: notAssessed,
  };
}

/** Figures as documents published before ADR 0033 stored them (without the newer lines). */
export type StoredOzgFigures = Omit<
  OzgFigures,
  | "byChannelGroup"
  | "onlineApplicationsOtherAuthority"
  | "onlineApplicationsBeyondOzg"
  | "furtherApplicationEntries"
> &
  Partial<OzgFigures>;

/**
 * Completes figures read from a stored (published) document: a document published
 * before ADR 0033 knows no channel groups and counted all other forms as forms of other
 * authorities. Its published numbers stay as they were; only the missing lines are
 * derived from them.
 */
export function completeStoredOzgFigures(
  stored: StoredOzgFigures,
  channelGroups: readonly ChannelGroup[] = REPORT_CHANNEL_GROUPS,
): OzgFigures {
  return {
    ...stored,
    byChannelGroup:
      stored.byChannelGroup ??
      channelGroups.map((group) => ({
        ...group,
        count: group.channels.reduce(
          (sum, channel) => sum + (stored.byChannel[channel] ?? 0),
          0,
        ),
      })),
    onlineApplicationsOtherAuthority:
      stored.onlineApplicationsOtherAuthority ?? stored.onlineApplicationsOther,
    onlineApplicationsBeyondOzg: stored.onlineApplicationsBeyondOzg ?? 0,
    furtherApplicationEntries: stored.furtherApplicationEntries ?? 0,
  };
}
