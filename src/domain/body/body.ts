/**
 * Bodies (Gremien) a municipality reports to or works with: their kinds, members and the
 * details of a meeting (agenda item, paper reference, presenters, minutes' questions and
 * answers). A member is shown to the public only where that was chosen explicitly.
 */

/** The kinds of body, in the order the forms offer them. */
export const BODY_KINDS = [
  "committee",
  "advisory_board",
  "working_group",
  "steering_group",
] as const;

/** Ausschuss, Beirat, Arbeitskreis, Lenkungsgruppe. */
export type BodyKind = (typeof BODY_KINDS)[number];

/** Whether a text is one of the body kinds. */
export function isBodyKind(value: string): value is BodyKind {
  return (BODY_KINDS as readonly string[]).includes(value);
}

/** A member of a body. */
export interface BodyMember {
  readonly id: number;
  readonly bodyId: number;
  readonly name: string;
  /** E.g. "Bürgerschaft", "Wirtschaft", "Verwaltung"; null when not given. */
  readonly group: string | null;
  /** E.g. "Vorsitz"; null when not given. */
  readonly role: string | null;
  /** Shown on the portal, in the API and open data; false unless chosen. */
  readonly isPublic: boolean;
  readonly position: number;
  readonly version: number;
}

/** Someone who presented an agenda item, with their function. */
export interface Presenter {
  readonly name: string;
  /** E.g. "Chief Digital Officer"; empty when not given. */
  readonly function: string;
}

/** A question asked in the meeting and the answer given (minutes notes). */
export interface MinutesItem {
  readonly question: string;
  readonly answer: string;
}

/** Only the members the public may see, in their order. */
export function publicMembers<M extends { readonly isPublic: boolean }>(
  members: readonly M[],
): readonly M[] {
  return members.filter((member) => member.isPublic);
}

/** "TOP 5.1: Sachstandsbericht Digitalisierung", or null without agenda item. */
export function agendaItemLabel(meeting: {
  readonly agendaItemNumber: string | null;
  readonly agendaItemTitle: string | null;
}): string | null {
  const { agendaItemNumber: number, agendaItemTitle: title } = meeting;
  if (number === null && title === null) return null;
  if (number === null) return title;
  return title === null ? `TOP ${number}` : `TOP ${number}: ${title}`;
}
