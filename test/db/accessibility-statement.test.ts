/**
 * The accessibility statement on both dialects: before anything is saved it is "partially
 * compliant" with the product's own facts (scope, method, date of the automated checks,
 * one month, the Land's conciliation body); an administrator's entries are stored,
 * audited and shown; invalid input stores nothing; editors may not change it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changeAccessibilityStatement,
  getAccessibilityStatement,
  getStatementSettingsForEditing,
} from "../../src/app/accessibility/statement.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { AUTOMATED_CHECKS_DATE } from "../../src/domain/accessibility/automated-checks.js";
import { AppError } from "../../src/errors.js";
import {
  DIALECTS,
  openTestContext,
  TEST_NOW,
  type TestContext,
} from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";

const PATHS = { portal: "/kleve/", feedback: "/kleve/barriere-melden" };

describe.each(DIALECTS)("the accessibility statement on %s", (dialect) => {
  let test: TestContext;
  let municipalityId: number;

  beforeAll(async () => {
    test = await openTestContext(dialect, { demo: true });
    municipalityId = (await getCatalogue(test.ctx, "kleve")).municipality.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  const admin = () => buildPrincipal(municipalityId, { role: "admin" });
  const input = (
    data: Partial<Parameters<typeof changeAccessibilityStatement>[2]["data"]>,
  ) => ({
    municipality: "kleve",
    data: {
      status: "full",
      lastReview: "",
      contactEmail: "barrierefreiheit@kleve.example",
      contactPhone: "",
      contactAddress: "",
      barriers: [],
      ...data,
    },
  });

  it("states what the product knows before anything is saved, and what an administrator saves", async () => {
    // Each run of this test starts from its own entries: the first save replaces the defaults.
    const before = await getAccessibilityStatement(test.ctx, "kleve", PATHS);
    if (before.preparedOn === null) {
      expect(before.status).toBe("partial");
      expect(before.barriers).toEqual([]);
      expect(before.contact.email).toBeNull();
    }
    expect(before.scope.portalPath).toBe("/kleve/");
    expect(before.assessment).toEqual({
      method: "self-assessment",
      automatedChecksTool: expect.stringContaining("axe"),
      automatedChecksDate: AUTOMATED_CHECKS_DATE,
    });
    expect(before.answerTimeMonths).toBe(1);
    expect(before.contact.feedbackPath).toBe("/kleve/barriere-melden");
    expect(before.conciliationBody?.land).toBe("Nordrhein-Westfalen");

    await changeAccessibilityStatement(
      test.ctx,
      admin(),
      input({
        status: "partial",
        lastReview: "28.11.2022",
        contactPhone: " 02821 84-0 ",
        contactAddress: "Minoritenplatz 1\n47533 Kleve",
        barriers: [
          {
            content: "Protokolle vor 2020 als gescannte PDF",
            reason: "unverhältnismäßige Belastung",
            alternative: "auf Anfrage als Text",
          },
          { content: "", reason: "", alternative: "" },
        ],
      }),
    );
    const after = await getAccessibilityStatement(test.ctx, "kleve", PATHS);
    expect(after.status).toBe("partial");
    expect(after.lastReview).toBe("2022-11-28");
    expect(after.preparedOn).toBe(TEST_NOW.toISOString().slice(0, 10));
    expect(after.contact).toMatchObject({
      email: "barrierefreiheit@kleve.example",
      phone: "02821 84-0",
      address: "Minoritenplatz 1\n47533 Kleve",
    });
    expect(after.barriers).toEqual([
      {
        content: "Protokolle vor 2020 als gescannte PDF",
        reason: "unverhältnismäßige Belastung",
        alternative: "auf Anfrage als Text",
      },
    ]);
    const events = await test.ctx.db
      .selectFrom("audit_event")
      .select(["action"])
      .where("municipality_id", "=", municipalityId)
      .where("action", "=", "accessibility_statement.update")
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(1);
  });

  it("names each bad value and stores nothing", async () => {
    const before = await getStatementSettingsForEditing(
      test.ctx,
      admin(),
      "kleve",
    );
    const error = await changeAccessibilityStatement(
      test.ctx,
      admin(),
      input({
        status: "irgendwie",
        lastReview: "31.02.2022",
        contactEmail: "keine-adresse",
        barriers: [{ content: "Karte", reason: "", alternative: "" }],
      }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("ERR_VALIDATION");
    expect(
      (error as AppError).problems.map((problem) => problem.path).sort(),
    ).toEqual([
      "/data/barriers/0/reason",
      "/data/contactEmail",
      "/data/lastReview",
      "/data/status",
    ]);
    const after = await getStatementSettingsForEditing(
      test.ctx,
      admin(),
      "kleve",
    );
    expect(after.settings).toEqual(before.settings);
  });

  it("lets no editor change it", async () => {
    const error = await changeAccessibilityStatement(
      test.ctx,
      buildPrincipal(municipalityId, { role: "editor" }),
      input({}),
    ).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe("ERR_FORBIDDEN");
  });
});
