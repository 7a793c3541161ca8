/**
 * The part of docx's API this project uses, typed here. docx 9.7's type declarations
 * re-export their modules with extensionless relative paths ("./file"), which TypeScript's
 * NodeNext resolution cannot follow in an ESM package, so `import { Paragraph } from "docx"`
 * finds no members even though the runtime module has them. The runtime import below is
 * docx's own ESM build; only the types are ours. Remove this file when docx ships
 * resolvable declarations (newer versions need Node 22, see docs/adr/0001).
 */
import * as docxModule from "docx";

/** Text formatting of a run. */
export interface TextRunOptions {
  readonly text: string;
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

/** Options of a document. */
export interface DocumentOptions {
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
  readonly PageBreak: new () => Run;
  readonly Packer: { toBuffer(document: DocxDocument): Promise<Buffer> };
  readonly HeadingLevel: {
    readonly TITLE: string;
    readonly HEADING_1: string;
    readonly HEADING_2: string;
    readonly HEADING_3: string;
  };
  readonly AlignmentType: { readonly CENTER: string; readonly LEFT: string };
  readonly LevelFormat: { readonly BULLET: string };
}

/** docx, typed. */
export const docx = docxModule as unknown as DocxApi;
