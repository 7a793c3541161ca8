import { describe, expect, it } from "vitest";
import {
  describeProjectChanges,
  type AuditFact,
} from "../../../../src/domain/report/report-changes.js";

let minute = 0;
function fact(
  action: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
  entityLabel: string | null = null,
): AuditFact {
  minute += 1;
  return {
    at: new Date(Date.UTC(2022, 9, 1, 8, minute)).toISOString(),
    action,
    entityId,
    entityLabel,
    before,
    after,
  };
}

const phase = (end: string | null, start = "2021") => ({
  label: "Umsetzung",
  start,
  end,
  continuation: null,
  note: null,
});

describe("changes since the last report", () => {
  it("names a phase end that moved, with the shift in the coarser precision", () => {
    const changes = describeProjectChanges([
      fact("phase.update", "7", phase("2022"), phase("2023-Q1")),
    ]);
    expect(changes).toEqual([
      {
        kind: "dates",
        text: "Zeitraum Umsetzung: Ende von 2022 auf QI/2023 verschoben (1 Jahr später)",
      },
    ]);
  });

  it("reports the net change of several edits, and nothing when a value came back", () => {
    const moved = describeProjectChanges([
      fact("phase.update", "7", phase("2022"), phase("2023")),
      fact("phase.update", "7", phase("2023"), phase("2024")),
    ]);
    expect(moved.map((change) => change.text)).toEqual([
      "Zeitraum Umsetzung: Ende von 2022 auf 2024 verschoben (2 Jahre später)",
    ]);
    const back = describeProjectChanges([
      fact("phase.update", "7", phase("2022"), phase("2023")),
      fact("phase.update", "7", phase("2023"), phase("2022")),
    ]);
    expect(back).toEqual([]);
  });

  it("names measures done, added and dropped, and ignores one added and removed again", () => {
    const changes = describeProjectChanges([
      fact(
        "measure.status",
        "1",
        { status: "in_progress" },
        { status: "done" },
        "2.5 E-Rechnung – Schulungen",
      ),
      fact("measure.create", "2", null, {
        title: "Neue Schnittstelle",
        status: "planned",
      }),
      fact(
        "measure.delete",
        "3",
        { title: "Altes Verfahren", status: "planned" },
        null,
      ),
      fact("measure.create", "4", null, {
        title: "Kurz da",
        status: "planned",
      }),
      fact(
        "measure.delete",
        "4",
        { title: "Kurz da", status: "planned" },
        null,
      ),
    ]);
    expect(changes).toEqual([
      { kind: "measure-done", text: "Einzelmaßnahme umgesetzt: Schulungen" },
      {
        kind: "measure-added",
        text: "Neue Einzelmaßnahme: Neue Schnittstelle",
      },
      {
        kind: "measure-removed",
        text: "Einzelmaßnahme entfällt: Altes Verfahren",
      },
    ]);
  });

  it("names a change of the project's status and a new dependency", () => {
    const project = (status: string) => ({
      title: "E-Rechnung",
      summary: "",
      status,
      tags: [],
    });
    const changes = describeProjectChanges([
      fact("project.update", "5", project("planned"), project("in_progress")),
      fact(
        "dependency.create",
        "e-rechnung>dms",
        null,
        null,
        "2.5 E-Rechnung → 2.1 Dokumentenmanagementsystem",
      ),
    ]);
    expect(changes).toEqual([
      { kind: "status", text: "Status: geplant → in Umsetzung" },
      {
        kind: "dependencies",
        text: "Neue Abhängigkeit: 2.1 Dokumentenmanagementsystem",
      },
    ]);
  });

  it("ignores events it does not know (report entries, refused accesses)", () => {
    expect(
      describeProjectChanges([
        fact("report_entry.update", "1", {}, {}),
        fact("access.denied", null, null, {}),
      ]),
    ).toEqual([]);
  });
});
