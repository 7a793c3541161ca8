/**
 * Forms that upload a file (`multipart/form-data`), read by @fastify/multipart with
 * limits, for the forms that take one: the OZG register import and the catalogue's
 * spreadsheet import. Only the plugins of those forms accept such bodies (acceptUploads).
 * The whole form is read before the route's hooks run, so text fields land on the body as
 * usual (the CSRF check finds `_csrf`) and files in `files`; whatever breaks a limit or is
 * no readable form ends as an error from the catalogue with a German message, before
 * anything is stored.
 */
import { megabytes } from "../../app/services/upload-limits.js";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../errors.js";

/** An uploaded file. */
export interface UploadedFile {
  readonly field: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** A read multipart body: text fields by name, and the files. */
export type MultipartBody = Record<string, string> & {
  readonly files?: readonly UploadedFile[];
};

/** What an upload form may carry. */
export interface UploadLimits {
  /** The largest file, in bytes. */
  readonly maxFileBytes: number;
  /** How many files (file inputs sent with a file). */
  readonly maxFiles: number;
  /** How many text fields. */
  readonly maxFields: number;
  /** The longest text field, in bytes. */
  readonly maxFieldBytes: number;
}

/** The limits of an import form: one file of at most `maxFileBytes`, a few short fields beside it. */
export function importUploadLimits(maxFileBytes: number): UploadLimits {
  return { maxFileBytes, maxFiles: 1, maxFields: 10, maxFieldBytes: 64 * 1024 };
}

const UNREADABLE =
  "Das Formular kam nicht vollständig an oder ist kein Formular mit Datei (multipart/form-data). Bitte erneut senden.";

/** A German error from the catalogue for what @fastify/multipart or busboy refused. */
function uploadError(error: unknown, limits: UploadLimits): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  const problem = (path: string, message: string) => ({
    problems: [{ path, message }],
    cause: error,
  });
  switch (code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new AppError(
        "ERR_UPLOAD_TOO_LARGE",
        problem(
          "/form/datei",
          `Die Datei ist größer als ${megabytes(limits.maxFileBytes)}. Bitte eine kleinere Datei wählen.`,
        ),
      );
    case "FST_FILES_LIMIT":
      return new AppError(
        "ERR_VALIDATION",
        problem(
          "/form",
          `Das Formular nimmt höchstens ${limits.maxFiles} Datei an.`,
        ),
      );
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
      return new AppError(
        "ERR_VALIDATION",
        problem(
          "/form",
          `Das Formular hat mehr als ${limits.maxFields} Felder.`,
        ),
      );
    default:
      return new AppError("ERR_VALIDATION", problem("/form", UNREADABLE));
  }
}

async function readParts(
  request: FastifyRequest,
  limits: UploadLimits,
): Promise<MultipartBody> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const data = await part.toBuffer();
      // A file input left empty is sent as a part without name and bytes: no file.
      if (part.filename === "" && data.length === 0) continue;
      files.push({
        field: part.fieldname,
        fileName: part.filename,
        contentType: part.mimetype,
        data,
      });
    } else {
      if (part.valueTruncated || part.fieldnameTruncated) {
        throw new AppError("ERR_VALIDATION", {
          problems: [
            {
              path: `/form/${part.fieldname}`,
              message: `Das Feld ist länger als ${limits.maxFieldBytes} Bytes.`,
            },
          ],
        });
      }
      fields[part.fieldname] =
        typeof part.value === "string" ? part.value : String(part.value);
    }
  }
  return Object.assign(fields, { files });
}

/**
 * Lets the routes of this plugin scope receive upload forms: registers @fastify/multipart
 * with the limits and reads every multipart body completely before validation.
 */
export async function acceptUploads(
  app: FastifyInstance,
  limits: UploadLimits,
): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles,
      fields: limits.maxFields,
      fieldSize: limits.maxFieldBytes,
      parts: limits.maxFiles + limits.maxFields,
      fieldNameSize: 100,
      headerPairs: 100,
    },
  });
  app.addHook("preValidation", async (request) => {
    if (!request.isMultipart()) return;
    try {
      request.body = await readParts(request, limits);
    } catch (error) {
      throw uploadError(error, limits);
    }
  });
}

/** The files of a form field, from a body read by acceptUploads. */
export function uploadedFiles(
  body: unknown,
  field: string,
): readonly UploadedFile[] {
  const files =
    (body as { files?: readonly UploadedFile[] } | null)?.files ?? [];
  return files.filter((file) => file.field === field);
}

/** The file of a required upload field; a validation error on that field when none or an empty one came. */
export function requiredUpload(
  body: unknown,
  field: string,
  message: string,
): UploadedFile {
  const file = uploadedFiles(body, field)[0];
  if (file === undefined || file.data.length === 0)
    throw new AppError("ERR_VALIDATION", {
      problems: [{ path: `/form/${field}`, message }],
    });
  return file;
}
