/**
 * Register uploads within limits: a zip bomb (small file, huge when unpacked), an archive
 * of thousands of entries, too many rows, text that is not UTF-8 and NUL characters are
 * refused with a German message while reading, without unpacking it all. How fast is the
 * bench's business, not a test's.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Service } from "../../../src/domain/service/service.js";
import { readRegisterFile } from "../../../src/app/services/read-register-file.js";
import { writeRegisterFile } from "../../../src/exports/register/register-file.js";
import {
  megabytes,
  REGISTER_UPLOAD_LIMITS,
} from "../../../src/app/services/upload-limits.js";

const SERVICE = {
  leikaKey: "99123456760000",
  name: "Hundesteuer",
  topic: null,
  isResponsibleLocally: true,
  channel: null,
  isFrontEndOnline: false,
  isBackEndConnected: false,
  hasEPayment: false,
  hasEId: false,
  onlineApplications: 0,
  maturity: null,
  status: "planned",
  url: null,
  validFrom: null,
  validUntil: null,
} as unknown as Service;

/** A real workbook with one entry replaced or added. */
async function workbookWith(
  entries: Record<string, string | Buffer>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await writeRegisterFile([SERVICE], "xlsx"));
  for (const [name, content] of Object.entries(entries))
    zip.file(name, content);
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

async function refusal(fileName: string, bytes: Buffer): Promise<string> {
  try {
    await readRegisterFile(fileName, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("limits on register uploads", () => {
  it("reads an ordinary workbook", async () => {
    const table = await readRegisterFile(
      "ozg.xlsx",
      await writeRegisterFile([SERVICE], "xlsx"),
    );
    expect(table.rows).toHaveLength(1);
  });

  it("stops a zip bomb while unpacking, fast and without the memory it asks for", async () => {
    // 64 MB of the same byte compress to about 64 kB.
    const bomb = await workbookWith({
      "xl/media/bombe.bin": Buffer.alloc(64 * 1024 * 1024, 0x41),
    });
    expect(bomb.length).toBeLessThan(REGISTER_UPLOAD_LIMITS.maxFileBytes);
    const heapBefore = process.memoryUsage().rss;
    const message = await refusal("bombe.xlsx", bomb);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(
      150 * 1024 * 1024,
    );
    expect(message).toBe(
      "Die Datei „bombe.xlsx“ wäre entpackt größer als 40 MB und wird nicht gelesen.",
    );
  });

  it("stops a zip bomb whose directory claims small sizes", async () => {
    const bomb = await workbookWith({
      "xl/worksheets/sheet1.xml": Buffer.alloc(64 * 1024 * 1024, 0x20),
    });
    // Claim 1,000 bytes unpacked in the local and the central header of the large entry.
    for (
      let offset = bomb.indexOf(0x50);
      offset !== -1 && offset < bomb.length - 46;
      offset = bomb.indexOf(0x50, offset + 1)
    ) {
      const signature = bomb.readUInt32LE(offset);
      const sizeAt =
        signature === 0x04034b50
          ? offset + 22
          : signature === 0x02014b50
            ? offset + 24
            : -1;
      if (sizeAt !== -1 && bomb.readUInt32LE(sizeAt) === 64 * 1024 * 1024)
        bomb.writeUInt32LE(1000, sizeAt);
    }
    // Counted on the bytes inflated, not on the claim: reading stops at the first byte beyond it.
    const message = await refusal("luege.xlsx", bomb);
    expect(message).toMatch(
      /^Die Datei „luege.xlsx“ (wäre entpackt größer|lässt sich nicht)/,
    );
  });

  it("stops a worksheet that unpacks beyond the limit, even when spread over entries", async () => {
    const half = "<!-- " + "x".repeat(22 * 1024 * 1024) + " -->";
    const message = await refusal(
      "gross.xlsx",
      await workbookWith({ "xl/a.xml": half, "xl/b.xml": half }),
    );
    expect(message).toContain("wäre entpackt größer als 40 MB");
  });

  it("refuses an archive with too many entries", async () => {
    const entries: Record<string, string> = {};
    for (
      let index = 0;
      index < REGISTER_UPLOAD_LIMITS.maxEntries + 1;
      index += 1
    )
      entries[`xl/leer/${index}.xml`] = "";
    expect(await refusal("viele.xlsx", await workbookWith(entries))).toContain(
      `mehr als ${REGISTER_UPLOAD_LIMITS.maxEntries} Teile`,
    );
  });

  it("refuses a worksheet with too many rows while it streams", async () => {
    const rows = Array.from(
      { length: REGISTER_UPLOAD_LIMITS.maxRows + 5 },
      (_, index) => `<row r="${index + 1}"/>`,
    ).join("");
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    expect(
      await refusal(
        "zeilen.xlsx",
        await workbookWith({ "xl/worksheets/sheet1.xml": sheet }),
      ),
    ).toContain("mehr als 20.000 Zeilen");
  });

  it("refuses a CSV file with too many lines", async () => {
    const csv =
      "LeiKa-Schlüssel;Name\n" +
      "99123456760000;Hundesteuer\n".repeat(REGISTER_UPLOAD_LIMITS.maxRows + 2);
    expect(await refusal("zeilen.csv", Buffer.from(csv, "utf8"))).toContain(
      "mehr als 20.000 Zeilen",
    );
  });

  it("refuses a CSV file that is not UTF-8 instead of reading U+FFFD", async () => {
    const latin1 = Buffer.from(
      "LeiKa-Schlüssel;Name\n99123456760000;Straßenreinigung\n",
      "latin1",
    );
    expect(await refusal("ansi.csv", latin1)).toContain(
      "nicht in UTF-8 gespeichert",
    );
  });

  it("refuses NUL characters in a cell, naming row and column", async () => {
    const csv = Buffer.from(
      "LeiKa-Schlüssel;Name\n99123456760000;Hunde\u0000steuer\n",
      "utf8",
    );
    expect(await refusal("nul.csv", csv)).toBe(
      "Die Datei „nul.csv“, Zeile 2, Spalte 2: enthält ein unzulässiges Steuerzeichen (Nullbyte, U+0000).",
    );
  });

  it("refuses a file larger than the upload limit", async () => {
    const big = Buffer.alloc(REGISTER_UPLOAD_LIMITS.maxFileBytes + 1, 0x61);
    expect(await refusal("gross.csv", big)).toContain("größer als 5 MB");
  });
});

describe("megabytes", () => {
  it("names a limit in megabytes with at most one decimal, with a German comma", () => {
    expect(megabytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(megabytes(512 * 1024)).toBe("0,5 MB");
    expect(megabytes(1.25 * 1024 * 1024)).toBe("1,3 MB");
  });
});
