/**
 * Documents of drafts (an unpublished report's deck and PDF, or any report a member of
 * staff downloads from the editor), rendered on demand: they change with every edit, so
 * they are not stored (ADR 0046) but kept in memory under a hash of the data they are made
 * from (ADR 0050). Ten readers asking for the same missing document at once wait for one
 * build (lru-cache's fetch); a browser that would wait longer than a second gets the page
 * "Dokument wird erstellt …", which reloads itself until the file is there.
 *
 * Usage (one per app; the route has checked that the reader may see the draft):
 *
 *   const drafts = new DraftDocuments();
 *   return drafts.send(request, reply, ["report", reportId, kind, FORMAT, document, meeting],
 *     () => makeFile(), () => ({ view, requestUrl: request.url, name, backHref }));
 */
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  createMemoryCache,
  dataJson,
  type MemoryCache,
} from "../../app/memory-cache.js";
import { AppError } from "../../errors.js";
import { sendFile } from "../http/send-file.js";
import { sendWhenBuilt, type ProgressPage } from "./stored-documents.js";

/** A document made on demand. */
export interface DraftFile {
  readonly body: Buffer;
  readonly fileName: string;
  readonly mediaType: string;
}

/** How long a browser waits and how much memory the kept documents may take. */
export interface DraftDocumentsOptions {
  /** A browser waits this long before it gets the progress page (default 1 s). */
  readonly waitMs?: number;
  /** Bytes of documents kept in memory (default 64 MB). */
  readonly maxBytes?: number;
}

/** At most this many failed builds are remembered for the browsers that stopped waiting. */
const MAX_FAILURES = 100;

/** Draft documents: built once for all concurrent readers, kept while memory allows. */
export class DraftDocuments {
  private readonly files: MemoryCache<DraftFile, () => Promise<DraftFile>>;
  /** Builds that failed after their reader got the progress page: the reload shows the error. */
  private readonly failures = new Map<string, Error>();
  private readonly waitMs: number;

  constructor(options: DraftDocumentsOptions = {}) {
    this.waitMs = options.waitMs ?? 1_000;
    this.files = createMemoryCache<DraftFile, () => Promise<DraftFile>>({
      name: "draft-documents",
      maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
      sizeOf: (file) => file.body.length,
      build: async (_key, make) => make(),
    });
  }

  /**
   * Sends the document made from `source` (everything the file depends on: the subject,
   * its kind, the format and the data), building it with `make` when no reader has yet.
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    source: readonly unknown[],
    make: () => Promise<DraftFile>,
    progress: () => ProgressPage,
  ): Promise<FastifyReply> {
    const key = createHash("sha256")
      .update(dataJson(source) ?? "")
      .digest("hex");
    const failure = this.failures.get(key);
    if (failure !== undefined) {
      // Shown once; the next request builds again.
      this.failures.delete(key);
      throw failure;
    }
    const build = this.files.fetch(key, make).then((file) => {
      if (file === undefined) throw new AppError("ERR_DOCUMENT_UNAVAILABLE");
      return file;
    });
    // A browser that stopped waiting leaves the promise alone: its failure is not unhandled.
    build.catch(() => undefined);
    let sent: FastifyReply;
    try {
      sent = await sendWhenBuilt(
        request,
        reply,
        build,
        this.waitMs,
        (file) => sendFile(reply, file.mediaType, file.fileName, file.body),
        progress,
      );
    } catch (error) {
      // This reader sees the failure: nobody needs it remembered.
      this.failures.delete(key);
      throw error;
    }
    if (reply.statusCode === 202)
      build.catch((error: unknown) =>
        this.remember(
          key,
          error instanceof Error
            ? error
            : new AppError("ERR_DOCUMENT_UNAVAILABLE"),
        ),
      );
    return sent;
  }

  private remember(key: string, error: Error): void {
    if (this.failures.size >= MAX_FAILURES) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(key, error);
  }
}
