/**
 * The documents of an edition — catalogue as DOCX and tagged PDF, revision slides as PPTX,
 * and the print view behind the PDF — assembled from the use cases' data, the export
 * models (src/exports) and the charts this layer draws. An edition never changes, but the
 * ideas taken up in it are added by later decisions: each file is made once per edition and
 * published data version of the municipality and kept (a small cache, least recently used
 * out first).
 * The catalogue's pictures and PDF come from one Chromium (src/exports/pdf/render-pdf.ts);
 * the revision slides draw their timelines as shapes and need none (ADR 0057).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compareEditions } from "../../app/edition/change-report.js";
import { type ChangeReport } from "../../domain/edition/change-report.js";
import { getEdition, listEditions } from "../../app/edition/read-editions.js";
import type { AppContext } from "../../app/context.js";
import type { MadeDocument } from "../../app/documents/published-documents.js";
import { NO_FILTER } from "../../domain/catalogue/catalogue-filter.js";
import type { Edition } from "../../domain/edition/edition.js";
import { listItemsTakenUpIn } from "../../app/participation/participation.js";
import { AppError } from "../../errors.js";
import { createMemoryCache, type MemoryCache } from "../../app/memory-cache.js";
import {
  buildCatalogueDocumentModel,
  documentIdeasOf,
  type CatalogueDocumentModel,
  type DocumentIdea,
  type DocumentTimeline,
} from "../../exports/catalogue/catalogue-document-model.js";
import {
  deterministicPackage,
  deterministicPdf,
  documentInstant,
} from "../../exports/deterministic.js";
import {
  CataloguePrint,
  printedPicture,
  contentsOf,
  runningHeaderCss,
} from "../../exports/pdf/catalogue-print.js";
import {
  pagesOfHeadings,
  readPdfOutline,
} from "../../exports/pdf/pdf-outline.js";
import type {
  PdfRenderer,
  PrintResource,
} from "../../exports/pdf/render-pdf.js";
import {
  buildRevisionSlidesModel,
  renderRevisionSlides,
  type FieldComparisonTimeline,
} from "../../exports/pptx/revision-slides.js";
import { PrintTimeline } from "../components/timeline-print/timeline-print.js";
import { CATALOGUE_PRINT } from "../../domain/timeline/print-geometry.js";
import {
  comparisonLegend,
  programmeLegend,
} from "../../domain/timeline/timeline-legend.js";
import { createViewContext, withLevels } from "../components/view.js";
import { assetDirectory, assetPath } from "../http/static-assets.js";
import { buildProgrammeTimeline } from "../portal/timeline.presenter.js";
import { buildComparison } from "./comparison.presenter.js";

/** The kinds of document an edition has. */
export type EditionDocumentKind = "docx" | "pdf" | "pptx";

const CONTENT_TYPES: Readonly<Record<EditionDocumentKind, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/** Documents show no today line: a published document must read the same every day. */
const NO_TODAY = Number.MIN_SAFE_INTEGER;

const VIEW = createViewContext("de");

async function asset(name: string): Promise<PrintResource> {
  return {
    contentType: name.endsWith(".css")
      ? "text/css; charset=utf-8"
      : "application/octet-stream",
    body: await readFile(join(assetDirectory(), name)),
  };
}

/** The width and height an SVG declares. */
function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)"/.exec(tag)?.[1] ?? "1000");
  const height = Number(/\sheight="([\d.]+)"/.exec(tag)?.[1] ?? "600");
  return { width, height };
}

/** An HTML page holding pictures to photograph, styled like the portal. */
function pictureHtml(svgs: readonly PictureSource[]): string {
  // The SVGs are our own server-rendered, escaped markup.
  const figures = svgs
    .map(({ id, svg }) => `<div id="${id}" class="bild">${svg}</div>`)
    .join("");
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bild</title><link rel="stylesheet" href="/assets/app.css"><style>body{margin:0;background:#fff}.bild{display:inline-block;padding:8px;background:#fff}.bild svg{max-width:none}</style></head><body>${figures}</body></html>`;
}

/** A picture to photograph: an element id on the picture page and its SVG markup. */
interface PictureSource {
  readonly id: string;
  readonly svg: string;
}

/**
 * The PNGs of SVG pictures (the catalogue DOCX's timelines), each photographed by Chromium
 * once per process: a picture depends only on its markup and the portal's stylesheet, so a
 * catalogue built again (a draft after an edit) photographs only the pictures it has not
 * seen. Pixels do not depend on the neighbours on the picture page
 * (each is a block of its own at whole-pixel offsets), so the bytes stay the same.
 */
class PictureCache {
  private readonly pngs: MemoryCache<Buffer>;

  constructor(private readonly renderer: PdfRenderer) {
    this.pngs = createMemoryCache<Buffer>({
      name: "document-pictures",
      maxBytes: 32 * 1024 * 1024,
      sizeOf: (png) => png.length,
      // Filled in batches by `photograph`, never built one by one.
      build: async () => undefined,
    });
  }

  /** One PNG per picture, in order (undefined where Chromium gave none). */
  async photograph(
    pictures: readonly PictureSource[],
  ): Promise<(Buffer | undefined)[]> {
    if (pictures.length === 0) return [];
    const stylesheet = await asset("app.css");
    const styleKey = createHash("sha256").update(stylesheet.body).digest("hex");
    const keys = pictures.map(({ svg }) =>
      createHash("sha256").update(styleKey).update(svg).digest("hex"),
    );
    // The pictures not yet photographed, with their keys.
    const missing = pictures.flatMap((picture, index) => {
      const key = keys[index]!;
      return this.pngs.peek(key) === undefined ? [{ picture, key }] : [];
    });
    if (missing.length > 0) {
      const pngs = await this.renderer.renderPngs(
        {
          html: pictureHtml(missing.map(({ picture }) => picture)),
          resources: { "/assets/app.css": stylesheet },
        },
        missing.map(({ picture }) => `#${picture.id} svg`),
      );
      missing.forEach(({ key }, index) => {
        const png = pngs[index];
        if (png !== undefined) this.pngs.set(key, png);
      });
    }
    return keys.map((key) => this.pngs.peek(key));
  }
}

/** The timeline of one action field of an edition, as printed (SVG markup with its legend). */
interface FieldTimelineSvg {
  readonly key: string;
  readonly alt: string;
  readonly svg: string;
}

/** The timelines of an edition's catalogue, one per action field with projects. */
async function fieldTimelineSvgs(
  edition: Edition,
  model: CatalogueDocumentModel,
): Promise<readonly FieldTimelineSvg[]> {
  const timeline = buildProgrammeTimeline(edition.catalogue, NO_TODAY, "de");
  const fields = new Map(model.fields.map((field) => [field.key, field]));
  const svgs: FieldTimelineSvg[] = [];
  for (const [index, group] of timeline.layout.groups.entries()) {
    const field = fields.get(group.key);
    if (field === undefined || group.rows.length === 0) continue;
    const layout = {
      ...timeline.layout,
      groups: [{ ...group, label: field.heading }],
    };
    const svg: string = await (
      <PrintTimeline
        layout={layout}
        geometry={CATALOGUE_PRINT}
        idPrefix={`katalog-zeitstrahl-${index + 1}`}
        title={`Zeitstrahl zur Umsetzung: ${field.heading}`}
        description={field.timelineAlt}
        legend={programmeLegend(group.rows.flatMap((row) => row.bars))}
      />
    );
    svgs.push({ key: group.key, alt: field.timelineAlt, svg });
  }
  return svgs;
}

/**
 * The field timelines of the print view (our own escaped markup): each picture is one
 * tagged figure named by its alt text, in a plain block (a wrapping figure would be
 * tagged as a second figure without alt text).
 */
function timelineFigures(svgs: readonly FieldTimelineSvg[]): string[] {
  return svgs.map(
    ({ svg, alt }) =>
      `<div class="timeline timeline--field">${printedPicture(svg, alt)}</div>`,
  );
}

/** What a document of an edition is made from. */
interface EditionSources {
  readonly edition: Edition;
  readonly report: ChangeReport | null;
  /** The published ideas taken up in the edition (its change report lists them). */
  readonly ideas: readonly DocumentIdea[];
}

async function sourcesOf(
  ctx: AppContext,
  slug: string,
  number: number,
): Promise<EditionSources> {
  const { edition } = await getEdition(ctx, slug, number);
  const report = number > 1 ? await compareEditions(ctx, slug, number) : null;
  const ideas = documentIdeasOf(
    edition.catalogue,
    await listItemsTakenUpIn(ctx, slug, number),
  );
  return { edition, report, ideas };
}

/** The print view of an edition (the HTML behind its PDF). */
export async function renderPrintView(
  ctx: AppContext,
  slug: string,
  number: number,
  stylesheet = assetPath("print.css"),
): Promise<string> {
  const { edition, report, ideas } = await sourcesOf(ctx, slug, number);
  const model = buildCatalogueDocumentModel(edition, report, ideas);
  // The SVGs are markup we rendered and escaped ourselves; they are placed as elements.
  const timeline = timelineFigures(await fieldTimelineSvgs(edition, model));
  return await (
    <CataloguePrint
      model={model}
      stylesheet={stylesheet}
      timelines={timeline}
    />
  );
}

/**
 * What a stored document of an edition is made from beyond the immutable edition: the
 * published ideas taken up in it (a later decision changes their state) and the version of
 * the document format (a new format builds the document again). ADR 0046.
 */
export const EDITION_DOCUMENT_FORMAT = "edition-documents-6";

/** Makes the documents of editions, byte for byte the same for the same data (ADR 0046). */
export class EditionDocuments {
  private readonly pictures: PictureCache;

  constructor(
    private readonly ctx: AppContext,
    private readonly renderer: PdfRenderer,
  ) {
    this.pictures = new PictureCache(renderer);
  }

  /** The key of what may change after publication; ERR_EDITION_NOT_FOUND for an unknown edition. */
  async sourceKey(slug: string, number: number): Promise<string> {
    const { editions } = await listEditions(this.ctx, slug);
    if (!editions.some((edition) => edition.number === number))
      throw new AppError("ERR_EDITION_NOT_FOUND");
    const ideas = await listItemsTakenUpIn(this.ctx, slug, number);
    return createHash("sha256")
      .update(JSON.stringify([EDITION_DOCUMENT_FORMAT, ideas]))
      .digest("hex")
      .slice(0, 32);
  }

  /**
   * A document of an edition, deterministic: ERR_EDITION_NOT_FOUND, or
   * ERR_DOCUMENT_UNAVAILABLE when Chromium fails.
   */
  async make(
    slug: string,
    number: number,
    kind: EditionDocumentKind,
  ): Promise<MadeDocument> {
    const sourceKey = await this.sourceKey(slug, number);
    const sources = await sourcesOf(this.ctx, slug, number);
    const instant = documentInstant(sources.edition.publishedOn);
    let body: Buffer;
    try {
      const raw = await this.render(kind, sources);
      body =
        kind === "pdf"
          ? deterministicPdf(raw, instant)
          : await deterministicPackage(raw, instant);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("ERR_DOCUMENT_UNAVAILABLE", {
        cause: error,
        detail: `(${kind})`,
      });
    }
    const name = kind === "pptx" ? "folien" : "katalog";
    return {
      body,
      mediaType: CONTENT_TYPES[kind],
      fileName: `${slug}-${number}-fortschreibung-${name}.${kind}`,
      sourceKey,
    };
  }

  private async render(
    kind: EditionDocumentKind,
    sources: EditionSources,
  ): Promise<Buffer> {
    const { edition, report, ideas } = sources;
    switch (kind) {
      case "docx": {
        const model = buildCatalogueDocumentModel(edition, report, ideas);
        const svgs = await fieldTimelineSvgs(edition, model);
        const pictures = svgs.map((each, index) => ({
          id: `bild-${index + 1}`,
          ...each,
        }));
        const pngs = await this.pictures.photograph(pictures);
        const timelines: DocumentTimeline[] = pictures.flatMap(
          ({ key, alt, svg }, index) => {
            const png = pngs[index];
            return png === undefined
              ? []
              : [{ key, alt, picture: { png, ...svgSize(svg) } }];
          },
        );
        // docx is large: loaded with the first document that needs it.
        const { renderCatalogueDocx } =
          await import("../../exports/docx/catalogue-docx.js");
        return renderCatalogueDocx(model, timelines);
      }
      case "pdf": {
        // Printed twice: the first printing's outline tells on which page each heading
        // landed, the second prints those numbers into the table of contents (the room
        // for them is kept in the first, so no heading moves).
        const model = buildCatalogueDocumentModel(edition, report, ideas);
        const timeline = timelineFigures(
          await fieldTimelineSvgs(edition, model),
        );
        const furniture = "/assets/catalogue-furniture.css";
        const resources = {
          "/assets/print.css": await asset("print.css"),
          [furniture]: {
            contentType: "text/css; charset=utf-8",
            body: Buffer.from(
              runningHeaderCss(
                `${model.programmeTitle} – ${model.editionTitle}`,
              ),
            ),
          },
        };
        const print = async (
          pageNumbers: ReadonlyMap<string, number> | "reserve",
        ): Promise<Buffer> =>
          this.renderer.renderPdf({
            html: await (
              <CataloguePrint
                model={model}
                stylesheet="/assets/print.css"
                furnitureStylesheet={furniture}
                pageNumbers={pageNumbers}
                timelines={timeline}
              />
            ),
            resources,
          });
        const first = await print("reserve");
        const pages = pagesOfHeadings(
          await readPdfOutline(first),
          contentsOf(model),
        );
        return pages.size === 0 ? first : print(pages);
      }
      case "pptx": {
        const model = buildRevisionSlidesModel(edition, report, ideas);
        // The timelines are drawn as shapes by the deck itself: no picture, no Chromium.
        const timelines = new Map<string, FieldComparisonTimeline>();
        if (report !== null) {
          const levelsView = withLevels(
            VIEW,
            edition.catalogue.programme.levels,
          );
          for (const field of model.fields) {
            const comparison = buildComparison(levelsView, report, {
              filter: { ...NO_FILTER, actionFieldKey: field.key },
              today: NO_TODAY,
              olderTitle: report.from.title,
              newerTitle: edition.title,
            });
            const rows = comparison.layout.groups.flatMap(
              (group) => group.rows,
            );
            timelines.set(field.key, {
              layout: comparison.layout,
              stateLabel: comparison.stateLabel,
              legend: comparisonLegend(
                report.from.title,
                edition.title,
                rows.flatMap((row) => row.newBars),
                rows.some((row) => row.markers.length > 0),
              ),
            });
          }
        }
        return renderRevisionSlides(model, timelines);
      }
    }
  }
}
