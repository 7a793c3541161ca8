/**
 * Setup file of the web, e2e and utc projects: passwords are hashed with Argon2id at its
 * lowest cost (64 KiB, one pass) instead of the production parameters (19 MiB, two
 * passes). Every test creates and signs in accounts, and on a loaded two-core machine the
 * production cost, paid on each creation and sign-in, competes with Chromium and the
 * server for the CPU. Verification reads the parameters from the stored PHC string, so
 * the flows are unchanged. The production parameters are tested where they matter:
 * test/unit/auth/password.test.ts and test/db/identity.test.ts (projects without this file).
 */
import type * as Argon2 from "@node-rs/argon2";
import { vi } from "vitest";

vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon2 = await importOriginal<typeof Argon2>();
  return {
    ...argon2,
    hash: (password: string | Uint8Array, options?: Argon2.Options) =>
      argon2.hash(password, {
        ...options,
        memoryCost: 64,
        timeCost: 1,
        parallelism: 1,
      }),
  };
});
