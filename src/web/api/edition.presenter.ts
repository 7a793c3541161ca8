/** Editions and change reports → API JSON. */
import type {
  ChangeReport,
  ReportReason,
} from "../../domain/edition/change-report.js";
import {
  isProjectChange,
  isShift,
  type CatalogueChange,
} from "../../domain/edition/catalogue-change.js";
import {
  describeChangeGerman,
  describeShiftCountGerman,
} from "../../i18n/change-description.js";
import type { Edition, EditionSummary } from "../../domain/edition/edition.js";
import {
  formatPointInTime,
  type PointInTime,
} from "../../domain/period/point-in-time.js";
import { editionPaths } from "../edition/edition-paths.js";
import { presentCatalogue } from "./catalogue.presenter.js";
import type {
  EditionChangeDto,
  EditionChangesDto,
  EditionDetailDto,
  EditionReasonDto,
  EditionSummaryDto,
} from "./edition.schema.js";

const api = (slug: string): string =>
  `/api/v1/municipalities/${encodeURIComponent(slug)}`;

/** An edition without content, with links. */
export function presentEditionSummary(
  slug: string,
  edition: EditionSummary,
): EditionSummaryDto {
  return {
    number: edition.number,
    title: edition.title,
    publishedOn: edition.publishedOn,
    councilReference: edition.councilReference,
    councilUrl: edition.councilUrl,
    note: edition.note,
    isReconstruction: edition.isReconstruction,
    links: {
      self: `${api(slug)}/editions/${edition.number}`,
      changes:
        edition.number === 1
          ? null
          : `${api(slug)}/editions/${edition.number}/changes`,
      portal: editionPaths.edition(slug, edition.number),
      docx: editionPaths.docx(slug, edition.number),
      pdf: editionPaths.pdf(slug, edition.number),
      pptx: editionPaths.pptx(slug, edition.number),
    },
  };
}

function presentReason(key: string, reason: ReportReason): EditionReasonDto {
  return {
    change: key,
    category: reason.category,
    categoryLabel: reason.categoryLabel,
    text: reason.text,
    edition: reason.editionNumber,
  };
}

/** An edition with its catalogue and reasons. */
export function presentEditionDetail(
  slug: string,
  edition: Edition,
): EditionDetailDto {
  return {
    edition: presentEditionSummary(slug, edition),
    foreword: edition.foreword,
    reasons: [...edition.reasons].map(([key, reason]) =>
      presentReason(key, { ...reason, editionNumber: edition.number }),
    ),
    catalogue: presentCatalogue(edition.catalogue),
  };
}

function valueText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && "precision" in value)
    return formatPointInTime(value as PointInTime);
  return null;
}

function presentChange(
  report: ChangeReport,
  change: CatalogueChange,
): EditionChangeDto {
  const fields = change as unknown as Record<string, unknown>;
  const shift = "shift" in change ? change.shift : null;
  const phase =
    "phase" in change && change.phase !== null ? change.phase.label : null;
  return {
    key: change.key,
    kind: change.kind,
    isShift: isShift(change),
    description: describeChangeGerman(change, { withProject: true }),
    project: isProjectChange(change)
      ? {
          slug: change.project.slug,
          code: change.project.code,
          title: change.project.title,
          actionField: {
            key: change.project.actionField.key,
            number: change.project.actionField.number,
            name: change.project.actionField.name,
          },
          impactArea: {
            key: change.project.impactArea.key,
            name: change.project.impactArea.name,
          },
        }
      : null,
    phase,
    from: valueText(fields.from),
    to: valueText(fields.to),
    shift:
      shift === null
        ? null
        : {
            direction: shift.direction,
            amount: shift.amount,
            unit: shift.unit,
          },
    reasons: (report.reasons.get(change.key) ?? []).map((reason) =>
      presentReason(change.key, reason),
    ),
  };
}

/** The change report between two editions. */
export function presentChangeReport(report: ChangeReport): EditionChangesDto {
  if (report.to === null)
    throw new Error("the API reports changes between editions only");
  return {
    ...presentChangeReportBody(report),
    to: presentEditionSummary(report.municipality.slug, report.to),
  };
}

/** A change report without its newer side (an edition, or the draft). */
export function presentChangeReportBody(
  report: ChangeReport,
): Omit<EditionChangesDto, "to"> {
  const slug = report.municipality.slug;
  const { summary } = report.diff;
  return {
    municipality: { slug, name: report.municipality.name },
    from: presentEditionSummary(slug, report.from),
    summary: {
      changeCount: summary.changeCount,
      shiftCount: summary.shiftCount,
      programmeChangeCount: summary.programmeChangeCount,
      countsByKind: { ...summary.countsByKind },
      byActionField: summary.byActionField.map((field) => ({
        actionField: {
          key: field.actionField.key,
          number: field.actionField.number,
          name: field.actionField.name,
        },
        impactArea: { key: field.impactArea.key, name: field.impactArea.name },
        isRemoved: field.isRemoved,
        changeCount: field.changeCount,
        shiftCount: field.shiftCount,
        changedProjectCount: field.changedProjectCount,
      })),
    },
    shiftsByReason: report.counts.byCategory.map((entry) => ({
      category: entry.category.key,
      label: entry.category.label,
      count: entry.count,
      text: describeShiftCountGerman(entry.count, entry.category),
    })),
    shiftsWithoutReason: report.counts.withoutReason,
    changes: report.diff.changes.map((change) => presentChange(report, change)),
  };
}
