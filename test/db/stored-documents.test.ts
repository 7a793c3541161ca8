/**
 * Stored documents of published editions and reports (ADR 0046), on both databases: a
 * download is served from storage with its SHA-256 as strong ETag (304 on If-None-Match)
 * and the same bytes across requests and across a restart (a new app context on the same
 * database); requested documents are built by exactly one of two worker processes; a
 * browser asking for a document that is being built gets a progress page
 * and then the file. On SQLite the edition's three documents and the report's two are also
 * built twice from the same data: byte for byte the same.
 */
import { createHash } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/app/context.js";
import { closeAppContext, openAppContext } from "../../src/app/database.js";
import {
  publishedDocumentStates,
  requestPublishedDocuments,
  type DocumentMaker,
  type MadeDocument,
} from "../../src/app/documents/published-documents.js";
import { listPublishedReports } from "../../src/app/reports/read-reports.js";
import { createPdfRenderer } from "../../src/exports/pdf/render-pdf.js";
import { buildApp } from "../../src/web/build-app.js";
import { chromiumPath } from "../support/environment.js";
import { createDocumentMaker } from "../../src/web/documents/document-maker.js";
import { createViewContext } from "../../src/web/components/view.js";
import { StoredDocuments } from "../../src/web/documents/stored-documents.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";

const sha256 = (body: Buffer): string =>
  createHash("sha256").update(body).digest("hex");

/** Chromium on a busy two-core machine. */
const DOCUMENT_TIMEOUT = 300_000;

describe.each(DIALECTS)("stored documents on %s", (dialect) => {
  let test: TestContext;
  let app: FastifyInstance;
  let reportIds: readonly number[];

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: "with-reports" });
    app = await buildApp(test.ctx, { now: () => TEST_NOW });
    const { reports } = await listPublishedReports(test.ctx, "kleve");
    reportIds = reports.map((report) => report.id);
    expect(reportIds.length).toBeGreaterThanOrEqual(1);
  });

  afterAll(async () => {
    await app?.close();
    await test?.close();
  });

  /** A second app process on the same database. */
  async function secondProcess(): Promise<{
    ctx: AppContext;
    app: FastifyInstance;
    close(): Promise<void>;
  }> {
    const ctx = await openAppContext(test.target, { clock: () => TEST_NOW });
    const other = await buildApp(ctx, { now: () => TEST_NOW });
    return {
      ctx,
      app: other,
      async close() {
        await other.close();
        await closeAppContext(ctx);
      },
    };
  }

  it(
    "serve a published report's deck from storage: hash as ETag, 304, the same bytes across requests and a restart",
    async () => {
      const id = reportIds[0];
      const url = `/kleve/berichte/${id}/folien.pptx`;
      const first = await app.inject(url);
      expect(first.statusCode).toBe(200);
      const body = first.rawPayload;
      expect(first.headers.etag).toBe(`"${sha256(body)}"`);
      expect(first.headers["content-type"]).toContain("presentationml");
      // Built on demand (the demo was loaded, not published here) and stored.
      const states = await publishedDocumentStates(test.ctx, "kleve", {
        type: "report",
        key: String(id),
      });
      expect(states).toEqual([
        expect.objectContaining({
          kind: "pptx",
          state: "ready",
          size: body.length,
        }),
      ]);
      const second = await app.inject(url);
      expect(second.rawPayload.equals(body)).toBe(true);
      expect(second.headers.etag).toBe(first.headers.etag);
      const notModified = await app.inject({
        url,
        headers: { "if-none-match": String(first.headers.etag) },
      });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.rawPayload.length).toBe(0);

      const restarted = await secondProcess();
      try {
        const third = await restarted.app.inject(url);
        expect(third.statusCode).toBe(200);
        expect(third.rawPayload.equals(body)).toBe(true);
        expect(third.headers.etag).toBe(first.headers.etag);
      } finally {
        await restarted.close();
      }
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "build a requested document in exactly one of two worker processes and keep it",
    async () => {
      const id = String(reportIds[1]);
      await requestPublishedDocuments(
        test.ctx,
        "kleve",
        { type: "report", key: id },
        ["pptx"],
      );
      expect(
        await publishedDocumentStates(test.ctx, "kleve", {
          type: "report",
          key: id,
        }),
      ).toEqual([expect.objectContaining({ kind: "pptx", state: "pending" })]);
      // A second process's context without its app, so that only these two workers build.
      const otherCtx = await openAppContext(test.target, {
        clock: () => TEST_NOW,
      });
      const other = {
        ctx: otherCtx,
        close: async () => closeAppContext(otherCtx),
      };
      const renderer = createPdfRenderer({
        chromiumPath: chromiumPath(),
      });
      try {
        const a = new StoredDocuments(
          test.ctx,
          createDocumentMaker(test.ctx, renderer),
          { pollMs: 0 },
        );
        const b = new StoredDocuments(
          other.ctx,
          createDocumentMaker(other.ctx, renderer),
          { pollMs: 0 },
        );
        const built = await Promise.all([a.runRequested(), b.runRequested()]);
        expect(built[0] + built[1]).toBe(1);
        const [state] = await publishedDocumentStates(test.ctx, "kleve", {
          type: "report",
          key: id,
        });
        expect(state).toMatchObject({ kind: "pptx", state: "ready" });
        // The download sends the stored bytes.
        const response = await app.inject(`/kleve/berichte/${id}/folien.pptx`);
        expect(response.statusCode).toBe(200);
        expect(response.rawPayload.length).toBe(state?.size);
        // The page of the report's documents names the state.
        const page = await app.inject(`/kleve/berichte/${id}/dokumente`);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain("Folien (PPTX)");
        expect(page.body).toContain(": fertig");
        expect(page.body).not.toContain('http-equiv="refresh"');
      } finally {
        await renderer.close();
        await other.close();
      }
    },
    DOCUMENT_TIMEOUT,
  );

  it("show a browser a progress page while a document is built, then the file", async () => {
    let finish: (made: MadeDocument) => void = () => undefined;
    let builds = 0;
    const maker: DocumentMaker = {
      sourceKey: async () => "test",
      make: async () => {
        builds += 1;
        return new Promise<MadeDocument>((resolve) => {
          finish = resolve;
        });
      },
    };
    const documents = new StoredDocuments(test.ctx, maker, {
      pollMs: 0,
      waitMs: 50,
    });
    const server = Fastify();
    server.get("/datei", async (request, reply) =>
      documents.send(
        request,
        reply,
        "kleve",
        { type: "report", key: "999999" },
        "pdf",
        () => ({
          view: createViewContext("de"),
          requestUrl: "/datei",
          name: "Als PDF",
          backHref: "/kleve/berichte",
        }),
      ),
    );
    try {
      const accept = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
      const waiting = await server.inject({ url: "/datei", headers: accept });
      expect(waiting.statusCode).toBe(202);
      expect(waiting.headers["cache-control"]).toBe("no-store");
      expect(waiting.body).toContain("Dokument wird erstellt …");
      // No timed reload (WCAG 2.2.1): the script asks in the background, a button without it.
      expect(waiting.body).not.toContain('http-equiv="refresh"');
      expect(waiting.body).toContain('data-module="app-wait-for-document"');
      expect(waiting.body).toContain(">Jetzt erneut versuchen</a>");
      // Asked again while building: still one build (single-flight).
      const again = await server.inject({ url: "/datei", headers: accept });
      expect(again.statusCode).toBe(202);
      expect(builds).toBe(1);
      finish({
        body: Buffer.from("%PDF-1.4 test"),
        fileName: "test.pdf",
        mediaType: "application/pdf",
        sourceKey: "test",
      });
      await documents.close();
      const done = await server.inject({ url: "/datei", headers: accept });
      expect(done.statusCode).toBe(200);
      expect(done.body).toBe("%PDF-1.4 test");
      expect(done.headers.etag).toBe(
        `"${sha256(Buffer.from("%PDF-1.4 test"))}"`,
      );
      expect(builds).toBe(1);
    } finally {
      await server.close();
    }
  });

  it.runIf(dialect === "sqlite")(
    "build the edition's and the report's documents twice from the same data, byte for byte the same, the PDFs within their size",
    async () => {
      const renderer = createPdfRenderer({
        chromiumPath: chromiumPath(),
      });
      try {
        const maker = createDocumentMaker(test.ctx, renderer);
        const sizes = new Map<string, number>();
        const subjects = [
          ...(["docx", "pdf", "pptx"] as const).map((kind) => ({
            subject: { type: "edition" as const, key: "2" },
            kind,
          })),
          // A report's documents are stored under its id (its URLs name it by its number).
          ...(["pptx", "pdf"] as const).map((kind) => ({
            subject: { type: "report" as const, key: String(reportIds[0]) },
            kind,
          })),
        ];
        const firsts: Awaited<ReturnType<typeof maker.make>>[] = [];
        for (const { subject, kind } of subjects)
          firsts.push(await maker.make("kleve", subject, kind));
        // Each second build more than a second after its first: any clock in the bytes
        // would show. One wait after all first builds serves every pair.
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        for (const [index, { subject, kind }] of subjects.entries()) {
          const first = firsts[index]!;
          const second = await maker.make("kleve", subject, kind);
          expect(
            sha256(second.body),
            `${subject.type} ${subject.key} ${kind}`,
          ).toBe(sha256(first.body));
          sizes.set(`${subject.type} ${kind}`, first.body.length);
        }
        process.stdout.write(
          `document sizes: ${JSON.stringify(Object.fromEntries(sizes))}\n`,
        );
        // Vector timelines without pattern fills keep the PDFs small.
        expect(sizes.get("edition pdf")).toBeLessThanOrEqual(1024 * 1024);
        expect(sizes.get("report pdf")).toBeLessThanOrEqual(300 * 1024);
      } finally {
        await renderer.close();
      }
    },
    DOCUMENT_TIMEOUT * 2,
  );
});
