import { describe, expect, it } from "vitest";

import { aggregateOzgFigures } from "../../../../src/domain/service/ozg-figures.js";
import { buildOnlineService, buildService, day } from "./factory.js";
import {
  KLEVE_AS_OF,
  KLEVE_PREVIOUS_AS_OF,
  LATE_GO_LIVE,
  kleveRegister,
} from "./kleve-register.js";

describe("aggregateOzgFigures for Kleve as of 28.11.2022", () => {
  const figures = aggregateOzgFigures(kleveRegister(), KLEVE_AS_OF);

  it("keeps the as-of date it describes", () => {
    expect(figures.asOf).toBe(KLEVE_AS_OF);
  });

  it("counts 107 services defined for Kleve", () => {
    expect(figures.defined).toBe(107);
  });

  it("counts 44 services implemented", () => {
    expect(figures.implemented).toBe(44);
  });

  it("counts 19 with front end and back end", () => {
    expect(figures.withFrontEndAndBackEnd).toBe(19);
  });

  it("counts 25 with front end only", () => {
    expect(figures.frontEndOnly).toBe(25);
  });

  it("splits the implemented services exactly into both kinds", () => {
    expect(figures.withFrontEndAndBackEnd + figures.frontEndOnly).toBe(
      figures.implemented,
    );
  });

  it("counts 3 online with e-payment", () => {
    expect(figures.withEPayment).toBe(3);
  });

  it("counts 14 online with eID", () => {
    expect(figures.withEId).toBe(14);
  });

  it("counts 22 in own development and 8 via the regional IT provider (KRZN)", () => {
    expect(figures.byChannel["own-development"]).toBe(22);
    expect(figures.byChannel["regional-it-provider"]).toBe(8);
  });

  it("counts 14 via state or federal portals, specialist portals included", () => {
    const { byChannel } = figures;
    expect(
      byChannel["state-portal"] +
        byChannel["federal-efa"] +
        byChannel["specialist-portal"],
    ).toBe(14);
    expect(byChannel["specialist-portal"]).toBe(6);
  });

  it("assigns every implemented service to a channel", () => {
    const sum = Object.values(figures.byChannel).reduce((a, b) => a + b, 0);
    expect(figures.implementedWithoutChannel).toBe(0);
    expect(sum).toBe(44);
  });

  it("counts 86 online applications: 60 for the 44 services and 26 others", () => {
    expect(figures.onlineApplications).toBe(86);
    expect(figures.onlineApplicationsOfImplemented).toBe(60);
    expect(figures.onlineApplicationsOther).toBe(26);
  });

  it("counts 16 services Kleve is not responsible for", () => {
    expect(figures.notResponsibleLocally).toBe(16);
  });

  it("counts the local services per status, discontinued ones included", () => {
    expect(figures.byStatus).toEqual({
      planned: 40,
      "in-progress": 23,
      online: 44,
      discontinued: 2,
    });
  });

  it("distributes the maturity of model 1.1 over all its levels", () => {
    expect(figures.maturity[0]).toEqual({
      modelVersion: "1.1",
      levels: [
        { level: 0, count: 0 },
        { level: 1, count: 31 },
        { level: 2, count: 28 },
        { level: 3, count: 16 },
        { level: 4, count: 0 },
      ],
      assessed: 75,
    });
  });

  it("lists model 2.0 with eight empty levels when nothing was measured in it", () => {
    expect(figures.maturity[1]?.modelVersion).toBe("2.0");
    expect(figures.maturity[1]?.levels).toHaveLength(8);
    expect(figures.maturity[1]?.assessed).toBe(0);
  });

  it("counts defined services without a maturity assessment", () => {
    expect(figures.maturityNotAssessed).toBe(32);
  });
});

describe("aggregateOzgFigures over time", () => {
  const register = kleveRegister();

  it("does not count a go-live after the as-of date", () => {
    expect(aggregateOzgFigures(register, LATE_GO_LIVE - 1).implemented).toBe(
      44,
    );
    expect(aggregateOzgFigures(register, LATE_GO_LIVE).implemented).toBe(45);
  });

  it("shows fewer implemented services at the previous report of 23.08.2022", () => {
    const previous = aggregateOzgFigures(register, KLEVE_PREVIOUS_AS_OF);
    expect(previous.implemented).toBe(20);
    expect(previous.byChannel["own-development"]).toBe(4);
    expect(previous.byChannel["specialist-portal"]).toBe(0);
  });

  it("keeps the number defined when services go online", () => {
    expect(aggregateOzgFigures(register, KLEVE_PREVIOUS_AS_OF).defined).toBe(
      107,
    );
  });

  it("counts a service only from the day it was recorded", () => {
    expect(aggregateOzgFigures(register, day(2023, 1, 10)).defined).toBe(108);
  });
});

describe("aggregateOzgFigures rules", () => {
  const asOf = day(2022, 11, 28);

  it("gives zeros for an empty register", () => {
    const figures = aggregateOzgFigures([], asOf);
    expect(figures.defined).toBe(0);
    expect(figures.onlineApplications).toBe(0);
    expect(figures.maturity.map((m) => m.levels.length)).toEqual([5, 8]);
  });

  it("leaves a discontinued service out of the defined services", () => {
    const figures = aggregateOzgFigures(
      [buildService({ status: "discontinued" })],
      asOf,
    );
    expect(figures.defined).toBe(0);
    expect(figures.byStatus.discontinued).toBe(1);
  });

  it("counts a service of another authority as defined, not implemented, and names it separately", () => {
    const figures = aggregateOzgFigures(
      [
        buildOnlineService({
          isResponsibleLocally: false,
          onlineApplications: 3,
        }),
      ],
      asOf,
    );
    expect(figures.defined).toBe(1);
    expect(figures.implemented).toBe(0);
    expect(figures.notResponsibleLocally).toBe(1);
    expect(figures.onlineApplications).toBe(3);
    expect(figures.onlineApplicationsOtherAuthority).toBe(3);
  });

  it("counts e-payment and eID only among implemented services", () => {
    const figures = aggregateOzgFigures(
      [
        buildOnlineService({
          isResponsibleLocally: false,
          hasEPayment: true,
          hasEId: true,
        }),
      ],
      asOf,
    );
    expect(figures.withEPayment).toBe(0);
    expect(figures.withEId).toBe(0);
  });

  it("keeps the maturity models apart", () => {
    const figures = aggregateOzgFigures(
      [
        buildService({ maturity: { modelVersion: "1.1", level: 4 } }),
        buildService({ maturity: { modelVersion: "2.0", level: 4 } }),
        buildService({ maturity: { modelVersion: "2.0", level: 7 } }),
      ],
      asOf,
    );
    expect(figures.maturity[0]?.levels[4]?.count).toBe(1);
    expect(figures.maturity[1]?.levels[4]?.count).toBe(1);
    expect(figures.maturity[1]?.levels[7]?.count).toBe(1);
    expect(figures.maturity[1]?.assessed).toBe(2);
  });

  it("leaves a level outside its model out of the distribution", () => {
    const figures = aggregateOzgFigures(
      [buildService({ maturity: { modelVersion: "1.1", level: 6 } })],
      asOf,
    );
    expect(figures.maturity[0]?.assessed).toBe(0);
  });

  it("counts an implemented service without channel separately", () => {
    const figures = aggregateOzgFigures(
      [buildOnlineService({ channel: null })],
      asOf,
    );
    expect(figures.implementedWithoutChannel).toBe(1);
  });
});
