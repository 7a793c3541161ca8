/**
 * The audit log in the editor: the history (Verlauf) of a project and the whole log of the
 * municipality with filters. Read only — there is no route that changes or deletes an event.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import {
  readAuditLog,
  type AuditLogPage,
} from "../../app/audit/read-audit-log.js";
import { getEditorOverview } from "../../app/catalogue/read-editor.js";
import type { AppContext } from "../../app/context.js";
import { isoDateOfGermanDay } from "../../domain/period/point-in-time.js";
import {
  AuditLogPageView,
  HistoryPage,
  type AuditFilterValues,
} from "./audit-pages.js";
import { EDITOR_ROUTES, editorPaths } from "./editor-paths.js";
import { runUseCase } from "../http/use-case.js";
import { sendStaffPage } from "../http/staff-page.js";
import { idOf } from "../http/params.js";
import { viewOf } from "./editor-view.js";

/** What the audit routes need. */
export interface AuditRoutesOptions {
  readonly ctx: AppContext;
}

const PAGE_SIZE = 50;

const PageQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

const LogQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
  von: Type.Optional(Type.String({ maxLength: 40 })),
  bis: Type.Optional(Type.String({ maxLength: 40 })),
  person: Type.Optional(Type.String({ maxLength: 12 })),
  bereich: Type.Optional(Type.String({ maxLength: 40 })),
  aktion: Type.Optional(Type.String({ maxLength: 60 })),
});

/** The page number from ?seite=, 1 when missing or malformed. */
function pageNumber(value: string | undefined): number {
  return value !== undefined && /^[1-9]\d{0,4}$/.test(value)
    ? Number(value)
    : 1;
}

/** The links to the previous and next page of a log page. */
function pageLinks(
  request: FastifyRequest,
  log: AuditLogPage,
  page: number,
): { olderHref: string | null; newerHref: string | null } {
  const url = new URL(request.url, "http://localhost");
  const at = (target: number): string => {
    if (target <= 1) url.searchParams.delete("seite");
    else url.searchParams.set("seite", String(target));
    const search = url.searchParams.toString();
    return `${url.pathname}${search === "" ? "" : `?${search}`}`;
  };
  return {
    olderHref: log.hasMore ? at(page + 1) : null,
    newerHref: page > 1 ? at(page - 1) : null,
  };
}

/** Registers the history and the log pages. */
export async function auditRoutes(
  instance: FastifyInstance,
  options: AuditRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  app.get(
    EDITOR_ROUTES.history,
    {
      config: { policy: "staff" },
      schema: {
        hide: true,
        params: Type.Object({
          slug: Type.String(),
          projectSlug: Type.String(),
        }),
        querystring: PageQuery,
      },
    },
    async (request, reply) => {
      const { slug, projectSlug } = request.params;
      const page = pageNumber(request.query.seite);
      return sendStaffPage(request, reply, 200, {
        section: "project",
        load: async () => {
          const log = await runUseCase(ctx, request, readAuditLog, {
            municipality: slug,
            project: projectSlug,
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          });
          const overview = await runUseCase(
            ctx,
            request,
            getEditorOverview,
            slug,
          );
          return { ...overview, log };
        },
        page: (frame, { log }) => (
          <HistoryPage
            {...frame}
            log={log}
            {...pageLinks(request, log, page)}
          />
        ),
      });
    },
  );

  app.get(
    EDITOR_ROUTES.auditLog,
    {
      config: { policy: "staff" },
      schema: {
        hide: true,
        params: Type.Object({ slug: Type.String() }),
        querystring: LogQuery,
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const query = request.query;
      const view = viewOf(request);
      const filter: AuditFilterValues = {
        von: query.von ?? "",
        bis: query.bis ?? "",
        person: query.person ?? "",
        bereich: query.bereich ?? "",
        aktion: query.aktion ?? "",
      };
      const errors: Record<string, string> = {};
      const from =
        filter.von.trim() === "" ? undefined : isoDateOfGermanDay(filter.von);
      const until =
        filter.bis.trim() === "" ? undefined : isoDateOfGermanDay(filter.bis);
      if (from === null)
        errors.von = `${view.t.editor.auditFrom}: ${view.t.editor.auditDateInvalid}`;
      if (until === null)
        errors.bis = `${view.t.editor.auditUntil}: ${view.t.editor.auditDateInvalid}`;
      const page = pageNumber(query.seite);
      const invalid = Object.keys(errors).length > 0;
      return sendStaffPage(request, reply, invalid ? 400 : 200, {
        section: "auditLog",
        load: async () => {
          const overview = await runUseCase(
            ctx,
            request,
            getEditorOverview,
            slug,
          );
          const log = invalid
            ? null
            : await runUseCase(ctx, request, readAuditLog, {
                municipality: slug,
                from: from ?? undefined,
                until: until ?? undefined,
                actorUserId: idOf(filter.person) ?? undefined,
                entityType: filter.bereich === "" ? undefined : filter.bereich,
                action: filter.aktion === "" ? undefined : filter.aktion,
                limit: PAGE_SIZE,
                offset: (page - 1) * PAGE_SIZE,
              });
          return { ...overview, log };
        },
        page: (frame, { projects, log }) => (
          <AuditLogPageView
            {...frame}
            log={log}
            slug={slug}
            filter={filter}
            errors={errors}
            projectLinks={
              new Map(
                projects.map(({ project }) => [
                  project.id,
                  view.link(editorPaths.project(slug, project.slug)),
                ]),
              )
            }
            {...(log === null
              ? { olderHref: null, newerHref: null }
              : pageLinks(request, log, page))}
          />
        ),
      });
    },
  );
}
