/**
 * The DCAT-AP.de 2.0 catalogue of the open data (docs/adr/0017): per municipality one
 * dcat:Dataset per open dataset, one per published edition (a series: each edition is a
 * version of the current catalogue), each with a distribution per format, the licence
 * chosen by the municipality and its political geocoding from the amtlicher
 * Regionalschlüssel. The instance catalogue gathers every municipality's datasets.
 * This module builds the plain model; exports/dcat writes it as RDF.
 */
import { listMunicipalities } from "../catalogue/read-catalogue.js";
import type { AppContext } from "../context.js";
import { getPublishedCatalogue } from "../edition/read-editions.js";
import type { Licence } from "../../domain/open-data/licences.js";
import { AppError } from "../../errors.js";
import { DATASETS, readDataset } from "./datasets.js";
import { getOpenDataSettings } from "./settings.js";

/** A file format of a distribution, by its code in the EU file-type vocabulary. */
export type DcatFormat = "CSV" | "XLSX" | "JSON" | "PDF" | "DOCX";

/** An organisation. */
export interface DcatAgent {
  readonly uri: string;
  readonly name: string;
  readonly homepage: string | null;
}

/** One file of a dataset. */
export interface DcatDistribution {
  readonly uri: string;
  readonly title: string;
  readonly format: DcatFormat;
  readonly url: string;
  readonly modified: string | null;
}

/** A dataset. */
export interface DcatDataset {
  readonly uri: string;
  readonly identifier: string;
  readonly title: { readonly de: string; readonly en: string };
  readonly description: { readonly de: string; readonly en: string };
  readonly keywords: readonly string[];
  readonly landingPage: string;
  readonly publisher: DcatAgent;
  readonly contact: {
    readonly uri: string;
    readonly name: string;
    readonly url: string;
  };
  readonly licence: Licence;
  readonly attribution: string;
  readonly regionalKey: string | null;
  readonly issued: string | null;
  readonly modified: string | null;
  readonly temporal: { readonly start: string; readonly end: string } | null;
  /** For an edition: its number, and the dataset it is a version of. */
  readonly version: { readonly info: string; readonly of: string } | null;
  /** For the current catalogue: its editions. */
  readonly versions: readonly string[];
  readonly distributions: readonly DcatDistribution[];
}

/** A catalogue. */
export interface DcatCatalogue {
  readonly uri: string;
  readonly title: { readonly de: string; readonly en: string };
  readonly description: { readonly de: string; readonly en: string };
  readonly homepage: string;
  readonly publisher: DcatAgent;
  readonly modified: string | null;
  readonly regionalKey: string | null;
  readonly datasets: readonly DcatDataset[];
}

const FORMAT_OF: Readonly<Record<"csv" | "xlsx" | "json", DcatFormat>> = {
  csv: "CSV",
  xlsx: "XLSX",
  json: "JSON",
};

function latest(days: readonly (string | null)[]): string | null {
  return days.reduce<string | null>(
    (best, day) => (day !== null && (best === null || day > best) ? day : best),
    null,
  );
}

/** The datasets of one municipality and their publisher. */
async function municipalityDatasets(
  ctx: AppContext,
  slug: string,
  options: { readonly baseUrl: string; readonly today: number },
): Promise<{
  readonly publisher: DcatAgent;
  readonly datasets: readonly DcatDataset[];
  readonly regionalKey: string | null;
  readonly name: string;
  readonly programme: string;
}> {
  const { baseUrl } = options;
  const [published, settings] = await Promise.all([
    getPublishedCatalogue(ctx, slug),
    getOpenDataSettings(ctx, slug),
  ]);
  const { municipality, programme } = published.catalogue;
  const portal = `${baseUrl}/${slug}`;
  const openData = `${portal}/offene-daten`;
  const publisher: DcatAgent = {
    uri: `${portal}/#kommune`,
    name: municipality.name,
    homepage: municipality.website ?? `${portal}/`,
  };
  const contact = {
    uri: `${portal}/#kontakt`,
    name: municipality.name,
    url: municipality.website ?? `${portal}/`,
  };
  const attribution = `${municipality.name}, ${programme.title} (${openData})`;
  const common = {
    publisher,
    contact,
    licence: settings.licence,
    attribution,
    regionalKey: settings.regionalKey,
  };
  const firstEdition = published.editions[0]?.publishedOn ?? null;
  const editionUris = published.editions.map(
    (edition) => `${portal}/fortschreibungen/${edition.number}#datensatz`,
  );
  const datasets: DcatDataset[] = [];
  for (const definition of DATASETS) {
    const table = await readDataset(ctx, slug, definition.key, options);
    // A dataset enters the catalogue with its first record (ideas before the first one is
    // published): harvesters get no empty dataset without a date or a period.
    if (table.rows.length === 0) continue;
    const uri = `${openData}/${definition.key}#datensatz`;
    datasets.push({
      ...common,
      uri,
      identifier: `${slug}-${definition.key}`,
      title: {
        de: `${definition.title.de} – ${municipality.name}`,
        en: `${definition.title.en} – ${municipality.name}`,
      },
      description: definition.description,
      keywords: definition.keywords,
      landingPage: `${openData}/${definition.key}`,
      issued:
        definition.key === "katalog" || definition.key === "fortschreibungen"
          ? firstEdition
          : null,
      modified: table.modified,
      temporal: table.temporal,
      version: null,
      versions: definition.key === "katalog" ? editionUris : [],
      distributions: (["csv", "xlsx", "json"] as const).map((format) => ({
        uri: `${openData}/${definition.key}.${format}#distribution`,
        title: `${definition.title.de} (${FORMAT_OF[format]})`,
        format: FORMAT_OF[format],
        url: `${openData}/${definition.key}.${format}`,
        modified: table.modified,
      })),
    });
  }
  const current = datasets[0]?.uri ?? `${openData}/katalog#datensatz`;
  for (const edition of published.editions) {
    const page = `${portal}/fortschreibungen/${edition.number}`;
    const api = `${baseUrl}/api/v1/municipalities/${slug}/editions/${edition.number}`;
    datasets.push({
      ...common,
      uri: `${page}#datensatz`,
      identifier: `${slug}-fortschreibung-${edition.number}`,
      title: {
        de: `${programme.title}: ${edition.title} – ${municipality.name}`,
        en: `${programme.title}: edition ${edition.number} – ${municipality.name}`,
      },
      description: {
        de: `Der Maßnahmenkatalog Digitalisierung in der ${edition.title} vom ${edition.publishedOn}, wie sie veröffentlicht wurde, mit Vorwort und den Gründen der Verschiebungen.`,
        en: `The digitalisation catalogue as published in edition ${edition.number} of ${edition.publishedOn}, with foreword and the reasons for shifts.`,
      },
      keywords: ["Digitalisierung", "Maßnahmenkatalog", "Fortschreibung"],
      landingPage: page,
      issued: edition.publishedOn,
      modified: edition.publishedOn,
      temporal: {
        start: `${programme.horizonStart}-01-01`,
        end: `${programme.horizonEnd}-12-31`,
      },
      version: { info: String(edition.number), of: current },
      versions: [],
      distributions: [
        {
          uri: `${api}#distribution`,
          title: `${edition.title} (JSON)`,
          format: "JSON",
          url: api,
          modified: edition.publishedOn,
        },
        {
          uri: `${page}/katalog.pdf#distribution`,
          title: `${edition.title} (PDF)`,
          format: "PDF",
          url: `${page}/katalog.pdf`,
          modified: edition.publishedOn,
        },
        {
          uri: `${page}/katalog.docx#distribution`,
          title: `${edition.title} (DOCX)`,
          format: "DOCX",
          url: `${page}/katalog.docx`,
          modified: edition.publishedOn,
        },
      ],
    });
  }
  return {
    publisher,
    datasets,
    regionalKey: settings.regionalKey,
    name: municipality.name,
    programme: programme.title,
  };
}

/** The catalogue of one municipality; ERR_MUNICIPALITY_NOT_FOUND. */
export async function buildMunicipalityCatalogue(
  ctx: AppContext,
  slug: string,
  options: { readonly baseUrl: string; readonly today: number },
): Promise<DcatCatalogue> {
  const { publisher, datasets, regionalKey, name, programme } =
    await municipalityDatasets(ctx, slug, options);
  return {
    uri: `${options.baseUrl}/${slug}/dcat/catalog`,
    title: {
      de: `Offene Daten: ${programme} – ${name}`,
      en: `Open data: ${programme} – ${name}`,
    },
    description: {
      de: `Die offenen Daten des Digitalisierungsprogramms von ${name}: Maßnahmenkatalog, Fortschreibungen, Sachstandsberichte, Kennzahlen und OZG-Leistungen.`,
      en: `The open data of the digitalisation programme of ${name}: catalogue, editions, status reports, key figures and OZG services.`,
    },
    homepage: `${options.baseUrl}/${slug}/offene-daten`,
    publisher,
    modified: latest(datasets.map((dataset) => dataset.modified)),
    regionalKey,
    datasets,
  };
}

/** The catalogue of the whole instance: every municipality's datasets. */
export async function buildInstanceCatalogue(
  ctx: AppContext,
  options: { readonly baseUrl: string; readonly today: number },
): Promise<DcatCatalogue> {
  const municipalities = await listMunicipalities(ctx);
  const parts = [];
  for (const municipality of municipalities) {
    try {
      parts.push(await municipalityDatasets(ctx, municipality.slug, options));
    } catch (error) {
      // A municipality still without a programme has nothing to publish yet.
      if (!(error instanceof AppError)) throw error;
    }
  }
  const only = parts.length === 1 ? parts[0] : undefined;
  const datasets = parts.flatMap((part) => part.datasets);
  return {
    uri: `${options.baseUrl}/dcat/catalog`,
    title: {
      de: "Offene Daten kommunaler Digitalisierungsprogramme",
      en: "Open data of municipal digitalisation programmes",
    },
    description: {
      de: "Maßnahmenkataloge, Fortschreibungen, Sachstandsberichte, Kennzahlen und OZG-Leistungen der Kommunen, die ihr Digitalisierungsprogramm mit Fortschritt veröffentlichen.",
      en: "Catalogues, editions, status reports, key figures and OZG services of the municipalities that publish their digitalisation programme with Fortschritt.",
    },
    homepage: `${options.baseUrl}/`,
    publisher: only?.publisher ?? {
      uri: `${options.baseUrl}/#betrieb`,
      name: "Fortschritt",
      homepage: `${options.baseUrl}/`,
    },
    modified: latest(datasets.map((dataset) => dataset.modified)),
    regionalKey: only?.regionalKey ?? null,
    datasets,
  };
}
