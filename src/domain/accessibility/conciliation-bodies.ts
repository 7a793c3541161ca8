/**
 * The conciliation bodies (Schlichtungs-, Ombuds-, Beschwerde- or Durchsetzungsstellen)
 * that a person may turn to when a municipality's answer about a barrier on its website
 * does not satisfy them (the enforcement procedure of Directive (EU) 2016/2102, Art. 9);
 * each Land has its own for its municipalities. The accessibility statement names the one
 * of the municipality's Land.
 *
 * Every entry records the official pages it was checked against (`sources`) and the day
 * (`checkedOn`). Only what those pages show is entered: where no official page gave the
 * postal address, `address` is null (the statement then shows the name and the web
 * address) and `unconfirmed` says what is missing. `verified` is true when name, web
 * address and postal address were all found on official pages. Check again when a Land
 * reorganises its body; update `checkedOn` with each check.
 */
/** One Land's conciliation body. */
export interface ConciliationBody {
  /** The first two digits of the amtlicher Regionalschlüssel (01 Schleswig-Holstein … 16 Thüringen). */
  readonly landCode: string;
  /** The Land, as written in the municipality's record (`state`). */
  readonly land: string;
  readonly name: string;
  /** Postal address, lines separated by "\n"; null when no official source gave it. */
  readonly address: string | null;
  readonly url: string;
  readonly email?: string;
  /** The official pages name, web address (and postal address) were checked against. */
  readonly sources: readonly string[];
  /** The day of the last check (JJJJ-MM-TT). */
  readonly checkedOn: string;
  /** What the sources did not confirm; absent when everything was confirmed. */
  readonly unconfirmed?: string;
  /** Whether name, web address and postal address were all confirmed by official sources. */
  readonly verified: boolean;
}

const CHECKED_ON = "2026-12-06";

/** All 16 Länder, by Regionalschlüssel. */
export const CONCILIATION_BODIES: readonly ConciliationBody[] = [
  {
    landCode: "01",
    land: "Schleswig-Holstein",
    name: "Beschwerdestelle für barrierefreie Informationstechnik Schleswig-Holstein",
    address: null,
    url: "https://www.landtag.ltsh.de/beauftragte/beschwerdestelle-fuer-barrieren",
    sources: [
      "https://www.landtag.ltsh.de/beauftragte/beschwerdestelle-fuer-barrieren",
      "https://www.landtag.ltsh.de/beauftragte/beschwerdestelle-fuer-barrieren/beschwerde-einreichen/",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: die Seiten der Beschwerdestelle nennen keine. Die Landesbeauftragte für Menschen mit Behinderungen hat ihre Besuchsadresse im Landtag (Karolinenweg 1, 24105 Kiel; landtag.ltsh.de/beauftragte/lb/), dass die Beschwerdestelle dort erreichbar ist, steht nirgends.",
    verified: false,
  },
  {
    landCode: "02",
    land: "Hamburg",
    name: "Schlichtungsstelle nach dem Hamburgischen Behindertengleichstellungsgesetz (HmbBGG) bei der Öffentlichen Rechtsauskunft- und Vergleichsstelle (ÖRA)",
    address: "Dammtorstraße 14\n20354 Hamburg",
    url: "https://www.hamburg.de/politik-und-verwaltung/behoerden/sozialbehoerde/themen/behinderung/schlichtungsstelle-behinderung/start-43312",
    sources: [
      "https://www.hamburg.de/politik-und-verwaltung/behoerden/sozialbehoerde/themen/behinderung/schlichtungsstelle-behinderung/start-43312",
      "https://www.hamburg.de/politik-und-verwaltung/behoerden/sozialbehoerde/aktuelles/pressemeldungen/2023-01-09-sozialbehoerde-schlichtungsstelle-behinderung-521720",
      "https://www.hamburg.de/service/info/11262806/",
      "https://www.hamburg.de/barrierefrei/leichte-sprache/soziales-hilfen/oeffentliche-rechtsauskunft-576260",
      "https://rak-hamburg.de/buerger/oera&prozesskostenhilfe",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postleitzahl: die Seiten der Stadt nennen die ÖRA-Hauptstelle Dammtorstraße 14, die Postleitzahl nur gekürzt („2035…“, hamburg.de, Leichte Sprache); vollständig (20354) nennt sie die Hanseatische Rechtsanwaltskammer Hamburg (rak-hamburg.de).",
    verified: true,
  },
  {
    landCode: "03",
    land: "Niedersachsen",
    name: "Schlichtungsstelle nach § 9d des Niedersächsischen Behindertengleichstellungsgesetzes bei der Landesbeauftragten für Menschen mit Behinderungen",
    address: null,
    url: "https://www.behindertenbeauftragte-niedersachsen.de/DE/Schlichtungsstelle/Schlichtungsverfahren/betroffen/betroffen.html",
    sources: [
      "https://www.behindertenbeauftragte-niedersachsen.de/DE/Schlichtungsstelle/Schlichtungsverfahren/betroffen/betroffen.html",
      "http://www.voris.niedersachsen.de/jportal/?quelle=jlink&query=BehGleichG+ND+%C2%A7+9c&psml=bsvorisprod.psml&max=true",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: keine offizielle Quelle gefunden. Der genaue Name der Stelle ist aus § 9c/§ 9d NBGG und dem Pfad der Website der Landesbeauftragten abgeleitet.",
    verified: false,
  },
  {
    landCode: "04",
    land: "Bremen",
    name: "Schlichtungsstelle nach dem Bremischen Behindertengleichstellungsgesetz beim Landesbehindertenbeauftragten der Freien Hansestadt Bremen",
    address: null,
    url: "https://www.behindertenbeauftragter.bremen.de/der_beauftragte/schlichtungsstelle_der_freien_hansestadt_bremen-31675",
    sources: [
      "https://www.behindertenbeauftragter.bremen.de/der_beauftragte/schlichtungsstelle_der_freien_hansestadt_bremen-31675",
      "https://www.service.bremen.de/dienstleistungen/schlichtungsverfahren-zur-behindertengleichstellung-beantragen-139831",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: keine offizielle Quelle gefunden. Für Beschwerden über Websites ist zuerst die Zentralstelle für barrierefreie Informationstechnik zuständig (Durchsetzungsverfahren), danach die Schlichtungsstelle (service.bremen.de, Leistung 139830).",
    verified: false,
  },
  {
    landCode: "05",
    land: "Nordrhein-Westfalen",
    name: "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen bei der Beauftragten für die Belange der Menschen mit Behinderung",
    address: null,
    url: "https://www.lbbp.nrw.de/ombudsstelle",
    email: "ombudsstelle-barrierefreie-it@mags.nrw.de",
    sources: [
      "https://www.lbbp.nrw.de/ombudsstelle",
      "https://www.mags.nrw/ombudsstelle-barrierefreie-informationstechnik",
      "https://www.it.nrw/nrw-ueberwachungsstelle-fuer-die-it-barrierefreiheit-gestartet-98284",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: keine amtliche Quelle gefunden; nur eine ältere, nicht amtliche Seite nennt den Dienstsitz der Landesbeauftragten im Ministerium, Fürstenwall 25, 40219 Düsseldorf.",
    verified: false,
  },
  {
    landCode: "06",
    land: "Hessen",
    name: "Durchsetzungs- und Überwachungsstelle für barrierefreie Informationstechnik des Landes Hessen (LBIT)",
    address: null,
    url: "https://lbit.hessen.de/Durchsetzungs-und-Ueberwachungsstelle/Durchsetzungsverfahren-beantragen",
    sources: [
      "https://lbit.hessen.de/Durchsetzungs-und-Ueberwachungsstelle/Durchsetzungsverfahren-beantragen",
      "https://lbit.hessen.de/presse/internationaler-tag-der-menschen-mit-behinderung",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: die Quellen nennen nur den Sitz beim Regierungspräsidium Gießen, keine Anschrift.",
    verified: false,
  },
  {
    landCode: "07",
    land: "Rheinland-Pfalz",
    name: "Durchsetzungsstelle zur digitalen Barrierefreiheit bei der Landesbeauftragten für die Belange von Menschen mit Behinderungen Rheinland-Pfalz",
    address:
      "Landesbeauftragte für die Belange von Menschen mit Behinderungen\nBauhofstraße 9\n55116 Mainz",
    url: "https://inklusion.rlp.de/de/landesbeauftragte-landesteilhabebeirat/durchsetzungsstelle/",
    email: "durchsetzungsstelle@mastd.rlp.de",
    sources: [
      "https://inklusion.rlp.de/de/landesbeauftragte-landesteilhabebeirat/durchsetzungsstelle/",
      "https://behindertenbeauftragte.rlp.de/landesbeauftragte/aufgaben-1",
      "https://behindertenbeauftragte.rlp.de/landesbeauftragte/schwerpunkte/barrierefreiheit/barrierefreie-verwaltung",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Eigene Postanschrift der Durchsetzungsstelle: keine; eingetragen ist die Anschrift der Landesbeauftragten (Seite „Barrierefreie Verwaltung“), bei der die Durchsetzungsstelle nach der Seite „Aufgaben“ angegliedert ist.",
    verified: true,
  },
  {
    landCode: "08",
    land: "Baden-Württemberg",
    name: "Schlichtungsstelle des Landeszentrums Barrierefreiheit (LZ-BARR)",
    address: "Else-Josenhans-Straße 6\n70173 Stuttgart",
    url: "https://barrierefreiheit-bw.de/barrierefreiheitdurchsetzen/schlichtungsantrag",
    sources: [
      "https://barrierefreiheit-bw.de/barrierefreiheitdurchsetzen/schlichtungsantrag",
      "https://www.baden-wuerttemberg.de/de/service/presse/pressemitteilung/pid/landeszentrum-barrierefreiheit-beraet-zu-webseiten-und-dokumenten",
    ],
    checkedOn: CHECKED_ON,
    verified: true,
  },
  {
    landCode: "09",
    land: "Bayern",
    name: "Durchsetzungs- und Überwachungsstelle für barrierefreie Informationstechnik am Landesamt für Digitalisierung, Breitband und Vermessung",
    address:
      "Landesamt für Digitalisierung, Breitband und Vermessung\nAlexandrastraße 4\n80538 München",
    url: "https://www.finanzministerium.bayern/digitalisierung/barrierefreiheit/",
    sources: [
      "https://www.finanzministerium.bayern/digitalisierung/barrierefreiheit/",
      "http://www.adbv-bamberg.de/datenschutz.html",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Eigene Seite und eigene Postanschrift der Stelle: keine offizielle Quelle gefunden; die Seite ist die des Finanzministeriums (§ 11 BayDiV), die Anschrift die des Landesamts, an dem die Stelle nach dieser Seite eingerichtet ist (Datenschutzerklärung des Landesamts auf adbv-bamberg.de).",
    verified: false,
  },
  {
    landCode: "10",
    land: "Saarland",
    name: "Schlichtungsstelle nach § 12e des Saarländischen Behindertengleichstellungsgesetzes",
    address: null,
    url: "https://www.saarland.de/masfg/DE/portale/sozialesleben/leistungensoziales/menschenmitbehinderungen/behindertenpolitik",
    email: "inklusion@soziales.saarland.de",
    sources: [
      "https://service.saarland.de/barrierefreiheit",
      "https://saarland.de/masfg/DE/portale/sozialesleben/leistungensoziales/menschenmitbehinderungen/behindertenpolitik",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift und eigene Seite: keine offizielle Quelle gefunden. Name und E-Mail stammen aus der Erklärung zur Barrierefreiheit des Serviceportals (Staatskanzlei); Presseberichte von 2024 melden, dass die Stelle in die neue Landesfachstelle Barrierefreiheit eingegliedert wurde.",
    verified: false,
  },
  {
    landCode: "11",
    land: "Berlin",
    name: "Schlichtungsstelle nach § 33 Landesgleichberechtigungsgesetz bei der Landesbeauftragten für Menschen mit Behinderungen",
    address: null,
    url: "https://www.berlin.de/lb/behi/themen/schlichtungsstelle/",
    sources: ["https://www.berlin.de/lb/behi/themen/schlichtungsstelle/"],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: keine aktuelle amtliche Quelle gefunden. Eine Pressemitteilung von 2006 (berlin.de/rbmskzl, Pressemitteilung 44405) nennt die Oranienstraße 106, 10969 Berlin als Dienstgebäude der Landesbeauftragten; ob die Schlichtungsstelle dort erreichbar ist, steht nirgends.",
    verified: false,
  },
  {
    landCode: "12",
    land: "Brandenburg",
    name: "Durchsetzungsstelle für digitale Barrierefreiheit bei der Landesbeauftragten für die Belange der Menschen mit Behinderungen",
    address: null,
    url: "https://msgiv.brandenburg.de/msgiv/de/beauftragte/landesbehindertenbeauftragte/durchsetzungsstelle",
    email: "durchsetzung.BIT@msgiv.brandenburg.de",
    sources: [
      "https://msgiv.brandenburg.de/msgiv/de/beauftragte/landesbehindertenbeauftragte/durchsetzungsstelle",
      "https://msgiv.brandenburg.de/msgiv/de/beauftragte/landesbehindertenbeauftragte/ueberwachungsstelle-barrierefreies-internet/",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: keine offizielle Quelle gefunden. Die E-Mail-Adresse stammt aus einem Beitrag von digitalesbb.de (2020), nicht von der Seite der Stelle.",
    verified: false,
  },
  {
    landCode: "13",
    land: "Mecklenburg-Vorpommern",
    name: "Anlauf- und Überwachungsstelle „Digitale Barrierefreiheit“ im Ministerium für Soziales, Integration und Gleichstellung Mecklenburg-Vorpommern",
    address: null,
    url: "https://liste.barrierefreies-web-mv.de/",
    sources: [
      "https://www.laf-mv.de/service/Barrierefreiheit",
      "https://liste.barrierefreies-web-mv.de/",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift und eigene Seite für Beschwerden: keine offizielle Quelle gefunden. Dass diese Stelle das Durchsetzungsverfahren führt (§ 2 Abs. 1 BITVO M-V), steht in der Erklärung zur Barrierefreiheit des Landesamts für Finanzen.",
    verified: false,
  },
  {
    landCode: "14",
    land: "Sachsen",
    name: "Durchsetzungsstelle des Freistaates Sachsen für barrierefreie Websites und mobile Anwendungen",
    address: null,
    url: "https://www.durchsetzungsstelle.sachsen.de/beschwerden-an-die-durchsetzungsstelle-3980.html",
    email: "Durchsetzungsstelle@sk.sachsen.de",
    sources: [
      "https://www.durchsetzungsstelle.sachsen.de/beschwerden-an-die-durchsetzungsstelle-3980.html",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: keine offizielle Quelle gefunden (die E-Mail-Adresse gehört zur Sächsischen Staatskanzlei). Die Quelle nennt die Stelle nur „Durchsetzungsstelle“; der Zusatz im Namen beschreibt ihre Aufgabe nach derselben Seite.",
    verified: false,
  },
  {
    landCode: "15",
    land: "Sachsen-Anhalt",
    name: "Ombudsstelle für barrierefreie Informationstechnik des Landes Sachsen-Anhalt (bei der Landesfachstelle für Barrierefreiheit)",
    address: null,
    url: "https://lf-barrierefreiheit-st.de/ueber-uns/ombudsstelle",
    sources: [
      "https://lf-barrierefreiheit-st.de/ueber-uns/ombudsstelle",
      "https://ukst.de/service/presse",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed:
      "Postanschrift: die Quellen nennen nur den Sitz bei der Unfallkasse Sachsen-Anhalt in Zerbst/Anhalt, keine Anschrift.",
    verified: false,
  },
  {
    landCode: "16",
    land: "Thüringen",
    name: "Landesdurchsetzungsstelle für digitale Barrierefreiheit beim Thüringer Landesbeauftragten für Menschen mit Behinderungen",
    address: null,
    url: "https://tlmb-thueringen.de/themen/barrierefreiheit/landesdurchsetzungsstelle",
    sources: [
      "https://tlmb-thueringen.de/themen/barrierefreiheit/landesdurchsetzungsstelle",
    ],
    checkedOn: CHECKED_ON,
    unconfirmed: "Postanschrift: keine offizielle Quelle gefunden.",
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
