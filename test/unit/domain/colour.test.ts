import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  parseHexColour,
} from "../../../src/domain/colour/contrast.js";

describe("colour contrast", () => {
  it("gives black on white the maximum ratio of 21", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });

  it("gives equal colours the minimum ratio of 1", () => {
    expect(contrastRatio("#1d4f91", "#1d4f91")).toBeCloseTo(1, 5);
  });

  it("does not depend on which colour is the foreground", () => {
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(
      contrastRatio("#767676", "#ffffff"),
      10,
    );
  });

  it("puts the well-known grey #767676 just above 4.5:1 against white", () => {
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("rejects malformed colours", () => {
    expect(parseHexColour("#12345")).toBeNull();
    expect(parseHexColour("red")).toBeNull();
    expect(contrastRatio("red", "#ffffff")).toBeNaN();
  });
});
