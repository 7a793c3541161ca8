import { describe, expect, it } from "vitest";
import { colourProblem } from "../../../src/app/catalogue/action-field-rules.js";
import {
  findParentCycle,
  parentProblem,
} from "../../../src/app/catalogue/org-unit-rules.js";
import { createViewContext } from "../../../src/web/components/view.js";
import {
  auditActorLabel,
  changeRows,
} from "../../../src/web/editor/audit.presenter.js";
import type { Static, TObject } from "@sinclair/typebox";
import { placeProblems } from "../../../src/web/components/form/failed-form.js";
import {
  PhaseBody,
  ResponsibilitiesBody,
} from "../../../src/web/editor/editor-forms.js";
import { parseForm } from "../../../src/web/http/form-action.js";
import {
  fieldOfPath,
  parsePhaseForm,
  parseResponsibilitiesForm,
  parseTags,
  responsibilityFormRows,
} from "../../../src/web/editor/project-forms.js";
import { pathMapper } from "../../../src/web/http/path-mapper.js";

const view = createViewContext("de");

/** A form body read with its schema, as formAction reads it (the version is always sent). */
function input<S extends TObject>(
  schema: S,
  fields: Readonly<Record<string, string>>,
): Static<S> {
  const parsed = parseForm(schema, { version: "1", ...fields }, view.t);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.input;
}

const parsePhase = (fields: Readonly<Record<string, string>>) =>
  parsePhaseForm(view, input(PhaseBody, fields));

describe("the phase form", () => {
  it.each([
    ["2023", "2023"],
    ["QII/2024", "2024-Q2"],
    ["Q2/2024", "2024-Q2"],
    ["05/2024", "2024-05"],
    ["Mai 2024", "2024-05"],
    ["17.05.2024", "2024-05-17"],
  ])("takes the precision from what is typed: %s is %s", (typed, canonical) => {
    const parsed = parsePhase({
      bezeichnung: "Umsetzung",
      beginn: "2021",
      ende: typed,
    });
    expect(parsed).toEqual({
      ok: true,
      data: { label: "Umsetzung", start: "2021", end: canonical },
    });
  });

  it("keeps an open end with its continuation", () => {
    expect(
      parsePhase({
        bezeichnung: "Betrieb",
        beginn: "QIV/2024",
        offen: "ja",
        fortsetzung: "ongoing",
        notiz: " danach laufend ",
      }),
    ).toEqual({
      ok: true,
      data: {
        label: "Betrieb",
        start: "2024-Q4",
        continuation: "ongoing",
        note: "danach laufend",
      },
    });
  });

  it("keeps a continuation after a fixed end (Daueraufgabe 2020–2030)", () => {
    expect(
      parsePhase({
        bezeichnung: "Pflege",
        beginn: "2020",
        ende: "2030",
        fortsetzung: "permanent",
      }),
    ).toEqual({
      ok: true,
      data: {
        label: "Pflege",
        start: "2020",
        end: "2030",
        continuation: "permanent",
      },
    });
  });

  it("explains what is missing or not understood, at the field", () => {
    const parsed = parsePhase({
      bezeichnung: "X",
      beginn: "",
      ende: "Sommer",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      {
        path: "/data/start",
        message:
          "Bitte geben Sie den Beginn ein, z. B. 2023, QII/2024, 05/2024 oder 17.05.2024.",
      },
      {
        path: "/data/end",
        message:
          "Ende: „Sommer“ ist kein Zeitpunkt, den Fortschritt versteht. Möglich sind z. B. 2023, QII/2024, 05/2024 oder 17.05.2024.",
      },
    ]);
  });

  it("wants either an end or an open end with a continuation", () => {
    const noEnd = parsePhase({ bezeichnung: "X", beginn: "2023" });
    expect(
      !noEnd.ok && noEnd.problems.map((problem) => problem.message),
    ).toEqual(["Bitte geben Sie das Ende ein oder wählen Sie „offenes Ende“."]);
    const openWithEnd = parsePhase({
      bezeichnung: "X",
      beginn: "2023",
      ende: "2024",
      offen: "ja",
      fortsetzung: "ongoing",
    });
    expect(
      !openWithEnd.ok && openWithEnd.problems.map((problem) => problem.path),
    ).toEqual(["/data/end"]);
    const openWithoutContinuation = parsePhase({
      bezeichnung: "X",
      beginn: "2023",
      offen: "ja",
    });
    expect(
      !openWithoutContinuation.ok &&
        openWithoutContinuation.problems.map((problem) => problem.path),
    ).toEqual(["/data/continuation"]);
  });
});

describe("other editor forms", () => {
  it("splits tags at commas and drops empties and duplicates", () => {
    expect(
      parseTags(" Smart Working, ,Smart Governance,Smart Working "),
    ).toEqual(["Smart Working", "Smart Governance"]);
  });

  it("reads responsibility rows, skipping empty and removed ones, and remembers the rows", () => {
    const form = input(ResponsibilitiesBody, {
      zeilen: "4",
      "einheit-0": "10.1",
      "rolle-0": "lead",
      "einheit-1": "20",
      "rolle-1": "contributing",
      "entfernen-1": "ja",
      "einheit-2": "",
      "einheit-3": "61",
      "rolle-3": "contributing",
      "notiz-3": "Beteiligung",
    });
    const parsed = parseResponsibilitiesForm(view, form);
    expect(parsed.ok && parsed.data).toEqual([
      { orgUnit: "10.1", role: "lead" },
      { orgUnit: "61", role: "contributing", note: "Beteiligung" },
    ]);
    expect(
      fieldOfPath(
        "zustaendigkeiten",
        "/data/responsibilities/1/orgUnit",
        responsibilityFormRows(form),
      ),
    ).toBe("einheit-3");
  });

  it("puts a use case's problems at the form's fields and reads bare rules as sentences", () => {
    const failed = placeProblems(
      "phase-7",
      { bezeichnung: "" },
      [
        { path: "/data/label", message: "darf nicht leer sein" },
        { path: "/data/end", message: "Das Ende liegt vor dem Beginn." },
        { path: "/expectedVersion", message: "muss mindestens 1 sein" },
      ],
      {
        fieldOf: (path) => fieldOfPath("phase-7", path),
        labelOf: (field) => (field === "bezeichnung" ? "Bezeichnung" : field),
      },
    );
    expect(failed.errors).toEqual({
      bezeichnung: "Bezeichnung darf nicht leer sein",
      ende: "Das Ende liegt vor dem Beginn.",
    });
    expect(failed.summary.map((link) => link.href)).toEqual([
      "#phase-7-bezeichnung",
      "#phase-7-ende",
    ]);
    expect(failed.messages).toEqual(["muss mindestens 1 sein"]);
  });

  it("maps list problems of the frame's forms to their rows", () => {
    const map = pathMapper(
      {
        title: "titel",
        "goals/*/title": "ziel-#",
        "priorities/*/projects": "prioritaet-#-projekte",
      },
      [0, 3],
    );
    expect(map("/data/title")).toBe("titel");
    expect(map("/data/goals/1/title")).toBe("ziel-3");
    expect(map("/data/priorities/0/projects/2")).toBe("prioritaet-0-projekte");
    expect(map("/reason")).toBe("grund");
    expect(map("/expectedVersion")).toBeNull();
  });
});

describe("rules of the catalogue's frame", () => {
  it("names the contrast a colour reaches when white text is too faint on it", () => {
    expect(colourProblem("#1d4f91", "/c")).toBeNull();
    expect(colourProblem("#7f7f7f", "/c")?.message).toMatch(
      /erreicht nur 4,00 : 1; nötig sind mindestens 4,5 : 1/,
    );
  });

  it("finds the cycle a new parent would close in the org unit hierarchy", () => {
    const parents = new Map<string, string | null>([
      ["10", null],
      ["10.1", "10"],
      ["10.1.1", "10.1"],
    ]);
    expect(findParentCycle(parents, "10", "10.1.1")).toEqual([
      "10",
      "10.1.1",
      "10.1",
      "10",
    ]);
    expect(findParentCycle(parents, "10", "10")).toEqual(["10", "10"]);
    expect(findParentCycle(parents, "10.1.1", "10")).toBeNull();
    expect(parentProblem(parents, "10", "99", "/p")?.message).toBe(
      'Die übergeordnete Einheit "99" gibt es nicht.',
    );
  });
});

describe("the audit presenter", () => {
  it("shows only what changed, with points in time the German way", () => {
    const rows = changeRows(
      view,
      {
        label: "Einführung",
        start: "2021-Q4",
        end: "2023",
        continuation: null,
      },
      {
        label: "Einführung",
        start: "2021-Q4",
        end: "2024-Q2",
        continuation: "ongoing",
      },
    );
    expect(rows).toEqual([
      { field: "Ende", before: "2023", after: "QII/2024" },
      { field: "Fortsetzung", before: "–", after: "danach laufend" },
    ]);
  });

  it("writes lists of responsibilities and statuses in words", () => {
    const rows = changeRows(
      view,
      {
        status: "planned",
        responsibilities: [{ orgUnit: "10.1", role: "lead", note: null }],
      },
      { status: "completed", responsibilities: [] },
    );
    expect(rows).toEqual([
      { field: "Status", before: "geplant", after: "abgeschlossen" },
      { field: "Zuständigkeiten", before: "10.1 (federführend)", after: "–" },
    ]);
  });

  it("names the command line in the reader's language, also in events of spreadsheet imports stored before it had one name", () => {
    const english = createViewContext("en");
    for (const stored of ["Kommandozeile (Betrieb)", "Kommandozeile"]) {
      expect(auditActorLabel(view, stored), stored).toBe(
        "Kommandozeile (Betrieb)",
      );
      expect(auditActorLabel(english, stored), stored).toBe(
        "Command line (operations)",
      );
    }
    expect(auditActorLabel(english, "Erika Muster <erika@kleve.example>")).toBe(
      "Erika Muster <erika@kleve.example>",
    );
  });
});
