/**
 * A copy of a whole municipality under another slug and name, with new ids, in one
 * transaction of a few set-based statements (PostgreSQL only). For generating many
 * tenants of the same size (`fortschritt demo --synthetic N`): the first one goes through
 * the normal import path, the others copy it. What a municipality holds is read from the
 * catalogue of the database: every table with a `municipality_id`, and every table
 * whose foreign key points at such a table's rows, follows its parent; foreign keys
 * between copied rows point at the copies. Accounts, memberships, sessions, tokens,
 * subscriptions, audit events, caches and uploads are not copied (a copy has no people).
 */
import { groupBy } from "../domain/collections.js";
import { sql, type Kysely } from "kysely";
import { dialectOf } from "./dialect.js";
import type { Database } from "./database.js";

/** Tables a copy leaves out: people, their traces, caches and instance-wide rows. */
const NOT_COPIED = new Set([
  "municipality",
  "user_account",
  "membership",
  "user_org_unit",
  "session",
  "login_attempt",
  "password_reset",
  "recovery_code",
  "sso_login",
  "api_token",
  "api_token_municipality",
  "audit_event",
  "feed_subscription",
  "kept_form",
  "oparl_object",
  "catalogue_sheet_upload",
  "report_reminder_sent",
  "scheduled_job",
  "participation_rate",
  "kysely_migration",
  "kysely_migration_lock",
]);

interface TablePlan {
  readonly name: string;
  readonly columns: readonly string[];
  /** Column → referenced table, for single-column foreign keys. */
  readonly references: ReadonlyMap<string, string>;
  readonly hasMunicipality: boolean;
  /** The sequence of an `id` column, or null when the table has no own id. */
  readonly sequence: string | null;
}

/** The order and shape of the copy, read once from the database's catalogue. */
export interface CopyPlan {
  readonly municipalityColumns: readonly string[];
  readonly tables: readonly TablePlan[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads which tables a municipality's copy writes, parents before children. */
export async function planMunicipalityCopy(
  db: Kysely<Database>,
): Promise<CopyPlan> {
  if (dialectOf(db) !== "postgres")
    throw new Error("Copies of municipalities need PostgreSQL.");
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_generated = 'NEVER'
    order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{
    child: string;
    column_name: string;
    parent: string;
  }>`
    select child.relname as child, a.attname as column_name, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    where k.contype = 'f' and array_length(k.conkey, 1) = 1
      and child.relnamespace = current_schema()::regnamespace`.execute(db);
  const byTable = groupBy(
    columns.rows,
    (row) => row.table_name,
    (row) => row.column_name,
  );
  const references = new Map<string, Map<string, string>>();
  for (const row of keys.rows) {
    const map = references.get(row.child) ?? new Map<string, string>();
    map.set(row.column_name, row.parent);
    references.set(row.child, map);
  }
  // Tables that belong to a municipality, directly or through a copied parent.
  const copied = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [table, cols] of byTable) {
      if (copied.has(table) || NOT_COPIED.has(table)) continue;
      const parents = [...(references.get(table)?.values() ?? [])];
      if (
        cols.includes("municipality_id") ||
        parents.some((parent) => copied.has(parent))
      ) {
        copied.add(table);
        changed = true;
      }
    }
  }
  // Parents first (self references are resolved within one statement).
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of references.get(table)?.values() ?? [])
      if (parent !== table && copied.has(parent)) visit(parent, path);
    ordered.push(table);
  };
  for (const table of [...copied].sort()) visit(table, new Set());
  const tables: TablePlan[] = [];
  for (const name of ordered) {
    const cols = byTable.get(name) ?? [];
    let sequence: string | null = null;
    if (cols.includes("id")) {
      const found = await sql<{ seq: string | null }>`
        select pg_get_serial_sequence(${ident(name)}, 'id') as seq`.execute(db);
      sequence = found.rows[0]?.seq ?? null;
    }
    tables.push({
      name,
      columns: cols,
      references: references.get(name) ?? new Map(),
      hasMunicipality: cols.includes("municipality_id"),
      sequence,
    });
  }
  return { municipalityColumns: byTable.get("municipality") ?? [], tables };
}

/**
 * Copies the municipality `sourceId` with everything it holds under `slug` and `name`;
 * returns the new municipality's id. One transaction; nothing else is touched.
 */
export async function copyMunicipality(
  db: Kysely<Database>,
  plan: CopyPlan,
  sourceId: number,
  target: { readonly slug: string; readonly name: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const own = plan.municipalityColumns.filter(
      (column) => column !== "id" && column !== "slug" && column !== "name",
    );
    const inserted = await sql<{ id: number }>`
      insert into municipality (slug, name, ${sql.raw(own.map(ident).join(", "))})
      select ${target.slug}, ${target.name}, ${sql.raw(own.map(ident).join(", "))}
      from municipality where id = ${sourceId}
      returning id`.execute(trx);
    const newId = inserted.rows[0]?.id;
    if (newId === undefined) throw new Error(`No municipality ${sourceId}.`);
    // Every statement in one round trip (the ids are numbers, the names come from the catalogue).
    await sql
      .raw(copyStatements(plan, sourceId, newId).join(";\n"))
      .execute(trx);
    return newId;
  });
}

/** The statements that copy everything of `sourceId` into the municipality `newId`. */
function copyStatements(
  plan: CopyPlan,
  sourceId: number,
  newId: number,
): string[] {
  const statements: string[] = [];
  const mapped = new Set<string>();
  for (const table of plan.tables) {
    const t = ident(table.name);
    const conditions: string[] = [];
    if (table.hasMunicipality)
      conditions.push(`src.municipality_id = ${Number(sourceId)}`);
    else
      for (const [column, parent] of table.references)
        if (mapped.has(parent))
          conditions.push(
            // `= any(array(…))` keeps to the foreign key's index whatever the statistics say.
            `src.${ident(column)} = any(array(select old from ${ident(`copy_${parent}`)}))`,
          );
    if (conditions.length === 0) continue;
    const where = conditions.join(" or ");
    if (table.sequence !== null) {
      const map = ident(`copy_${table.name}`);
      statements.push(
        `create temporary table ${map} (old integer primary key, new integer not null) on commit drop`,
        `insert into ${map} (old, new) select src.id, nextval('${table.sequence.replace(/'/g, "''")}') from ${t} src where ${where}`,
      );
      mapped.add(table.name);
    }
    const values = table.columns.map((column) => {
      if (column === "id" && table.sequence !== null)
        return `(select new from ${ident(`copy_${table.name}`)} m where m.old = src.id)`;
      if (column === "municipality_id") return String(Number(newId));
      // Published reports take no entries: copied as drafts, their state set at the end.
      if (table.name === "status_report" && column === "status")
        return "'draft'";
      const parent = table.references.get(column);
      if (parent !== undefined && mapped.has(parent))
        return `(select new from ${ident(`copy_${parent}`)} m where m.old = src.${ident(column)})`;
      return `src.${ident(column)}`;
    });
    statements.push(
      `insert into ${t} (${table.columns.map(ident).join(", ")}) select ${values.join(", ")} from ${t} src where ${where}`,
    );
  }
  if (mapped.has("status_report"))
    statements.push(
      `update status_report r set status = src.status from status_report src join copy_status_report m on m.old = src.id where r.id = m.new and src.status <> 'draft'`,
    );
  return statements;
}
