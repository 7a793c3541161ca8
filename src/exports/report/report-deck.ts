/**
 * The status report as a slide deck (PPTX) in the manner of the committee presentations
 * it replaces (seed 002): a title slide with the as-of date, one section per action field
 * with a divider slide and a slide per project (status, text, highlights, new date, the
 * changes since the last report), figure slides, the OZG slides and the outlook.
 *
 * Charts are native PowerPoint charts with a title and alt text (the layout's summary
 * sentence), so they stay editable, readable by screen readers and sharp on a projector;
 * each figure slide also names the value, its as-of date and its definition in text.
 * The deck is built from the report document only: the same input always gives the same
 * slides, and a published report's deck shows what was published.
 */
import { plural } from "../../domain/plural.js";
import { de } from "../../i18n/de.js";
import {
  loadPptxGenJS,
  type PptxGenJS,
  type Slide,
} from "../pptx/pptx-loader.js";
import {
  formatGermanNumber,
  formatGermanSigned,
} from "../../domain/indicator/german-number.js";
import {
  formatGermanDate,
  formatIsoDate,
} from "../../domain/calendar/calendar.js";
import { layoutIndicatorChart } from "../../domain/indicator/indicator-chart.js";
import { figureChartSpec } from "./figure-chart.js";
import {
  formatFigureGerman,
  formatObservationGerman,
} from "../../domain/indicator/indicator.js";
import { pptxColour } from "../pptx/pptx-colour.js";
import { reportStatusLabel } from "../../domain/report/report-status.js";
import {
  hasOutlookSection,
  ozgProjectOf,
  reportBlocks,
  type ReportBlock,
  type ReportDocument,
  type ReportFigure,
  type ReportProjectEntry,
  type ReportSection,
} from "../../domain/report/report-document.js";
import {
  agendaItemLabel,
  type MinutesItem,
  type Presenter,
} from "../../domain/body/body.js";
import { formatSurveyValue } from "../../domain/report/report-free-sections.js";
import { layoutMaturityChart } from "../../domain/service/maturity-chart.js";
import type { OzgFigures } from "../../domain/service/ozg-figures.js";
import { fittingFontSize } from "../pptx/text-fit.js";

const BRAND = "0D3466";
const TEXT = "1B1F23";
const SECONDARY = "4B5257";
/** The colour of a key figure's target line, as on the portal. */
const TARGET = "00622E";
const FONT = "Liberation Sans";
const MASTER = "FORTSCHRITT_BERICHT";

/** The slide size (LAYOUT_WIDE, inches). */
const WIDTH = 13.333;
const CONTENT = { x: 0.6, y: 1.35, w: 12.1, h: 5.4 } as const;
/** Lines of 18-pt text that fit the content area. */
const LINES_PER_SLIDE = 13;
/** Characters of 18-pt text per line across the content width (a cautious estimate). */
const CHARS_PER_LINE = 95;

/** One paragraph of a content slide and how many lines it will take. */
interface Block {
  readonly text: string;
  readonly bullet: boolean;
  readonly bold?: boolean;
  readonly indent?: boolean;
}

function linesOf(block: Block): number {
  return Math.max(
    1,
    Math.ceil(
      block.text.length / (CHARS_PER_LINE - (block.indent === true ? 6 : 0)),
    ),
  );
}

/** A block as pptxgenjs text runs: its bullet (indented under the one above where asked), weight and spacing. */
function blockRun(block: Block, paraSpaceAfter: number) {
  return {
    text: block.text,
    options: {
      bullet: block.bullet
        ? block.indent === true
          ? { indent: 18 }
          : true
        : false,
      indentLevel: block.indent === true ? 1 : 0,
      bold: block.bold === true,
      breakLine: true,
      paraSpaceAfter,
    },
  };
}

/** Splits blocks into pages that fit a slide. */
function paginate(blocks: readonly Block[]): Block[][] {
  const pages: Block[][] = [[]];
  let used = 0;
  for (const block of blocks) {
    const lines = linesOf(block);
    if (
      used + lines > LINES_PER_SLIDE &&
      (pages[pages.length - 1]?.length ?? 0) > 0
    ) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]?.push(block);
    used += lines;
  }
  return pages;
}

function hex(colour: string): string {
  return pptxColour(colour, BRAND);
}

/**
 * The title (and subtitle) of a content slide, sized to its box when the slide is built
 * (LibreOffice ignores PowerPoint's shrink-on-overflow): one line from 26 down to 20 pt;
 * a longer title takes two lines in a taller box that ends where the subtitle begins.
 */
function addTitle(slide: Slide, title: string, subtitle?: string): void {
  const oneLine = fittingFontSize(title, {
    width: CONTENT.w,
    height: 0.6,
    maxSize: 26,
    minSize: 20,
    bold: true,
  });
  const box = oneLine.fits
    ? { y: 0.55, h: 0.6, fontSize: oneLine.fontSize }
    : {
        y: 0.36,
        h: 0.69,
        fontSize: fittingFontSize(title, {
          width: CONTENT.w,
          height: 0.69,
          maxSize: 20,
          minSize: 14,
          bold: true,
        }).fontSize,
      };
  slide.addText(title, {
    x: CONTENT.x,
    y: box.y,
    w: CONTENT.w,
    h: box.h,
    fontFace: FONT,
    fontSize: box.fontSize,
    bold: true,
    color: BRAND,
    valign: oneLine.fits ? "top" : "bottom",
  });
  if (subtitle !== undefined) {
    slide.addText(subtitle, {
      x: CONTENT.x,
      y: 1.05,
      w: CONTENT.w,
      h: 0.35,
      fontFace: FONT,
      fontSize: fittingFontSize(subtitle, {
        width: CONTENT.w,
        height: 0.35,
        maxSize: 14,
        minSize: 10,
      }).fontSize,
      color: SECONDARY,
      valign: "top",
    });
  }
}

function addBlocks(
  slide: Slide,
  blocks: readonly Block[],
  top: number = CONTENT.y + 0.2,
): void {
  if (blocks.length === 0) return;
  slide.addText(
    blocks.map((block) => blockRun(block, 4)),
    {
      x: CONTENT.x,
      y: top,
      w: CONTENT.w,
      h: CONTENT.y + CONTENT.h - top,
      fontFace: FONT,
      fontSize: 18,
      color: TEXT,
      valign: "top",
    },
  );
}

/** The column of text to the right of a chart or figure tile: what it shows and where it comes from. */
function addSideText(slide: Slide, blocks: readonly Block[]): void {
  slide.addText(
    blocks.map((block) => blockRun(block, 6)),
    {
      x: 8.5,
      y: CONTENT.y + 0.2,
      w: 4.3,
      h: 5.1,
      fontFace: FONT,
      fontSize: 14,
      color: TEXT,
      valign: "top",
    },
  );
}

/** A light panel with the brand's bar on its left, as the figure tiles have it. */
function addPanel(
  slide: Slide,
  box: { x: number; y: number; w: number; h: number },
): void {
  slide.addShape("rect", {
    ...box,
    fill: { color: "F3F5F7" },
    line: { color: "D7DADC", width: 0.75 },
  });
  slide.addShape("rect", {
    x: box.x,
    y: box.y,
    w: 0.1,
    h: box.h,
    fill: { color: BRAND },
    line: { color: BRAND, width: 0 },
  });
}

/**
 * Cards side by side or one above the other, sharing the content area: each a panel with
 * an optional heading and its paragraphs (shrunk to the card should they not fit).
 */
function addCards(
  slide: Slide,
  cards: readonly {
    readonly heading?: string;
    readonly blocks: readonly Block[];
  }[],
  direction: "rows" | "columns",
  fontSize = 16,
  top = CONTENT.y + 0.15,
): void {
  const gap = 0.25;
  const height = CONTENT.y + CONTENT.h - top;
  const n = Math.max(1, cards.length);
  const share = (height - gap * (n - 1)) / n;
  // Cards one above the other are as tall as their text (up to an equal share).
  const tall = (card: (typeof cards)[number]) =>
    Math.min(
      share,
      0.4 +
        (card.heading === undefined ? 0 : ((fontSize + 2) / 72) * 1.5) +
        card.blocks.reduce((sum, block) => sum + linesOf(block), 0) *
          (fontSize / 72) *
          1.45,
    );
  let next = top;
  cards.forEach((card, index) => {
    const h = tall(card);
    const y = next;
    next += h + gap;
    const box =
      direction === "rows"
        ? { x: CONTENT.x, y, w: CONTENT.w, h }
        : {
            x: CONTENT.x + index * ((CONTENT.w - gap * (n - 1)) / n + gap),
            y: top,
            w: (CONTENT.w - gap * (n - 1)) / n,
            h: height,
          };
    addPanel(slide, box);
    slide.addText(
      [
        ...(card.heading === undefined
          ? []
          : [
              {
                text: card.heading,
                options: {
                  bold: true,
                  color: BRAND,
                  fontSize: fontSize + 2,
                  breakLine: true,
                  paraSpaceAfter: 6,
                },
              },
            ]),
        ...card.blocks.map((block) => blockRun(block, 4)),
      ],
      {
        x: box.x + 0.25,
        y: box.y + 0.12,
        w: box.w - 0.4,
        h: box.h - 0.24,
        fontFace: FONT,
        fontSize,
        color: TEXT,
        valign: "top",
        fit: "shrink",
      },
    );
  });
}

function defineMaster(pptx: PptxGenJS, document: ReportDocument): void {
  const footer = `${numberedTitle(document)} – ${document.meeting.committeeAbbreviation} ${formatGermanDate(document.meeting.day)} – Stand: ${formatGermanDate(document.asOf)}`;
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: "FFFFFF" },
    objects: [
      { rect: { x: 0, y: 0, w: WIDTH, h: 0.32, fill: { color: BRAND } } },
      {
        text: {
          text: `${document.municipality.name} · ${document.programmeTitle}`,
          options: {
            x: 0.6,
            y: 0.02,
            w: 9,
            h: 0.28,
            fontFace: FONT,
            fontSize: 11,
            color: "FFFFFF",
          },
        },
      },
      {
        text: {
          text: footer,
          options: {
            x: 0.6,
            y: 7.05,
            w: 10.5,
            h: 0.3,
            fontFace: FONT,
            fontSize: 10,
            color: SECONDARY,
          },
        },
      },
    ],
    slideNumber: {
      x: 12.2,
      y: 7.05,
      w: 0.6,
      h: 0.3,
      fontFace: FONT,
      fontSize: 10,
      color: SECONDARY,
    },
  });
}

/**
 * The meeting as it was held, read live (the minutes are written after the meeting): the
 * agenda item and paper and the presenters on the title slide, questions and answers on
 * slides of their own at the end.
 */
export interface DeckMeeting {
  readonly agendaItemNumber: string | null;
  readonly agendaItemTitle: string | null;
  readonly paperReference: string | null;
  readonly presenters: readonly Presenter[];
  readonly minutes: readonly MinutesItem[];
}

/** "Vortrag: Anna Beispiel (Chief Digital Officer), Ben Muster". */
export function presentersLine(presenters: readonly Presenter[]): string {
  return `Vortrag: ${presenters
    .map((presenter) =>
      presenter.function === ""
        ? presenter.name
        : `${presenter.name} (${presenter.function})`,
    )
    .join(", ")}`;
}

/** The committee's questions and the answers given, on as many slides as they need. */
function questionSlides(pptx: PptxGenJS, meeting: DeckMeeting): void {
  if (meeting.minutes.length === 0) return;
  const heading = "Fragen und Antworten";
  pptx.addSection({ title: heading });
  textSlides(
    pptx,
    heading,
    meeting.minutes.flatMap((item): Block[] => [
      { text: `Frage: ${item.question}`, bullet: false, bold: true },
      { text: `Antwort: ${item.answer}`, bullet: false },
    ]),
  );
}

/** The report's title with its number in the municipality, as the portal names it. */
function numberedTitle(document: ReportDocument): string {
  return document.number === undefined
    ? document.title
    : de.reports.numberedTitle(document.title, document.number);
}

function titleSlide(
  pptx: PptxGenJS,
  document: ReportDocument,
  meeting: DeckMeeting | null,
): void {
  const slide = pptx.addSlide({
    masterName: MASTER,
    sectionTitle: "Einleitung",
  });
  const title = numberedTitle(document);
  slide.addText(title, {
    x: 0.9,
    y: 1.6,
    w: 11.5,
    h: 1.0,
    fontFace: FONT,
    fontSize: fittingFontSize(title, {
      width: 11.5,
      height: 1.0,
      maxSize: 40,
      minSize: 28,
      bold: true,
    }).fontSize,
    bold: true,
    color: BRAND,
  });
  slide.addText(meetingLine(document.meeting), {
    x: 0.9,
    y: 2.6,
    w: 11.5,
    h: 0.6,
    fontFace: FONT,
    fontSize: 24,
    color: TEXT,
  });
  const lines: Block[] = [
    {
      text: `Stand: ${formatGermanDate(document.asOf)}`,
      bullet: true,
      bold: true,
    },
  ];
  if (meeting !== null) {
    const agenda = agendaItemLabel(meeting);
    if (agenda !== null) lines.push({ text: agenda, bullet: true });
    if (meeting.paperReference !== null)
      lines.push({ text: `Vorlage ${meeting.paperReference}`, bullet: true });
    if (meeting.presenters.length > 0)
      lines.push({ text: presentersLine(meeting.presenters), bullet: true });
  }
  if (document.previous !== null) {
    lines.push({
      text: "Es werden Veränderungen zum letzten Sachstandsbericht dargestellt.",
      bullet: true,
    });
    lines.push({
      text: `Letzter Sachstandsbericht vom ${formatGermanDate(document.previous.meetingDay)} (${document.previous.committeeAbbreviation}, Stand ${formatGermanDate(document.previous.asOf)})`,
      bullet: true,
    });
  }
  for (const edition of document.editions ?? []) {
    lines.push({
      text: `Seitdem veröffentlicht: ${edition.title} (${formatGermanDate(edition.publishedOn)})`,
      bullet: true,
    });
  }
  if (document.publishedAt === null)
    lines.push({
      text: "Entwurf – nicht veröffentlicht",
      bullet: true,
      bold: true,
    });
  addBlocks(slide, lines, 3.6);
}

/** Rows of the overview's project table per slide. */
const OVERVIEW_ROWS = 14;

/**
 * The overview: the status counts and the sections in a panel, beside them every project
 * of the report with its status, continued on a second slide for a long report.
 */
function overviewSlide(pptx: PptxGenJS, document: ReportDocument): void {
  const rows = document.statusSummary.counts.filter((count) => count.count > 0);
  const blocks: Block[] = rows.map((count) => ({
    text: `${count.label}: ${plural(count.count, "Projekt", "Projekte")}`,
    bullet: true,
  }));
  if (document.statusSummary.withoutStatus > 0) {
    blocks.push({
      text: `ohne Status: ${document.statusSummary.withoutStatus}`,
      bullet: true,
    });
  }
  blocks.push({ text: "Abschnitte:", bullet: false, bold: true });
  for (const section of document.sections) {
    blocks.push({
      text: `${section.name} (${plural(section.projects.length, "Projekt", "Projekte")})`,
      bullet: true,
      indent: true,
    });
  }
  if (outlookOnOverview(document))
    blocks.push(
      { text: "Ausblick:", bullet: false, bold: true },
      ...document.outlook.map((item) => ({
        text: `${item.when}: ${item.what}`,
        bullet: true,
        indent: true,
      })),
    );
  const projects = document.sections.flatMap((section) =>
    section.projects.map((project) => [
      `${project.code} ${project.title}`,
      project.status === null ? "fehlt" : reportStatusLabel(project.status),
    ]),
  );
  const chunks: string[][][] = [];
  for (let start = 0; start < projects.length; start += OVERVIEW_ROWS)
    chunks.push(projects.slice(start, start + OVERVIEW_ROWS));
  if (chunks.length === 0) chunks.push([]);
  chunks.forEach((chunk, index) => {
    const slide = pptx.addSlide({
      masterName: MASTER,
      sectionTitle: "Einleitung",
    });
    addTitle(
      slide,
      index === 0 ? "Überblick" : "Überblick (Fortsetzung)",
      `Status der Projekte im Bericht, Stand ${formatGermanDate(document.asOf)}`,
    );
    const panel = { x: CONTENT.x, y: CONTENT.y + 0.15, w: 4.3, h: 5.25 };
    addPanel(slide, panel);
    slide.addText(
      paginate(blocks)[0]!.map((block) => blockRun(block, 4)),
      {
        x: panel.x + 0.25,
        y: panel.y + 0.12,
        w: panel.w - 0.4,
        h: panel.h - 0.24,
        fontFace: FONT,
        fontSize: 16,
        color: TEXT,
        valign: "top",
        fit: "shrink",
      },
    );
    if (chunk.length > 0)
      addTable(
        slide,
        [["Projekt", "Status"], ...chunk],
        { x: CONTENT.x + 4.6, y: CONTENT.y + 0.15, w: CONTENT.w - 4.6 },
        [5.2, CONTENT.w - 4.6 - 5.2],
        [false, false],
        false,
        chunk.length > 10 ? 12 : 14,
      );
  });
}

/** Where a section's band and its two lines stand on a slide (inches, points). */
interface BandLayout {
  readonly band: { readonly y: number; readonly h: number };
  readonly x: number;
  readonly w: number;
  readonly name: {
    readonly y: number;
    readonly h: number;
    readonly size: number;
  };
  readonly level: {
    readonly y: number;
    readonly h: number;
    readonly size: number;
  };
}

/** A slide of the section with its band in the section's colour: its name, and its level below. */
function bandSlide(
  pptx: PptxGenJS,
  section: ReportSection,
  layout: BandLayout,
): Slide {
  const slide = pptx.addSlide({
    masterName: MASTER,
    sectionTitle: section.name,
  });
  slide.addShape("rect", {
    x: 0,
    y: layout.band.y,
    w: WIDTH,
    h: layout.band.h,
    fill: { color: hex(section.colour) },
    line: { color: hex(section.colour) },
  });
  slide.addText(section.name, {
    x: layout.x,
    y: layout.name.y,
    w: layout.w,
    h: layout.name.h,
    fontFace: FONT,
    fontSize: layout.name.size,
    bold: true,
    color: "FFFFFF",
  });
  const level = `${section.levelName ?? "Aktionsfeld"} ${section.number}`;
  slide.addText(
    section.impactAreaName === ""
      ? level
      : `${section.impactAreaName} · ${level}`,
    {
      x: layout.x,
      y: layout.level.y,
      w: layout.w,
      h: layout.level.h,
      fontFace: FONT,
      fontSize: layout.level.size,
      color: "FFFFFF",
    },
  );
  return slide;
}

function dividerSlide(pptx: PptxGenJS, section: ReportSection): void {
  bandSlide(pptx, section, {
    band: { y: 2.6, h: 1.9 },
    x: 0.9,
    w: 11.5,
    name: { y: 2.75, h: 1.0, size: 40 },
    level: { y: 3.7, h: 0.5, size: 18 },
  });
}

/** A section's band (as on its divider) with its few short entries in cards below. */
function openingSlide(
  pptx: PptxGenJS,
  section: ReportSection,
  document: ReportDocument,
): void {
  const slide = bandSlide(pptx, section, {
    band: { y: 0.55, h: 1.5 },
    x: 0.6,
    w: 12.1,
    name: { y: 0.65, h: 0.8, size: 32 },
    level: { y: 1.45, h: 0.45, size: 16 },
  });
  addCards(
    slide,
    section.projects.map((project) => ({
      heading: `${project.code} ${project.title}`,
      blocks: projectBlocks(project, document),
    })),
    "rows",
    16,
    2.35,
  );
  slide.addNotes(section.projects.map(projectNotes).join("\n\n"));
}

function projectBlocks(
  project: ReportProjectEntry,
  document: ReportDocument,
): Block[] {
  const blocks: Block[] = [
    {
      text: `Status: ${project.status === null ? "fehlt" : reportStatusLabel(project.status)}${project.isUnchanged ? " – unverändert seit dem letzten Bericht" : ""}`,
      bullet: false,
      bold: true,
    },
  ];
  if (project.text !== "") blocks.push({ text: project.text, bullet: false });
  for (const line of project.highlights)
    blocks.push({ text: line, bullet: true });
  if (project.newDateLabel !== null)
    blocks.push({
      text: `Neuer Termin: ${project.newDateLabel}`,
      bullet: true,
      bold: true,
    });
  if (document.previous !== null && project.changes.length > 0) {
    blocks.push({
      text: `Veränderungen seit dem ${formatGermanDate(document.previous.asOf)}:`,
      bullet: false,
      bold: true,
    });
    for (const change of project.changes)
      blocks.push({ text: change.text, bullet: true, indent: true });
  }
  // Figures follow on slides of their own, each with its value, as-of date and definition.
  return blocks;
}

/** The speaker's notes of a project's slides: the entry's text in full, with its highlights. */
export function projectNotes(project: ReportProjectEntry): string {
  return [
    `${project.code} ${project.title}`,
    project.text,
    ...project.highlights.map((line) => `– ${line}`),
    ...(project.newDateLabel === null
      ? []
      : [`Neuer Termin: ${project.newDateLabel}`]),
  ]
    .filter((line) => line.trim() !== "")
    .join("\n");
}

/**
 * "Ausschuss für Planung und Digitalisierung (APD), Sitzung am 29.11.2022": the body in
 * full on the title slide, its abbreviation in brackets.
 */
export function meetingLine(meeting: ReportDocument["meeting"]): string {
  const day = formatGermanDate(meeting.day);
  const name = meeting.committeeName.trim();
  const abbreviation = meeting.committeeAbbreviation.trim();
  const body =
    name === "" || name === abbreviation
      ? abbreviation
      : abbreviation === "" ||
          new RegExp(
            `\\b${abbreviation.replace(/[^\p{L}\p{N}]/gu, "")}\\b`,
            "u",
          ).test(name)
        ? name
        : `${name} (${abbreviation})`;
  return body === "" ? `Sitzung am ${day}` : `${body}, Sitzung am ${day}`;
}

/**
 * A number format fixed in the file, German whatever the viewer's locale: thousands as
 * literal dots for whole numbers ("1.610"), decimals with the German locale tag, which
 * LibreOffice honours ("21,2").
 */
export function germanFormatCode(decimals: number): string {
  if (decimals <= 0) return '[>=1000000]#"."000"."000;[>=1000]#"."000;0';
  return `[$-407]#,##0.${"0".repeat(decimals)}`;
}

/**
 * The change of a figure since the last report: "Veränderung seit dem 05.11.2021: +220 – damals 1.200",
 * "unverändert seit dem 05.11.2021", and "neu seit dem 05.11.2021" when it was zero then:
 * a rise from nothing is no change worth a sign.
 */
export function figureChangeText(
  figure: ReportFigure,
  change: NonNullable<ReportFigure["change"]>,
  previousAsOf: number,
): string {
  const since = formatGermanDate(previousAsOf);
  if (change.from === null || change.absolute === null)
    return `Erstmals erfasst seit dem ${since}`;
  if (change.absolute === 0) return `Unverändert seit dem ${since}`;
  if (change.from.value === 0)
    return `Neu seit dem ${since} (damals noch keine)`;
  return `Veränderung seit dem ${since}: ${formatGermanSigned(change.absolute)} – damals ${formatObservationGerman(change.from, figure.indicator)}`;
}

function projectSlides(
  pptx: PptxGenJS,
  section: ReportSection,
  project: ReportProjectEntry,
  document: ReportDocument,
): void {
  const pages = paginate(projectBlocks(project, document));
  pages.forEach((page, index) => {
    const slide = pptx.addSlide({
      masterName: MASTER,
      sectionTitle: section.name,
    });
    addTitle(
      slide,
      `${project.code} ${project.title}${index === 0 ? "" : " (Fortsetzung)"}`,
      section.name,
    );
    addBlocks(slide, page);
    slide.addNotes(projectNotes(project));
  });
  projectFigureSlides(pptx, section, project, document);
}

/** The lines of 18-pt text up to which a project shares a slide with others of its section. */
const SHORT_PROJECT_LINES = 3;
/** Short projects on one slide at most. */
const PROJECTS_PER_SLIDE = 3;

/** Whether a project's entry is short enough to share a slide (a status and a sentence or two). */
function isShortProject(
  project: ReportProjectEntry,
  document: ReportDocument,
): boolean {
  return (
    projectBlocks(project, document).reduce(
      (sum, block) => sum + linesOf(block),
      0,
    ) <= SHORT_PROJECT_LINES
  );
}

/**
 * Short projects of a section on one slide, each in a card under its own name (a single
 * one under the slide's title); their figures follow.
 */
function projectGroupSlide(
  pptx: PptxGenJS,
  section: ReportSection,
  projects: readonly ReportProjectEntry[],
  document: ReportDocument,
): void {
  const slide = pptx.addSlide({
    masterName: MASTER,
    sectionTitle: section.name,
  });
  const only = projects.length === 1 ? projects[0] : undefined;
  if (only !== undefined) {
    addTitle(slide, `${only.code} ${only.title}`, section.name);
    addCards(slide, [{ blocks: projectBlocks(only, document) }], "rows", 18);
  } else {
    addTitle(
      slide,
      section.name,
      `Projekte ${projects.map((project) => project.code).join(", ")}`,
    );
    addCards(
      slide,
      projects.map((project) => ({
        heading: `${project.code} ${project.title}`,
        blocks: projectBlocks(project, document),
      })),
      "rows",
    );
  }
  slide.addNotes(projects.map(projectNotes).join("\n\n"));
}

function projectFigureSlides(
  pptx: PptxGenJS,
  section: ReportSection,
  project: ReportProjectEntry,
  document: ReportDocument,
): void {
  // Several figures of a project (the followers of each social-media channel) stand
  // together in one table; only those with a history to draw get a chart slide of their own.
  const charted =
    project.figures.length < 2
      ? project.figures
      : project.figures.filter((figure) => hasChart(figure, document));
  if (project.figures.length >= 2)
    figureTableSlide(pptx, section.name, project, document);
  for (const figure of charted)
    figureSlide(pptx, section.name, figure, document);
}

/** Whether a figure has more than one value to draw by the report's date. */
function hasChart(figure: ReportFigure, document: ReportDocument): boolean {
  return (
    layoutIndicatorChart({
      indicator: figure.indicator,
      words: de.reports.chartWords,
      observations: figure.observations,
      asOf: document.asOf,
    }).presentation === "chart"
  );
}

const TABLE_HEADER = {
  bold: true,
  color: "FFFFFF",
  fill: { color: BRAND },
} as const;

/** A table of German text, header row first, in the deck's font; numbers right-aligned. */
function addTable(
  slide: Slide,
  rows: readonly (readonly string[])[],
  box: { x: number; y: number; w: number },
  colW: readonly number[],
  numeric: readonly boolean[],
  totalRow = false,
  fontSize = 16,
): void {
  slide.addTable(
    rows.map((row, index) =>
      row.map((text, column) => ({
        text,
        options: {
          ...(index === 0 ? TABLE_HEADER : {}),
          ...(totalRow && index === rows.length - 1 ? { bold: true } : {}),
          align:
            numeric[column] === true ? ("right" as const) : ("left" as const),
        },
      })),
    ),
    {
      ...box,
      colW: [...colW],
      fontFace: FONT,
      fontSize,
      color: TEXT,
      border: { type: "solid", pt: 0.75, color: "B1B4B6" },
      valign: "middle",
      margin: 0.06,
      autoPage: false,
    },
  );
}

/** Up to this many figures of a project stand as tiles; more as a table. */
const MAX_TILES = 4;

/** The figures of one project on one slide, as tiles or a table: each with its value, date and change. */
function figureTableSlide(
  pptx: PptxGenJS,
  sectionTitle: string,
  project: ReportProjectEntry,
  document: ReportDocument,
): void {
  const slide = pptx.addSlide({ masterName: MASTER, sectionTitle });
  addTitle(
    slide,
    `Kennzahlen: ${project.code} ${project.title}`,
    `Stand: ${formatGermanDate(document.asOf)}`,
  );
  const facts = project.figures.map((figure) => {
    const change = figure.change;
    return {
      name: figure.indicator.name,
      value: formatFigureGerman(figure.indicator, figure.current),
      day: formatGermanDate(figure.current.day),
      change:
        document.previous !== null &&
        change?.from != null &&
        change.absolute !== null
          ? figureChangeText(figure, change, document.previous.asOf)
          : null,
    };
  });
  if (facts.length <= MAX_TILES) {
    // Tiles: the number large, what it counts, its date and its change.
    const columns = facts.length === 4 ? 2 : facts.length;
    const rows = Math.ceil(facts.length / columns);
    const gap = 0.3;
    const w = (CONTENT.w - gap * (columns - 1)) / columns;
    const h = Math.min(3.6, (CONTENT.h - 0.2 - gap * (rows - 1)) / rows);
    facts.forEach((fact, index) => {
      const x = CONTENT.x + (index % columns) * (w + gap);
      const y = CONTENT.y + 0.2 + Math.floor(index / columns) * (h + gap);
      slide.addShape("rect", {
        x,
        y,
        w,
        h,
        fill: { color: "F3F5F7" },
        line: { color: "D7DADC", width: 0.75 },
      });
      slide.addShape("rect", {
        x,
        y,
        w: 0.1,
        h,
        fill: { color: BRAND },
        line: { color: BRAND, width: 0 },
      });
      slide.addText(
        [
          {
            text: fact.value,
            options: {
              fontSize: 26,
              bold: true,
              color: BRAND,
              breakLine: true,
            },
          },
          {
            text: fact.name,
            options: { fontSize: 16, bold: true, breakLine: true },
          },
          {
            text: `Stand: ${fact.day}`,
            options: { fontSize: 14, color: SECONDARY, breakLine: true },
          },
          ...(fact.change === null
            ? []
            : [
                {
                  text: fact.change,
                  options: { fontSize: 14, breakLine: true },
                },
              ]),
        ].map((run) => ({
          ...run,
          options: { ...run.options, paraSpaceAfter: 8 },
        })),
        {
          x: x + 0.25,
          y: y + 0.15,
          w: w - 0.4,
          h: h - 0.3,
          fontFace: FONT,
          color: TEXT,
          valign: "top",
          fit: "shrink",
        },
      );
    });
  } else {
    const withChange = document.previous !== null;
    addTable(
      slide,
      [
        ["Kennzahl", "Wert", "Stand", ...(withChange ? ["Veränderung"] : [])],
        ...facts.map((fact) => [
          fact.name,
          fact.value,
          fact.day,
          ...(withChange ? [fact.change ?? "–"] : []),
        ]),
      ],
      { x: CONTENT.x, y: CONTENT.y + 0.1, w: CONTENT.w },
      withChange ? [4.3, 1.9, 1.5, 4.4] : [6.2, 3.0, 2.9],
      withChange ? [false, true, false, false] : [false, true, false],
    );
  }
  slide.addNotes(
    project.figures
      .map(
        (figure) =>
          `${figure.indicator.name}: ${formatFigureGerman(figure.indicator, figure.current)} (Quelle: ${figure.indicator.source})`,
      )
      .join("\n"),
  );
}

function figureSlide(
  pptx: PptxGenJS,
  sectionTitle: string,
  figure: ReportFigure,
  document: ReportDocument,
): void {
  const chart = layoutIndicatorChart({
    indicator: figure.indicator,
    words: de.reports.chartWords,
    observations: figure.observations,
    asOf: document.asOf,
  });
  const slide = pptx.addSlide({ masterName: MASTER, sectionTitle });
  addTitle(slide, figure.indicator.name, sectionTitle);
  const spec = figureChartSpec(chart, figure.indicator);
  if (spec !== null) {
    slide.addChart(
      spec.kind === "bar" ? pptx.ChartType.bar : pptx.ChartType.line,
      spec.series.map((series) => ({
        name: series.name,
        labels: [...series.labels],
        values: [...series.values],
      })) as never,
      {
        x: CONTENT.x,
        y: CONTENT.y + 0.1,
        w: 7.6,
        h: 5.2,
        title: `${chart.title} (${chart.asOfLabel})`,
        showTitle: true,
        titleFontFace: FONT,
        titleFontSize: 14,
        titleColor: TEXT,
        altText: chart.summary,
        chartColors: spec.hasTarget ? [BRAND, TARGET] : [BRAND],
        showLegend: spec.hasTarget,
        legendPos: "b",
        legendFontFace: FONT,
        legendFontSize: 11,
        showValue: spec.kind === "bar",
        dataLabelFormatCode: spec.labelFormat,
        dataLabelPosition: "outEnd",
        valAxisLabelFormatCode: spec.valueFormat,
        dataLabelFontSize: 11,
        valAxisMinVal: spec.valueMin,
        valAxisMaxVal: spec.valueMax,
        ...(spec.valueStep === null
          ? {}
          : { valAxisMajorUnit: spec.valueStep }),
        valAxisTitle: chart.yAxisLabel,
        showValAxisTitle: true,
        valAxisLabelFontSize: 11,
        // A date axis: values stand at their days, so the time axis is proportional.
        catLabelFormatCode: spec.dateFormat,
        catAxisMinVal: spec.axisStart,
        catAxisMaxVal: spec.axisEnd,
        // Bars are one base unit wide: a day would be a hairline over a year.
        catAxisBaseTimeUnit: spec.kind === "bar" ? spec.timeUnit : "days",
        catAxisMajorTimeUnit: spec.timeUnit,
        catAxisMajorUnit: spec.majorUnit,
        catAxisLabelFontSize: 11,
        displayBlanksAs: "span",
        barGapWidthPct: 50,
        lineDataSymbol: "circle",
        lineDataSymbolSize: 8,
        lang: "de-DE",
      },
    );
    slide.addNotes(chart.summary);
  } else if (chart.presentation === "number" && chart.currentLabel !== null) {
    // One value: a big number with its Stand on a tile, never a one-bar chart.
    addPanel(slide, { x: CONTENT.x, y: CONTENT.y + 0.15, w: 7.6, h: 5.25 });
    slide.addText(
      [
        {
          text: chart.currentLabel,
          options: { fontSize: 54, bold: true, color: BRAND, breakLine: true },
        },
        {
          text:
            figure.indicator.kind === "percent" ||
            figure.indicator.kind === "ratio"
              ? chart.asOfLabel
              : `${figure.indicator.unit} – ${chart.asOfLabel}`,
          options: { fontSize: 18, color: SECONDARY, breakLine: true },
        },
        ...(chart.targetLabel === null
          ? []
          : [
              {
                text: chart.targetLabel,
                options: { fontSize: 16, color: SECONDARY },
              },
            ]),
      ],
      {
        x: CONTENT.x + 0.4,
        y: CONTENT.y + 0.6,
        w: 7.0,
        h: 3.6,
        fontFace: FONT,
        valign: "middle",
        align: "left",
      },
    );
  }
  const blocks: Block[] = [
    {
      text: formatFigureGerman(figure.indicator, figure.current),
      bullet: false,
      bold: true,
    },
    { text: `Stand: ${formatGermanDate(figure.current.day)}`, bullet: false },
  ];
  if (chart.targetLabel !== null)
    blocks.push({ text: chart.targetLabel, bullet: false });
  for (const part of chart.breakdown?.parts ?? []) {
    blocks.push({
      text: `${part.label}: ${part.valueLabel}${part.shareLabel === null ? "" : ` (${part.shareLabel})`}`,
      bullet: true,
    });
  }
  const change = figure.change;
  if (
    document.previous !== null &&
    change?.from != null &&
    change.absolute !== null
  ) {
    blocks.push({
      text: figureChangeText(figure, change, document.previous.asOf),
      bullet: false,
    });
  }
  blocks.push({
    text: `Was gezählt wird: ${figure.indicator.definition}`,
    bullet: false,
  });
  blocks.push({ text: `Quelle: ${figure.indicator.source}`, bullet: false });
  blocks.push({
    text: `Verantwortlich: ${figure.indicator.owner}`,
    bullet: false,
  });
  addSideText(slide, blocks);
}

function ozgLine(count: number, text: string): Block {
  return { text: `${formatGermanNumber(count)} ${text}`, bullet: true };
}

/**
 * The OZG slides; `sectionTitle` is the action field they stand in, or none for a section
 * of their own after the fields.
 */
function ozgSlides(
  pptx: PptxGenJS,
  document: ReportDocument,
  sectionTitle?: string,
): void {
  const ozg = document.ozg;
  if (ozg === null) return;
  const f = ozg.figures;
  const asOf = formatGermanDate(document.asOf);
  const title = "Umsetzung Onlinezugangsgesetz (OZG)";
  const section = sectionTitle ?? title;
  if (sectionTitle === undefined) pptx.addSection({ title });
  const first = pptx.addSlide({ masterName: MASTER, sectionTitle: section });
  addTitle(first, title, `Stand: ${asOf} – aus dem OZG-Leistungsverzeichnis`);
  addBlocks(first, [
    ozgLine(
      f.defined,
      `OZG-Leistungen wurden für die ${document.municipality.name} definiert`,
    ),
    ozgLine(f.implemented, "OZG-Leistungen umgesetzt"),
    { text: "Davon:", bullet: false, bold: true },
    {
      ...ozgLine(
        f.withFrontEndAndBackEnd,
        "OZG-Leistungen umgesetzt mit Front-End + Back-End",
      ),
      indent: true,
    },
    {
      ...ozgLine(f.frontEndOnly, "OZG-Leistungen umgesetzt mit Front-End"),
      indent: true,
    },
    {
      ...ozgLine(f.withEPayment, "OZG-Leistungen online – E-Payment-Funktion"),
      indent: true,
    },
    {
      ...ozgLine(f.withEId, "OZG-Leistungen online – eID-Anbindung"),
      indent: true,
    },
  ]);

  const second = pptx.addSlide({ masterName: MASTER, sectionTitle: section });
  addTitle(second, title, `Zugangswege und Online-Anträge, Stand: ${asOf}`);
  const number = formatGermanNumber;
  addTable(
    second,
    [
      ["Zugangsweg", "Umgesetzte OZG-Leistungen"],
      ...f.byChannelGroup.map((group) => [group.label, number(group.count)]),
      ...(f.implementedWithoutChannel > 0
        ? [["Zugangsweg nicht angegeben", number(f.implementedWithoutChannel)]]
        : []),
      ["Umgesetzt insgesamt", number(f.implemented)],
    ],
    { x: CONTENT.x, y: CONTENT.y + 0.1, w: 5.9 },
    [3.3, 2.6],
    [false, true],
    true,
  );
  addTable(
    second,
    [
      ["Online-Anträge", "Anzahl"],
      [
        `zu umgesetzten OZG-Leistungen (${number(f.implemented)})`,
        number(f.onlineApplicationsOfImplemented),
      ],
      ["in anderer Zuständigkeit", number(f.onlineApplicationsOther)],
      ["Online-Anträge insgesamt", number(f.onlineApplications)],
    ],
    { x: CONTENT.x + 6.2, y: CONTENT.y + 0.1, w: 5.9 },
    [4.2, 1.7],
    [false, true],
    true,
  );
  addBlocks(
    second,
    [
      {
        text: `${number(f.notResponsibleLocally)} der ${number(f.defined)} definierten OZG-Leistungen liegen in anderer Zuständigkeit.`,
        bullet: false,
      },
    ],
    4.3,
  );

  if (ozg.previous !== null && document.previous !== null)
    comparisonSlide(
      pptx,
      title,
      section,
      f,
      ozg.previous,
      asOf,
      formatGermanDate(document.previous.asOf),
    );

  for (const distribution of f.maturity) {
    if (distribution.assessed === 0) continue;
    const chart = layoutMaturityChart(
      distribution,
      de.reports.maturityChartWords,
    );
    const slide = pptx.addSlide({ masterName: MASTER, sectionTitle: section });
    addTitle(
      slide,
      "Reifegradmodell",
      `Reifegradmodell ${distribution.modelVersion}, Stand: ${asOf}`,
    );
    // Horizontal bars: the levels' names ("Stufe 2 – Formular-Assistent") stand level on the
    // left at a readable size; under columns, viewers rotate them and shrink them to fit.
    // A bar chart draws its first category at the bottom: reversed, level 0 is on top.
    const bars = [...chart.bars].reverse();
    slide.addChart(
      pptx.ChartType.bar,
      [
        {
          name: "Leistungen",
          labels: bars.map((bar) => bar.label),
          values: bars.map((bar) => bar.count),
        },
      ],
      {
        x: CONTENT.x,
        y: CONTENT.y + 0.1,
        w: 8.2,
        h: 5.2,
        barDir: "bar",
        title: chart.title,
        showTitle: true,
        titleFontFace: FONT,
        titleFontSize: 14,
        altText: chart.summary,
        chartColors: [BRAND],
        showLegend: false,
        showValue: true,
        dataLabelFormatCode: germanFormatCode(0),
        valAxisLabelFormatCode: germanFormatCode(0),
        dataLabelFontSize: 12,
        valAxisMinVal: 0,
        valAxisLabelFontSize: 12,
        valAxisTitle: "Leistungen",
        valAxisTitleFontSize: 12,
        showValAxisTitle: true,
        catAxisLabelFontSize: 12,
        lang: "de-DE",
      },
    );
    slide.addText(
      [
        {
          text: `${formatGermanNumber(distribution.assessed)} bewertete Leistungen`,
          options: { bold: true, breakLine: true, paraSpaceAfter: 6 },
        },
        {
          text: `${formatGermanNumber(f.maturityNotAssessed)} definierte Leistungen ohne Bewertung`,
          options: { breakLine: true, paraSpaceAfter: 6 },
        },
        {
          text: "Gezählt werden die für die Kommune definierten Leistungen mit ihrer Stufe in dieser Version des Reifegradmodells.",
          options: { breakLine: true, paraSpaceAfter: 6 },
        },
      ],
      {
        x: 9.1,
        y: CONTENT.y + 0.2,
        w: 3.7,
        h: 4,
        fontFace: FONT,
        fontSize: 14,
        color: TEXT,
        valign: "top",
      },
    );
  }
}

function comparisonSlide(
  pptx: PptxGenJS,
  title: string,
  section: string,
  now: OzgFigures,
  before: OzgFigures,
  asOf: string,
  previousAsOf: string,
): void {
  const slide = pptx.addSlide({ masterName: MASTER, sectionTitle: section });
  addTitle(
    slide,
    title,
    `Vergleich mit dem letzten Bericht (Stand ${previousAsOf})`,
  );
  const rows: [string, number, number][] = [
    ["Definierte OZG-Leistungen", now.defined, before.defined],
    ["Umgesetzt (Front-End online)", now.implemented, before.implemented],
    [
      "mit Front-End und Back-End",
      now.withFrontEndAndBackEnd,
      before.withFrontEndAndBackEnd,
    ],
    ["nur mit Front-End", now.frontEndOnly, before.frontEndOnly],
    ["mit E-Payment", now.withEPayment, before.withEPayment],
    ["mit eID-Anbindung", now.withEId, before.withEId],
    ["Online-Anträge", now.onlineApplications, before.onlineApplications],
  ];
  const header = (text: string) => ({
    text,
    options: { bold: true, color: "FFFFFF", fill: { color: BRAND } },
  });
  slide.addTable(
    [
      [
        header("Kennzahl"),
        header(`Stand ${previousAsOf}`),
        header(`Stand ${asOf}`),
        header("Veränderung"),
      ],
      ...rows.map(([label, value, previous]) => [
        { text: label },
        {
          text: formatGermanNumber(previous),
          options: { align: "right" as const },
        },
        {
          text: formatGermanNumber(value),
          options: { align: "right" as const },
        },
        {
          text: formatGermanSigned(value - previous),
          options: { align: "right" as const },
        },
      ]),
    ],
    {
      x: CONTENT.x,
      y: CONTENT.y + 0.2,
      w: 10,
      colW: [4.6, 1.8, 1.8, 1.8],
      fontFace: FONT,
      fontSize: 14,
      color: TEXT,
      border: { type: "solid", pt: 0.5, color: "B1B4B6" },
    },
  );
}

/** The outlook's items: when, in bold, and what. */
function outlookItems(document: ReportDocument): Block[] {
  return document.outlook.flatMap((item): Block[] => [
    { text: item.when, bullet: false, bold: true },
    { text: item.what, bullet: true },
  ]);
}

/**
 * The new dates of the projects, beside what comes next on the outlook slide: what the
 * committee will hear about at the next meetings.
 */
function newDateBlocks(document: ReportDocument): Block[] {
  return document.sections.flatMap((section) =>
    section.projects.flatMap((project): Block[] =>
      project.newDateLabel === null
        ? []
        : [
            {
              text: `${project.code} ${project.title}: ${project.newDateLabel}`,
              bullet: true,
            },
          ],
    ),
  );
}

/**
 * Whether the outlook is so short (a next meeting or two, no new dates of projects) that
 * it stands on the overview slide instead of a mostly empty slide of its own.
 */
function outlookOnOverview(document: ReportDocument): boolean {
  return (
    !hasOutlookSection(document) &&
    document.outlook.length > 0 &&
    document.outlook.length <= 2 &&
    newDateBlocks(document).length === 0
  );
}

function outlookSlide(pptx: PptxGenJS, document: ReportDocument): void {
  if (document.outlook.length === 0 || outlookOnOverview(document)) return;
  pptx.addSection({ title: "Ausblick" });
  const items = outlookItems(document);
  const newDates = newDateBlocks(document);
  const cards = [
    { blocks: items },
    ...(newDates.length === 0
      ? []
      : [{ heading: "Neue Termine der Projekte", blocks: newDates }]),
  ];
  const lines = (blocks: readonly Block[]) =>
    blocks.reduce((sum, block) => sum + linesOf(block) * 2, 0);
  if (cards.some((card) => lines(card.blocks) > LINES_PER_SLIDE)) {
    // Too much for cards side by side: text slides, continued as needed.
    textSlides(pptx, "Ausblick", [
      ...items,
      ...(newDates.length === 0
        ? []
        : [
            {
              text: "Neue Termine der Projekte",
              bullet: false,
              bold: true,
            },
            ...newDates,
          ]),
    ]);
    return;
  }
  const slide = pptx.addSlide({ masterName: MASTER, sectionTitle: "Ausblick" });
  addTitle(slide, "Ausblick");
  addCards(slide, cards, "columns", 18);
}

/** The per-project entries, the OZG slides and the other key figures, in the order of before. */
function projectsPart(pptx: PptxGenJS, document: ReportDocument): void {
  // The OZG figures stand with the project that implements the OZG, in its action field;
  // without such a project, after all sections as before.
  // The OZG slides follow this project's slides, or all sections when there is none.
  const ozgProject = ozgProjectOf(document);
  for (const section of document.sections) {
    pptx.addSection({ title: section.name });
    if (
      section.projects.length > 0 &&
      section.projects.length <= 2 &&
      section.projects.every((project) => isShortProject(project, document))
    ) {
      // A section of one or two short entries: its band and its entries on one slide.
      openingSlide(pptx, section, document);
      for (const project of section.projects) {
        projectFigureSlides(pptx, section, project, document);
        if (project === ozgProject) ozgSlides(pptx, document, section.name);
      }
      continue;
    }
    dividerSlide(pptx, section);
    // Short entries share a slide; the figures and OZG slides of a project follow its slide.
    const followOn = (project: ReportProjectEntry): void => {
      if (project === ozgProject) ozgSlides(pptx, document, section.name);
    };
    let run: ReportProjectEntry[] = [];
    const flush = (): void => {
      // A run of short entries in slides of about equal size: four as two and two, not three and one.
      const slides = Math.ceil(run.length / PROJECTS_PER_SLIDE);
      let start = 0;
      for (let index = 0; index < slides; index += 1) {
        const size = Math.ceil((run.length - start) / (slides - index));
        const group = run.slice(start, start + size);
        start += size;
        projectGroupSlide(pptx, section, group, document);
        for (const member of group) {
          projectFigureSlides(pptx, section, member, document);
          followOn(member);
        }
      }
      run = [];
    };
    for (const project of section.projects) {
      if (isShortProject(project, document)) {
        run.push(project);
        continue;
      }
      flush();
      projectSlides(pptx, section, project, document);
      followOn(project);
    }
    flush();
  }
  if (ozgProject === null) ozgSlides(pptx, document);
  if (document.otherFigures.length > 0) {
    pptx.addSection({ title: "Kennzahlen" });
    for (const figure of document.otherFigures)
      figureSlide(pptx, "Kennzahlen", figure, document);
  }
}

/** The usual heading of a kind of free section, for a section without its own. */
const DEFAULT_HEADINGS = {
  introduction: "Einleitung",
  topic: "Thema",
  survey: "Umfrageergebnis",
  outlook: "Ausblick",
} as const;

/** A text's paragraphs (separated by empty lines) as blocks. */
export function paragraphBlocks(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => ({ text: paragraph, bullet: false }));
}

/** Text slides of a free section, continued on as many slides as needed. */
function textSlides(
  pptx: PptxGenJS,
  heading: string,
  blocks: readonly Block[],
): void {
  const pages = paginate(blocks);
  pages.forEach((page, index) => {
    const slide = pptx.addSlide({ masterName: MASTER, sectionTitle: heading });
    addTitle(slide, `${heading}${index === 0 ? "" : " (Fortsetzung)"}`);
    addBlocks(slide, page);
  });
}

/** A survey result: the answers as a native bar chart, the question and numbers beside it. */
function surveySlide(
  pptx: PptxGenJS,
  heading: string,
  block: Extract<ReportBlock, { readonly kind: "survey" }>,
): void {
  const slide = pptx.addSlide({ masterName: MASTER, sectionTitle: heading });
  addTitle(slide, heading);
  const summary = `Balkendiagramm der Antworten auf „${block.question}“: ${block.answers
    .map((answer) => `${answer.label} ${formatSurveyValue(block.unit, answer)}`)
    .join(", ")}.`;
  slide.addChart(
    pptx.ChartType.bar,
    [
      {
        name: "Anteil",
        // A bar chart draws its first category at the bottom: reversed, the first answer is on top.
        labels: [...block.answers].reverse().map((answer) => answer.label),
        values: [...block.answers]
          .reverse()
          .map((answer) => Math.round(answer.share * 1000) / 10),
      },
    ],
    {
      x: CONTENT.x,
      y: CONTENT.y + 0.1,
      w: 7.6,
      h: 5.2,
      barDir: "bar",
      title: block.question,
      showTitle: true,
      titleFontFace: FONT,
      titleFontSize: 14,
      titleColor: TEXT,
      altText: summary,
      chartColors: [BRAND],
      showLegend: false,
      showValue: true,
      dataLabelFormatCode: `${germanFormatCode(1)}" %"`,
      valAxisLabelFormatCode: '0" %"',
      valAxisMinVal: 0,
      valAxisMaxVal: 100,
      dataLabelFontSize: 11,
      valAxisLabelFontSize: 11,
      catAxisLabelFontSize: 12,
      lang: "de-DE",
    },
  );
  const total = block.answers.reduce((sum, answer) => sum + answer.value, 0);
  const lines: Block[] = [
    { text: `Frage: ${block.question}`, bullet: false, bold: true },
    ...block.answers.map((answer) => ({
      text: `${answer.label}: ${formatSurveyValue(block.unit, answer)}`,
      bullet: true,
    })),
    ...(block.unit === "count"
      ? [
          {
            text: `Antworten insgesamt: ${formatGermanNumber(total)}`,
            bullet: false,
          },
        ]
      : []),
  ];
  addSideText(slide, lines);
  if (block.text !== "") slide.addNotes(block.text);
}

/** The slides of one free section, under a deck section of its heading. */
function freeSectionSlides(
  pptx: PptxGenJS,
  block: Exclude<ReportBlock, { readonly kind: "projects" }>,
  document: ReportDocument,
): void {
  const heading =
    block.heading === "" ? DEFAULT_HEADINGS[block.kind] : block.heading;
  pptx.addSection({ title: heading });
  switch (block.kind) {
    case "introduction":
      textSlides(pptx, heading, paragraphBlocks(block.text));
      return;
    case "outlook":
      textSlides(pptx, heading, [
        ...paragraphBlocks(block.text),
        ...document.outlook.flatMap((item): Block[] => [
          { text: item.when, bullet: false, bold: true },
          { text: item.what, bullet: true },
        ]),
      ]);
      return;
    case "survey":
      surveySlide(pptx, heading, block);
      return;
    case "topic": {
      const blocks = paragraphBlocks(block.text);
      if (block.projects.length > 0) {
        blocks.push({
          text: "Projekte zu diesem Thema:",
          bullet: false,
          bold: true,
        });
        for (const project of block.projects)
          blocks.push({
            text: `${project.code} ${project.title}`,
            bullet: true,
          });
      }
      textSlides(pptx, heading, blocks);
      for (const figure of block.figures)
        figureSlide(pptx, heading, figure, document);
    }
  }
}

/** Builds the deck of a report; resolves to the PPTX file's bytes. */
export async function buildReportDeck(
  document: ReportDocument,
  meeting: DeckMeeting | null = null,
): Promise<Buffer> {
  const pptx = new (await loadPptxGenJS())();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = `${numberedTitle(document)} (${document.meeting.committeeAbbreviation} ${formatGermanDate(document.meeting.day)})`;
  pptx.subject = `Stand: ${formatGermanDate(document.asOf)}`;
  pptx.author = document.municipality.name;
  pptx.company = document.municipality.name;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  defineMaster(pptx, document);

  pptx.addSection({ title: "Einleitung" });
  titleSlide(pptx, document, meeting);
  overviewSlide(pptx, document);
  for (const block of reportBlocks(document)) {
    if (block.kind === "projects") projectsPart(pptx, document);
    else freeSectionSlides(pptx, block, document);
  }
  if (!hasOutlookSection(document)) outlookSlide(pptx, document);
  if (meeting !== null) questionSlides(pptx, meeting);
  const output = await pptx.write({
    outputType: "nodebuffer",
    compression: true,
  });
  return Buffer.isBuffer(output) ? output : Buffer.from(output as Uint8Array);
}

/** A file name for the deck or PDF: "sachstandsbericht-apd-2022-11-29". */
export function reportFileName(document: ReportDocument): string {
  const committee = document.meeting.committeeAbbreviation
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const day = formatIsoDate(document.meeting.day);
  return `sachstandsbericht-${committee === "" ? "ausschuss" : committee}-${day}`;
}
