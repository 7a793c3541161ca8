/**
 * Reading the OZG service register for the staff pages and exports: every record, the
 * register as it stood on a day with its report figures, and one service's history.
 */
import { groupBy } from "../../domain/collections.js";
import {
  listServices,
  type StoredService,
} from "../../db/service.repository.js";
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  aggregateOzgFigures,
  type OzgFigures,
} from "../../domain/service/ozg-figures.js";
import {
  isServiceValidOn,
  validateRegister,
  type Service,
  type ServiceProblemCode,
} from "../../domain/service/service.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { editorRightsOf, type EditorRights } from "../catalogue/read-editor.js";
import { guardedReader, UNKNOWN_ORIGIN } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { canManageReporting } from "../policies/report.policy.js";
import {
  requireReportingStaff,
  requireStaffOf,
} from "../reports/reporting-support.js";

/** The register for its staff page. */
export interface RegisterForStaff {
  readonly catalogue: Catalogue;
  readonly principal: UserPrincipal;
  readonly rights: EditorRights;
  readonly mayManage: boolean;
  readonly day: number;
  /** Every record, in register order. */
  readonly records: readonly StoredService[];
  /** The records valid on the day, one per service. */
  readonly current: readonly StoredService[];
  readonly figures: OzgFigures;
  /** Warnings of the register's rules (a missing URL …), by LeiKa key: the code, and the rule's German words. */
  readonly warnings: ReadonlyMap<string, readonly RegisterWarning[]>;
}

/** One broken rule of a stored record: its stable code and the rule's German message. */
export interface RegisterWarning {
  readonly code: ServiceProblemCode;
  readonly message: string;
}

/** The register as it stood on `day`; ERR_FORBIDDEN (logged) for anyone but administrators and editors. */
export async function getRegisterForStaff(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  day: number,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<RegisterForStaff> {
  const { municipality, user } = await requireStaffOf(
    ctx,
    principal,
    municipalitySlug,
    "service.read",
    origin,
  );
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  const records = await listServices(ctx.db, municipality.id);
  const services = records.map((each) => each.service);
  const warnings = groupBy(
    validateRegister(services),
    (problem) => services[problem.index]?.leikaKey ?? "",
    (problem): RegisterWarning => ({
      code: problem.code,
      message: problem.message,
    }),
  );
  const byKey = new Map<string, StoredService>();
  for (const record of records)
    if (isServiceValidOn(record.service, day))
      byKey.set(record.service.leikaKey, record);
  return {
    catalogue,
    principal: user,
    rights: editorRightsOf(user, municipality.id),
    mayManage: canManageReporting(user, municipality.id),
    day,
    records,
    current: [...byKey.values()],
    figures: aggregateOzgFigures(services, day),
    warnings,
  };
}

/** One service with all its records (oldest first) for its staff page; ERR_SERVICE_NOT_FOUND. */
export async function getServiceForStaff(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  leikaKey: string,
  day: number,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<
  RegisterForStaff & {
    readonly history: readonly StoredService[];
    readonly latest: StoredService;
  }
> {
  const register = await getRegisterForStaff(
    ctx,
    principal,
    municipalitySlug,
    day,
    origin,
  );
  const history = register.records
    .filter((each) => each.service.leikaKey === leikaKey)
    .sort(
      (a, b) =>
        (a.service.validFrom ?? -Infinity) - (b.service.validFrom ?? -Infinity),
    );
  const latest = history[history.length - 1];
  if (latest === undefined) throw new AppError("ERR_SERVICE_NOT_FOUND");
  return { ...register, history, latest };
}

/** Every record for an export (administrators and editors). */
export const exportRegister = guardedReader(
  requireReportingStaff,
  "service.export",
  async ({ ctx, municipality }): Promise<readonly Service[]> => {
    return (await listServices(ctx.db, municipality.id)).map(
      (each) => each.service,
    );
  },
);

export type { StoredService } from "../../db/service.repository.js";
