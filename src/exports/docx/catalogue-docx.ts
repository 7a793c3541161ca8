/**
 * The catalogue of an edition as an editable Word document (DOCX), drawn from the
 * format-neutral model (exports/catalogue). Accessible as Word and LibreOffice check it:
 * real heading styles (the navigation pane works) in the portal's colours, list
 * paragraphs, document language German, title and author in the properties, and the
 * timeline picture with alternative text. Furniture as a council document has it: a
 * printed table of contents whose page numbers are fields (PAGEREF to a bookmark on each
 * heading, computed by Word and LibreOffice when they lay the document out), a running
 * header with programme and edition, and "Seite x von y" in the footer; the title page
 * has neither.
 */
import { docx, type Paragraph, type Run } from "./docx-api.js";
import type {
  CatalogueDocumentModel,
  DocumentChange,
  DocumentTimeline,
} from "../catalogue/catalogue-document-model.js";

const {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageReference,
  Paragraph: ParagraphOf,
  TabStopType,
  TextRun,
} = docx;

/** Width of the text area of an A4 page with 2 cm margins, in pixels at 96 dpi. */
const TEXT_WIDTH_PX = 640;
/** The same width in twentieths of a point: where the page numbers of the contents stand. */
const TEXT_WIDTH_TWIPS = 9638;

/** The portal's colours (src/web/assets/app.css): brand, link and secondary text. */
const COLOUR = { brand: "0D3466", link: "0A4B94", secondary: "4B5257" };
const FONT = "Liberation Sans";

const BULLETS = "aufzaehlung";

function heading(text: string, level: string): Paragraph {
  return new ParagraphOf({ text, heading: level, keepNext: true });
}

/** The headings the table of contents lists, each with the bookmark its page number refers to. */
class Contents {
  private readonly entries: { id: string; text: string; level: 1 | 2 }[] = [];

  /** A heading of level 1 or 2 that the table of contents lists. */
  heading(text: string, level: 1 | 2): Paragraph {
    const id = `_Toc${String(this.entries.length + 1).padStart(3, "0")}`;
    this.entries.push({ id, text, level });
    return new ParagraphOf({
      heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      keepNext: true,
      children: [new Bookmark({ id, children: [new TextRun(text)] })],
    });
  }

  /** The printed table of contents: linked titles, dot leaders, page numbers as fields. */
  paragraphs(): Paragraph[] {
    return [
      new ParagraphOf({
        children: [
          new TextRun({
            text: "Inhalt",
            bold: true,
            size: 32,
            color: COLOUR.brand,
          }),
        ],
        spacing: { after: 200 },
      }),
      ...this.entries.map(
        (entry) =>
          new ParagraphOf({
            tabStops: [
              {
                type: TabStopType.RIGHT,
                position: TEXT_WIDTH_TWIPS,
                leader: "dot",
              },
            ],
            indent: { left: entry.level === 1 ? 0 : 360 },
            spacing: { before: entry.level === 1 ? 120 : 0, after: 40 },
            children: [
              new InternalHyperlink({
                anchor: entry.id,
                children: [
                  new TextRun({ text: entry.text, bold: entry.level === 1 }),
                ],
              }),
              new TextRun({ children: ["\t"] }),
              new PageReference(entry.id),
            ],
          }),
      ),
    ];
  }
}

/** The running header (programme and edition) and the page footer ("Seite x von y"). */
function pageFurniture(title: string) {
  const small = { size: 18, color: COLOUR.secondary };
  return {
    headers: {
      default: new Header({
        children: [
          new ParagraphOf({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: title, ...small })],
          }),
        ],
      }),
      first: new Header({ children: [] }),
    },
    footers: {
      default: new Footer({
        children: [
          new ParagraphOf({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                ...small,
                children: [
                  "Seite ",
                  PageNumber.CURRENT,
                  " von ",
                  PageNumber.TOTAL_PAGES,
                ],
              }),
            ],
          }),
        ],
      }),
      first: new Footer({ children: [] }),
    },
  };
}

/** Headings in the portal's colours; each keeps with the paragraph that follows it. */
const HEADING_STYLES = [
  { id: "Title", name: "Title", size: 52, color: COLOUR.brand, before: 0 },
  {
    id: "Heading1",
    name: "Heading 1",
    size: 32,
    color: COLOUR.brand,
    before: 360,
  },
  {
    id: "Heading2",
    name: "Heading 2",
    size: 26,
    color: COLOUR.link,
    before: 280,
  },
  {
    id: "Heading3",
    name: "Heading 3",
    size: 23,
    color: COLOUR.brand,
    before: 200,
  },
].map((style) => ({
  id: style.id,
  name: style.name,
  basedOn: "Normal",
  next: "Normal",
  quickFormat: true,
  run: { font: FONT, size: style.size, bold: true, color: style.color },
  paragraph: {
    keepNext: true,
    keepLines: true,
    spacing: { before: style.before, after: 120 },
  },
}));

/**
 * The size (half-points) of the list of changes: set a point smaller than the running text,
 * as a document's appendix is. Where the list ends on its last page depends on how many
 * changes an edition has; the running text has no forced break, so only the last page can
 * be short.
 */
const CHANGES_SIZE = 20;

function paragraph(
  text: string,
  size?: number,
  options: { keepNext?: boolean } = {},
): Paragraph {
  return new ParagraphOf({
    children: [new TextRun(size === undefined ? text : { text, size })],
    spacing: { after: 120 },
    ...(options.keepNext === true ? { keepNext: true } : {}),
  });
}

/** "Grund: …" said once for a project's changes, kept with the list it explains. */
function sharedReason(reason: string): Paragraph {
  return new ParagraphOf({
    children: [
      new TextRun({ text: "Grund: ", bold: true, size: CHANGES_SIZE }),
      new TextRun({ text: reason, size: CHANGES_SIZE }),
    ],
    keepNext: true,
    spacing: { after: 60 },
  });
}

function labelled(label: string, text: string): Paragraph {
  return new ParagraphOf({
    children: [new TextRun({ text: label, bold: true }), new TextRun(text)],
    spacing: { after: 80 },
  });
}

function bullet(
  children: readonly Run[] | string,
  level = 0,
  size?: number,
): Paragraph {
  return new ParagraphOf({
    children:
      typeof children === "string"
        ? [
            new TextRun(
              size === undefined ? children : { text: children, size },
            ),
          ]
        : [...children],
    numbering: { reference: BULLETS, level },
  });
}

function changeBullet(change: DocumentChange): Paragraph {
  const runs: Run[] = [new TextRun({ text: change.text, size: CHANGES_SIZE })];
  if (change.reason !== null)
    runs.push(
      new TextRun({ text: " – Grund: ", bold: true, size: CHANGES_SIZE }),
      new TextRun({ text: change.reason, size: CHANGES_SIZE }),
    );
  return bullet(runs);
}

/** A heading within the list of changes: the heading style, with less room above. */
function changesHeading(text: string, level: string): Paragraph {
  return new ParagraphOf({
    text,
    heading: level,
    keepNext: true,
    spacing: { before: level === HeadingLevel.HEADING_2 ? 200 : 120 },
  });
}

/** Renders the document to DOCX bytes; `timelines` are the action fields' timeline pictures (PNG). */
export async function renderCatalogueDocx(
  model: CatalogueDocumentModel,
  timelines: readonly DocumentTimeline[],
): Promise<Buffer> {
  const title = `${model.programmeTitle} – ${model.editionTitle}`;
  const contents = new Contents();
  const titlePage: Paragraph[] = [];
  const children: Paragraph[] = [];

  // Title page (the demo marks itself on the portal, not in the documents)
  titlePage.push(
    new ParagraphOf({
      children: [new TextRun({ text: model.municipalityName, size: 28 })],
      spacing: { after: 240 },
    }),
    new ParagraphOf({
      text: model.programmeTitle,
      heading: HeadingLevel.TITLE,
    }),
    paragraph(model.subtitle ?? `Maßnahmenkatalog – ${model.editionTitle}`),
    labelled("Fassung: ", `${model.editionTitle} vom ${model.publishedOn}`),
    labelled("Zeitraum: ", model.horizon),
  );
  if (model.councilReference !== null || model.councilUrl !== null) {
    titlePage.push(
      new ParagraphOf({
        children: [
          new TextRun({ text: "Beschluss: ", bold: true }),
          model.councilUrl === null
            ? new TextRun(model.councilReference ?? "")
            : new ExternalHyperlink({
                link: model.councilUrl,
                children: [
                  new TextRun({
                    text: model.councilReference ?? model.councilUrl,
                    style: "Hyperlink",
                  }),
                ],
              }),
        ],
      }),
    );
  }
  // Foreword (editable in the draft before publishing), on the page of the contents
  if (model.foreword.length > 0) {
    children.push(contents.heading("Vorwort", 1));
    for (const text of model.foreword) children.push(paragraph(text));
  }

  // Structure overview
  children.push(
    new ParagraphOf({ children: [new PageBreak()] }),
    contents.heading(model.structureTitle, 1),
  );
  if (model.summary !== null) children.push(paragraph(model.summary));
  for (const area of model.structure) {
    if (area.name !== null)
      children.push(
        contents.heading(`${model.levels.impactArea.singular} ${area.name}`, 2),
      );
    if (area.description !== null) children.push(paragraph(area.description));
    for (const field of area.fields) {
      children.push(bullet([new TextRun({ text: field.label, bold: true })]));
      for (const project of field.projects) children.push(bullet(project, 1));
    }
  }

  if (model.priorities !== null) {
    children.push(
      contents.heading(`Prioritäten in ${model.priorities.year}`, 2),
    );
    for (const item of model.priorities.items) children.push(bullet(item));
  }

  // Timeline pictures: they follow the structure on the same page where they fit (a
  // forced break left the end of the structure list alone on a mostly empty page); the
  // heading and its note keep with the first picture.
  children.push(contents.heading("Zeitstrahl zur Umsetzung", 1));
  children.push(
    new ParagraphOf({
      keepNext: true,
      children: [
        new TextRun({ text: model.timelineAlt, italics: true, size: 18 }),
      ],
    }),
  );
  // One picture per action field, each with its legend, as the catalogue has them.
  for (const timeline of timelines) {
    const { picture } = timeline;
    const width = Math.min(TEXT_WIDTH_PX, picture.width);
    const height = Math.round((picture.height * width) / picture.width);
    children.push(
      new ParagraphOf({
        alignment: AlignmentType.CENTER,
        spacing: { before: 160, after: 160 },
        children: [
          new ImageRun({
            type: "png",
            data: picture.png,
            transformation: { width, height },
            altText: {
              name: `Zeitstrahl ${timeline.key}`,
              title: "Zeitstrahl zur Umsetzung",
              description: timeline.alt,
            },
          }),
        ],
      }),
    );
  }

  // Projects in detail, after the last timeline on its page where there is room (the
  // heading keeps with what follows).
  children.push(
    contents.heading("Detailbetrachtung: Digitalisierungsprojekte", 1),
  );
  for (const remark of model.periodRemarks)
    children.push(labelled("Hinweis zum Zeitplan: ", remark));
  for (const field of model.fields) {
    children.push(contents.heading(field.heading, 2));
    // The field's introduction stays with its first project, not alone at a page's foot.
    if (field.description !== null)
      children.push(
        paragraph(field.description, undefined, { keepNext: true }),
      );
    for (const project of field.projects) {
      children.push(
        heading(`${project.code} ${project.title}`, HeadingLevel.HEADING_3),
        paragraph(project.summary),
      );
      if (project.periods.length > 0) {
        children.push(
          new ParagraphOf({
            children: [new TextRun({ text: "Zeitplan:", bold: true })],
            keepNext: true,
          }),
        );
        for (const period of project.periods) children.push(bullet(period));
      }
      if (project.measures.length > 0) {
        children.push(
          new ParagraphOf({
            children: [
              new TextRun({
                text: `${model.levels.measure.plural}:`,
                bold: true,
              }),
            ],
            keepNext: true,
          }),
        );
        for (const measure of project.measures) children.push(bullet(measure));
      }
      children.push(
        labelled(
          "Zuständigkeit: ",
          project.responsibility === "" ? "–" : project.responsibility,
        ),
      );
    }
  }

  // Changes with reasons, on the page where the projects end (the heading keeps with them).
  children.push(
    contents.heading("Veränderungen gegenüber der letzten Fortschreibung", 1),
  );
  if (model.changes === null) {
    children.push(
      paragraph(
        "Dies ist die erste Fortschreibung; es gibt keine frühere Fassung zum Vergleich.",
        CHANGES_SIZE,
      ),
    );
  } else {
    children.push(
      paragraph(
        `Gegenüber der ${model.changes.previousTitle}: ${model.changes.summary}.`,
        CHANGES_SIZE,
      ),
    );
    for (const line of model.changes.reasonCounts)
      children.push(bullet(line, 0, CHANGES_SIZE));
    if (model.changes.programme.length > 0) {
      children.push(
        changesHeading("Programm und Prioritäten", HeadingLevel.HEADING_2),
      );
      for (const change of model.changes.programme)
        children.push(changeBullet(change));
    }
    for (const field of model.changes.fields) {
      children.push(
        changesHeading(field.heading, HeadingLevel.HEADING_2),
        paragraph(field.counts, CHANGES_SIZE, { keepNext: true }),
      );
      for (const project of field.projects) {
        children.push(changesHeading(project.title, HeadingLevel.HEADING_3));
        if (project.reason !== null)
          children.push(sharedReason(project.reason));
        for (const change of project.changes)
          children.push(changeBullet(change));
      }
    }
  }
  if (model.takenUpIdeas.length > 0) {
    children.push(
      changesHeading(
        "Übernommene Ideen und Rückmeldungen",
        HeadingLevel.HEADING_2,
      ),
    );
    for (const idea of model.takenUpIdeas) {
      const runs: Run[] = [
        new TextRun({
          text: `„${idea.title}“: ${idea.takenUpIn}`,
          size: CHANGES_SIZE,
        }),
      ];
      if (idea.note !== null)
        runs.push(
          new TextRun({
            text: " – Begründung: ",
            bold: true,
            size: CHANGES_SIZE,
          }),
          new TextRun({ text: idea.note, size: CHANGES_SIZE }),
        );
      children.push(bullet(runs));
    }
  }

  const section = {
    properties: {
      page: { margin: { top: 1134, right: 1134, bottom: 1134, left: 1134 } },
      titlePage: true,
    },
    ...pageFurniture(title),
    children: [
      ...titlePage,
      new ParagraphOf({ children: [new PageBreak()] }),
      ...contents.paragraphs(),
      ...children,
    ],
  };
  const document = new Document({
    features: { updateFields: true },
    title,
    creator: model.municipalityName,
    description: `Maßnahmenkatalog ${model.programmeTitle}, ${model.editionTitle} vom ${model.publishedOn}`,
    subject: model.editionTitle,
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: 22,
            language: { value: "de-DE" },
          },
        },
      },
      paragraphStyles: HEADING_STYLES,
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
            {
              level: 1,
              format: LevelFormat.BULLET,
              text: "–",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    sections: [section],
  });
  return Packer.toBuffer(document);
}
