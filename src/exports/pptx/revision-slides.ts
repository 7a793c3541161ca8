/**
 * The committee slides of a revision (Fortschreibung) as PPTX, in the order of the slides
 * that presented Kleve's 2. Fortschreibung: title, overview with the shifts per reason,
 * then per action field the changes with their reasons ("Digitalisierungsstrategie:
 * Verzögerung aufgrund OZG-Aufwand") and the old versus the new timeline of the field as a
 * picture with alternative text, and the priorities of the year. The model is built from
 * the edition and its change report; the renderer only places it on slides.
 */
import type * as PptxGenJSModule from "pptxgenjs";
import type { ChangeReport } from "../../domain/edition/change-report.js";
import {
  isProjectChange,
  isShift,
  type CatalogueChange,
} from "../../domain/edition/catalogue-change.js";
import {
  describeChangeGerman,
  describeShiftCountGerman,
} from "../../i18n/change-description.js";
import { type Edition } from "../../domain/edition/edition.js";
import { cleanFragment } from "../../domain/period/period-sentence.js";
import { formatIsoDateGerman } from "../../domain/calendar/calendar.js";
import type {
  DocumentIdea,
  DocumentPicture,
} from "../catalogue/catalogue-document-model.js";
import { fittingFontSize } from "./text-fit.js";

/** One project's lines on a field's changes slide. */
export interface SlideProject {
  /** "1.1 Digitalisierungsstrategie: Verzögerung aufgrund OZG-Aufwand". */
  readonly headline: string;
  /** The changes one by one. */
  readonly details: readonly string[];
}

/** An action field's slides. */
export interface SlideField {
  readonly key: string;
  readonly heading: string;
  readonly colour: string;
  readonly counts: string;
  readonly projects: readonly SlideProject[];
  /** The alternative text of the field's old-versus-new timeline picture. */
  readonly pictureAlt: string;
}

/** The deck. */
export interface RevisionSlidesModel {
  readonly municipalityName: string;
  readonly programmeTitle: string;
  readonly editionTitle: string;
  readonly publishedOn: string;
  /** "gegenüber der 1. Fortschreibung", or null for the first edition. */
  readonly previousTitle: string | null;
  readonly summary: string;
  readonly reasonCounts: readonly string[];
  readonly programmeChanges: readonly string[];
  readonly fields: readonly SlideField[];
  /** Ideas and feedback taken up in this edition (participation). */
  readonly takenUpIdeas: readonly DocumentIdea[];
  readonly priorities: {
    readonly year: number;
    readonly items: readonly string[];
  } | null;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function reasonsOf(
  report: ChangeReport,
  changes: readonly CatalogueChange[],
): readonly string[] {
  const texts: string[] = [];
  for (const change of changes) {
    if (!isShift(change)) continue;
    for (const reason of report.reasons.get(change.key) ?? []) {
      // A headline after the project's name: the explanation alone reads best
      // ("2.1 Dokumentenmanagementsystem: Verzögerung aufgrund von erhöhtem Support").
      const text =
        reason.text.trim() === ""
          ? reason.categoryLabel
          : cleanFragment(reason.text);
      if (!texts.includes(text)) texts.push(text);
    }
  }
  return texts;
}

/**
 * The edition on the title slide: "2. Fortschreibung" as it is, never "Fortschreibung:
 * 2. Fortschreibung"; a title that does not say it is one gets the word in front.
 */
export function editionLine(editionTitle: string): string {
  return /fortschreibung/i.test(editionTitle)
    ? editionTitle
    : `Fortschreibung „${editionTitle}“`;
}

/** Builds the deck of an edition from its report against the previous edition. */
export function buildRevisionSlidesModel(
  edition: Edition,
  report: ChangeReport | null,
  ideas: readonly DocumentIdea[] = [],
): RevisionSlidesModel {
  const { programme } = edition.catalogue;
  const year =
    programme.priorities.length === 0
      ? null
      : Math.max(...programme.priorities.map((priority) => priority.year));
  const fields: SlideField[] = [];
  if (report !== null) {
    const colours = new Map(
      report.after.impactAreas.flatMap((area) =>
        area.actionFields.map((field) => [field.id, field.colour] as const),
      ),
    );
    for (const field of report.diff.summary.byActionField) {
      if (field.changeCount === 0) continue;
      const byProject = new Map<
        string,
        { title: string; changes: CatalogueChange[] }
      >();
      for (const change of report.diff.changes) {
        if (
          !isProjectChange(change) ||
          change.project.actionField.id !== field.actionField.id
        )
          continue;
        const entry = byProject.get(change.project.key) ?? {
          title: `${change.project.code} ${change.project.title}`,
          changes: [],
        };
        entry.changes.push(change);
        byProject.set(change.project.key, entry);
      }
      // A flat programme's one structural area is never named.
      const heading = programme.levels.flat
        ? `${field.actionField.number} ${field.actionField.name}`
        : `${field.actionField.number} ${field.actionField.name} (${field.impactArea.name})`;
      fields.push({
        key: field.actionField.key,
        heading,
        colour: colours.get(field.actionField.id) ?? "#505a5f",
        counts: `${plural(field.changeCount, "Veränderung", "Veränderungen")}, davon ${plural(field.shiftCount, "Verschiebung", "Verschiebungen")}`,
        projects: [...byProject.values()].map(({ title, changes }) => {
          const reasons = reasonsOf(report, changes);
          return {
            headline:
              reasons.length === 0 ? title : `${title}: ${reasons.join("; ")}`,
            details: changes.map((change) => describeChangeGerman(change)),
          };
        }),
        pictureAlt: `Zeitstrahl ${heading}: ${edition.title} verglichen mit der ${report.from.title}; ${plural(field.shiftCount, "Verschiebung", "Verschiebungen")}. Alte Zeiträume umrandet, neue ausgefüllt, Verschiebungen als Pfeile; die Veränderungen mit Gründen stehen auf der Folie davor.`,
      });
    }
  }
  return {
    municipalityName: edition.catalogue.municipality.name,
    programmeTitle: programme.title,
    editionTitle: edition.title,
    publishedOn: formatIsoDateGerman(edition.publishedOn),
    previousTitle: report?.from.title ?? null,
    summary:
      report === null
        ? "Erste Fortschreibung: es gibt keine frühere Fassung zum Vergleich."
        : `${plural(report.diff.summary.changeCount, "Veränderung", "Veränderungen")}, davon ${plural(report.diff.summary.shiftCount, "Verschiebung", "Verschiebungen")}`,
    reasonCounts:
      report === null
        ? []
        : [
            ...report.counts.byCategory.map((entry) =>
              describeShiftCountGerman(entry.count, entry.category),
            ),
            ...(report.counts.withoutReason === 0
              ? []
              : [
                  `${plural(report.counts.withoutReason, "Verschiebung", "Verschiebungen")} ohne Grund`,
                ]),
          ],
    programmeChanges:
      report === null
        ? []
        : report.diff.changes
            .filter((change) => !isProjectChange(change))
            .map((change) => describeChangeGerman(change)),
    fields,
    takenUpIdeas: ideas,
    priorities:
      year === null
        ? null
        : {
            year,
            items: programme.priorities
              .filter((priority) => priority.year === year)
              .map((priority) => priority.title),
          },
  };
}

// pptxgenjs ships CommonJS typings whose `export default` TypeScript (NodeNext) reads as
// a property of the module object, while Node's ESM entry exports the class as default.
type PptxGenJS = PptxGenJSModule.default;
type Slide = ReturnType<PptxGenJS["addSlide"]>;
/** pptxgenjs, loaded on the first deck (it is large; a server that never writes one never loads it). */
let pptxGenJS: Promise<new () => PptxGenJS> | null = null;
function loadPptxGenJS(): Promise<new () => PptxGenJS> {
  pptxGenJS ??= import("pptxgenjs").then((module) => {
    const exported = module.default as unknown as { default?: unknown };
    return (exported.default ?? exported) as new () => PptxGenJS;
  });
  return pptxGenJS;
}

const FONT = "Liberation Sans";
const INK = "1B1F23";
const BRAND = "0D3466";
const WIDTH = 13.333;
const LINES_PER_SLIDE = 14;

function hex(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour)
    ? colour.slice(1).toUpperCase()
    : "505A5F";
}

function slideTitle(slide: Slide, text: string, colour = BRAND): void {
  slide.addShape("rect", {
    x: 0,
    y: 0,
    w: WIDTH,
    h: 0.18,
    fill: { color: colour },
    line: { color: colour },
  });
  slide.addText(text, {
    x: 0.6,
    y: 0.3,
    w: WIDTH - 1.2,
    h: 0.9,
    fontFace: FONT,
    // Sized when the slide is built: LibreOffice does not apply shrink-on-overflow.
    fontSize: fittingFontSize(text, {
      width: WIDTH - 1.2,
      height: 0.9,
      maxSize: 24,
      minSize: 16,
      bold: true,
    }).fontSize,
    bold: true,
    color: INK,
    lang: "de-DE",
  });
}

/** A bullet line of a slide. */
interface SlideLine {
  readonly text: string;
  readonly level: 1 | 2;
}

/**
 * Lines that belong together (a project's headline and its changes): kept on one slide
 * when they fit, and when a group is longer than a slide, its continuation repeats the
 * headline, so that no slide starts with an orphan change that names no project.
 */
type SlideGroup = readonly SlideLine[];

/** About how many lines of the text box a bullet takes once wrapped (18 pt or 14 pt on 12 in). */
function heightOf(line: SlideLine): number {
  return Math.max(
    1,
    Math.ceil(line.text.length / (line.level === 1 ? 90 : 115)),
  );
}

/** Splits groups into slides of at most LINES_PER_SLIDE wrapped lines. */
export function paginateGroups(
  groups: readonly SlideGroup[],
  capacity = LINES_PER_SLIDE,
): SlideLine[][] {
  const slides: SlideLine[][] = [];
  let current: SlideLine[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) slides.push(current);
    current = [];
    used = 0;
  };
  for (const group of groups) {
    const height = group.reduce((sum, line) => sum + heightOf(line), 0);
    if (used > 0 && used + height > capacity) flush();
    const [head] = group;
    group.forEach((line, index) => {
      const lineHeight = heightOf(line);
      if (used > 0 && used + lineHeight > capacity) {
        flush();
        // The continuation of a group names what it continues.
        if (index > 0 && head !== undefined && head.level === 1) {
          current.push({ text: `${head.text} (Fortsetzung)`, level: 1 });
          used += heightOf(head);
        }
      }
      current.push(line);
      used += lineHeight;
    });
  }
  flush();
  return slides;
}

function bulletSlide(
  pptx: PptxGenJS,
  title: string,
  groups: readonly SlideGroup[],
  colour?: string,
): void {
  const slides = paginateGroups(groups);
  if (slides.length === 0) slides.push([]);
  slides.forEach((chunk, index) => {
    const slide = pptx.addSlide({ masterName: MASTER });
    slideTitle(slide, index === 0 ? title : `${title} (Fortsetzung)`, colour);
    if (chunk.length === 0) return;
    slide.addText(
      chunk.map((line) => ({
        text: line.text,
        options: {
          bullet: line.level === 1 ? true : { indent: 18 },
          indentLevel: line.level - 1,
          fontSize: line.level === 1 ? 18 : 14,
          breakLine: true,
        },
      })),
      {
        x: 0.6,
        y: 1.35,
        w: WIDTH - 1.2,
        h: 5.5,
        fontFace: FONT,
        color: INK,
        valign: "top",
        lang: "de-DE",
        paraSpaceAfter: 4,
      },
    );
  });
}

const MASTER = "FORTSCHREIBUNG";

/** Every slide after the title: a footer with municipality, programme and edition, and its number. */
function defineMaster(pptx: PptxGenJS, model: RevisionSlidesModel): void {
  const small = { fontFace: FONT, fontSize: 10, color: "4B5257" };
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: "FFFFFF" },
    objects: [
      {
        text: {
          text: `${model.municipalityName} · ${model.programmeTitle} – ${editionLine(model.editionTitle)}`,
          options: { x: 0.6, y: 7.05, w: 10.5, h: 0.3, ...small },
        },
      },
    ],
    slideNumber: { x: 12.2, y: 7.05, w: 0.6, h: 0.3, ...small },
  });
}

/** Places the deck on slides; `pictures` holds each field's old-versus-new timeline by field key. */
export async function renderRevisionSlides(
  model: RevisionSlidesModel,
  pictures: ReadonlyMap<string, DocumentPicture>,
): Promise<Buffer> {
  const pptx = new (await loadPptxGenJS())();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = `${model.programmeTitle} – ${model.editionTitle}`;
  pptx.subject =
    model.previousTitle === null
      ? model.editionTitle
      : `Veränderungen gegenüber der ${model.previousTitle}`;
  pptx.author = model.municipalityName;
  pptx.company = model.municipalityName;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  defineMaster(pptx, model);

  const title = pptx.addSlide();
  title.background = { color: BRAND };
  title.addText(model.programmeTitle, {
    x: 0.8,
    y: 1.6,
    w: WIDTH - 1.6,
    h: 1.2,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: "FFFFFF",
    lang: "de-DE",
  });
  title.addText(editionLine(model.editionTitle), {
    x: 0.8,
    y: 2.9,
    w: WIDTH - 1.6,
    h: 0.8,
    fontFace: FONT,
    fontSize: 28,
    color: "FFFFFF",
    lang: "de-DE",
  });
  title.addText(
    [
      model.municipalityName,
      model.publishedOn,
      ...(model.previousTitle === null
        ? []
        : [`Veränderungen gegenüber der ${model.previousTitle}`]),
    ].join(" · "),
    {
      x: 0.8,
      y: 4.0,
      w: WIDTH - 1.6,
      h: 0.6,
      fontFace: FONT,
      fontSize: 18,
      color: "FFFFFF",
      lang: "de-DE",
    },
  );

  bulletSlide(pptx, "Fortschreibung (Überblick)", [
    [
      { text: model.summary, level: 1 },
      ...model.reasonCounts.map((line) => ({ text: line, level: 2 as const })),
    ],
    ...model.programmeChanges.map((line) => [
      { text: line, level: 1 as const },
    ]),
  ]);

  for (const field of model.fields) {
    const groups: SlideGroup[] = [
      [{ text: field.counts, level: 1 }],
      ...field.projects.map((project) => [
        { text: project.headline, level: 1 as const },
        ...project.details.map((detail) => ({
          text: detail,
          level: 2 as const,
        })),
      ]),
    ];
    bulletSlide(
      pptx,
      `Fortschreibung (Veränderungen): ${field.heading}`,
      groups,
      hex(field.colour),
    );
    const picture = pictures.get(field.key);
    if (picture !== undefined) {
      const slide = pptx.addSlide({ masterName: MASTER });
      slideTitle(
        slide,
        `Alter und neuer Zeitstrahl: ${field.heading}`,
        hex(field.colour),
      );
      const maxW = WIDTH - 1.2;
      const maxH = 5.7;
      const ratio = picture.width / picture.height;
      const w = Math.min(maxW, maxH * ratio);
      const h = w / ratio;
      slide.addImage({
        data: `image/png;base64,${picture.png.toString("base64")}`,
        x: (WIDTH - w) / 2,
        y: 1.3,
        w,
        h,
        altText: field.pictureAlt,
      });
    }
  }

  if (model.takenUpIdeas.length > 0) {
    bulletSlide(
      pptx,
      "Übernommene Ideen und Rückmeldungen",
      model.takenUpIdeas.map((idea) => [
        { text: `„${idea.title}“: ${idea.takenUpIn}`, level: 1 as const },
        ...(idea.note === null
          ? []
          : [{ text: `Begründung: ${idea.note}`, level: 2 as const }]),
      ]),
    );
  }

  if (model.priorities !== null) {
    bulletSlide(
      pptx,
      `Prioritäten in ${model.priorities.year}`,
      model.priorities.items.map((item) => [{ text: item, level: 1 as const }]),
    );
  }
  const output = await pptx.write({
    outputType: "nodebuffer",
    compression: true,
  });
  return Buffer.isBuffer(output) ? output : Buffer.from(output as Uint8Array);
}
