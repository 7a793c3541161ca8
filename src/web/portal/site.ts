/** The header data of a municipality's pages. */
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { SiteHeader } from "../components/page-layout/page-layout.js";

/** Municipality and programme for the page header. */
export function siteHeader(catalogue: Catalogue): SiteHeader {
  return {
    municipalitySlug: catalogue.municipality.slug,
    municipalityName: catalogue.municipality.name,
    programmeTitle: catalogue.programme.title,
  };
}
