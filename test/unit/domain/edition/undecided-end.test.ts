import { describe, expect, it } from "vitest";

import { diffCatalogues } from "../../../../src/domain/edition/catalogue-diff.js";
import { describeChangeGerman } from "../../../../src/i18n/change-description.js";
import {
  buildCatalogue,
  buildPhase,
  buildProject,
  updatePhase,
} from "./factory.js";

describe("the change report and an end not decided yet", () => {
  const phase = buildPhase({ label: "Einführung", start: "2024", end: "2025" });
  const project = buildProject({ phases: [phase] });

  it("reports a fixed end that became undecided", () => {
    const before = buildCatalogue({ projects: [project] });
    const after = buildCatalogue({
      projects: [
        updatePhase(project, phase.id, {
          end: null,
          continuation: "undecided",
        }),
      ],
    });
    const texts = diffCatalogues(before, after).changes.map((change) =>
      describeChangeGerman(change),
    );
    expect(texts).toContain(
      "Zeitraum Einführung: Ende jetzt noch offen (bisher 2025)",
    );
  });

  it("reports an undecided end that was fixed", () => {
    const open = updatePhase(project, phase.id, {
      end: null,
      continuation: "undecided",
    });
    const before = buildCatalogue({ projects: [open] });
    const after = buildCatalogue({
      projects: [
        updatePhase(open, phase.id, { end: "2026", continuation: null }),
      ],
    });
    const texts = diffCatalogues(before, after).changes.map((change) =>
      describeChangeGerman(change),
    );
    expect(texts).toContain(
      "Zeitraum Einführung: Ende festgelegt auf 2026 (bisher noch offen)",
    );
  });

  it("reports a running phase whose end became undecided as a change of continuation", () => {
    const running = updatePhase(project, phase.id, {
      end: null,
      continuation: "ongoing",
    });
    const before = buildCatalogue({ projects: [running] });
    const after = buildCatalogue({
      projects: [updatePhase(running, phase.id, { continuation: "undecided" })],
    });
    const texts = diffCatalogues(before, after).changes.map((change) =>
      describeChangeGerman(change),
    );
    expect(texts).toContain(
      "Zeitraum Einführung: Fortführung von „danach laufend“ auf „Ende noch offen“ geändert",
    );
  });
});
