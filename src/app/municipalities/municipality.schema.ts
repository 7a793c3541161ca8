/**
 * The inputs of the municipality lifecycle, one TypeBox schema each: they validate the
 * command line's and the browser forms' input and document it. Rules that need more than
 * a schema (the slug is free, the Regionalschlüssel fits the Land) are checked by the use
 * cases, which name the field of each problem in German.
 */
import { Type, type Static } from "@sinclair/typebox";

/** The parts of a municipality's shape a template can give (template.ts). */
export const TEMPLATE_PART_KEYS = [
  "programme-skeleton",
  "reason-categories",
  "key-figures",
  "reporting",
] as const;

/** A part of a template. */
export type TemplatePartKey = (typeof TEMPLATE_PART_KEYS)[number];

/** Creating a municipality (operators). */
export const CreateMunicipalityInputSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "Name, wie das Portal ihn zeigt, z. B. Stadt Goch",
    }),
    slug: Type.String({
      minLength: 1,
      maxLength: 60,
      description:
        "Kurzname in den Adressen: Kleinbuchstaben, Ziffern und Bindestriche, z. B. goch",
    }),
    state: Type.String({
      minLength: 1,
      maxLength: 40,
      description:
        "Bundesland: Name oder zweistelliger Schlüssel, z. B. Nordrhein-Westfalen oder 05",
    }),
    regionalKey: Type.String({
      minLength: 1,
      maxLength: 20,
      description:
        "Amtlicher Regionalschlüssel, 12 Ziffern, beginnt mit dem Schlüssel des Landes",
    }),
    website: Type.Optional(
      Type.String({ maxLength: 300, description: "Website der Kommune" }),
    ),
    contactEmail: Type.Optional(
      Type.String({
        maxLength: 254,
        description: "Kontaktadresse, die das Portal nennt",
      }),
    ),
    template: Type.Optional(
      Type.Union([Type.String({ maxLength: 80 }), Type.Null()], {
        description:
          "Kurzname einer Kommune, deren Aufbau übernommen wird (nie ihre Daten)",
      }),
    ),
    parts: Type.Optional(
      Type.Array(
        Type.Union(TEMPLATE_PART_KEYS.map((key) => Type.Literal(key))),
        {
          uniqueItems: true,
          description: "Welche Teile der Vorlage übernommen werden; ohne: alle",
        },
      ),
    ),
  },
  { additionalProperties: false },
);
/** CreateMunicipalityInput, as the schema describes it. */
export type CreateMunicipalityInput = Static<
  typeof CreateMunicipalityInputSchema
>;

/** Deactivating or reactivating a municipality (operators). */
export const MunicipalityStateInputSchema = Type.Object(
  {
    municipality: Type.String({ minLength: 1, maxLength: 80 }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
/** MunicipalityStateInput, as the schema describes it. */
export type MunicipalityStateInput = Static<
  typeof MunicipalityStateInputSchema
>;

/** Inviting a person into a municipality with a role. */
export const InvitationInputSchema = Type.Object(
  {
    municipality: Type.String({ minLength: 1, maxLength: 80 }),
    // Checked by the account rules (app/auth/account-input.ts), which say in German what is wrong.
    email: Type.String({ maxLength: 320, description: "E-Mail-Adresse" }),
    name: Type.String({ maxLength: 200, description: "Name" }),
    role: Type.String({
      maxLength: 20,
      description: "admin, editor oder committee",
    }),
    orgUnitCodes: Type.Optional(
      Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 }),
    ),
  },
  { additionalProperties: false },
);
/** InvitationInput, as the schema describes it. */
export type InvitationInput = Static<typeof InvitationInputSchema>;
