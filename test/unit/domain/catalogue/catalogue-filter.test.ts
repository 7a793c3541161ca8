import { describe, expect, it } from "vitest";
import { listProjects } from "../../../../src/domain/catalogue/catalogue.js";
import {
  filterCatalogue,
  isFilterActive,
  NO_FILTER,
  parseCatalogueFilter,
  unitWithDescendants,
} from "../../../../src/domain/catalogue/catalogue-filter.js";
import { buildCatalogue } from "../../../support/catalogue-fixture.js";

const slugs = (catalogue: ReturnType<typeof buildCatalogue>) =>
  listProjects(catalogue).map((entry) => entry.project.slug);

describe("parseCatalogueFilter", () => {
  const catalogue = buildCatalogue();

  it("treats missing and empty values as no filter", () => {
    expect(parseCatalogueFilter(catalogue, {})).toEqual({
      ok: true,
      filter: NO_FILTER,
    });
    expect(
      parseCatalogueFilter(catalogue, {
        actionField: "",
        orgUnit: "",
        status: "",
      }),
    ).toEqual({ ok: true, filter: NO_FILTER });
  });

  it("accepts values that exist in the catalogue", () => {
    expect(
      parseCatalogueFilter(catalogue, {
        actionField: "smart-working",
        orgUnit: "10.1",
        status: "planned",
      }),
    ).toEqual({
      ok: true,
      filter: {
        actionFieldKey: "smart-working",
        orgUnitCode: "10.1",
        status: "planned",
      },
    });
  });

  it("names every value that does not exist", () => {
    expect(
      parseCatalogueFilter(catalogue, {
        actionField: "gibt-es-nicht",
        orgUnit: "99",
        status: "fertig",
      }),
    ).toEqual({
      ok: false,
      problems: [
        { field: "actionField", value: "gibt-es-nicht" },
        { field: "orgUnit", value: "99" },
        { field: "status", value: "fertig" },
      ],
    });
  });
});

describe("filterCatalogue", () => {
  const catalogue = buildCatalogue();

  it("returns the catalogue unchanged without a filter", () => {
    expect(filterCatalogue(catalogue, NO_FILTER)).toBe(catalogue);
    expect(isFilterActive(NO_FILTER)).toBe(false);
  });

  it("keeps only the projects of one action field and drops the emptied areas", () => {
    const filtered = filterCatalogue(catalogue, {
      ...NO_FILTER,
      actionFieldKey: "smart-working",
    });
    expect(slugs(filtered)).toEqual([
      "dokumentenmanagementsystem",
      "e-rechnungsworkflow",
    ]);
    expect(filtered.impactAreas.map((area) => area.key)).toEqual([
      "digitale-verwaltung",
    ]);
    expect(
      filtered.impactAreas[0]!.actionFields.map((field) => field.key),
    ).toEqual(["smart-working"]);
  });

  it("keeps the projects of a unit, leading or contributing", () => {
    expect(
      slugs(filterCatalogue(catalogue, { ...NO_FILTER, orgUnitCode: "20" })),
    ).toEqual(["e-rechnungsworkflow"]);
    expect(
      slugs(filterCatalogue(catalogue, { ...NO_FILTER, orgUnitCode: "wtm" })),
    ).toEqual(["projektmarketing"]);
  });

  it("counts a department as responsible for what its divisions do", () => {
    expect(
      slugs(filterCatalogue(catalogue, { ...NO_FILTER, orgUnitCode: "10" })),
    ).toEqual([
      "digitalisierungsstrategie",
      "dokumentenmanagementsystem",
      "e-rechnungsworkflow",
    ]);
  });

  it("keeps the projects of a status", () => {
    expect(
      slugs(filterCatalogue(catalogue, { ...NO_FILTER, status: "planned" })),
    ).toEqual(["digitales-buergerbuero"]);
  });

  it("combines filters with and", () => {
    const filtered = filterCatalogue(catalogue, {
      actionFieldKey: "smart-working",
      orgUnitCode: "20",
      status: "in_progress",
    });
    expect(slugs(filtered)).toEqual(["e-rechnungsworkflow"]);
  });

  it("returns no impact areas when nothing matches", () => {
    expect(
      filterCatalogue(catalogue, {
        ...NO_FILTER,
        actionFieldKey: "strategieplanung",
        status: "paused",
      }).impactAreas,
    ).toEqual([]);
  });

  it("does not change its input", () => {
    const before = JSON.stringify(catalogue);
    filterCatalogue(catalogue, { ...NO_FILTER, status: "planned" });
    expect(JSON.stringify(catalogue)).toBe(before);
  });
});

describe("unitWithDescendants", () => {
  it("includes sub-units at any depth", () => {
    const units = [
      {
        id: 1,
        code: "a",
        name: "A",
        kind: "department" as const,
        parentCode: null,
      },
      {
        id: 2,
        code: "a.1",
        name: "A1",
        kind: "division" as const,
        parentCode: "a",
      },
      {
        id: 3,
        code: "a.1.x",
        name: "A1x",
        kind: "other" as const,
        parentCode: "a.1",
      },
      {
        id: 4,
        code: "b",
        name: "B",
        kind: "department" as const,
        parentCode: null,
      },
    ];
    expect([...unitWithDescendants(units, "a")].sort()).toEqual([
      "a",
      "a.1",
      "a.1.x",
    ]);
    expect([...unitWithDescendants(units, "b")]).toEqual(["b"]);
  });
});
