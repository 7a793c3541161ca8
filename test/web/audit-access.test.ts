/**
 * Who reads which part of the audit log (ADR 0006): a project's history only those who
 * may edit the project; the whole log administrators; editors only the events of their
 * own projects — never accounts, sign-ins or other departments' projects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProject } from "../../src/app/catalogue/read-catalogue.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { csrfTokenIn, mergeCookies, signIn } from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { createApiWriter, type ApiWriter } from "./support/api-writers.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const AUDIT = "/api/v1/municipalities/kleve/audit";

interface EventBody {
  readonly action: string;
  readonly entityType: string;
  readonly projectId?: number | null;
}

describe.each(DIALECTS)("reading the audit log on %s", (dialect) => {
  let web: WebTestApp;
  let admin: ApiWriter;
  let invoiceEditor: ApiWriter;
  let otherEditor: ApiWriter;
  let invoiceProjectId: number;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    admin = await createApiWriter(web.ctx, { role: "admin" });
    invoiceEditor = await createApiWriter(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
    });
    otherEditor = await createApiWriter(web.ctx, {
      role: "editor",
      orgUnitCodes: ["32"],
    });
    const { entry } = await getProject(web.ctx, "kleve", "e-rechnungsworkflow");
    invoiceProjectId = entry.project.id;
    const phase = entry.project.phases[0]!;
    await updatePhase(
      web.ctx,
      buildPrincipal(invoiceEditor.user.municipalityId, {
        userId: invoiceEditor.user.userId,
        name: invoiceEditor.user.name,
        email: invoiceEditor.user.email,
        orgUnitCodes: ["10.1"],
      }),
      {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        phaseId: phase.id,
        expectedVersion: entry.project.version,
        reason: "OZG-Aufwand",
        data: { label: "Einführung", start: "2021-Q4", end: "2024-Q2" },
      },
      { ip: "192.0.2.7" },
    );
    // An administrator mistypes the password: a failed sign-in in the log.
    const form = await web.app.inject("/anmelden");
    await web.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: mergeCookies("", form),
      },
      payload: new URLSearchParams({
        email: admin.user.email,
        password: "vertippt vertippt",
        _csrf: csrfTokenIn(form.body) ?? "",
      }).toString(),
    });
  });

  afterAll(async () => {
    await web.close();
  });

  async function events(
    writer: ApiWriter,
    query = "",
  ): Promise<{ status: number; events: readonly EventBody[] }> {
    const response = await web.app.inject({
      url: `${AUDIT}${query}`,
      headers: writer.headers(),
    });
    return {
      status: response.statusCode,
      events:
        response.statusCode === 200
          ? (response.json().events as EventBody[])
          : [],
    };
  }

  it("shows administrators the whole log, sign-ins included", async () => {
    const { status, events: all } = await events(admin, "?limit=200");
    expect(status).toBe(200);
    expect(all.map((event) => event.action)).toContain("login.failure");
    expect(all.map((event) => event.action)).toContain("phase.update");
  });

  it("shows a project's history to an editor who may edit the project", async () => {
    const { status, events: history } = await events(
      invoiceEditor,
      "?project=e-rechnungsworkflow",
    );
    expect(status).toBe(200);
    expect(history.map((event) => event.action)).toContain("phase.update");
  });

  it("refuses a project's history to an editor of another department", async () => {
    const response = await web.app.inject({
      url: `${AUDIT}?project=e-rechnungsworkflow`,
      headers: otherEditor.headers(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("ERR_FORBIDDEN");
  });

  it("shows editors only the events of their own projects in the whole log", async () => {
    const own = await events(invoiceEditor, "?limit=200");
    expect(own.status).toBe(200);
    expect(own.events.map((event) => event.action)).toContain("phase.update");
    const other = await events(otherEditor, "?limit=200");
    expect(other.status).toBe(200);
    for (const { events: list } of [own, other]) {
      expect(
        list.filter(
          (event) =>
            event.action.startsWith("login.") ||
            event.entityType === "user_account",
        ),
      ).toEqual([]);
    }
    expect(
      other.events.filter((event) => event.action === "phase.update"),
    ).toEqual([]);
    expect(invoiceProjectId).toBeGreaterThan(0);
  });

  it("refuses the history page of another department's project to an editor", async () => {
    const cookie = await signIn(web.app, otherEditor.user);
    const response = await web.app.inject({
      url: "/kleve/verwaltung/projekte/e-rechnungsworkflow/verlauf",
      headers: { cookie },
    });
    expect(response.statusCode).toBe(403);
  });
});
