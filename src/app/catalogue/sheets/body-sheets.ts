/**
 * Bodies (Gremien) in the catalogue spreadsheet (ADR 0053): the sheets „Gremien“,
 * „Mitglieder“ and „Sitzungen“, converted to and from the `bodies` of the exchange
 * document. The cells follow the forms' rules: a body's kind is one of the list (its
 * German name), each member's public visibility is „ja“ or „nein“ and never left open, a
 * meeting's day is a real date. Presenters are one cell („Name (Funktion); Name“), the
 * questions and answers another („F: …“ / „A: …“, pairs separated by an empty line).
 */
import { BODY_KINDS, type BodyKind } from "../../../domain/body/body.js";
import { isoDateOfGermanDay } from "../../../domain/period/point-in-time.js";
import { bodiesDe } from "../../../i18n/bodies.de.js";
import type { BodyDocument } from "../../reports/bodies-document.schema.js";

/** The column titles of the three sheets. */
export const BODY_SHEET_COLUMNS = {
  gremien: ["Kürzel", "Name", "Art", "OParl-Adresse"],
  mitglieder: ["Gremium", "Nr.", "Name", "Gruppe", "Rolle", "Öffentlich"],
  sitzungen: [
    "Gremium",
    "Datum",
    "TOP",
    "TOP-Titel",
    "Bezeichnung",
    "Vorlage",
    "OParl-Sitzung",
    "OParl-TOP",
    "OParl-Vorlage",
    "Vortragende",
    "Fragen und Antworten",
  ],
} as const;

type Meeting = NonNullable<BodyDocument["meetings"]>[number];

/** A row as the sheets module adds it. */
type AddRow = (
  id: "gremien" | "mitglieder" | "sitzungen",
  cells: Record<string, string>,
) => void;

const YES = "ja";
const NO = "nein";

/** Writes the bodies as rows of the three sheets. */
export function bodiesToRows(
  bodies: readonly BodyDocument[],
  add: AddRow,
): void {
  for (const body of bodies) {
    add("gremien", {
      Kürzel: body.abbreviation,
      Name: body.name,
      Art: bodiesDe.kinds[body.kind],
      "OParl-Adresse": body.oparlUrl ?? "",
    });
    (body.members ?? []).forEach((member, index) =>
      add("mitglieder", {
        Gremium: body.abbreviation,
        "Nr.": String(index + 1),
        Name: member.name,
        Gruppe: member.group ?? "",
        Rolle: member.role ?? "",
        Öffentlich: member.public ? YES : NO,
      }),
    );
    for (const meeting of body.meetings ?? [])
      add("sitzungen", {
        Gremium: body.abbreviation,
        Datum: meeting.date,
        TOP: meeting.agendaItem?.number ?? "",
        "TOP-Titel": meeting.agendaItem?.title ?? "",
        Bezeichnung: meeting.title ?? "",
        Vorlage: meeting.paperReference ?? "",
        "OParl-Sitzung": meeting.oparl?.meeting ?? "",
        "OParl-TOP": meeting.oparl?.agendaItem ?? "",
        "OParl-Vorlage": meeting.oparl?.paper ?? "",
        Vortragende: (meeting.presenters ?? [])
          .map((each) =>
            each.function === undefined
              ? each.name
              : `${each.name} (${each.function})`,
          )
          .join("; "),
        "Fragen und Antworten": (meeting.minutes ?? [])
          .map((item) => `F: ${item.question}\nA: ${item.answer}`)
          .join("\n\n"),
      });
  }
}

/** A body's kind from its German name (or its key); null when it is none of the list. */
export function bodyKindOf(text: string): BodyKind | null {
  const wanted = text.trim().toLowerCase();
  return (
    BODY_KINDS.find(
      (kind) =>
        kind === wanted || bodiesDe.kinds[kind].toLowerCase() === wanted,
    ) ?? null
  );
}

/** The message for a kind not in the list. */
export function unknownKindMessage(text: string): string {
  return `„${text}“ ist keine Art aus der Liste: ${BODY_KINDS.map((kind) => bodiesDe.kinds[kind]).join(", ")}.`;
}

/** „ja“ → true, „nein“ → false, anything else (empty too) → null. */
export function visibilityOf(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  return value === YES ? true : value === NO ? false : null;
}

export const VISIBILITY_MESSAGE =
  "Bitte „ja“ oder „nein“ eintragen: Ob ein Name öffentlich erscheinen darf, wird für jedes Mitglied ausdrücklich entschieden.";

/** A meeting's day as ISO date from „28.11.2022“ or „2022-11-28“; null when it is no day. */
export function meetingDateOf(text: string): string | null {
  return text === "" ? null : isoDateOfGermanDay(text);
}

/** „Dana Beispiel (CDO); Kai Muster“ → the presenters. */
export function presentersOf(text: string): Meeting["presenters"] {
  return text
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const match = /^(.*?)\s*\(([^()]+)\)$/.exec(part);
      return match === null
        ? { name: part }
        : { name: match[1] ?? part, function: (match[2] ?? "").trim() };
    });
}

export const MINUTES_MESSAGE =
  "Jede Frage beginnt mit „F:“, ihre Antwort in einer neuen Zeile mit „A:“; zwischen zwei Fragen steht eine Leerzeile.";

/** „F: …\nA: …\n\nF: …“ → the questions and answers; null when the cell is not in that form. */
export function minutesOf(text: string): Meeting["minutes"] | null {
  const blocks = text
    .replaceAll("\r\n", "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "");
  const items: { question: string; answer: string }[] = [];
  for (const block of blocks) {
    const match = /^F:\s*([\s\S]*?)\nA:\s*([\s\S]*)$/.exec(block);
    const question = match?.[1]?.trim() ?? "";
    const answer = match?.[2]?.trim() ?? "";
    if (question === "" || answer === "") return null;
    items.push({ question, answer });
  }
  return items;
}
