/** The first steps of a new municipality and its release to the public (web/editor/onboarding-panel.tsx). */
export const onboardingDe = {
  title: "Erste Schritte",
  intro:
    "Diese Kommune ist neu. Gehen Sie die Schritte der Reihe nach durch: Jeder baut auf dem vorigen auf.",
  stepTitles: {
    programme:
      "Programm beschreiben: Titel, Zeithorizont, Einleitung und Leitbild",
    "impact-areas": "Wirkungsbereiche anlegen",
    "action-fields": "Aktionsfelder in den Wirkungsbereichen anlegen",
    "org-units": "Organisationseinheiten anlegen (wer ist zuständig)",
    projects: "Projekte anlegen",
    release: "Arbeitsstand für das Portal freigeben",
  },
  stepNeeds: {
    programme: "",
    "impact-areas": "",
    "action-fields": "Zuerst braucht es einen Wirkungsbereich.",
    "org-units": "",
    projects:
      "Zuerst braucht es ein Aktionsfeld und eine Organisationseinheit.",
    release: "Zuerst beschreiben Sie das Programm.",
  },
  done: "erledigt",
  open: "offen",
  notYet: "noch nicht möglich",
  count: (n: number) => `(${n})`,
  next: "Als Nächstes",
  releaseTitle: "Freigabe für das Portal",
  releaseText:
    "Solange keine Fortschreibung beschlossen ist, zeigt das Portal nur den Stand, den die Administration freigibt, mit dem Hinweis „Arbeitsstand – noch nicht beschlossen“. Was danach eingegeben wird, bleibt intern bis zur nächsten Freigabe.",
  releaseNever:
    "Bisher ist nichts freigegeben: Das Portal zeigt nur den Namen des Programms.",
  releasedAt: (when: string, who: string) =>
    `Zuletzt freigegeben am ${when} von ${who}.`,
  releaseButton: "Aktuellen Arbeitsstand freigeben",
  released: "Der Arbeitsstand ist freigegeben; das Portal zeigt ihn jetzt.",
  actionFieldNeedsArea:
    "Ein Aktionsfeld gehört zu einem Wirkungsbereich. Legen Sie zuerst einen an:",
  projectNeedsStructure:
    "Ein Projekt gehört zu einem Aktionsfeld und hat eine zuständige Organisationseinheit. Legen Sie zuerst beides an.",
  deactivatedTitle: "Diese Kommune ist deaktiviert",
  deactivatedText:
    "Sie können alles lesen, aber nichts ändern, bis der Betrieb sie reaktiviert. Es wurde nichts gelöscht.",
  portalWorkingStateTitle: "Arbeitsstand – noch nicht beschlossen",
  portalWorkingStateText:
    "Dieses Programm ist noch nicht vom Rat beschlossen. Sie sehen den Stand, den die Verwaltung freigegeben hat; er kann sich noch ändern.",
};
