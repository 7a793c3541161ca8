/**
 * The conciliation bodies (Schlichtungs-, Ombuds- or Durchsetzungsstellen) that a person
 * may turn to when a municipality's answer about a barrier does not satisfy them; each
 * Land has its own for its municipalities (its Behindertengleichstellungsgesetz). The
 * accessibility statement names the one of the municipality's Land.
 *
 * Keep this list up to date by hand: `verified` marks the entries whose name and web
 * address were checked against the body's own or the Land's website; the others are
 * the best knowledge at the time of writing and should be checked before relying on them.
 */

/** One Land's conciliation body. */
export interface ConciliationBody {
  /** The first two digits of the amtlicher Regionalschlüssel (01 Schleswig-Holstein … 16 Thüringen). */
  readonly landCode: string;
  /** The Land, as written in the municipality's record (`state`). */
  readonly land: string;
  readonly name: string;
  /** Postal address, lines separated by "\n". */
  readonly address: string;
  readonly url: string;
  readonly email?: string;
  /** Whether name and address were checked against an official source. */
  readonly verified: boolean;
}

/** All 16 Länder, by Regionalschlüssel. */
export const CONCILIATION_BODIES: readonly ConciliationBody[] = [
  {
    landCode: "01",
    land: "Schleswig-Holstein",
    name: "Schlichtungsstelle bei der Landesbeauftragten für Menschen mit Behinderungen Schleswig-Holstein",
    address: "Karolinenweg 1\n24105 Kiel",
    url: "https://www.landtag.ltsh.de/beauftragte/lb/",
    email: "schlichtung@landtag.ltsh.de",
    verified: false,
  },
  {
    landCode: "02",
    land: "Hamburg",
    name: "Schlichtungsstelle nach dem Hamburgischen Behindertengleichstellungsgesetz bei der Öffentlichen Rechtsauskunft- und Vergleichsstelle (ÖRA)",
    address: "Dammtorstraße 14\n20354 Hamburg",
    url: "https://www.hamburg.de/politik-und-verwaltung/behoerden/sozialbehoerde/themen/behinderung/schlichtungsstelle-behinderung",
    verified: false,
  },
  {
    landCode: "03",
    land: "Niedersachsen",
    name: "Schlichtungsstelle nach dem Niedersächsischen Behindertengleichstellungsgesetz bei der Landesbeauftragten für Menschen mit Behinderungen",
    address: "Hannah-Arendt-Platz 2\n30159 Hannover",
    url: "https://www.schlichtungsstelle-ndsbgg.niedersachsen.de/",
    verified: false,
  },
  {
    landCode: "04",
    land: "Bremen",
    name: "Schlichtungsstelle der Freien Hansestadt Bremen beim Landesbehindertenbeauftragten",
    address: "Teerhof 59\n28199 Bremen",
    url: "https://www.behindertenbeauftragter.bremen.de/der_beauftragte/schlichtungsstelle_der_freien_hansestadt_bremen-31675",
    verified: false,
  },
  {
    landCode: "05",
    land: "Nordrhein-Westfalen",
    name: "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen bei der Beauftragten für die Belange der Menschen mit Behinderung",
    address: "Fürstenwall 25\n40219 Düsseldorf",
    url: "https://www.lbbp.nrw.de/ombudsstelle",
    email: "ombudsstelle-barrierefreie-it@mags.nrw.de",
    verified: true,
  },
  {
    landCode: "06",
    land: "Hessen",
    name: "Durchsetzungs- und Beschwerdestelle für barrierefreie Informationstechnik bei der Beauftragten der Hessischen Landesregierung für Menschen mit Behinderungen",
    address: "Sonnenberger Straße 2/2a\n65193 Wiesbaden",
    url: "https://soziales.hessen.de/",
    verified: false,
  },
  {
    landCode: "07",
    land: "Rheinland-Pfalz",
    name: "Schlichtungsstelle bei der Landesbeauftragten für die Belange behinderter Menschen Rheinland-Pfalz",
    address: "Bauhofstraße 9\n55116 Mainz",
    url: "https://lb.rlp.de/",
    verified: false,
  },
  {
    landCode: "08",
    land: "Baden-Württemberg",
    name: "Schlichtungsstelle des Landes-Zentrums für Barrierefreiheit (LZ-BARR)",
    address: "Else-Josenhans-Straße 6\n70173 Stuttgart",
    url: "https://lz-barr.de/",
    verified: false,
  },
  {
    landCode: "09",
    land: "Bayern",
    name: "Durchsetzungs- und Überwachungsstelle für barrierefreie Informationstechnik beim Landesamt für Digitalisierung, Breitband und Vermessung",
    address: "St.-Martin-Straße 47\n81541 München",
    url: "https://www.ldbv.bayern.de/",
    verified: false,
  },
  {
    landCode: "10",
    land: "Saarland",
    name: "Landesbeauftragter für die Belange von Menschen mit Behinderungen des Saarlandes (Schlichtung)",
    address: "Franz-Josef-Röder-Straße 23\n66119 Saarbrücken",
    url: "https://www.saarland.de/",
    verified: false,
  },
  {
    landCode: "11",
    land: "Berlin",
    name: "Schlichtungsstelle nach § 33 Landesgleichberechtigungsgesetz bei der Landesbeauftragten für Menschen mit Behinderungen",
    address: "Oranienstraße 106\n10969 Berlin",
    url: "https://www.berlin.de/lb/behi/themen/schlichtungsstelle/",
    verified: false,
  },
  {
    landCode: "12",
    land: "Brandenburg",
    name: "Durchsetzungsstelle für digitale Barrierefreiheit bei der Landesbeauftragten für die Belange der Menschen mit Behinderungen",
    address: "Henning-von-Tresckow-Straße 2–13\n14467 Potsdam",
    url: "https://msgiv.brandenburg.de/msgiv/de/beauftragte/landesbehindertenbeauftragte/durchsetzungsstelle",
    verified: false,
  },
  {
    landCode: "13",
    land: "Mecklenburg-Vorpommern",
    name: "Schlichtungsstelle beim Bürgerbeauftragten des Landes Mecklenburg-Vorpommern",
    address: "Schloßstraße 8\n19053 Schwerin",
    url: "https://www.buergerbeauftragter-mv.de/",
    verified: false,
  },
  {
    landCode: "14",
    land: "Sachsen",
    name: "Beauftragter der Sächsischen Staatsregierung für die Belange von Menschen mit Behinderungen (Durchsetzungsverfahren)",
    address: "Albertstraße 10\n01097 Dresden",
    url: "https://www.behindertenbeauftragter.sachsen.de/",
    verified: false,
  },
  {
    landCode: "15",
    land: "Sachsen-Anhalt",
    name: "Schlichtungsstelle bei der Landesbeauftragten für Menschen mit Behinderungen Sachsen-Anhalt",
    address: "Turmschanzenstraße 25\n39114 Magdeburg",
    url: "https://ms.sachsen-anhalt.de/",
    verified: false,
  },
  {
    landCode: "16",
    land: "Thüringen",
    name: "Schlichtungsstelle beim Beauftragten für Menschen mit Behinderungen des Freistaats Thüringen",
    address: "Werner-Seelenbinder-Straße 6\n99096 Erfurt",
    url: "https://www.tlmb-thueringen.de/",
    verified: false,
  },
];

/**
 * The body of a municipality's Land: by the Regionalschlüssel's first two digits, else
 * by the Land's name as recorded; null when neither names a Land.
 */
export function conciliationBodyFor(
  regionalKey: string | null,
  land: string | null,
): ConciliationBody | null {
  const code = regionalKey?.slice(0, 2);
  const byCode = CONCILIATION_BODIES.find((body) => body.landCode === code);
  if (byCode !== undefined) return byCode;
  const name = land?.trim().toLowerCase();
  return (
    CONCILIATION_BODIES.find((body) => body.land.toLowerCase() === name) ?? null
  );
}
