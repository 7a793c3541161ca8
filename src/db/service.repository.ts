/** The OZG service register: records of services, each valid for a span of days. */
import type {
  MaturityModelVersion,
  Service,
  ServiceChannel,
  ServiceStatus,
} from "../domain/service/service.js";
import type { Selectable } from "kysely";
import type { Executor } from "./database.js";
import { positionAfterLast } from "./query.js";
import type { OzgServiceTable } from "./report.tables.js";

/** A record as stored, with its id and version. */
export interface StoredService {
  readonly id: number;
  readonly version: number;
  readonly service: Service;
}

/** A stored record's columns that make up the service. */
type ServiceRow = Omit<
  Selectable<OzgServiceTable>,
  "id" | "municipality_id" | "position" | "version"
>;

function toService(row: ServiceRow): Service {
  return {
    leikaKey: row.leika_key,
    kind:
      row.kind === "online-application" ? "online-application" : "ozg-service",
    name: row.name,
    topic: row.topic,
    isResponsibleLocally: row.is_responsible_locally === 1,
    channel: row.channel as ServiceChannel | null,
    isFrontEndOnline: row.is_front_end_online === 1,
    isBackEndConnected: row.is_back_end_connected === 1,
    hasEPayment: row.has_e_payment === 1,
    hasEId: row.has_eid === 1,
    onlineApplications: row.online_applications,
    maturity:
      row.maturity_model === null || row.maturity_level === null
        ? null
        : {
            modelVersion: row.maturity_model as MaturityModelVersion,
            level: row.maturity_level,
          },
    status: row.status as ServiceStatus,
    url: row.url,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
  };
}

function serviceValues(service: Service) {
  return {
    leika_key: service.leikaKey,
    kind: service.kind,
    name: service.name,
    topic: service.topic,
    is_responsible_locally: service.isResponsibleLocally ? 1 : 0,
    channel: service.channel,
    is_front_end_online: service.isFrontEndOnline ? 1 : 0,
    is_back_end_connected: service.isBackEndConnected ? 1 : 0,
    has_e_payment: service.hasEPayment ? 1 : 0,
    has_eid: service.hasEId ? 1 : 0,
    online_applications: service.onlineApplications,
    maturity_model: service.maturity?.modelVersion ?? null,
    maturity_level: service.maturity?.level ?? null,
    status: service.status,
    url: service.url,
    valid_from: service.validFrom,
    valid_until: service.validUntil,
  };
}

/** Every record of a municipality's register, in register order. */
export async function listServices(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredService[]> {
  const rows = await db
    .selectFrom("ozg_service")
    .selectAll()
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    service: toService(row),
  }));
}

/** Adds a record at the end of the register; returns its id. */
export async function insertService(
  db: Executor,
  municipalityId: number,
  service: Service,
): Promise<number> {
  const position =
    (await positionAfterLast(
      db
        .selectFrom("ozg_service")
        .where("municipality_id", "=", municipalityId),
    )) ?? 1;
  const row = await db
    .insertInto("ozg_service")
    .values({
      municipality_id: municipalityId,
      position,
      ...serviceValues(service),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Overwrites a record's values (a correction, or closing it with a "valid until"). */
export async function updateServiceRow(
  db: Executor,
  id: number,
  service: Service,
): Promise<void> {
  await db
    .updateTable("ozg_service")
    .set(serviceValues(service))
    .where("id", "=", id)
    .execute();
}

/** Replaces the whole register of a municipality (an import); returns the number of records. */
export async function replaceServices(
  db: Executor,
  municipalityId: number,
  services: readonly Service[],
): Promise<number> {
  await db
    .deleteFrom("ozg_service")
    .where("municipality_id", "=", municipalityId)
    .execute();
  // In chunks: PostgreSQL and SQLite limit the parameters of one statement.
  for (let start = 0; start < services.length; start += 100) {
    const chunk = services.slice(start, start + 100);
    await db
      .insertInto("ozg_service")
      .values(
        chunk.map((service, index) => ({
          municipality_id: municipalityId,
          position: start + index + 1,
          ...serviceValues(service),
        })),
      )
      .execute();
  }
  return services.length;
}

/** Ends a record on a day (an import as of the next day); counts as a change of the record. */
export async function closeServiceRecord(
  db: Executor,
  id: number,
  lastDay: number,
): Promise<void> {
  await db
    .updateTable("ozg_service")
    .set((eb) => ({ valid_until: lastDay, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** Removes one record (only a record that starts on an import's own as-of day). */
export async function deleteServiceRecord(
  db: Executor,
  id: number,
): Promise<void> {
  await db.deleteFrom("ozg_service").where("id", "=", id).execute();
}
