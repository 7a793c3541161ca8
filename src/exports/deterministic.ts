/**
 * Deterministic bytes for stored documents (ADR 0046): the same data gives the same file,
 * so that the SHA-256 of a document is an honest strong ETag. Office files (DOCX, PPTX)
 * are ZIP packages whose entries carry the time they were written and whose core
 * properties (docProps/core.xml) carry the time of creation; Chromium's PDFs carry
 * CreationDate and ModDate (and, when written, a file /ID and XMP dates). Each is set to
 * the document's own date — the edition's or report's date — and nothing else changes.
 */
import { createHash } from "node:crypto";

/** A fixed point in time for a document: its date at noon UTC (no time zone moves the day). */
export function documentInstant(isoDate: string | null | undefined): Date {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(isoDate ?? "")?.[0] ?? "2000-01-01";
  return new Date(`${day}T12:00:00Z`);
}

/** W3CDTF without milliseconds, as Office writes it. */
function w3cdtf(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/**
 * Rewrites a ZIP package (DOCX, PPTX) with every entry dated `instant`, the core
 * properties' created/modified set to it, the entries in their order and compressed the
 * same way every time.
 */
export async function deterministicPackage(
  body: Buffer,
  instant: Date,
): Promise<Buffer> {
  const { default: JSZip } = await import("jszip");
  const source = await JSZip.loadAsync(body);
  const target = new JSZip();
  const when = w3cdtf(instant);
  const names = Object.keys(source.files);
  const renumber = chartRenumbering(names);
  let sections = 0;
  for (const name of names) {
    const entry = source.files[name];
    if (entry === undefined) continue;
    if (entry.dir) {
      target.folder(name);
      continue;
    }
    let content: Buffer = await entry.async("nodebuffer");
    if (/\.(xml|rels)$/.test(name)) {
      const text = content.toString("utf8");
      let next = renumber(text);
      // PowerPoint sections get a random GUID each time: number them instead.
      next = next.replace(
        /(<p14:section\b[^>]*\bid=")\{[^}]*\}/g,
        (_whole, start: string) => `${start}{${sectionGuid((sections += 1))}}`,
      );
      if (next !== text) content = Buffer.from(next, "utf8");
    }
    // Charts carry their data as an embedded workbook: a package of its own.
    if (/\.(xlsx|docx|pptx)$/i.test(name))
      content = await deterministicPackage(content, instant);
    if (name.endsWith("docProps/core.xml")) {
      content = Buffer.from(
        content
          .toString("utf8")
          .replace(
            /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
            `$1${when}$3`,
          )
          .replace(
            /(<cp:lastPrinted\b[^>]*>)[^<]*(<\/cp:lastPrinted>)/g,
            `$1${when}$2`,
          ),
        "utf8",
      );
    }
    target.file(renumber(name), content, {
      date: instant,
      createFolders: false,
    });
  }
  for (const file of Object.values(target.files)) file.date = instant;
  return target.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}

/**
 * Chart parts numbered from 1 in the package's order: pptxgenjs counts charts across all
 * presentations of the process, so the second build of a deck would name them chart7….
 */
function chartRenumbering(names: readonly string[]): (text: string) => string {
  const pattern =
    /\b(chart|Microsoft_Excel_Worksheet)(\d+)(?=\.(?:xml|xlsx)\b)/g;
  const numbers: number[] = [];
  for (const name of names)
    for (const match of name.matchAll(pattern)) {
      const number = Number(match[2]);
      if (!numbers.includes(number)) numbers.push(number);
    }
  const sorted = [...numbers].sort((a, b) => a - b);
  const mapping = new Map(sorted.map((number, index) => [number, index + 1]));
  return (text) =>
    mapping.size === 0
      ? text
      : text.replace(
          pattern,
          (whole: string, stem: string, digits: string) =>
            `${stem}${mapping.get(Number(digits)) ?? digits}`,
        );
}

/** A fixed GUID for the n-th section. */
function sectionGuid(index: number): string {
  const hex = createHash("sha256")
    .update(`section-${index}`)
    .digest("hex")
    .toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Replaces every match's group 1 with text of the same length (the PDF's offsets stay right). */
function sameLength(
  text: string,
  pattern: RegExp,
  replacement: (old: string) => string,
): string {
  return text.replace(pattern, (whole: string, value: string) => {
    const next = replacement(value);
    const fitted =
      next.length >= value.length
        ? next.slice(0, value.length)
        : next.padEnd(value.length, " ");
    return whole.replace(value, fitted);
  });
}

/** A PDF date "D:YYYYMMDDHHmmSS+00'00'" of the instant, cut or padded to `length`. */
function pdfDate(instant: Date, length: number): string {
  const digits = instant.toISOString().slice(0, 19).replace(/[-T:]/g, "");
  const full = `D:${digits}+00'00'`;
  return full.length > length ? full.slice(0, length) : full;
}

/**
 * Sets a PDF's creation and modification dates (Info dictionary and XMP) to `instant`, its
 * file identifier to a hash of its content and the names of its tagged elements to their
 * rank, byte for byte in place (every value keeps its length, so the cross-reference
 * offsets stay valid).
 */
export function deterministicPdf(body: Buffer, instant: Date): Buffer {
  // latin1 maps bytes to characters one to one, so lengths and offsets are kept.
  let text = renumberStructureNodes(body.toString("latin1"));
  text = sameLength(text, /\/(?:CreationDate|ModDate)\s*\(([^)]*)\)/g, (old) =>
    pdfDate(instant, old.length),
  );
  const iso = instant.toISOString().slice(0, 19);
  text = sameLength(
    text,
    /<xmp:(?:CreateDate|ModifyDate|MetadataDate)>([^<]*)</g,
    (old) => `${iso}Z`.padEnd(old.length, " "),
  );
  // The file identifier: derived from the content without it, so equal files get equal ids.
  const idPattern = /\/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]/g;
  const uuidPattern =
    /<xmpMM:(?:DocumentID|InstanceID)>(?:uuid:)?([0-9a-fA-F-]*)</g;
  const blank = text
    .replace(idPattern, "/ID[]")
    .replace(uuidPattern, "<xmpMM:ID>");
  const digest = createHash("sha256").update(blank, "latin1").digest("hex");
  const hexOf = (length: number): string =>
    digest.repeat(Math.ceil(length / digest.length) + 1).slice(0, length);
  text = text.replace(
    idPattern,
    (whole: string, first: string, second: string) =>
      whole
        .replace(`<${first}>`, `<${hexOf(first.length).toUpperCase()}>`)
        .replace(`<${second}>`, `<${hexOf(second.length).toUpperCase()}>`),
  );
  text = sameLength(text, uuidPattern, (old) =>
    old.replace(
      /[0-9a-fA-F]/g,
      (_c, index: number) => digest[index % 64] ?? "0",
    ),
  );
  return Buffer.from(text, "latin1");
}

/**
 * Chromium names the tagged elements other elements refer to (table header cells, which
 * data cells list as their /Headers; the structure tree's /IDTree) "node" and Blink's node
 * id. Those ids count across the renderer process: when Chromium reuses a renderer for the
 * next document, the same page gets other numbers. Each is replaced by its rank among the
 * document's ids, padded to its length: the order (and so the sorted name tree) is kept.
 */
function renumberStructureNodes(text: string): string {
  const pattern = /\(node(\d+)\)/g;
  const ids = [
    ...new Set([...text.matchAll(pattern)].map((match) => match[1] ?? "")),
  ].sort((a, b) => a.length - b.length || a.localeCompare(b));
  if (ids.length === 0) return text;
  const rank = new Map(ids.map((id, index) => [id, index + 1]));
  return text.replace(
    pattern,
    (whole: string, id: string) =>
      `(node${String(rank.get(id) ?? 0).padStart(id.length, "0")})`,
  );
}
