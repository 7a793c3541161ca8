/**
 * API clients for tests: a user of a role with a personal API token (created as
 * `fortschritt token create` does), and a second municipality for people who belong
 * elsewhere.
 */
import type { AppContext } from "../../../src/app/context.js";
import { COMMAND_LINE } from "../../../src/app/auth/account-audit.js";
import { createApiToken } from "../../../src/app/auth/api-tokens.js";
import {
  findMunicipalityBySlug,
  insertMunicipality,
} from "../../../src/db/municipality.repository.js";
import {
  createTestUser,
  type TestUser,
  type TestUserOptions,
} from "../../support/accounts.js";
import { TEST_NOW } from "../../support/database.js";

/** A user with an API token and the headers that carry it. */
export interface ApiWriter {
  readonly user: TestUser;
  readonly token: string;
  readonly tokenId: number;
  /** `{ authorization: "Bearer fst_…" }` plus the given headers. */
  headers(extra?: Record<string, string>): Record<string, string>;
}

/** Creates a user and a token for them. */
export async function createApiWriter(
  ctx: AppContext,
  options: TestUserOptions,
): Promise<ApiWriter> {
  const user = await createTestUser(ctx, options);
  const created = await createApiToken(ctx, COMMAND_LINE, {
    userId: user.userId,
    name: "Test",
  });
  return {
    user,
    token: created.token,
    tokenId: created.id,
    headers: (extra = {}) => ({
      authorization: `Bearer ${created.token}`,
      ...extra,
    }),
  };
}

/** A second, empty municipality ("goch"), created once per database. */
export async function ensureOtherMunicipality(
  ctx: AppContext,
): Promise<string> {
  const slug = "goch";
  if ((await findMunicipalityBySlug(ctx.db, slug)) === null) {
    await insertMunicipality(ctx.db, {
      slug,
      name: "Stadt Goch",
      state: "Nordrhein-Westfalen",
      website: null,
      dataVersion: 1,
      now: TEST_NOW.toISOString(),
    });
  }
  return slug;
}
