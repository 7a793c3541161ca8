/**
 * The fast lane in front of the router (src/web/http/fast-lane.ts), through a listening
 * server: a repeated anonymous read is answered with exactly the status, headers and body
 * the normal path sends (plain, gzip, brotli, HEAD, 304), a signed-in reader never gets
 * the anonymous page, an edit of the draft keeps the public entity tag and a publication
 * moves it on at once, and a parameter no route knows is never recorded.
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { updateProject } from "../../src/app/catalogue/update-project.js";
import { publishEdition } from "../../src/app/edition/publish-edition.js";
import { findProject } from "../../src/domain/catalogue/catalogue.js";
import { buildApp } from "../../src/web/build-app.js";
import { carriesSessionCookie } from "../../src/web/http/fast-lane.js";
import { signInAs } from "../support/accounts.js";
import {
  openTestContext,
  TEST_NOW,
  WEB_DIALECTS,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

const PROJECT = "e-rechnungsworkflow";

interface RawResponse {
  readonly status: number;
  /** Header lines as sent, without Date (it names the second of sending). */
  readonly headers: readonly string[];
  readonly body: Buffer;
  header(name: string): string | undefined;
}

function fetchRaw(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method: "GET" | "HEAD" = "GET",
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", reject);
        res.once("end", () => {
          const lines: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = (res.rawHeaders[i] ?? "").toLowerCase();
            if (name !== "date")
              lines.push(`${name}: ${res.rawHeaders[i + 1]}`);
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: lines,
            body: Buffer.concat(chunks),
            header: (name) => {
              const value = res.headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(", ") : value;
            },
          });
        });
      },
    );
    req.once("error", reject);
    req.end();
  });
}

describe.each(WEB_DIALECTS)("the fast lane on %s", (dialect) => {
  let test: TestContext;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: true });
    app = await buildApp(test.ctx, { now: () => TEST_NOW });
    await app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await test?.close();
  });

  const served = (): number => app.fastLane?.stats.served ?? 0;

  /** The response, asked for until the fast lane answers it (the normal path records it first). */
  async function fromFastLane(
    path: string,
    headers: Record<string, string> = {},
    method: "GET" | "HEAD" = "GET",
  ): Promise<RawResponse> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const before = served();
      const response = await fetchRaw(base, path, headers, method);
      if (served() === before + 1) return response;
    }
    throw new Error(`the fast lane never answered ${method} ${path}`);
  }

  async function editSummary(summary: string): Promise<void> {
    const draft = await getCatalogue(test.ctx, "kleve");
    const entry = findProject(draft, PROJECT);
    if (entry === null) throw new Error("demo project missing");
    await updateProject(
      test.ctx,
      buildPrincipal(draft.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      }),
      {
        municipality: "kleve",
        project: PROJECT,
        expectedVersion: entry.project.version,
        data: {
          title: entry.project.title,
          summary,
          status: entry.project.status,
        },
      },
    );
  }

  async function publish(): Promise<void> {
    const draft = await getCatalogue(test.ctx, "kleve");
    await publishEdition(
      test.ctx,
      buildPrincipal(draft.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      }),
      {
        municipality: "kleve",
        expectedDataVersion: draft.municipality.dataVersion,
        confirmConflicts: true,
        data: {},
      },
    );
  }

  it.each([
    "/kleve/",
    `/kleve/projekte/${PROJECT}`,
    "/kleve/zeitstrahl",
    "/kleve/zeitstrahl?lang=en",
    "/kleve/fortschreibungen/1",
    "/api/v1/municipalities/kleve/catalogue",
    `/api/v1/municipalities/kleve/projects/${PROJECT}`,
  ])(
    "answers %s with the status, headers and body of the normal path",
    async (path) => {
      // A parameter no route knows always takes the normal path, to the same kept entry.
      const normalPath = `${path}${path.includes("?") ? "&" : "?"}x=1`;
      const variants: readonly Record<string, string>[] = [
        {},
        { "accept-encoding": "gzip, deflate" },
        { "accept-encoding": "gzip, br" },
      ];
      for (const headers of variants) {
        for (const method of ["GET", "HEAD"] as const) {
          const fast = await fromFastLane(path, headers, method);
          const before = served();
          const normal = await fetchRaw(base, normalPath, headers, method);
          expect(served(), "an unknown parameter skips the fast lane").toBe(
            before,
          );
          expect(fast.status).toBe(200);
          expect(fast.headers).toEqual(normal.headers);
          expect(fast.body.equals(normal.body)).toBe(true);
          expect(fast.header("content-security-policy")).toContain(
            "default-src 'self'",
          );
          expect(fast.header("cache-control")).toBe("public, max-age=60");

          const tag = fast.header("etag") ?? "";
          const conditional = { ...headers, "if-none-match": tag };
          const notModified = await fromFastLane(path, conditional, method);
          const normalNotModified = await fetchRaw(
            base,
            normalPath,
            conditional,
            method,
          );
          expect(notModified.status).toBe(304);
          expect(notModified.body.length).toBe(0);
          expect(notModified.headers).toEqual(normalNotModified.headers);
        }
      }
    },
  );

  it("never hands a signed-in reader, or one whose session ended, the anonymous page", async () => {
    const page = `/kleve/projekte/${PROJECT}`;
    const anonymous = await fromFastLane(page);
    const { cookie } = await signInAs(app, test.ctx, "admin");
    const before = served();
    const signedIn = await fetchRaw(base, page, { cookie });
    expect(served()).toBe(before);
    expect(signedIn.status).toBe(200);
    expect(signedIn.header("cache-control")).toBe("no-store");
    expect(signedIn.header("etag")).toBeUndefined();
    // Rendered for the session by the normal path, not the anonymous answer replayed.
    expect(signedIn.headers).not.toEqual(anonymous.headers);

    const ended = await fetchRaw(base, page, {
      cookie: "fortschritt=eine-laengst-beendete-sitzung",
    });
    expect(served()).toBe(before);
    expect(ended.header("set-cookie")).toContain("fortschritt=;");
    expect(ended.header("cache-control")).toBe("no-store");
    expect(
      carriesSessionCookie("fortschritt-csrf=abc; __Host-fortschritt=x"),
    ).toBe(true);
    expect(carriesSessionCookie("fortschritt-csrf=abc")).toBe(false);
  });

  it("keeps the public entity tag through a draft edit and moves it on with a publication", async () => {
    const page = `/kleve/projekte/${PROJECT}`;
    const api = `/api/v1/municipalities/kleve/projects/${PROJECT}`;
    const before = await fromFastLane(page);
    const apiBefore = await fromFastLane(api);

    await editSummary("Schnellspur: noch nicht veröffentlicht.");
    const afterEdit = await fromFastLane(page);
    expect(afterEdit.header("etag")).toBe(before.header("etag"));
    expect(afterEdit.body.toString()).not.toContain("Schnellspur");
    expect((await fromFastLane(api)).header("etag")).toBe(
      apiBefore.header("etag"),
    );

    await publish();
    // The very next answer is the new edition, whichever path gives it.
    const published = await fetchRaw(base, page);
    expect(published.header("etag")).not.toBe(before.header("etag"));
    expect(published.body.toString()).toContain(
      "Schnellspur: noch nicht veröffentlicht.",
    );
    const again = await fromFastLane(page);
    expect(again.header("etag")).toBe(published.header("etag"));
    expect((await fetchRaw(base, api)).header("etag")).not.toBe(
      apiBefore.header("etag"),
    );
    // A client holding the old tag gets the new page, not a 304.
    const stale = await fetchRaw(base, page, {
      "if-none-match": before.header("etag") ?? "",
    });
    expect(stale.status).toBe(200);
  });

  it("records no URL with a parameter no route knows", async () => {
    await fromFastLane("/kleve/zeitstrahl");
    const urls = app.fastLane?.stats.urls ?? 0;
    const before = served();
    for (let i = 0; i < 20; i += 1) {
      const random = await fetchRaw(
        base,
        `/kleve/zeitstrahl?x=${Math.random().toString(36).slice(2)}`,
      );
      expect(random.status).toBe(200);
    }
    expect(served()).toBe(before);
    expect(app.fastLane?.stats.urls).toBe(urls);
  });
});
