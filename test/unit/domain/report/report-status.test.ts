import { reportsDe } from "../../../../src/i18n/reports.de.js";
import { describe, expect, it } from "vitest";

import {
  REPORT_STATUSES,
  REPORT_STATUS_PRESENTATION,
  isReportStatus,
  missingUpdates,
  reportStatusLabel,
  summariseStatuses,
  unchangedEntry,
} from "../../../../src/domain/report/report-status.js";
import type {
  ReportEntry,
  ReportProject,
} from "../../../../src/domain/report/report-status.js";

// Projects of the E-Government field in Kleve's report of 29.11.2022.
const internet: ReportProject = {
  slug: "internet",
  code: "1.1",
  title: "Internet",
};
const ozg: ReportProject = {
  slug: "umsetzung-onlinezugangsgesetz",
  code: "1.3",
  title: "Umsetzung Onlinezugangsgesetz",
};
const ratsarbeit: ReportProject = {
  slug: "digitale-ratsarbeit",
  code: "1.4",
  title: "Digitale Ratsarbeit",
};
const projects = [internet, ozg, ratsarbeit];

function buildEntry(overrides: Partial<ReportEntry> = {}): ReportEntry {
  return {
    projectSlug: "internet",
    status: "on-track",
    text: "Neues Design des Newsletters teilweise umgesetzt; Kalenderansicht umgesetzt.",
    isUnchanged: false,
    ...overrides,
  };
}

describe("presentation", () => {
  it("labels the statuses in German", () => {
    expect(REPORT_STATUSES.map(reportStatusLabel)).toEqual([
      "im Plan",
      "gefährdet",
      "verzögert",
      "abgeschlossen",
      "nicht begonnen",
      "ruhend",
    ]);
  });

  it("gives every status its own icon, so colour is never the only difference", () => {
    const icons = REPORT_STATUSES.map(
      (status) => REPORT_STATUS_PRESENTATION[status].icon,
    );
    expect(new Set(icons).size).toBe(REPORT_STATUSES.length);
  });

  it("recognises status values from forms", () => {
    expect(isReportStatus("delayed")).toBe(true);
    expect(isReportStatus("verzögert")).toBe(false);
  });
});

describe("missingUpdates", () => {
  it("lists a project without an entry", () => {
    expect(missingUpdates([internet], [])).toEqual([
      { project: internet, reasons: ["no-entry"] },
    ]);
  });

  it("does not list a project with status and text", () => {
    expect(missingUpdates([internet], [buildEntry()])).toEqual([]);
  });

  it("lists a project whose status is missing", () => {
    expect(missingUpdates([internet], [buildEntry({ status: null })])).toEqual([
      { project: internet, reasons: ["no-status"] },
    ]);
  });

  it("lists a project whose text is missing or blank", () => {
    expect(missingUpdates([internet], [buildEntry({ text: "  " })])).toEqual([
      { project: internet, reasons: ["no-text"] },
    ]);
  });

  it("accepts 'unchanged since the last report' instead of a text", () => {
    expect(
      missingUpdates([internet], [buildEntry({ text: "", isUnchanged: true })]),
    ).toEqual([]);
  });

  it("still asks for a status when the entry is only marked unchanged", () => {
    const entry = buildEntry({ status: null, text: "", isUnchanged: true });
    expect(missingUpdates([internet], [entry])[0]?.reasons).toEqual([
      "no-status",
    ]);
  });

  it("names every missing part of one entry", () => {
    const entry = buildEntry({ status: null, text: "" });
    expect(missingUpdates([internet], [entry])[0]?.reasons).toEqual([
      "no-status",
      "no-text",
    ]);
  });

  it("keeps the order of the editor's projects", () => {
    const entries = [
      buildEntry({ projectSlug: "umsetzung-onlinezugangsgesetz" }),
    ];
    expect(
      missingUpdates(projects, entries).map((m) => m.project.code),
    ).toEqual(["1.1", "1.4"]);
  });

  it("ignores entries of other editors' projects", () => {
    const entries = [buildEntry({ projectSlug: "mobile-office" })];
    expect(missingUpdates([internet], entries)).toHaveLength(1);
  });

  it("reads the later of two entries for one project", () => {
    const entries = [buildEntry(), buildEntry({ text: "" })];
    expect(missingUpdates([internet], entries)[0]?.reasons).toEqual([
      "no-text",
    ]);
  });

  it("has a German text for every reason", () => {
    expect(reportsDe.missingReason["no-entry"]).toBe("noch kein Eintrag");
  });
});

describe("summariseStatuses", () => {
  const entries = [
    buildEntry({ projectSlug: "internet", status: "on-track" }),
    buildEntry({
      projectSlug: "umsetzung-onlinezugangsgesetz",
      status: "at-risk",
    }),
    // Anträge im Ratsinformationssystem: not done in 2022, new date QI/2023.
    buildEntry({ projectSlug: "digitale-ratsarbeit", status: "delayed" }),
    buildEntry({
      projectSlug: "online-beteiligungsplattform",
      status: "on-track",
    }),
    buildEntry({ projectSlug: "social-media", status: null }),
  ];
  const summary = summariseStatuses(entries);

  it("counts the projects per status", () => {
    expect(summary.counts.find((c) => c.status === "on-track")?.count).toBe(2);
    expect(summary.counts.find((c) => c.status === "delayed")?.count).toBe(1);
  });

  it("lists every status in report order, also with zero projects", () => {
    expect(summary.counts.map((c) => [c.label, c.count])).toEqual([
      ["im Plan", 2],
      ["gefährdet", 1],
      ["verzögert", 1],
      ["abgeschlossen", 0],
      ["nicht begonnen", 0],
      ["ruhend", 0],
    ]);
  });

  it("counts entries without a status separately", () => {
    expect(summary.withoutStatus).toBe(1);
  });

  it("counts all projects with an entry", () => {
    expect(summary.total).toBe(5);
  });

  it("counts a project once even with two entries", () => {
    const twice = summariseStatuses([
      buildEntry({ status: "on-track" }),
      buildEntry({ status: "completed" }),
    ]);
    expect(twice.total).toBe(1);
    expect(twice.counts.find((c) => c.status === "completed")?.count).toBe(1);
    expect(twice.counts.find((c) => c.status === "on-track")?.count).toBe(0);
  });

  it("gives zeros for a report without entries", () => {
    const empty = summariseStatuses([]);
    expect(empty.total).toBe(0);
    expect(empty.counts.every((c) => c.count === 0)).toBe(true);
  });
});

describe("unchangedEntry", () => {
  const previous = buildEntry({
    projectSlug: "digitale-ratsarbeit",
    status: "delayed",
    text: "Finale Umsetzung noch nicht erfolgt; neuer Umsetzungstermin QI/2023.",
  });

  it("keeps status and text of the previous report", () => {
    const entry = unchangedEntry(previous);
    expect(entry.status).toBe("delayed");
    expect(entry.text).toBe(previous.text);
  });

  it("marks the entry as confirmed unchanged, which completes it", () => {
    const entry = unchangedEntry(previous);
    expect(entry.isUnchanged).toBe(true);
    expect(missingUpdates([ratsarbeit], [entry])).toEqual([]);
  });
});
