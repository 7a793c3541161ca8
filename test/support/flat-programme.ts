/**
 * A municipality whose programme is flat (topics → projects → steps) and names its levels
 * Thema/Themen, Vorhaben/Vorhaben, Schritt/Schritte (docs/adr/0029), as a catalogue
 * document for importCatalogue.
 */
import { importCatalogue } from "../../src/app/catalogue/import-catalogue.js";
import type { AppContext } from "../../src/app/context.js";
import type { CatalogueDocument } from "../../src/app/catalogue/catalogue-document.schema.js";

/** The names a flat municipality's pages must never show. */
export const KLEVE_LEVEL_WORDS = [
  "Wirkungsbereich",
  "Aktionsfeld",
  "Einzelmaßnahme",
] as const;

/** The project of the flat programme whose page the tests read. */
export const FLAT_PROJECT = "e-akte-einfuehrung";

/** The catalogue document of the flat programme. */
export function flatProgrammeDocument(slug: string): unknown {
  return {
    format: "fortschritt-catalogue",
    version: 1,
    municipality: { slug, name: "Gemeinde Flachland" },
    programme: {
      title: "Digitales Flachland",
      horizonStart: 2022,
      horizonEnd: 2028,
      goals: [],
      priorities: [],
      levels: {
        flat: true,
        actionField: { singular: "Thema", plural: "Themen" },
        project: { singular: "Vorhaben", plural: "Vorhaben" },
        measure: { singular: "Schritt", plural: "Schritte" },
      },
      orgUnitKinds: [
        { key: "dezernat", label: "Dezernat" },
        { key: "stabsstelle", label: "Stabsstelle" },
      ],
    },
    orgUnits: [{ code: "cdo", name: "Stabsstelle CDO", kind: "stabsstelle" }],
    actionFields: [
      {
        key: "e-akte",
        number: 1,
        name: "E-Akte",
        colour: "#1d4f91",
        projects: [
          {
            slug: FLAT_PROJECT,
            code: "1",
            title: "Einführung der E-Akte",
            summary: "Die E-Akte kommt in alle Ämter.",
            status: "in_progress",
            phases: [
              { label: "Pilot", start: "2023", end: "2024" },
              {
                label: "Rollout",
                start: "2024-Q2",
                continuation: "undecided",
              },
            ],
            measures: [
              { title: "Pilotamt auswählen", status: "done" },
              { title: "Schulungen planen", status: "planned" },
            ],
            responsibilities: [{ orgUnit: "cdo", role: "lead" }],
          },
        ],
      },
      {
        key: "kita",
        number: 2,
        name: "Kita-Digitalisierung",
        colour: "#0b6e4f",
        projects: [
          {
            slug: "kita-portal",
            code: "2",
            title: "Kita-Portal",
            summary: "Eltern melden ihre Kinder online an.",
            status: "planned",
            phases: [{ label: "Umsetzung", start: "2025", end: "2026" }],
            measures: [],
            responsibilities: [{ orgUnit: "cdo", role: "lead" }],
          },
        ],
      },
    ],
  };
}

/** Imports the flat programme under the slug; returns the slug. */
export async function importFlatProgramme(
  ctx: AppContext,
  slug: string,
): Promise<string> {
  await importCatalogue(ctx, flatProgrammeDocument(slug), { source: "test" });
  return slug;
}

/**
 * Bodies of the flat municipality: an advisory board with members public and not, a meeting
 * with all its details and one with none, and a steering group without members.
 */
export const FLAT_BODIES = [
  {
    abbreviation: "DB",
    name: "Digitalbeirat",
    kind: "advisory_board",
    oparlUrl: "https://oparl.example/organization/3",
    members: [
      {
        name: "Erika Offen",
        group: "Bürgerschaft",
        role: "Vorsitz",
        public: true,
      },
      { name: "Ingo Intern", group: "Wirtschaft", public: false },
    ],
    meetings: [
      {
        date: "2022-11-10",
        title: "3. Sitzung",
        agendaItem: { number: "4", title: "Sachstand Digitalisierung" },
        paperReference: "A 10/185/2022",
        oparl: {
          meeting: "https://oparl.example/meeting/7",
          agendaItem: "https://oparl.example/agendaitem/71",
          paper: "https://oparl.example/paper/185",
        },
        presenters: [
          { name: "Dana Beispiel", function: "Chief Digital Officer" },
          { name: "Kai Muster" },
        ],
        minutes: [
          {
            question: "Wann erhalten die Kitas die neue Software?",
            answer: "Im zweiten Halbjahr, nach dem Pilotamt.",
          },
          { question: "Und die Schulen?", answer: "Ab 2024." },
        ],
      },
      { date: "2023-03-02", presenters: [], minutes: [] },
    ],
  },
  {
    abbreviation: "LG",
    name: "Lenkungsgruppe E-Akte",
    kind: "steering_group",
    members: [],
    meetings: [],
  },
] satisfies NonNullable<CatalogueDocument["bodies"]>;
