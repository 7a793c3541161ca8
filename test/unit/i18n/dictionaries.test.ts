import { describe, expect, it } from "vitest";
import { de } from "../../../src/i18n/de.js";
import { en } from "../../../src/i18n/en.js";
import {
  formatPeriod,
  formatPhasesSpan,
} from "../../../src/i18n/format-period.js";
import { resolveLanguage } from "../../../src/i18n/i18n.js";
import {
  SERVICE_CHANNEL_LABELS,
  SERVICE_KIND_LABELS,
  SERVICE_STATUS_LABELS,
  validateService,
} from "../../../src/domain/service/service.js";
import { buildPhase } from "../../support/catalogue-fixture.js";

/** Every key path of a dictionary, nested objects included. */
function keyPaths(value: object, prefix = ""): readonly string[] {
  return Object.entries(value).flatMap(([key, entry]) =>
    typeof entry === "object" && entry !== null
      ? keyPaths(entry as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("dictionaries", () => {
  it("have the same keys in German and English", () => {
    expect([...keyPaths(en)].sort()).toEqual([...keyPaths(de)].sort());
  });

  it("choose German unless English is asked for", () => {
    expect(resolveLanguage("en")).toBe("en");
    expect(resolveLanguage("de")).toBe("de");
    expect(resolveLanguage(undefined)).toBe("de");
    expect(resolveLanguage("fr")).toBe("de");
  });

  it("count in both languages", () => {
    expect(de.projectsInFields(1, 1)).toBe("1 Projekt in 1 Aktionsfeld");
    expect(de.projectsInFields(23, 3)).toBe("23 Projekte in 3 Aktionsfeldern");
    expect(en.projectsInFields(23, 3)).toBe("23 projects in 3 action fields");
  });
});

describe("formatPeriod", () => {
  it("uses the domain's German formatting", () => {
    expect(
      formatPeriod(buildPhase({ start: "2021-Q4", end: "2023" }), "de"),
    ).toBe("QIV/2021–2023");
  });

  it("mirrors it in English", () => {
    expect(
      formatPeriod(buildPhase({ start: "2021-Q4", end: "2023" }), "en"),
    ).toBe("Q4 2021–2023");
    expect(
      formatPeriod(
        buildPhase({ start: "2025", end: null, continuation: "ongoing" }),
        "en",
      ),
    ).toBe("from 2025, ongoing");
    expect(
      formatPeriod(
        buildPhase({ start: "2020", end: null, continuation: "permanent" }),
        "en",
      ),
    ).toBe("permanent task since 2020");
    expect(
      formatPeriod(
        buildPhase({ start: "2021", end: "2021", continuation: "ongoing" }),
        "en",
      ),
    ).toBe("2021 (then ongoing)");
    expect(
      formatPeriod(buildPhase({ start: "2024-05", end: "2024-05-17" }), "en"),
    ).toBe("May 2024–17 May 2024");
  });
});

describe("formatPhasesSpan", () => {
  it("spans from the first start to the last end", () => {
    expect(
      formatPhasesSpan(
        [
          buildPhase({ start: "2021-Q4", end: "2023" }),
          buildPhase({ start: "2024", end: "2026" }),
        ],
        "de",
      ),
    ).toBe("QIV/2021–2026");
  });

  it("reads as running on when the last phase is open", () => {
    const phases = [
      buildPhase({ start: "2020", end: "2024" }),
      buildPhase({ start: "2025", end: null, continuation: "ongoing" }),
    ];
    expect(formatPhasesSpan(phases, "de")).toBe("ab 2020, laufend");
  });

  it("reads as a standing task when an open phase is one", () => {
    expect(
      formatPhasesSpan(
        [buildPhase({ start: "2020", end: null, continuation: "permanent" })],
        "de",
      ),
    ).toBe("Daueraufgabe seit 2020");
    expect(
      formatPhasesSpan(
        [buildPhase({ start: "2020", end: "2030", continuation: "permanent" })],
        "de",
      ),
    ).toBe("Daueraufgabe 2020–2030");
  });

  it("keeps a continuation after the last end", () => {
    expect(
      formatPhasesSpan(
        [buildPhase({ start: "2021", end: "2023", continuation: "ongoing" })],
        "de",
      ),
    ).toBe("2021–2023, danach laufend");
  });

  it("is null without phases", () => {
    expect(formatPhasesSpan([], "de")).toBeNull();
  });
});

describe("the OZG register's words", () => {
  it("name channels, kinds and statuses in German as the register file writes them", () => {
    expect(de.reports.serviceChannels).toEqual(SERVICE_CHANNEL_LABELS);
    expect(de.reports.serviceKinds).toEqual(SERVICE_KIND_LABELS);
    expect(de.reports.serviceStatuses).toEqual(SERVICE_STATUS_LABELS);
  });

  it("name them in English on English pages", () => {
    expect(en.reports.serviceChannels["regional-it-provider"]).toBe(
      "Regional IT provider",
    );
    expect(en.reports.serviceStatuses.planned).toBe("planned");
    expect(en.reports.serviceKinds["ozg-service"]).toBe("OZG service");
  });
});

describe("the OZG register's warnings", () => {
  it("word each warning in German as the register's rules do, and in English", () => {
    const problems = validateService({
      leikaKey: "99001001000000",
      kind: "ozg-service",
      name: "Wohngeld",
      topic: null,
      isResponsibleLocally: true,
      channel: "own-development",
      isFrontEndOnline: true,
      isBackEndConnected: false,
      hasEPayment: false,
      hasEId: false,
      onlineApplications: 0,
      maturity: null,
      status: "online",
      url: null,
      validFrom: null,
      validUntil: null,
    }).filter((problem) => problem.severity === "warning");
    expect(problems.map((problem) => problem.code).sort()).toEqual(
      Object.keys(de.reports.serviceWarnings).sort(),
    );
    for (const problem of problems) {
      expect(de.reports.serviceWarnings[problem.code]).toBe(problem.message);
      expect(en.reports.serviceWarnings[problem.code]).not.toBe(
        problem.message,
      );
    }
  });
});
