/**
 * The text of a part of an Office document (a DOCX's `word/document.xml`, a PPTX's
 * slide), as tests read it back: each paragraph (`w:p`, `a:p`) on a line of its own,
 * without markup, with XML's escapes undone.
 */
export function xmlText(xml: string): string {
  return xml
    .replace(/<\/(w:p|a:p)>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}
