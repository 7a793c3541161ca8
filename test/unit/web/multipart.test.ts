import { describe, expect, it } from "vitest";
import { boundaryOf, parseMultipart } from "../../../src/web/http/multipart.js";

const BOUNDARY = "----grenze42";

function body(parts: string[]): Buffer {
  return Buffer.concat([...parts.map((part) => Buffer.from(`--${BOUNDARY}\r\n${part}\r\n`, "latin1")), Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

describe("reading multipart/form-data", () => {
  it("finds the boundary, quoted or not", () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf(`multipart/form-data; boundary="${BOUNDARY}"`)).toBe(BOUNDARY);
    expect(boundaryOf("application/x-www-form-urlencoded")).toBeNull();
  });

  it("gives text fields as fields and the file's bytes unchanged, also binary ones", () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00]);
    const parsed = parseMultipart(
      Buffer.concat([
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntoken\r\n`),
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="grund"\r\n\r\nÄnderung laut Landesportal\r\n`),
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="datei"; filename="ozg.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]),
      BOUNDARY,
    );
    expect(parsed._csrf).toBe("token");
    expect(parsed.grund).toBe("Änderung laut Landesportal");
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files?.[0]).toMatchObject({ field: "datei", fileName: "ozg.xlsx", contentType: "application/octet-stream" });
    expect(parsed.files?.[0]?.data.equals(bytes)).toBe(true);
  });

  it("leaves out a file input sent empty", () => {
    const parsed = parseMultipart(body(['Content-Disposition: form-data; name="datei"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n']), BOUNDARY);
    expect(parsed.files).toEqual([]);
  });

  it("refuses a body that is not multipart", () => {
    expect(() => parseMultipart(Buffer.from("name=wert"), BOUNDARY)).toThrow(RangeError);
    expect(() => parseMultipart(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx`), BOUNDARY)).toThrow(RangeError);
  });
});
