/**
 * The part of docx's API this project uses, typed here. docx 9.7's type declarations
 * re-export their modules with extensionless relative paths ("./file"), which TypeScript's
 * NodeNext resolution cannot follow in an ESM package, so `import { Paragraph } from "docx"`
 * finds no members even though the runtime module has them. The runtime import below is
 * docx's own ESM build; only the types are ours. Remove this file when docx ships
 * resolvable declarations (newer versions need Node 22, see docs/adr/0001).
 */
import * as docxModule from "docx";

/** Text formatting of a run: its text, or text mixed with page-number fields. */
export interface TextRunOptions {
  readonly text?: string;
  readonly children?: readonly string[];
  readonly color?: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  /** Half-points: 22 = 11 pt. */
  readonly size?: number;
  readonly style?: string;
}

/** A piece of a paragraph: text, a link, a picture or a page break. */
export interface Run {
  readonly __docxRun?: never;
}

/** Options of a paragraph. */
export interface ParagraphOptions {
  readonly text?: string;
  readonly children?: readonly Run[];
  readonly heading?: string;
  readonly keepNext?: boolean;
  readonly alignment?: string;
  readonly spacing?: { readonly before?: number; readonly after?: number };
  readonly numbering?: { readonly reference: string; readonly level: number };
  readonly tabStops?: readonly {
    readonly type: string;
    readonly position: number;
    readonly leader?: string;
  }[];
  readonly indent?: { readonly left?: number };
}

/** A paragraph. */
export interface Paragraph {
  readonly __docxParagraph?: never;
}

/** Options of a picture. */
export interface ImageRunOptions {
  readonly type: "png";
  readonly data: Buffer;
  /** Size in pixels at 96 dpi. */
  readonly transformation: { readonly width: number; readonly height: number };
  /** The alternative text screen readers read. */
  readonly altText: {
    readonly name: string;
    readonly title?: string;
    readonly description?: string;
  };
}

/** A bulleted list level. */
export interface NumberingLevel {
  readonly level: number;
  readonly format: string;
  readonly text: string;
  readonly alignment: string;
  readonly style?: {
    readonly paragraph?: {
      readonly indent?: { readonly left?: number; readonly hanging?: number };
    };
  };
}

/** A paragraph style (a heading's colour, size and spacing). */
export interface ParagraphStyle {
  readonly id: string;
  readonly name: string;
  readonly basedOn?: string;
  readonly next?: string;
  readonly quickFormat?: boolean;
  readonly run?: {
    readonly font?: string;
    readonly size?: number;
    readonly bold?: boolean;
    readonly color?: string;
  };
  readonly paragraph?: {
    readonly keepNext?: boolean;
    readonly keepLines?: boolean;
    readonly spacing?: { readonly before?: number; readonly after?: number };
  };
}

/** A page header or footer. */
export interface HeaderFooter {
  readonly __docxHeaderFooter?: never;
}

/** Options of a document. */
export interface DocumentOptions {
  /** Asks Word to update fields (page references, page counts) when the file opens. */
  readonly features?: { readonly updateFields?: boolean };
  readonly title?: string;
  readonly creator?: string;
  readonly description?: string;
  readonly subject?: string;
  readonly styles?: {
    readonly default?: {
      readonly document?: {
        readonly run?: {
          readonly font?: string;
          readonly size?: number;
          readonly language?: { readonly value: string };
        };
      };
    };
    readonly paragraphStyles?: readonly ParagraphStyle[];
  };
  readonly numbering?: {
    readonly config: readonly {
      readonly reference: string;
      readonly levels: readonly NumberingLevel[];
    }[];
  };
  readonly sections: readonly {
    readonly properties?: {
      readonly page?: {
        readonly margin?: {
          readonly top: number;
          readonly right: number;
          readonly bottom: number;
          readonly left: number;
        };
      };
      /** The first page has its own (here: empty) header and footer. */
      readonly titlePage?: boolean;
    };
    readonly headers?: {
      readonly default?: HeaderFooter;
      readonly first?: HeaderFooter;
    };
    readonly footers?: {
      readonly default?: HeaderFooter;
      readonly first?: HeaderFooter;
    };
    readonly children: readonly Paragraph[];
  }[];
}

/** A document. */
export interface DocxDocument {
  readonly __docxDocument?: never;
}

/** The constructors and constants used from docx. */
export interface DocxApi {
  readonly Document: new (options: DocumentOptions) => DocxDocument;
  readonly Paragraph: new (options: ParagraphOptions) => Paragraph;
  readonly TextRun: new (options: string | TextRunOptions) => Run;
  readonly ExternalHyperlink: new (options: {
    readonly link: string;
    readonly children: readonly Run[];
  }) => Run;
  readonly ImageRun: new (options: ImageRunOptions) => Run;
  readonly InternalHyperlink: new (options: {
    readonly anchor: string;
    readonly children: readonly Run[];
  }) => Run;
  /** A bookmark around runs: the target of an internal link or page reference. */
  readonly Bookmark: new (options: {
    readonly id: string;
    readonly children: readonly Run[];
  }) => Run;
  /** A PAGEREF field: the page number on which a bookmark stands. */
  readonly PageReference: new (
    bookmarkId: string,
    options?: { readonly hyperlink?: boolean },
  ) => Run;
  readonly Header: new (options: {
    readonly children: readonly Paragraph[];
  }) => HeaderFooter;
  readonly Footer: new (options: {
    readonly children: readonly Paragraph[];
  }) => HeaderFooter;
  /** Field markers to put among a run's children. */
  readonly PageNumber: {
    readonly CURRENT: string;
    readonly TOTAL_PAGES: string;
  };
  readonly TabStopType: { readonly RIGHT: string };
  readonly PageBreak: new () => Run;
  readonly Packer: { toBuffer(document: DocxDocument): Promise<Buffer> };
  readonly HeadingLevel: {
    readonly TITLE: string;
    readonly HEADING_1: string;
    readonly HEADING_2: string;
    readonly HEADING_3: string;
  };
  readonly AlignmentType: {
    readonly CENTER: string;
    readonly LEFT: string;
    readonly RIGHT: string;
  };
  readonly LevelFormat: { readonly BULLET: string };
}

/** docx, typed. */
export const docx = docxModule as unknown as DocxApi;
