/**
 * The accessibility statement (Erklärung zur Barrierefreiheit) of a municipality's portal,
 * in the structure of the EU model statement (Implementing Decision (EU) 2018/1523):
 * scope, compliance status, non-accessible content with reason and alternative, how and
 * when it was prepared, feedback and contact, and the enforcement (conciliation) procedure.
 * What the administrators enter (status, barriers, last review, contact) is combined here
 * with what the product knows (scope, method, the date of the automated checks, the
 * answer time and the Land's conciliation body).
 */
import {
  AUTOMATED_CHECKS_DATE,
  AUTOMATED_CHECKS_TOOL,
} from "./automated-checks.js";
import {
  conciliationBodyFor,
  type ConciliationBody,
} from "./conciliation-bodies.js";

/** How far the portal meets the requirements (BITV 2.0 / EN 301 549). */
export type ComplianceStatus = "full" | "partial" | "none";

/** All statuses, in the order the form offers them. */
export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = [
  "full",
  "partial",
  "none",
];

/** Whether a text is a compliance status. */
export function isComplianceStatus(value: unknown): value is ComplianceStatus {
  return COMPLIANCE_STATUSES.includes(value as ComplianceStatus);
}

/** Content that is not accessible, why, and how to get it otherwise. */
export interface KnownBarrier {
  readonly content: string;
  readonly reason: string;
  /** An accessible alternative; empty when there is none. */
  readonly alternative: string;
}

/** What the administrators keep (the form). */
export interface StatementSettings {
  readonly status: ComplianceStatus;
  readonly barriers: readonly KnownBarrier[];
  /** The day of the last review (YYYY-MM-DD), or null when none was entered. */
  readonly lastReview: string | null;
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly contactAddress: string;
  /** When the settings were last saved (ISO instant), or null for the defaults. */
  readonly updatedAt: string | null;
}

/** The settings before an administrator has saved any. */
export const DEFAULT_STATEMENT_SETTINGS: StatementSettings = {
  status: "partial",
  barriers: [],
  lastReview: null,
  contactEmail: "",
  contactPhone: "",
  contactAddress: "",
  updatedAt: null,
};

/** Most barriers a statement lists (the form's rows). */
export const MAX_KNOWN_BARRIERS = 10;

/** Months within which the municipality promises to answer feedback about barriers. */
export const ANSWER_TIME_MONTHS = 1;

/** The statement as the pages and the JSON show it. */
export interface AccessibilityStatement {
  readonly municipality: {
    readonly slug: string;
    readonly name: string;
    readonly land: string | null;
  };
  /** The portal this statement is for: the municipality's pages on this instance. */
  readonly scope: { readonly portalPath: string };
  readonly status: ComplianceStatus;
  readonly barriers: readonly KnownBarrier[];
  readonly assessment: {
    readonly method: "self-assessment";
    readonly automatedChecksTool: string;
    /** The day the automated checks of this release passed (YYYY-MM-DD). */
    readonly automatedChecksDate: string;
  };
  /** The day the statement was prepared (last saved), YYYY-MM-DD, or null. */
  readonly preparedOn: string | null;
  readonly lastReview: string | null;
  readonly contact: {
    readonly email: string | null;
    readonly phone: string | null;
    readonly address: string | null;
    /** The feedback form about barriers (path on this instance). */
    readonly feedbackPath: string;
  };
  readonly answerTimeMonths: number;
  readonly conciliationBody: ConciliationBody | null;
}

/** Paths of the statement's neighbours on the portal. */
export interface StatementPaths {
  readonly portal: string;
  readonly feedback: string;
}

/** Builds the statement of a municipality from its settings and what the product knows. */
export function buildStatement(
  municipality: {
    readonly slug: string;
    readonly name: string;
    readonly state: string | null;
    readonly regionalKey: string | null;
  },
  settings: StatementSettings,
  paths: StatementPaths,
): AccessibilityStatement {
  const orNull = (text: string): string | null =>
    text.trim() === "" ? null : text.trim();
  const conciliationBody = conciliationBodyFor(
    municipality.regionalKey,
    municipality.state,
  );
  return {
    municipality: {
      slug: municipality.slug,
      name: municipality.name,
      land: conciliationBody?.land ?? orNull(municipality.state ?? ""),
    },
    scope: { portalPath: paths.portal },
    status: settings.status,
    barriers: settings.barriers,
    assessment: {
      method: "self-assessment",
      automatedChecksTool: AUTOMATED_CHECKS_TOOL,
      automatedChecksDate: AUTOMATED_CHECKS_DATE,
    },
    preparedOn: settings.updatedAt?.slice(0, 10) ?? null,
    lastReview: settings.lastReview,
    contact: {
      email: orNull(settings.contactEmail),
      phone: orNull(settings.contactPhone),
      address: orNull(settings.contactAddress),
      feedbackPath: paths.feedback,
    },
    answerTimeMonths: ANSWER_TIME_MONTHS,
    conciliationBody,
  };
}
