/**
 * Service records for the register tests: `buildService(overrides)` and `day(…)`.
 * LeiKa keys here are synthetic (99 followed by a running number), not real catalogue
 * entries: the domain checks the key's structure only.
 */
import { dayNumberOf } from "../../../../src/domain/calendar/calendar.js";
import type { Service } from "../../../../src/domain/service/service.js";

let nextKey = 1;

/** A fresh, well-formed synthetic LeiKa key ("99000000000001", …). */
export function nextLeikaKey(): string {
  const key = `99${String(nextKey).padStart(12, "0")}`;
  nextKey += 1;
  return key;
}

/** A day number from a calendar date. */
export function day(year: number, month: number, dayOfMonth: number): number {
  return dayNumberOf(year, month, dayOfMonth);
}

/** A planned, locally responsible service with nothing online yet, valid forever. */
export function buildService(overrides: Partial<Service> = {}): Service {
  return {
    leikaKey: nextLeikaKey(),
    kind: "ozg-service",
    name: "Anmeldung einer Wohnung",
    topic: "Umzug",
    isResponsibleLocally: true,
    channel: null,
    isFrontEndOnline: false,
    isBackEndConnected: false,
    hasEPayment: false,
    hasEId: false,
    onlineApplications: 0,
    maturity: null,
    status: "planned",
    url: null,
    validFrom: null,
    validUntil: null,
    ...overrides,
  };
}

/** A service online in its own development, with one application form. */
export function buildOnlineService(overrides: Partial<Service> = {}): Service {
  return buildService({
    channel: "own-development",
    isFrontEndOnline: true,
    onlineApplications: 1,
    status: "online",
    url: "https://www.kleve.de/serviceportal/leistung",
    maturity: { modelVersion: "1.1", level: 2 },
    ...overrides,
  });
}
