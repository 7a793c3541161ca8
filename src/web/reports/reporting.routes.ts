/**
 * Everything of status reports, key figures and the OZG register on the web: the public
 * pages and the staff pages, each an encapsulated plugin with its own error handling.
 */
import type { FastifyInstance } from "fastify";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import { figureEditorRoutes } from "./figure-editor.routes.js";
import { registerEditorRoutes } from "./register-editor.routes.js";
import { reportEditorRoutes } from "./report-editor.routes.js";
import { reportPortalRoutes } from "./report-portal.routes.js";

/** What the reporting routes need from the app. */
export interface ReportingRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
  readonly pdf: PdfRenderer;
  readonly mail: MailDelivery | null;
}

/** Registers the public and the staff reporting routes. */
export async function reportingRoutes(app: FastifyInstance, options: ReportingRoutesOptions): Promise<void> {
  await app.register(reportPortalRoutes, { ctx: options.ctx, now: options.now, pdf: options.pdf });
  await app.register(reportEditorRoutes, { ctx: options.ctx, mail: options.mail, pdf: options.pdf });
  await app.register(figureEditorRoutes, { ctx: options.ctx, now: options.now });
  await app.register(registerEditorRoutes, { ctx: options.ctx, now: options.now });
}
