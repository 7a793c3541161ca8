/**
 * The licences a municipality may publish its open data under, with the URIs of the
 * DCAT-AP.de licence vocabulary (dcat-ap.de/def/licenses), and the amtlicher
 * Regionalschlüssel that places the data on the map of German municipalities.
 */

/** A licence key as stored. */
export type LicenceKey = "dl-by-de/2.0" | "cc-by/4.0";

/** A licence: its German name, the text to read, and the DCAT-AP.de URI. */
export interface Licence {
  readonly key: LicenceKey;
  readonly name: string;
  readonly url: string;
  readonly uri: string;
}

/** The licences on offer; the first is the default. */
export const LICENCES: readonly Licence[] = [
  {
    key: "dl-by-de/2.0",
    name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    url: "https://www.govdata.de/dl-de/by-2-0",
    uri: "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
  },
  {
    key: "cc-by/4.0",
    name: "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
    url: "https://creativecommons.org/licenses/by/4.0/deed.de",
    uri: "http://dcat-ap.de/def/licenses/cc-by/4.0",
  },
];

/** The default licence of a municipality's open data. */
export const DEFAULT_LICENCE_KEY: LicenceKey = "dl-by-de/2.0";

/** Whether a text names a licence on offer. */
export function isLicenceKey(value: unknown): value is LicenceKey {
  return LICENCES.some((licence) => licence.key === value);
}

/** The licence of a key; unknown keys fall back to the default. */
export function licenceOf(key: string): Licence {
  return (
    LICENCES.find((licence) => licence.key === key) ?? (LICENCES[0] as Licence)
  );
}

/**
 * Whether a text is an amtlicher Regionalschlüssel (ARS) of a municipality: 12 digits —
 * Land (2), Regierungsbezirk (1), Kreis (2), Gemeindeverband (4), Gemeinde (3) — with a
 * Land code of 01 to 16.
 */
export function isRegionalKey(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const land = Number(value.slice(0, 2));
  return land >= 1 && land <= 16;
}

/** An origin a page may be embedded in: https (or http for localhost), host, optional port, nothing else. */
export function isEmbedOrigin(value: string): boolean {
  return /^(?:https:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+|http:\/\/(?:localhost|127\.0\.0\.1))(?::\d{1,5})?$/.test(
    value,
  );
}
