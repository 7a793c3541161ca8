/**
 * A service register built so that, as of 28.11.2022, it gives exactly the OZG figures
 * of Kleve's status report to the APD of 29.11.2022 (seed 002):
 *
 * - 107 services defined, 44 implemented: 19 with front end and back end, 25 front end only
 * - 3 with e-payment, 14 with eID
 * - 14 via state or federal portals (here: 3 state portal, 5 Bundesportal/EfA and the
 *   6 services "über Fachportale", which are state portals too), 22 own development,
 *   8 via KRZN (the regional IT provider)
 * - 107 counted as a municipality counts its list: 16 of them are services for which
 *   Kleve is not responsible ("davon nicht zuständig")
 * - 86 online applications: 60 for the 44 services, and 26 further online applications
 *   of other authorities offered on kleve.de (entries of kind "online-application")
 *
 * The slide "Umsetzungstand November 2022" says 18 services (25 forms) were built in own
 * development and 6 services (13 forms) went online via specialist portals after August
 * 2022; the register dates those go-lives between September and November. The dates,
 * names and the split of flags within each group are a reconstruction, not Kleve data.
 * Besides, one service goes online on 01.12.2022 (after the as-of date), one is recorded
 * only from 2023, and two are discontinued: none of them may change the 2022 figures.
 */
import type { Service } from "../../../../src/domain/service/service.js";
import { buildService, day, nextLeikaKey } from "./factory.js";

/** The as-of date of the report (Stand: 28.11.2022). */
export const KLEVE_AS_OF = day(2022, 11, 28);

/** The as-of date of the previous report (23.08.2022). */
export const KLEVE_PREVIOUS_AS_OF = day(2022, 8, 23);

/** The day the late service goes online, after the report. */
export const LATE_GO_LIVE = day(2022, 12, 1);

type Overrides = Partial<Service>;

function several(
  count: number,
  overrides: (index: number) => Overrides,
): Service[] {
  return Array.from({ length: count }, (_, index) =>
    buildService(overrides(index)),
  );
}

/** An online record, and before it an in-progress record of the same key that ends the day before. */
function wentOnline(goLive: number, online: Overrides): Service[] {
  const leikaKey = nextLeikaKey();
  return [
    buildService({
      leikaKey,
      name: online.name ?? "Leistung in Eigenentwicklung",
      status: "in-progress",
      maturity: { modelVersion: "1.1", level: 1 },
      validUntil: goLive - 1,
    }),
    buildService({ ...online, leikaKey, validFrom: goLive }),
  ];
}

const online = (overrides: Overrides): Overrides => ({
  isFrontEndOnline: true,
  status: "online",
  url: "https://www.kleve.de/serviceportal",
  onlineApplications: 1,
  ...overrides,
});

/** Builds Kleve's register (fresh LeiKa keys on every call). */
export function kleveRegister(): readonly Service[] {
  const krzn = several(8, (i) =>
    online({
      name: `KRZN-Leistung ${i + 1}`,
      channel: "regional-it-provider",
      isBackEndConnected: true,
      hasEId: i < 4,
      maturity: { modelVersion: "1.1", level: 3 },
    }),
  );
  const federal = several(5, (i) =>
    online({
      name: `EfA-Leistung ${i + 1}`,
      channel: "federal-efa",
      isBackEndConnected: true,
      hasEId: true,
      maturity: { modelVersion: "1.1", level: 3 },
    }),
  );
  const statePortal = several(3, (i) =>
    online({
      name: `Landesportal-Leistung ${i + 1}`,
      channel: "state-portal",
      isBackEndConnected: true,
      hasEId: true,
      onlineApplications: i < 2 ? 2 : 1,
      maturity: { modelVersion: "1.1", level: 3 },
    }),
  );
  // 6 services with 13 forms via specialist portals, online since 15.09.2022.
  const specialist = Array.from({ length: 6 }, (_, i) =>
    wentOnline(
      day(2022, 9, 15),
      online({
        name: `Fachportal-Leistung ${i + 1}`,
        channel: "specialist-portal",
        isBackEndConnected: i === 0,
        hasEId: i < 2,
        onlineApplications: i === 0 ? 3 : 2,
        maturity: { modelVersion: "1.1", level: 2 },
      }),
    ),
  ).flat();
  // 4 own developments from before August 2022 (4 forms), 3 of them with e-payment …
  const ownEarly = several(4, (i) =>
    online({
      name: `Eigenentwicklung ${i + 1}`,
      channel: "own-development",
      isBackEndConnected: i < 2,
      hasEPayment: i < 3,
      maturity: { modelVersion: "1.1", level: 2 },
    }),
  );
  // … and 18 built since (25 forms), going online from September to November 2022.
  const ownLate = Array.from({ length: 18 }, (_, i) =>
    wentOnline(
      day(2022, 9 + (i % 3), 1 + i),
      online({
        name: `Eigenentwicklung ${i + 5}`,
        channel: "own-development",
        onlineApplications: i < 7 ? 2 : 1,
        maturity: { modelVersion: "1.1", level: 2 },
      }),
    ),
  ).flat();

  // 63 defined services not online yet: 40 planned, 23 in progress (one of which goes
  // online after the report); 30 of them have information online (level 1).
  // The first 16 planned ones are services of another authority ("nicht zuständig").
  const planned = several(40, (i) => ({
    name: `Geplante Leistung ${i + 1}`,
    isResponsibleLocally: i >= 16,
    maturity: i < 30 ? { modelVersion: "1.1", level: 1 } : null,
  }));
  const inProgress = several(22, (i) => ({
    name: `Leistung in Umsetzung ${i + 1}`,
    status: "in-progress",
  }));
  const goesOnlineInDecember = wentOnline(
    LATE_GO_LIVE,
    online({
      name: "Hundesteuer An- und Abmeldung",
      channel: "own-development",
    }),
  );

  // 16 further online applications of other authorities: 26 forms offered on kleve.de.
  const otherAuthorities = several(16, (i) =>
    online({
      kind: "online-application",
      name: `Online-Antrag in anderer Zuständigkeit ${i + 1}`,
      isResponsibleLocally: false,
      channel: i < 8 ? "state-portal" : "federal-efa",
      url: null,
      onlineApplications: i < 10 ? 2 : 1,
    }),
  );

  const discontinued = several(2, (i) => ({
    name: `Eingestellte Leistung ${i + 1}`,
    status: "discontinued",
  }));
  const recordedIn2023 = [
    buildService({
      name: "Neu erfasste Leistung",
      validFrom: day(2023, 1, 10),
    }),
  ];

  return [
    ...krzn,
    ...federal,
    ...statePortal,
    ...specialist,
    ...ownEarly,
    ...ownLate,
    ...planned,
    ...inProgress,
    ...goesOnlineInDecember,
    ...otherAuthorities,
    ...discontinued,
    ...recordedIn2023,
  ];
}
