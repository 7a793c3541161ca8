/**
 * German texts of the accessibility statement and its form (web/accessibility/), in the
 * words of the EU model statement (Durchführungsbeschluss (EU) 2018/1523). Part of the
 * dictionary as `t.accessibility`; accessibility.en.ts has the same keys.
 */
export const accessibilityDe = {
  footerStatement: "Erklärung zur Barrierefreiheit",
  footerReport: "Barriere melden",
  title: "Erklärung zur Barrierefreiheit",
  intro: (municipality: string) =>
    `${municipality} ist bemüht, dieses Portal im Einklang mit den Rechtsvorschriften zur Umsetzung der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen.`,
  scopeTitle: "Geltungsbereich",
  scope: (municipality: string) =>
    `Diese Erklärung gilt für das Portal des Digitalisierungsprogramms von ${municipality} auf dieser Website:`,
  statusTitle: "Stand der Vereinbarkeit mit den Anforderungen",
  status: {
    full: "Dieses Portal ist mit den Anforderungen der BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA) vollständig vereinbar.",
    partial:
      "Dieses Portal ist wegen der unten aufgeführten Unvereinbarkeiten teilweise mit den Anforderungen der BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA) vereinbar.",
    none: "Dieses Portal ist mit den Anforderungen der BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA) nicht vereinbar. Die Unvereinbarkeiten sind unten aufgeführt.",
  },
  statusChoice: {
    full: "vollständig vereinbar",
    partial: "teilweise vereinbar",
    none: "nicht vereinbar",
  },
  barriersTitle: "Nicht barrierefreie Inhalte",
  barriersNone: "Es sind keine nicht barrierefreien Inhalte bekannt.",
  barriersCaption: "Nicht barrierefreie Inhalte, Gründe und Alternativen",
  columnContent: "Inhalt",
  columnReason: "Grund",
  columnAlternative: "Barrierefreie Alternative",
  noAlternative: "keine",
  preparationTitle: "Erstellung dieser Erklärung",
  preparedOn: (date: string) => `Diese Erklärung wurde am ${date} erstellt.`,
  notYetPrepared:
    "Die Verwaltung hat die Angaben dieser Erklärung noch nicht bestätigt.",
  method: (municipality: string, tool: string, date: string) =>
    `Die Bewertung beruht auf einer Selbstbewertung durch ${municipality}, gestützt auf die automatisierten Prüfungen (${tool}) dieser Version der Software vom ${date}.`,
  lastReview: (date: string) =>
    `Die Erklärung wurde zuletzt am ${date} überprüft.`,
  feedbackTitle: "Feedback und Kontaktangaben",
  feedbackText:
    "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieses Portals aufgefallen, oder benötigen Sie einen Inhalt in barrierefreier Form? Dann teilen Sie uns das bitte mit:",
  feedbackForm: "Formular „Barriere melden“",
  contactEmail: "E-Mail",
  contactPhone: "Telefon",
  contactAddress: "Anschrift",
  answerTime: (months: number) =>
    months === 1
      ? "Wir beantworten Ihre Rückmeldung innerhalb eines Monats."
      : `Wir beantworten Ihre Rückmeldung innerhalb von ${months} Monaten.`,
  enforcementTitle: "Schlichtungsverfahren",
  enforcementText:
    "Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten haben, können Sie sich an die Schlichtungsstelle des Landes wenden:",
  enforcementUnknown:
    "Für diese Kommune ist kein Land hinterlegt; die zuständige Schlichtungsstelle nennt Ihnen die Verwaltung.",
  jsonLink: "Diese Erklärung in maschinenlesbarer Form (JSON)",
  // The form (administrators)
  navSettings: "Barrierefreiheit",
  settingsTitle: "Erklärung zur Barrierefreiheit bearbeiten",
  settingsIntro:
    "Geltungsbereich, Prüfmethode, Datum der automatisierten Prüfung, Antwortfrist und Schlichtungsstelle ergänzt Fortschritt selbst. Hier tragen Sie ein, was nur die Verwaltung weiß.",
  fieldStatus: "Stand der Vereinbarkeit",
  fieldLastReview: "Letzte Überprüfung",
  fieldLastReviewHint:
    "Datum, z. B. 28.11.2022; leer lassen, wenn noch keine stattfand.",
  fieldContactEmail: "E-Mail-Adresse für Rückmeldungen",
  fieldContactPhone: "Telefon (optional)",
  fieldContactAddress: "Anschrift (optional)",
  barriersLegend: (number: number) => `Nicht barrierefreier Inhalt ${number}`,
  barriersHint:
    "Leere Zeilen werden nicht gespeichert. Für einen weiteren Eintrag speichern Sie; danach steht eine neue leere Zeile bereit.",
  fieldContent: "Inhalt",
  fieldReason: "Grund (z. B. unverhältnismäßige Belastung)",
  fieldAlternative: "Barrierefreie Alternative (optional)",
  saveSettings: "Erklärung speichern",
  settingsSaved: "Die Erklärung zur Barrierefreiheit ist gespeichert.",
  errorSummaryTitle: "Die Erklärung konnte nicht gespeichert werden",
  viewStatement: "Erklärung ansehen",
};
