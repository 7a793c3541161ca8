/**
 * The demo report: Kleve's status report to the APD of 29.11.2022 (as of 28.11.2022,
 * previous report 23.08.2022), built through the real use cases with a clock set back to
 * 2022, so that the audit log, the computed changes and the figures are what the app
 * itself would have produced.
 *
 * What comes from the source (seed 002, the council slides) and what is reconstructed:
 * - From the source: the meeting dates and as-of dates; the figures of November 2022 (DMS
 *   133 productive and 27 in testing; 144 of 572 staff in mobile office; participation
 *   platform 35 procedures and 1.832 activities, 515 applications for building plots;
 *   Instagram 1.420 followers on 22.11.2022, account started 05.11.2021; followers 2.070
 *   and 316 on the other channels); the OZG figures 107/44/19/25/3/14, 14 + 22 + 8 by
 *   channel, 86 online applications, 16 services of other authorities; the facts in the
 *   highlights and the outlook.
 * - Reconstructed: the committee's full name (the slides say only "APD"; the catalogue's
 *   forewords name the "Ausschuss für Personal und Digitalisierung"); which of the
 *   two other channels has 2.070 and which 316 followers (here Facebook and Twitter); the
 *   values of August 2022 (marked "rekonstruiert" in their note); the statuses and texts
 *   of both reports (our wording of the slides); the catalogue changes between the two
 *   reports; and the OZG register (demo/kleve-ozg-leistungen-2022.csv): a register that
 *   yields exactly the published figures, with a few real service names for illustration
 *   and placeholder LeiKa keys (9999…), not Kleve's actual register.
 */
import { readFile } from "node:fs/promises";
import { listReports } from "../../db/report.repository.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import {
  findProject,
  type MeasureStatus,
} from "../../domain/catalogue/catalogue.js";
import type { ReportStatus } from "../../domain/report/report-status.js";
import { readRegisterFile } from "../services/read-register-file.js";
import { findProjectRoot } from "../../project-root.js";
import { addMeasure } from "../catalogue/add-measure.js";
import { findMunicipalityBySlug } from "../../db/municipality.repository.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { setMeasureStatus } from "../catalogue/set-measure-status.js";
import type { AppContext } from "../context.js";
import {
  addObservation,
  createIndicator,
} from "../indicators/manage-indicators.js";
import { importRegister } from "../services/manage-register.js";
import { createCommittee, createMeeting } from "./committees.js";
import { createReport, publishReport, updateReport } from "./manage-reports.js";
import { saveReportEntry } from "./report-entries.js";
import type { IndicatorData } from "./reporting.schema.js";

/** The OZG register of the demo (reconstructed, see above). */
export function demoRegisterFile(): string {
  return `${findProjectRoot()}/demo/kleve-ozg-leistungen-2022.csv`;
}

const RECONSTRUCTED = "rekonstruiert (Demo)";

/** What the command line says after loading the demo report. */
export const DEMO_REPORT_LOADED =
  "Sachstandsberichte geladen: APD 23.08.2022 und APD 29.11.2022 (Stand 28.11.2022), mit Kennzahlen und OZG-Leistungsverzeichnis.";

/** What it says when Kleve already had reports. */
export const DEMO_REPORT_PRESENT =
  "Sachstandsberichte: schon vorhanden, unverändert.";

interface DemoFigure {
  readonly key: string;
  readonly data: IndicatorData;
  readonly values: readonly {
    readonly day: string;
    readonly value: number;
    readonly denominator?: number;
    readonly note?: string;
  }[];
}

/** Most demo figures are plain counts, drawn as bars. */
const COUNT_IN_BARS: Pick<
  IndicatorData,
  "kind" | "denominatorLabel" | "chartKind"
> = { kind: "count", denominatorLabel: null, chartKind: "bar" };

const FIGURES: readonly DemoFigure[] = [
  {
    key: "dms-produktivsystem",
    data: {
      name: "Mitarbeitende im DMS-Produktivsystem",
      unit: "Mitarbeitende",
      definition:
        "Mitarbeitende, die regelmäßig im Produktivsystem des Dokumentenmanagementsystems arbeiten",
      source: "Benutzerverwaltung des DMS",
      owner: "Abteilung 10.1 – IT",
      projectSlug: "dokumentenmanagementsystem",
      ...COUNT_IN_BARS,
    },
    values: [
      { day: "2022-08-23", value: 110, note: RECONSTRUCTED },
      { day: "2022-11-28", value: 133 },
    ],
  },
  {
    key: "dms-testphase",
    data: {
      name: "Mitarbeitende in der DMS-Testphase",
      unit: "Mitarbeitende",
      definition:
        "Geschulte Mitarbeitende, die das DMS noch im Testsystem nutzen",
      source: "Schulungsplanung der Abteilung 10.1",
      owner: "Abteilung 10.1 – IT",
      projectSlug: "dokumentenmanagementsystem",
      ...COUNT_IN_BARS,
    },
    values: [{ day: "2022-11-28", value: 27 }],
  },
  {
    key: "mobile-office",
    data: {
      name: "Mitarbeitende im Mobile Office",
      unit: "Mitarbeitende",
      definition:
        "Mitarbeitende mit Vereinbarung über regelmäßiges Mobile Office",
      source: "Personalverwaltung",
      owner: "Fachbereich 10",
      projectSlug: "mobile-office",
      kind: "ratio",
      denominatorLabel: "Mitarbeitende der Stadt Kleve einschließlich GSK",
      chartKind: "bar",
    },
    values: [
      { day: "2022-08-23", value: 120, denominator: 565, note: RECONSTRUCTED },
      { day: "2022-11-28", value: 144, denominator: 572 },
    ],
  },
  {
    key: "beteiligungsverfahren",
    data: {
      name: "Beteiligungsverfahren auf der Online-Beteiligungsplattform",
      unit: "Verfahren",
      definition: "Beteiligungsverfahren seit Einführung der Plattform",
      source: "Auswertung der Beteiligungsplattform",
      owner: "Stabsstelle Digitalisierung",
      projectSlug: "online-beteiligungsplattform",
      ...COUNT_IN_BARS,
    },
    values: [
      { day: "2022-08-23", value: 31, note: RECONSTRUCTED },
      { day: "2022-11-28", value: 35 },
    ],
  },
  {
    key: "beteiligung-aktivitaeten",
    data: {
      name: "Aktivitäten auf der Online-Beteiligungsplattform",
      unit: "Aktivitäten",
      definition:
        "Beiträge, Kommentare und Bewertungen seit Einführung der Plattform",
      source: "Auswertung der Beteiligungsplattform",
      owner: "Stabsstelle Digitalisierung",
      projectSlug: "online-beteiligungsplattform",
      ...COUNT_IN_BARS,
    },
    values: [
      { day: "2022-08-23", value: 1610, note: RECONSTRUCTED },
      { day: "2022-11-28", value: 1832 },
    ],
  },
  {
    key: "instagram-abonnenten",
    data: {
      name: "Abonnenten des städtischen Instagram-Kontos",
      unit: "Abonnenten",
      definition:
        "Abonnentinnen und Abonnenten des Instagram-Kontos der Stadt (Start: 05.11.2021)",
      source: "Instagram-Statistik des Kontos",
      owner: "Presse- und Öffentlichkeitsarbeit",
      projectSlug: "social-media",
      ...COUNT_IN_BARS,
      chartKind: "line",
    },
    values: [
      { day: "2021-11-05", value: 0, note: "Start des städtischen Kontos" },
      { day: "2022-11-22", value: 1420 },
    ],
  },
  {
    key: "facebook-abonnenten",
    data: {
      name: "Abonnenten der städtischen Facebook-Seite",
      unit: "Abonnenten",
      definition: "Abonnentinnen und Abonnenten der Facebook-Seite der Stadt",
      source: "Facebook-Statistik der Seite",
      owner: "Presse- und Öffentlichkeitsarbeit",
      projectSlug: "social-media",
      ...COUNT_IN_BARS,
    },
    values: [
      {
        day: "2022-11-22",
        value: 2070,
        note: "Zuordnung zum Kanal rekonstruiert (Demo)",
      },
    ],
  },
  {
    key: "twitter-abonnenten",
    data: {
      name: "Abonnenten des städtischen Twitter-Kontos",
      unit: "Abonnenten",
      definition: "Abonnentinnen und Abonnenten des Twitter-Kontos der Stadt",
      source: "Twitter-Statistik des Kontos",
      owner: "Presse- und Öffentlichkeitsarbeit",
      projectSlug: "social-media",
      ...COUNT_IN_BARS,
    },
    values: [
      {
        day: "2022-11-22",
        value: 316,
        note: "Zuordnung zum Kanal rekonstruiert (Demo)",
      },
    ],
  },
  {
    key: "baugrundstuecke-bewerbungen",
    data: {
      name: "Bewerbungen für städtische Baugrundstücke über die Beteiligungsplattform",
      unit: "Bewerbungen",
      definition:
        "Bewerbungen im Bewerbungsverfahren für städtische Baugrundstücke",
      source: "Auswertung der Beteiligungsplattform",
      owner: "Liegenschaften",
      projectSlug: "online-beteiligungsplattform",
      ...COUNT_IN_BARS,
    },
    values: [{ day: "2022-11-28", value: 515 }],
  },
];

interface DemoEntry {
  readonly project: string;
  readonly status: ReportStatus;
  readonly text: string;
  readonly highlights?: readonly string[];
  readonly newDate?: string;
}

/** The report of 23.08.2022: reconstructed from the November slides' "previous" facts. */
const AUGUST_ENTRIES: readonly DemoEntry[] = [
  {
    project: "dokumentenmanagementsystem",
    status: "on-track",
    text: "Der Rollout des DMS in die Fachbereiche läuft.",
  },
  {
    project: "mobile-office",
    status: "on-track",
    text: "Die Anträge auf Mobile Office werden bearbeitet.",
  },
  {
    project: "internet",
    status: "on-track",
    text: "Nach dem Relaunch wird die Internetseite weiterentwickelt.",
  },
  {
    project: "digitale-ratsarbeit",
    status: "on-track",
    text: "Anträge im Ratsinformationssystem: Umsetzung in 2022 geplant.",
  },
  {
    project: "umsetzung-onlinezugangsgesetz",
    status: "at-risk",
    text: "Viele angekündigte Leistungen über Landes- und Bundesportal kommen nicht rechtzeitig; rund 80 OZG-Leistungen sind bis Jahresende in Eigenentwicklung erforderlich.",
  },
  {
    project: "social-media",
    status: "on-track",
    text: "Das Instagram-Konto der Stadt wächst seit seinem Start im November 2021.",
  },
  {
    project: "online-beteiligungsplattform",
    status: "on-track",
    text: "Die Beteiligungsplattform wird in weiteren Bereichen eingesetzt.",
  },
];

/** The report of 28.11.2022: the slides of seed 002, in our words. */
const NOVEMBER_ENTRIES: readonly DemoEntry[] = [
  {
    project: "dokumentenmanagementsystem",
    status: "on-track",
    text: "Das DMS ist in weiten Teilen der Verwaltung produktiv; 2023 folgen weitere Fachbereiche.",
    highlights: [
      "133 Mitarbeitende arbeiten im Produktivsystem",
      "27 Mitarbeitende sind geschult und noch in der Testphase",
      "Geplante Schulungen in 2023: FB 40, FB 61, FB 64, FB 30",
    ],
  },
  {
    project: "mobile-office",
    status: "on-track",
    text: "Alle Anträge auf Mobile Office wurden bearbeitet.",
    highlights: [
      "572 Mitarbeitende einschließlich GSK sind bei der Stadt Kleve tätig",
      "144 Mitarbeitende befinden sich im regelmäßigen Mobile Office",
      "Beginn des Austauschs der Tower-PCs gegen Laptops mit Replicator ab QI/2023",
    ],
  },
  {
    project: "internet",
    status: "on-track",
    text: "Die Internetseite wird weiterentwickelt.",
    highlights: [
      "Neues Design des Newsletters der Stadt Kleve – teilweise umgesetzt",
      "Optimierung des Veranstaltungsmoduls – Kalenderansicht umgesetzt",
      "Neue Online-Tools (z. B. Sperrmüllanmeldung, Müllkalender, Mängelmelder) – Marktsichtung läuft",
    ],
  },
  {
    project: "digitale-ratsarbeit",
    status: "delayed",
    text:
      "Anträge im Ratsinformationssystem: Die technischen Voraussetzungen wurden 2022 geschaffen, die finale Umsetzung steht noch aus – " +
      "wegen des Aufwands für den Internet-Relaunch und das OZG und einer personellen Änderung im Bereich Ratsangelegenheiten.",
    highlights: [
      "Antrag der SPD vom 07.07.2021 (APD 28.09.2021 und 02.12.2021)",
    ],
    newDate: "2023-Q1",
  },
  {
    project: "umsetzung-onlinezugangsgesetz",
    status: "at-risk",
    text:
      "Ziel bleibt: so viele OZG-Leistungen wie möglich, so schnell wie möglich. Fehlende Back-End-Anbindungen müssen nachträglich " +
      "mit Bund, Land, IT-Dienstleister und Fachverfahrensherstellern umgesetzt werden.",
    highlights: [
      "Online-Anträge auf kleve.de sind ab sofort gekennzeichnet",
      "Gesetzentwurf OZG 2.0 angekündigt, bisher kein Referentenentwurf",
    ],
  },
  {
    project: "social-media",
    status: "on-track",
    text: "Proaktive Kommunikation erreicht viele Menschen; regelmäßige Beiträge sind wichtig, aber aufwendig.",
    highlights: [
      "Instagram seit 05.11.2021: 152 Beiträge, 280 Stories",
      "Beliebtester Beitrag: Klever Lichterfest (210 Likes)",
    ],
  },
  {
    project: "online-beteiligungsplattform",
    status: "on-track",
    text: "Die Plattform wird inzwischen in verschiedenen Bereichen eingesetzt: Jugend und Familie, Wirtschaft und Tourismus, Liegenschaften, Nachhaltigkeit.",
    highlights: [
      "Bewerbungsverfahren für städtische Baugrundstücke: 515 Bewerbungen",
      "Informationsveranstaltung für Geloste, Umfrage zur Zufriedenheit",
    ],
  },
];

/** The sections of both reports: the action fields the slides cover. */
const SECTIONS = ["smart-working", "e-government", "partizipation"] as const;

/** A context whose clock stands at the given instant (ISO), for backdated demo changes. */
function at(ctx: AppContext, iso: string): AppContext {
  const instant = new Date(iso);
  return { ...ctx, clock: () => instant };
}

/**
 * Loads the demo report into Kleve's catalogue (the demo catalogue must be loaded). Does
 * nothing when Kleve has reports already, so running `fortschritt demo` twice is harmless.
 * Returns whether it loaded anything.
 */
export async function loadDemoReport(
  ctx: AppContext,
  slug = "kleve",
): Promise<boolean> {
  const municipality = await findMunicipalityBySlug(ctx.db, slug);
  if (municipality === null) return false;
  if ((await listReports(ctx.db, municipality.id)).length > 0) return false;
  const admin: UserPrincipal = {
    kind: "user",
    userId: 0,
    municipalityId: municipality.id,
    role: "admin",
    orgUnitCodes: [],
    name: "Demo-Daten (rekonstruiert)",
    email: "demo@fortschritt.invalid",
    via: "token",
  };
  const m = slug;
  const summer = at(ctx, "2022-08-01T08:00:00Z");

  const { id: committeeId } = await createCommittee(summer, admin, {
    municipality: m,
    data: {
      name: "Ausschuss für Personal und Digitalisierung",
      abbreviation: "APD",
    },
  });
  const meeting = async (day: string) =>
    (
      await createMeeting(summer, admin, {
        municipality: m,
        data: {
          committeeId,
          day,
          title: null,
          oparlMeetingUrl: null,
          oparlAgendaItemUrl: null,
          oparlPaperUrl: null,
        },
      })
    ).id;
  const august = await meeting("2022-08-23");
  const november = await meeting("2022-11-29");

  const file = demoRegisterFile();
  const table = await readRegisterFile(
    "kleve-ozg-leistungen-2022.csv",
    await readFile(file),
  );
  await importRegister(summer, admin, {
    municipality: m,
    table: { fileName: "kleve-ozg-leistungen-2022.csv", ...table },
    reason: "Demo-Daten, rekonstruiert",
  });

  for (const figure of FIGURES) {
    await createIndicator(summer, admin, {
      municipality: m,
      key: figure.key,
      data: figure.data,
    });
    let version = 1;
    for (const value of figure.values) {
      version = (
        await addObservation(at(ctx, `${value.day}T12:00:00Z`), admin, {
          municipality: m,
          indicator: figure.key,
          expectedVersion: version,
          data: {
            day: value.day,
            value: value.value,
            denominator: value.denominator ?? null,
            note: value.note ?? null,
          },
        })
      ).version;
    }
  }

  const fill = async (
    when: AppContext,
    reportId: number,
    entries: readonly DemoEntry[],
  ) => {
    const catalogue = await getCatalogue(ctx, m);
    const shown = new Set(entries.map((entry) => entry.project));
    for (const entry of entries) {
      await saveReportEntry(when, admin, {
        municipality: m,
        reportId,
        project: entry.project,
        expectedVersion: 0,
        data: {
          status: entry.status,
          text: entry.text,
          highlights: [...(entry.highlights ?? [])],
          newDate: entry.newDate ?? null,
          isIncluded: true,
        },
      });
    }
    // The slides show only some projects of each section; the others are left out.
    for (const area of catalogue.impactAreas) {
      for (const field of area.actionFields) {
        if (!(SECTIONS as readonly string[]).includes(field.key)) continue;
        for (const project of field.projects) {
          if (shown.has(project.slug)) continue;
          await saveReportEntry(when, admin, {
            municipality: m,
            reportId,
            project: project.slug,
            expectedVersion: 0,
            data: {
              status: null,
              text: "",
              highlights: [],
              newDate: null,
              isIncluded: false,
            },
          });
        }
      }
    }
  };
  /** Creates one of the demo's reports, sets it up and fills it, then publishes it; returns its id. */
  const publishDemoReport = async (report: {
    readonly createdAt: string;
    readonly publishedAt: string;
    readonly meetingId: number;
    readonly asOf: string;
    readonly previousReportId: number | null;
    readonly outlook: { when: string; what: string }[];
    readonly entries: readonly DemoEntry[];
  }): Promise<number> => {
    const when = at(ctx, report.createdAt);
    const { meetingId, asOf, previousReportId, outlook } = report;
    const { id } = await createReport(when, admin, {
      municipality: m,
      data: { meetingId, asOf, previousReportId },
    });
    await updateReport(when, admin, {
      municipality: m,
      reportId: id,
      expectedVersion: 1,
      data: {
        meetingId,
        asOf,
        previousReportId,
        title: "Sachstandsbericht Digitalisierung",
        sectionKeys: [...SECTIONS],
        includeOzg: true,
        outlook,
      },
    });
    await fill(when, id, report.entries);
    await publishReport(at(ctx, report.publishedAt), admin, {
      municipality: m,
      reportId: id,
      expectedVersion: 2,
    });
    return id;
  };

  // The report of 23.08.2022.
  const first = await publishDemoReport({
    createdAt: "2022-08-20T09:00:00Z",
    publishedAt: "2022-08-23T06:00:00Z",
    meetingId: august,
    asOf: "2022-08-23",
    previousReportId: null,
    outlook: [
      { when: "APD – 29.11.2022", what: "Sachstandsbericht Digitalisierung" },
    ],
    entries: AUGUST_ENTRIES,
  });

  // Changes in the catalogue between the reports (reconstructed from the November slides).
  const catalogue = await getCatalogue(ctx, m);
  /** Adds a measure to a project at a moment, when the catalogue has that project; null otherwise. */
  const addDemoMeasure = async (
    slug: string,
    moment: string,
    data: { readonly title: string; readonly status: MeasureStatus },
  ) => {
    if (findProject(catalogue, slug) === null) return null;
    const project = findProject(await getCatalogue(ctx, m), slug)?.project;
    return addMeasure(at(ctx, moment), admin, {
      municipality: m,
      project: slug,
      expectedVersion: project?.version ?? 1,
      data,
    });
  };
  const added = await addDemoMeasure("internet", "2022-09-05T09:00:00Z", {
    title: "Optimierung des Veranstaltungsmoduls (Kalenderansicht)",
    status: "in_progress",
  });
  if (added !== null)
    await setMeasureStatus(at(ctx, "2022-11-15T09:00:00Z"), admin, {
      municipality: m,
      project: "internet",
      expectedVersion: added.version,
      measureId: added.measureId,
      data: { status: "done" },
    });
  await addDemoMeasure("digitale-ratsarbeit", "2022-10-10T09:00:00Z", {
    title: "Anträge im Ratsinformationssystem (neuer Termin QI/2023)",
    status: "in_progress",
  });
  await addDemoMeasure("mobile-office", "2022-11-02T09:00:00Z", {
    title: "Austausch der Tower-PCs gegen Laptops mit Replicator (ab QI/2023)",
    status: "planned",
  });

  // The report of 28.11.2022 for the APD of 29.11.2022.
  await publishDemoReport({
    createdAt: "2022-11-21T09:00:00Z",
    publishedAt: "2022-11-28T16:00:00Z",
    meetingId: november,
    asOf: "2022-11-28",
    previousReportId: first,
    outlook: [
      {
        when: "APD – QI/2023",
        what: "Fortschreibung Maßnahmenkatalog Digitalisierung",
      },
      { when: "APD – QIII/2023", what: "Sachstandsbericht Digitalisierung" },
    ],
    entries: NOVEMBER_ENTRIES,
  });
  return true;
}
