/**
 * The committee slides of a revision (Fortschreibung) as PPTX, as a revision is presented
 * to the committee: title, why the revision (the edition's foreword, a sentence a bullet),
 * overview with the shifts per reason, the priorities of the year with their projects,
 * then per action field the changes with notes and reasons ("Digitalisierungsstrategie:
 * Verzögerung aufgrund OZG-Aufwand") and the old versus the new timeline of the field,
 * drawn as native shapes (slide-timeline.ts) with its legend as text on the slide and its
 * description in the speaker notes. The model is built from the edition and its change
 * report; the renderer only places it on slides.
 */
import { plural } from "../../domain/plural.js";
import { loadPptxGenJS, type PptxGenJS, type Slide } from "./pptx-loader.js";
import type { ChangeReport } from "../../domain/edition/change-report.js";
import { pptxColour } from "./pptx-colour.js";
import {
  changedProjectsIn,
  isProjectChange,
  isShift,
  type CatalogueChange,
} from "../../domain/edition/catalogue-change.js";
import {
  describeChangeGerman,
  describeShiftCountGerman,
} from "../../i18n/change-description.js";
import { type Edition } from "../../domain/edition/edition.js";
import {
  cleanFragment,
  collectRemarks,
  phaseSentence,
} from "../../domain/period/period-sentence.js";
import {
  formatIsoDateGerman,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import { PERIOD_WORDS_DE } from "../../i18n/period-words.js";
import type { DocumentIdea } from "../catalogue/catalogue-document-model.js";
import type {
  TimelineComparison,
  TimelineComparisonRow,
} from "../../domain/edition/timeline-comparison.js";
import type { TimelineLegendEntry } from "../../domain/timeline/timeline-legend.js";
import { tint } from "../../domain/colour/field-colour.js";
import {
  placeComparison,
  PERMANENT_TINT,
  SLIDE_PRINT,
} from "../../domain/timeline/print-geometry.js";
import { fittingFontSize } from "./text-fit.js";
import {
  comparisonNotes,
  drawComparison,
  SLIDE_TIMELINE_HEIGHT_PX,
  slideChunks,
} from "./slide-timeline.js";

/** A field's old-versus-new timeline: the layout of its rows, their states' words and its legend. */
export interface FieldComparisonTimeline {
  readonly layout: TimelineComparison;
  /** Words after an added or removed project's name ("neu", "gestrichen"). */
  readonly stateLabel: (row: TimelineComparisonRow) => string | null;
  readonly legend: readonly TimelineLegendEntry[];
}

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
  /** Notes on the field's revision: its shifts per reason ("2 Verschiebungen wegen OZG-Aufwand"). */
  readonly notes: readonly string[];
  /** What the field's old-versus-new timeline shows, in words (its slides' speaker notes). */
  readonly timelineDescription: string;
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
  /** Why the revision: the edition's foreword in sentences (empty without one). */
  readonly why: readonly string[];
  readonly reasonCounts: readonly string[];
  readonly programmeChanges: readonly string[];
  readonly fields: readonly SlideField[];
  /** Ideas and feedback taken up in this edition (participation). */
  readonly takenUpIdeas: readonly DocumentIdea[];
  readonly priorities: {
    readonly year: number;
    readonly items: readonly string[];
    /** Per item, the projects it names with their periods ("1.1 Internet Relaunch – Relaunch: 2021–2022"). */
    readonly projects: readonly (readonly string[])[];
    /** The notes the projects' periods point to ("¹ Beginn im Katalog nicht genannt; …"). */
    readonly remarks: readonly string[];
  } | null;
}

/**
 * The sentences of a text, one bullet each: split after a full stop that follows a word
 * (not a number, as in "2. Fortschreibung") and precedes a capital.
 */
export function sentencesOf(text: string | null): readonly string[] {
  if (text === null) return [];
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[a-zäöüß)“”"][.!?])\s+(?=[A-ZÄÖÜ„])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
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
  const projects = new Map(
    listProjects(edition.catalogue).map(({ project }) => [
      project.slug,
      project,
    ]),
  );
  const asOf = parseIsoDate(edition.publishedOn);
  // Notes that recur at many phases are left out here, as the catalogue says them once.
  const remarks = collectRemarks(
    [...projects.values()].flatMap((project) => project.phases),
    PERIOD_WORDS_DE,
  );
  const fields: SlideField[] = [];
  if (report !== null) {
    const colours = new Map(
      report.after.impactAreas.flatMap((area) =>
        area.actionFields.map((field) => [field.id, field.colour] as const),
      ),
    );
    for (const field of report.diff.summary.byActionField) {
      if (field.changeCount === 0) continue;
      const changedProjects = changedProjectsIn(
        report.diff.changes,
        field.actionField.id,
      );
      // A flat programme's one structural area is never named.
      const heading = programme.levels.flat
        ? `${field.actionField.number} ${field.actionField.name}`
        : `${field.actionField.number} ${field.actionField.name} (${field.impactArea.name})`;
      const perReason = new Map<
        string,
        { key: string; label: string; count: number }
      >();
      for (const { changes } of changedProjects)
        for (const change of changes) {
          if (!isShift(change)) continue;
          const [reason] = report.reasons.get(change.key) ?? [];
          const key = reason?.category ?? "";
          const entry = perReason.get(key) ?? {
            key,
            label: reason?.categoryLabel ?? "",
            count: 0,
          };
          perReason.set(key, { ...entry, count: entry.count + 1 });
        }
      fields.push({
        key: field.actionField.key,
        heading,
        notes: [...perReason.values()].map((entry) =>
          entry.key === ""
            ? `${plural(entry.count, "Verschiebung", "Verschiebungen")} ohne Grund`
            : describeShiftCountGerman(entry.count, entry),
        ),
        colour: colours.get(field.actionField.id) ?? "#505a5f",
        counts: `${plural(field.changeCount, "Veränderung", "Veränderungen")}, davon ${plural(field.shiftCount, "Verschiebung", "Verschiebungen")}`,
        projects: changedProjects.map(({ title, changes }) => {
          const reasons = reasonsOf(report, changes);
          return {
            headline:
              reasons.length === 0 ? title : `${title}: ${reasons.join("; ")}`,
            details: changes.map((change) => describeChangeGerman(change)),
          };
        }),
        timelineDescription: `Zeitstrahl ${heading}: ${edition.title} verglichen mit der ${report.from.title}; ${plural(field.shiftCount, "Verschiebung", "Verschiebungen")}. Alte Zeiträume umrandet, neue ausgefüllt, Verschiebungen als Pfeile; die Veränderungen mit Gründen stehen auf der Folie davor.`,
      });
    }
  }
  const priorityProjects =
    year === null
      ? []
      : programme.priorities
          .filter((priority) => priority.year === year)
          .map((priority) =>
            priority.projectSlugs.flatMap((slug) => {
              const project = projects.get(slug);
              if (project === undefined) return [];
              const periods = project.phases.map((phase) =>
                phaseSentence(phase, PERIOD_WORDS_DE, { asOf, remarks }),
              );
              return [
                `${project.code} ${project.title}${periods.length === 0 ? "" : ` – ${periods.join("; ")}`}`,
              ];
            }),
          );
  const pointedTo = priorityProjects.flat().join(" ");
  return {
    municipalityName: edition.catalogue.municipality.name,
    programmeTitle: programme.title,
    editionTitle: edition.title,
    publishedOn: formatIsoDateGerman(edition.publishedOn),
    previousTitle: report?.from.title ?? null,
    why: sentencesOf(edition.foreword),
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
            projects: priorityProjects,
            remarks: remarks.lines.filter((line) =>
              pointedTo.includes(line.slice(0, 1)),
            ),
          },
  };
}

const FONT = "Liberation Sans";
const INK = "1B1F23";
const BRAND = "0D3466";
const WIDTH = 13.333;
const LINES_PER_SLIDE = 14;

function hex(colour: string): string {
  return pptxColour(colour, "505A5F");
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

/** Where a timeline begins on its slide, below the title. */
const TIMELINE_TOP = 1.3;
const LEGEND_FONT = 12;
const LEGEND_ROW = 0.32;
const LEGEND_SAMPLE_W = 0.42;

/** Where each legend entry stands: as many on a row as fit right of "Legende:". */
function legendLayout(
  entries: readonly TimelineLegendEntry[],
): { entry: TimelineLegendEntry; x: number; row: number; textW: number }[] {
  const placed: {
    entry: TimelineLegendEntry;
    x: number;
    row: number;
    textW: number;
  }[] = [];
  let x = 1.7;
  let row = 0;
  for (const entry of entries) {
    const textW = (entry.label.length * LEGEND_FONT * 0.52) / 72 + 0.15;
    const itemW = LEGEND_SAMPLE_W + 0.12 + textW + 0.25;
    if (x > 1.7 && x + itemW > WIDTH - 0.6) {
      x = 1.7;
      row += 1;
    }
    placed.push({ entry, x, row, textW });
    x += itemW;
  }
  return placed;
}

/** How many rows the legend takes. */
function legendRows(entries: readonly TimelineLegendEntry[]): number {
  return entries.length === 0
    ? 0
    : (legendLayout(entries).at(-1)?.row ?? 0) + 1;
}

/**
 * The key to a timeline as text on the slide (so it is read, searched and
 * translated with the slide): a small sample of each mark and its words, in rows.
 */
function legend(
  slide: Slide,
  entries: readonly TimelineLegendEntry[],
  colour: string,
  top: number,
): void {
  if (entries.length === 0) return;
  slide.addText("Legende:", {
    x: 0.6,
    y: top,
    w: 1.1,
    h: 0.3,
    fontFace: FONT,
    fontSize: LEGEND_FONT,
    bold: true,
    color: INK,
    lang: "de-DE",
    margin: 0,
  });
  const rowH = LEGEND_ROW;
  for (const { entry, x, row, textW } of legendLayout(entries)) {
    const y = top + row * rowH;
    const sampleW = LEGEND_SAMPLE_W;
    const box = { x, y: y + 0.08, w: sampleW - 0.12, h: 0.16 };
    const middle = y + 0.16;
    const bar = (fill: string, dashed = false) =>
      slide.addShape("rect", {
        ...box,
        fill: { color: fill },
        line: {
          color: colour,
          width: dashed ? 1.5 : 0.75,
          ...(dashed ? { dashType: "dash" as const } : {}),
        },
      });
    /** A line across the sample's middle (an open end, an arrow), in ink. */
    const line = (
      from: number,
      w: number,
      style: {
        readonly width: number;
        readonly dashType?: "sysDot";
        readonly endArrowType?: "triangle";
      },
    ) =>
      slide.addShape("line", {
        x: from,
        y: middle,
        w,
        h: 0,
        line: { color: INK, ...style },
      });
    const after = x + sampleW - 0.1;
    switch (entry.kind) {
      case "phase":
      case "new":
        bar(colour);
        break;
      case "permanent":
        bar(hex(tint(`#${colour}`, PERMANENT_TINT)));
        break;
      case "old":
        bar("FFFFFF", true);
        break;
      case "ongoing":
        bar(colour);
        line(after, 0.16, { width: 2, dashType: "sysDot" });
        break;
      case "open":
        bar(colour);
        line(after, 0.12, { width: 1.5, endArrowType: "triangle" });
        break;
      case "undecided":
        bar(colour);
        slide.addText("?", {
          x: after,
          y: y,
          w: 0.16,
          h: 0.32,
          fontFace: FONT,
          fontSize: LEGEND_FONT,
          bold: true,
          color: INK,
          margin: 0,
        });
        break;
      case "shift":
        line(x, sampleW - 0.06, { width: 2, endArrowType: "triangle" });
        break;
    }
    slide.addText(entry.label, {
      x: x + sampleW + 0.12,
      y,
      w: textW,
      h: rowH,
      fontFace: FONT,
      fontSize: LEGEND_FONT,
      color: INK,
      lang: "de-DE",
      margin: 0,
      valign: "middle",
    });
  }
}

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

/**
 * Places the deck on slides, in the order of a revision presented to the committee: title,
 * why the revision, overview, the priorities of the year, then per action field its changes
 * with notes and its old-versus-new timeline with legend, and the ideas taken up;
 * `timelines` holds each field's timeline by field key.
 */
export async function renderRevisionSlides(
  model: RevisionSlidesModel,
  timelines: ReadonlyMap<string, FieldComparisonTimeline>,
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
      model.previousTitle === null
        ? "erste Fassung, ohne frühere zum Vergleich"
        : `Veränderungen gegenüber der ${model.previousTitle}`,
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

  if (model.why.length > 0)
    bulletSlide(
      pptx,
      "Warum diese Fortschreibung?",
      model.why.map((sentence) => [{ text: sentence, level: 1 as const }]),
    );

  // A first edition has nothing to compare: the title slide says so, instead of an
  // overview slide holding that one sentence (kept only for a deck that has no other).
  if (model.previousTitle !== null || model.why.length === 0)
    bulletSlide(pptx, "Fortschreibung (Überblick)", [
      [
        { text: model.summary, level: 1 },
        ...model.reasonCounts.map((line) => ({
          text: line,
          level: 2 as const,
        })),
      ],
      ...model.programmeChanges.map((line) => [
        { text: line, level: 1 as const },
      ]),
    ]);

  if (model.priorities !== null) {
    const { priorities } = model;
    bulletSlide(pptx, `Prioritäten in ${priorities.year}`, [
      ...priorities.items.map((item, index) => [
        { text: item, level: 1 as const },
        ...(priorities.projects[index] ?? []).map((project) => ({
          text: project,
          level: 2 as const,
        })),
      ]),
      ...priorities.remarks.map((remark) => [
        { text: `Hinweis zum Zeitplan: ${remark}`, level: 2 as const },
      ]),
    ]);
  }

  for (const field of model.fields) {
    const groups: SlideGroup[] = [
      [
        { text: field.counts, level: 1 },
        ...field.notes.map((note) => ({ text: note, level: 2 as const })),
      ],
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
    const timeline = timelines.get(field.key);
    if (timeline === undefined) continue;
    const chunks = slideChunks(timeline.layout, timeline.stateLabel);
    chunks.forEach((chunk, part) => {
      const slide = pptx.addSlide({ masterName: MASTER });
      slideTitle(
        slide,
        `Alter und neuer Zeitstrahl: ${field.heading}${part === 0 ? "" : " (Fortsetzung)"}`,
        hex(field.colour),
      );
      const placed = placeComparison(chunk, SLIDE_PRINT, timeline.stateLabel);
      const maxW = WIDTH - 1.2;
      // The legend's rows stand between the timeline and the footer (at 7.05 in).
      const maxH = Math.min(
        (SLIDE_TIMELINE_HEIGHT_PX / SLIDE_PRINT.width) * maxW,
        7.0 - TIMELINE_TOP - 0.15 - legendRows(timeline.legend) * LEGEND_ROW,
      );
      const scale = Math.min(
        maxW / SLIDE_PRINT.width,
        maxH / Math.max(placed.height, 1),
      );
      drawComparison(slide, placed, { x: 0.6, y: TIMELINE_TOP, scale });
      legend(
        slide,
        timeline.legend,
        hex(field.colour),
        TIMELINE_TOP + placed.height * scale + 0.15,
      );
      // Shapes carry no alternative text in pptxgenjs (only pictures and charts do): the
      // description and each row's periods in words are the slide's notes (ADR 0057).
      slide.addNotes(
        [field.timelineDescription, ...comparisonNotes(placed)].join(" "),
      );
    });
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

  // Stored, not compressed: the package is compressed once when its bytes are fixed
  // (deterministicPackage), which reads it again anyway.
  const output = await pptx.write({
    outputType: "nodebuffer",
    compression: false,
  });
  return Buffer.isBuffer(output) ? output : Buffer.from(output as Uint8Array);
}
