import { describe, expect, it } from "vitest";
import { separatorOf } from "../../../src/domain/csv/csv-separator.js";

describe("separatorOf", () => {
  it("takes the separator the first line uses most", () => {
    expect(separatorOf("LeiKa;Name;Status\n1;Anmeldung, Hund;online")).toBe(
      ";",
    );
    expect(separatorOf("LeiKa,Name,Status\r\n1,Hund;Katze,online")).toBe(",");
    expect(separatorOf("LeiKa\tName\tStatus\n")).toBe("\t");
  });

  it("takes the semicolon of German Excel when the first line has none", () => {
    expect(separatorOf("Name\n1;2")).toBe(";");
    expect(separatorOf("")).toBe(";");
  });
});
