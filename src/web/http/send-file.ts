/**
 * Sending generated files (PPTX, PDF, CSV, XLSX) as downloads: never cached unless the
 * caller says otherwise, with the file name the browser offers.
 */
import type { FastifyReply } from "fastify";
import { NO_STORE } from "./cache.js";

/** Sends a generated file as a download. */
export function sendFile(
  reply: FastifyReply,
  contentType: string,
  fileName: string,
  body: Buffer,
  cacheControl: string = NO_STORE,
): FastifyReply {
  return reply
    .header("cache-control", cacheControl)
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .type(contentType)
    .send(body);
}
