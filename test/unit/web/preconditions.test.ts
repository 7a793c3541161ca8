import { describe, expect, it } from "vitest";
import {
  expectedVersionFromIfMatch,
  projectEntityTag,
} from "../../../src/web/http/preconditions.js";

describe("If-Match for API changes", () => {
  const tag = projectEntityTag(7, [
    "api-project",
    "0.1.0",
    42,
    "kleve",
    "e-rechnungsworkflow",
  ]);

  it("puts the project's version at the start of the tag, and the rest into a hash", () => {
    expect(tag).toMatch(/^"p7-[\w-]{22}"$/);
    expect(
      projectEntityTag(7, [
        "api-project",
        "0.1.0",
        43,
        "kleve",
        "e-rechnungsworkflow",
      ]),
    ).not.toBe(tag);
  });

  it("reads the version a change is based on", () => {
    expect(expectedVersionFromIfMatch(tag)).toBe(7);
    expect(expectedVersionFromIfMatch(` ${tag} `)).toBe(7);
  });

  it("takes the newest version of a list", () => {
    expect(expectedVersionFromIfMatch(`"p3-abc", ${tag}`)).toBe(7);
  });

  it("asks for the header when it is missing, empty or *", () => {
    for (const header of [undefined, "", "*"]) {
      expect(() => expectedVersionFromIfMatch(header)).toThrow(
        expect.objectContaining({ code: "ERR_PRECONDITION_REQUIRED" }),
      );
    }
  });

  it("refuses weak and foreign tags as not matching", () => {
    for (const header of [`W/${tag}`, '"7"', "p7-abc", '"12-abc"']) {
      expect(() => expectedVersionFromIfMatch(header)).toThrow(
        expect.objectContaining({ code: "ERR_PRECONDITION_FAILED" }),
      );
    }
  });
});
