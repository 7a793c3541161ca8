/**
 * The DCAT-AP.de 2.0 catalogues, per municipality and for the instance, as a harvester
 * reads them: parsed with real RDF parsers (n3 for Turtle, rdfxml-streaming-parser,
 * jsonld-streaming-parser), the three serialisations compared, and validated with
 * rdf-validate-shacl against the shapes in test/support/dcat-ap-de.shapes.ttl (mandatory
 * properties as violations, recommended ones as warnings: the catalogue must have neither);
 * a harvester finds exactly one dataset per published dataset — every open dataset with
 * records (as its download says, ideas included) and every edition (as the API lists them).
 * Runs on SQLite and PostgreSQL.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { JsonLdParser } from "jsonld-streaming-parser";
import n3 from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../src/app/open-data/datasets.js";
import { changeOpenDataSettings } from "../../src/app/open-data/settings.js";
import {
  changeParticipationSettings,
  getQueue,
  moderateItem,
  submitItem,
} from "../../src/app/participation/participation.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { findProjectRoot } from "../../src/project-root.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

function parseTurtle(text: string): n3.Store {
  const store = new n3.Store();
  store.addQuads(new n3.Parser().parse(text));
  return store;
}

async function parseStream(
  parser: RdfXmlParser | JsonLdParser,
  text: string,
): Promise<n3.Store> {
  const store = new n3.Store();
  await new Promise<void>((resolve, reject) => {
    Readable.from([text])
      .pipe(parser)
      .on("data", (quad: n3.Quad) => store.addQuad(quad))
      .on("error", reject)
      .on("end", resolve);
  });
  return store;
}

/** The statements without blank nodes, as N-Triples-like strings (blank node labels differ between parsers). */
function groundStatements(store: n3.Store): Set<string> {
  const key = (term: n3.Term): string =>
    term.termType === "Literal"
      ? `"${term.value}"@${term.language}^^${term.datatype.value}`
      : `<${term.value}>`;
  return new Set(
    store
      .getQuads(null, null, null, null)
      .filter(
        (quad) =>
          quad.subject.termType !== "BlankNode" &&
          quad.object.termType !== "BlankNode",
      )
      .map(
        (quad) =>
          `${key(quad.subject)} ${key(quad.predicate)} ${key(quad.object)}`,
      ),
  );
}

const SHAPES = parseTurtle(
  readFileSync(
    join(findProjectRoot(), "test", "support", "dcat-ap-de.shapes.ttl"),
    "utf8",
  ),
);

async function shaclResults(data: n3.Store): Promise<string[]> {
  const validator = new SHACLValidator(SHAPES);
  const report = await validator.validate(data);
  return report.results.map(
    (result) =>
      `${result.severity?.value ?? ""} ${result.focusNode?.value ?? ""} ${result.path?.value ?? ""}: ${result.message.map((m) => m.value).join(" ")}`,
  );
}

describe.each(DIALECTS)("DCAT-AP.de catalogues on %s", (dialect) => {
  let web: WebTestApp;
  const get = (url: string) => web.app.inject(url);

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    // A published idea, so that every open dataset has records.
    const municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality
      .id;
    const admin = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    await changeParticipationSettings(web.ctx, admin, {
      municipality: "kleve",
      mode: "public",
      overdueDays: 14,
      retentionDays: 90,
    });
    const { id } = await submitItem(
      web.ctx,
      null,
      ANONYMOUS,
      {
        municipality: "kleve",
        kind: "idea",
        title: "Ratsinformationen als offene Daten",
        body: "Bitte auch die Vorlagen maschinenlesbar.",
        project: "",
        email: "",
        honeypot: "",
      },
      { ip: "198.51.100.40" },
    );
    const queued = (await getQueue(web.ctx, admin, "kleve")).items.find(
      (each) => each.item.id === id,
    );
    if (queued === undefined) throw new Error("idea not in the queue");
    await moderateItem(web.ctx, null, admin, {
      municipality: "kleve",
      id,
      expectedVersion: queued.version,
      publish: true,
      status: "",
      note: "",
      orgUnit: "",
      linkProject: "",
      linkMeasure: "",
      linkEdition: "",
      mergedInto: "",
    });
  });

  /**
   * The datasets a harvester must find: every open dataset that has records (as its JSON
   * download says) and every published edition (as the API lists them).
   */
  async function publishedDatasets(): Promise<string[]> {
    const uris: string[] = [];
    for (const dataset of DATASETS) {
      const file = (
        await get(`/kleve/offene-daten/${dataset.key}.json`)
      ).json();
      if (file.datensaetze.length > 0)
        uris.push(
          `http://localhost:80/kleve/offene-daten/${dataset.key}#datensatz`,
        );
    }
    const { editions } = (
      await get("/api/v1/municipalities/kleve/editions")
    ).json();
    for (const edition of editions as { number: number }[])
      uris.push(
        `http://localhost:80/kleve/fortschreibungen/${edition.number}#datensatz`,
      );
    return uris;
  }
  afterAll(async () => {
    await web?.close();
  });

  it("gives Kleve's catalogue with one dataset per open dataset and per edition, valid against the shapes", async () => {
    const response = await get("/kleve/dcat/catalog.ttl");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/turtle; charset=utf-8");
    const store = parseTurtle(response.body);
    const datasets = store
      .getSubjects(RDF_TYPE, `${DCAT}Dataset`, null)
      .map((subject) => subject.value);
    // One per published dataset: all six open datasets (ideas too, one being published)
    // and the two editions, and nothing else.
    const expected = await publishedDatasets();
    expect(expected).toHaveLength(DATASETS.length + 2);
    expect(new Set(datasets)).toEqual(new Set(expected));
    expect(datasets).toHaveLength(expected.length);
    expect(
      store
        .getObjects(
          "http://localhost:80/kleve/dcat/catalog",
          `${DCAT}dataset`,
          null,
        )
        .map((object) => object.value)
        .sort(),
    ).toEqual([...expected].sort());
    expect(datasets).toContain(
      "http://localhost:80/kleve/offene-daten/katalog#datensatz",
    );
    expect(datasets).toContain(
      "http://localhost:80/kleve/fortschreibungen/2#datensatz",
    );
    // Editions are versions of the current catalogue.
    const versions = store
      .getObjects(
        "http://localhost:80/kleve/offene-daten/katalog#datensatz",
        `${DCT}hasVersion`,
        null,
      )
      .map((object) => object.value);
    expect(versions).toEqual([
      "http://localhost:80/kleve/fortschreibungen/1#datensatz",
      "http://localhost:80/kleve/fortschreibungen/2#datensatz",
    ]);
    expect(
      store
        .getObjects(
          "http://localhost:80/kleve/offene-daten/katalog#datensatz",
          "http://dcat-ap.de/def/dcatde/politicalGeocodingURI",
          null,
        )
        .map((o) => o.value),
    ).toEqual([
      "http://dcat-ap.de/def/politicalGeocoding/regionalKey/051540036036",
    ]);
    const csv =
      "http://localhost:80/kleve/offene-daten/kennzahlen.csv#distribution";
    expect(
      store.getObjects(csv, `${DCAT}downloadURL`, null).map((o) => o.value),
    ).toEqual(["http://localhost:80/kleve/offene-daten/kennzahlen.csv"]);
    expect(
      store.getObjects(csv, `${DCT}format`, null).map((o) => o.value),
    ).toEqual([
      "http://publications.europa.eu/resource/authority/file-type/CSV",
    ]);
    expect(
      store.getObjects(csv, `${DCT}license`, null).map((o) => o.value),
    ).toEqual(["http://dcat-ap.de/def/licenses/dl-by-de/2.0"]);
    expect(await shaclResults(store)).toEqual([]);
  });

  it("says the same in RDF/XML and JSON-LD as in Turtle", async () => {
    for (const path of ["/kleve/dcat/catalog", "/dcat/catalog"]) {
      const turtle = parseTurtle((await get(`${path}.ttl`)).body);
      const rdfResponse = await get(`${path}.rdf`);
      expect(rdfResponse.headers["content-type"]).toBe(
        "application/rdf+xml; charset=utf-8",
      );
      const rdf = await parseStream(new RdfXmlParser(), rdfResponse.body);
      const jsonResponse = await get(`${path}.jsonld`);
      expect(jsonResponse.headers["content-type"]).toBe(
        "application/ld+json; charset=utf-8",
      );
      const json = await parseStream(new JsonLdParser(), jsonResponse.body);
      expect(rdf.size).toBe(turtle.size);
      expect(json.size).toBe(turtle.size);
      expect(groundStatements(rdf)).toEqual(groundStatements(turtle));
      expect(groundStatements(json)).toEqual(groundStatements(turtle));
      expect(await shaclResults(rdf)).toEqual([]);
    }
  });

  it("gives the instance catalogue with every municipality's datasets, valid against the shapes", async () => {
    const store = parseTurtle((await get("/dcat/catalog.ttl")).body);
    expect(
      store.getSubjects(RDF_TYPE, `${DCAT}Catalog`, null).map((s) => s.value),
    ).toEqual(["http://localhost:80/dcat/catalog"]);
    expect(
      store
        .getObjects("http://localhost:80/dcat/catalog", `${DCAT}dataset`, null)
        .map((object) => object.value)
        .sort(),
    ).toEqual((await publishedDatasets()).sort());
    expect(await shaclResults(store)).toEqual([]);
  });

  it("follows the licence chosen, and the shapes notice a missing Regionalschlüssel", async () => {
    const catalogue = await getCatalogue(web.ctx, "kleve");
    const admin = buildPrincipal(catalogue.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    await changeOpenDataSettings(web.ctx, admin, {
      municipality: "kleve",
      data: { licence: "cc-by/4.0", regionalKey: "", embedOrigins: "" },
    });
    try {
      const store = parseTurtle((await get("/kleve/dcat/catalog.ttl")).body);
      const licences = new Set(
        store.getObjects(null, `${DCT}license`, null).map((o) => o.value),
      );
      expect(licences).toEqual(
        new Set(["http://dcat-ap.de/def/licenses/cc-by/4.0"]),
      );
      const results = await shaclResults(store);
      expect(
        results.some((result) => result.includes("politicalGeocodingURI")),
      ).toBe(true);
    } finally {
      await changeOpenDataSettings(web.ctx, admin, {
        municipality: "kleve",
        data: {
          licence: "dl-by-de/2.0",
          regionalKey: "051540036036",
          embedOrigins: "",
        },
      });
    }
  });

  it("answers an unknown file or municipality with 404", async () => {
    expect((await get("/kleve/dcat/catalog.xml")).statusCode).toBe(404);
    expect((await get("/dcat/katalog.ttl")).statusCode).toBe(404);
    expect((await get("/nirgendwo/dcat/catalog.ttl")).statusCode).toBe(404);
  });
});
