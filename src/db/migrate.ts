/**
 * Schema migrations, listed statically so that they run the same from src/ and dist/.
 * Each migration takes Kysely<any>: it must keep working when the TypeScript schema moves on.
 */
import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationResultSet,
} from "kysely";
import type { Database } from "./database.js";
import * as catalogue from "./migrations/2026-11-21-catalogue.js";
import * as accounts from "./migrations/2026-11-22-accounts.js";
import * as editor from "./migrations/2026-11-23-editor.js";
import * as api from "./migrations/2026-11-23-api.js";
import * as identity from "./migrations/2026-11-23-identity.js";
import * as editions from "./migrations/2026-11-24-editions.js";
import * as reports from "./migrations/2026-11-25-reports.js";
import * as layersSearchWords from "./migrations/2026-12-05-layers-search-words.js";
import * as publishedVersion from "./migrations/2026-12-05-speed-published-version.js";
import * as openDataSettings from "./migrations/2026-12-05-opendata-settings.js";
import * as opsScheduler from "./migrations/2026-12-05-ops-scheduler.js";
import * as subscribeSubscriptions from "./migrations/2026-12-05-subscribe-subscriptions.js";
import * as oparlCache from "./migrations/2026-12-05-oparl-cache.js";
import * as tenantsMemberships from "./migrations/2026-12-06-tenants-memberships.js";
import * as sheetsUploads from "./migrations/2026-12-06-sheets-uploads.js";
import * as opendata2OparlLinks from "./migrations/2026-12-06-opendata2-oparl-links.js";
import * as a11yStatement from "./migrations/2026-12-06-a11y-statement.js";
import * as a11yKeptForms from "./migrations/2026-12-06-a11y-kept-forms.js";
import * as participationItems from "./migrations/2026-12-06-participation-items.js";
import * as figuresKeyFigures from "./migrations/2026-12-06-figures-key-figures.js";
import * as figuresMeasureDetails from "./migrations/2026-12-06-figures-measure-details.js";
import * as onboardingLifecycle from "./migrations/2026-12-06-onboarding-lifecycle.js";
import * as levelsNamesAndFlat from "./migrations/2026-12-06-levels-names-and-flat.js";
import * as bodiesKindsMembersAgenda from "./migrations/2026-12-07-bodies-kinds-members-agenda.js";
import * as registerEntryKind from "./migrations/2026-12-07-register-entry-kind.js";
import * as participationLanguage from "./migrations/2026-12-09-participation-language.js";
import * as reportsFreeSections from "./migrations/2026-12-09-reports-free-sections.js";
import * as scaleForeignKeyIndexes from "./migrations/2026-12-10-scale-foreign-key-indexes.js";
import * as docstorePublishedDocuments from "./migrations/2026-12-10-docstore-published-documents.js";
import * as reportnumNumbersAndBackdating from "./migrations/2026-12-10-reportnum-numbers-and-backdating.js";

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "2026-11-21-catalogue": catalogue,
  "2026-11-22-accounts": accounts,
  "2026-11-23-editor": editor,
  "2026-11-23-api": api,
  "2026-11-23-identity": identity,
  "2026-11-24-editions": editions,
  "2026-11-25-reports": reports,
  "2026-12-05-layers-search-words": layersSearchWords,
  "2026-12-05-speed-published-version": publishedVersion,
  "2026-12-05-opendata-settings": openDataSettings,
  "2026-12-05-ops-scheduler": opsScheduler,
  "2026-12-05-subscribe-subscriptions": subscribeSubscriptions,
  "2026-12-05-oparl-cache": oparlCache,
  "2026-12-06-tenants-memberships": tenantsMemberships,
  "2026-12-06-sheets-uploads": sheetsUploads,
  "2026-12-06-opendata2-oparl-links": opendata2OparlLinks,
  "2026-12-06-a11y-statement": a11yStatement,
  "2026-12-06-a11y-kept-forms": a11yKeptForms,
  "2026-12-06-participation-items": participationItems,
  "2026-12-06-figures-key-figures": figuresKeyFigures,
  "2026-12-06-figures-measure-details": figuresMeasureDetails,
  "2026-12-06-onboarding-lifecycle": onboardingLifecycle,
  "2026-12-06-levels-names-and-flat": levelsNamesAndFlat,
  "2026-12-07-bodies-kinds-members-agenda": bodiesKindsMembersAgenda,
  "2026-12-07-register-entry-kind": registerEntryKind,
  "2026-12-09-participation-language": participationLanguage,
  "2026-12-09-reports-free-sections": reportsFreeSections,
  "2026-12-10-scale-foreign-key-indexes": scaleForeignKeyIndexes,
  "2026-12-10-docstore-published-documents": docstorePublishedDocuments,
  "2026-12-10-reportnum-numbers-and-backdating": reportnumNumbersAndBackdating,
};

/** Brings the schema to the newest version; throws when a migration fails. */
export async function migrateToLatest(
  db: Kysely<Database>,
): Promise<readonly string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    throw result.error instanceof Error
      ? result.error
      : new Error(`Migration failed: ${JSON.stringify(result.error)}`);
  }
  return (result.results ?? [])
    .filter((r) => r.status === "Success")
    .map((r) => r.migrationName);
}

/** Brings the schema up to and including the named migration (for testing a migration on data written before it). */
export async function migrateUpTo(
  db: Kysely<Database>,
  name: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const result = await migrator.migrateTo(name);
  if (result.error !== undefined)
    throw result.error instanceof Error
      ? result.error
      : new Error(`Migration failed: ${JSON.stringify(result.error)}`);
}

/** The names of all migrations this version knows, oldest first. */
export function knownMigrationNames(): readonly string[] {
  return Object.keys(MIGRATIONS).sort();
}

/** The names of the migrations applied to the database, oldest first. */
export async function appliedMigrationNames(
  db: Kysely<Database>,
): Promise<readonly string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const infos = await migrator.getMigrations();
  return infos
    .filter((info) => info.executedAt !== undefined)
    .map((info) => info.name);
}
