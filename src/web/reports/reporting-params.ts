/**
 * The URL parts of the reporting staff routes, as their schemas check them: slugs and ids
 * with the lengths the routes accept, and the report a URL names by its number.
 */
import { Type } from "@sinclair/typebox";

/** A municipality's, a project's or a key figure's slug in a URL. */
export const Slug = Type.String({ maxLength: 100 });
/** An id or a number in a URL. */
export const Id = Type.String({ maxLength: 12 });
/** A page of the municipality. */
export const Params = Type.Object({ slug: Slug });
/** A report, named by its number. */
export const ReportParams = Type.Object({ slug: Slug, reportNumber: Id });
