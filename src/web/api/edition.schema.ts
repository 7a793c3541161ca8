/**
 * Editions (Fortschreibungen) and their change reports in the API, in TypeBox: the same
 * objects validate requests, shape the JSON and produce the OpenAPI document.
 */
import { Type, type Static } from "@sinclair/typebox";
import { StringEnum } from "../../app/catalogue/catalogue-document.schema.js";
import { CATALOGUE_CHANGE_KINDS } from "../../domain/edition/catalogue-change.js";
import { PRECISIONS } from "../../domain/period/point-in-time.js";
import { CatalogueResponseSchema } from "./catalogue.schema.js";
import {
  EditionNumber,
  LangQuery,
  MunicipalitySlug,
  Nullable,
} from "./schema-parts.js";
import { ref } from "./schema-ref.js";

/** URL parameters naming an edition. */
export const EditionParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  number: EditionNumber("Nummer der Fortschreibung, z. B. 2"),
});

/** Query of the change report. */
export const EditionChangesQuerySchema = Type.Object({
  lang: LangQuery,
  since: Type.Optional(
    EditionNumber(
      "Frühere Fortschreibung, mit der verglichen wird; Standard: die vorige",
    ),
  ),
});

/** An edition without its content. */
export const EditionSummarySchema = Type.Object(
  {
    number: Type.Integer(),
    title: Type.String({ description: "z. B. 2. Fortschreibung" }),
    publishedOn: Type.String({
      description: "Datum der Fortschreibung, JJJJ-MM-TT",
    }),
    councilReference: Nullable(
      Type.String({
        description: "Beschluss, z. B. Ratsbeschluss mit Datum und Vorlage",
      }),
    ),
    councilUrl: Nullable(Type.String()),
    note: Nullable(
      Type.String({
        description:
          "Hinweis zur Fassung, z. B. dass sie zur Veranschaulichung rekonstruiert ist",
      }),
    ),
    isReconstruction: Type.Boolean(),
    links: Type.Object({
      self: Type.String(),
      changes: Nullable(
        Type.String({
          description:
            "Veränderungen gegenüber der vorigen Fortschreibung; null für die erste",
        }),
      ),
      portal: Type.String(),
      docx: Type.String(),
      pdf: Type.String(),
      pptx: Type.String(),
    }),
  },
  { $id: "EditionSummary", description: "Eine Fortschreibung (ohne Inhalt)" },
);

/** All editions of a municipality. */
export const EditionListSchema = Type.Object(
  {
    municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
    editions: Type.Array(ref(EditionSummarySchema), {
      description: "Älteste zuerst; die letzte ist die öffentlich gezeigte",
    }),
  },
  { $id: "EditionList", description: "Die Fortschreibungen einer Kommune" },
);

/** A reason for a shift. */
export const EditionReasonSchema = Type.Object(
  {
    change: Type.String({
      description: "Schlüssel der Veränderung (aus Ids gebildet, stabil)",
    }),
    category: Type.String({
      description: "Schlüssel der Kategorie, z. B. ozg-effort",
    }),
    categoryLabel: Type.String({
      description:
        "Bezeichnung der Kategorie bei Veröffentlichung, z. B. OZG-Aufwand",
    }),
    text: Type.String(),
    edition: Nullable(
      Type.Integer({
        description: "Fortschreibung, mit der der Grund veröffentlicht wurde",
      }),
    ),
  },
  { $id: "EditionReason" },
);

/** An edition with its whole catalogue. */
export const EditionDetailSchema = Type.Object(
  {
    edition: ref(EditionSummarySchema),
    foreword: Nullable(Type.String()),
    reasons: Type.Array(ref(EditionReasonSchema), {
      description:
        "Gründe der Verschiebungen gegenüber der vorigen Fortschreibung",
    }),
    catalogue: ref(CatalogueResponseSchema),
  },
  {
    $id: "EditionDetail",
    description:
      "Eine Fortschreibung mit dem ganzen Katalog, wie er veröffentlicht wurde",
  },
);

/** A project named in a change. */
const ChangeProjectSchema = Type.Object({
  slug: Type.String(),
  code: Type.String(),
  title: Type.String(),
  actionField: Type.Object({
    key: Type.String(),
    number: Type.Integer(),
    name: Type.String(),
  }),
  impactArea: Type.Object({ key: Type.String(), name: Type.String() }),
});

/** One change of the report. */
export const EditionChangeSchema = Type.Object(
  {
    key: Type.String({
      description:
        "Stabiler Schlüssel aus Ids, z. B. phase-end-shifted:project-6:phase-11",
    }),
    kind: StringEnum(CATALOGUE_CHANGE_KINDS),
    isShift: Type.Boolean({
      description: "Verschiebung, die einen Grund braucht",
    }),
    description: Type.String({
      description: "Die Veränderung in einem deutschen Satz",
    }),
    project: Nullable(ChangeProjectSchema),
    phase: Nullable(
      Type.String({
        description:
          "Bezeichnung der Phase, wenn die Veränderung eine Phase betrifft",
      }),
    ),
    from: Nullable(
      Type.String({
        description: "Vorher: Zeitpunkt (2023, 2024-Q2 …), Titel oder Status",
      }),
    ),
    to: Nullable(Type.String({ description: "Nachher" })),
    shift: Nullable(
      Type.Object({
        direction: StringEnum(["earlier", "later"] as const),
        amount: Type.Integer(),
        unit: StringEnum(PRECISIONS),
      }),
    ),
    reasons: Type.Array(ref(EditionReasonSchema)),
  },
  { $id: "EditionChange" },
);

/** The change report between two editions. */
export const EditionChangesSchema = Type.Object(
  {
    municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
    from: ref(EditionSummarySchema),
    to: ref(EditionSummarySchema),
    summary: Type.Object({
      changeCount: Type.Integer(),
      shiftCount: Type.Integer(),
      programmeChangeCount: Type.Integer(),
      countsByKind: Type.Record(Type.String(), Type.Integer()),
      byActionField: Type.Array(
        Type.Object({
          actionField: Type.Object({
            key: Type.String(),
            number: Type.Integer(),
            name: Type.String(),
          }),
          impactArea: Type.Object({ key: Type.String(), name: Type.String() }),
          isRemoved: Type.Boolean(),
          changeCount: Type.Integer(),
          shiftCount: Type.Integer(),
          changedProjectCount: Type.Integer(),
        }),
      ),
    }),
    shiftsByReason: Type.Array(
      Type.Object({
        category: Type.String(),
        label: Type.String(),
        count: Type.Integer(),
        text: Type.String({
          description: "z. B. 5 Verschiebungen wegen OZG-Aufwand",
        }),
      }),
    ),
    shiftsWithoutReason: Type.Integer(),
    changes: Type.Array(ref(EditionChangeSchema)),
  },
  {
    $id: "EditionChanges",
    description:
      "Was sich zwischen zwei Fortschreibungen verändert hat, mit den Gründen der Verschiebungen",
  },
);

const changeReportBody = Object.fromEntries(
  Object.entries(EditionChangesSchema.properties).filter(
    ([key]) => key !== "to",
  ),
) as Omit<typeof EditionChangesSchema.properties, "to">;

/** The draft compared with an edition (staff). */
export const DraftChangesSchema = Type.Object(
  {
    ...changeReportBody,
    draft: Type.Object({
      stand: Type.String({
        format: "date",
        description: "Heute (deutsche Zeit): der Arbeitsstand",
      }),
    }),
  },
  {
    $id: "DraftChanges",
    description:
      "Was sich im Arbeitsstand gegenüber einer Fortschreibung verändert hat, mit den Gründen (auch den im Arbeitsstand gegebenen)",
  },
);

/** The schemas with an $id, for shared-schemas.ts. */
export const EDITION_SCHEMAS = [
  EditionSummarySchema,
  EditionListSchema,
  EditionReasonSchema,
  EditionDetailSchema,
  EditionChangeSchema,
  EditionChangesSchema,
  DraftChangesSchema,
] as const;

export type EditionSummaryDto = Static<typeof EditionSummarySchema>;
export type EditionListDto = Static<typeof EditionListSchema>;
export type EditionReasonDto = Static<typeof EditionReasonSchema>;
export type EditionDetailDto = Static<typeof EditionDetailSchema>;
export type EditionChangeDto = Static<typeof EditionChangeSchema>;
export type EditionChangesDto = Static<typeof EditionChangesSchema>;
export type DraftChangesDto = Static<typeof DraftChangesSchema>;
