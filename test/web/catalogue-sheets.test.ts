/**
 * The catalogue as a spreadsheet over HTTP: the page and its downloads, an upload that
 * reads "0 Änderungen", an edited cell shown in the preview and taken over on
 * confirmation, bad rows named on the page with nothing imported, and the refusals.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import {
  createTestUser,
  csrfTokenFor,
  postForm,
  signIn,
} from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  elementById,
  openWebApp,
  textOf,
  type WebTestApp,
} from "./support/web-app.js";

const T = "/kleve/verwaltung/katalog/tabelle";

function multipart(csrf: string, fileName: string, data: Buffer | null) {
  const boundary = "----fortschritt-tabelle";
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
    ),
  ];
  if (data !== null)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(WEB_DIALECTS)(
  "the catalogue as a spreadsheet over HTTP on %s",
  (dialect) => {
    let web: WebTestApp;
    let admin: string;
    let editor: string;

    beforeAll(async () => {
      web = await openWebApp(dialect);
      admin = await signIn(
        web.app,
        await createTestUser(web.ctx, { role: "admin" }),
      );
      editor = await signIn(
        web.app,
        await createTestUser(web.ctx, {
          role: "editor",
          orgUnitCodes: ["10.1"],
        }),
      );
    });
    afterAll(async () => {
      await web.close();
    });

    async function upload(
      cookie: string,
      fileName: string,
      data: Buffer | null,
    ) {
      const body = multipart(
        await csrfTokenFor(web.app, cookie),
        fileName,
        data,
      );
      return web.app.inject({
        method: "POST",
        url: T,
        headers: { cookie, "content-type": body.contentType },
        payload: body.payload,
      });
    }

    it("shows the page to administrators only, with downloads and the upload form", async () => {
      const page = await web.app.inject({ url: T, headers: { cookie: admin } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('enctype="multipart/form-data"');
      expect(textOf(page.body)).toContain("kann einen Moment dauern");
      expect(page.body).toContain(`href="${T}/katalog.xlsx"`);
      expect(
        (await web.app.inject({ url: T, headers: { cookie: editor } }))
          .statusCode,
      ).toBe(403);
      const xlsx = await web.app.inject({
        url: `${T}/katalog.xlsx`,
        headers: { cookie: admin },
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
      const zip = await web.app.inject({
        url: `${T}/katalog-csv.zip`,
        headers: { cookie: admin },
      });
      expect(zip.statusCode).toBe(200);
      expect(zip.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    });

    it("previews an upload, takes over the one edited cell on confirmation, and then reads 0 Änderungen", async () => {
      const exported = (
        await web.app.inject({
          url: `${T}/katalog.xlsx`,
          headers: { cookie: admin },
        })
      ).rawPayload;
      const same = await upload(admin, "katalog.xlsx", exported);
      expect(same.statusCode).toBe(303);
      const samePreview = await web.app.inject({
        url: same.headers.location as string,
        headers: { cookie: admin },
      });
      expect(samePreview.statusCode).toBe(200);
      expect(textOf(elementById(samePreview.body, "vorschau-summe"))).toBe(
        "0 Änderungen: Die Datei entspricht dem Katalog.",
      );
      expect(samePreview.body).not.toContain('id="uebernehmen-form"');

      const catalogue = await getCatalogue(web.ctx, "kleve");
      const project = catalogue.impactAreas[0]!.actionFields[0]!.projects[0]!;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet("Projekte")!;
      let line = 0;
      sheet.eachRow((row, number) => {
        if (row.getCell(1).text === project.slug) {
          row.getCell(6).value = "completed";
          line = number;
        }
      });
      const edited = Buffer.from(await workbook.xlsx.writeBuffer());
      const posted = await upload(admin, "bearbeitet.xlsx", edited);
      expect(posted.statusCode).toBe(303);
      const previewUrl = posted.headers.location as string;
      const preview = await web.app.inject({
        url: previewUrl,
        headers: { cookie: admin },
      });
      expect(textOf(elementById(preview.body, "vorschau-summe"))).toBe(
        "1 Änderung",
      );
      const changes = textOf(
        elementById(preview.body, "abschnitt-blatt-projekte"),
      );
      expect(changes).toBe("Projekte");
      expect(textOf(preview.body)).toContain(
        `${line} ${project.slug} Status ${project.status} completed`,
      );
      // Nothing is written before the confirmation.
      expect(
        (await getCatalogue(web.ctx, "kleve")).impactAreas[0]!.actionFields[0]!
          .projects[0]!.status,
      ).toBe(project.status);

      const base = /name="stand" value="([0-9a-f]+)"/.exec(preview.body)![1]!;
      const confirmed = await postForm(
        web.app,
        admin,
        previewUrl,
        { stand: base, grund: "" },
        { csrfFrom: previewUrl },
      );
      expect(confirmed.statusCode).toBe(303);
      expect(confirmed.headers.location).toBe(`${T}?gespeichert=import`);
      expect(
        (await getCatalogue(web.ctx, "kleve")).impactAreas[0]!.actionFields[0]!
          .projects[0]!.status,
      ).toBe("completed");
      // The preview is used up; the same file again changes nothing.
      expect(
        (await web.app.inject({ url: previewUrl, headers: { cookie: admin } }))
          .statusCode,
      ).toBe(404);
      const again = await upload(admin, "bearbeitet.xlsx", edited);
      const againPreview = await web.app.inject({
        url: again.headers.location as string,
        headers: { cookie: admin },
      });
      expect(
        textOf(elementById(againPreview.body, "vorschau-summe")),
      ).toContain("0 Änderungen");
    });

    it("names sheet, row and column of bad rows on the page and imports nothing", async () => {
      const exported = (
        await web.app.inject({
          url: `${T}/katalog.xlsx`,
          headers: { cookie: admin },
        })
      ).rawPayload;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
      workbook.getWorksheet("Maßnahmen")!.getRow(2).getCell(4).value =
        "vielleicht";
      const refused = await upload(
        admin,
        "kaputt.xlsx",
        Buffer.from(await workbook.xlsx.writeBuffer()),
      );
      expect(refused.statusCode).toBe(422);
      expect(textOf(refused.body)).toContain(
        "Blatt „Maßnahmen“, Zeile 2, Spalte „Status“: ist kein erlaubter Wert",
      );
      expect((await upload(admin, "leer.xlsx", null)).statusCode).toBe(400);
      expect(
        (await upload(admin, "text.xlsx", Buffer.from("kein Excel")))
          .statusCode,
      ).toBe(422);
      expect((await upload(editor, "katalog.xlsx", exported)).statusCode).toBe(
        403,
      );
    });
  },
);
