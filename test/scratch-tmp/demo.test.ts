import { it } from "vitest";
import { openTestContext } from "../support/database.js";
import { compareEditions } from "../../src/app/edition/change-report.js";
import { describeChangeGerman, describeShiftCountGerman } from "../../src/domain/edition/change-description.js";
it("demo", async () => {
  const t = await openTestContext("sqlite", { demo: true });
  const r = await compareEditions(t.ctx, "kleve", 2);
  for (const c of r.diff.changes) console.log(c.key, "|", describeChangeGerman(c, { withProject: true }), "|", r.effectiveReasons.get(c.key)?.text ?? "");
  console.log(r.counts.byCategory.map((x) => describeShiftCountGerman(x.count, x.category.label)), r.counts.withoutReason);
  await t.close();
});
