/**
 * The OZG service register as a table (CSV or XLSX): one row per record, German column
 * headings, and reading such a table back with every problem named by line and column.
 *
 * Reading is all or nothing: the caller imports only when `readServiceTable` found no
 * error. Cells arrive as text (the file reader turns spreadsheet numbers and dates into
 * text first), so the same rules hold for CSV and XLSX.
 */
import { formatGermanDate } from "../calendar/calendar.js";
import { parseGermanDay } from "../period/point-in-time.js";
import { parseLeikaKey } from "./leika.js";
import {
  MATURITY_MODEL_VERSIONS,
  SERVICE_CHANNEL_LABELS,
  SERVICE_CHANNELS,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  SERVICE_STATUS_LABELS,
  SERVICE_STATUSES,
  validateRegister,
  type Service,
  type ServiceChannel,
  type ServiceKind,
  type ServiceStatus,
} from "./service.js";

/** A column of the table: its heading and the field of `Service` it holds. */
export interface ServiceColumn {
  readonly heading: string;
  readonly field: keyof Service | "maturityModel" | "maturityLevel";
  readonly isRequired: boolean;
}

/**
 * The columns, in the order an export writes them. "Art" is optional (files written
 * before it existed hold OZG services only): empty means "OZG-Leistung".
 */
export const SERVICE_COLUMNS: readonly ServiceColumn[] = [
  { heading: "LeiKa-Schlüssel", field: "leikaKey", isRequired: true },
  { heading: "Name", field: "name", isRequired: true },
  { heading: "Themenfeld", field: "topic", isRequired: false },
  {
    heading: "Zuständig vor Ort",
    field: "isResponsibleLocally",
    isRequired: true,
  },
  { heading: "Zugangsweg", field: "channel", isRequired: false },
  { heading: "Front-End online", field: "isFrontEndOnline", isRequired: true },
  {
    heading: "Back-End angebunden",
    field: "isBackEndConnected",
    isRequired: true,
  },
  { heading: "E-Payment", field: "hasEPayment", isRequired: true },
  { heading: "eID", field: "hasEId", isRequired: true },
  { heading: "Online-Anträge", field: "onlineApplications", isRequired: true },
  { heading: "Reifegradmodell", field: "maturityModel", isRequired: false },
  { heading: "Reifegrad", field: "maturityLevel", isRequired: false },
  { heading: "Status", field: "status", isRequired: true },
  { heading: "URL", field: "url", isRequired: false },
  { heading: "Gültig ab", field: "validFrom", isRequired: false },
  { heading: "Gültig bis", field: "validUntil", isRequired: false },
  { heading: "Art", field: "kind", isRequired: false },
];

/** The formats of a register file. */
export type RegisterFormat = "csv" | "xlsx";

/** The name of the register's worksheet in an XLSX file. */
export const REGISTER_SHEET_NAME = "OZG-Leistungen";

/** One row as read from a file: its line number there and its cells as text. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A problem of the table, located by line and column heading (German). */
export interface TableProblem {
  readonly line: number;
  /** The column heading, or null when the problem concerns the whole row or file. */
  readonly column: string | null;
  readonly message: string;
}

/** The outcome of reading a table. */
export type ServiceTableResult =
  | {
      readonly ok: true;
      readonly services: readonly Service[];
      readonly warnings: readonly TableProblem[];
    }
  | { readonly ok: false; readonly problems: readonly TableProblem[] };

const YES = new Set(["ja", "j", "x", "1", "wahr", "true", "yes"]);
const NO = new Set(["nein", "n", "", "0", "falsch", "false", "no", "-"]);

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

function readBoolean(text: string): boolean | null {
  const value = normalise(text);
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

function readWhole(text: string): number | null {
  const value = text.trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** "28.11.2022" or "2022-11-28" → a day number; "" → null; anything else → undefined. */
function readDay(text: string): number | null | undefined {
  const value = text.trim();
  if (value === "") return null;
  return parseGermanDay(value) ?? undefined;
}

function byLabel<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  text: string,
): T | null {
  const value = normalise(text);
  return (
    values.find(
      (each) => each === value || normalise(labels[each]) === value,
    ) ?? null
  );
}

/** The German list of allowed values for messages. */
function allowed<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): string {
  return values.map((each) => `„${labels[each]}“`).join(", ");
}

/** Reads the heading row: which column holds which field; missing or unknown headings are problems. */
function readHeadings(
  headings: readonly string[],
  line: number,
): { index: Map<string, number>; problems: TableProblem[] } {
  const index = new Map<string, number>();
  const problems: TableProblem[] = [];
  headings.forEach((heading, position) => {
    const wanted = normalise(heading);
    if (wanted === "") return;
    const column = SERVICE_COLUMNS.find(
      (each) => normalise(each.heading) === wanted,
    );
    if (column === undefined) {
      problems.push({
        line,
        column: heading.trim(),
        message: `Unbekannte Spalte „${heading.trim()}“.`,
      });
    } else if (index.has(column.heading)) {
      problems.push({
        line,
        column: column.heading,
        message: `Die Spalte „${column.heading}“ kommt doppelt vor.`,
      });
    } else {
      index.set(column.heading, position);
    }
  });
  for (const column of SERVICE_COLUMNS) {
    if (column.isRequired && !index.has(column.heading)) {
      problems.push({
        line,
        column: column.heading,
        message: `Die Spalte „${column.heading}“ fehlt.`,
      });
    }
  }
  return { index, problems };
}

/** Reads one data row into a service record, or lists what is wrong with its cells. */
function readRow(
  row: TableRow,
  index: ReadonlyMap<string, number>,
): { service: Service | null; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const cell = (heading: string): string => {
    const position = index.get(heading);
    return position === undefined ? "" : (row.cells[position] ?? "");
  };
  const fail = (column: string, message: string): void => {
    problems.push({ line: row.line, column, message });
  };
  const flag = (heading: string): boolean => {
    const value = readBoolean(cell(heading));
    if (value === null)
      fail(heading, `„${cell(heading).trim()}“ ist weder „ja“ noch „nein“.`);
    return value ?? false;
  };

  const key = parseLeikaKey(cell("LeiKa-Schlüssel"));
  if (!key.ok) fail("LeiKa-Schlüssel", key.problem.message);
  const channelText = cell("Zugangsweg").trim();
  const channel: ServiceChannel | null =
    channelText === ""
      ? null
      : byLabel(SERVICE_CHANNELS, SERVICE_CHANNEL_LABELS, channelText);
  if (channelText !== "" && channel === null) {
    fail(
      "Zugangsweg",
      `Unbekannter Zugangsweg „${channelText}“; erlaubt: ${allowed(SERVICE_CHANNELS, SERVICE_CHANNEL_LABELS)}.`,
    );
  }
  const kindText = cell("Art").trim();
  const kind: ServiceKind | null =
    kindText === ""
      ? "ozg-service"
      : byLabel(SERVICE_KINDS, SERVICE_KIND_LABELS, kindText);
  if (kind === null) {
    fail(
      "Art",
      `Unbekannte Art „${kindText}“; erlaubt: ${allowed(SERVICE_KINDS, SERVICE_KIND_LABELS)} (leer: OZG-Leistung).`,
    );
  }
  const statusText = cell("Status");
  const status: ServiceStatus | null = byLabel(
    SERVICE_STATUSES,
    SERVICE_STATUS_LABELS,
    statusText,
  );
  if (status === null) {
    fail(
      "Status",
      `Unbekannter Status „${statusText.trim()}“; erlaubt: ${allowed(SERVICE_STATUSES, SERVICE_STATUS_LABELS)}.`,
    );
  }
  const applications = readWhole(
    cell("Online-Anträge") === "" ? "0" : cell("Online-Anträge"),
  );
  if (applications === null)
    fail(
      "Online-Anträge",
      `„${cell("Online-Anträge").trim()}“ ist keine ganze Zahl ab 0.`,
    );

  const modelText = cell("Reifegradmodell").trim().replace(",", ".");
  const levelText = cell("Reifegrad").trim();
  let maturity: Service["maturity"] = null;
  if (modelText !== "" || levelText !== "") {
    const model = MATURITY_MODEL_VERSIONS.find(
      (version) => version === modelText || `${version}` === `${modelText}.0`,
    );
    const level = readWhole(levelText);
    if (model === undefined) {
      fail(
        "Reifegradmodell",
        `Bitte die Version des Reifegradmodells angeben: 1.1 oder 2.0 (gelesen: „${modelText}“).`,
      );
    }
    if (level === null)
      fail(
        "Reifegrad",
        `„${levelText}“ ist keine Stufe (eine ganze Zahl ab 0).`,
      );
    if (model !== undefined && level !== null)
      maturity = { modelVersion: model, level };
  }
  const validFrom = readDay(cell("Gültig ab"));
  if (validFrom === undefined)
    fail(
      "Gültig ab",
      `„${cell("Gültig ab").trim()}“ ist kein Datum wie 28.11.2022.`,
    );
  const validUntil = readDay(cell("Gültig bis"));
  if (validUntil === undefined)
    fail(
      "Gültig bis",
      `„${cell("Gültig bis").trim()}“ ist kein Datum wie 28.11.2022.`,
    );

  const service: Service = {
    leikaKey: key.ok ? key.key : cell("LeiKa-Schlüssel").trim(),
    kind: kind ?? "ozg-service",
    name: cell("Name").trim(),
    topic: cell("Themenfeld").trim() === "" ? null : cell("Themenfeld").trim(),
    isResponsibleLocally: flag("Zuständig vor Ort"),
    channel,
    isFrontEndOnline: flag("Front-End online"),
    isBackEndConnected: flag("Back-End angebunden"),
    hasEPayment: flag("E-Payment"),
    hasEId: flag("eID"),
    onlineApplications: applications ?? 0,
    maturity,
    status: status ?? "planned",
    url: cell("URL").trim() === "" ? null : cell("URL").trim(),
    validFrom: validFrom ?? null,
    validUntil: validUntil ?? null,
  };
  return { service: problems.length === 0 ? service : null, problems };
}

const FIELD_HEADINGS: Readonly<Partial<Record<keyof Service, string>>> = {
  leikaKey: "LeiKa-Schlüssel",
  kind: "Art",
  name: "Name",
  topic: "Themenfeld",
  isResponsibleLocally: "Zuständig vor Ort",
  channel: "Zugangsweg",
  isFrontEndOnline: "Front-End online",
  isBackEndConnected: "Back-End angebunden",
  hasEPayment: "E-Payment",
  hasEId: "eID",
  onlineApplications: "Online-Anträge",
  maturity: "Reifegrad",
  status: "Status",
  url: "URL",
  validFrom: "Gültig ab",
  validUntil: "Gültig bis",
};

function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}

/**
 * Reads a whole table: the first row holds the headings, every further non-empty row one
 * record. Cell problems and the register's rules (validateRegister: flags that contradict
 * each other, overlapping validity of one key …) are reported by line and column; rule
 * warnings (a missing URL) do not stop the import and are returned beside the records.
 */
export function readServiceTable(
  headingRow: TableRow | undefined,
  rows: readonly TableRow[],
): ServiceTableResult {
  if (headingRow === undefined) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: null,
          message:
            "Die Datei ist leer: Es fehlt die Zeile mit den Spaltenüberschriften.",
        },
      ],
    };
  }
  const { index, problems } = readHeadings(headingRow.cells, headingRow.line);
  if (problems.length > 0) return { ok: false, problems };
  const services: Service[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const read = readRow(row, index);
    problems.push(...read.problems);
    if (read.service !== null) {
      services.push(read.service);
      lines.push(row.line);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const warnings: TableProblem[] = [];
  for (const problem of validateRegister(services)) {
    const located: TableProblem = {
      line: lines[problem.index] ?? 0,
      column: FIELD_HEADINGS[problem.field] ?? null,
      message:
        problem.relatedIndex === null
          ? problem.message
          : `${problem.message} (siehe Zeile ${lines[problem.relatedIndex] ?? "?"})`,
    };
    if (problem.severity === "error") problems.push(located);
    else warnings.push(located);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, services, warnings };
}

/** "Zeile 7, Spalte „Status“: …" — how a problem is shown to people. */
export function formatTableProblem(problem: TableProblem): string {
  const where =
    problem.column === null
      ? `Zeile ${problem.line}`
      : `Zeile ${problem.line}, Spalte „${problem.column}“`;
  return `${where}: ${problem.message}`;
}

function yesNo(value: boolean): string {
  return value ? "ja" : "nein";
}

/** The headings of an export, in column order. */
export function serviceTableHeadings(): readonly string[] {
  return SERVICE_COLUMNS.map((column) => column.heading);
}

/** One record as the cells of an export row (German values, dates as TT.MM.JJJJ). */
export function serviceTableRow(service: Service): readonly string[] {
  return [
    service.leikaKey,
    service.name,
    service.topic ?? "",
    yesNo(service.isResponsibleLocally),
    service.channel === null ? "" : SERVICE_CHANNEL_LABELS[service.channel],
    yesNo(service.isFrontEndOnline),
    yesNo(service.isBackEndConnected),
    yesNo(service.hasEPayment),
    yesNo(service.hasEId),
    String(service.onlineApplications),
    service.maturity?.modelVersion ?? "",
    service.maturity === null ? "" : String(service.maturity.level),
    SERVICE_STATUS_LABELS[service.status],
    service.url ?? "",
    service.validFrom === null ? "" : formatGermanDate(service.validFrom),
    service.validUntil === null ? "" : formatGermanDate(service.validUntil),
    SERVICE_KIND_LABELS[service.kind],
  ];
}
