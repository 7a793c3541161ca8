/**
 * ozg_service.kind: whether a register entry is an OZG service ("ozg-service", every
 * existing record) or a further online application the portal offers beyond the OZG
 * services ("online-application"); see docs/adr/0033-register-counting-and-as-of-imports.md.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("ozg_service")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("ozg-service"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("ozg_service").dropColumn("kind").execute();
}
