/**
 * What the revision use cases accept: a reason for a shift, the foreword, publishing, and
 * the reason categories. One schema per input, for validation and the German messages.
 */
import { Type, type Static } from "@sinclair/typebox";
import { SlugSchema } from "../catalogue/catalogue-document.schema.js";

const Version = Type.Integer({
  minimum: 0,
  maximum: 2_000_000_000,
  description: "Bearbeitungsstand, 0 für neu",
});

/** An ISO date such as 2022-03-15. */
export const IsoDateSchema = Type.String({
  pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$",
  description: "Datum als JJJJ-MM-TT",
});

/** The reason for one shift of the draft. */
export const DraftReasonInputSchema = Type.Object({
  municipality: SlugSchema,
  /** The stable key of the shift (src/domain/edition/catalogue-change.ts). */
  changeKey: Type.String({ minLength: 1, maxLength: 300 }),
  /** The reason's version as read; 0 when no reason was given yet. */
  expectedVersion: Version,
  data: Type.Object({
    category: Type.String({ minLength: 1, maxLength: 60 }),
    text: Type.String({ maxLength: 2000 }),
  }),
});
export type DraftReasonInput = Static<typeof DraftReasonInputSchema>;

/** The foreword of the next edition. */
export const ForewordInputSchema = Type.Object({
  municipality: SlugSchema,
  expectedVersion: Version,
  data: Type.Object({ foreword: Type.String({ maxLength: 20_000 }) }),
});
export type ForewordInput = Static<typeof ForewordInputSchema>;

/** Publishing the draft as the next edition. */
export const PublishEditionInputSchema = Type.Object({
  municipality: SlugSchema,
  /** The municipality's data version the administrator reviewed; anything changed since is a conflict. */
  expectedDataVersion: Type.Integer({ minimum: 1 }),
  /** The administrator has seen the dependency conflicts and publishes anyway. */
  confirmConflicts: Type.Boolean(),
  data: Type.Object({
    /** Default: "{n}. Fortschreibung". */
    title: Type.Optional(Type.String({ maxLength: 120 })),
    /** Default: today in Germany. */
    publishedOn: Type.Optional(IsoDateSchema),
    councilReference: Type.Optional(Type.String({ maxLength: 500 })),
    councilUrl: Type.Optional(Type.String({ maxLength: 500 })),
    /** The OParl Paper (Vorlage) of the council's decision. */
    oparlPaperUrl: Type.Optional(Type.String({ maxLength: 2000 })),
  }),
});
export type PublishEditionInput = Static<typeof PublishEditionInputSchema>;

/** A new reason category. */
export const NewReasonCategoryInputSchema = Type.Object({
  municipality: SlugSchema,
  data: Type.Object({
    key: { ...SlugSchema, maxLength: 60 },
    label: Type.String({ maxLength: 80 }),
    requiresText: Type.Boolean(),
  }),
});

/** A changed reason category. */
export const ReasonCategoryInputSchema = Type.Object({
  municipality: SlugSchema,
  key: Type.String({ minLength: 1, maxLength: 60 }),
  expectedVersion: Version,
  data: Type.Object({
    label: Type.String({ maxLength: 80 }),
    requiresText: Type.Boolean(),
  }),
});
export type ReasonCategoryInput = Static<typeof ReasonCategoryInputSchema>;

/** A reason category to remove. */
export const RemoveReasonCategoryInputSchema = Type.Object({
  municipality: SlugSchema,
  key: Type.String({ minLength: 1, maxLength: 60 }),
  expectedVersion: Version,
});
