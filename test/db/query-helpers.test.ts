/**
 * The query steps repositories share (src/db/query.ts), on both dialects: counting what a
 * filter matches, where an appended row goes, whether a change hit its one row, the first
 * row as a value or null, replacing a stored list, and saving a row at its version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changesOneRow,
  countRows,
  firstOrNull,
  positionAfterLast,
} from "../../src/db/query.js";
import {
  loadDraftForeword,
  saveDraftForeword,
} from "../../src/db/revision.repository.js";
import { replaceReminderDays } from "../../src/db/scheduler.repository.js";
import type { Executor } from "../../src/db/database.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";

describe.each(DIALECTS)("shared query steps on %s", (dialect) => {
  let t: TestContext;
  let db: Executor;
  let municipalityId: number;

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    db = t.ctx.db;
    const row = await db
      .selectFrom("municipality")
      .select("id")
      .where("slug", "=", "kleve")
      .executeTakeFirstOrThrow();
    municipalityId = row.id;
  });
  afterAll(async () => {
    await t.close();
  });

  function rulesOf(id: number) {
    return db
      .selectFrom("report_reminder_rule")
      .where("municipality_id", "=", id);
  }

  /** The reminder days, replaced through their repository, which uses replaceRows. */
  const replaceDays = (days: readonly number[]): Promise<void> =>
    replaceReminderDays(db, municipalityId, days);

  it("replaces a list with another, and with none", async () => {
    await replaceDays([21, 7]);
    await replaceDays([14, 3, 1]);
    const days = await rulesOf(municipalityId)
      .select("days_before")
      .orderBy("days_before")
      .execute();
    expect(days.map((row) => row.days_before)).toEqual([1, 3, 14]);
    await replaceDays([]);
    expect(await countRows(rulesOf(municipalityId))).toBe(0);
  });

  it("counts the rows a filter matches as a number", async () => {
    await replaceDays([21, 7]);
    expect(await countRows(rulesOf(municipalityId))).toBe(2);
    expect(await countRows(rulesOf(municipalityId + 1000))).toBe(0);
  });

  it("maps the first row found, and answers null when there is none", async () => {
    await replaceDays([21]);
    expect(
      await firstOrNull(
        rulesOf(municipalityId).select("days_before"),
        (row) => row.days_before * 2,
      ),
    ).toBe(42);
    expect(
      await firstOrNull(
        rulesOf(municipalityId + 1000).select("days_before"),
        (row) => row.days_before,
      ),
    ).toBeNull();
  });

  it("places an appended row after the highest position, and knows when there is none", async () => {
    const tagged = await db
      .selectFrom("project_tag")
      .select("project_id")
      .executeTakeFirstOrThrow();
    const tags = await db
      .selectFrom("project_tag")
      .select("position")
      .where("project_id", "=", tagged.project_id)
      .execute();
    const highest = Math.max(...tags.map((tag) => tag.position));
    expect(
      await positionAfterLast(
        db
          .selectFrom("project_tag")
          .where("project_id", "=", tagged.project_id),
      ),
    ).toBe(highest + 1);
    expect(
      await positionAfterLast(
        db.selectFrom("project_tag").where("project_id", "=", -1),
      ),
    ).toBeNull();
  });

  it("answers whether an update or a deletion changed exactly one row", async () => {
    await replaceDays([21, 7]);
    const rule = await rulesOf(municipalityId)
      .select("id")
      .where("days_before", "=", 21)
      .executeTakeFirstOrThrow();
    const ruleById = (id: number) =>
      db
        .updateTable("report_reminder_rule")
        .set({ days_before: 14 })
        .where("id", "=", id);
    expect(await changesOneRow(ruleById(rule.id))).toBe(true);
    expect(await changesOneRow(ruleById(-1))).toBe(false);
    expect(
      await changesOneRow(
        db
          .updateTable("report_reminder_rule")
          .set((eb) => ({ days_before: eb.ref("days_before") }))
          .where("municipality_id", "=", municipalityId),
      ),
    ).toBe(false);
    expect(
      await changesOneRow(
        db.deleteFrom("report_reminder_rule").where("id", "=", rule.id),
      ),
    ).toBe(true);
    expect(
      await changesOneRow(
        db.deleteFrom("report_reminder_rule").where("id", "=", rule.id),
      ),
    ).toBe(false);
  });

  it("saves a row at its version: new only at 0, then only at the version it is at", async () => {
    // The draft's foreword, saved through its repository, which uses saveAtVersion.
    await db
      .deleteFrom("edition_draft")
      .where("municipality_id", "=", municipalityId)
      .execute();
    const save = (version: number, foreword: string) =>
      saveDraftForeword(db, municipalityId, version, foreword);
    expect(await loadDraftForeword(db, municipalityId)).toEqual({
      foreword: null,
      version: 0,
    });
    expect(await save(0, "Erster Entwurf")).toBe(true);
    // Written meanwhile: a second "new" row is refused, and the first one stays.
    expect(await save(0, "Zweiter Entwurf")).toBe(false);
    expect(await loadDraftForeword(db, municipalityId)).toEqual({
      foreword: "Erster Entwurf",
      version: 1,
    });
    expect(await save(1, "Überarbeitet")).toBe(true);
    expect(await save(1, "Veraltet")).toBe(false);
    expect(await loadDraftForeword(db, municipalityId)).toEqual({
      foreword: "Überarbeitet",
      version: 2,
    });
  });
});
