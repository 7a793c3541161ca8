/**
 * When the database stops answering, the health check says so with 503 on both dialects:
 * how the driver fails differs between SQLite and PostgreSQL, so this runs on each.
 */
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../support/database.js";
import { openWebApp } from "../web/support/web-app.js";

describe.each(DIALECTS)("health without a database on %s", (dialect) => {
  it("answers 503 ERR_DATABASE_UNAVAILABLE when the database does not answer", async () => {
    const web = await openWebApp(dialect, { demo: false });
    try {
      await web.ctx.db.destroy();
      const response = await web.app.inject("/health");
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        error: expect.objectContaining({
          code: "ERR_DATABASE_UNAVAILABLE",
          message: expect.any(String),
        }),
      });
    } finally {
      await web.app.close();
      // The context's own close would destroy the handle a second time; only clean up files.
      await web.close().catch(() => undefined);
    }
  });
});
