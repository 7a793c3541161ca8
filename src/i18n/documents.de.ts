/** German texts of stored documents and their build state (ADR 0046). */
export const documentsDe = {
  buildingTitle: "Dokument wird erstellt …",
  buildingLead: (name: string) =>
    `„${name}“ wird gerade erstellt. Das dauert meist nur einige Sekunden. Mit JavaScript beginnt der Download von selbst, sobald das Dokument fertig ist; sonst fragen Sie mit der Schaltfläche erneut nach.`,
  buildingRetry: "Jetzt erneut versuchen",
  buildingReady: "Das Dokument ist fertig, der Download beginnt.",
  statusRetry: "Stand aktualisieren",
  statusTitle: "Dokumente zum Herunterladen",
  statusLead:
    "Die Dokumente werden beim Veröffentlichen einmal erstellt und danach sofort ausgeliefert. Solange eines erstellt wird, aktualisiert sich die Liste mit JavaScript von selbst.",
  kinds: {
    docx: "Katalog als Word-Dokument (DOCX)",
    pdf: "Als PDF",
    pptx: "Folien (PPTX)",
  },
  states: {
    pending: "wird erstellt …",
    ready: "fertig",
    failed: "wird beim ersten Abruf erstellt",
    missing: "wird beim ersten Abruf erstellt",
  },
  size: (kilobytes: string) => `${kilobytes} KB`,
  publishedDocumentsLink: "Stand der Dokumente ansehen",
  back: "Zurück",
};
