import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeOwnApiToken } from "../../src/app/auth/api-tokens.js";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import { signIn } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import { createApiWriter, type ApiWriter } from "./support/api-writers.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const PROJECTS = "/api/v1/municipalities/kleve/projects";
/** Led by 10.1; 10.2, 20 and all departments contribute — but not 32. */
const INVOICE = `${PROJECTS}/e-rechnungsworkflow`;

function expectError(
  response: { statusCode: number; json(): unknown },
  status: number,
  code: string,
): void {
  expect(response.statusCode).toBe(status);
  expect(response.json()).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
}

describe.each(WEB_DIALECTS)("writing through the API on %s", (dialect) => {
  let web: WebTestApp;
  let editor: ApiWriter;
  let otherEditor: ApiWriter;
  let admin: ApiWriter;
  let committee: ApiWriter;
  let municipalityId: number;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    editor = await createApiWriter(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
    });
    otherEditor = await createApiWriter(web.ctx, {
      role: "editor",
      orgUnitCodes: ["32"],
    });
    admin = await createApiWriter(web.ctx, { role: "admin" });
    committee = await createApiWriter(web.ctx, { role: "committee" });
    municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality.id;
  });

  afterAll(async () => {
    await web.close();
  });

  /**
   * The project as the API shows it to the municipality's own people now, with its ETag.
   * Once a municipality has editions, the anonymous public reads the latest edition and
   * the municipality's people the draft that changes apply to (docs/adr/0007).
   */
  async function read(url = INVOICE): Promise<{ etag: string; body: any }> {
    const response = await web.app.inject({ url, headers: admin.headers() });
    expect(response.statusCode).toBe(200);
    return { etag: String(response.headers.etag), body: response.json() };
  }

  const projectData = (title: string) => ({
    title,
    summary: "Eingehende Rechnungen digital prüfen und freigeben.",
    status: "in_progress",
  });

  describe("changing a project", () => {
    it("gives the project's version in the ETag and the body", async () => {
      const { etag, body } = await read();
      expect(etag).toBe(
        `"p${body.project.version}-${etag.split("-").slice(1).join("-")}`,
      );
      expect(etag).toMatch(/^"p\d+-[\w-]+"$/);
    });

    it("changes it with the current ETag and answers with the new state and ETag", async () => {
      const before = await read();
      const response = await web.app.inject({
        method: "PUT",
        url: `${INVOICE}?reason=${encodeURIComponent("Titel vereinheitlicht")}`,
        headers: editor.headers({ "if-match": before.etag }),
        payload: projectData("E-Rechnung"),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().project).toEqual(
        expect.objectContaining({
          title: "E-Rechnung",
          version: before.body.project.version + 1,
        }),
      );
      expect(response.headers.etag).toMatch(
        new RegExp(`^"p${before.body.project.version + 1}-`),
      );
      expect(response.headers["cache-control"]).toBe("no-store");
      expect((await read()).etag).toBe(response.headers.etag);
      const [event] = await readAuditEvents(web.ctx, {
        municipalityId,
        action: "project.update",
        limit: 1,
      });
      expect(event).toEqual(
        expect.objectContaining({
          actorUserId: editor.user.userId,
          reason: "Titel vereinheitlicht",
          after: expect.objectContaining({ title: "E-Rechnung" }),
        }),
      );
    });

    it("refuses a change without If-Match with 428 and changes nothing", async () => {
      const before = await read();
      const response = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: editor.headers(),
        payload: projectData("Ohne If-Match"),
      });
      expectError(response, 428, "ERR_PRECONDITION_REQUIRED");
      expect((await read()).etag).toBe(before.etag);
    });

    it("refuses If-Match: * with 428: it would match any version", async () => {
      const response = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: editor.headers({ "if-match": "*" }),
        payload: projectData("Stern"),
      });
      expectError(response, 428, "ERR_PRECONDITION_REQUIRED");
    });

    it("refuses a stale ETag with 412 and changes nothing", async () => {
      const stale = await read();
      const first = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: editor.headers({ "if-match": stale.etag }),
        payload: projectData("Erste Änderung"),
      });
      expect(first.statusCode).toBe(200);
      const second = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: admin.headers({ "if-match": stale.etag }),
        payload: projectData("Zweite Änderung"),
      });
      expectError(second, 412, "ERR_PRECONDITION_FAILED");
      expect((await read()).body.project.title).toBe("Erste Änderung");
    });

    it("refuses a weak or foreign ETag with 412", async () => {
      const { etag } = await read();
      for (const tag of [`W/${etag}`, '"irgendwas"']) {
        const response = await web.app.inject({
          method: "PUT",
          url: INVOICE,
          headers: editor.headers({ "if-match": tag }),
          payload: projectData("Schwach"),
        });
        expectError(response, 412, "ERR_PRECONDITION_FAILED");
      }
    });

    it("refuses an editor of another department with 403, changes nothing and logs the refusal", async () => {
      const before = await read();
      const refusalsBefore = (
        await readAuditEvents(web.ctx, {
          municipalityId,
          actorUserId: otherEditor.user.userId,
          action: "access.denied",
          limit: 100,
        })
      ).length;
      const response = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: otherEditor.headers({ "if-match": before.etag }),
        payload: projectData("Fremd geändert"),
      });
      expectError(response, 403, "ERR_FORBIDDEN");
      const after = await read();
      expect(after.etag).toBe(before.etag);
      expect(after.body.project.title).toBe(before.body.project.title);
      const refusals = await readAuditEvents(web.ctx, {
        municipalityId,
        actorUserId: otherEditor.user.userId,
        action: "access.denied",
        limit: 100,
      });
      // Logged exactly once: by the use case, with the project in view.
      expect(refusals).toHaveLength(refusalsBefore + 1);
      const [refusal] = await readAuditEvents(web.ctx, {
        municipalityId,
        actorUserId: otherEditor.user.userId,
        action: "access.denied",
        entityType: "project",
        limit: 1,
      });
      expect(refusal).toEqual(
        expect.objectContaining({
          entityType: "project",
          after: expect.objectContaining({ attempted: "project.update" }),
        }),
      );
    });

    it("lets the other department's editor change their own project", async () => {
      const before = await read(`${PROJECTS}/handyparken`);
      const response = await web.app.inject({
        method: "PUT",
        url: `${PROJECTS}/handyparken`,
        headers: otherEditor.headers({ "if-match": before.etag }),
        payload: {
          title: "Handyparken",
          summary: before.body.project.summary,
          status: "in_progress",
        },
      });
      expect(response.statusCode).toBe(200);
    });

    it("refuses committee readers with 403, nobody signed in and unknown tokens with 401", async () => {
      const { etag } = await read();
      const request = (headers: Record<string, string>) =>
        web.app.inject({
          method: "PUT",
          url: INVOICE,
          headers: { "if-match": etag, ...headers },
          payload: projectData("Unbefugt"),
        });
      expectError(await request(committee.headers()), 403, "ERR_FORBIDDEN");
      expectError(await request({}), 401, "ERR_UNAUTHENTICATED");
      expectError(
        await request({ authorization: "Bearer fst_erfunden" }),
        401,
        "ERR_UNAUTHENTICATED",
      );
      expect((await read()).etag).toBe(etag);
    });

    it("stops accepting a token once it is revoked", async () => {
      const writer = await createApiWriter(web.ctx, {
        role: "editor",
        orgUnitCodes: ["10.1"],
      });
      const owner: UserPrincipal = {
        kind: "user",
        userId: writer.user.userId,
        municipalityId,
        role: "editor",
        orgUnitCodes: ["10.1"],
        name: writer.user.name,
        email: writer.user.email,
        via: "session",
      };
      await revokeOwnApiToken(web.ctx, owner, writer.tokenId, { ip: null });
      const { etag } = await read();
      const response = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: writer.headers({ "if-match": etag }),
        payload: projectData("Widerrufen"),
      });
      expectError(response, 401, "ERR_UNAUTHENTICATED");
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect((await read()).etag).toBe(etag);
    });

    it("does not write for a browser session, even with its CSRF token: the API takes personal tokens", async () => {
      const cookie = await signIn(web.app, editor.user);
      const sessionToken = cookie.split("=").slice(1).join("=");
      const { csrfTokenForSessionToken } =
        await import("../../src/web/plugins/session.js");
      const { etag } = await read();
      const response = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: {
          cookie,
          "x-csrf-token": csrfTokenForSessionToken(sessionToken),
          "if-match": etag,
        },
        payload: projectData("Aus dem Browser"),
      });
      expectError(response, 401, "ERR_UNAUTHENTICATED");
    });

    it("names invalid fields with 400 ERR_VALIDATION", async () => {
      const { etag } = await read();
      const response = await web.app.inject({
        method: "PUT",
        url: INVOICE,
        headers: editor.headers({ "if-match": etag }),
        payload: { title: "X", summary: "Y", status: "fertig" },
      });
      expectError(response, 400, "ERR_VALIDATION");
      expect(
        response
          .json()
          .error.problems.map((problem: { path: string }) => problem.path),
      ).toContain("/body/status");
    });

    it("lets exactly one of 20 concurrent changes with the same ETag win; the others get 412", async () => {
      const before = await read();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          web.app.inject({
            method: "PUT",
            url: INVOICE,
            headers: (index % 2 === 0 ? editor : admin).headers({
              "if-match": before.etag,
            }),
            payload: projectData(`Gleichzeitig ${index}`),
          }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 412)).toHaveLength(19);
      const winner = responses.find((response) => response.statusCode === 200)!;
      const after = await read();
      expect(after.body.project.version).toBe(before.body.project.version + 1);
      expect(after.body.project.title).toBe(winner.json().project.title);
      const updates = await readAuditEvents(web.ctx, {
        municipalityId,
        action: "project.update",
        from: "2000-01-01T00:00:00Z",
        limit: 100,
      });
      expect(
        updates.filter((event) =>
          (event.after as { title?: string }).title?.startsWith("Gleichzeitig"),
        ),
      ).toHaveLength(1);
    });
  });

  describe("phases", () => {
    it("adds, reads, moves and removes a phase, each step with the project's new ETag", async () => {
      const start = await read();
      const created = await web.app.inject({
        method: "POST",
        url: `${INVOICE}/phases`,
        headers: editor.headers({ "if-match": start.etag }),
        payload: { label: "Pilot", start: "2023", end: "2023" },
      });
      expect(created.statusCode).toBe(201);
      const location = String(created.headers.location);
      expect(location).toMatch(
        /^\/api\/v1\/municipalities\/kleve\/projects\/e-rechnungsworkflow\/phases\/\d+$/,
      );
      expect(created.json()).toEqual(
        expect.objectContaining({
          label: "Pilot",
          start: "2023",
          end: "2023",
          period: "2023",
        }),
      );

      // A part that exists only in the draft: the municipality's people read it, the public does not (yet).
      const fetched = await web.app.inject({
        url: location,
        headers: editor.headers(),
      });
      expect(fetched.statusCode).toBe(200);
      expect(fetched.headers.etag).toBe(created.headers.etag);

      const moved = await web.app.inject({
        method: "PUT",
        url: location,
        headers: editor.headers({ "if-match": String(created.headers.etag) }),
        payload: { label: "Pilot", start: "2023", end: "2024-Q2" },
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toEqual(
        expect.objectContaining({
          end: "2024-Q2",
          endPrecision: "quarter",
          period: "2023–QII/2024",
        }),
      );

      const removed = await web.app.inject({
        method: "DELETE",
        url: location,
        headers: editor.headers({ "if-match": String(moved.headers.etag) }),
      });
      expect(removed.statusCode).toBe(204);
      expect(removed.headers.etag).toBe((await read()).etag);
      expectError(await web.app.inject(location), 404, "ERR_NOT_FOUND");
    });

    it("refuses a phase with an end before its start", async () => {
      const { etag } = await read();
      const response = await web.app.inject({
        method: "POST",
        url: `${INVOICE}/phases`,
        headers: editor.headers({ "if-match": etag }),
        payload: { label: "Rückwärts", start: "2024", end: "2022" },
      });
      expectError(response, 400, "ERR_VALIDATION");
    });

    it("answers a phase of another project with 404", async () => {
      const { body, etag } = await read(
        `${PROJECTS}/dokumentenmanagementsystem`,
      );
      const phaseId = body.project.phases[0].id;
      expectError(
        await web.app.inject(`${INVOICE}/phases/${phaseId}`),
        404,
        "ERR_NOT_FOUND",
      );
      const response = await web.app.inject({
        method: "DELETE",
        url: `${INVOICE}/phases/${phaseId}`,
        headers: editor.headers({ "if-match": (await read()).etag }),
      });
      expectError(response, 404, "ERR_NOT_FOUND");
      expect((await read(`${PROJECTS}/dokumentenmanagementsystem`)).etag).toBe(
        etag,
      );
    });
  });

  describe("measures", () => {
    it("adds, changes and removes a measure", async () => {
      const created = await web.app.inject({
        method: "POST",
        url: `${INVOICE}/measures`,
        headers: editor.headers({ "if-match": (await read()).etag }),
        payload: { title: "Lieferanten informieren", status: "planned" },
      });
      expect(created.statusCode).toBe(201);
      const location = String(created.headers.location);
      expect(location).toMatch(/\/measures\/\d+$/);
      const changed = await web.app.inject({
        method: "PUT",
        url: location,
        headers: editor.headers({ "if-match": String(created.headers.etag) }),
        payload: { title: "Lieferanten informieren", status: "done" },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toEqual({
        id: expect.any(Number),
        title: "Lieferanten informieren",
        status: "done",
        // The details a measure may carry stay empty when the request leaves them out.
        start: null,
        end: null,
        period: null,
        phase: null,
        orgUnit: null,
        description: null,
      });
      const removed = await web.app.inject({
        method: "DELETE",
        url: location,
        headers: editor.headers({ "if-match": String(changed.headers.etag) }),
      });
      expect(removed.statusCode).toBe(204);
      expectError(await web.app.inject(location), 404, "ERR_NOT_FOUND");
    });
  });

  describe("responsibilities", () => {
    it("adds, changes and removes the responsibility of a unit", async () => {
      const created = await web.app.inject({
        method: "POST",
        url: `${INVOICE}/responsibilities`,
        headers: editor.headers({ "if-match": (await read()).etag }),
        payload: { orgUnit: "61", role: "contributing" },
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers.location).toBe(`${INVOICE}/responsibilities/61`);
      expect(created.json()).toEqual({
        orgUnit: "61",
        role: "contributing",
        note: null,
      });
      const changed = await web.app.inject({
        method: "PUT",
        url: `${INVOICE}/responsibilities/61`,
        headers: editor.headers({ "if-match": String(created.headers.etag) }),
        payload: { role: "lead", note: "Stadtplanung" },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toEqual({
        orgUnit: "61",
        role: "lead",
        note: "Stadtplanung",
      });
      const removed = await web.app.inject({
        method: "DELETE",
        url: `${INVOICE}/responsibilities/61`,
        headers: editor.headers({ "if-match": String(changed.headers.etag) }),
      });
      expect(removed.statusCode).toBe(204);
      expect(
        (await read()).body.project.responsibilities.map(
          (r: { orgUnit: string }) => r.orgUnit,
        ),
      ).not.toContain("61");
    });

    it("refuses a unit twice and an unknown unit", async () => {
      const duplicate = await web.app.inject({
        method: "POST",
        url: `${INVOICE}/responsibilities`,
        headers: editor.headers({ "if-match": (await read()).etag }),
        payload: { orgUnit: "20", role: "lead" },
      });
      expectError(duplicate, 400, "ERR_VALIDATION");
      const unknown = await web.app.inject({
        method: "POST",
        url: `${INVOICE}/responsibilities`,
        headers: editor.headers({ "if-match": (await read()).etag }),
        payload: { orgUnit: "99", role: "lead" },
      });
      expectError(unknown, 400, "ERR_VALIDATION");
    });

    it("replaces the whole list", async () => {
      const before = await read();
      const list = before.body.project.responsibilities.map(
        (r: { orgUnit: string; role: string }) => ({
          orgUnit: r.orgUnit,
          role: r.role,
        }),
      );
      const response = await web.app.inject({
        method: "PUT",
        url: `${INVOICE}/responsibilities`,
        headers: editor.headers({ "if-match": before.etag }),
        payload: { responsibilities: [...list].reverse() },
      });
      expect(response.statusCode).toBe(200);
      expect(
        response
          .json()
          .project.responsibilities.map((r: { orgUnit: string }) => r.orgUnit),
      ).toEqual(list.map((r: { orgUnit: string }) => r.orgUnit).reverse());
    });
  });

  describe("dependencies", () => {
    it("adds and removes a dependency", async () => {
      const created = await web.app.inject({
        method: "POST",
        url: `${INVOICE}/dependencies`,
        headers: editor.headers({ "if-match": (await read()).etag }),
        payload: { dependsOn: "egov-basisstruktur" },
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers.location).toBe(
        `${INVOICE}/dependencies/egov-basisstruktur`,
      );
      expect(created.json()).toEqual({
        slug: "egov-basisstruktur",
        code: "2.8",
        title: expect.any(String),
      });
      expect(
        (
          await web.app.inject({
            url: String(created.headers.location),
            headers: editor.headers(),
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await web.app.inject(String(created.headers.location))).statusCode,
      ).toBe(404);
      const removed = await web.app.inject({
        method: "DELETE",
        url: String(created.headers.location),
        headers: editor.headers({ "if-match": String(created.headers.etag) }),
      });
      expect(removed.statusCode).toBe(204);
      expectError(
        await web.app.inject(String(created.headers.location)),
        404,
        "ERR_NOT_FOUND",
      );
    });

    it("refuses a cycle with 422 and names it", async () => {
      const dms = `${PROJECTS}/dokumentenmanagementsystem`;
      const response = await web.app.inject({
        method: "POST",
        url: `${dms}/dependencies`,
        headers: editor.headers({ "if-match": (await read(dms)).etag }),
        payload: { dependsOn: "e-rechnungsworkflow" },
      });
      expectError(response, 422, "ERR_DEPENDENCY_CYCLE");
      expect(response.json().error.detail).toMatch(
        /2\.1 Dokumentenmanagementsystem → 2\.5 .* → 2\.1 Dokumentenmanagementsystem/,
      );
    });
  });

  describe("creating and deleting projects", () => {
    const newProject = {
      actionField: "smart-working",
      slug: "api-testprojekt",
      code: "2.99",
      title: "API-Testprojekt",
      summary: "Angelegt über die Schnittstelle.",
      status: "planned",
      responsibilities: [{ orgUnit: "10.1", role: "lead" }],
    };

    it("refuses editors: projects are created by administrators", async () => {
      const response = await web.app.inject({
        method: "POST",
        url: PROJECTS,
        headers: editor.headers(),
        payload: { ...newProject, slug: "nicht-erlaubt", code: "2.98" },
      });
      expectError(response, 403, "ERR_FORBIDDEN");
      expectError(
        await web.app.inject(`${PROJECTS}/nicht-erlaubt`),
        404,
        "ERR_PROJECT_NOT_FOUND",
      );
    });

    it("creates a project for an administrator with 201 and Location, and deletes it with If-Match", async () => {
      const created = await web.app.inject({
        method: "POST",
        url: PROJECTS,
        headers: admin.headers(),
        payload: newProject,
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers.location).toBe(`${PROJECTS}/api-testprojekt`);
      expect(created.headers.etag).toMatch(/^"p1-/);
      expect(created.json().project).toEqual(
        expect.objectContaining({ slug: "api-testprojekt", version: 1 }),
      );

      expectError(
        await web.app.inject({
          method: "DELETE",
          url: String(created.headers.location),
          headers: admin.headers(),
        }),
        428,
        "ERR_PRECONDITION_REQUIRED",
      );
      const byEditor = await web.app.inject({
        method: "DELETE",
        url: String(created.headers.location),
        headers: editor.headers({ "if-match": String(created.headers.etag) }),
      });
      expectError(byEditor, 403, "ERR_FORBIDDEN");
      const deleted = await web.app.inject({
        method: "DELETE",
        url: String(created.headers.location),
        headers: admin.headers({ "if-match": String(created.headers.etag) }),
      });
      expect(deleted.statusCode).toBe(204);
      expectError(
        await web.app.inject(String(created.headers.location)),
        404,
        "ERR_PROJECT_NOT_FOUND",
      );
    });

    it("names a taken slug with 400 ERR_VALIDATION", async () => {
      const response = await web.app.inject({
        method: "POST",
        url: PROJECTS,
        headers: admin.headers(),
        payload: { ...newProject, slug: "e-rechnungsworkflow" },
      });
      expectError(response, 400, "ERR_VALIDATION");
    });
  });

  describe("the OpenAPI document", () => {
    it("documents every change with bearer authentication, If-Match and its error codes", async () => {
      const document = (await web.app.inject("/api/openapi.json")).json();
      expect(document.components.securitySchemes.bearerAuth).toEqual(
        expect.objectContaining({ type: "http", scheme: "bearer" }),
      );
      const operations = Object.entries(
        document.paths as Record<string, Record<string, any>>,
      ).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([method]) => ["post", "put", "delete"].includes(method))
          .map(([method, operation]) => ({ path, method, operation })),
      );
      expect(operations).toHaveLength(15);
      for (const { path, method, operation } of operations) {
        const label = `${method.toUpperCase()} ${path}`;
        expect(operation.security, label).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(operation.responses), label).toEqual(
          expect.arrayContaining(["400", "401", "403", "404"]),
        );
        const isCreateProject =
          method === "post" &&
          path === "/api/v1/municipalities/{slug}/projects";
        if (!isCreateProject) {
          expect(Object.keys(operation.responses), label).toEqual(
            expect.arrayContaining(["412", "428"]),
          );
          expect(
            operation.parameters.some(
              (parameter: { in: string; name: string }) =>
                parameter.in === "header" && parameter.name === "if-match",
            ),
            label,
          ).toBe(true);
        }
      }
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining([
          "ProjectInput",
          "PhaseInput",
          "MeasureInput",
          "ResponsibilityInput",
          "DependencyInput",
        ]),
      );
    });
  });
});
