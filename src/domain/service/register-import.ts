/**
 * A register import "as of" a day (ADR 0033): what the file says about the register on
 * that day, compared with what the stored register says on that day, and the writes that
 * make the register say the file's version from that day on — without touching what was
 * valid before.
 *
 * - Unchanged: the stored record stays as it is.
 * - Changed: the stored record ends the day before the as-of day; a new record with the
 *   file's values starts on it. A record that itself starts on the as-of day (an earlier
 *   import of the same day) is corrected in place: nothing before the day changes.
 * - New: a record starting on the as-of day.
 * - No longer listed: the stored record ends the day before (or, starting on the day
 *   itself, is removed).
 * - The file's own validity columns do not count: the file is read as it stood on the
 *   as-of day (`registerOn`). Only an empty register takes a file with its history.
 */
import { SERVICE_KIND_LABELS, registerOn, type Service } from "./service.js";

/** A stored record the plan may close or correct. */
export interface PlannedRecord {
  readonly id: number;
  readonly service: Service;
}

/** A changed service: the stored record, the file's values and the fields that differ. */
export interface ChangedService {
  readonly before: PlannedRecord;
  readonly after: Service;
  /** The column headings of the fields that differ (German, as in the file). */
  readonly fields: readonly string[];
}

/** What an import as of a day would do. */
export interface RegisterImportPlan {
  readonly asOf: number;
  /** True when the register was empty: the file is taken with its history. */
  readonly isFirstImport: boolean;
  readonly created: readonly Service[];
  readonly changed: readonly ChangedService[];
  readonly unchanged: readonly PlannedRecord[];
  readonly removed: readonly PlannedRecord[];
  /** Stored records that start after the as-of day: an import before them is refused. */
  readonly later: readonly PlannedRecord[];
}

/** The fields compared, with the column heading that names them. */
const COMPARED: readonly (readonly [keyof Service, string])[] = [
  ["kind", "Art"],
  ["name", "Name"],
  ["topic", "Themenfeld"],
  ["isResponsibleLocally", "Zuständig vor Ort"],
  ["channel", "Zugangsweg"],
  ["isFrontEndOnline", "Front-End online"],
  ["isBackEndConnected", "Back-End angebunden"],
  ["hasEPayment", "E-Payment"],
  ["hasEId", "eID"],
  ["onlineApplications", "Online-Anträge"],
  ["maturity", "Reifegrad"],
  ["status", "Status"],
  ["url", "URL"],
];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The headings of the fields in which two records of one service differ. */
export function changedServiceFields(
  before: Service,
  after: Service,
): readonly string[] {
  return COMPARED.filter(
    ([field]) => !sameValue(before[field], after[field]),
  ).map(([, heading]) => heading);
}

/** Plans an import of `incoming` (the file's records) as of `asOf` (a day number). */
export function planRegisterImport(
  stored: readonly PlannedRecord[],
  incoming: readonly Service[],
  asOf: number,
): RegisterImportPlan {
  if (stored.length === 0) {
    return {
      asOf,
      isFirstImport: true,
      created: incoming,
      changed: [],
      unchanged: [],
      removed: [],
      later: [],
    };
  }
  const later = stored.filter(
    (each) => each.service.validFrom !== null && each.service.validFrom > asOf,
  );
  const current = new Map<string, PlannedRecord>();
  const currentServices = registerOn(
    stored.map((each) => each.service),
    asOf,
  );
  for (const service of currentServices) {
    const record = stored.find((each) => each.service === service);
    if (record !== undefined) current.set(service.leikaKey, record);
  }
  const created: Service[] = [];
  const changed: ChangedService[] = [];
  const unchanged: PlannedRecord[] = [];
  const listed = new Set<string>();
  for (const each of registerOn(incoming, asOf)) {
    listed.add(each.leikaKey);
    const after: Service = { ...each, validFrom: asOf, validUntil: null };
    const before = current.get(each.leikaKey);
    if (before === undefined) {
      created.push(after);
      continue;
    }
    const fields = changedServiceFields(before.service, after);
    if (fields.length === 0) unchanged.push(before);
    else changed.push({ before, after, fields });
  }
  const removed = [...current.values()].filter(
    (each) => !listed.has(each.service.leikaKey),
  );
  return {
    asOf,
    isFirstImport: false,
    created,
    changed,
    unchanged,
    removed,
    later,
  };
}

/** A record as the preview names it: "99… Name (weiterer Online-Antrag)". */
export function plannedLabel(service: Service): string {
  return service.kind === "ozg-service"
    ? `${service.leikaKey} ${service.name}`
    : `${service.leikaKey} ${service.name} (${SERVICE_KIND_LABELS[service.kind]})`;
}
