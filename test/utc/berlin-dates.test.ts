/**
 * Most servers run in UTC; the rest of the suite pins Europe/Berlin. This project runs
 * with TZ=UTC (vitest.config.ts) and checks that the app still speaks Berlin time: the
 * log shows a change made at 00:30 Berlin time (23:30 UTC the day before) under the
 * Berlin day and hour, and the day filter counts it to that day.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProject } from "../../src/app/catalogue/read-catalogue.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { createTestUser, signIn } from "../support/accounts.js";
import { buildPrincipal } from "../support/principals.js";
import {
  openIdentityApp,
  type IdentityTestApp,
} from "../web/support/identity-app.js";
import { textOf } from "../web/support/web-app.js";

/** 00:30 on 28 November 2022 in Berlin (CET, UTC+1). */
const HALF_PAST_MIDNIGHT_IN_BERLIN = new Date("2022-11-27T23:30:00Z");

describe("dates on a server in UTC", () => {
  let web: IdentityTestApp;
  let cookie: string;

  beforeAll(async () => {
    web = await openIdentityApp("sqlite");
    web.clock.set(HALF_PAST_MIDNIGHT_IN_BERLIN);
    const { catalogue, entry } = await getProject(
      web.ctx,
      "kleve",
      "e-rechnungsworkflow",
    );
    const phase = entry.project.phases[0]!;
    await updatePhase(
      web.ctx,
      buildPrincipal(catalogue.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      }),
      {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        phaseId: phase.id,
        expectedVersion: entry.project.version,
        data: { label: "Einführung", start: "2021-Q4", end: "2024-Q2" },
      },
    );
    cookie = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "editor", orgUnitCodes: ["10.1"] }),
    );
  });

  afterAll(async () => {
    await web?.close();
  });

  it("runs in UTC", () => {
    expect(process.env.TZ).toBe("UTC");
    expect(new Date(2022, 10, 28).getTimezoneOffset()).toBe(0);
  });

  it("shows a change in the log at its Berlin day and time", async () => {
    const log = await web.app.inject({
      url: "/kleve/verwaltung/protokoll?aktion=phase.update",
      headers: { cookie },
    });
    expect(log.statusCode).toBe(200);
    expect(textOf(log.body)).toContain("28.11.2022, 00:30");
  });

  it("counts the change to its Berlin day in the day filter", async () => {
    const day = (von: string, bis: string) =>
      web.app.inject({
        url: `/kleve/verwaltung/protokoll?aktion=phase.update&von=${von}&bis=${bis}`,
        headers: { cookie },
      });
    expect((await day("28.11.2022", "28.11.2022")).body).toContain(
      'app-audit-list__heading">Phase geändert',
    );
    expect((await day("27.11.2022", "27.11.2022")).body).not.toContain(
      'app-audit-list__heading">Phase geändert',
    );
  });
});
