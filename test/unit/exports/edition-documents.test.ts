/**
 * The document models of an edition, built from an excerpt of the Kleve catalogue (the
 * edition tests' factory) and edited into the next revision: what the DOCX, the PDF and
 * the PPTX will say, before any of them is rendered.
 */
import { describe, expect, it } from "vitest";
import {
  comparisonLegend,
  programmeLegend,
} from "../../../src/domain/timeline/timeline-legend.js";
import { wrapWords } from "../../../src/domain/timeline/print-geometry.js";
import {
  assembleReport,
  type ReportReason,
} from "../../../src/domain/edition/change-report.js";
import type { Catalogue } from "../../../src/domain/catalogue/catalogue.js";
import type {
  Edition,
  EditionSummary,
} from "../../../src/domain/edition/edition.js";
import { DEFAULT_REASON_CATEGORIES } from "../../../src/domain/edition/reasons.js";
import {
  buildCatalogueDocumentModel,
  changedProject,
  documentIdeasOf,
  paragraphsOf,
} from "../../../src/exports/catalogue/catalogue-document-model.js";
import type { PublicItem } from "../../../src/domain/participation/participation.js";
import {
  buildRevisionSlidesModel,
  sentencesOf,
  paginateGroups,
} from "../../../src/exports/pptx/revision-slides.js";
import {
  KLEVE,
  buildKleveCatalogue,
  updatePhase,
  updateProject,
} from "../domain/edition/factory.js";

function summary(
  number: number,
  overrides: Partial<EditionSummary> = {},
): EditionSummary {
  return {
    number,
    title: `${number}. Fortschreibung`,
    publishedOn: number === 1 ? "2021-04-30" : "2022-03-31",
    publishedAt: "2022-03-31T10:00:00.000Z",
    publishedByLabel: "Test",
    councilReference: null,
    councilUrl: null,
    note: null,
    isReconstruction: false,
    ...overrides,
  };
}

function edition(
  catalogue: Catalogue,
  number: number,
  reasons: ReadonlyMap<string, ReportReason> = new Map(),
): Edition {
  return {
    ...summary(number),
    foreword: "Erster Absatz.\n\nZweiter Absatz.",
    catalogue,
    reasons,
    reasonCategories: DEFAULT_REASON_CATEGORIES,
  };
}

/** The 1. Fortschreibung of the excerpt, and the 2. with the DMS one year later. */
function revision() {
  const before = buildKleveCatalogue();
  const after = updateProject(before, "dokumentenmanagementsystem", (project) =>
    updatePhase(
      updatePhase(project, KLEVE.dms * 10 + 1, { end: "2024" }),
      KLEVE.dms * 10 + 2,
      { start: "2025" },
    ),
  );
  const key = `phase-end-shifted:project-${KLEVE.dms}:phase-${KLEVE.dms * 10 + 1}`;
  const reason: ReportReason = {
    category: "staff",
    categoryLabel: "Personal",
    text: "Verzögerung aufgrund von erhöhtem Support",
    editionNumber: 2,
  };
  const report = assembleReport({
    municipality: after.municipality,
    before,
    after,
    from: summary(1),
    to: summary(2),
    asOf: undefined,
    reasons: new Map([[key, [reason]]]),
    categories: DEFAULT_REASON_CATEGORIES,
  });
  return {
    before,
    after,
    report,
    edition: edition(after, 2, new Map([[key, reason]])),
  };
}

describe("the catalogue document model", () => {
  it("lists each project with Zeitraum, Einzelmaßnahmen and Zuständigkeit", () => {
    const { edition: second, report } = revision();
    const model = buildCatalogueDocumentModel(second, report);
    const smartWorking = model.fields.find(
      (field) => field.key === "smart-working",
    );
    expect(smartWorking?.heading).toBe(
      "Digitale Verwaltung; Aktionsfeld 2: Smart Working",
    );
    const dms = smartWorking?.projects.find(
      (project) => project.code === "2.1",
    );
    expect(dms).toMatchObject({
      title: "Dokumentenmanagementsystem",
      periods: ["Umsetzung: 2020–2024", "Laufender Support: ab 2025, laufend"],
      measures: [
        "Rollout außerhalb der Pilotbereiche",
        "Anbindung von Fachverfahren",
      ],
      responsibility:
        "Abteilung 10.1 – IT (federführend: Koordination und Einführung), Alle Fachbereiche (beteiligt)",
    });
    expect(model.foreword).toEqual(["Erster Absatz.", "Zweiter Absatz."]);
    expect(model.structure[0]?.fields[0]?.projects).toEqual([
      "1.1 Digitalisierungsstrategie",
      "1.2 Smart City Strategie",
    ]);
    expect(model.timelineAlt).toContain(
      "Zeitstrahl der 7 Projekte der 2. Fortschreibung",
    );
  });

  it("has the section of changes with each shift's reason and the counts per reason", () => {
    const { edition: second, report } = revision();
    const changes = buildCatalogueDocumentModel(second, report).changes;
    expect(changes?.previousTitle).toBe("1. Fortschreibung");
    expect(changes?.reasonCounts).toEqual([
      "1 Verschiebung wegen Personal",
      "1 Verschiebung ohne Grund",
    ]);
    const dms = changes?.fields.find((field) => field.key === "smart-working")
      ?.projects[0];
    expect(dms?.title).toBe("2.1 Dokumentenmanagementsystem");
    expect(dms?.changes).toEqual([
      {
        text: "Zeitraum Umsetzung: Ende von 2023 auf 2024 verschoben (1 Jahr später)",
        reason: "Personal: Verzögerung aufgrund von erhöhtem Support",
        isShift: true,
      },
      {
        text: "Zeitraum Laufender Support: Beginn von 2024 auf 2025 verschoben (1 Jahr später)",
        reason: "Grund fehlt",
        isShift: true,
      },
    ]);
  });

  it("says a reason that all shifts of a project share once, for the project", () => {
    const shift = (text: string, reason: string | null) => ({
      text,
      reason,
      isShift: true,
    });
    const status = { text: "Status geändert", reason: null, isShift: false };
    expect(
      changedProject("1.1 Strategie", [
        status,
        shift("Ende verschoben", "Verzögerung aufgrund OZG-Aufwand"),
        shift("Beginn verschoben", "Verzögerung aufgrund OZG-Aufwand"),
      ]),
    ).toEqual({
      title: "1.1 Strategie",
      reason: "Verzögerung aufgrund OZG-Aufwand",
      changes: [
        status,
        shift("Ende verschoben", null),
        shift("Beginn verschoben", null),
      ],
    });
    // Different reasons stay with their shifts.
    const mixed = [
      shift("Ende verschoben", "Personal"),
      shift("Beginn verschoben", "Grund fehlt"),
    ];
    expect(changedProject("2.1 DMS", mixed)).toEqual({
      title: "2.1 DMS",
      reason: null,
      changes: mixed,
    });
  });

  it("says nothing about changes for the first edition", () => {
    expect(
      buildCatalogueDocumentModel(edition(buildKleveCatalogue(), 1), null)
        .changes,
    ).toBeNull();
  });

  it("splits a foreword at blank lines and joins its lines", () => {
    expect(paragraphsOf("Eins\nzwei\n\n  Drei  \n\n\n")).toEqual([
      "Eins zwei",
      "Drei",
    ]);
    expect(paragraphsOf(null)).toEqual([]);
  });
});

describe("the revision slides model", () => {
  it("names each changed project with its reasons, per action field, and the priorities of the year", () => {
    const { edition: second, report } = revision();
    const model = buildRevisionSlidesModel(second, report);
    expect(model.previousTitle).toBe("1. Fortschreibung");
    expect(model.reasonCounts).toEqual([
      "1 Verschiebung wegen Personal",
      "1 Verschiebung ohne Grund",
    ]);
    expect(model.fields.map((field) => field.key)).toEqual(["smart-working"]);
    expect(model.fields[0]?.projects[0]?.headline).toBe(
      "2.1 Dokumentenmanagementsystem: Verzögerung aufgrund von erhöhtem Support",
    );
    expect(model.fields[0]?.timelineDescription).toContain(
      "2. Fortschreibung verglichen mit der 1. Fortschreibung",
    );
    expect(model.priorities).toMatchObject({
      year: 2022,
      items: [
        "Neue Internetseite",
        "Weitere Einführung DMS in Gesamtverwaltung",
      ],
    });
    // Each priority names its projects with their periods.
    expect(model.priorities?.projects).toHaveLength(2);
    // Why the revision: the foreword, one sentence a line.
    expect(model.why).toEqual(
      second.foreword === null ? [] : expect.any(Array),
    );
    // Notes per action field: its shifts per reason.
    expect(model.fields[0]?.notes).toContain("1 Verschiebung wegen Personal");
  });
});

describe("the ideas taken up in an edition, in its documents", () => {
  const item = (overrides: Partial<PublicItem>): PublicItem => ({
    id: 1,
    kind: "idea",
    title: "Termine online buchen",
    body: "Auch abends.",
    projectSlug: null,
    status: "adopted",
    decisionNote: "Kommt mit dem DMS.",
    mergedIntoId: null,
    link: {
      projectSlug: "dokumentenmanagementsystem",
      measureId: null,
      measureTitle: "Rollout außerhalb der Pilotbereiche",
      editionNumber: 2,
    },
    createdAt: "2022-01-10T09:00:00.000Z",
    statusChangedAt: "2022-02-10T09:00:00.000Z",
    history: [],
    ...overrides,
  });

  it("names the project as in the catalogue, the measure and the reason, and leaves out withdrawn items", () => {
    const { edition: second, report } = revision();
    const ideas = documentIdeasOf(second.catalogue, [
      item({}),
      item({
        id: 2,
        title: "Formulare vorausfüllen",
        status: "implemented",
        decisionNote: null,
        link: {
          projectSlug: null,
          measureId: null,
          measureTitle: null,
          editionNumber: 2,
        },
      }),
      item({ id: 3, title: null, body: null, status: "withdrawn" }),
    ]);
    expect(ideas).toEqual([
      {
        title: "Termine online buchen",
        takenUpIn:
          "übernommen in: 2.1 Dokumentenmanagementsystem, Maßnahme „Rollout außerhalb der Pilotbereiche“",
        note: "Kommt mit dem DMS.",
      },
      { title: "Formulare vorausfüllen", takenUpIn: "umgesetzt", note: null },
    ]);
    expect(
      buildCatalogueDocumentModel(second, report, ideas).takenUpIdeas,
    ).toEqual(ideas);
    expect(
      buildRevisionSlidesModel(second, report, ideas).takenUpIdeas,
    ).toEqual(ideas);
    expect(buildCatalogueDocumentModel(second, report).takenUpIdeas).toEqual(
      [],
    );
  });
});

describe("the revision slides' pages of bullets", () => {
  const project = (name: string, changes: number) => [
    { text: `${name}: Verzögerung aufgrund OZG-Aufwand`, level: 1 as const },
    ...Array.from({ length: changes }, (_, index) => ({
      text: `Zeitraum ${index + 1}: Ende von 2023 auf 2024 verschoben`,
      level: 2 as const,
    })),
  ];

  it("keeps a project with its changes on one slide when it fits on the next", () => {
    const slides = paginateGroups([project("1.1 A", 8), project("1.2 B", 8)]);
    expect(slides).toHaveLength(2);
    expect(slides[1]?.[0]?.text).toBe(
      "1.2 B: Verzögerung aufgrund OZG-Aufwand",
    );
  });

  it("repeats the project's name on the slide that continues its changes, and never leaves a change alone", () => {
    const slides = paginateGroups([project("2.1 Dokumentenmanagement", 20)]);
    expect(slides).toHaveLength(2);
    expect(slides[1]?.[0]).toEqual({
      text: "2.1 Dokumentenmanagement: Verzögerung aufgrund OZG-Aufwand (Fortsetzung)",
      level: 1,
    });
    expect(slides.flat().filter((line) => line.level === 2)).toHaveLength(20);
  });

  it("counts a long bullet as the lines it wraps to", () => {
    const long = { text: "x".repeat(400), level: 1 as const };
    const slides = paginateGroups([[long], [long], [long], [long]]);
    expect(slides.length).toBeGreaterThan(1);
  });
});

describe("the words and keys of document timelines", () => {
  it("splits a foreword into sentences, never after the number of an edition", () => {
    expect(
      sentencesOf(
        "Seit der 1. Fortschreibung hat sich viel getan. Die OZG-Umsetzung band Kraft!  Andere Vorhaben („Quick Wins“) kamen früher.",
      ),
    ).toEqual([
      "Seit der 1. Fortschreibung hat sich viel getan.",
      "Die OZG-Umsetzung band Kraft!",
      "Andere Vorhaben („Quick Wins“) kamen früher.",
    ]);
    expect(sentencesOf(null)).toEqual([]);
  });

  it("wraps a project's name onto lines without losing a word", () => {
    const lines = wrapWords("2.10 Digitale Kommunikation (intern)", 16);
    expect(lines).toEqual(["2.10 Digitale", "Kommunikation", "(intern)"]);
    expect(wrapWords("Dokumentenmanagementsystem", 10).join("")).toBe(
      "Dokumente-nmanageme-ntsystem",
    );
  });

  it("explains only the marks a timeline uses", () => {
    const bar = {
      isOpenEnd: false,
      isUndecided: false,
      isPermanent: false,
      continuation: null,
      clippedEnd: false,
    } as const;
    expect(programmeLegend([bar]).map((entry) => entry.label)).toEqual([
      "Phase (Name im Balken, wo er Platz hat)",
    ]);
    expect(
      programmeLegend([
        { ...bar, continuation: "ongoing" },
        {
          ...bar,
          isOpenEnd: true,
          isPermanent: true,
          continuation: "permanent",
        },
        {
          ...bar,
          isOpenEnd: true,
          isUndecided: true,
          continuation: "undecided",
        },
        { ...bar, isOpenEnd: true },
      ]).map((entry) => entry.kind),
    ).toEqual(["phase", "ongoing", "permanent", "undecided", "open"]);
    expect(
      comparisonLegend(
        "1. Fortschreibung",
        "2. Fortschreibung",
        [bar],
        true,
      ).map((entry) => entry.label),
    ).toEqual([
      "alt: Zeitraum in der 1. Fortschreibung",
      "neu: Phase in der 2. Fortschreibung",
      "Verschiebung von alt nach neu",
    ]);
  });
});
