/**
 * Two real server processes (`fortschritt serve`, bundled) on one database of each
 * dialect, with requests alternating between them: a sign-in begun on one and finished
 * on the other, a draft edit and a publication sent with that session to the second,
 * the public page of the first following within the signal's delay, and the sign-in
 * throttle counting failures whichever process answers. Not timed: every wait is for a
 * condition, with a deadline.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProject } from "../../src/app/catalogue/read-catalogue.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import {
  formatSecretKey,
  newSecretKey,
} from "../../src/app/auth/secret-box.js";
import type { AppContext } from "../../src/app/context.js";
import { closeAppContext, openAppContext } from "../../src/app/database.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import {
  createTestUser,
  csrfTokenIn,
  type TestUser,
} from "../support/accounts.js";

const ROOT = join(dirname(new URL(import.meta.url).pathname), "..", "..");
const PAGE = "/kleve/projekte/e-rechnungsworkflow";
const EDIT = "/kleve/verwaltung/projekte/e-rechnungsworkflow";

/** Waits until `check` holds, asking again every 25 ms (at most 20 s). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error("the condition did not come true in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port =
        typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A cookie jar as one Cookie header. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...rest] = pair.trim().split("=");
      const value = rest.join("=");
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()));
      if (value === "" || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join("; ");
  }
}

/** One `fortschritt serve` process. */
interface Server {
  readonly base: string;
  readonly child: ChildProcess;
  readonly output: string[];
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    [join(serverDirectory, "main.js"), "serve", "--no-demo"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "silent",
        NODE_ENV: "development",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the server ended: ${output.join("")}`);
    if (Date.now() > deadline)
      throw new Error(`the server did not answer: ${output.join("")}`);
    const ok = await fetch(`${base}/kleve/`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return { base, child, output };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The processes run the server as `npm start` does: the bundle of src/cli/main.ts
 * (scripts/bundle.mjs, ADR 0055), which is all that `fortschritt serve` loads of dist/.
 * It is made for this run in a directory of its own inside the project (Node finds
 * node_modules and the project's root from there), so the test neither needs `npm run
 * build` nor type-checks the sources again (the static checks do) nor touches dist/.
 */
let serverDirectory: string;

beforeAll(async () => {
  const cache = join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  serverDirectory = mkdtempSync(join(cache, "fortschritt-two-processes-"));
  const { bundleServer } = (await import(
    join(ROOT, "scripts", "bundle.mjs")
  )) as { bundleServer: (outdir: string) => Promise<void> };
  await bundleServer(serverDirectory);
}, 300_000);

afterAll(() => {
  if (serverDirectory !== undefined)
    rmSync(serverDirectory, { recursive: true, force: true });
});

describe.each(DIALECTS)(
  "two server processes on one %s database",
  (dialect) => {
    let test: TestContext;
    let admin: TestUser;
    let committee: TestUser;
    let first: Server;
    let second: Server;
    let dataDir: string;
    let ctx: AppContext;

    beforeAll(async () => {
      test = await openTestContext(dialect, { demo: true });
      // One key for the second factor's secrets, as every process of an installation has.
      const secretKey = newSecretKey();
      const shared = { FORTSCHRITT_SECRET_KEY: formatSecretKey(secretKey) };
      let env: NodeJS.ProcessEnv;
      if (test.target.dialect === "postgres") {
        ctx = await openAppContext(test.target, {
          clock: () => TEST_NOW,
          secretKey,
        });
        dataDir = mkdtempSync(join(tmpdir(), "fortschritt-two-processes-"));
        env = {
          ...shared,
          DATABASE_URL: test.target.url,
          FORTSCHRITT_DATA_DIR: dataDir,
        };
      } else {
        // The server keeps its SQLite file as fortschritt.sqlite in its data directory.
        await closeAppContext(test.ctx);
        dataDir = dirname(test.target.file);
        const file = join(dataDir, "fortschritt.sqlite");
        renameSync(test.target.file, file);
        ctx = await openAppContext(
          { dialect: "sqlite", file },
          { clock: () => TEST_NOW, secretKey },
        );
        env = { ...shared, DATABASE_URL: "", FORTSCHRITT_DATA_DIR: dataDir };
      }
      admin = await createTestUser(ctx, { role: "admin" });
      committee = await createTestUser(ctx, { role: "committee" });
      first = await startServer(env);
      second = await startServer(env);
    }, 300_000);

    afterAll(async () => {
      for (const server of [first, second])
        if (server !== undefined && server.child.exitCode === null) {
          const ended = new Promise((resolve) =>
            server.child.once("exit", resolve),
          );
          server.child.kill("SIGTERM");
          await Promise.race([ended, new Promise((r) => setTimeout(r, 5000))]);
          if (server.child.exitCode === null) server.child.kill("SIGKILL");
        }
      if (ctx !== undefined) await closeAppContext(ctx);
      if (dialect === "postgres") await test?.close();
      if (dataDir !== undefined)
        rmSync(dataDir, { recursive: true, force: true });
    });

    it("keeps sessions, forms, throttle and public pages consistent whichever process answers", async () => {
      expect(first.child.pid).not.toBe(second.child.pid);
      const jar = new Jar();
      const get = async (
        server: Server,
        path: string,
        headers: Record<string, string> = {},
      ) => {
        const response = await fetch(`${server.base}${path}`, {
          redirect: "manual",
          headers: { cookie: jar.header(), ...headers },
        });
        jar.take(response);
        return { response, body: await response.text() };
      };
      const post = async (
        server: Server,
        path: string,
        fields: Record<string, string>,
      ) => {
        const response = await fetch(`${server.base}${path}`, {
          method: "POST",
          redirect: "manual",
          headers: {
            cookie: jar.header(),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams(fields).toString(),
        });
        jar.take(response);
        return { response, body: await response.text() };
      };

      // Both processes serve the same published page.
      const before = (await fetch(`${first.base}${PAGE}`)).headers.get("etag");
      expect(before).not.toBeNull();
      expect((await fetch(`${second.base}${PAGE}`)).headers.get("etag")).toBe(
        before,
      );

      // Sign-in: the form from the first, the password to the second, the code form from
      // the first, the code to the second.
      const form = await get(first, "/anmelden");
      const login = await post(second, "/anmelden", {
        email: admin.email,
        password: admin.password,
        _csrf: csrfTokenIn(form.body) ?? "",
      });
      expect(login.response.status).toBe(303);
      const step = await get(first, "/anmelden/zweiter-faktor");
      expect(step.response.status).toBe(200);
      const confirmed = await post(second, "/anmelden/zweiter-faktor", {
        code: totpCodeAt(admin.totpSecret ?? "", new Date()),
        _csrf: csrfTokenIn(step.body) ?? "",
      });
      expect(confirmed.response.status).toBe(303);
      const account = await get(first, "/konto");
      expect(account.response.status).toBe(200);
      expect(account.body).toContain(admin.email);

      // A draft edit: the form read from the first, sent to the second.
      const text = `Geändert über zwei Prozesse (${dialect}).`;
      const current = (await getProject(ctx, "kleve", "e-rechnungsworkflow"))
        .entry.project;
      const editPage = await get(first, EDIT);
      expect(editPage.response.status).toBe(200);
      const saved = await post(second, `${EDIT}/grunddaten`, {
        version: String(current.version),
        titel: current.title,
        zusammenfassung: text,
        status: current.status,
        schlagwoerter: current.tags.join(", "),
        grund: "",
        _csrf: csrfTokenIn(editPage.body) ?? "",
      });
      expect(saved.response.status).toBe(303);
      // The draft edit leaves the public page of both processes as it was.
      for (const server of [first, second]) {
        const page = await fetch(`${server.base}${PAGE}`);
        expect(page.headers.get("etag")).toBe(before);
        expect(await page.text()).not.toContain(text);
      }

      // Publication from the second process, with the form read from the first.
      const changes = await get(first, "/kleve/entwurf/aenderungen");
      const stand = /name="stand" value="(\d+)"/.exec(changes.body)?.[1] ?? "";
      const published = await post(second, "/kleve/entwurf/veroeffentlichen", {
        stand,
        titel: "3. Fortschreibung",
        datum: "28.11.2022",
        beschluss: "Rat, 14.12.2022",
        _csrf: csrfTokenIn(changes.body) ?? "",
      });
      expect(published.response.status, published.body.slice(0, 2000)).toBe(
        303,
      );

      // The first process follows within the signal's delay: a new tag and the new text.
      let after: string | null = null;
      await eventually(async () => {
        const page = await fetch(`${first.base}${PAGE}`);
        after = page.headers.get("etag");
        return after !== before && (await page.text()).includes(text);
      });
      const again = await fetch(`${second.base}${PAGE}`);
      expect(again.headers.get("etag")).toBe(after);
      expect(await again.text()).toContain(text);
      // The cached copy answers 304 on either process for the new tag.
      for (const server of [first, second])
        expect(
          (
            await fetch(`${server.base}${PAGE}`, {
              headers: { "if-none-match": after ?? "" },
            })
          ).status,
        ).toBe(304);

      // The session ends on one process and is gone on the other.
      const bar = await get(second, "/konto");
      const signedOut = await post(first, "/abmelden", {
        _csrf: csrfTokenIn(bar.body) ?? "",
      });
      expect(signedOut.response.status).toBe(303);
      const gone = await fetch(`${second.base}/konto`, {
        redirect: "manual",
        headers: { cookie: jar.header() },
      });
      expect(gone.status).not.toBe(200);

      // The throttle counts wrong passwords whichever process hears them: after five, alternating,
      // even the right password is refused.
      const anonymous = new Jar();
      const attempt = async (server: Server, password: string) => {
        const page = await fetch(`${server.base}/anmelden`, {
          headers: { cookie: anonymous.header() },
        });
        anonymous.take(page);
        const response = await fetch(`${server.base}/anmelden`, {
          method: "POST",
          redirect: "manual",
          headers: {
            cookie: anonymous.header(),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({
            email: committee.email,
            password,
            _csrf: csrfTokenIn(await page.text()) ?? "",
          }).toString(),
        });
        anonymous.take(response);
        return response.status;
      };
      for (let i = 0; i < 5; i += 1)
        expect(
          await attempt(i % 2 === 0 ? first : second, "falsches Passwort"),
        ).toBeGreaterThanOrEqual(400);
      expect(await attempt(second, committee.password)).not.toBe(303);
      expect(await attempt(first, committee.password)).not.toBe(303);
    });
  },
);
