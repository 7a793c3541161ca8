/**
 * The key to a timeline in documents (catalogue, revision slides): which marks a picture
 * uses and what they mean, in the words the documents print next to it. Only the marks a
 * picture actually shows are listed, so the key never explains what is not there.
 */
import type { TimelineBar } from "./timeline-layout.js";

/** A kind of mark in a document timeline. */
export type TimelineLegendKind =
  | "phase"
  | "ongoing"
  | "permanent"
  | "undecided"
  | "open"
  | "old"
  | "new"
  | "shift";

/** One entry of the key: the mark and its words. */
export interface TimelineLegendEntry {
  readonly kind: TimelineLegendKind;
  readonly label: string;
}

/** The bar facts that decide which marks a picture uses. */
type BarFacts = Pick<
  TimelineBar,
  "isOpenEnd" | "isUndecided" | "isPermanent" | "continuation" | "clippedEnd"
>;

/** The marks used by the given bars, in the key's order (without "phase"). */
function barKinds(bars: readonly BarFacts[]): TimelineLegendKind[] {
  const kinds: TimelineLegendKind[] = [];
  if (bars.some((bar) => !bar.isOpenEnd && bar.continuation === "ongoing"))
    kinds.push("ongoing");
  if (bars.some((bar) => bar.isPermanent)) kinds.push("permanent");
  if (bars.some((bar) => bar.isUndecided)) kinds.push("undecided");
  if (
    bars.some(
      (bar) =>
        !bar.isUndecided &&
        !bar.isPermanent &&
        (bar.isOpenEnd || bar.clippedEnd),
    )
  )
    kinds.push("open");
  return kinds;
}

const WORDS: Readonly<Record<TimelineLegendKind, string>> = {
  phase: "Phase (Name im Balken, wo er Platz hat)",
  ongoing: "danach laufend",
  permanent: "Daueraufgabe",
  undecided: "Ende noch offen",
  open: "läuft über den Zeitraum hinaus",
  old: "",
  new: "",
  shift: "Verschiebung von alt nach neu",
};

/** The key of a programme timeline showing `bars`. */
export function programmeLegend(
  bars: readonly BarFacts[],
): readonly TimelineLegendEntry[] {
  return ["phase" as const, ...barKinds(bars)].map((kind) => ({
    kind,
    label: WORDS[kind],
  }));
}

/**
 * The key of an old-versus-new timeline: the older edition's periods outlined, the newer
 * ones filled, shifts as arrows, then the marks of the new bars.
 */
export function comparisonLegend(
  olderTitle: string,
  newerTitle: string,
  newBars: readonly BarFacts[],
  hasShifts: boolean,
): readonly TimelineLegendEntry[] {
  return [
    { kind: "old", label: `alt: Zeitraum in der ${olderTitle}` },
    { kind: "new", label: `neu: Phase in der ${newerTitle}` },
    ...(hasShifts ? [{ kind: "shift" as const, label: WORDS.shift }] : []),
    ...barKinds(newBars).map((kind) => ({ kind, label: WORDS[kind] })),
  ];
}
