/**
 * Reading `multipart/form-data` (a form with a file input), for the one form that uploads
 * a file: the OZG register import. Small on purpose — no multipart library is installed
 * and this form needs only text fields and one file held in memory (bodyLimit bounds it).
 * Text fields land on the body object as usual (so the CSRF check finds `_csrf`); files
 * in `files`.
 */

/** An uploaded file. */
export interface UploadedFile {
  readonly field: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** A parsed multipart body: text fields by name, and the files. */
export type MultipartBody = Record<string, string> & { readonly files?: readonly UploadedFile[] };

/** The boundary of a multipart content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  return match === null ? null : (match[1] ?? match[2] ?? "").trim() || null;
}

function headerValue(headers: string, name: string): string | null {
  const line = headers.split("\r\n").find((each) => each.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? null : line.slice(name.length + 1).trim();
}

function parameter(header: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, "i").exec(header);
  return match?.[1] ?? null;
}

/**
 * Parses a multipart body (RFC 7578). Throws a RangeError for a body that is not one; the
 * route turns it into ERR_VALIDATION.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let position = body.indexOf(delimiter);
  if (position === -1) throw new RangeError("multipart body without boundary");
  for (;;) {
    position += delimiter.length;
    // "--" after a delimiter ends the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
    const next = body.indexOf(delimiter, position);
    if (next === -1) throw new RangeError("multipart body not terminated");
    // The part ends with CRLF before the next delimiter.
    const partEnd = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    const part = body.subarray(position, partEnd);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd === -1) throw new RangeError("multipart part without headers");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const disposition = headerValue(headers, "content-disposition") ?? "";
    const name = parameter(disposition, "name");
    if (name !== null) {
      const fileName = parameter(disposition, "filename");
      if (fileName === null) {
        fields[name] = content.toString("utf8");
      } else if (fileName !== "" || content.length > 0) {
        files.push({ field: name, fileName, contentType: headerValue(headers, "content-type") ?? "application/octet-stream", data: Buffer.from(content) });
      }
    }
    position = next;
  }
  return Object.assign(fields, { files });
}
