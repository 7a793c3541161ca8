/**
 * Open data downloads: every dataset in CSV, XLSX and JSON, read back (exceljs for XLSX)
 * with the same rows and cells; a data dictionary entry (meaning, type, example) for every
 * column of every file; the licence; and that no draft value (catalogue, report, an idea
 * not yet published), no member of a body not chosen to be public, no staff account data,
 * no submitter's address and no value dated after today is in any file. Runs on SQLite and
 * PostgreSQL.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { updateProject } from "../../src/app/catalogue/update-project.js";
import { addObservation } from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import { DATASETS } from "../../src/app/open-data/datasets.js";
import {
  changeParticipationSettings,
  getQueue,
  moderateItem,
  submitItem,
} from "../../src/app/participation/participation.js";
import { addMember } from "../../src/app/reports/body-members.js";
import { createMeeting } from "../../src/app/reports/committees.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { findProject } from "../../src/domain/catalogue/catalogue.js";
import {
  createTestUser,
  postForm,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const K = "/kleve/offene-daten";
const DRAFT_TITLE = "Geheimer Entwurfstitel";
const DRAFT_ENTRY = "Vertraulicher Berichtsentwurf";
const FUTURE_NOTE = "Wert aus der Zukunft";
const FORMULA = '=HYPERLINK("http://böse.example")';
const SECRET_MEMBER = "Gerda Nichtöffentlich";
const PUBLIC_IDEA = "Abendtermine im Bürgerbüro";
const UNPUBLISHED_IDEA = "Unveröffentlichte Idee zur Parkraumbewirtschaftung";
const SUBMITTER_EMAIL = "buergerin.privat@example.org";

/** Every cell of every sheet of a workbook, as text. */
async function workbookTexts(body: Buffer): Promise<{
  sheets: string[];
  data: string[][];
  dictionary: string[][];
  all: string;
}> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const texts: string[] = [];
  const data: string[][] = [];
  const dictionary: string[][] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const cells = (row.values as unknown[])
        .slice(1)
        .map((value) =>
          value === null || value === undefined
            ? ""
            : typeof value === "object"
              ? JSON.stringify(value)
              : String(value as string | number | boolean),
        );
      texts.push(...cells);
      if (sheet.name === "Daten") data.push(cells);
      if (sheet.name === "Datenlexikon") dictionary.push(cells);
    });
  });
  return {
    sheets: workbook.worksheets.map((sheet) => sheet.name),
    data,
    dictionary,
    all: texts.join("\n"),
  };
}

/** A CSV file split into rows of cells (German dialect, RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ";") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else {
      cell += c;
    }
  }
  return rows;
}

/** A JSON value as the CSV file writes it (German dialect, formulas made inert). */
function asCsvText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A JSON value as exceljs reads it back from the XLSX file. */
function asXlsxText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "ja" : "nein";
  return typeof value === "number" || typeof value === "string"
    ? String(value)
    : JSON.stringify(value);
}

describe.each(DIALECTS)("open data on %s", (dialect) => {
  let web: WebTestApp;
  let admin: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    admin = await createTestUser(web.ctx, {
      role: "admin",
      name: "Erika Geheimadmin",
      email: "erika.geheim@kleve.example",
    });
    editor = await createTestUser(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
      name: "Max Redaktionsname",
      email: "max.redaktion@kleve.example",
    });
    const catalogue = await getCatalogue(web.ctx, "kleve");
    const principal = buildPrincipal(catalogue.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
      userId: admin.userId,
      name: admin.name,
      email: admin.email,
    });
    // The draft moves on after the latest edition: its title must not reach the files.
    const project = findProject(catalogue, "e-rechnungsworkflow");
    if (project === null) throw new Error("demo project missing");
    await updateProject(web.ctx, principal, {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      expectedVersion: project.project.version,
      data: {
        title: DRAFT_TITLE,
        summary: project.project.summary,
        status: project.project.status,
      },
    });
    // A draft report with its own text.
    const { id: meetingId } = await createMeeting(web.ctx, principal, {
      municipality: "kleve",
      data: {
        committeeId: 1,
        day: "2023-03-14",
        title: null,
        oparlMeetingUrl: null,
        oparlAgendaItemUrl: null,
        oparlPaperUrl: null,
      },
    });
    const draft = await createReport(web.ctx, principal, {
      municipality: "kleve",
      data: { meetingId, asOf: "2023-02-28" },
    });
    await saveReportEntry(web.ctx, principal, {
      municipality: "kleve",
      reportId: draft.id,
      project: "mobile-office",
      expectedVersion: 0,
      data: {
        status: "delayed",
        text: DRAFT_ENTRY,
        highlights: [],
        newDate: null,
        isIncluded: true,
      },
    });
    // A value in the past with a formula-like note, and one after today (not yet public).
    const figures = await getIndicatorsForStaff(web.ctx, principal, "kleve");
    const office = figures.indicators.find(
      (each) => each.indicator.key === "mobile-office",
    );
    if (office === undefined) throw new Error("demo figure missing");
    const { version } = await addObservation(web.ctx, principal, {
      municipality: "kleve",
      indicator: "mobile-office",
      expectedVersion: office.version,
      data: { day: "2022-10-01", value: 150, denominator: 572, note: FORMULA },
    });
    await addObservation(web.ctx, principal, {
      municipality: "kleve",
      indicator: "mobile-office",
      expectedVersion: version,
      data: {
        day: "2023-06-30",
        value: 590,
        denominator: 600,
        note: FUTURE_NOTE,
      },
    });
    // A member of the committee whose name is not chosen to be public.
    await addMember(web.ctx, principal, {
      municipality: "kleve",
      bodyId: 1,
      data: { name: SECRET_MEMBER, group: "Bürgerschaft" },
    });
    // Two ideas with the submitter's address: one published, one still in the queue.
    await changeParticipationSettings(web.ctx, principal, {
      municipality: "kleve",
      mode: "public",
      overdueDays: 14,
      retentionDays: 90,
    });
    const submitted: number[] = [];
    for (const [index, title] of [PUBLIC_IDEA, UNPUBLISHED_IDEA].entries()) {
      const { id } = await submitItem(
        web.ctx,
        null,
        ANONYMOUS,
        {
          municipality: "kleve",
          kind: "idea",
          title,
          body: "Termine sollten auch abends online buchbar sein.",
          project: "",
          email: SUBMITTER_EMAIL,
          honeypot: "",
        },
        { ip: `198.51.100.${String(index + 20)}` },
      );
      submitted.push(id);
    }
    const queued = (await getQueue(web.ctx, principal, "kleve")).items.find(
      (each) => each.item.id === submitted[0],
    );
    if (queued === undefined) throw new Error("idea not in the queue");
    await moderateItem(web.ctx, null, principal, {
      municipality: "kleve",
      id: queued.item.id,
      expectedVersion: queued.version,
      publish: true,
      status: "",
      note: "",
      orgUnit: "",
      linkProject: "",
      linkMeasure: "",
      linkEdition: "",
      mergedInto: "",
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    web.app.inject({ url, headers });

  it("lists every dataset with three downloads, its Stand, its dictionary and the licence", async () => {
    const response = await get(K);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(
      '<h1 class="app-heading-xl">Offene Daten</h1>',
    );
    for (const dataset of DATASETS) {
      for (const format of ["csv", "xlsx", "json"])
        expect(response.body).toContain(`href="${K}/${dataset.key}.${format}"`);
      expect(response.body).toContain(`href="${K}/${dataset.key}"`);
    }
    expect(response.body).toContain(
      "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    );
    expect(response.body).toContain("https://www.govdata.de/dl-de/by-2-0");
    expect(response.headers.etag).toBeDefined();
    expect(
      (await get(K, { "if-none-match": response.headers.etag as string }))
        .statusCode,
    ).toBe(304);
  });

  it("explains every column of every file in the data dictionary: meaning, type and example", async () => {
    for (const dataset of DATASETS) {
      const response = await get(`${K}/${dataset.key}`);
      expect(response.statusCode).toBe(200);
      const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(response.body)?.[1] ?? "";
      const entries = new Map(
        [
          ...tbody.matchAll(
            /<tr><th scope="row"><code>([^<]+)<\/code><\/th><td[^>]*>([^<]*)<\/td><td>([^<]*)<\/td><td[^>]*><code>([^<]*)<\/code><\/td><\/tr>/g,
          ),
        ].map(([, name, meaning, type, example]) => [
          name ?? "",
          { meaning: meaning ?? "", type: type ?? "", example: example ?? "" },
        ]),
      );
      // The columns as the three files name them.
      const csvHeader =
        parseCsv(
          (await get(`${K}/${dataset.key}.csv`)).body.replace(/^\uFEFF/, ""),
        )[0] ?? [];
      const xlsx = await workbookTexts(
        (await get(`${K}/${dataset.key}.xlsx`)).rawPayload,
      );
      const json = (await get(`${K}/${dataset.key}.json`)).json();
      const jsonColumns = [
        ...new Set(
          (json.datensaetze as Record<string, unknown>[]).flatMap((row) =>
            Object.keys(row),
          ),
        ),
      ];
      expect(csvHeader.length, dataset.key).toBeGreaterThan(0);
      expect(xlsx.data[0], dataset.key).toEqual(csvHeader);
      expect(json.felder.map((f: { name: string }) => f.name)).toEqual(
        csvHeader,
      );
      for (const column of new Set([
        ...csvHeader,
        ...(xlsx.data[0] ?? []),
        ...jsonColumns,
      ])) {
        const entry = entries.get(column);
        expect(entry, `${dataset.key}.${column}`).toBeDefined();
        expect(entry?.meaning.trim(), `${dataset.key}.${column}`).not.toBe("");
        expect(entry?.type.trim(), `${dataset.key}.${column}`).not.toBe("");
        expect(entry?.example.trim(), `${dataset.key}.${column}`).not.toBe("");
        // The XLSX file carries the same dictionary on its own sheet.
        expect(
          xlsx.dictionary.some((row) => row[0] === column && row[1] !== ""),
          `${dataset.key}.${column} in Datenlexikon`,
        ).toBe(true);
      }
      expect(entries.size).toBe(csvHeader.length);
    }
  });

  it("writes CSV as German Excel reads it: BOM, semicolons, decimal comma, ISO dates, formulas made inert", async () => {
    const response = await get(`${K}/kennzahlen.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="kleve-kennzahlen.csv"',
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    const rows = parseCsv(response.body.replace(/^\uFEFF/, ""));
    const [headings, ...data] = rows;
    expect(headings).toEqual(
      DATASETS.find((each) => each.key === "kennzahlen")?.fields.map(
        (field) => field.name,
      ),
    );
    const formulaRow = data.find(
      (row) => row[0] === "mobile-office" && row[9] === "2022-10-01",
    );
    expect(formulaRow?.[10]).toBe("150");
    expect(formulaRow?.[12]).toMatch(/^0,26\d*$/);
    expect(formulaRow?.[13]).toBe(`'${FORMULA}`);
    expect(data.every((row) => row.length === headings?.length)).toBe(true);
  });

  it("gives every dataset as CSV, XLSX and JSON with the same rows", async () => {
    for (const dataset of DATASETS) {
      const csv = parseCsv(
        (await get(`${K}/${dataset.key}.csv`)).body.replace(/^\uFEFF/, ""),
      );
      const xlsxResponse = await get(`${K}/${dataset.key}.xlsx`);
      expect(xlsxResponse.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      const xlsx = await workbookTexts(xlsxResponse.rawPayload);
      expect(xlsx.sheets).toEqual(["Daten", "Datenlexikon", "Lizenz"]);
      const json = (await get(`${K}/${dataset.key}.json`)).json();
      expect(json.lizenz.name).toBe(
        "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      );
      expect(json.felder.map((field: { name: string }) => field.name)).toEqual(
        dataset.fields.map((field) => field.name),
      );
      expect(json.datensaetze.length).toBeGreaterThan(0);
      expect(csv.length - 1).toBe(json.datensaetze.length);
      expect(xlsx.data.length - 1).toBe(json.datensaetze.length);
      expect(xlsx.data[0]).toEqual(dataset.fields.map((field) => field.name));
      // Cell by cell: the CSV and XLSX cells are the JSON values as the dialect writes them.
      const rows = json.datensaetze as Record<string, unknown>[];
      rows.forEach((row, index) => {
        const values = dataset.fields.map((field) => row[field.name]);
        expect(csv[index + 1], `${dataset.key} CSV row ${index + 1}`).toEqual(
          values.map(asCsvText),
        );
        const xlsxRow = xlsx.data[index + 1] ?? [];
        expect(
          values.map((_, column) => xlsxRow[column] ?? ""),
          `${dataset.key} XLSX row ${index + 1}`,
        ).toEqual(values.map(asXlsxText));
      });
    }
    // The published idea is there, the one still in the queue is not.
    const ideas = (await get(`${K}/ideen.json`)).json();
    expect(JSON.stringify(ideas.datensaetze)).toContain(PUBLIC_IDEA);
  });

  it("keeps the LeiKa key as 14 digits of text in XLSX and JSON", async () => {
    const xlsx = await workbookTexts(
      (await get(`${K}/ozg-leistungen.xlsx`)).rawPayload,
    );
    expect(xlsx.data[1]?.[0]).toMatch(/^\d{14}$/);
    const json = (await get(`${K}/ozg-leistungen.json`)).json();
    expect(typeof json.datensaetze[0].leika_schluessel).toBe("string");
    expect(typeof json.datensaetze[0].zustaendig_vor_ort).toBe("boolean");
  });

  it("contains only published data: no draft, no staff account data, nothing dated after today", async () => {
    const forbidden = [
      DRAFT_TITLE,
      DRAFT_ENTRY,
      FUTURE_NOTE,
      admin.name,
      admin.email,
      editor.name,
      editor.email,
      "Demo-Daten (rekonstruiert)",
      "demo@fortschritt.invalid",
      "@kleve.example",
      SECRET_MEMBER,
      UNPUBLISHED_IDEA,
      SUBMITTER_EMAIL,
    ];
    for (const dataset of DATASETS) {
      const texts = [
        (await get(`${K}/${dataset.key}.csv`)).body,
        (await get(`${K}/${dataset.key}.json`)).body,
        (
          await workbookTexts(
            (await get(`${K}/${dataset.key}.xlsx`)).rawPayload,
          )
        ).all,
        (await get(`${K}/${dataset.key}`)).body,
      ];
      for (const text of texts)
        for (const value of forbidden)
          expect(text, `${dataset.key}: ${value}`).not.toContain(value);
    }
    // The published title of the changed project is still there.
    expect((await get(`${K}/katalog.csv`)).body).toContain(
      "E-Rechnungsworkflow",
    );
  });

  describe("the settings (administrators)", () => {
    const SETTINGS = "/kleve/verwaltung/offene-daten";

    it("refuses an editor and refuses a bad Regionalschlüssel without changing anything", async () => {
      const editorCookie = await signIn(web.app, editor);
      expect(
        (
          await web.app.inject({
            url: SETTINGS,
            headers: { cookie: editorCookie },
          })
        ).statusCode,
      ).toBe(403);
      const cookie = await signIn(web.app, admin);
      const page = await web.app.inject({ url: SETTINGS, headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('value="051540036036"');
      const bad = await postForm(
        web.app,
        cookie,
        SETTINGS,
        {
          lizenz: "cc-by/4.0",
          regionalschluessel: "12345",
          einbettung: "javascript:alert(1)",
        },
        { csrfFrom: SETTINGS },
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="regionalschluessel-fehler"');
      expect(bad.body).toContain('id="einbettung-fehler"');
      // Beyond the form's limits: the summary names each field by its label.
      const long = await postForm(
        web.app,
        cookie,
        SETTINGS,
        {
          lizenz: "cc-by/4.0",
          regionalschluessel: "0".repeat(21),
          einbettung: "x".repeat(4001),
        },
        { csrfFrom: SETTINGS },
      );
      expect(long.statusCode).toBe(400);
      const summary = long.body.slice(long.body.indexOf("error-summary"));
      expect(summary).toContain(
        ">Amtlicher Regionalschlüssel darf höchstens 20 Zeichen lang sein<",
      );
      expect(summary).toContain(
        ">Die Liste der Websites darf höchstens 4000 Zeichen lang sein<",
      );
      expect((await get(`${K}/katalog.json`)).json().lizenz.name).toBe(
        "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      );
    });

    it("changes the licence of every download", async () => {
      const cookie = await signIn(web.app, admin);
      const saved = await postForm(
        web.app,
        cookie,
        SETTINGS,
        {
          lizenz: "cc-by/4.0",
          regionalschluessel: "051540036036",
          einbettung: "https://www.kleve.de",
        },
        { csrfFrom: SETTINGS },
      );
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`${SETTINGS}?gespeichert=ja`);
      expect((await get(`${K}/kennzahlen.json`)).json().lizenz.name).toBe(
        "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
      );
      expect((await get(K)).body).toContain(
        "https://creativecommons.org/licenses/by/4.0/deed.de",
      );
      await postForm(
        web.app,
        cookie,
        SETTINGS,
        {
          lizenz: "dl-by-de/2.0",
          regionalschluessel: "051540036036",
          einbettung: "https://www.kleve.de",
        },
        { csrfFrom: SETTINGS },
      );
    });
  });

  it("answers an unknown dataset or format with ERR_DATASET_NOT_FOUND and an HTML page", async () => {
    for (const path of [
      `${K}/gibt-es-nicht`,
      `${K}/gibt-es-nicht.csv`,
      `${K}/katalog.pdf`,
      `${K}/katalog.CSV`,
    ]) {
      const response = await get(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    }
    expect((await get("/nirgendwo/offene-daten")).statusCode).toBe(404);
  });
});
