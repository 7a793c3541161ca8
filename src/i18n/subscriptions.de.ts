/**
 * German texts of following by e-mail (web/open-data/subscription.routes.tsx and the mails
 * of app/open-data/subscriptions.ts). Part of the dictionary as `t.subscriptions`;
 * subscriptions.en.ts has the same keys.
 */
export const subscriptionsDe = {
  pageTitle: "Benachrichtigungen per E-Mail",
  followLink: "Per E-Mail folgen",
  followTitle: "Veränderungen folgen",
  followIntro:
    "Erfahren Sie von neuen Fortschreibungen, Sachstandsberichten und Kennzahlen: als Atom-Feed für Ihren Feedreader oder höchstens einmal am Tag per E-Mail.",
  errorSummaryTitle: "Es gibt ein Problem",
  requested:
    "Bitte bestätigen Sie Ihre Adresse: wir haben Ihnen eine E-Mail mit einem Link geschickt (48 Stunden gültig).",
  lead: (municipality: string) =>
    `Erhalten Sie die veröffentlichten Veränderungen des Digitalisierungsprogramms von ${municipality} per E-Mail: neue Fortschreibungen, Sachstandsberichte und Kennzahlen, höchstens eine Zusammenfassung am Tag und nur, wenn es Neues gibt.`,
  storedTitle: "Was wir speichern und warum",
  storedText:
    "Wir speichern nur Ihre E-Mail-Adresse, nur um Ihnen diese Benachrichtigungen zu schicken, und nur bis Sie sie abbestellen. Ohne Bestätigung innerhalb von 48 Stunden wird die Adresse gelöscht. Jede E-Mail enthält einen Link zum Abbestellen, der Ihre Adresse sofort löscht. Die Adresse erscheint in keinem Export und keinen offenen Daten; die E-Mails enthalten keine Zählpixel und keine verfolgten Links.",
  fieldEmail: "E-Mail-Adresse",
  honeypot: "Bitte leer lassen",
  submit: "Benachrichtigungen bestellen",
  tooManyRequests:
    "Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einige Minuten und versuchen Sie es dann noch einmal; es wurde nichts gespeichert.",
  confirmTitle: "Adresse bestätigen",
  confirmText:
    "Bitte bestätigen Sie, dass Sie die veröffentlichten Veränderungen per E-Mail erhalten möchten.",
  confirmButton: "Ja, Benachrichtigungen erhalten",
  confirmedTitle: "Adresse bestätigt",
  confirmedText:
    "Danke! Sie erhalten ab jetzt höchstens einmal am Tag eine E-Mail, wenn Neues veröffentlicht wurde.",
  unsubscribeTitle: "Benachrichtigungen abbestellen",
  unsubscribeText:
    "Möchten Sie keine Benachrichtigungen mehr erhalten? Dann wird Ihre E-Mail-Adresse sofort gelöscht.",
  unsubscribeButton: "Abbestellen und Adresse löschen",
  unsubscribedTitle: "Abbestellt",
  unsubscribedText:
    "Sie erhalten keine Benachrichtigungen mehr. Ihre E-Mail-Adresse ist gelöscht.",
  confirmUnknown:
    "Dieser Bestätigungslink ist unbekannt, schon benutzt oder abgelaufen (48 Stunden).",
  unsubscribeUnknown: "Diese Adresse folgt hier nicht (mehr).",
  mailConfirmSubject: (municipality: string) =>
    `Bitte bestätigen: Veränderungen von ${municipality} per E-Mail folgen`,
  mailConfirmText: (
    municipality: string,
    confirmUrl: string,
    unsubscribeUrl: string,
  ) =>
    [
      `Guten Tag,`,
      ``,
      `jemand – hoffentlich Sie – möchte die veröffentlichten Veränderungen des Digitalisierungsprogramms von ${municipality} per E-Mail erhalten (höchstens eine Zusammenfassung am Tag).`,
      ``,
      `Bitte bestätigen Sie das innerhalb von 48 Stunden mit diesem Link:`,
      confirmUrl,
      ``,
      `Wenn Sie das nicht wollten, tun Sie nichts: ohne Bestätigung erhalten Sie keine weitere E-Mail, und Ihre Adresse wird nach 48 Stunden gelöscht.`,
      `Sofort löschen: ${unsubscribeUrl}`,
    ].join("\n"),
  mailDigestSubject: (feedTitle: string, count: number) =>
    `${feedTitle}: ${count === 1 ? "eine neue Veränderung" : `${count} neue Veränderungen`}`,
  mailDigestIntro: (author: string) => `Neu veröffentlicht bei ${author}:`,
  mailDigestFooter: (author: string, unsubscribeUrl: string) =>
    [
      `–– `,
      `Sie erhalten diese E-Mail, weil Sie die Veränderungen von ${author} abonniert haben.`,
      `Abbestellen (Ihre Adresse wird gelöscht): ${unsubscribeUrl}`,
    ].join("\n"),
};
