/**
 * Public pages kept in memory, on both dialects: the published version decides the entity
 * tag (an edit of the draft leaves it, a publication moves it on), two app instances on
 * one database serve the same pages after a write in either, and a query parameter no
 * route knows neither renders a page nor evicts one.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { updateProject } from "../../src/app/catalogue/update-project.js";
import type { AppContext } from "../../src/app/context.js";
import { closeAppContext, openAppContext } from "../../src/app/database.js";
import { cacheStatistics } from "../../src/app/memory-cache.js";
import { publishEdition } from "../../src/app/edition/publish-edition.js";
import { findProject } from "../../src/domain/catalogue/catalogue.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import {
  createTestUser,
  csrfTokenIn,
  mergeCookies,
  signInAs,
} from "../support/accounts.js";

const PROJECT = "e-rechnungsworkflow";

/** Waits until `check` holds, asking again every 20 ms (at most 15 s). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error("the condition did not come true in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(DIALECTS)("public pages kept in memory on %s", (dialect) => {
  let test: TestContext;
  let other: AppContext;
  let first: FastifyInstance;
  let second: FastifyInstance;

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: true });
    first = await buildApp(test.ctx, { now: () => TEST_NOW });
    // Another app process on the same database: its own context, pool, caches and watch.
    other = await openAppContext(test.target, {
      clock: () => TEST_NOW,
      watch: { sqlitePollMs: 20, postgresPollMs: 60_000 },
    });
    second = await buildApp(other, { now: () => TEST_NOW });
  });

  afterAll(async () => {
    await second?.close();
    if (other !== undefined) await closeAppContext(other);
    await first?.close();
    await test?.close();
  });

  async function editSummary(ctx: AppContext, summary: string): Promise<void> {
    const draft = await getCatalogue(ctx, "kleve");
    const entry = findProject(draft, PROJECT);
    if (entry === null) throw new Error("demo project missing");
    const admin = buildPrincipal(draft.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    await updateProject(ctx, admin, {
      municipality: "kleve",
      project: PROJECT,
      expectedVersion: entry.project.version,
      data: {
        title: entry.project.title,
        summary,
        status: entry.project.status,
      },
    });
  }

  async function publish(ctx: AppContext): Promise<void> {
    const draft = await getCatalogue(ctx, "kleve");
    const admin = buildPrincipal(draft.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    await publishEdition(ctx, admin, {
      municipality: "kleve",
      expectedDataVersion: draft.municipality.dataVersion,
      confirmConflicts: true,
      data: {},
    });
  }

  const PUBLIC_URLS = [
    "/kleve/",
    `/kleve/projekte/${PROJECT}`,
    "/kleve/zeitstrahl",
    "/api/v1/municipalities/kleve/catalogue",
    `/api/v1/municipalities/kleve/projects/${PROJECT}`,
  ];

  async function tags(app: FastifyInstance): Promise<string[]> {
    const responses = await Promise.all(
      PUBLIC_URLS.map((url) => app.inject(url)),
    );
    for (const response of responses) expect(response.statusCode).toBe(200);
    return responses.map((response) => String(response.headers.etag));
  }

  it("keeps public entity tags through an edit of the draft and moves them on with a publication", async () => {
    const before = await tags(first);
    await editSummary(test.ctx, "Entwurf: noch nicht veröffentlicht.");
    expect(await tags(first)).toEqual(before);
    expect(
      (await first.inject(`/kleve/projekte/${PROJECT}`)).body,
    ).not.toContain("Entwurf: noch nicht veröffentlicht.");

    await publish(test.ctx);
    const after = await tags(first);
    for (const [index, tag] of after.entries())
      expect(tag, PUBLIC_URLS[index]).not.toBe(before[index]);
    expect((await first.inject(`/kleve/projekte/${PROJECT}`)).body).toContain(
      "Entwurf: noch nicht veröffentlicht.",
    );
  });

  it("serves the same pages from two app instances after a write in either", async () => {
    const page = `/kleve/projekte/${PROJECT}`;
    // Both have the current page in memory.
    expect((await first.inject(page)).headers.etag).toBe(
      (await second.inject(page)).headers.etag,
    );

    await editSummary(test.ctx, "Geschrieben von der ersten Instanz.");
    await publish(test.ctx);
    expect((await first.inject(page)).body).toContain(
      "Geschrieben von der ersten Instanz.",
    );
    await eventually(async () =>
      (await second.inject(page)).body.includes(
        "Geschrieben von der ersten Instanz.",
      ),
    );

    await editSummary(other, "Geschrieben von der zweiten Instanz.");
    await publish(other);
    expect((await second.inject(page)).body).toContain(
      "Geschrieben von der zweiten Instanz.",
    );
    await eventually(async () =>
      (await first.inject(page)).body.includes(
        "Geschrieben von der zweiten Instanz.",
      ),
    );
    expect((await first.inject(page)).headers.etag).toBe(
      (await second.inject(page)).headers.etag,
    );
  });

  it("neither renders nor evicts a page for a query parameter no route knows", async () => {
    const plain = await first.inject("/kleve/zeitstrahl");
    const kept = () =>
      cacheStatistics()
        .filter((stats) => stats.name === "portal pages")
        .reduce((sum, stats) => sum + stats.entries, 0);
    const before = kept();
    for (let i = 0; i < 20; i += 1) {
      const random = await first.inject(
        `/kleve/zeitstrahl?x=${Math.random().toString(36).slice(2)}`,
      );
      expect(random.statusCode).toBe(200);
      expect(random.headers.etag).toBe(plain.headers.etag);
      expect(random.body).toBe(plain.body);
    }
    expect(kept()).toBe(before);
    // A known parameter is a page of its own.
    const english = await first.inject("/kleve/zeitstrahl?lang=en&x=1");
    expect(english.headers.etag).not.toBe(plain.headers.etag);
    expect(kept()).toBe(before + 1);
  });

  it("sends the kept brotli or gzip body the client accepts", async () => {
    const br = await first.inject({
      url: "/kleve/",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("Accept-Encoding");
    const gz = await first.inject({
      url: "/kleve/",
      headers: { "accept-encoding": "gzip" },
    });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await first.inject("/kleve/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    const { brotliDecompressSync, gunzipSync } = await import("node:zlib");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const notModified = await first.inject({
      url: "/kleve/",
      headers: { "if-none-match": String(br.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);
  });

  it("keeps sessions and CSRF tokens valid whichever instance answers", async () => {
    // Sign-in: the form from one instance, the password sent to the other.
    const member = await createTestUser(test.ctx, { role: "committee" });
    const form = await first.inject("/anmelden");
    const token = csrfTokenIn(form.body) ?? "";
    const login = await second.inject({
      method: "POST",
      url: "/anmelden",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: mergeCookies("", form),
      },
      payload: new URLSearchParams({
        email: member.email,
        password: member.password,
        _csrf: token,
      }).toString(),
    });
    expect(login.statusCode).toBe(303);

    // A session made by one instance, a form read from it and sent to the other, and back.
    const { cookie } = await signInAs(first, test.ctx, "admin");
    const account = await second.inject({ url: "/konto", headers: { cookie } });
    expect(account.statusCode).toBe(200);
    const created = await first.inject({
      method: "POST",
      url: "/konto/api-tokens",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      payload: new URLSearchParams({
        name: "Abgleich über zwei Prozesse",
        _csrf: csrfTokenIn(account.body) ?? "",
      }).toString(),
    });
    expect(created.statusCode).toBeLessThan(400);
    const again = await second.inject({ url: "/konto", headers: { cookie } });
    expect(again.body).toContain("Abgleich über zwei Prozesse");
    // Staff pages are never served from the public cache.
    expect(again.headers["cache-control"]).toBe("no-store");
  });
});
