/**
 * The OZG figures of a status report, computed from the service register as it stood on
 * the report's as-of date, so that nobody counts them by hand.
 *
 * What counts where (decisions, so the report's lines add up):
 * - Only records valid on the as-of date count (`registerOn`).
 * - "Defined" are the services the municipality is responsible for that are not
 *   discontinued. Discontinued services count only in `byStatus`; services of another
 *   authority only in `notResponsibleLocally` and in the online applications.
 * - "Implemented" are defined services whose front end is online; they split exactly into
 *   "front end and back end" and "front end only". E-payment, eID and channels are
 *   counted among implemented services, as the report says "online – E-Payment".
 * - Online applications count every form offered online, including those of services of
 *   another authority (Kleve 2022: 60 for its 44 services plus 26 others = 86).
 * - Maturity is distributed over defined services, separately per model version.
 */
import {
  MATURITY_MAX_LEVEL,
  MATURITY_MODEL_VERSIONS,
  SERVICE_CHANNELS,
  SERVICE_STATUSES,
  registerOn,
} from "./service.js";
import type {
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
  /** All online application forms offered. */
  readonly onlineApplications: number;
  /** Forms of implemented (defined) services. */
  readonly onlineApplicationsOfImplemented: number;
  /** Forms of services of another authority. */
  readonly onlineApplicationsOther: number;
  /** Services of another authority that are not discontinued. */
  readonly notResponsibleLocally: number;
  /** Services the municipality is responsible for, per status (discontinued included). */
  readonly byStatus: Readonly<Record<ServiceStatus, number>>;
  /** One distribution per model version, oldest model first. */
  readonly maturity: readonly MaturityDistribution[];
  /** Defined services without a maturity assessment. */
  readonly maturityNotAssessed: number;
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

/** Aggregates the register as it stood on `asOf` (a day number) into the report's figures. */
export function aggregateOzgFigures(
  services: readonly Service[],
  asOf: number,
): OzgFigures {
  const current = registerOn(services, asOf);
  const local = current.filter((service) => service.isResponsibleLocally);
  const defined = local.filter((service) => service.status !== "discontinued");
  const implemented = defined.filter((service) => service.isFrontEndOnline);
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

  const byStatus = countBy(SERVICE_STATUSES);
  for (const service of local) {
    if (byStatus[service.status] !== undefined) byStatus[service.status] += 1;
  }

  const withFrontEndAndBackEnd = implemented.filter(
    (s) => s.isBackEndConnected,
  ).length;
  const onlineApplications = sumApplications(offered);
  const onlineApplicationsOfImplemented = sumApplications(implemented);
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
    onlineApplications,
    onlineApplicationsOfImplemented,
    onlineApplicationsOther:
      onlineApplications - onlineApplicationsOfImplemented,
    notResponsibleLocally: current.filter(
      (s) => !s.isResponsibleLocally && s.status !== "discontinued",
    ).length,
    byStatus,
    maturity,
    maturityNotAssessed: notAssessed,
  };
}
