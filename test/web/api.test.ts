import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIALECTS } from "../support/database.js";
import {
  openWebApp,
  registeredPaths,
  type WebTestApp,
} from "./support/web-app.js";

/** Checks the error shape every API error has and returns the code. */
function expectErrorBody(
  body: unknown,
  code: string,
): {
  code: string;
  message: string;
  problems?: { path: string; message: string }[];
} {
  expect(body).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  const error = (
    body as {
      error: {
        code: string;
        message: string;
        problems?: { path: string; message: string }[];
      };
    }
  ).error;
  expect(
    Object.keys(error).every((key) =>
      ["code", "message", "detail", "problems"].includes(key),
    ),
  ).toBe(true);
  return error;
}

describe.each(WEB_DIALECTS)("JSON API on %s", (dialect) => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await openWebApp(dialect);
  });

  afterAll(async () => {
    await web.close();
  });

  describe("GET /api/v1/municipalities", () => {
    it("lists the municipalities with links", async () => {
      const response = await web.app.inject("/api/v1/municipalities");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe(
        "application/json; charset=utf-8",
      );
      expect(response.json()).toEqual({
        municipalities: [
          expect.objectContaining({
            slug: "kleve",
            name: "Stadt Kleve",
            dataVersion: expect.any(Number),
            links: {
              catalogue: "/api/v1/municipalities/kleve/catalogue",
              portal: "/kleve/",
            },
          }),
        ],
      });
    });

    it("may be read from any website, as open data", async () => {
      const response = await web.app.inject("/api/v1/municipalities");
      expect(response.headers["access-control-allow-origin"]).toBe("*");
    });

    it("refuses an unsupported language parameter with ERR_VALIDATION", async () => {
      const response = await web.app.inject("/api/v1/municipalities?lang=fr");
      expect(response.statusCode).toBe(400);
      const error = expectErrorBody(response.json(), "ERR_VALIDATION");
      expect(error.problems?.[0]?.path).toBe("/querystring/lang");
    });
  });

  describe("GET /api/v1/municipalities/{slug}/catalogue", () => {
    it("returns the whole tree with 42 projects in 6 action fields", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/kleve/catalogue",
      );
      expect(response.statusCode).toBe(200);
      const catalogue = response.json();
      expect(catalogue.programme).toEqual(
        expect.objectContaining({
          title: "kleve.digital 2030",
          horizonStart: 2020,
          horizonEnd: 2030,
        }),
      );
      expect(catalogue.orgUnits).toContainEqual({
        code: "10.1",
        name: "Abteilung 10.1 – IT",
        kind: "division",
        parent: "10",
      });
      const fields = catalogue.impactAreas.flatMap(
        (area: { actionFields: unknown[] }) => area.actionFields,
      );
      expect(fields).toHaveLength(6);
      const projects = fields.flatMap(
        (field: { projects: unknown[] }) => field.projects,
      );
      expect(projects).toHaveLength(42);
    });

    it("gives phases in canonical form with precision and continuation", async () => {
      const catalogue = (
        await web.app.inject("/api/v1/municipalities/kleve/catalogue")
      ).json();
      type Tree = {
        impactAreas: { actionFields: { projects: { slug: string }[] }[] }[];
      };
      const projects = (catalogue as Tree).impactAreas.flatMap((area) =>
        area.actionFields.flatMap((field) => field.projects),
      );
      const invoice: any = projects.find(
        (project) => project.slug === "e-rechnungsworkflow",
      );
      expect(invoice.phases).toEqual([
        expect.objectContaining({
          label: "Einführung",
          start: "2021-Q4",
          startPrecision: "quarter",
          end: "2023",
          endPrecision: "year",
          continuation: null,
        }),
        expect.objectContaining({
          label: "Laufender Support",
          start: "2024",
          startPrecision: "year",
          end: null,
          endPrecision: null,
          continuation: "ongoing",
        }),
      ]);
      expect(invoice.dependsOn).toEqual(["dokumentenmanagementsystem"]);
      expect(invoice.responsibilities).toContainEqual({
        orgUnit: "10.1",
        role: "lead",
        note: null,
      });
      expect(invoice.measures[0]).toEqual(
        expect.objectContaining({
          id: expect.any(Number),
          title: "Einführung des SAP-Rechnungsworkflows XSuite Invoice",
          status: expect.any(String),
          description: null,
        }),
      );
      expect(invoice).not.toHaveProperty("id");
    });

    it("answers an unknown municipality with 404 ERR_MUNICIPALITY_NOT_FOUND", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/atlantis/catalogue",
      );
      expect(response.statusCode).toBe(404);
      expectErrorBody(response.json(), "ERR_MUNICIPALITY_NOT_FOUND");
      expect(response.json().error.message).toBe(
        "Diese Kommune ist hier nicht eingetragen.",
      );
    });

    it("answers a malformed slug with 400 ERR_VALIDATION naming the parameter", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/Kleve_Stadt/catalogue",
      );
      expect(response.statusCode).toBe(400);
      const error = expectErrorBody(response.json(), "ERR_VALIDATION");
      expect(error.problems).toEqual([
        {
          path: "/params/slug",
          message: expect.stringContaining("hat nicht die erwartete Form"),
        },
      ]);
    });

    it("gives English messages with lang=en", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/atlantis/catalogue?lang=en",
      );
      expect(response.json().error.message).toBe(
        "This municipality is not registered here.",
      );
    });
  });

  describe("GET /api/v1/municipalities/{slug}/projects/{id}", () => {
    it("returns the project with its place and dependencies in both directions", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/kleve/projects/dokumentenmanagementsystem",
      );
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.project.code).toBe("2.1");
      expect(body.actionField).toEqual({
        key: "smart-working",
        number: 2,
        name: "Smart Working",
        colour: "#00676b",
      });
      expect(body.impactArea).toEqual({
        key: "digitale-verwaltung",
        name: "Digitale Verwaltung",
      });
      expect(body.dependents).toContainEqual({
        slug: "e-rechnungsworkflow",
        code: "2.5",
        title: "E-Rechnungsworkflow",
      });
    });

    it("lists what a project depends on", async () => {
      const body = (
        await web.app.inject(
          "/api/v1/municipalities/kleve/projects/e-rechnungsworkflow",
        )
      ).json();
      expect(body.dependsOn).toEqual([
        {
          slug: "dokumentenmanagementsystem",
          code: "2.1",
          title: "Dokumentenmanagementsystem",
        },
      ]);
    });

    it("answers an unknown project with 404 ERR_PROJECT_NOT_FOUND", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/kleve/projects/gibt-es-nicht",
      );
      expect(response.statusCode).toBe(404);
      expectErrorBody(response.json(), "ERR_PROJECT_NOT_FOUND");
    });

    it("answers a project of an unknown municipality with 404 ERR_MUNICIPALITY_NOT_FOUND", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/atlantis/projects/e-rechnungsworkflow",
      );
      expect(response.statusCode).toBe(404);
      expectErrorBody(response.json(), "ERR_MUNICIPALITY_NOT_FOUND");
    });

    it("answers a malformed project id with 400 ERR_VALIDATION", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/kleve/projects/--x--",
      );
      expect(response.statusCode).toBe(400);
      const error = expectErrorBody(response.json(), "ERR_VALIDATION");
      expect(error.problems?.map((problem) => problem.path)).toEqual([
        "/params/id",
      ]);
    });
  });

  describe("caching", () => {
    it.each([
      "/api/v1/municipalities",
      "/api/v1/municipalities/kleve/catalogue",
      "/api/v1/municipalities/kleve/projects/e-rechnungsworkflow",
    ])("sends an ETag on %s and answers 304 to it", async (url) => {
      const first = await web.app.inject(url);
      expect(first.headers["cache-control"]).toBe("public, max-age=60");
      const etag = String(first.headers.etag);
      // Project tags begin with the project's version ("p7-…"), the others with the data version.
      expect(etag).toMatch(/^"p?\d+-[\w-]+"$/);
      const second = await web.app.inject({
        url,
        headers: { "if-none-match": `W/${etag}, "anderes"` },
      });
      expect(second.statusCode).toBe(304);
      expect(second.body).toBe("");
    });

    it("sends no ETag with an error", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/atlantis/catalogue",
      );
      expect(response.headers.etag).toBeUndefined();
      expect(response.headers["cache-control"]).toBe("no-store");
    });
  });

  describe("unknown API paths", () => {
    it.each([
      "/api/v2/municipalities",
      "/api/v1/gibt-es-nicht",
      "/api/zeitstrahl",
    ])("answers %s with JSON ERR_NOT_FOUND", async (url) => {
      const response = await web.app.inject(url);
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toBe(
        "application/json; charset=utf-8",
      );
      expectErrorBody(response.json(), "ERR_NOT_FOUND");
    });

    it("answers a wrong method with JSON ERR_NOT_FOUND", async () => {
      const response = await web.app.inject({
        method: "DELETE",
        url: "/api/v1/municipalities",
      });
      expect(response.statusCode).toBe(404);
      expectErrorBody(response.json(), "ERR_NOT_FOUND");
    });
  });

  describe("GET /health", () => {
    it("answers ok when the database answers", async () => {
      const response = await web.app.inject("/health");
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: "ok" });
      expect(response.headers["cache-control"]).toBe("no-store");
    });

    it("answers an invalid method on /health with JSON", async () => {
      const response = await web.app.inject({ method: "POST", url: "/health" });
      expect(response.statusCode).toBe(404);
      expectErrorBody(response.json(), "ERR_NOT_FOUND");
    });
  });
});

describe("OpenAPI document", () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await openWebApp("sqlite", { demo: false });
  });

  afterAll(async () => {
    await web.close();
  });

  it("is OpenAPI 3 and lists every /api route with its responses", async () => {
    const response = await web.app.inject("/api/openapi.json");
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    const documented = Object.keys(document.paths).sort();
    expect(documented).toEqual(
      expect.arrayContaining([
        "/api/v1/municipalities",
        "/api/v1/municipalities/{slug}/catalogue",
        "/api/v1/municipalities/{slug}/projects/{id}",
        "/health",
      ]),
    );
    for (const path of documented.filter(
      (path) =>
        path.startsWith("/api/") && document.paths[path].get !== undefined,
    )) {
      const expected = path.includes("{slug}")
        ? ["200", "400", "404", "500"]
        : ["200", "400", "500"];
      expect(Object.keys(document.paths[path].get.responses)).toEqual(
        expect.arrayContaining(expected),
      );
    }
    // Portal pages and the document itself are not part of the API description.
    expect(
      documented.every(
        (path) => path.startsWith("/api/v1/") || path === "/health",
      ),
    ).toBe(true);
  });

  it("documents every route registered under /api except the document itself", async () => {
    const document = (await web.app.inject("/api/openapi.json")).json();
    const registered = registeredPaths(web.app)
      .filter(
        (path) => path.startsWith("/api/") && path !== "/api/openapi.json",
      )
      .map((path) => path.replace(/:(\w+)/g, "{$1}"))
      .sort();
    // The reading routes of the catalogue are found (so the route table was read), and the
    // projects with their parts (test/web/api-write.test.ts) are documented like them.
    expect(registered).toEqual(
      expect.arrayContaining([
        "/api/v1/municipalities",
        "/api/v1/municipalities/{slug}/catalogue",
        "/api/v1/municipalities/{slug}/projects",
        "/api/v1/municipalities/{slug}/projects/{id}",
        "/api/v1/municipalities/{slug}/projects/{id}/phases/{phaseId}",
      ]),
    );
    expect(
      Object.keys(document.paths)
        .filter((path) => path.startsWith("/api/"))
        .sort(),
    ).toEqual(registered);
  });

  it("names the shared schemas as components", async () => {
    const document = (await web.app.inject("/api/openapi.json")).json();
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        "ErrorResponse",
        "Catalogue",
        "Project",
        "Phase",
        "Municipality",
      ]),
    );
  });
});
