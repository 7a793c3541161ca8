/**
 * "Jetzt abgleichen" on the open-data settings: an administrator synchronises the
 * municipality's meetings with its council information system (a local OParl server)
 * from the browser form; the page then says what was stored and remembers the endpoint.
 * An unreachable endpoint gets the form again with a German message and the input kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import {
  createCommittee,
  createMeeting,
} from "../../src/app/reports/committees.js";
import { listOparlObjects } from "../../src/db/oparl.repository.js";
import {
  createTestUser,
  postForm,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import { startOparlServer, type OparlServer } from "../support/oparl-server.js";
import { buildPrincipal } from "../support/principals.js";
import { NO_MEETING_LINKS } from "../support/reporting-fixture.js";
import { openWebApp, textOf, type WebTestApp } from "./support/web-app.js";

const SETTINGS = "/kleve/verwaltung/offene-daten";
const SYNC = `${SETTINGS}/oparl`;

let oparl: OparlServer;

beforeAll(async () => {
  oparl = await startOparlServer();
});

afterAll(async () => {
  await oparl.close();
});

describe.each(DIALECTS)("the OParl sync button on %s", (dialect) => {
  let web: WebTestApp;
  let admin: TestUser;
  let editor: TestUser;
  let municipalityId: number;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    admin = await createTestUser(web.ctx, { role: "admin" });
    editor = await createTestUser(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
    });
    municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality.id;
    // A meeting that refers to a paper of the council information system.
    const principal = buildPrincipal(municipalityId, { role: "admin" });
    const committeeId = (
      await createCommittee(web.ctx, principal, {
        municipality: "kleve",
        data: { name: "Haupt- und Finanzausschuss", abbreviation: "HFA" },
      })
    ).id;
    await createMeeting(web.ctx, principal, {
      municipality: "kleve",
      data: {
        committeeId,
        day: "2023-03-14",
        ...NO_MEETING_LINKS,
        oparlPaperUrl: `${oparl.base}/oparl/v1/paper/185`,
      },
    });
  });

  afterAll(async () => {
    await web.close();
  });

  it("synchronises from the form, says what it stored and remembers the endpoint", async () => {
    const cookie = await signIn(web.app, admin);
    const endpoint = `${oparl.base}/oparl/v1/system`;
    const synced = await postForm(
      web.app,
      cookie,
      SYNC,
      { "oparl-adresse": endpoint },
      { csrfFrom: SETTINGS },
    );
    expect(synced.statusCode).toBe(303);
    const location = String(synced.headers.location);
    expect(location).toMatch(
      /^\/kleve\/verwaltung\/offene-daten\?abgeglichen=/,
    );
    const page = await web.app.inject({ url: location, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toMatch(/Abgleich fertig: [1-9]\d* von [1-9]\d* Verweisen/);
    expect(text).toContain(`Zuletzt abgeglichen mit ${endpoint}.`);
    expect(
      (await listOparlObjects(web.ctx.db, municipalityId)).map(
        (object) => object.url,
      ),
    ).toContain(`${oparl.base}/oparl/v1/paper/185`);
  });

  it("answers an unreachable endpoint with the form, a German message and the input kept", async () => {
    const cookie = await signIn(web.app, admin);
    const before = await listOparlObjects(web.ctx.db, municipalityId);
    const unreachable = "http://127.0.0.1:1/oparl/v1/system";
    const failed = await postForm(
      web.app,
      cookie,
      SYNC,
      { "oparl-adresse": unreachable },
      { csrfFrom: SETTINGS },
    );
    expect(failed.statusCode).toBeGreaterThanOrEqual(400);
    expect(failed.body).toContain('id="oparl-adresse-fehler"');
    expect(failed.body).toContain(`value="${unreachable}"`);
    expect(textOf(failed.body)).toContain("nicht erreichbar");
    expect(await listOparlObjects(web.ctx.db, municipalityId)).toEqual(before);
  });

  it("refuses an editor", async () => {
    const cookie = await signIn(web.app, editor);
    const refused = await postForm(
      web.app,
      cookie,
      SYNC,
      { "oparl-adresse": `${oparl.base}/oparl/v1/system` },
      { csrfFrom: "/kleve/verwaltung/" },
    );
    expect(refused.statusCode).toBe(403);
  });
});
