/**
 * The free sections of a draft report (ADR 0039): adding, changing, moving and removing
 * an introduction, topic sections, survey results and the outlook. Every change moves
 * the report's version on (a stale form gets ERR_CONFLICT), is logged as a change of the
 * report, and is refused once the report is published (the database refuses it, too).
 * The first free section also places the block of per-project entries, which can then
 * be moved like a section but not removed.
 */
import type { Static, TSchema } from "@sinclair/typebox";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import { listIndicators } from "../../db/indicator.repository.js";
import {
  deleteReportSectionRow,
  insertReportSection,
  listReportSections,
  setReportSectionOrder,
  updateReportSectionRow,
  type StoredReport,
} from "../../db/report.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type {
  Catalogue,
  Municipality,
} from "../../domain/catalogue/catalogue.js";
import {
  surveyProblems,
  type FreeSectionContent,
  type FreeSectionKind,
  type StoredReportSection,
} from "../../domain/report/report-free-sections.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import {
  UNKNOWN_ORIGIN,
  type CatalogueUseCase,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { reportLabel, requireDraft, requireReport } from "./manage-reports.js";
import { getReportForEditing } from "./read-reports.js";
import {
  AddReportSectionInputSchema,
  MoveReportSectionInputSchema,
  RemoveReportSectionInputSchema,
  UpdateReportSectionInputSchema,
  type FreeSectionData,
} from "./reporting.schema.js";
import {
  invalid,
  reportingUseCase,
  type ReportingChange,
  requireReportingAdmin,
} from "./reporting-support.js";

function noSuchSection(): AppError {
  return invalid("/sectionId", "Diesen Abschnitt gibt es nicht.");
}

/** Kinds a report has at most once. */
const ONCE: readonly FreeSectionKind[] = ["introduction", "outlook"];

function trimmed(data: FreeSectionData): FreeSectionContent {
  return {
    heading: data.heading.trim(),
    text: data.text.trim(),
    figureKeys: data.figureKeys,
    projectSlugs: data.projectSlugs,
    question: data.question.trim(),
    unit: data.unit,
    answers: data.answers.map((answer) => ({
      label: answer.label.trim(),
      value: answer.value,
    })),
  };
}

/** Keeps what the kind shows and empties the rest, so that nothing hidden is stored. */
function contentOf(
  kind: FreeSectionKind,
  content: FreeSectionContent,
): FreeSectionContent {
  return {
    heading: content.heading,
    text: content.text,
    figureKeys: kind === "topic" ? content.figureKeys : [],
    projectSlugs: kind === "topic" ? content.projectSlugs : [],
    question: kind === "survey" ? content.question : "",
    unit: kind === "survey" ? content.unit : "count",
    answers: kind === "survey" ? content.answers : [],
  };
}

async function contentProblems(
  ctx: AppContext,
  catalogue: Catalogue,
  kind: FreeSectionKind,
  content: FreeSectionContent,
): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  if (kind === "introduction" && content.text === "")
    problems.push({
      path: "/data/text",
      message: "Bitte geben Sie den Text der Einleitung ein.",
    });
  if (kind === "topic" && content.heading === "")
    problems.push({
      path: "/data/heading",
      message: "Bitte geben Sie die Überschrift des Abschnitts ein.",
    });
  if (kind === "survey") {
    if (content.question === "")
      problems.push({
        path: "/data/question",
        message: "Bitte geben Sie die Frage der Umfrage ein.",
      });
    for (const message of surveyProblems(content.unit, content.answers))
      problems.push({ path: "/data/answers", message });
  }
  if (kind === "topic") {
    const indicators = new Set(
      (await listIndicators(ctx.db, catalogue.municipality.id)).map(
        (each) => each.indicator.key,
      ),
    );
    content.figureKeys.forEach((key, index) => {
      if (!indicators.has(key))
        problems.push({
          path: `/data/figureKeys/${index}`,
          message: `Die Kennzahl „${key}“ gibt es nicht.`,
        });
    });
    const projects = new Set(
      catalogue.impactAreas.flatMap((area) =>
        area.actionFields.flatMap((field) =>
          field.projects.map((project) => project.slug),
        ),
      ),
    );
    content.projectSlugs.forEach((slug, index) => {
      if (!projects.has(slug))
        problems.push({
          path: `/data/projectSlugs/${index}`,
          message: `Das Projekt „${slug}“ gibt es nicht.`,
        });
    });
  }
  return problems;
}

/** Takes the draft at the version the caller read and moves its version on. */
async function claimDraft(
  trx: Transaction<Database>,
  municipalityId: number,
  reportId: number,
  expectedVersion: number,
  now: string,
): Promise<StoredReport> {
  const report = await requireDraft(
    trx,
    municipalityId,
    reportId,
    expectedVersion,
  );
  await trx
    .updateTable("status_report")
    .set({ version: report.version + 1, updated_at: now })
    .where("id", "=", report.id)
    .execute();
  return report;
}

/** What every section change names: the municipality, the report, the version read, a reason. */
interface SectionTarget {
  readonly municipality: string;
  readonly reportId: number;
  readonly expectedVersion: number;
  readonly reason?: string | null;
}

/** A section change the principal may make: the municipality, and how to run the change. */
interface SectionChange {
  readonly municipality: Municipality;
  /**
   * Runs the change in one audited transaction on the draft claimed at the version
   * read; `work` returns the caller's value and the section before and after for the log.
   */
  inDraft<T>(
    work: (
      trx: Transaction<Database>,
      report: StoredReport,
    ) => Promise<{ value: T; before: unknown; after: unknown }>,
  ): Promise<T>;
  /**
   * Runs a change of one existing section like `inDraft` (ERR_VALIDATION if the report
   * has no such section) and returns the report's new version.
   */
  onSection(
    sectionId: number,
    work: (
      trx: Transaction<Database>,
      report: StoredReport,
      section: StoredReportSection,
      sections: readonly StoredReportSection[],
    ) => Promise<{ before: unknown; after: unknown }>,
  ): Promise<{ readonly version: number }>;
}

/** The section change an authorised change of the report becomes, once the report is found. */
async function sectionChange(
  ctx: AppContext,
  target: SectionTarget,
  change: ReportingChange,
): Promise<SectionChange> {
  const { municipality } = change;
  await requireReport(ctx.db, municipality.id, target.reportId);
  const inDraft: SectionChange["inDraft"] = (work) =>
    change.run(async (trx, now) => {
      const report = await claimDraft(
        trx,
        municipality.id,
        target.reportId,
        target.expectedVersion,
        now,
      );
      const { value, before, after } = await work(trx, report);
      return {
        value,
        record: {
          entityId: report.id,
          entityLabel: reportLabel(report),
          before,
          after,
          version: report.version + 1,
        },
      };
    });
  return {
    municipality,
    inDraft,
    onSection: (sectionId, work) =>
      inDraft(async (trx, report) => {
        const sections = await listReportSections(trx, report.id);
        const section = sections.find((each) => each.id === sectionId);
        if (section === undefined) throw noSuchSection();
        return {
          value: { version: report.version + 1 },
          ...(await work(trx, report, section, sections)),
        };
      }),
  };
}

/**
 * A use case that changes the sections of a draft: checks the input against `schema`, lets
 * only the municipality's reporting administrators on, logged as `action` on the report,
 * then lets `run` make the change.
 */
function sectionUseCase<S extends TSchema & { static: SectionTarget }, R>(
  schema: S,
  action: string,
  run: (call: {
    readonly ctx: AppContext;
    readonly valid: Static<S>;
    readonly change: SectionChange;
  }) => Promise<R>,
): CatalogueUseCase<Static<S>, R> {
  return reportingUseCase(
    schema,
    action,
    (valid) => ({ entityType: "status_report", entityId: valid.reportId }),
    async ({ ctx, valid, change }) =>
      run({ ctx, valid, change: await sectionChange(ctx, valid, change) }),
  );
}

function snapshot(
  section: Pick<StoredReportSection, "kind"> & FreeSectionContent,
) {
  return {
    kind: section.kind,
    heading: section.heading,
    text: section.text,
    ...(section.kind === "topic"
      ? { figureKeys: section.figureKeys, projectSlugs: section.projectSlugs }
      : {}),
    ...(section.kind === "survey"
      ? {
          question: section.question,
          unit: section.unit,
          answers: section.answers,
        }
      : {}),
  };
}

const EMPTY: FreeSectionContent = {
  heading: "",
  text: "",
  figureKeys: [],
  projectSlugs: [],
  question: "",
  unit: "count",
  answers: [],
};

/**
 * Adds a free section: an introduction at the start, every other kind at the end. The
 * first one also places the block of per-project entries (after the introduction,
 * before the rest). Returns the section's id and the report's new version.
 */
export const addReportSection = sectionUseCase(
  AddReportSectionInputSchema,
  "report.section.create",
  async ({ ctx, valid, change }) => {
    const catalogue = await getCatalogue(ctx, change.municipality.slug);
    const content = contentOf(valid.kind, trimmed(valid.data));
    const problems = await contentProblems(ctx, catalogue, valid.kind, content);
    if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
    return change.inDraft(async (trx, report) => {
      const sections = await listReportSections(trx, report.id);
      if (
        ONCE.includes(valid.kind) &&
        sections.some((section) => section.kind === valid.kind)
      ) {
        throw new AppError("ERR_VALIDATION", {
          problems: [
            {
              path: "/kind",
              message:
                valid.kind === "introduction"
                  ? "Der Bericht hat schon eine Einleitung."
                  : "Der Bericht hat schon einen Ausblick.",
            },
          ],
        });
      }
      const ids = sections.map((section) => section.id);
      if (!sections.some((section) => section.kind === "projects"))
        ids.push(
          await insertReportSection(trx, report.id, "projects", 0, EMPTY),
        );
      const id = await insertReportSection(
        trx,
        report.id,
        valid.kind,
        0,
        content,
      );
      await setReportSectionOrder(
        trx,
        report.id,
        valid.kind === "introduction" ? [id, ...ids] : [...ids, id],
      );
      return {
        value: { id, version: report.version + 1 },
        before: null,
        after: snapshot({ kind: valid.kind, ...content }),
      };
    });
  },
);

/** Changes a free section's content. Returns the report's new version. */
export const updateReportSection = sectionUseCase(
  UpdateReportSectionInputSchema,
  "report.section.update",
  async ({ ctx, valid, change }) => {
    const catalogue = await getCatalogue(ctx, change.municipality.slug);
    const existing = await listReportSections(ctx.db, valid.reportId);
    const kind = existing.find((each) => each.id === valid.sectionId)?.kind;
    if (kind === undefined || kind === "projects") throw noSuchSection();
    const content = contentOf(kind, trimmed(valid.data));
    const problems = await contentProblems(ctx, catalogue, kind, content);
    if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
    return change.onSection(valid.sectionId, async (trx, report, section) => {
      await updateReportSectionRow(trx, report.id, section.id, content);
      return {
        before: snapshot(section),
        after: snapshot({ kind: section.kind, ...content }),
      };
    });
  },
);

/** Moves a section (or the projects block) one place up or down. */
export const moveReportSection = sectionUseCase(
  MoveReportSectionInputSchema,
  "report.section.move",
  async ({ valid, change }) => {
    return change.onSection(
      valid.sectionId,
      async (trx, report, section, sections) => {
        const ids = sections.map((each) => each.id);
        const from = ids.indexOf(section.id);
        const to = valid.direction === "up" ? from - 1 : from + 1;
        if (to >= 0 && to < ids.length) {
          ids[from] = ids[to]!;
          ids[to] = section.id;
        }
        await setReportSectionOrder(trx, report.id, ids);
        return {
          before: {
            kind: section.kind,
            heading: section.heading,
            position: from + 1,
          },
          after: {
            kind: section.kind,
            heading: section.heading,
            position: ids.indexOf(section.id) + 1,
          },
        };
      },
    );
  },
);

/** Removes a free section (the projects block cannot be removed). */
export const removeReportSection = sectionUseCase(
  RemoveReportSectionInputSchema,
  "report.section.delete",
  async ({ valid, change }) => {
    return change.onSection(
      valid.sectionId,
      async (trx, report, section, sections) => {
        if (section.kind === "projects") throw noSuchSection();
        await deleteReportSectionRow(trx, report.id, section.id);
        await setReportSectionOrder(
          trx,
          report.id,
          sections
            .filter((each) => each.id !== section.id)
            .map((each) => each.id),
        );
        return { before: snapshot(section), after: null };
      },
    );
  },
);

/** A draft's sections for the section editor, with the key figures a topic may show. */
export interface ReportSectionsForEditing {
  readonly report: Awaited<ReturnType<typeof getReportForEditing>>;
  readonly sections: readonly StoredReportSection[];
  readonly indicators: readonly {
    readonly key: string;
    readonly name: string;
  }[];
}

/**
 * The sections of a report for its administrators (the section editor); ERR_FORBIDDEN
 * (logged) for anyone else, ERR_REPORT_NOT_FOUND for a report of another municipality.
 */
export async function getReportSectionsForEditing(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  reportId: number,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ReportSectionsForEditing> {
  const { municipality } = await requireReportingAdmin.bySlug(
    ctx,
    principal,
    municipalitySlug,
    "report.read",
    { entityType: "status_report", entityId: reportId },
    origin,
  );
  const report = await getReportForEditing(
    ctx,
    principal,
    municipalitySlug,
    reportId,
    origin,
  );
  const [sections, indicators] = await Promise.all([
    listReportSections(ctx.db, report.report.id),
    listIndicators(ctx.db, municipality.id),
  ]);
  return {
    report,
    sections,
    indicators: indicators.map((each) => ({
      key: each.indicator.key,
      name: each.indicator.name,
    })),
  };
}
