/**
 * The OZG figures of Kleve's report (seed 002, as of 28.11.2022) from two registers that
 * share only the facts: the demo register file, and a register entered here from the
 * published figures alone — flat, without history, with other channels inside the group
 * "Landes- oder Bundesportal" and the 26 further forms spread over other entries. A
 * municipality reading either report must see the same lines.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readRegisterFile } from "../../../../src/app/services/read-register-file.js";
import { demoRegisterFile } from "../../../../src/app/reports/demo-report.js";
import {
  aggregateOzgFigures,
  type OzgFigures,
} from "../../../../src/domain/service/ozg-figures.js";
import { readServiceTable } from "../../../../src/domain/service/service-table.js";
import type { Service } from "../../../../src/domain/service/service.js";
import { buildOnlineService, buildService, day } from "./factory.js";

const AS_OF = day(2022, 11, 28);

/** The lines of the report's OZG section, as a municipality reads them. */
function reportLines(figures: OzgFigures): Record<string, number> {
  return {
    "Definierte Leistungen": figures.defined,
    "davon nicht zuständig": figures.notResponsibleLocally,
    umgesetzt: figures.implemented,
    "mit Front-End + Back-End": figures.withFrontEndAndBackEnd,
    "mit Front-End": figures.frontEndOnly,
    "E-Payment": figures.withEPayment,
    eID: figures.withEId,
    ...Object.fromEntries(
      figures.byChannelGroup.map((group) => [group.label, group.count]),
    ),
    "Online-Anträge insgesamt": figures.onlineApplications,
    "zu umgesetzten OZG-Leistungen": figures.onlineApplicationsOfImplemented,
    "über das OZG hinaus oder in anderer Zuständigkeit":
      figures.onlineApplicationsOther,
  };
}

function times(count: number, make: (index: number) => Service): Service[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

/** Kleve's facts entered by hand: one entry per service, no history. */
function independentRegister(): Service[] {
  const online = (overrides: Partial<Service>) =>
    buildOnlineService({ maturity: null, ...overrides });
  return [
    // 14 via state or federal portal, all entered as "Landesportal"; 60 forms in all.
    ...times(14, (i) =>
      online({
        channel: "state-portal",
        isBackEndConnected: i < 9,
        hasEId: i < 10,
        onlineApplications: i < 6 ? 2 : 1,
      }),
    ),
    ...times(22, (i) =>
      online({
        channel: "own-development",
        isBackEndConnected: i < 2,
        hasEPayment: i < 3,
        hasEId: false,
        onlineApplications: i < 10 ? 2 : 1,
      }),
    ),
    ...times(8, (i) =>
      online({
        channel: "regional-it-provider",
        isBackEndConnected: true,
        hasEId: i < 4,
      }),
    ),
    // 47 not online yet, 16 services of other authorities.
    ...times(47, () => buildService()),
    ...times(16, () => buildService({ isResponsibleLocally: false })),
    // 26 further forms: 12 of other authorities in 8 entries, 14 own non-OZG forms in 7.
    ...times(8, (i) =>
      online({
        kind: "online-application",
        isResponsibleLocally: false,
        channel: "federal-efa",
        onlineApplications: i < 4 ? 2 : 1,
        url: null,
      }),
    ),
    ...times(7, () =>
      online({ kind: "online-application", onlineApplications: 2 }),
    ),
  ];
}

async function demoRegister(): Promise<readonly Service[]> {
  const file = demoRegisterFile();
  const table = await readRegisterFile(file, await readFile(file));
  const result = readServiceTable(table.headings, table.rows);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.services;
}

describe("the OZG figures of a report do not depend on who built the register", () => {
  it("gives the published lines of seed 002 from the demo register", async () => {
    expect(
      reportLines(aggregateOzgFigures(await demoRegister(), AS_OF)),
    ).toEqual({
      "Definierte Leistungen": 107,
      "davon nicht zuständig": 16,
      umgesetzt: 44,
      "mit Front-End + Back-End": 19,
      "mit Front-End": 25,
      "E-Payment": 3,
      eID: 14,
      "Landes- oder Bundesportal": 14,
      Eigenentwicklung: 22,
      "regionaler IT-Dienstleister": 8,
      "Online-Anträge insgesamt": 86,
      "zu umgesetzten OZG-Leistungen": 60,
      "über das OZG hinaus oder in anderer Zuständigkeit": 26,
    });
  });

  it("gives the same lines from a register entered independently", async () => {
    const independent = independentRegister();
    expect(independent.filter((s) => s.kind === "ozg-service")).toHaveLength(
      107,
    );
    expect(reportLines(aggregateOzgFigures(independent, AS_OF))).toEqual(
      reportLines(aggregateOzgFigures(await demoRegister(), AS_OF)),
    );
  });

  it("tells the further forms apart: other authorities and own forms beyond the OZG", () => {
    const figures = aggregateOzgFigures(independentRegister(), AS_OF);
    expect(figures.onlineApplicationsOtherAuthority).toBe(12);
    expect(figures.onlineApplicationsBeyondOzg).toBe(14);
    expect(figures.furtherApplicationEntries).toBe(15);
  });
});
