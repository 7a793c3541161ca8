/**
 * The attack set of an outside test, over HTTP against the running app on each database:
 * open redirects, second-factor guessing, unstorable input, hostile uploads, formula
 * injection, tokens in logs, secrets at rest, who reads the audit log, and where
 * anonymous visitors of staff pages end up.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { findProjectRoot } from "../src/project-root.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { COMMAND_LINE } from "../src/app/auth/account-audit.js";
import { createApiToken } from "../src/app/auth/api-tokens.js";
import { writeRegisterFile } from "../src/exports/register/register-file.js";
import { runCli } from "../src/cli/main.js";
import { createTestUser, type TestUser } from "../test/support/accounts.js";
import { DIALECTS } from "../test/support/database.js";
import { startApp, Visitor, type RunningApp } from "./support/server.js";

const REDIRECT_ATTACKS = [
  "//evil.example/x",
  "/.//evil.example/x",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/%2f%2fevil.example",
  "/%2F/evil.example",
  "/\\evil.example",
  "/%5c%5cevil.example",
  "/\t/evil.example",
  "/\n//evil.example",
  "javascript:alert(1)",
  "https://evil.example/",
  "///evil.example",
];

function leavesSite(location: string | null): boolean {
  return (
    location !== null &&
    new URL(location, "https://kleve.example/anmelden").origin !==
      "https://kleve.example"
  );
}

/** A workbook whose one extra entry unpacks to 64 MB. */
async function zipBomb(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await writeRegisterFile([], "xlsx"));
  zip.file("xl/media/bombe.bin", Buffer.alloc(64 * 1024 * 1024, 0x41));
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

function multipart(
  fields: Record<string, string>,
  file: { name: string; field: string; data: Buffer; type: string },
): { body: Buffer; type: string } {
  const boundary = `----fortschritt${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(DIALECTS)("attacks on the running app (%s)", (dialect) => {
  let server: RunningApp;
  let admin: TestUser;
  let adminVisitor: Visitor;

  beforeAll(async () => {
    server = await startApp(dialect);
    admin = await createTestUser(server.ctx, { role: "admin" });
    adminVisitor = new Visitor(server.base);
    expect((await adminVisitor.signIn(admin)).status).toBe(303);
  });

  afterAll(async () => {
    await server?.close();
  });

  it("never redirects to another site after sign-in (signed in, and right after signing in)", async () => {
    const committee = await createTestUser(server.ctx, { role: "committee" });
    const signedIn = new Visitor(server.base);
    expect((await signedIn.signIn(committee)).status).toBe(303);
    for (const next of REDIRECT_ATTACKS) {
      const answer = await signedIn.get(
        `/anmelden?next=${encodeURIComponent(next)}`,
      );
      expect(answer.status, next).toBe(303);
      expect(leavesSite(answer.location), `${next} → ${answer.location}`).toBe(
        false,
      );
      const fresh = new Visitor(server.base);
      const afterSignIn = await fresh.signIn(committee, { next });
      expect(afterSignIn.status, next).toBe(303);
      expect(
        leavesSite(afterSignIn.location),
        `${next} → ${afterSignIn.location}`,
      ).toBe(false);
    }
  });

  it("locks the account after five failures across sign-ins, whatever the password step said", async () => {
    const editor = await createTestUser(server.ctx, { role: "editor" });
    const attacker = new Visitor(server.base);
    let lastCode = null;
    for (let round = 0; round < 3 && lastCode?.status !== 429; round += 1) {
      const password = await attacker.postForm("/anmelden", {
        email: editor.email,
        password: editor.password,
      });
      if (password.status !== 303) break;
      for (let attempt = 0; attempt < 4; attempt += 1) {
        lastCode = await attacker.postForm("/anmelden/zweiter-faktor", {
          code: "000000",
        });
        if (lastCode.status !== 401) break;
      }
    }
    expect(lastCode?.status).toBe(429);
    expect(Number(lastCode?.headers.get("retry-after"))).toBeGreaterThan(0);
    // Locked: the right password gets the same refusal as a wrong one.
    expect(
      (
        await new Visitor(server.base).postForm("/anmelden", {
          email: editor.email,
          password: editor.password,
        })
      ).status,
    ).toBe(401);
  });

  it("refuses NUL bytes, lone surrogates and infinite numbers with 400 and changes nothing", async () => {
    const token = (
      await createApiToken(server.ctx, COMMAND_LINE, {
        userId: (await createTestUser(server.ctx, { role: "admin" })).userId,
        name: "Angriff",
      })
    ).token;
    const url = "/api/v1/municipalities/kleve/projects/e-rechnungsworkflow";
    const read = await fetch(`${server.base}${url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const etag = read.headers.get("etag") ?? "";
    const before = await read.text();
    for (const payload of [
      JSON.stringify({
        title: "E-\u0000Rechnung",
        summary: "x",
        status: "in_progress",
      }),
      '{"title":"E-\\udc00Rechnung","summary":"x","status":"in_progress"}',
      '{"title":"E-Rechnung","summary":"x","status":"in_progress","progress":1e999}',
    ]) {
      const response = await fetch(`${server.base}${url}?reason=Angriff`, {
        method: "PUT",
        headers: {
          authorization: `Bearer ${token}`,
          "if-match": etag,
          "content-type": "application/json",
        },
        body: payload,
      });
      expect(response.status, payload).toBe(400);
      expect(
        ((await response.json()) as { error: { code: string } }).error.code,
      ).toBe("ERR_INPUT_UNSTORABLE");
    }
    expect(
      await (
        await fetch(`${server.base}${url}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).text(),
    ).toBe(before);
    const form = await new Visitor(server.base).postForm("/anmelden", {
      email: "a\u0000b@kleve.example",
      password: "egal egal",
    });
    expect(form.status).toBe(400);
    expect(form.body).toContain("nicht gespeichert werden können");
    expect(
      (await new Visitor(server.base).get("/kleve/suche?q=%00")).status,
    ).toBe(400);
  });

  it("stops an XLSX zip bomb at upload within seconds, while /health keeps answering", async () => {
    const bomb = await zipBomb();
    const upload = multipart(
      {
        _csrf: await adminVisitor.csrfFrom("/kleve/verwaltung/ozg"),
        grund: "Angriff",
      },
      {
        name: "bombe.xlsx",
        field: "datei",
        data: bomb,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    );
    const started = performance.now();
    const [answer, health] = await Promise.all([
      adminVisitor.request("POST", "/kleve/verwaltung/ozg/import", {
        body: upload.body,
        headers: { "content-type": upload.type },
      }),
      fetch(`${server.base}/health`),
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(health.status).toBe(200);
    expect([400, 422]).toContain(answer.status);
    expect(answer.body).toContain("wäre entpackt größer als 40 MB");
  });

  it("escapes formula cells in the register CSV export", async () => {
    // Two lines of the demo register, one with a formula as its name: imported, then exported again.
    const demo = readFileSync(
      join(findProjectRoot(), "demo", "kleve-ozg-leistungen-2022.csv"),
      "utf8",
    )
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/);
    const cells = demo[1]!.split(";");
    cells[1] = "=1+2";
    cells[2] = "@SUMME(A1)";
    const file = Buffer.from(
      `\uFEFF${[demo[0], cells.join(";"), demo[2]].join("\n")}\n`,
      "utf8",
    );
    const upload = multipart(
      {
        _csrf: await adminVisitor.csrfFrom("/kleve/verwaltung/ozg"),
        grund: "Test",
      },
      { name: "ozg.csv", field: "datei", data: file, type: "text/csv" },
    );
    const imported = await adminVisitor.request(
      "POST",
      "/kleve/verwaltung/ozg/import",
      { body: upload.body, headers: { "content-type": upload.type } },
    );
    expect(imported.status, imported.body.slice(0, 2000)).toBe(303);
    // The upload leads to its preview; the register changes only when it is confirmed.
    const preview = imported.location!;
    const page = await adminVisitor.get(preview);
    const hidden = (name: string): string =>
      new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? "";
    const confirmed = await adminVisitor.postForm(preview, {
      stichtag: hidden("stichtag"),
      stand: hidden("stand"),
      grund: "Test",
    });
    expect(confirmed.status, confirmed.body.slice(0, 2000)).toBe(303);
    const exported = await adminVisitor.get(
      "/kleve/verwaltung/ozg/ozg-leistungen.csv",
    );
    expect(exported.status).toBe(200);
    for (const line of exported.body
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .slice(1)) {
      for (const cell of line.split(";"))
        expect(cell.replace(/^"/, ""), line).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(exported.body).toContain("'=1+2");
  });

  it("keeps reset tokens out of the request log", async () => {
    const user = await createTestUser(server.ctx, { role: "committee" });
    expect(
      (
        await new Visitor(server.base).postForm("/passwort-vergessen", {
          email: user.email,
        })
      ).status,
    ).toBe(303);
    const mail = await server.sink.waitForMail(user.email);
    const path = /http:\/\/localhost:3000(\/passwort-neu\/[A-Za-z0-9_-]+)/.exec(
      mail.text,
    )?.[1];
    expect(path).toBeDefined();
    const visitor = new Visitor(server.base);
    expect(
      (
        await visitor.postForm(path!, {
          password: "Ein neues, sehr langes Passwort",
        })
      ).status,
    ).toBe(303);
    expect(server.log()).not.toContain(path!.split("/").pop()!);
  });

  it("stores every second-factor secret sealed", async () => {
    const rows = await server.ctx.db
      .selectFrom("user_account")
      .select("totp_secret")
      .where("totp_secret", "is not", null)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row.totp_secret).toMatch(/^v1\.[0-9a-f]{8}\./);
  });

  it("shows a project's history only to those who may edit the project", async () => {
    const other = await createTestUser(server.ctx, {
      role: "editor",
      orgUnitCodes: ["32"],
    });
    const visitor = new Visitor(server.base);
    expect((await visitor.signIn(other)).status).toBe(303);
    expect(
      (
        await visitor.get(
          "/kleve/verwaltung/projekte/e-rechnungsworkflow/verlauf",
        )
      ).status,
    ).toBe(403);
    const log = await visitor.get("/kleve/verwaltung/protokoll");
    expect(log.status).toBe(200);
    expect(log.body).not.toContain("login.failure");
  });

  it("refuses a YAML alias bomb on the command line with exit code 1", async () => {
    const directory = mkdtempSync(join(tmpdir(), "fortschritt-bombe-"));
    const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level <= 9; level += 1)
      lines.push(
        `a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(",")}]`,
      );
    writeFileSync(join(directory, "bombe.yaml"), lines.join("\n"));
    let stderr = "";
    const spy = vi
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: string | Uint8Array) => {
        stderr += String(chunk);
        return true;
      });
    try {
      expect(await runCli(["import-json", join(directory, "bombe.yaml")])).toBe(
        1,
      );
    } finally {
      spy.mockRestore();
      rmSync(directory, { recursive: true, force: true });
    }
    expect(stderr).toContain("YAML-Aliase");
  });

  // Last: it throttles this address (all requests come from 127.0.0.1).
  it("throttles an address after 20 failures and says when to come back", async () => {
    let answer = null;
    for (let attempt = 0; attempt < 21; attempt += 1) {
      answer = await new Visitor(server.base).postForm("/anmelden", {
        email: `niemand-${attempt}@kleve.example`,
        password: "falsch falsch",
      });
    }
    expect(answer?.status).toBe(429);
    expect(Number(answer?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
