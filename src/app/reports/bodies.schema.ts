/**
 * The parts of a body (Gremium) beyond its name: its kind, its members and what a meeting
 * records of its agenda item (TOP, paper reference, presenters, questions and answers).
 * Used by the use cases, the forms and the catalogue exchange format alike.
 */
import { Type, type Static } from "@sinclair/typebox";
import { BODY_KINDS } from "../../domain/body/body.js";
import { StringEnum } from "../catalogue/catalogue-document.schema.js";
import {
  ChangeInputSchema,
  CreateInputSchema,
  IdSchema,
} from "../catalogue/catalogue-edit.schema.js";

const Id = IdSchema;
const NullableText = (maxLength: number, description: string) =>
  Type.Union([Type.String({ maxLength, description }), Type.Null()], {
    description,
  });

/** Ausschuss, Beirat, Arbeitskreis, Lenkungsgruppe. */
export const BodyKindSchema = StringEnum(
  BODY_KINDS,
  "Art des Gremiums: committee (Ausschuss), advisory_board (Beirat), working_group (Arbeitskreis), steering_group (Lenkungsgruppe)",
);

/** The longest TOP number, e.g. "5.1" or "Ö 12.3 a". */
export const MAX_AGENDA_NUMBER = 20;

/** A TOP number ("5.1"). */
export const AgendaItemNumberSchema = NullableText(
  MAX_AGENDA_NUMBER,
  "TOP-Nummer, z. B. 5.1",
);
/** The longest agenda item title and paper reference. */
export const MAX_AGENDA_TITLE = 300;
export const MAX_PAPER_REFERENCE = 60;
/** The agenda item's title. */
export const AgendaItemTitleSchema = NullableText(
  MAX_AGENDA_TITLE,
  "Titel des TOP",
);
/** A Vorlage/Drucksache number. */
export const PaperReferenceSchema = NullableText(
  MAX_PAPER_REFERENCE,
  "Vorlagen-/Drucksachennummer, z. B. A 10/185/2022",
);

/** Someone who presented the item. */
export const PresenterSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: "Name" }),
    function: Type.String({
      maxLength: 200,
      description: "Funktion, z. B. Chief Digital Officer",
    }),
  },
  { additionalProperties: false },
);

/** A question from the meeting and its answer. */
export const MinutesItemSchema = Type.Object(
  {
    question: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: "Frage",
    }),
    answer: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: "Antwort",
    }),
  },
  { additionalProperties: false },
);

/** At most this many presenters and minutes items per meeting. */
export const MAX_PRESENTERS = 20;
export const MAX_MINUTES_ITEMS = 50;

/** The agenda details of a meeting; each left out: unchanged (empty on creation). */
export const MeetingAgendaFields = {
  agendaItemNumber: Type.Optional(AgendaItemNumberSchema),
  agendaItemTitle: Type.Optional(AgendaItemTitleSchema),
  paperReference: Type.Optional(PaperReferenceSchema),
  presenters: Type.Optional(
    Type.Array(PresenterSchema, { maxItems: MAX_PRESENTERS }),
  ),
  minutes: Type.Optional(
    Type.Array(MinutesItemSchema, { maxItems: MAX_MINUTES_ITEMS }),
  ),
};

/** A member's fields. */
export const MemberDataSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: "Name" }),
    group: Type.Optional(
      NullableText(100, "Gruppe, z. B. Bürgerschaft oder Wirtschaft"),
    ),
    role: Type.Optional(NullableText(100, "Rolle, z. B. Vorsitz")),
    isPublic: Type.Optional(
      Type.Boolean({
        description:
          "Ob der Name öffentlich erscheinen darf (Portal, API, offene Daten); ohne Angabe nicht",
      }),
    ),
  },
  { additionalProperties: false },
);
export type MemberData = Static<typeof MemberDataSchema>;

/** Adding a member to a body. */
export const AddMemberInputSchema = CreateInputSchema({
  bodyId: Id("Gremium"),
  data: MemberDataSchema,
});
export type AddMemberInput = Static<typeof AddMemberInputSchema>;

/** Changing a member. */
export const UpdateMemberInputSchema = ChangeInputSchema(
  { memberId: Id("Mitglied") },
  { data: MemberDataSchema },
);
export type UpdateMemberInput = Static<typeof UpdateMemberInputSchema>;

/** Removing a member. */
export const RemoveMemberInputSchema = ChangeInputSchema(
  { memberId: Id("Mitglied") },
  {},
);
export type RemoveMemberInput = Static<typeof RemoveMemberInputSchema>;

/** Removing a meeting (only one no report belongs to). */
export const RemoveMeetingInputSchema = ChangeInputSchema(
  { meetingId: Id("Sitzung") },
  {},
);
export type RemoveMeetingInput = Static<typeof RemoveMeetingInputSchema>;
