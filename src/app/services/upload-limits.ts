/**
 * Limits for an uploaded register file, checked before exceljs sees it. An XLSX file is a
 * ZIP archive, and a few megabytes of ZIP can unpack to gigabytes ("zip bomb"): the
 * archive is read entry by entry with yauzl, every entry is inflated as a stream and
 * counted, and reading stops at the first limit broken — on the bytes actually inflated,
 * not on the sizes the archive claims. Rows are counted in the worksheets while they
 * stream by. Only an archive within every limit is handed on.
 */
import type yauzl from "yauzl";

/** The limits; generous for a register (a municipality offers some hundred services). */
export const REGISTER_UPLOAD_LIMITS = {
  /** The file as uploaded. */
  maxFileBytes: 5 * 1024 * 1024,
  /** All entries of the archive together, unpacked. */
  maxUnpackedBytes: 40 * 1024 * 1024,
  /** Entries (files) in the archive; a workbook has a dozen or two. */
  maxEntries: 200,
  /** Rows of the table (CSV lines or worksheet rows). */
  maxRows: 20_000,
} as const;

/**
 * A size limit as German messages name it: megabytes with at most one decimal, "10 MB",
 * "0,5 MB" (the upload form's and the import's messages alike).
 */
export function megabytes(bytes: number): string {
  return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace(".", ",")} MB`;
}

/** A broken limit, with a German message for the person who uploaded the file. */
export class UploadLimitError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "UploadLimitError";
  }
}

/** A file that cannot be read as an XLSX workbook (a plain RangeError, with why as its cause). */
export function unreadableXlsx(fileName: string, cause: unknown): RangeError {
  return new RangeError(
    `Die Datei „${fileName}“ lässt sich nicht als Excel-Arbeitsmappe (XLSX) lesen.`,
    { cause },
  );
}

type Limits = { readonly [K in keyof typeof REGISTER_UPLOAD_LIMITS]: number };

/** Opens a ZIP archive held in memory for reading entry by entry (yauzl, lazily). */
export async function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  const { fromBuffer } = await import("yauzl");
  return new Promise((resolve, reject) => {
    fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => {
        if (error !== null || zip === undefined)
          reject(error ?? new Error("no zip"));
        else resolve(zip);
      },
    );
  });
}

/** Counts "<row" tags in a stream of worksheet XML, across chunk boundaries. */
function rowCounter(): (chunk: Buffer) => number {
  let carry = "";
  return (chunk) => {
    const text = carry + chunk.toString("latin1");
    let count = 0;
    // A tag that lies wholly in the carried tail was counted with the previous chunk.
    for (const match of text.matchAll(/<(?:\w{1,8}:)?row[\s>/]/g)) {
      if (match.index + match[0].length > carry.length) count += 1;
    }
    carry = text.slice(-16);
    return count;
  };
}

/**
 * Checks an XLSX archive against the limits while inflating it; throws an
 * UploadLimitError (German message) at the first limit broken, a plain RangeError for an
 * archive that cannot be read.
 */
export async function assertZipWithinLimits(
  fileName: string,
  bytes: Buffer,
  limits: Limits = REGISTER_UPLOAD_LIMITS,
): Promise<void> {
  if (bytes.length > limits.maxFileBytes) {
    throw new UploadLimitError(
      `Die Datei „${fileName}“ ist größer als ${megabytes(limits.maxFileBytes)}.`,
    );
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    throw unreadableXlsx(fileName, error);
  }
  const tooLarge = (): UploadLimitError =>
    new UploadLimitError(
      `Die Datei „${fileName}“ wäre entpackt größer als ${megabytes(limits.maxUnpackedBytes)} und wird nicht gelesen.`,
    );
  // The central directory says how many entries and how large; refused early when it admits too much.
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new UploadLimitError(
      `Die Datei „${fileName}“ enthält mehr als ${limits.maxEntries} Teile und wird nicht gelesen.`,
    );
  }
  let unpacked = 0;
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(error);
    };
    zip.on("error", (error: Error) => fail(unreadableXlsx(fileName, error)));
    zip.on("end", () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    });
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) {
        zip.readEntry();
        return;
      }
      // Declared sizes first (cheap); the inflated bytes below are what counts.
      if (unpacked + entry.uncompressedSize > limits.maxUnpackedBytes) {
        fail(tooLarge());
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error !== null || stream === undefined) {
          fail(unreadableXlsx(fileName, error));
          return;
        }
        const countRows = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName)
          ? rowCounter()
          : null;
        stream.on("data", (chunk: Buffer) => {
          unpacked += chunk.length;
          if (unpacked > limits.maxUnpackedBytes) {
            stream.destroy();
            fail(tooLarge());
            return;
          }
          if (countRows !== null) {
            rows += countRows(chunk);
            if (rows > limits.maxRows) {
              stream.destroy();
              fail(
                new UploadLimitError(
                  `Die Datei „${fileName}“ hat mehr als ${limits.maxRows.toLocaleString("de-DE")} Zeilen und wird nicht gelesen.`,
                ),
              );
            }
          }
        });
        stream.on("error", (streamError: Error) =>
          fail(unreadableXlsx(fileName, streamError)),
        );
        stream.on("end", () => {
          if (!settled) zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

/**
 * Checks a CSV upload: its size, that it is UTF-8 (a byte sequence that is not would turn
 * into U+FFFD silently), and its number of lines. Returns the text.
 */
export function decodeCsvWithinLimits(
  fileName: string,
  bytes: Buffer,
  limits: Limits = REGISTER_UPLOAD_LIMITS,
): string {
  if (bytes.length > limits.maxFileBytes) {
    throw new UploadLimitError(
      `Die Datei „${fileName}“ ist größer als ${megabytes(limits.maxFileBytes)}.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new RangeError(
      `Die Datei „${fileName}“ ist nicht in UTF-8 gespeichert. Bitte speichern Sie sie als „CSV UTF-8“ (in Excel: Speichern unter → CSV UTF-8) und laden Sie sie erneut hoch.`,
      { cause: error },
    );
  }
  let lines = 0;
  for (
    let index = text.indexOf("\n");
    index !== -1;
    index = text.indexOf("\n", index + 1)
  ) {
    lines += 1;
    if (lines > limits.maxRows + 1) {
      throw new UploadLimitError(
        `Die Datei „${fileName}“ hat mehr als ${limits.maxRows.toLocaleString("de-DE")} Zeilen und wird nicht gelesen.`,
      );
    }
  }
  return text.replace(/^\uFEFF/, "");
}
