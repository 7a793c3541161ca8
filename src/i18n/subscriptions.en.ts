/** English texts of following by e-mail; the same keys as subscriptions.de.ts. */
import type { subscriptionsDe } from "./subscriptions.de.js";

export const subscriptionsEn: typeof subscriptionsDe = {
  pageTitle: "E-mail notifications",
  followLink: "Follow by e-mail",
  followTitle: "Follow the changes",
  followIntro:
    "Hear about new editions, status reports and key figures: as an Atom feed for your feed reader, or by e-mail at most once a day.",
  errorSummaryTitle: "There is a problem",
  requested:
    "Please confirm your address: we have sent you an e-mail with a link (valid for 48 hours).",
  lead: (municipality: string) =>
    `Receive the published changes of ${municipality}'s digitalisation programme by e-mail: new editions, status reports and key figures, at most one digest a day and only when there is something new.`,
  storedTitle: "What we store and why",
  storedText:
    "We store only your e-mail address, only to send you these notifications, and only until you unsubscribe. Without confirmation within 48 hours the address is deleted. Every e-mail contains a link to unsubscribe that deletes your address at once. The address appears in no export and no open data; the e-mails contain no tracking pixels and no tracked links.",
  fieldEmail: "E-mail address",
  honeypot: "Please leave empty",
  submit: "Subscribe to notifications",
  tooManyRequests:
    "Too many requests in a short time. Please wait a few minutes and try again; nothing was stored.",
  confirmTitle: "Confirm your address",
  confirmText:
    "Please confirm that you want to receive the published changes by e-mail.",
  confirmButton: "Yes, send me notifications",
  confirmedTitle: "Address confirmed",
  confirmedText:
    "Thank you! From now on you receive at most one e-mail a day when something new has been published.",
  unsubscribeTitle: "Unsubscribe from notifications",
  unsubscribeText:
    "Do you no longer want to receive notifications? Your e-mail address will be deleted at once.",
  unsubscribeButton: "Unsubscribe and delete my address",
  unsubscribedTitle: "Unsubscribed",
  unsubscribedText:
    "You will receive no more notifications. Your e-mail address has been deleted.",
  confirmUnknown:
    "This confirmation link is unknown, used already or expired (48 hours).",
  unsubscribeUnknown: "This address does not follow here (any more).",
  mailConfirmSubject: (municipality: string) =>
    `Please confirm: follow the changes of ${municipality} by e-mail`,
  mailConfirmText: (
    municipality: string,
    confirmUrl: string,
    unsubscribeUrl: string,
  ) =>
    [
      `Hello,`,
      ``,
      `someone – hopefully you – wants to receive the published changes of the digitalisation programme of ${municipality} by e-mail (at most one digest a day).`,
      ``,
      `Please confirm within 48 hours with this link:`,
      confirmUrl,
      ``,
      `If that was not you, do nothing: without confirmation you receive no further e-mail, and your address is deleted after 48 hours.`,
      `Delete at once: ${unsubscribeUrl}`,
    ].join("\n"),
  mailDigestSubject: (feedTitle: string, count: number) =>
    `${feedTitle}: ${count === 1 ? "one new change" : `${count} new changes`}`,
  mailDigestIntro: (author: string) => `Newly published by ${author}:`,
  mailDigestFooter: (author: string, unsubscribeUrl: string) =>
    [
      `–– `,
      `You receive this e-mail because you follow the changes of ${author}.`,
      `Unsubscribe (your address is deleted): ${unsubscribeUrl}`,
    ].join("\n"),
};
