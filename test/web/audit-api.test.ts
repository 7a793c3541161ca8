import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createApiToken } from "../../src/app/auth/api-tokens.js";
import { getProject } from "../../src/app/catalogue/read-catalogue.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { createTestUser, signIn, type TestUser } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const AUDIT = "/api/v1/municipalities/kleve/audit";

describe.each(WEB_DIALECTS)(
  "GET /api/v1/municipalities/{slug}/audit on %s",
  (dialect) => {
    let web: WebTestApp;
    let editor: TestUser;
    let editorCookie: string;
    let editorToken: string;

    beforeAll(async () => {
      web = await openWebApp(dialect);
      editor = await createTestUser(web.ctx, {
        role: "editor",
        orgUnitCodes: ["10.1"],
        name: "Erika Redaktion",
      });
      editorCookie = await signIn(web.app, editor);
      editorToken = (
        await createApiToken(web.ctx, COMMAND_LINE, {
          userId: editor.userId,
          name: "Protokoll",
        })
      ).token;
      const { entry } = await getProject(
        web.ctx,
        "kleve",
        "e-rechnungsworkflow",
      );
      const phase = entry.project.phases[0]!;
      await updatePhase(
        web.ctx,
        {
          kind: "user",
          userId: editor.userId,
          municipalityId: editor.municipalityId,
          role: "editor",
          orgUnitCodes: ["10.1"],
          name: editor.name,
          email: editor.email,
          via: "session",
        },
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
    });

    afterAll(async () => {
      await web.close();
    });

    it("answers the anonymous public with 401 in JSON", async () => {
      const response = await web.app.inject(AUDIT);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("ERR_UNAUTHENTICATED");
    });

    it("refuses committee readers and staff of another municipality with 403", async () => {
      const committee = await signIn(
        web.app,
        await createTestUser(web.ctx, { role: "committee" }),
      );
      const response = await web.app.inject({
        url: AUDIT,
        headers: { cookie: committee },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("ERR_FORBIDDEN");
    });

    it("gives staff the log with who, when, what, before, after and why — but no addresses — uncached", async () => {
      const response = await web.app.inject({
        url: `${AUDIT}?action=phase.update`,
        headers: { authorization: `Bearer ${editorToken}` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-store");
      const body = response.json();
      expect(body).toMatchObject({ hasMore: false, limit: 50, offset: 0 });
      expect(body.events).toHaveLength(1);
      expect(body.events[0]).toMatchObject({
        at: "2022-11-28T09:00:00.000Z",
        actor: {
          userId: editor.userId,
          label: `Erika Redaktion <${editor.email}>`,
        },
        action: "phase.update",
        entityType: "phase",
        entityLabel: "2.5 E-Rechnungsworkflow – Einführung",
        before: { end: "2023" },
        after: { end: "2024-Q2" },
        reason: "OZG-Aufwand",
        version: 2,
      });
      expect(JSON.stringify(body)).not.toContain("192.0.2.7");
    });

    it("filters by project, day and person, with a session too", async () => {
      const byProject = await web.app.inject({
        url: `${AUDIT}?project=e-rechnungsworkflow&from=2022-11-28&until=2022-11-28&actor=${editor.userId}`,
        headers: { cookie: editorCookie },
      });
      expect(byProject.statusCode).toBe(200);
      expect(
        byProject
          .json()
          .events.map((event: { action: string }) => event.action),
      ).toEqual(["phase.update"]);
      const later = await web.app.inject({
        url: `${AUDIT}?from=2022-11-29`,
        headers: { cookie: editorCookie },
      });
      expect(later.json().events).toEqual([]);
    });

    it("refuses invalid filters with 400 and names them", async () => {
      const response = await web.app.inject({
        url: `${AUDIT}?limit=0&from=28.11.2022`,
        headers: { authorization: `Bearer ${editorToken}` },
      });
      expect(response.statusCode).toBe(400);
      const paths = response
        .json()
        .error.problems.map((problem: { path: string }) => problem.path);
      expect(paths).toEqual(
        expect.arrayContaining(["/querystring/limit", "/querystring/from"]),
      );
    });

    it("answers an unknown municipality with 404", async () => {
      const response = await web.app.inject({
        url: "/api/v1/municipalities/atlantis/audit",
        headers: { authorization: `Bearer ${editorToken}` },
      });
      expect(response.statusCode).toBe(404);
    });

    it("has no route that changes or deletes an event", async () => {
      for (const method of ["PUT", "PATCH", "DELETE", "POST"] as const) {
        const response = await web.app.inject({
          method,
          url: AUDIT,
          headers: { authorization: `Bearer ${editorToken}` },
        });
        expect(response.statusCode, method).toBe(404);
      }
    });

    it("is described in the OpenAPI document with its filters", async () => {
      const document = (await web.app.inject("/api/openapi.json")).json();
      const operation =
        document.paths["/api/v1/municipalities/{slug}/audit"].get;
      expect(operation.tags).toEqual(["Protokoll"]);
      expect(
        operation.parameters.map(
          (parameter: { name: string }) => parameter.name,
        ),
      ).toEqual(
        expect.arrayContaining([
          "slug",
          "from",
          "until",
          "actor",
          "entityType",
          "action",
          "project",
          "limit",
          "offset",
        ]),
      );
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(["200", "401", "403"]),
      );
    });
  },
);
