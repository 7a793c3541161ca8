/**
 * The catalogue of an edition as an editable Word document (DOCX), drawn from the
 * format-neutral model (exports/catalogue). Accessible as Word and LibreOffice check it:
 * real heading styles (the navigation pane and a table of contents work), list
 * paragraphs, document language German, title and author in the properties, and the
 * timeline picture with alternative text.
 */
import { docx, type Paragraph, type Run } from "./docx-api.js";
import type {
  CatalogueDocumentModel,
  DocumentChange,
  DocumentPicture,
} from "../catalogue/catalogue-document-model.js";

const {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph: ParagraphOf,
  TextRun,
} = docx;

/** Width of the text area of an A4 page with 2 cm margins, in pixels at 96 dpi. */
const TEXT_WIDTH_PX = 640;

const BULLETS = "aufzaehlung";

function heading(text: string, level: string): Paragraph {
  return new ParagraphOf({ text, heading: level, keepNext: true });
}

function paragraph(text: string): Paragraph {
  return new ParagraphOf({
    children: [new TextRun(text)],
    spacing: { after: 120 },
  });
}

function labelled(label: string, text: string): Paragraph {
  return new ParagraphOf({
    children: [new TextRun({ text: label, bold: true }), new TextRun(text)],
    spacing: { after: 80 },
  });
}

function bullet(children: readonly Run[] | string, level = 0): Paragraph {
  return new ParagraphOf({
    children:
      typeof children === "string" ? [new TextRun(children)] : [...children],
    numbering: { reference: BULLETS, level },
  });
}

function changeBullet(change: DocumentChange): Paragraph {
  const runs: Run[] = [new TextRun(change.text)];
  if (change.reason !== null)
    runs.push(
      new TextRun({ text: " – Grund: ", bold: true }),
      new TextRun(change.reason),
    );
  return bullet(runs);
}

/** Renders the document to DOCX bytes; `timeline` is the timeline picture (PNG). */
export async function renderCatalogueDocx(
  model: CatalogueDocumentModel,
  timeline: DocumentPicture | null,
): Promise<Buffer> {
  const title = `${model.programmeTitle} – ${model.editionTitle}`;
  const children: Paragraph[] = [];

  // Title page
  children.push(
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
    children.push(
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
  if (model.note !== null) children.push(labelled("Hinweis: ", model.note));

  // Foreword (editable in the draft before publishing)
  if (model.foreword.length > 0) {
    children.push(
      new ParagraphOf({ children: [new PageBreak()] }),
      heading("Vorwort", HeadingLevel.HEADING_1),
    );
    for (const text of model.foreword) children.push(paragraph(text));
  }

  // Structure overview
  children.push(
    new ParagraphOf({ children: [new PageBreak()] }),
    heading(model.structureTitle, HeadingLevel.HEADING_1),
  );
  if (model.summary !== null) children.push(paragraph(model.summary));
  for (const area of model.structure) {
    if (area.name !== null)
      children.push(
        heading(
          `${model.levels.impactArea.singular} ${area.name}`,
          HeadingLevel.HEADING_2,
        ),
      );
    if (area.description !== null) children.push(paragraph(area.description));
    for (const field of area.fields) {
      children.push(bullet([new TextRun({ text: field.label, bold: true })]));
      for (const project of field.projects) children.push(bullet(project, 1));
    }
  }

  // Timeline picture
  children.push(
    new ParagraphOf({ children: [new PageBreak()] }),
    heading("Zeitstrahl zur Umsetzung", HeadingLevel.HEADING_1),
  );
  if (timeline !== null) {
    const width = Math.min(TEXT_WIDTH_PX, timeline.width);
    const height = Math.round((timeline.height * width) / timeline.width);
    children.push(
      new ParagraphOf({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: "png",
            data: timeline.png,
            transformation: { width, height },
            altText: {
              name: "Zeitstrahl",
              title: "Zeitstrahl zur Umsetzung",
              description: model.timelineAlt,
            },
          }),
        ],
      }),
    );
  }
  children.push(
    new ParagraphOf({
      children: [
        new TextRun({ text: model.timelineAlt, italics: true, size: 18 }),
      ],
    }),
  );

  if (model.priorities !== null) {
    children.push(
      heading(
        `Prioritäten in ${model.priorities.year}`,
        HeadingLevel.HEADING_2,
      ),
    );
    for (const item of model.priorities.items) children.push(bullet(item));
  }

  // Projects in detail
  children.push(
    new ParagraphOf({ children: [new PageBreak()] }),
    heading(
      "Detailbetrachtung: Digitalisierungsprojekte",
      HeadingLevel.HEADING_1,
    ),
  );
  for (const remark of model.periodRemarks)
    children.push(labelled("Hinweis zum Zeitplan: ", remark));
  for (const field of model.fields) {
    children.push(heading(field.heading, HeadingLevel.HEADING_2));
    if (field.description !== null) children.push(paragraph(field.description));
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

  // Changes with reasons
  children.push(
    new ParagraphOf({ children: [new PageBreak()] }),
    heading(
      "Veränderungen gegenüber der letzten Fortschreibung",
      HeadingLevel.HEADING_1,
    ),
  );
  if (model.changes === null) {
    children.push(
      paragraph(
        "Dies ist die erste Fortschreibung; es gibt keine frühere Fassung zum Vergleich.",
      ),
    );
  } else {
    children.push(
      paragraph(
        `Gegenüber der ${model.changes.previousTitle}: ${model.changes.summary}.`,
      ),
    );
    for (const line of model.changes.reasonCounts) children.push(bullet(line));
    if (model.changes.programme.length > 0) {
      children.push(
        heading("Programm und Prioritäten", HeadingLevel.HEADING_2),
      );
      for (const change of model.changes.programme)
        children.push(changeBullet(change));
    }
    for (const field of model.changes.fields) {
      children.push(
        heading(field.heading, HeadingLevel.HEADING_2),
        paragraph(field.counts),
      );
      for (const project of field.projects) {
        children.push(heading(project.title, HeadingLevel.HEADING_3));
        for (const change of project.changes)
          children.push(changeBullet(change));
      }
    }
  }
  if (model.takenUpIdeas.length > 0) {
    children.push(
      heading("Übernommene Ideen und Rückmeldungen", HeadingLevel.HEADING_2),
    );
    for (const idea of model.takenUpIdeas) {
      const runs: Run[] = [new TextRun(`„${idea.title}“: ${idea.takenUpIn}`)];
      if (idea.note !== null)
        runs.push(
          new TextRun({ text: " – Begründung: ", bold: true }),
          new TextRun(idea.note),
        );
      children.push(bullet(runs));
    }
  }

  const section = {
    properties: {
      page: { margin: { top: 1134, right: 1134, bottom: 1134, left: 1134 } },
    },
    children,
  };
  const document = new Document({
    title,
    creator: model.municipalityName,
    description: `Maßnahmenkatalog ${model.programmeTitle}, ${model.editionTitle} vom ${model.publishedOn}`,
    subject: model.editionTitle,
    styles: {
      default: {
        document: {
          run: {
            font: "Liberation Sans",
            size: 22,
            language: { value: "de-DE" },
          },
        },
      },
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
