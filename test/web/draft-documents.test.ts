/**
 * A draft's documents are made on demand (ADR 0050): ten readers asking at once for the
 * same missing file wait for one build and all get it; changed data builds a new file; a
 * browser that would wait longer than the wait time gets "Dokument wird erstellt …", which
 * reloads itself, and then the file; a build that fails after that shows its error once.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createViewContext } from "../../src/web/components/view.js";
import {
  DraftDocuments,
  type DraftFile,
} from "../../src/web/documents/draft-documents.js";

const BROWSER = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

describe("draft documents", () => {
  let server: FastifyInstance;
  let builds: string[];
  let finish: (() => void)[];
  let failNext: boolean;

  beforeEach(async () => {
    builds = [];
    finish = [];
    failNext = false;
    const drafts = new DraftDocuments({ waitMs: 50 });
    server = Fastify();
    // The draft's data is the query's "stand": another stand is another document.
    server.get("/entwurf.pdf", async (request, reply) => {
      const stand = (request.query as { stand?: string }).stand ?? "1";
      return drafts.send(
        request,
        reply,
        ["report", 7, "pdf", { stand }],
        async () => {
          builds.push(stand);
          const failing = failNext;
          await new Promise<void>((resolve) => finish.push(resolve));
          if (failing) throw new Error("Chromium fehlt");
          return {
            body: Buffer.from(`%PDF-1.7 Stand ${stand}`),
            fileName: "bericht.pdf",
            mediaType: "application/pdf",
          } satisfies DraftFile;
        },
        () => ({
          view: createViewContext("de"),
          requestUrl: request.url,
          name: "Als PDF",
          backHref: "/kleve/verwaltung/berichte/1",
        }),
      );
    });
    await server.ready();
  });

  afterEach(async () => {
    await server.close();
  });

  /** Lets every build that waits finish. */
  function finishBuilds(): void {
    for (const resolve of finish.splice(0)) resolve();
  }

  it("builds once for ten concurrent first requests and sends all of them the file", async () => {
    const requests = Array.from({ length: 10 }, () =>
      server.inject({ url: "/entwurf.pdf" }),
    );
    // Every request has reached the build before it finishes.
    await expect.poll(() => finish.length).toBe(1);
    finishBuilds();
    const responses = await Promise.all(requests);
    expect(builds).toEqual(["1"]);
    for (const response of responses) {
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe("%PDF-1.7 Stand 1");
      expect(response.headers["content-disposition"]).toContain(
        'filename="bericht.pdf"',
      );
    }
    // Asked again later: from memory, no new build.
    const later = await server.inject({ url: "/entwurf.pdf" });
    expect(later.body).toBe("%PDF-1.7 Stand 1");
    expect(builds).toEqual(["1"]);
    // Changed data: a new build with the new data.
    const changed = server.inject({ url: "/entwurf.pdf?stand=2" });
    await expect.poll(() => finish.length).toBe(1);
    finishBuilds();
    expect((await changed).body).toBe("%PDF-1.7 Stand 2");
    expect(builds).toEqual(["1", "2"]);
  });

  it("shows a browser the progress page while the build takes longer, then the file", async () => {
    const waiting = await server.inject({
      url: "/entwurf.pdf",
      headers: BROWSER,
    });
    expect(waiting.statusCode).toBe(202);
    expect(waiting.headers["cache-control"]).toBe("no-store");
    expect(waiting.body).toContain("Dokument wird erstellt …");
    expect(waiting.body).not.toContain('http-equiv="refresh"');
    expect(waiting.body).toContain('data-module="app-wait-for-document"');
    expect(waiting.body).toContain('href="/kleve/verwaltung/berichte/1"');
    // The reload while it is still built: the same build, the page again.
    const again = await server.inject({
      url: "/entwurf.pdf",
      headers: BROWSER,
    });
    expect(again.statusCode).toBe(202);
    expect(builds).toEqual(["1"]);
    finishBuilds();
    await expect
      .poll(
        async () =>
          (await server.inject({ url: "/entwurf.pdf", headers: BROWSER }))
            .statusCode,
      )
      .toBe(200);
    const done = await server.inject({ url: "/entwurf.pdf", headers: BROWSER });
    expect(done.body).toBe("%PDF-1.7 Stand 1");
    expect(builds).toEqual(["1"]);
  });

  it("shows a browser that got the progress page the failure once, then builds again", async () => {
    failNext = true;
    const waiting = await server.inject({
      url: "/entwurf.pdf",
      headers: BROWSER,
    });
    expect(waiting.statusCode).toBe(202);
    finishBuilds();
    await expect
      .poll(
        async () =>
          (await server.inject({ url: "/entwurf.pdf", headers: BROWSER }))
            .statusCode,
      )
      .toBe(500);
    // The next request builds again (and this time it works).
    failNext = false;
    const retry = server.inject({ url: "/entwurf.pdf" });
    await expect.poll(() => finish.length).toBe(1);
    finishBuilds();
    expect((await retry).statusCode).toBe(200);
    expect(builds).toEqual(["1", "1"]);
  });
});
