import { describe, expect, it } from "vitest";
import {
  assembleReportDocument,
  reportFigures,
  reportProjects,
  type ReportAssemblyInput,
} from "../../../../src/domain/report/report-document.js";
import {
  AS_OF,
  buildRatioIndicator,
  day,
  MOBILE_OFFICE,
} from "../indicator/factory.js";
import {
  KLEVE_AS_OF,
  KLEVE_PREVIOUS_AS_OF,
  kleveRegister,
} from "../service/kleve-register.js";

function buildInput(
  overrides: Partial<ReportAssemblyInput> = {},
): ReportAssemblyInput {
  return {
    id: 1,
    state: "draft",
    municipality: { slug: "kleve", name: "Stadt Kleve" },
    programmeTitle: "kleve.digital 2030",
    title: "Sachstandsbericht Digitalisierung",
    meeting: {
      day: day(2022, 11, 29),
      title: null,
      committeeName: "Ausschuss APD",
      committeeAbbreviation: "APD",
      oparlMeetingUrl: null,
      oparlAgendaItemUrl: null,
      oparlPaperUrl: null,
    },
    asOf: AS_OF,
    previous: {
      id: 0,
      asOf: KLEVE_PREVIOUS_AS_OF,
      meetingDay: KLEVE_PREVIOUS_AS_OF,
      committeeAbbreviation: "APD",
    },
    sectionKeys: null,
    includeOzg: true,
    outlook: [],
    catalogue: [
      {
        key: "smart-working",
        number: 2,
        name: "Smart Working",
        colour: "#00605e",
        impactAreaName: "Digitale Verwaltung",
        projects: [
          {
            slug: "dokumentenmanagementsystem",
            code: "2.1",
            title: "Dokumentenmanagementsystem",
          },
          { slug: "mobile-office", code: "2.3", title: "Mobile Office" },
        ],
      },
      {
        key: "partizipation",
        number: 3,
        name: "Partizipation",
        colour: "#7a2e6c",
        impactAreaName: "Digitale Stadt",
        projects: [],
      },
    ],
    entries: [
      {
        projectSlug: "mobile-office",
        status: "on-track",
        text: "Alle Anträge bearbeitet.",
        isUnchanged: false,
        highlights: ["144 von 572"],
        newDate: "2023-Q1",
        isIncluded: true,
      },
      {
        projectSlug: "dokumentenmanagementsystem",
        status: null,
        text: "",
        isUnchanged: false,
        highlights: [],
        newDate: null,
        isIncluded: false,
      },
    ],
    changes: new Map([
      [
        "mobile-office",
        [{ kind: "dates", text: "Zeitraum Umsetzung: Ende verschoben" }],
      ],
    ]),
    indicators: [
      {
        indicator: buildRatioIndicator(),
        chartKind: "bar",
        observations: MOBILE_OFFICE,
      },
    ],
    services: kleveRegister(),
    publishedAt: null,
    previousStatuses: new Map([["mobile-office", "at-risk"]]),
    ...overrides,
  };
}

describe("assembling a status report", () => {
  it("leaves out projects their entry leaves out, and keeps the catalogue's order", () => {
    const document = assembleReportDocument(buildInput());
    expect(reportProjects(document).map((project) => project.slug)).toEqual([
      "mobile-office",
    ]);
    expect(document.sections.map((section) => section.key)).toEqual([
      "smart-working",
      "partizipation",
    ]);
  });

  it("shows only the sections chosen", () => {
    const document = assembleReportDocument(
      buildInput({ sectionKeys: ["partizipation"] }),
    );
    expect(document.sections.map((section) => section.key)).toEqual([
      "partizipation",
    ]);
    // The figure of a project that is not shown still appears, on its own.
    expect(document.otherFigures.map((figure) => figure.indicator.key)).toEqual(
      ["mobile-office"],
    );
  });

  it("puts a project's figures with it, with the value at the as-of date and the change since the last report", () => {
    const [project] = reportProjects(assembleReportDocument(buildInput()));
    expect(project?.figures[0]?.current).toMatchObject({
      value: 144,
      denominator: 572,
    });
    expect(project?.figures[0]?.change?.absolute).toBe(24);
    expect(project?.newDateLabel).toBe("QI/2023");
    expect(project?.changes.map((change) => change.kind)).toEqual([
      "status",
      "dates",
      "figure",
    ]);
    expect(project?.changes[0]?.text).toBe(
      "Status im Bericht: gefährdet → im Plan",
    );
  });

  it("counts the OZG figures of the register at the as-of date and at the previous one", () => {
    const document = assembleReportDocument(buildInput({ asOf: KLEVE_AS_OF }));
    expect(document.ozg?.figures).toMatchObject({
      defined: 107,
      implemented: 44,
      withFrontEndAndBackEnd: 19,
      onlineApplications: 86,
    });
    expect(document.ozg?.previous?.implemented).toBe(20);
  });

  it("has no OZG part without a register or when switched off", () => {
    expect(assembleReportDocument(buildInput({ services: [] })).ozg).toBeNull();
    expect(
      assembleReportDocument(buildInput({ includeOzg: false })).ozg,
    ).toBeNull();
  });

  it("omits figures without a value on the as-of date, and counts statuses of the shown projects", () => {
    const document = assembleReportDocument(
      buildInput({ asOf: day(2022, 1, 1) }),
    );
    expect(reportFigures(document)).toEqual([]);
    expect(
      document.statusSummary.counts.find((count) => count.status === "on-track")
        ?.count,
    ).toBe(1);
    expect(document.statusSummary.total).toBe(1);
  });

  it("names the editions of the catalogue published after the previous as-of date up to this one", () => {
    const editions = [
      { number: 1, title: "1. Fortschreibung", publishedOn: day(2021, 3, 1) },
      { number: 2, title: "2. Fortschreibung", publishedOn: day(2022, 9, 20) },
      { number: 3, title: "3. Fortschreibung", publishedOn: day(2023, 3, 1) },
    ];
    const document = assembleReportDocument(buildInput({ editions }));
    expect(document.editions?.map((edition) => edition.number)).toEqual([2]);
  });
});
