/**
 * The documents that carry an edition's change report — the catalogue as DOCX and PDF, the
 * revision slides as PPTX — list the ideas taken up in that edition, with the decision's
 * reason and without the submitter's address; a later decision makes a new file (its ETag
 * changes with the municipality's published data).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import {
  changeParticipationSettings,
  moderateItem,
  submitItem,
} from "../../src/app/participation/participation.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import { WEB_DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";
import { xmlText } from "../support/document-text.js";

const run = promisify(execFile);
const DOCUMENT_TIMEOUT = 180_000;

async function zipText(file: Buffer, pattern: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const parts = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => pattern.test(name))
      .map((name) => zip.file(name)!.async("string")),
  );
  return xmlText(parts.join("\n"));
}

describe.each(WEB_DIALECTS)(
  "ideas in the edition documents on %s",
  (dialect) => {
    let web: WebTestApp;
    let directory: string;
    const title = `Termine abends online buchen (${dialect})`;
    const email = `ideengeberin-${dialect}@example.org`;
    const reason = "Kommt mit der Online-Terminvergabe.";
    let measureTitle = "";

    beforeAll(async () => {
      web = await openWebApp(dialect);
      directory = await mkdtemp(join(tmpdir(), "fortschritt-ideen-"));
    });
    afterAll(async () => {
      await web?.close();
      await rm(directory, { recursive: true, force: true });
    });

    it(
      "lists an idea taken up in the 2. Fortschreibung in its DOCX, PDF and PPTX, with the reason and without the address",
      async () => {
        const before = await web.app.inject(
          "/kleve/fortschreibungen/2/folien.pptx",
        );
        expect(before.statusCode).toBe(200);

        const catalogue = await getCatalogue(web.ctx, "kleve");
        const admin = buildPrincipal(catalogue.municipality.id, {
          role: "admin",
          orgUnitCodes: [],
        });
        await changeParticipationSettings(web.ctx, admin, {
          municipality: "kleve",
          mode: "public",
          overdueDays: 30,
          retentionDays: 180,
        });
        const { project } = listProjects(catalogue).find(
          (entry) => entry.project.measures.length > 0,
        )!;
        const measure = project.measures[0]!;
        measureTitle = measure.title;
        const { id } = await submitItem(
          web.ctx,
          null,
          ANONYMOUS,
          {
            municipality: "kleve",
            kind: "idea",
            title,
            body: "Termine im Bürgerbüro sollten auch abends buchbar sein.",
            project: project.slug,
            email,
            honeypot: "",
          },
          { ip: `198.51.100.${dialect === "sqlite" ? 1 : 2}` },
        );
        await moderateItem(web.ctx, null, admin, {
          municipality: "kleve",
          id,
          expectedVersion: 1,
          publish: true,
          status: "adopted",
          note: reason,
          orgUnit: "",
          linkProject: project.slug,
          linkMeasure: String(measure.id),
          linkEdition: "2",
          mergedInto: "",
        });

        const slides = await web.app.inject(
          "/kleve/fortschreibungen/2/folien.pptx",
        );
        expect(slides.statusCode).toBe(200);
        // A new decision, a new file.
        expect(slides.headers.etag).not.toBe(before.headers.etag);
        const pptx = await zipText(
          slides.rawPayload,
          /^ppt\/slides\/slide\d+\.xml$/,
        );
        expect(pptx).toContain("Übernommene Ideen und Rückmeldungen");
        expect(pptx).toContain(
          `„${title}“: übernommen in: ${project.code} ${project.title}`,
        );
        expect(pptx).toContain(`Begründung: ${reason}`);
        expect(pptx).not.toContain(email);

        const docx = await zipText(
          (await web.app.inject("/kleve/fortschreibungen/2/katalog.docx"))
            .rawPayload,
          /^word\/document\.xml$/,
        );
        expect(docx).toContain("Übernommene Ideen und Rückmeldungen");
        expect(docx).toContain(`Maßnahme „${measureTitle}“`);
        expect(docx).toContain(reason);
        expect(docx).not.toContain(email);

        const pdf = await web.app.inject(
          "/kleve/fortschreibungen/2/katalog.pdf",
        );
        expect(pdf.statusCode).toBe(200);
        const path = join(directory, `katalog-${dialect}.pdf`);
        await writeFile(path, pdf.rawPayload);
        const text = (
          await run("pdftotext", ["-layout", path, "-"], {
            maxBuffer: 20_000_000,
          })
        ).stdout.replace(/\s+/g, " ");
        expect(text).toContain("Übernommene Ideen und Rückmeldungen");
        expect(text).toContain(title);
        // (pdftotext may break the reason's hyphenated words at the line end)
        expect(text).toContain("Begründung: Kommt mit der");
        expect(text).not.toContain(email);

        // The change report page of the edition, and the read API.
        const page = await web.app.inject(
          "/kleve/fortschreibungen/2/aenderungen",
        );
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain("Übernommene Ideen");
        expect(page.body).toContain(title);
        expect(page.body).not.toContain(email);
        const api = await web.app.inject("/api/v1/municipalities/kleve/ideas");
        expect(api.statusCode).toBe(200);
        expect(api.body).toContain(title);
        expect(api.body).toContain(reason);
        expect(api.body).not.toContain(email);

        // Another edition's documents do not list it.
        const first = await zipText(
          (await web.app.inject("/kleve/fortschreibungen/1/katalog.docx"))
            .rawPayload,
          /^word\/document\.xml$/,
        );
        expect(first).not.toContain(title);
      },
      DOCUMENT_TIMEOUT,
    );
  },
);
