/** Reading an uploaded file whose reader refuses bad files with an error of its own. */
import { AppError, type ErrorCode } from "../../errors.js";

/** How an import reports a file its reader refuses. */
export interface UploadRefusal {
  /** The error the reader throws for a file it cannot read; its message is German. */
  readonly error: abstract new (...args: never[]) => Error;
  /** The validation error of the import. */
  readonly code: ErrorCode;
  /** Where the problem is shown (the upload field of the form). */
  readonly path: string;
}

/**
 * Reads an uploaded file with `read`; a refusal by the reader becomes `refusal.code`
 * naming the file, with the reader's message as the problem. Other errors pass unchanged.
 */
export async function readUpload<T>(
  read: (fileName: string, bytes: Buffer) => Promise<T>,
  fileName: string,
  bytes: Buffer,
  refusal: UploadRefusal,
): Promise<T> {
  try {
    return await read(fileName, bytes);
  } catch (error) {
    if (!(error instanceof refusal.error)) throw error;
    throw new AppError(refusal.code, {
      detail: `${fileName}:`,
      problems: [{ path: refusal.path, message: error.message }],
      cause: error,
    });
  }
}
