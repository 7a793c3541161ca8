/** German texts of stored documents and their build state (ADR 0046). */
export const documentsDe = {
  buildingTitle: "Dokument wird erstellt …",
  buildingLead: (name: string) =>
    `„${name}“ wird gerade erstellt. Diese Seite lädt sich alle paar Sekunden neu; der Download beginnt, sobald das Dokument fertig ist.`,
  buildingRetry: "Jetzt erneut versuchen",
  statusTitle: "Dokumente zum Herunterladen",
  statusLead:
    "Die Dokumente werden beim Veröffentlichen einmal erstellt und danach sofort ausgeliefert. Solange eines erstellt wird, lädt sich diese Seite selbst neu.",
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
