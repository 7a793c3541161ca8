/**
 * What a follower of a municipality or of one project is told: published changes only —
 * a new edition with its shifts and their reasons, a new status report, a key figure's new
 * value. Entries have stable ids (they name the municipality, the kind and the record, not
 * the host), so a feed reader never shows one twice. Drafts never appear; values dated
 * after today wait for their day, as on the portal.
 */
import { publicReportPath } from "../../domain/report/report-url.js";
import {
  isProjectChange,
  isShift,
} from "../../domain/edition/catalogue-change.js";
import { describeChangeGerman } from "../../i18n/change-description.js";
import { reasonSentence } from "../../domain/period/period-sentence.js";
import { PERIOD_WORDS_DE } from "../../i18n/period-words.js";
import { findProject } from "../../domain/catalogue/catalogue.js";
import {
  formatGermanDate,
  formatIsoDate,
} from "../../domain/calendar/calendar.js";
import { formatFigureGerman } from "../../domain/indicator/indicator.js";
import { REPORT_STATUS_PRESENTATION } from "../../domain/report/report-status.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import { compareEditions } from "../edition/change-report.js";
import { getPublishedCatalogue } from "../edition/read-editions.js";
import { getPublicIndicators } from "../indicators/read-indicators.js";
import {
  getPublishedReport,
  listPublishedReports,
} from "../reports/read-reports.js";

/** One entry of a feed. */
export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  /** ISO timestamp. */
  readonly updated: string;
  /** Path on the portal (the web layer makes it absolute). */
  readonly path: string;
  /** Plain text, lines separated by newlines. */
  readonly summary: string;
}

/** A feed. */
export interface Feed {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly author: string;
  /** The portal page the feed follows. */
  readonly path: string;
  readonly updated: string;
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
}

/** At most this many entries per feed. */
const MAX_ENTRIES = 100;

const dayStamp = (day: number): string => `${formatIsoDate(day)}T00:00:00Z`;

/**
 * The feed of a municipality, or of one of its projects (`projectSlug`); throws
 * ERR_MUNICIPALITY_NOT_FOUND, or ERR_PROJECT_NOT_FOUND for a project the latest edition
 * does not have.
 */
export async function readFeed(
  ctx: AppContext,
  municipalitySlug: string,
  options: { readonly today: number; readonly projectSlug?: string },
): Promise<Feed> {
  const published = await getPublishedCatalogue(ctx, municipalitySlug);
  const { catalogue } = published;
  const slug = catalogue.municipality.slug;
  const project =
    options.projectSlug === undefined
      ? null
      : findProject(catalogue, options.projectSlug);
  if (options.projectSlug !== undefined && project === null)
    throw new AppError("ERR_PROJECT_NOT_FOUND");
  const only = project?.project.slug ?? null;
  const idBase =
    only === null
      ? `urn:fortschritt:${slug}`
      : `urn:fortschritt:${slug}:projekt:${only}`;
  const entries: FeedEntry[] = [];

  for (const edition of published.editions) {
    const lines: string[] = [];
    if (edition.number > 1) {
      const report = await compareEditions(ctx, slug, edition.number);
      for (const change of report.diff.changes) {
        if (
          only !== null &&
          !(isProjectChange(change) && change.project.slug === only)
        )
          continue;
        const reasons = report.reasons.get(change.key) ?? [];
        const reason = reasons[reasons.length - 1];
        const why =
          isShift(change) && reason !== undefined
            ? ` – Grund: ${reasonSentence(reason.categoryLabel, reason.text, PERIOD_WORDS_DE, reason.category)}`
            : "";
        lines.push(
          `${describeChangeGerman(change, { withProject: only === null })}${why}`,
        );
      }
      if (only !== null && lines.length === 0) continue;
    } else if (only !== null) {
      continue;
    }
    entries.push({
      id: `${idBase}:fortschreibung:${edition.number}`,
      title: `${edition.title} veröffentlicht (${formatGermanDate(dayOfIso(edition.publishedOn))})`,
      updated: edition.publishedAt,
      path:
        edition.number > 1
          ? `/${slug}/fortschreibungen/${edition.number}/aenderungen`
          : `/${slug}/fortschreibungen/${edition.number}`,
      summary:
        lines.length === 0
          ? `${catalogue.programme.title}: ${edition.title}.`
          : [
              `Veränderungen gegenüber der vorigen Fortschreibung:`,
              ...lines.map((line) => `– ${line}`),
            ].join("\n"),
    });
  }

  const { reports } = await listPublishedReports(ctx, slug);
  for (const summary of reports) {
    const { document } = await getPublishedReport(
      ctx,
      slug,
      String(summary.id),
    );
    const projectEntries = document.sections
      .flatMap((section) => section.projects)
      .filter((entry) => only === null || entry.slug === only);
    if (only !== null && projectEntries.length === 0) continue;
    const lines = projectEntries.map((entry) => {
      const status =
        entry.status === null
          ? ""
          : ` (${REPORT_STATUS_PRESENTATION[entry.status].label})`;
      const text = entry.text === "" ? "" : `: ${entry.text}`;
      return `${entry.code} ${entry.title}${status}${text}`;
    });
    entries.push({
      id: `${idBase}:bericht:${summary.id}`,
      title: `${summary.title}: ${summary.meeting.committeeAbbreviation} ${formatGermanDate(summary.meeting.day)}`,
      updated: summary.publishedAt ?? dayStamp(summary.asOf),
      path: publicReportPath(slug, summary),
      summary: [
        `Stand ${formatGermanDate(summary.asOf)}, ${summary.meeting.committeeName}.`,
        ...lines.map((line) => `– ${line}`),
      ].join("\n"),
    });
  }

  const { indicators } = await getPublicIndicators(ctx, slug, options.today);
  for (const { indicator, observations } of indicators) {
    if (only !== null && indicator.projectSlug !== only) continue;
    for (const observation of observations) {
      entries.push({
        id: `${idBase}:kennzahl:${indicator.key}:${formatIsoDate(observation.day)}`,
        title: `${indicator.name}: ${formatFigureGerman(indicator, observation)} (Stand ${formatGermanDate(observation.day)})`,
        updated: dayStamp(observation.day),
        path:
          only === null ? `/${slug}/kennzahlen` : `/${slug}/projekte/${only}`,
        summary: `${indicator.definition}. Quelle: ${indicator.source}.${observation.note === null ? "" : ` ${observation.note}`}`,
      });
    }
  }

  const sorted = entries
    .sort((a, b) =>
      a.updated < b.updated
        ? 1
        : a.updated > b.updated
          ? -1
          : a.id.localeCompare(b.id),
    )
    .slice(0, MAX_ENTRIES);
  const title =
    only === null
      ? `${catalogue.programme.title} – ${catalogue.municipality.name}`
      : `${project?.project.code ?? ""} ${project?.project.title ?? ""} – ${catalogue.municipality.name}`;
  return {
    id: `${idBase}:feed`,
    title,
    subtitle:
      only === null
        ? "Veröffentlichte Veränderungen: Fortschreibungen, Sachstandsberichte, Kennzahlen"
        : "Veröffentlichte Veränderungen dieses Projekts",
    author: catalogue.municipality.name,
    path: only === null ? `/${slug}/` : `/${slug}/projekte/${only}`,
    updated:
      sorted[0]?.updated ??
      published.edition?.publishedAt ??
      "1970-01-01T00:00:00Z",
    entries: sorted,
  };
}

function dayOfIso(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  return Math.floor(
    Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / 86_400_000,
  );
}
