/**
 * The upload form of the OZG register (multipart/form-data) read by @fastify/multipart:
 * its limits end in clear German errors and change nothing. The behaviour does not depend
 * on the database, so one dialect is enough.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, csrfTokenFor, signIn } from "../support/accounts.js";
import { openWebApp, textOf, type WebTestApp } from "./support/web-app.js";

const V = "/kleve/verwaltung";
const BOUNDARY = "----fortschritt-upload-grenze";

interface Part {
  readonly name: string;
  readonly value?: string;
  readonly file?: {
    readonly fileName: string;
    readonly type: string;
    readonly data: Buffer;
  };
}

function multipartBody(
  parts: readonly Part[],
  options: { unterminated?: boolean } = {},
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.file === undefined) {
      chunks.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value ?? ""}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.file.fileName}"\r\nContent-Type: ${part.file.type}\r\n\r\n`,
        ),
        part.file.data,
        Buffer.from("\r\n"),
      );
    }
  }
  if (options.unterminated !== true)
    chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

describe("uploading the OZG register", () => {
  let web: WebTestApp;
  let admin: string;
  let exported: Buffer;

  beforeAll(async () => {
    web = await openWebApp("sqlite", { demo: "with-reports" });
    admin = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "admin" }),
    );
    exported = (
      await web.app.inject({
        url: `${V}/ozg/ozg-leistungen.csv`,
        headers: { cookie: admin },
      })
    ).rawPayload;
  });
  afterAll(async () => {
    await web?.close();
  });

  async function upload(
    parts: (token: string) => readonly Part[],
    options: { unterminated?: boolean } = {},
  ) {
    const token = await csrfTokenFor(web.app, admin);
    return web.app.inject({
      method: "POST",
      url: `${V}/ozg/import`,
      headers: {
        cookie: admin,
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      },
      payload: multipartBody(parts(token), options),
    });
  }

  async function registerFile(): Promise<Buffer> {
    return (
      await web.app.inject({
        url: `${V}/ozg/ozg-leistungen.csv`,
        headers: { cookie: admin },
      })
    ).rawPayload;
  }

  it("previews an Excel workbook as of a day, finds it unchanged and keeps the register byte for byte", async () => {
    const xlsx = (
      await web.app.inject({
        url: `${V}/ozg/ozg-leistungen.xlsx`,
        headers: { cookie: admin },
      })
    ).rawPayload;
    const response = await upload((token) => [
      { name: "_csrf", value: token },
      { name: "grund", value: "Abgleich mit dem Landesportal" },
      { name: "stichtag", value: "01.06.2023" },
      {
        name: "datei",
        file: {
          fileName: "ozg.xlsx",
          type: "application/octet-stream",
          data: xlsx,
        },
      },
    ]);
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/\/ozg\/import\/[\w-]+\?stichtag=2023-06-01$/);
    const preview = await web.app.inject({
      url: location,
      headers: { cookie: admin },
    });
    expect(preview.statusCode).toBe(200);
    expect(textOf(preview.body)).toContain(
      "Die Datei stimmt zum Stichtag mit dem Verzeichnis überein",
    );
    expect((await registerFile()).equals(exported)).toBe(true);
  });

  it("refuses a file larger than 10 MB, says so in German and keeps the register", async () => {
    const huge = Buffer.concat([
      exported,
      Buffer.alloc(10 * 1024 * 1024, 0x20),
    ]);
    const response = await upload((token) => [
      { name: "_csrf", value: token },
      {
        name: "datei",
        file: { fileName: "riesig.csv", type: "text/csv", data: huge },
      },
    ]);
    expect(response.statusCode).toBe(413);
    expect(textOf(response.body)).toContain("Die Datei ist größer als 10 MB.");
    expect((await registerFile()).equals(exported)).toBe(true);
  });

  it("refuses a second file", async () => {
    const file = { fileName: "ozg.csv", type: "text/csv", data: exported };
    const response = await upload((token) => [
      { name: "_csrf", value: token },
      { name: "datei", file },
      { name: "datei", file },
    ]);
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain(
      "Das Formular nimmt höchstens 1 Datei an.",
    );
  });

  it("refuses a form that arrived incomplete", async () => {
    const response = await upload(
      (token) => [
        { name: "_csrf", value: token },
        {
          name: "datei",
          file: { fileName: "ozg.csv", type: "text/csv", data: exported },
        },
      ],
      { unterminated: true },
    );
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain(
      "Das Formular kam nicht vollständig an",
    );
  });

  it("still checks the form's CSRF token", async () => {
    const response = await upload(() => [
      { name: "_csrf", value: "falsch" },
      {
        name: "datei",
        file: { fileName: "ozg.csv", type: "text/csv", data: exported },
      },
    ]);
    expect(response.statusCode).toBe(403);
  });

  it("asks for a file when none was chosen", async () => {
    const response = await upload((token) => [
      { name: "_csrf", value: token },
      {
        name: "datei",
        file: {
          fileName: "",
          type: "application/octet-stream",
          data: Buffer.alloc(0),
        },
      },
    ]);
    expect(response.statusCode).toBe(400);
  });
});
