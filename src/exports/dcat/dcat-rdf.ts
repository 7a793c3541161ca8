/**
 * A DCAT-AP.de 2.0 catalogue as RDF: the model (app/open-data/dcat.ts) becomes RDF/JS
 * quads made with n3's DataFactory, written as Turtle by n3's Writer, as RDF/XML and as
 * JSON-LD (expanded form) by the two small writers below (docs/adr/0017). Vocabularies:
 * DCAT, DCTERMS, FOAF, vCard, dcatde, the EU file-type and data-theme authority tables,
 * IANA media types and the DCAT-AP.de licence and geocoding URIs.
 */
import { createRequire } from "node:module";
import type n3 from "n3";
import type { Quad, Term } from "n3";
import type {
  DcatAgent,
  DcatCatalogue,
  DcatDataset,
  DcatDistribution,
  DcatFormat,
} from "../../app/open-data/dcat.js";

let library: typeof n3 | null = null;

/** n3, loaded on the first open-data download (its CommonJS build): a server that never writes RDF never holds it. */
function rdf(): typeof n3 {
  library ??= createRequire(import.meta.url)("n3") as typeof n3;
  return library;
}
const namedNode = (iri: string) => rdf().DataFactory.namedNode(iri);
const literal = (value: string, languageOrDatatype?: string | n3.NamedNode) =>
  rdf().DataFactory.literal(value, languageOrDatatype);
const blankNode = (label: string) => rdf().DataFactory.blankNode(label);
const quad = (
  subject: n3.Quad_Subject,
  predicate: n3.Quad_Predicate,
  object: n3.Quad_Object,
) => rdf().DataFactory.quad(subject, predicate, object);

/** The namespaces, by the prefixes the files use. */
export const PREFIXES = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  dcatde: "http://dcat-ap.de/def/dcatde/",
  owl: "http://www.w3.org/2002/07/owl#",
} as const;

type Prefix = keyof typeof PREFIXES;
const term = (prefix: Prefix, local: string) =>
  namedNode(`${PREFIXES[prefix]}${local}`);
/** rdf:type, made when first written. */
const a = (): n3.NamedNode => term("rdf", "type");

const FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
const DATA_THEME =
  "http://publications.europa.eu/resource/authority/data-theme/";
const LANGUAGE_DEU =
  "http://publications.europa.eu/resource/authority/language/DEU";
const MEDIA_TYPES: Readonly<Record<DcatFormat, string>> = {
  CSV: "text/csv",
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  JSON: "application/json",
  PDF: "application/pdf",
  DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};
const GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/regionalKey/";
const GEOCODING_LEVEL_MUNICIPALITY =
  "http://dcat-ap.de/def/politicalGeocodingLevel/municipality";
/** The DCAT-AP.de version the catalogue follows. */
const DCATDE_VERSION = "2.0";

const date = (value: string) => literal(value, term("xsd", "date"));

function distributionQuads(
  distribution: DcatDistribution,
  dataset: DcatDataset,
): Quad[] {
  const subject = namedNode(distribution.uri);
  const url = namedNode(distribution.url);
  const quads = [
    quad(subject, a(), term("dcat", "Distribution")),
    quad(subject, term("dct", "title"), literal(distribution.title, "de")),
    quad(subject, term("dcat", "accessURL"), url),
    quad(subject, term("dcat", "downloadURL"), url),
    quad(
      subject,
      term("dct", "format"),
      namedNode(`${FILE_TYPE}${distribution.format}`),
    ),
    quad(
      subject,
      term("dcat", "mediaType"),
      namedNode(
        `http://www.iana.org/assignments/media-types/${MEDIA_TYPES[distribution.format]}`,
      ),
    ),
    quad(subject, term("dct", "license"), namedNode(dataset.licence.uri)),
    quad(
      subject,
      term("dcatde", "licenseAttributionByText"),
      literal(dataset.attribution, "de"),
    ),
  ];
  if (distribution.modified !== null)
    quads.push(
      quad(subject, term("dct", "modified"), date(distribution.modified)),
    );
  return quads;
}

/** dct:title and dct:description, in German and in English. */
function titleAndDescription(
  subject: n3.Quad_Subject,
  named: Pick<DcatDataset, "title" | "description">,
): Quad[] {
  return [
    quad(subject, term("dct", "title"), literal(named.title.de, "de")),
    quad(subject, term("dct", "title"), literal(named.title.en, "en")),
    quad(
      subject,
      term("dct", "description"),
      literal(named.description.de, "de"),
    ),
    quad(
      subject,
      term("dct", "description"),
      literal(named.description.en, "en"),
    ),
  ];
}

/** The subject's dct:publisher, a foaf:Organization with its name. */
function publisherOf(subject: n3.Quad_Subject, agent: DcatAgent): Quad[] {
  const publisher = namedNode(agent.uri);
  return [
    quad(subject, term("dct", "publisher"), publisher),
    quad(publisher, a(), term("foaf", "Organization")),
    quad(publisher, term("foaf", "name"), literal(agent.name, "de")),
  ];
}

/** The publisher's foaf:homepage, when it has one. */
function publisherHomepage(agent: DcatAgent): Quad[] {
  return agent.homepage === null
    ? []
    : [
        quad(
          namedNode(agent.uri),
          term("foaf", "homepage"),
          namedNode(agent.homepage),
        ),
      ];
}

function datasetQuads(dataset: DcatDataset): Quad[] {
  const subject = namedNode(dataset.uri);
  const contact = namedNode(dataset.contact.uri);
  const quads = [
    quad(subject, a(), term("dcat", "Dataset")),
    quad(subject, term("dct", "identifier"), literal(dataset.identifier)),
    ...titleAndDescription(subject, dataset),
    quad(subject, term("dcat", "landingPage"), namedNode(dataset.landingPage)),
    quad(subject, term("dcat", "theme"), namedNode(`${DATA_THEME}GOVE`)),
    quad(subject, term("dct", "language"), namedNode(LANGUAGE_DEU)),
    ...publisherOf(subject, dataset.publisher),
    quad(subject, term("dcat", "contactPoint"), contact),
    quad(contact, a(), term("vcard", "Organization")),
    quad(contact, term("vcard", "fn"), literal(dataset.contact.name, "de")),
    quad(contact, term("vcard", "hasURL"), namedNode(dataset.contact.url)),
    quad(
      subject,
      term("dct", "accessRights"),
      namedNode(
        "http://publications.europa.eu/resource/authority/access-right/PUBLIC",
      ),
    ),
  ];
  quads.push(...publisherHomepage(dataset.publisher));
  for (const keyword of dataset.keywords)
    quads.push(quad(subject, term("dcat", "keyword"), literal(keyword, "de")));
  if (dataset.regionalKey !== null) {
    const place = namedNode(`${GEOCODING}${dataset.regionalKey}`);
    quads.push(
      quad(subject, term("dcatde", "politicalGeocodingURI"), place),
      quad(
        subject,
        term("dcatde", "politicalGeocodingLevelURI"),
        namedNode(GEOCODING_LEVEL_MUNICIPALITY),
      ),
      quad(subject, term("dct", "spatial"), place),
    );
  }
  if (dataset.issued !== null)
    quads.push(quad(subject, term("dct", "issued"), date(dataset.issued)));
  if (dataset.modified !== null)
    quads.push(quad(subject, term("dct", "modified"), date(dataset.modified)));
  if (dataset.temporal !== null) {
    const period = blankNode(`zeitraum-${dataset.identifier}`);
    quads.push(
      quad(subject, term("dct", "temporal"), period),
      quad(period, a(), term("dct", "PeriodOfTime")),
      quad(period, term("dcat", "startDate"), date(dataset.temporal.start)),
      quad(period, term("dcat", "endDate"), date(dataset.temporal.end)),
    );
  }
  if (dataset.version !== null) {
    quads.push(
      quad(subject, term("owl", "versionInfo"), literal(dataset.version.info)),
      quad(subject, term("dct", "isVersionOf"), namedNode(dataset.version.of)),
    );
  }
  for (const version of dataset.versions)
    quads.push(quad(subject, term("dct", "hasVersion"), namedNode(version)));
  for (const distribution of dataset.distributions) {
    quads.push(
      quad(subject, term("dcat", "distribution"), namedNode(distribution.uri)),
      ...distributionQuads(distribution, dataset),
    );
  }
  return quads;
}

/** The catalogue as quads (duplicates, such as a publisher named by several datasets, removed). */
export function catalogueQuads(catalogue: DcatCatalogue): Quad[] {
  const subject = namedNode(catalogue.uri);
  const quads = [
    quad(subject, a(), term("dcat", "Catalog")),
    ...titleAndDescription(subject, catalogue),
    quad(subject, term("foaf", "homepage"), namedNode(catalogue.homepage)),
    quad(subject, term("dct", "language"), namedNode(LANGUAGE_DEU)),
    quad(
      subject,
      term("dcat", "themeTaxonomy"),
      namedNode("http://publications.europa.eu/resource/authority/data-theme"),
    ),
    ...publisherOf(subject, catalogue.publisher),
    quad(subject, term("dcatde", "version"), literal(DCATDE_VERSION)),
  ];
  quads.push(...publisherHomepage(catalogue.publisher));
  if (catalogue.modified !== null)
    quads.push(
      quad(subject, term("dct", "modified"), date(catalogue.modified)),
    );
  if (catalogue.regionalKey !== null)
    quads.push(
      quad(
        subject,
        term("dct", "spatial"),
        namedNode(`${GEOCODING}${catalogue.regionalKey}`),
      ),
    );
  for (const dataset of catalogue.datasets)
    quads.push(
      quad(subject, term("dcat", "dataset"), namedNode(dataset.uri)),
      ...datasetQuads(dataset),
    );
  const seen = new Set<string>();
  return quads.filter((each) => {
    const key = [each.subject, each.predicate, each.object]
      .map(termKey)
      .join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function termKey(value: Term): string {
  if (value.termType === "Literal")
    return `"${value.value}"@${value.language}^^${value.datatype.value}`;
  return `${value.termType}:${value.value}`;
}

/** Turtle, with the prefixes above, each subject's statements together. */
export function writeTurtle(quads: readonly Quad[]): Promise<string> {
  const writer = new (rdf().Writer)({ prefixes: PREFIXES });
  for (const { quads: own } of groupBySubject(quads).values())
    writer.addQuads(own);
  return new Promise((resolve, reject) =>
    writer.end((error: Error | null, result: string) =>
      error ? reject(error) : resolve(result),
    ),
  );
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};
const xml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c);

/** The qualified name of a predicate with one of the prefixes above. */
function qname(iri: string): string {
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    if (
      iri.startsWith(namespace) &&
      /^[A-Za-z_][A-Za-z0-9_-]*$/.test(iri.slice(namespace.length))
    )
      return `${prefix}:${iri.slice(namespace.length)}`;
  }
  throw new Error(`no prefix for ${iri}`);
}

function groupBySubject(
  quads: readonly Quad[],
): Map<string, { readonly subject: Term; readonly quads: Quad[] }> {
  const subjects = new Map<
    string,
    { readonly subject: Term; readonly quads: Quad[] }
  >();
  for (const each of quads) {
    const key = termKey(each.subject);
    const entry = subjects.get(key) ?? { subject: each.subject, quads: [] };
    entry.quads.push(each);
    subjects.set(key, entry);
  }
  return subjects;
}

/** RDF/XML: one rdf:Description per subject. */
export function writeRdfXml(quads: readonly Quad[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rdf:RDF ${Object.entries(PREFIXES)
      .map(([prefix, namespace]) => `xmlns:${prefix}="${namespace}"`)
      .join(" ")}>`,
  ];
  for (const { subject, quads: own } of groupBySubject(quads).values()) {
    const about =
      subject.termType === "BlankNode"
        ? `rdf:nodeID="${xml(subject.value)}"`
        : `rdf:about="${xml(subject.value)}"`;
    lines.push(`  <rdf:Description ${about}>`);
    for (const each of own) {
      const name = qname(each.predicate.value);
      const object = each.object;
      if (object.termType === "NamedNode")
        lines.push(`    <${name} rdf:resource="${xml(object.value)}"/>`);
      else if (object.termType === "BlankNode")
        lines.push(`    <${name} rdf:nodeID="${xml(object.value)}"/>`);
      else if (object.termType === "Literal") {
        const attribute =
          object.language !== ""
            ? ` xml:lang="${object.language}"`
            : object.datatype.value === `${PREFIXES.xsd}string`
              ? ""
              : ` rdf:datatype="${xml(object.datatype.value)}"`;
        lines.push(`    <${name}${attribute}>${xml(object.value)}</${name}>`);
      }
    }
    lines.push("  </rdf:Description>");
  }
  lines.push("</rdf:RDF>", "");
  return lines.join("\n");
}

/** JSON-LD in expanded form: a list of node objects, full IRIs, no context to resolve. */
export function writeJsonLd(quads: readonly Quad[]): string {
  const nodes = [...groupBySubject(quads).values()].map(
    ({ subject, quads: own }) => {
      const node: Record<string, unknown[] | string> = {
        "@id":
          subject.termType === "BlankNode"
            ? `_:${subject.value}`
            : subject.value,
      };
      const types: string[] = [];
      for (const each of own) {
        const object = each.object;
        if (each.predicate.value === `${PREFIXES.rdf}type`) {
          types.push(object.value);
          continue;
        }
        const value =
          object.termType === "NamedNode"
            ? { "@id": object.value }
            : object.termType === "BlankNode"
              ? { "@id": `_:${object.value}` }
              : object.termType === "Literal" && object.language !== ""
                ? { "@value": object.value, "@language": object.language }
                : object.termType === "Literal" &&
                    object.datatype.value !== `${PREFIXES.xsd}string`
                  ? { "@value": object.value, "@type": object.datatype.value }
                  : { "@value": object.value };
        const list =
          (node[each.predicate.value] as unknown[] | undefined) ?? [];
        list.push(value);
        node[each.predicate.value] = list;
      }
      if (types.length > 0) node["@type"] = types;
      return node;
    },
  );
  return `${JSON.stringify(nodes, null, 2)}\n`;
}
