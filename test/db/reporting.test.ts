/**
 * The reporting use cases on both dialects: committees and meetings, a report from draft
 * to published (entries, "unverändert", publishing, immutability), changes computed from
 * the audit log between two as-of dates, key figures, the OZG register (records, history,
 * CSV/XLSX import and export), and e-mail reminders through a real SMTP sink.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { createAccount } from "../../src/app/auth/manage-users.js";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import {
  getCatalogue,
  getProject,
} from "../../src/app/catalogue/read-catalogue.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import {
  addObservation,
  createIndicator,
  removeObservation,
  updateIndicator,
} from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import {
  createCommittee,
  createMeeting,
  updateCommittee,
} from "../../src/app/reports/committees.js";
import {
  createReport,
  publishReport,
  updateReport,
} from "../../src/app/reports/manage-reports.js";
import {
  getReportDocument,
  getReportForEditing,
  getUpdateRequests,
} from "../../src/app/reports/read-reports.js";
import {
  confirmUnchanged,
  saveReportEntry,
} from "../../src/app/reports/report-entries.js";
import { sendReportReminders } from "../../src/app/reports/report-reminders.js";
import { isReportingConflict } from "../../src/app/reports/reporting-support.js";
import {
  changeService,
  createService,
  importRegister,
} from "../../src/app/services/manage-register.js";
import {
  exportRegister,
  getRegisterForStaff,
} from "../../src/app/services/read-register.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import { reportProjects } from "../../src/domain/report/report-document.js";
import { isAppError } from "../../src/errors.js";
import { readRegisterFile } from "../../src/app/services/read-register-file.js";
import { writeRegisterFile } from "../../src/exports/register/register-file.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import {
  at,
  createDraftReport,
  createPublishedReport,
  NO_MEETING_LINKS as noMeetingLinks,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.js";
import { rejectionOf } from "../support/failure.js";

const K = "kleve";
const P = "e-rechnungsworkflow";

/** The error a promise rejects with. */
describe.each(DIALECTS)("reporting on %s", (dialect) => {
  // Every test starts from a fresh database with the committee and its meeting.
  let f: ReportingFixture;
  let t: ReportingFixture["t"];
  let admin: UserPrincipal;
  let editor: UserPrincipal;
  let otherEditor: UserPrincipal;
  let committeeId: number;
  let meetingId: number;

  beforeEach(async () => {
    f = await openReportingFixture(dialect);
    ({ t, admin, editor, otherEditor, committeeId, meetingId } = f);
  });
  afterEach(async () => {
    await f?.t.close();
  });

  describe("committees and meetings", () => {
    it("refuses a second committee with the same abbreviation, naming the field", async () => {
      const error = await rejectionOf(
        createCommittee(t.ctx, admin, {
          municipality: K,
          data: { name: "Anderer", abbreviation: "APD" },
        }),
      );
      expect(isAppError(error, "ERR_VALIDATION") && error.problems).toEqual([
        {
          path: "/data/abbreviation",
          message: "Das Kürzel „APD“ ist schon vergeben.",
        },
      ]);
    });

    it("lets only administrators keep them, and logs a refusal", async () => {
      const error = await rejectionOf(
        createCommittee(t.ctx, editor, {
          municipality: K,
          data: { name: "X", abbreviation: "X" },
        }),
      );
      expect(isAppError(error, "ERR_FORBIDDEN")).toBe(true);
      const [event] = await readAuditEvents(t.ctx, {
        municipalityId: admin.municipalityId!,
        action: "access.denied",
        limit: 1,
      });
      expect(event?.after).toMatchObject({ attempted: "committee.create" });
    });

    it("answers a stale form with the changes made since", async () => {
      const { id } = await createCommittee(t.ctx, admin, {
        municipality: K,
        data: { name: "Haupt- und Finanzausschuss", abbreviation: "HFA" },
      });
      await updateCommittee(t.ctx, admin, {
        municipality: K,
        committeeId: id,
        expectedVersion: 1,
        data: { name: "Hauptausschuss", abbreviation: "HFA" },
        reason: "Umbenannt",
      });
      const error = await rejectionOf(
        updateCommittee(t.ctx, admin, {
          municipality: K,
          committeeId: id,
          expectedVersion: 1,
          data: { name: "Finanzausschuss", abbreviation: "HFA" },
        }),
      );
      expect(
        isReportingConflict(error) &&
          error.changes.map((event) => event.reason),
      ).toEqual(["Umbenannt"]);
    });

    it("refuses a meeting of an unknown committee or on no day", async () => {
      const unknown = await rejectionOf(
        createMeeting(t.ctx, admin, {
          municipality: K,
          data: { committeeId: 9999, day: "2023-01-01", ...noMeetingLinks },
        }),
      );
      expect(
        isAppError(unknown, "ERR_VALIDATION") && unknown.problems[0]?.path,
      ).toBe("/data/committeeId");
      const noDay = await rejectionOf(
        createMeeting(t.ctx, admin, {
          municipality: K,
          data: { committeeId, day: "2023-02-30", ...noMeetingLinks },
        }),
      );
      expect(
        isAppError(noDay, "ERR_VALIDATION") && noDay.problems[0]?.path,
      ).toBe("/data/day");
    });
  });

  describe("a report from draft to published", () => {
    const entryData = {
      status: "on-track" as const,
      text: "Der Workflow läuft.",
      highlights: ["Alle Rechnungen digital"],
      newDate: null,
      isIncluded: true,
    };
    /** The first report, published with "at risk, Verzögert." for the E-Rechnungsworkflow. */
    const publishFirst = () =>
      createPublishedReport(f, {
        asOf: "2022-08-23",
        createdAt: "2022-08-01T08:00:00Z",
        entries: {
          [P]: { status: "at-risk", text: "Verzögert.", newDate: "2023-Q2" },
        },
      });
    /** The second report, a draft as of 28 November 2022. */
    const draftSecond = () =>
      createDraftReport(f, "2022-11-28", "2022-11-01T08:00:00Z");

    it("names what is missing for each editor's projects", async () => {
      const firstId = await createDraftReport(
        f,
        "2022-08-23",
        "2022-08-01T08:00:00Z",
      );
      const catalogue = await getCatalogue(t.ctx, K);
      const [request] = await getUpdateRequests(t.ctx, editor, catalogue);
      expect(request?.report.id).toBe(firstId);
      expect(
        request?.open.find((open) => open.project.slug === P)?.reasons,
      ).toEqual(["no-entry"]);
      expect(
        await getUpdateRequests(
          t.ctx,
          buildPrincipal(admin.municipalityId!, {
            role: "committee",
            orgUnitCodes: [],
          }),
          catalogue,
        ),
      ).toEqual([]);
    });

    it("lets the project's editor save its entry, and refuses an editor of another unit", async () => {
      const firstId = await createDraftReport(
        f,
        "2022-08-23",
        "2022-08-01T08:00:00Z",
      );
      const data = entryData;
      expect(
        await saveReportEntry(t.ctx, editor, {
          municipality: K,
          reportId: firstId,
          project: P,
          expectedVersion: 0,
          data,
        }),
      ).toEqual({ version: 1 });
      const refused = await rejectionOf(
        saveReportEntry(t.ctx, otherEditor, {
          municipality: K,
          reportId: firstId,
          project: P,
          expectedVersion: 1,
          data,
        }),
      );
      expect(isAppError(refused, "ERR_FORBIDDEN")).toBe(true);
    });

    it("answers a stale entry with the change made meanwhile, and keeps the newer text", async () => {
      const firstId = await createDraftReport(
        f,
        "2022-08-23",
        "2022-08-01T08:00:00Z",
      );
      await saveReportEntry(t.ctx, editor, {
        municipality: K,
        reportId: firstId,
        project: P,
        expectedVersion: 0,
        data: entryData,
      });
      const data = {
        status: "at-risk" as const,
        text: "Verzögert.",
        highlights: [],
        newDate: "2023-Q2",
        isIncluded: true,
      };
      await saveReportEntry(t.ctx, admin, {
        municipality: K,
        reportId: firstId,
        project: P,
        expectedVersion: 1,
        data,
        reason: "Personal fehlt",
      });
      const error = await rejectionOf(
        saveReportEntry(t.ctx, editor, {
          municipality: K,
          reportId: firstId,
          project: P,
          expectedVersion: 1,
          data: { ...data, text: "Alt" },
        }),
      );
      expect(
        isReportingConflict(error) &&
          error.changes.map((event) => event.reason),
      ).toEqual(["Personal fehlt"]);
      const { document } = await getReportDocument(t.ctx, editor, K, firstId);
      expect(
        reportProjects(document).find((project) => project.slug === P),
      ).toMatchObject({
        status: "at-risk",
        text: "Verzögert.",
        newDateLabel: "QII/2023",
      });
    });

    it("refuses to publish while a shown project has no status, naming each", async () => {
      const firstId = await createDraftReport(
        f,
        "2022-08-23",
        "2022-08-01T08:00:00Z",
      );
      const error = await rejectionOf(
        publishReport(t.ctx, admin, {
          municipality: K,
          reportId: firstId,
          expectedVersion: 1,
        }),
      );
      expect(isAppError(error, "ERR_VALIDATION")).toBe(true);
      expect(isAppError(error) && error.problems.length).toBeGreaterThan(30);
    });

    it("publishes once every project shown has a status, and then refuses every change", async () => {
      const firstId = await createDraftReport(
        f,
        "2022-08-23",
        "2022-08-01T08:00:00Z",
      );
      await updateReport(t.ctx, admin, {
        municipality: K,
        reportId: firstId,
        expectedVersion: 1,
        data: {
          meetingId,
          asOf: "2022-08-23",
          previousReportId: null,
          title: "Sachstandsbericht",
          sectionKeys: ["smart-working"],
          includeOzg: false,
          outlook: [],
        },
      });
      const { document } = await getReportDocument(t.ctx, admin, K, firstId);
      for (const project of reportProjects(document).filter(
        (each) => each.status === null,
      )) {
        await saveReportEntry(t.ctx, admin, {
          municipality: K,
          reportId: firstId,
          project: project.slug,
          expectedVersion: 0,
          data: {
            status: "not-started",
            text: "Noch nicht begonnen.",
            highlights: [],
            newDate: null,
            isIncluded: true,
          },
        });
      }
      expect(
        await publishReport(at(t.ctx, "2022-08-23T06:00:00Z"), admin, {
          municipality: K,
          reportId: firstId,
          expectedVersion: 2,
        }),
      ).toEqual({ version: 3 });
      const again = await rejectionOf(
        saveReportEntry(t.ctx, admin, {
          municipality: K,
          reportId: firstId,
          project: P,
          expectedVersion: 2,
          data: {
            status: "completed",
            text: "",
            highlights: [],
            newDate: null,
            isIncluded: true,
          },
        }),
      );
      expect(isAppError(again, "ERR_REPORT_PUBLISHED")).toBe(true);
      const settings = await rejectionOf(
        updateReport(t.ctx, admin, {
          municipality: K,
          reportId: firstId,
          expectedVersion: 3,
          data: {
            meetingId,
            asOf: "2022-08-23",
            previousReportId: null,
            title: "Anders",
            sectionKeys: null,
            includeOzg: true,
            outlook: [],
          },
        }),
      );
      expect(isAppError(settings, "ERR_REPORT_PUBLISHED")).toBe(true);
    });

    it("takes the last published report as the previous one, and refuses an unknown section", async () => {
      const firstId = await publishFirst();
      const secondId = (
        await createReport(at(t.ctx, "2022-11-01T08:00:00Z"), admin, {
          municipality: K,
          data: { meetingId, asOf: "2022-11-28" },
        })
      ).id;
      const data = await getReportForEditing(t.ctx, admin, K, secondId);
      expect(data.report.previousReportId).toBe(firstId);
      const error = await rejectionOf(
        updateReport(t.ctx, admin, {
          municipality: K,
          reportId: secondId,
          expectedVersion: 1,
          data: {
            meetingId,
            asOf: "2022-11-28",
            previousReportId: firstId,
            title: "T",
            sectionKeys: ["gibt-es-nicht"],
            includeOzg: true,
            outlook: [],
          },
        }),
      );
      expect(isAppError(error, "ERR_VALIDATION") && error.problems).toEqual([
        {
          path: "/data/sectionKeys/0",
          message: "Das Aktionsfeld „gibt-es-nicht“ gibt es nicht.",
        },
      ]);
    });

    it("confirms “unverändert seit dem letzten Bericht” in one step with the previous status and text", async () => {
      await publishFirst();
      const secondId = await draftSecond();
      expect(
        await confirmUnchanged(t.ctx, editor, {
          municipality: K,
          reportId: secondId,
          project: P,
          expectedVersion: 0,
        }),
      ).toEqual({ version: 1 });
      const { document } = await getReportDocument(t.ctx, editor, K, secondId);
      expect(
        reportProjects(document).find((project) => project.slug === P),
      ).toMatchObject({
        status: "at-risk",
        text: "Verzögert.",
        isUnchanged: true,
      });
      const missing = await rejectionOf(
        confirmUnchanged(t.ctx, admin, {
          municipality: K,
          reportId: secondId,
          project: "open-data",
          expectedVersion: 0,
        }),
      );
      expect(isAppError(missing, "ERR_VALIDATION")).toBe(true);
    });

    it("computes the changes between the two as-of dates from the audit log, leaving out what happened outside", async () => {
      await publishFirst();
      const secondId = await draftSecond();
      const edit = async (iso: string, end: string) => {
        const { entry } = await getProject(t.ctx, K, P);
        const phase = entry.project.phases[0]!;
        await updatePhase(at(t.ctx, iso), editor, {
          municipality: K,
          project: P,
          phaseId: phase.id,
          expectedVersion: entry.project.version,
          data: { label: phase.label, start: "2021-Q4", end },
        });
      };
      await edit("2022-08-10T10:00:00Z", "2023"); // before the previous as-of date: not a change since
      await edit("2022-10-05T10:00:00Z", "2024-Q2");
      await edit("2022-12-05T10:00:00Z", "2025"); // after this report's as-of date
      const { document } = await getReportDocument(t.ctx, editor, K, secondId);
      const project = reportProjects(document).find((each) => each.slug === P);
      expect(project?.changes.map((change) => change.text)).toContain(
        `Zeitraum ${(await getProject(t.ctx, K, P)).entry.project.phases[0]!.label}: Ende von 2023 auf QII/2024 verschoben (1 Jahr später)`,
      );
      expect(
        project?.changes.some((change) => change.text.includes("2025")),
      ).toBe(false);
    });
  });

  describe("key figures", () => {
    const definition = {
      name: "Rechnungen im Workflow",
      unit: "Rechnungen",
      definition: "Rechnungen, die im Monat digital freigegeben wurden",
      source: "SAP",
      owner: "Abteilung 10.1",
      projectSlug: P,
      kind: "count" as const,
      denominatorLabel: null,
      chartKind: "line" as const,
    };

    it("refuses a definition without what is counted, and a project that does not exist", async () => {
      const error = await rejectionOf(
        createIndicator(t.ctx, admin, {
          municipality: K,
          key: "leer",
          data: {
            ...definition,
            definition: " ",
            projectSlug: "gibt-es-nicht",
          },
        }),
      );
      expect(
        isAppError(error, "ERR_VALIDATION") &&
          error.problems.map((problem) => problem.path),
      ).toEqual(["/data/definition", "/data/projectSlug"]);
    });

    it("lets the linked project's editor record dated values, one per day, and nobody else", async () => {
      await createIndicator(t.ctx, admin, {
        municipality: K,
        key: "rechnungen",
        data: definition,
      });
      const first = await addObservation(t.ctx, editor, {
        municipality: K,
        indicator: "rechnungen",
        expectedVersion: 1,
        data: { day: "2022-10-31", value: 480, denominator: null, note: null },
      });
      expect(first.version).toBe(2);
      const twice = await rejectionOf(
        addObservation(t.ctx, editor, {
          municipality: K,
          indicator: "rechnungen",
          expectedVersion: 2,
          data: { day: "2022-10-31", value: 1, denominator: null, note: null },
        }),
      );
      expect(
        isAppError(twice, "ERR_VALIDATION") && twice.problems[0]?.message,
      ).toBe("Für den 31.10.2022 gibt es schon einen Wert.");
      const refused = await rejectionOf(
        addObservation(t.ctx, otherEditor, {
          municipality: K,
          indicator: "rechnungen",
          expectedVersion: 2,
          data: { day: "2022-11-30", value: 1, denominator: null, note: null },
        }),
      );
      expect(isAppError(refused, "ERR_FORBIDDEN")).toBe(true);
      const overview = await getIndicatorsForStaff(t.ctx, otherEditor, K);
      expect(
        overview.indicators.find((each) => each.indicator.key === "rechnungen")
          ?.mayRecord,
      ).toBe(false);
      await removeObservation(t.ctx, editor, {
        municipality: K,
        indicator: "rechnungen",
        expectedVersion: 2,
        observationId: first.observationId,
      });
    });

    it("refuses to turn a count with values into a ratio the values do not fit", async () => {
      await createIndicator(t.ctx, admin, {
        municipality: K,
        key: "rechnungen",
        data: definition,
      });
      await addObservation(t.ctx, admin, {
        municipality: K,
        indicator: "rechnungen",
        expectedVersion: 1,
        data: { day: "2022-11-30", value: 500, denominator: null, note: null },
      });
      const error = await rejectionOf(
        updateIndicator(t.ctx, admin, {
          municipality: K,
          indicator: "rechnungen",
          expectedVersion: 2,
          data: {
            ...definition,
            kind: "ratio",
            denominatorLabel: "alle Rechnungen",
          },
        }),
      );
      expect(
        isAppError(error, "ERR_VALIDATION") && error.problems[0]?.path,
      ).toBe("/data/kind");
    });
  });

  describe("the OZG register", () => {
    const service = {
      name: "Hundesteuer An- und Abmeldung",
      topic: "Steuern",
      isResponsibleLocally: true,
      channel: null,
      isFrontEndOnline: false,
      isBackEndConnected: false,
      hasEPayment: false,
      hasEId: false,
      onlineApplications: 0,
      maturity: null,
      status: "in-progress" as const,
      url: null,
    };

    it("keys services by their canonical LeiKa key and refuses a malformed one", async () => {
      expect(
        await createService(t.ctx, admin, {
          municipality: K,
          leikaKey: "99 123 456 760 000",
          validFrom: null,
          data: service,
        }),
      ).toEqual({ leikaKey: "99123456760000" });
      const error = await rejectionOf(
        createService(t.ctx, admin, {
          municipality: K,
          leikaKey: "9912345",
          validFrom: null,
          data: service,
        }),
      );
      expect(
        isAppError(error, "ERR_VALIDATION") && error.problems[0],
      ).toMatchObject({
        path: "/leikaKey",
        message: expect.stringContaining("genau 14 Ziffern"),
      });
    });

    /** The Hundesteuer service, in progress until 30 November 2022 and online from 1 December. */
    async function serviceOnlineFromDecember(): Promise<void> {
      await createService(t.ctx, admin, {
        municipality: K,
        leikaKey: "99123456760000",
        validFrom: null,
        data: service,
      });
      const register = await getRegisterForStaff(t.ctx, admin, K, 19_000);
      const record = register.records.find(
        (each) => each.service.leikaKey === "99123456760000",
      )!;
      await changeService(t.ctx, admin, {
        municipality: K,
        leikaKey: "99123456760000",
        recordId: record.id,
        expectedVersion: record.version,
        mode: "new-state",
        from: "2022-12-01",
        data: {
          ...service,
          channel: "own-development",
          isFrontEndOnline: true,
          onlineApplications: 1,
          status: "online",
          url: "https://www.kleve.de/hundesteuer",
        },
      });
    }

    it("names each warning of a stored record by its code, with the rule's German words", async () => {
      await createService(t.ctx, admin, {
        municipality: K,
        leikaKey: "99123456770000",
        validFrom: null,
        data: {
          ...service,
          channel: "own-development",
          isFrontEndOnline: true,
          onlineApplications: 0,
          status: "online",
          url: null,
        },
      });
      const register = await getRegisterForStaff(t.ctx, admin, K, 19_000);
      expect(register.warnings.get("99123456770000")).toEqual([
        {
          code: "SERVICE_FRONT_END_WITHOUT_APPLICATIONS",
          message: expect.stringContaining("kein Online-Antrag gezählt"),
        },
        {
          code: "SERVICE_URL_MISSING",
          message: expect.stringContaining("es fehlt die Adresse"),
        },
      ]);
    });

    it("records a new state from a day on, so the register answers for every as-of date", async () => {
      await serviceOnlineFromDecember();
      const before = await getRegisterForStaff(
        t.ctx,
        admin,
        K,
        Date.UTC(2022, 10, 30) / 86_400_000,
      );
      const after = await getRegisterForStaff(
        t.ctx,
        admin,
        K,
        Date.UTC(2022, 11, 1) / 86_400_000,
      );
      expect([before.figures.implemented, after.figures.implemented]).toEqual([
        0, 1,
      ]);
    });

    it("refuses a correction that breaks the register's rules", async () => {
      await serviceOnlineFromDecember();
      const register = await getRegisterForStaff(
        t.ctx,
        admin,
        K,
        Date.UTC(2022, 11, 1) / 86_400_000,
      );
      const current = register.current.find(
        (each) => each.service.leikaKey === "99123456760000",
      )!;
      const error = await rejectionOf(
        changeService(t.ctx, admin, {
          municipality: K,
          leikaKey: "99123456760000",
          recordId: current.id,
          expectedVersion: current.version,
          mode: "correct",
          from: null,
          data: { ...service, hasEId: true },
        }),
      );
      expect(
        isAppError(error, "ERR_VALIDATION") && error.problems[0]?.path,
      ).toBe("/data/hasEId");
    });

    it("exports as CSV and XLSX and imports either again, all or nothing", async () => {
      await serviceOnlineFromDecember();
      const services = await exportRegister(t.ctx, admin, K);
      for (const format of ["csv", "xlsx"] as const) {
        const file = await writeRegisterFile(services, format);
        const table = await readRegisterFile(`ozg.${format}`, file);
        expect(
          await importRegister(t.ctx, admin, {
            municipality: K,
            table: { fileName: `ozg.${format}`, ...table },
            asOf: "2023-06-01",
          }),
        ).toMatchObject({
          records: 0,
          services: 1,
          created: 0,
          changed: 0,
          unchanged: 1,
          removed: 0,
        });
        expect(await exportRegister(t.ctx, admin, K)).toEqual(services);
      }
      const broken = Buffer.from(
        "LeiKa-Schlüssel;Name;Status\n99123456760000;Hundesteuer;erledigt\n",
        "utf8",
      );
      const error = await rejectionOf(
        importRegister(t.ctx, admin, {
          municipality: K,
          table: {
            fileName: "kaputt.csv",
            ...(await readRegisterFile("kaputt.csv", broken)),
          },
        }),
      );
      expect(isAppError(error, "ERR_REGISTER_IMPORT_INVALID")).toBe(true);
      expect(
        isAppError(error) && error.problems.map((problem) => problem.message),
      ).toContain(
        "Zeile 1, Spalte „Zuständig vor Ort“: Die Spalte „Zuständig vor Ort“ fehlt.",
      );
      expect(await exportRegister(t.ctx, admin, K)).toEqual(services);
    });

    it("lets editors read but not change the register", async () => {
      expect(
        (await getRegisterForStaff(t.ctx, editor, K, 19_000)).mayManage,
      ).toBe(false);
      const error = await rejectionOf(
        createService(t.ctx, editor, {
          municipality: K,
          leikaKey: "99000000000123",
          validFrom: null,
          data: service,
        }),
      );
      expect(isAppError(error, "ERR_FORBIDDEN")).toBe(true);
    });
  });

  describe("reminders", () => {
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(async () => {
      await sink?.close();
    });

    it("mail each editor with open projects the list and the link, and log that they went out", async () => {
      const draft = (
        await createReport(t.ctx, admin, {
          municipality: K,
          data: { meetingId, asOf: "2023-03-10" },
        })
      ).id;
      const email = `redaktion-${dialect}@kleve.example`;
      await createAccount(t.ctx, COMMAND_LINE, {
        municipalityId: admin.municipalityId!,
        email,
        name: "Erika Redaktion",
        role: "editor",
        orgUnitCodes: ["10.1"],
      });
      const delivery = {
        mailer: createSmtpMailer({
          url: sink.url,
          from: "Fortschritt <fortschritt@kleve.example>",
        }),
        publicBaseUrl: "https://fortschritt.kleve.example",
      };
      const result = await sendReportReminders(
        t.ctx,
        admin,
        { municipality: K, reportId: draft },
        delivery,
      );
      expect(result).toMatchObject({ recipients: 1, sent: 1, failed: 0 });
      const mail = await sink.waitForMail(email);
      expect(mail.text).toContain("2.5 E-Rechnungsworkflow: noch kein Eintrag");
      expect(mail.text).toContain(
        `https://fortschritt.kleve.example/kleve/verwaltung/berichte/${draft}`,
      );
      const [event] = await readAuditEvents(t.ctx, {
        municipalityId: admin.municipalityId!,
        action: "report.remind",
        limit: 1,
      });
      expect(event?.after).toEqual({ recipients: 1, sent: 1, failed: 0 });
    });

    it("are refused without mail configured and for editors", async () => {
      const draft = (
        await createReport(t.ctx, admin, {
          municipality: K,
          data: { meetingId, asOf: "2023-03-11" },
        })
      ).id;
      expect(
        isAppError(
          await rejectionOf(
            sendReportReminders(
              t.ctx,
              admin,
              { municipality: K, reportId: draft },
              null,
            ),
          ),
          "ERR_VALIDATION",
        ),
      ).toBe(true);
      expect(
        isAppError(
          await rejectionOf(
            sendReportReminders(
              t.ctx,
              editor,
              { municipality: K, reportId: draft },
              null,
            ),
          ),
          "ERR_FORBIDDEN",
        ),
      ).toBe(true);
    });
  });
});
