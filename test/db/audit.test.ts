import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readAuditEvents,
  recordAudit,
} from "../../src/app/audit/record-audit.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";

describe.each(DIALECTS)("the audit log on %s", (dialect) => {
  let t: TestContext;
  let municipalityId: number;
  const editor = (id: number): UserPrincipal => ({
    kind: "user",
    userId: id,
    municipalityId,
    role: "editor",
    orgUnitCodes: ["10.1"],
    name: "Erika Muster",
    email: "erika@example.org",
    via: "session",
  });

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
    await recordAudit(t.ctx.db, t.ctx, editor(7), {
      municipalityId,
      action: "phase.update",
      entityType: "phase",
      entityId: 12,
      entityLabel: "2.5 E-Rechnungsworkflow – Einführung",
      projectId: 5,
      before: { end: "2023" },
      after: { end: "2024-Q2" },
      reason: "  Verzögerung aufgrund OZG-Aufwand ",
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps who, when, what, before, after and why", async () => {
    const [event] = await readAuditEvents(t.ctx, { municipalityId, limit: 10 });
    expect(event).toMatchObject({
      at: TEST_NOW.toISOString(),
      actorUserId: 7,
      actorLabel: "Erika Muster <erika@example.org>",
      action: "phase.update",
      entityId: "12",
      projectId: 5,
      before: { end: "2023" },
      after: { end: "2024-Q2" },
      reason: "Verzögerung aufgrund OZG-Aufwand",
    });
  });

  it("filters by project", async () => {
    expect(
      await readAuditEvents(t.ctx, { municipalityId, projectId: 5, limit: 10 }),
    ).toHaveLength(1);
    expect(
      await readAuditEvents(t.ctx, { municipalityId, projectId: 6, limit: 10 }),
    ).toHaveLength(0);
  });

  it("cannot be changed, not even with SQL", async () => {
    await expect(
      sql`update audit_event set reason = 'geschönt'`.execute(t.ctx.db),
    ).rejects.toThrow(/cannot be changed/);
    const [event] = await readAuditEvents(t.ctx, { municipalityId, limit: 1 });
    expect(event?.reason).toBe("Verzögerung aufgrund OZG-Aufwand");
  });

  it("cannot be deleted, not even with SQL", async () => {
    // The demo's editions were published with events of their own; none of them may go either.
    const before = await readAuditEvents(t.ctx, { municipalityId, limit: 10 });
    await expect(
      sql`delete from audit_event`.execute(t.ctx.db),
    ).rejects.toThrow(/cannot be changed or deleted/);
    expect(
      await readAuditEvents(t.ctx, { municipalityId, limit: 10 }),
    ).toHaveLength(before.length);
  });
});
