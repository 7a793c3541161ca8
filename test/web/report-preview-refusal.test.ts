/**
 * A person of another municipality who opens a report preview gets a clean 403 — and the
 * server logs no error for it (a refusal is no fault).
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, signIn } from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import { ensureOtherMunicipality } from "./support/api-writers.js";
import {
  openIdentityApp,
  type IdentityTestApp,
} from "./support/identity-app.js";

describe.each(DIALECTS)("refusing a report preview on %s", (dialect) => {
  let web: IdentityTestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    web = await openIdentityApp(dialect, {
      demo: "with-reports",
      build: { logger: { level: "info", stream } },
    });
  });

  afterAll(async () => {
    await web.close();
  });

  it.each(["vorschau", "folien.pptx", "bericht.pdf"])(
    "answers 403 for %s without logging an error",
    async (document) => {
      const report = await web.ctx.db
        .selectFrom("status_report")
        .select("id")
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const slug = await ensureOtherMunicipality(web.ctx);
      const stranger = await createTestUser(web.ctx, {
        role: "admin",
        municipalitySlug: slug,
      });
      const cookie = await signIn(web.app, stranger);
      lines.length = 0;
      const response = await web.app.inject({
        url: `/kleve/verwaltung/berichte/${report.id}/${document}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(403);
      const errors = lines.filter((line) => /"level":(50|60)/.test(line));
      expect(errors).toEqual([]);
    },
  );
});
