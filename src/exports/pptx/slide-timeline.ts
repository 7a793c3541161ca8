/**
 * A field's old-versus-new timeline on the revision slides, drawn as native PowerPoint
 * shapes (ADR 0057): the same layout the catalogue's SVG is drawn from
 * (src/domain/timeline/print-geometry.ts, at SLIDE_PRINT), translated from print pixels
 * into inches — outlined rounded rectangles for the old periods, filled ones for the new
 * phases with their names inside where they fit, lines for the year grid and the shifts,
 * text boxes for the years and the projects' full names. Nothing is photographed, so the
 * deck needs no browser, and every word stays text that can be read, searched and edited.
 */
import type { Slide } from "./pptx-loader.js";
import type {
  TimelineComparison,
  TimelineComparisonRow,
} from "../../domain/edition/timeline-comparison.js";
import { pptxColour } from "./pptx-colour.js";
import { formatPointInTimeGerman } from "../../domain/period/point-in-time.js";
import {
  AXIS_TOP,
  NAME_X,
  PRINT_AXIS,
  PRINT_GRID,
  PRINT_INK,
  PRINT_STRIPE,
  printComparisonHeight,
  SLIDE_PRINT,
  textOn,
  type BarMarks,
  type PlacedComparison,
  type PlacedComparisonRow,
  type PrintBox,
  type ShiftArrow,
} from "../../domain/timeline/print-geometry.js";

/** The most a field's timeline may take on one slide, in print px (4.7 in at 12.1 in wide). */
export const SLIDE_TIMELINE_HEIGHT_PX = 390;

/**
 * A field's old-versus-new timeline cut into parts that fit a slide with its legend below,
 * rows kept whole and in order; every part repeats the field's header.
 */
export function slideChunks(
  layout: TimelineComparison,
  stateLabel: (row: TimelineComparisonRow) => string | null,
): TimelineComparison[] {
  const fits = (
    group: TimelineComparison["groups"][number],
    rows: readonly TimelineComparisonRow[],
  ): boolean =>
    printComparisonHeight(
      { ...layout, groups: [{ ...group, rows }] },
      SLIDE_PRINT,
      stateLabel,
    ) <= SLIDE_TIMELINE_HEIGHT_PX;
  const chunks: TimelineComparison[] = [];
  for (const group of layout.groups) {
    // As few parts as the rows need, filled greedily…
    const greedy: TimelineComparisonRow[][] = [];
    for (const row of group.rows) {
      const last = greedy.at(-1);
      if (last !== undefined && fits(group, [...last, row])) last.push(row);
      else greedy.push([row]);
    }
    // …then the rows spread evenly over them, where that fits too.
    const size = Math.ceil(group.rows.length / Math.max(1, greedy.length));
    const even: TimelineComparisonRow[][] = [];
    for (let start = 0; start < group.rows.length; start += size)
      even.push(group.rows.slice(start, start + size));
    const parts =
      even.length === greedy.length && even.every((rows) => fits(group, rows))
        ? even
        : greedy;
    for (const rows of parts)
      chunks.push({ ...layout, groups: [{ ...group, rows }] });
  }
  return chunks;
}

/** Where a timeline stands on the slide: its top left corner and inches per print px. */
export interface SlidePlacement {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

const FONT = "Liberation Sans";
/** The ascent of Liberation Sans: a baseline stands this many font sizes below the text's top. */
const ASCENT = 0.905;

/** "#1b1f23" as pptxgenjs wants it; the print ink where a colour is not one. */
function hex(colour: string): string {
  return pptxColour(colour, "1B1F23");
}

/**
 * Shapes on a slide placed in print px: positions become inches, font sizes points. A line
 * is horizontal or vertical (the only ones a timeline draws).
 */
class Drawing {
  constructor(
    private readonly slide: Slide,
    private readonly at: SlidePlacement,
  ) {}

  x(px: number): number {
    return this.at.x + px * this.at.scale;
  }

  y(px: number): number {
    return this.at.y + px * this.at.scale;
  }

  length(px: number): number {
    return px * this.at.scale;
  }

  /** A font size in points, rounded down to half a point. */
  points(px: number): number {
    return Math.floor(px * this.at.scale * 72 * 2) / 2;
  }

  box(
    box: PrintBox,
    options: {
      fill: string | null;
      line: string | null;
      lineWidth?: number;
      dashed?: boolean;
      rounded?: boolean;
      name: string;
    },
  ): void {
    this.slide.addShape(options.rounded === true ? "roundRect" : "rect", {
      x: this.x(box.x),
      y: this.y(box.y),
      w: this.length(box.width),
      h: this.length(box.height),
      ...(options.rounded === true ? { rectRadius: this.length(2) } : {}),
      fill:
        options.fill === null
          ? { type: "none" }
          : { type: "solid", color: hex(options.fill) },
      line:
        options.line === null
          ? { type: "none" }
          : {
              color: hex(options.line),
              width: options.lineWidth ?? 0.75,
              ...(options.dashed === true ? { dashType: "dash" as const } : {}),
            },
      objectName: options.name,
    });
  }

  line(
    from: { x: number; y: number },
    to: { x: number; y: number },
    options: {
      colour: string;
      width: number;
      dotted?: boolean;
      arrow?: "begin" | "end";
      name: string;
    },
  ): void {
    this.slide.addShape("line", {
      x: this.x(Math.min(from.x, to.x)),
      y: this.y(Math.min(from.y, to.y)),
      w: this.length(Math.abs(to.x - from.x)),
      h: this.length(Math.abs(to.y - from.y)),
      line: {
        color: hex(options.colour),
        width: options.width,
        ...(options.dotted === true ? { dashType: "sysDot" as const } : {}),
        ...(options.arrow === "begin"
          ? { beginArrowType: "triangle" as const }
          : {}),
        ...(options.arrow === "end"
          ? { endArrowType: "triangle" as const }
          : {}),
      },
      objectName: options.name,
    });
  }

  /** A chevron ">" from (x, top) to (tip, middle) to (x, bottom). */
  chevron(
    x: number,
    tip: number,
    top: number,
    bottom: number,
    name: string,
  ): void {
    const w = this.length(tip - x);
    const h = this.length(bottom - top);
    // pptxgenjs draws custom geometry from `points`; its SHAPE_NAME type lacks the name.
    this.slide.addShape("custGeom" as Parameters<Slide["addShape"]>[0], {
      x: this.x(x),
      y: this.y(top),
      w,
      h,
      points: [
        { x: 0, y: 0 },
        { x: w, y: h / 2 },
        { x: 0, y: h },
      ],
      fill: { type: "none" },
      line: { color: hex(PRINT_INK), width: 1.75 },
      objectName: name,
    });
  }

  /**
   * Text whose first baseline stands at `baseline` px: lines as set by the geometry (never
   * wrapped again), one paragraph each, `lineHeight` px apart.
   */
  text(
    lines: readonly (readonly { text: string; bold?: boolean }[])[],
    options: {
      x: number;
      baseline: number;
      width: number;
      font: number;
      lineHeight: number;
      colour: string;
      bold?: boolean;
      align?: "left" | "center";
      name: string;
    },
  ): void {
    const runs = lines.flatMap((line, index) =>
      line.map((run, at) => ({
        text: run.text,
        options: {
          ...(run.bold === true ? { bold: true } : {}),
          ...(at === line.length - 1 && index < lines.length - 1
            ? { breakLine: true }
            : {}),
        },
      })),
    );
    const top = options.baseline - options.font * ASCENT;
    this.slide.addText(runs, {
      x: this.x(options.x),
      y: this.y(top),
      w: this.length(options.width),
      h: this.length(options.font + (lines.length - 1) * options.lineHeight),
      fontFace: FONT,
      fontSize: this.points(options.font),
      ...(lines.length > 1
        ? { lineSpacing: this.points(options.lineHeight) }
        : {}),
      bold: options.bold === true,
      color: hex(options.colour),
      align: options.align ?? "left",
      valign: "top",
      margin: 0,
      wrap: false,
      lang: "de-DE",
      objectName: options.name,
    });
  }
}

function drawBar(
  d: Drawing,
  placed: PlacedComparison,
  project: string,
  phase: string,
  marks: BarMarks,
): void {
  const f = placed.frame;
  d.box(marks, {
    fill: marks.fill,
    line: marks.stroke,
    rounded: true,
    name: `Zeitstrahl neu: ${project} – ${phase}`,
  });
  if (marks.label !== null)
    d.text([[{ text: marks.label.text }]], {
      x: marks.label.x,
      baseline: marks.label.baseline,
      width: marks.width - (marks.label.x - marks.x) - 2,
      font: f.g.font,
      lineHeight: f.lineHeight,
      colour: marks.label.colour,
      name: `Phasenname: ${marks.label.text}`,
    });
  const { end } = marks;
  if (end === null) return;
  switch (end.kind) {
    case "undecided":
      d.text([[{ text: "?" }]], {
        x: end.x,
        baseline: end.baseline,
        width: f.g.font,
        font: f.g.font + 1,
        lineHeight: f.lineHeight,
        colour: PRINT_INK,
        bold: true,
        name: `Ende noch offen: ${project} – ${phase}`,
      });
      return;
    case "open":
      d.chevron(
        end.x,
        end.tip,
        end.top,
        end.bottom,
        `Läuft über den Zeitraum hinaus: ${project} – ${phase}`,
      );
      return;
    case "ongoing":
      d.line(
        { x: end.x1, y: end.y },
        { x: end.x2, y: end.y },
        {
          colour: PRINT_INK,
          width: 2,
          dotted: true,
          name: `Danach laufend: ${project} – ${phase}`,
        },
      );
      return;
  }
}

function drawShift(d: Drawing, project: string, arrow: ShiftArrow): void {
  const { marker } = arrow;
  d.line(
    { x: arrow.from, y: arrow.y },
    { x: arrow.to, y: arrow.y },
    {
      colour: PRINT_INK,
      width: 1.75,
      arrow: arrow.to > arrow.from ? "end" : "begin",
      name: `Verschiebung: ${project} – ${marker.phaseLabel}, ${marker.edge === "start" ? "Beginn" : "Ende"} ${formatPointInTimeGerman(marker.from)} → ${formatPointInTimeGerman(marker.to)}`,
    },
  );
}

function drawRow(
  d: Drawing,
  placed: PlacedComparison,
  colour: string,
  row: PlacedComparisonRow,
): void {
  const f = placed.frame;
  const { code } = row.row;
  const project = `${code} ${row.row.label}`;
  d.text(
    row.nameLines.map((line, index) =>
      index === 0 && (line === code || line.startsWith(`${code} `))
        ? [
            { text: code, bold: true },
            ...(line === code ? [] : [{ text: line.slice(code.length) }]),
          ]
        : [{ text: line }],
    ),
    {
      x: NAME_X,
      baseline: row.nameTop,
      width: f.chartStart - NAME_X - 4,
      font: f.g.font,
      lineHeight: f.lineHeight,
      colour: PRINT_INK,
      name: `Vorhaben: ${project}`,
    },
  );
  for (const { bar, box } of row.oldBars)
    d.box(box, {
      fill: "#ffffff",
      line: colour,
      lineWidth: 1.5,
      dashed: true,
      rounded: true,
      name: `Zeitstrahl alt: ${project} – ${bar.label.trim()} (${bar.periodLabel})`,
    });
  for (const { bar, marks } of row.newBars)
    drawBar(
      d,
      placed,
      project,
      `${bar.label.trim()} (${bar.periodLabel})`,
      marks,
    );
  for (const arrow of row.shifts) drawShift(d, project, arrow);
}

/** Draws a part of a field's old-versus-new timeline (as cut by `slideChunks`) on a slide at `at`. */
export function drawComparison(
  slide: Slide,
  placed: PlacedComparison,
  at: SlidePlacement,
): void {
  const d = new Drawing(slide, at);
  const f = placed.frame;
  for (const group of placed.groups)
    for (const row of group.rows)
      if (row.striped)
        d.box(
          { x: 0, y: row.y, width: f.chartEnd, height: row.height },
          { fill: PRINT_STRIPE, line: null, name: "Zeilenhintergrund" },
        );
  // The year grid and the axis, without a today line: a document reads the same every day.
  const gridTop = AXIS_TOP - 8;
  for (const year of placed.years) {
    d.line(
      { x: year.x, y: gridTop },
      { x: year.x, y: placed.bottom },
      { colour: PRINT_GRID, width: 0.75, name: `Jahreslinie ${year.year}` },
    );
    d.text([[{ text: String(year.year) }]], {
      x: year.labelX - f.yearWidth / 2,
      baseline: AXIS_TOP - 10,
      width: f.yearWidth,
      font: f.g.font,
      lineHeight: f.lineHeight,
      colour: PRINT_INK,
      align: "center",
      name: `Jahr ${year.year}`,
    });
  }
  d.line(
    { x: f.chartEnd, y: gridTop },
    { x: f.chartEnd, y: placed.bottom },
    { colour: PRINT_GRID, width: 0.75, name: "Ende des Zeitraums" },
  );
  d.line(
    { x: f.chartStart, y: AXIS_TOP },
    { x: f.chartEnd, y: AXIS_TOP },
    { colour: PRINT_AXIS, width: 0.75, name: "Zeitachse" },
  );
  for (const group of placed.groups) {
    d.box(group.header, {
      fill: group.colour,
      line: null,
      name: `Handlungsfeld: ${group.label}`,
    });
    d.text(
      group.header.lines.map((line) => [{ text: line }]),
      {
        x: 8,
        baseline: group.header.y + 4 + f.g.font,
        width: f.chartEnd - 12,
        font: f.g.font + 1,
        lineHeight: f.lineHeight,
        colour: textOn(group.colour),
        bold: true,
        name: `Überschrift: ${group.label}`,
      },
    );
    for (const row of group.rows) drawRow(d, placed, group.colour, row);
  }
}

/** The old and new periods of a part's rows in words, for the speaker notes. */
export function comparisonNotes(placed: PlacedComparison): string[] {
  return placed.groups.flatMap((group) =>
    group.rows.map(({ row }) => {
      const old = row.oldSpanLabel ?? "nicht enthalten";
      const now = row.newSpanLabel ?? "gestrichen";
      return `${row.code} ${row.label}: alt ${old}, neu ${now}.`;
    }),
  );
}
