/**
 * The documents of a flat municipality's edition (Thema → Vorhaben → Schritt) read back
 * as files: the catalogue DOCX and the revision PPTX name its levels and never Kleve's,
 * and never its hidden top level (docs/adr/0029).
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { updateProject } from "../../src/app/catalogue/update-project.js";
import type { AppContext } from "../../src/app/context.js";
import { publishEdition } from "../../src/app/edition/publish-edition.js";
import { findProject } from "../../src/domain/catalogue/catalogue.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  FLAT_PROJECT,
  importFlatProgramme,
  KLEVE_LEVEL_WORDS,
} from "../support/flat-programme.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";
import { xmlText } from "../support/document-text.js";

async function publish(ctx: AppContext, slug: string): Promise<void> {
  const draft = await getCatalogue(ctx, slug);
  const admin = buildPrincipal(draft.municipality.id, {
    role: "admin",
    orgUnitCodes: [],
  });
  await publishEdition(ctx, admin, {
    municipality: slug,
    expectedDataVersion: draft.municipality.dataVersion,
    confirmConflicts: true,
    data: {},
  });
}

describe.each(WEB_DIALECTS)("a flat programme's documents on %s", (dialect) => {
  let web: WebTestApp;
  const slug = `flachland-dokumente-${dialect}`;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    await importFlatProgramme(web.ctx, slug);
    await publish(web.ctx, slug);
    // A second edition with a change, so that the slides have a topic to show.
    const catalogue = await getCatalogue(web.ctx, slug);
    const entry = findProject(catalogue, FLAT_PROJECT);
    if (entry === null) throw new Error("fixture without its project");
    await updateProject(
      web.ctx,
      buildPrincipal(catalogue.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      }),
      {
        municipality: slug,
        project: FLAT_PROJECT,
        expectedVersion: entry.project.version,
        data: {
          title: "Einführung der E-Akte in allen Ämtern",
          summary: entry.project.summary,
          status: entry.project.status,
        },
      },
    );
    await publish(web.ctx, slug);
  }, 120_000);
  afterAll(async () => web?.close());

  async function download(url: string): Promise<JSZip> {
    const response = await web.app.inject(url);
    expect(response.statusCode, url).toBe(200);
    return JSZip.loadAsync(response.rawPayload);
  }

  it("writes the catalogue DOCX with topics, projects and steps in the municipality's words", async () => {
    const zip = await download(`/${slug}/fortschreibungen/2/katalog.docx`);
    const text = xmlText(
      (await zip.file("word/document.xml")?.async("string")) ?? "",
    );
    expect(text).toContain("Themen\n");
    expect(text).toContain("Thema 1: E-Akte");
    expect(text).toContain("Schritte:");
    expect(text).toContain("Pilotamt auswählen");
    expect(text).not.toContain("Digitales Flachland;");
    for (const word of KLEVE_LEVEL_WORDS) expect(text).not.toContain(word);
  });

  it("writes the revision PPTX with the topic's heading and no hidden level", async () => {
    const zip = await download(`/${slug}/fortschreibungen/2/folien.pptx`);
    const names = Object.keys(zip.files).filter((name) =>
      /^ppt\/slides\/slide\d+\.xml$/.test(name),
    );
    const text = (
      await Promise.all(
        names.map(async (name) =>
          xmlText((await zip.file(name)?.async("string")) ?? ""),
        ),
      )
    ).join("\n");
    expect(text).toContain("1 E-Akte");
    expect(text).toContain("Einführung der E-Akte in allen Ämtern");
    expect(text).not.toContain("(Digitales Flachland)");
    for (const word of KLEVE_LEVEL_WORDS) expect(text).not.toContain(word);
  });
});
