/**
 * Every code of the error catalogue (src/errors.ts, documented in docs/errors.md) is
 * reachable: the table below names, for each code, one way a person or an operator meets
 * it — a request to the app or a call of a use case — and the test makes that call and
 * checks that exactly this code comes back. The table is typed by the catalogue, so a new
 * code does not compile until it has its trigger here. Each trigger starts from a fresh
 * demo database (requests that change nothing share one app), so none depends on
 * another. Runs on SQLite, and on PostgreSQL where only it can show the code
 * (ERR_DATABASE_UNSAFE); how each dialect fails is tested in durability.test.ts.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from "vitest";
import { signInWithPassword } from "../../src/app/auth/sign-in.js";
import { getMunicipalityOverview } from "../../src/app/operations/operators.js";
import { addDependency } from "../../src/app/catalogue/add-dependency.js";
import { importCatalogue } from "../../src/app/catalogue/import-catalogue.js";
import {
  searchCatalogue,
  getProject,
} from "../../src/app/catalogue/read-catalogue.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { openAppContext } from "../../src/app/database.js";
import { publishEdition } from "../../src/app/edition/publish-edition.js";
import {
  getDraftRevision,
  setDraftReason,
} from "../../src/app/edition/revise-draft.js";
import { addObservation } from "../../src/app/indicators/manage-indicators.js";
import {
  createCommittee,
  updateCommittee,
} from "../../src/app/reports/committees.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { getReportForEditing } from "../../src/app/reports/read-reports.js";
import { importRegister } from "../../src/app/services/manage-register.js";
import {
  confirmRegisterImport,
  prepareRegisterImport,
} from "../../src/app/services/register-import.js";
import {
  confirmSheetImport,
  exportCatalogueSheets,
  prepareSheetImport,
  showSheetImport,
} from "../../src/app/catalogue/sheets/import-sheets.js";
import { writeCatalogueXlsx } from "../../src/exports/catalogue-sheets/catalogue-workbook.js";
import { getServiceForStaff } from "../../src/app/services/read-register.js";
import {
  finishSingleSignOn,
  startSingleSignOn,
} from "../../src/app/sso/single-sign-on.js";
import { loadConfig, type SsoConfig } from "../../src/config.js";
import { ERRORS, isAppError, type ErrorCode } from "../../src/errors.js";
import { readRegisterFile } from "../../src/app/services/read-register-file.js";
import { buildApp } from "../../src/web/build-app.js";
import { syncOparl } from "../../src/app/open-data/oparl-sync.js";
import {
  changeParticipationSettings,
  getPublicItem,
  submitItem,
} from "../../src/app/participation/participation.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { TEST_NOW } from "../support/database.js";
import {
  createPublishedReport,
  KLEVE,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";
import { postgresAdminUrl } from "../support/environment.js";
import { createApiWriter } from "../web/support/api-writers.js";
import pg from "pg";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createBackup, restoreBackup } from "../../src/app/backup/backup.js";
import { createTestUser, csrfTokenFor, signIn } from "../support/accounts.js";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { setMunicipalityState } from "../../src/app/municipalities/lifecycle.js";

/**
 * What a trigger gets: a fresh demo database with people and a committee for use cases
 * (`f`), and one app for requests that change nothing (`web`, built once: building the
 * app takes seconds on a loaded machine). A trigger that changes data uses `f`.
 */
interface Setting {
  readonly f: ReportingFixture;
  readonly web: { readonly app: FastifyInstance; readonly f: ReportingFixture };
}

/** A trigger's outcome: a use case's rejection, or the app's answer. */
type Outcome = unknown;

const PROJECT = "e-rechnungsworkflow";
const API = "/api/v1/municipalities/kleve";
const ORIGIN = { ip: "198.51.100.7", userAgent: null };
const SSO: SsoConfig = {
  issuer: "http://127.0.0.1:9",
  clientId: "fortschritt",
  clientSecret: "geheim",
  roleClaim: "role",
  orgUnitsClaim: "org_units",
  municipalitySlug: KLEVE,
  redirectUri: "http://localhost:3000/anmelden/sso/callback",
  scopes: "openid",
};

/** The rejection of a promise (a resolved promise is an outcome without a code). */
async function rejection(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return await promise;
  } catch (error) {
    return error;
  }
}

/** The code an outcome carries: an AppError's, a JSON error's, or the one an HTML error page names. */
function codeOf(outcome: Outcome): string | null {
  if (isAppError(outcome)) return outcome.code;
  const response = outcome as Partial<LightMyRequestResponse>;
  if (
    typeof response?.body !== "string" ||
    typeof response.statusCode !== "number" ||
    response.statusCode < 400
  )
    return null;
  const json = /^\{"error":\{"code":"(ERR_[A-Z_]+)"/.exec(response.body)?.[1];
  if (json !== undefined) return json;
  // An HTML error page shows the code's catalogue message; find the code whose message it is.
  const codes = (Object.keys(ERRORS) as ErrorCode[]).filter(
    (code) =>
      ERRORS[code].status === response.statusCode &&
      response.body!.includes(ERRORS[code].message.de),
  );
  return codes.length === 1
    ? codes[0]!
    : (codes.find((code) => response.body!.includes(code)) ?? null);
}

/** A published report's draft successor would need meetings; a published one is enough to edit after publishing. */
async function publishedReportId(s: Setting): Promise<number> {
  return createPublishedReport(s.f, { asOf: "2022-08-23" });
}

/** The draft with the end of the DMS's first phase moved later: a shift that needs a reason. */
async function draftWithShift(s: Setting) {
  const { entry } = await getProject(
    s.f.ctx,
    KLEVE,
    "dokumentenmanagementsystem",
  );
  const phase = entry.project.phases[0]!;
  await updatePhase(s.f.ctx, s.f.admin, {
    municipality: KLEVE,
    project: "dokumentenmanagementsystem",
    phaseId: phase.id,
    expectedVersion: entry.project.version,
    data: { label: "Umsetzung", start: "2020", end: "2025-Q2" },
  });
  return getDraftRevision(s.f.ctx, s.f.admin, KLEVE);
}

/** One way to meet each code. */
const TRIGGERS: Readonly<Record<ErrorCode, (s: Setting) => Promise<Outcome>>> =
  {
    ERR_NOT_FOUND: (s) => s.web.app.inject("/api/v1/gibt-es-nicht"),
    ERR_MUNICIPALITY_NOT_FOUND: (s) =>
      s.web.app.inject("/api/v1/municipalities/atlantis/catalogue"),
    ERR_PROJECT_NOT_FOUND: (s) =>
      s.web.app.inject(`${API}/projects/gibt-es-nicht`),
    ERR_VALIDATION: (s) =>
      rejection(
        createCommittee(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          data: { name: "Doppelt", abbreviation: "APD" },
        }),
      ),
    // A NUL character in API JSON: PostgreSQL could not store it.
    ERR_INPUT_UNSTORABLE: async (s) => {
      const writer = await createApiWriter(s.web.f.ctx, { role: "admin" });
      const url = `${API}/projects/${PROJECT}`;
      const etag = String(
        (await s.web.app.inject({ url, headers: writer.headers() })).headers
          .etag,
      );
      return s.web.app.inject({
        method: "PUT",
        url: `${url}?reason=Test`,
        headers: writer.headers({
          "if-match": etag,
          "content-type": "application/json",
        }),
        payload: JSON.stringify({
          title: "E-\u0000Rechnung",
          summary: "Rechnungen digital.",
          status: "in_progress",
        }),
      });
    },
    ERR_STAND_INVALID: (s) =>
      s.web.app.inject(`${API}/ozg/services?stand=heute`),
    ERR_DATASET_NOT_FOUND: (s) =>
      s.web.app.inject("/kleve/offene-daten/gibt-es-nicht.csv"),
    ERR_OPARL_UNAVAILABLE: (s) =>
      rejection(
        syncOparl(s.f.ctx, KLEVE, {
          endpoint: "http://127.0.0.1:9/oparl/v1/system",
          timeoutMs: 2000,
        }),
      ),
    ERR_UPLOAD_TOO_LARGE: async (s) => {
      const { app, f } = await ownApp(s);
      try {
        const cookie = await signIn(
          app,
          await createTestUser(f.ctx, { role: "admin" }),
        );
        const token = await csrfTokenFor(app, cookie);
        const boundary = "----fortschritt-fehler";
        const payload = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n` +
              `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="riesig.csv"\r\nContent-Type: text/csv\r\n\r\n`,
          ),
          Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return await app.inject({
          method: "POST",
          url: "/kleve/verwaltung/ozg/import",
          headers: {
            cookie,
            "content-type": `multipart/form-data; boundary=${boundary}`,
          },
          payload,
        });
      } finally {
        await app.close();
      }
    },
    ERR_SEARCH_QUERY_INVALID: (s) =>
      rejection(searchCatalogue(s.f.ctx, KLEVE, "   ")),
    ERR_IMPORT_INVALID: (s) =>
      rejection(
        importCatalogue(
          s.f.ctx,
          { format: "fortschritt-catalogue", version: 1 },
          { source: "kaputt.json" },
        ),
      ),
    ERR_IMPORT_MUNICIPALITY_EXISTS: async (s) => {
      return rejection(
        importCatalogue(s.f.ctx, await exportedCatalogue(s), {
          source: "kleve.json",
        }),
      );
    },
    ERR_DEPENDENCY_CYCLE: async (s) => {
      const { entry } = await getProject(
        s.f.ctx,
        KLEVE,
        "dokumentenmanagementsystem",
      );
      return rejection(
        addDependency(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          project: "dokumentenmanagementsystem",
          expectedVersion: entry.project.version,
          data: { dependsOn: PROJECT },
        }),
      );
    },
    ERR_REPORT_NOT_FOUND: (s) =>
      rejection(getReportForEditing(s.f.ctx, s.f.admin, KLEVE, 99_999)),
    ERR_REPORT_PUBLISHED: async (s) => {
      const reportId = await publishedReportId(s);
      return rejection(
        saveReportEntry(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          reportId,
          project: PROJECT,
          expectedVersion: 0,
          data: {
            status: "completed",
            text: "",
            highlights: [],
            newDate: null,
            isIncluded: true,
          },
        }),
      );
    },
    ERR_INDICATOR_NOT_FOUND: (s) =>
      rejection(
        addObservation(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          indicator: "gibt-es-nicht",
          expectedVersion: 1,
          data: { day: "2022-11-01", value: 1, denominator: null, note: null },
        }),
      ),
    ERR_SERVICE_NOT_FOUND: (s) =>
      rejection(
        getServiceForStaff(s.f.ctx, s.f.admin, KLEVE, "99000000000000", 19_000),
      ),
    ERR_REGISTER_IMPORT_INVALID: async (s) => {
      const broken = Buffer.from(
        "LeiKa-Schlüssel;Name;Status\n99123456760000;Hundesteuer;erledigt\n",
        "utf8",
      );
      return rejection(
        importRegister(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          table: {
            fileName: "kaputt.csv",
            ...(await readRegisterFile("kaputt.csv", broken)),
          },
        }),
      );
    },
    ERR_REGISTER_IMPORT_STALE: async (s) => {
      const file = Buffer.from(
        "LeiKa-Schlüssel;Name;Zuständig vor Ort;Front-End online;Back-End angebunden;E-Payment;eID;Online-Anträge;Status\n" +
          "99123456760000;Hundesteuer;ja;nein;nein;nein;nein;0;geplant\n",
        "utf8",
      );
      const { token } = await prepareRegisterImport(s.f.ctx, s.f.admin, {
        municipality: KLEVE,
        fileName: "ozg.csv",
        bytes: file,
        asOf: "2023-01-01",
      });
      return rejection(
        confirmRegisterImport(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          token,
          asOf: "2023-01-01",
          base: "ein-anderer-stand",
        }),
      );
    },
    ERR_SHEET_IMPORT_INVALID: (s) =>
      rejection(
        prepareSheetImport(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          fileName: "katalog.xlsx",
          bytes: Buffer.from("keine Tabelle", "utf8"),
        }),
      ),
    ERR_SHEET_IMPORT_EXPIRED: (s) =>
      rejection(
        showSheetImport(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          token: "abgelaufen",
        }),
      ),
    ERR_SHEET_IMPORT_STALE: async (s) => {
      const { tables } = await exportCatalogueSheets(s.f.ctx, s.f.admin, KLEVE);
      const { token } = await prepareSheetImport(s.f.ctx, s.f.admin, {
        municipality: KLEVE,
        fileName: "katalog.xlsx",
        bytes: await writeCatalogueXlsx(tables),
      });
      return rejection(
        confirmSheetImport(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          token,
          base: "ein-anderer-stand",
        }),
      );
    },
    ERR_EDITION_NOT_FOUND: (s) => s.web.app.inject(`${API}/editions/9`),
    ERR_EDITION_REASONS_MISSING: async (s) => {
      const revision = await draftWithShift(s);
      return rejection(
        publishEdition(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          expectedDataVersion: revision.dataVersion,
          confirmConflicts: true,
          data: {},
        }),
      );
    },
    ERR_EDITION_NEEDS_CONFIRMATION: async (s) => {
      const revision = await draftWithShift(s);
      for (const { change } of revision.missing) {
        await setDraftReason(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          changeKey: change.key,
          expectedVersion: 0,
          data: { category: "staff", text: "" },
        });
      }
      const ready = await getDraftRevision(s.f.ctx, s.f.admin, KLEVE);
      return rejection(
        publishEdition(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          expectedDataVersion: ready.dataVersion,
          confirmConflicts: false,
          data: {},
        }),
      );
    },
    // The app is built with a Chromium that does not exist.
    ERR_DOCUMENT_UNAVAILABLE: (s) =>
      s.web.app.inject("/kleve/fortschreibungen/2/katalog.pdf"),
    ERR_UNAUTHENTICATED: (s) => s.web.app.inject(`${API}/audit`),
    // An operator signed in with an API token (no completed second factor) opens the overview.
    ERR_OPERATOR_SECOND_FACTOR: (s) =>
      rejection(
        getMunicipalityOverview(
          s.f.ctx,
          { ...s.f.admin, operator: "unverified", via: "token" },
          {},
        ),
      ),
    ERR_FORBIDDEN: (s) =>
      rejection(
        createCommittee(s.f.ctx, s.f.editor, {
          municipality: KLEVE,
          data: { name: "X", abbreviation: "X" },
        }),
      ),
    ERR_CSRF: (s) =>
      s.web.app.inject({
        method: "POST",
        url: "/anmelden",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "email=a%40b.example&password=x",
      }),
    ERR_CONFLICT: async (s) => {
      const { id } = await createCommittee(s.f.ctx, s.f.admin, {
        municipality: KLEVE,
        data: { name: "Hauptausschuss", abbreviation: "HA" },
      });
      await updateCommittee(s.f.ctx, s.f.admin, {
        municipality: KLEVE,
        committeeId: id,
        expectedVersion: 1,
        data: { name: "Haupt- und Finanzausschuss", abbreviation: "HA" },
      });
      return rejection(
        updateCommittee(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          committeeId: id,
          expectedVersion: 1,
          data: { name: "Finanzausschuss", abbreviation: "HA" },
        }),
      );
    },
    // An If-Match that was current before another change (the second of two writes with the same ETag).
    ERR_PRECONDITION_FAILED: async (s) => {
      const { app, f } = await ownApp(s);
      try {
        const writer = await createApiWriter(f.ctx, { role: "admin" });
        const url = `${API}/projects/${PROJECT}`;
        const etag = String(
          (await app.inject({ url, headers: writer.headers() })).headers.etag,
        );
        const put = (title: string) =>
          app.inject({
            method: "PUT",
            url,
            headers: writer.headers({ "if-match": etag }),
            payload: {
              title,
              summary: "Rechnungen digital.",
              status: "in_progress",
            },
          });
        expect((await put("E-Rechnung")).statusCode).toBe(200);
        return await put("E-Rechnung (XRechnung)");
      } finally {
        await app.close();
      }
    },
    ERR_PRECONDITION_REQUIRED: async (s) => {
      const writer = await createApiWriter(s.web.f.ctx, { role: "admin" });
      const payload = {
        title: "E-Rechnung",
        summary: "Rechnungen digital.",
        status: "in_progress",
      };
      return s.web.app.inject({
        method: "PUT",
        url: `${API}/projects/${PROJECT}`,
        headers: writer.headers(),
        payload,
      });
    },
    ERR_TOO_MANY_ATTEMPTS: async (s) => {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        await signInWithPassword(
          s.f.ctx,
          {
            email: `niemand-${attempt}@kleve.example`,
            password: "falsch und lang",
          },
          ORIGIN,
        );
      }
      return rejection(
        signInWithPassword(
          s.f.ctx,
          { email: "niemand@kleve.example", password: "falsch und lang" },
          ORIGIN,
        ),
      );
    },
    ERR_PARTICIPATION_LIMIT: async (s) => {
      await changeParticipationSettings(s.f.ctx, s.f.admin, {
        municipality: KLEVE,
        mode: "public",
        overdueDays: 30,
        retentionDays: 180,
      });
      const submit = (n: number) =>
        submitItem(
          s.f.ctx,
          null,
          ANONYMOUS,
          {
            municipality: KLEVE,
            kind: "idea",
            title: `Idee ${n}`,
            body: "Ein Vorschlag mit genug Text.",
            project: "",
            email: "",
            honeypot: "",
          },
          ORIGIN,
        );
      for (let n = 0; n < 5; n += 1) await submit(n);
      return rejection(submit(5));
    },
    ERR_ITEM_NOT_FOUND: (s) =>
      rejection(getPublicItem(s.f.ctx, KLEVE, 999_999)),
    ERR_SSO_FAILED: (s) =>
      rejection(
        finishSingleSignOn(
          s.f.ctx,
          SSO,
          {
            loginId: null,
            callbackUrl: new URL(`${SSO.redirectUri}?code=abc&state=def`),
          },
          ORIGIN,
        ),
      ),
    // Nothing listens on port 9 (discard): the provider cannot be reached.
    ERR_SSO_UNAVAILABLE: (s) => rejection(startSingleSignOn(s.f.ctx, SSO)),
    // Nothing listens on port 1.
    ERR_DATABASE_UNAVAILABLE: () =>
      rejection(
        openAppContext({
          dialect: "postgres",
          url: "postgres://postgres@127.0.0.1:1/fortschritt",
        }),
      ),
    // A PostgreSQL database that acknowledges commits before they are on disk (SQLite cannot be
    // opened so: the app sets synchronous = FULL itself).
    ERR_DATABASE_UNSAFE: async () => {
      const name = `fortschritt_unsafe_${process.pid}_${randomBytes(4).toString("hex")}`;
      await admin(`create database ${name}`);
      try {
        await admin(`alter database ${name} set synchronous_commit = off`);
        const url = new URL(postgresAdminUrl());
        url.pathname = `/${name}`;
        return await rejection(
          openAppContext({ dialect: "postgres", url: url.toString() }),
        );
      } finally {
        await admin(`drop database if exists ${name} with (force)`);
      }
    },
    // A file that is not there (or not a backup at all).
    ERR_BACKUP_INVALID: (s) =>
      rejection(restoreBackup(s.f.ctx, join(BACKUPS, "fehlt.gz"))),
    // One row changed after the checksum was written.
    ERR_BACKUP_CHECKSUM: async (s) => {
      const file = await rewrittenBackup(s, "manipuliert", true, (lines) =>
        lines.map((line, index) =>
          index === 2 ? line.replace("kleve", "cleve") : line,
        ),
      );
      return rejection(restoreBackup(s.f.ctx, file, { force: true }));
    },
    // A backup from a newer version of the app, with a migration this one does not know.
    ERR_BACKUP_SCHEMA_NEWER: async (s) => {
      const file = await rewrittenBackup(s, "neuer", false, (lines) => {
        const header = JSON.parse(lines[0]!) as { migrations: string[] };
        header.migrations.push("2099-01-01-future");
        return [JSON.stringify(header), ...lines.slice(1)];
      });
      return rejection(restoreBackup(s.f.ctx, file, { force: true }));
    },
    // Restoring into the database that still holds the demo, without --force.
    ERR_RESTORE_TARGET_NOT_EMPTY: async (s) => {
      const file = join(BACKUPS, `voll-${randomBytes(4).toString("hex")}.gz`);
      await createBackup(s.f.ctx, file);
      return rejection(restoreBackup(s.f.ctx, file));
    },
    ERR_CONFIG_INVALID: async () =>
      rejection(Promise.resolve().then(() => loadConfig({ PORT: "achtzig" }))),
    // A deactivated municipality's public API says so.
    ERR_MUNICIPALITY_DEACTIVATED: async (s) => {
      await setMunicipalityState(
        s.f.ctx,
        COMMAND_LINE,
        { municipality: KLEVE },
        false,
      );
      const { app } = await ownApp(s);
      try {
        return await app.inject(`${API}/catalogue`);
      } finally {
        await app.close();
      }
    },
    // Its staff cannot change anything meanwhile.
    ERR_MUNICIPALITY_READ_ONLY: async (s) => {
      await setMunicipalityState(
        s.f.ctx,
        COMMAND_LINE,
        { municipality: KLEVE },
        false,
      );
      return rejection(
        createCommittee(s.f.ctx, s.f.admin, {
          municipality: KLEVE,
          data: { name: "Neuer Ausschuss", abbreviation: "NA" },
        }),
      );
    },
    ERR_INTERNAL: async (s) => {
      // The database goes away under the running app: an unexpected failure of a request.
      const { app, f } = await ownApp(s);
      try {
        await f.ctx.db.destroy();
        return await app.inject(`${API}/catalogue`);
      } finally {
        await app.close();
      }
    },
  };

const BACKUPS = mkdtempSync(join(tmpdir(), "fortschritt-error-codes-"));

/** A backup of the test's database with its lines changed; with `keepChecksum` the old checksum stays. */
async function rewrittenBackup(
  s: Setting,
  name: string,
  keepChecksum: boolean,
  change: (lines: string[]) => string[],
): Promise<string> {
  const source = join(BACKUPS, `${name}-${randomBytes(4).toString("hex")}.gz`);
  await createBackup(s.f.ctx, source);
  const lines = gunzipSync(readFileSync(source))
    .toString("utf8")
    .trimEnd()
    .split("\n");
  const trailer = JSON.parse(lines.pop()!) as { sha256: string };
  const body = change(lines)
    .map((line) => `${line}\n`)
    .join("");
  const sha256 = keepChecksum
    ? trailer.sha256
    : createHash("sha256").update(body, "utf8").digest("hex");
  const target = `${source}.geaendert.gz`;
  writeFileSync(
    target,
    gzipSync(body + JSON.stringify({ ...trailer, sha256 }) + "\n"),
  );
  return target;
}

/** Runs SQL on the PostgreSQL server's maintenance database. */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The app on the test's own database, for a trigger that changes data through requests. */
async function ownApp(
  s: Setting,
): Promise<{ app: FastifyInstance; f: ReportingFixture }> {
  return {
    app: await buildApp(s.f.ctx, {
      now: () => TEST_NOW,
      chromiumPath: "/nonexistent/chromium",
    }),
    f: s.f,
  };
}

/** Kleve's catalogue as `fortschritt export-json` writes it. */
async function exportedCatalogue(s: Setting): Promise<unknown> {
  const { exportCatalogue } =
    await import("../../src/app/catalogue/import-catalogue.js");
  return exportCatalogue(s.f.ctx, KLEVE);
}

describe("the error catalogue", () => {
  let web: Setting["web"];
  let f: ReportingFixture;

  beforeAll(async () => {
    const shared = await openReportingFixture("sqlite");
    web = {
      f: shared,
      app: await buildApp(shared.ctx, {
        now: () => TEST_NOW,
        chromiumPath: "/nonexistent/chromium",
      }),
    };
  });

  afterAll(async () => {
    rmSync(BACKUPS, { recursive: true, force: true });
    await web?.app.close();
    await web?.f.t.close();
  });

  beforeEach(async () => {
    f = await openReportingFixture("sqlite");
  });

  afterEach(async () => {
    // ERR_INTERNAL destroys its database handle: closing it again fails, the files go anyway.
    await f?.t.close().catch(() => undefined);
  });

  it.each(Object.keys(TRIGGERS) as ErrorCode[])(
    "can be met with %s",
    async (code) => {
      const outcome = await TRIGGERS[code]({ f, web });
      expect(
        codeOf(outcome),
        `${code}: ${String((outcome as { body?: string })?.body ?? outcome).slice(0, 300)}`,
      ).toBe(code);
    },
  );
});
