/**
 * OParl 1.1 links: `syncOparl` reads a small OParl server (fixture JSON after the 1.1
 * schema: a System, a Body, a paginated paper list with `links.next`, a meeting list with
 * an embedded agenda item, one deleted paper) and caches what the meetings refer to; the
 * public report shows the paper's reference and name with a link to its `web` page. An
 * unreachable endpoint and malformed JSON are refused and leave the cache as it was.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import { runCli } from "../../src/cli/main.js";
import {
  cachedOparlObject,
  syncOparl,
} from "../../src/app/open-data/oparl-sync.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import {
  createMeeting,
  updateMeeting,
} from "../../src/app/reports/committees.js";
import { listOparlObjects } from "../../src/db/oparl.repository.js";
import { isAppError } from "../../src/errors.js";
import { buildApp } from "../../src/web/build-app.js";
import { DIALECTS, TEST_NOW } from "../support/database.js";
import { startOparlServer, type OparlServer } from "../support/oparl-server.js";
import {
  createPublishedReport,
  KLEVE,
  NO_MEETING_LINKS,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";

let oparl: OparlServer;
let base = "";
/** Paths answered with broken JSON. */
let broken: Set<string>;

beforeAll(async () => {
  oparl = await startOparlServer();
  base = oparl.base;
  broken = oparl.broken;
});

afterAll(async () => {
  await oparl.close();
});

describe.each(DIALECTS)("OParl sync on %s", (dialect) => {
  let f: ReportingFixture;
  let municipalityId: number;

  beforeEach(async () => {
    broken.clear();
    f = await openReportingFixture(dialect);
    municipalityId = (await getCatalogue(f.ctx, KLEVE)).municipality.id;
    await updateMeeting(f.ctx, f.admin, {
      municipality: KLEVE,
      meetingId: f.meetingId,
      expectedVersion: 1,
      data: {
        committeeId: f.committeeId,
        day: "2023-03-14",
        title: null,
        oparlMeetingUrl: `${base}/oparl/v1/meeting/42`,
        oparlAgendaItemUrl: `${base}/oparl/v1/agendaitem/9`,
        oparlPaperUrl: `${base}/oparl/v1/paper/185`,
      },
    });
    // A second meeting refers to the deleted paper.
    await createMeeting(f.ctx, f.admin, {
      municipality: KLEVE,
      data: {
        committeeId: f.committeeId,
        day: "2023-05-09",
        ...NO_MEETING_LINKS,
        oparlPaperUrl: `${base}/oparl/v1/paper/7`,
      },
    });
  });

  afterEach(async () => {
    await f.t.close();
  });

  it("caches the referenced objects from the paginated lists, drops the deleted one and shows the paper on the report", async () => {
    const result = await syncOparl(f.ctx, KLEVE, {
      endpoint: `${base}/oparl/v1/system`,
      timeoutMs: 5000,
    });
    expect(result).toEqual({ referenced: 4, cached: 3, gone: 1, missing: 0 });
    expect(await listOparlObjects(f.ctx.db, municipalityId)).toEqual([
      {
        url: `${base}/oparl/v1/agendaitem/9`,
        type: "AgendaItem",
        name: "Sachstand Digitalisierung",
        reference: null,
        date: null,
        webUrl: "https://ratsinfo.example/to0050.asp?__ktonr=9",
      },
      {
        url: `${base}/oparl/v1/meeting/42`,
        type: "Meeting",
        name: "Ausschuss für Digitalisierung",
        reference: null,
        date: "2023-03-14",
        webUrl: "https://ratsinfo.example/to0040.asp?__ksinr=42",
      },
      {
        url: `${base}/oparl/v1/paper/185`,
        type: "Paper",
        name: "Sachstandsbericht Digitalisierung",
        reference: "A 10/185/2022",
        date: "2022-11-10",
        webUrl: "https://ratsinfo.example/vo0050.asp?__kvonr=185",
      },
    ]);
    expect(
      await cachedOparlObject(
        f.ctx,
        municipalityId,
        `${base}/oparl/v1/paper/7`,
      ),
    ).toBeNull();

    const reportId = await createPublishedReport(f, { asOf: "2023-03-01" });
    const app = await buildApp(f.ctx, {
      now: () => TEST_NOW,
      chromiumPath: "/nonexistent/chromium",
    });
    try {
      const page = await app.inject(`/kleve/berichte/${reportId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(
        /<a class="app-link" href="https:\/\/ratsinfo\.example\/vo0050\.asp\?__kvonr=185">Vorlage A 10\/185\/2022: Sachstandsbericht Digitalisierung<\/a>/,
      );
    } finally {
      await app.close();
    }
  });

  it("reads a Body endpoint as well", async () => {
    const result = await syncOparl(f.ctx, KLEVE, {
      endpoint: `${base}/oparl/v1/body/1`,
      timeoutMs: 5000,
    });
    expect(result).toEqual({ referenced: 4, cached: 3, gone: 1, missing: 0 });
  });

  it("refuses an unreachable endpoint and keeps the cache", async () => {
    await syncOparl(f.ctx, KLEVE, {
      endpoint: `${base}/oparl/v1/system`,
      timeoutMs: 5000,
    });
    const before = await listOparlObjects(f.ctx.db, municipalityId);
    const closed = createServer();
    await new Promise<void>((resolve) =>
      closed.listen(0, "127.0.0.1", resolve),
    );
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await syncOparl(f.ctx, KLEVE, {
      endpoint: `http://127.0.0.1:${port}/oparl/v1/system`,
      timeoutMs: 5000,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("ERR_OPARL_UNAVAILABLE");
    expect(isAppError(error) && error.detail).toContain("nicht erreichbar");
    expect(await listOparlObjects(f.ctx.db, municipalityId)).toEqual(before);
  });

  it("refuses malformed JSON on a later page and stores nothing", async () => {
    broken.add("/oparl/v1/body/1/paper?page=2");
    const error = await syncOparl(f.ctx, KLEVE, {
      endpoint: `${base}/oparl/v1/system`,
      timeoutMs: 5000,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("ERR_OPARL_UNAVAILABLE");
    expect(isAppError(error) && error.detail).toContain("kein gültiges JSON");
    expect(await listOparlObjects(f.ctx.db, municipalityId)).toEqual([]);
  });
});

describe("fortschritt oparl sync", () => {
  const saved = { ...process.env };
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-oparl-"));

  beforeAll(() => {
    process.env.FORTSCHRITT_DATA_DIR = directory;
    delete process.env.DATABASE_URL;
  });

  afterAll(() => {
    process.env = saved;
    rmSync(directory, { recursive: true, force: true });
  });

  async function run(
    ...args: string[]
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const out = vi
      .spyOn(process.stdout, "write")
      .mockImplementation((chunk: string | Uint8Array) => {
        stdout += String(chunk);
        return true;
      });
    const err = vi
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: string | Uint8Array) => {
        stderr += String(chunk);
        return true;
      });
    try {
      return { code: await runCli(args), stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it("reports an unreachable endpoint in German with exit code 1, and remembers the endpoint of a sync", async () => {
    broken.clear();
    expect((await run("demo")).code).toBe(0);
    const unknown = await run("oparl", "sync", "kleve");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("bitte --endpoint angeben");
    const failed = await run(
      "oparl",
      "sync",
      "kleve",
      "--endpoint",
      `${base}/gibt-es-nicht`,
      "--timeout",
      "5",
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      "Fehler (ERR_OPARL_UNAVAILABLE): Das OParl-System ist nicht erreichbar",
    );
    expect(failed.stderr).toContain("HTTP-Status 404");
    const done = await run(
      "oparl",
      "sync",
      "kleve",
      "--endpoint",
      `${base}/oparl/v1/system`,
    );
    expect(done.stderr).toBe("");
    expect(done).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("OParl: 0 von 0 Verweisen gespeichert"),
    });
    // The endpoint of the last successful sync is remembered.
    expect(await run("oparl", "sync", "kleve")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("OParl: 0 von 0"),
    });
  });
});
