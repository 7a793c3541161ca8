/** English texts of participation; the same keys as participation.de.ts. */
import { plural } from "../domain/plural.js";
import type { participationDe } from "./participation.de.js";

export const participationEn: typeof participationDe = {
  status: {
    received: "received",
    reviewing: "under review",
    adopted: "taken up",
    implemented: "implemented",
    rejected: "rejected",
    merged: "merged",
    withdrawn: "withdrawn",
  },
  kind: { idea: "Idea", feedback: "Feedback", barrier: "Barrier" },
  mode: {
    off: "Off",
    staff: "Staff only",
    public: "Public too",
  },
  navIdeas: "Ideas and feedback",
  listTitle: "Ideas and feedback",
  listLead: (municipality: string) =>
    `Suggestions and feedback on the digitalisation programme of ${municipality} and what became of them: every contribution ends in a decision with its reason.`,
  submitLink: "Submit an idea or feedback",
  noItems: "No published contributions yet.",
  formTitle: "Submit an idea or feedback",
  barrierTitle: "Report a barrier",
  barrierLead:
    "Did you meet a barrier on these pages? Please describe where and what. We answer within a month if you leave an address.",
  fieldKind: "Kind",
  fieldTitle: "Title",
  fieldText: "Your contribution",
  fieldTextHint: (min: number, max: number) =>
    `At least ${min}, at most ${max} characters.`,
  fieldProject: "Concerns the project (optional)",
  noProject: "no particular project",
  fieldEmail: "E-mail address for replies (optional)",
  fieldEmailHint:
    "Only if you want an e-mail on every change of status. You confirm the address with a link.",
  honeypot: "Please leave empty",
  submit: "Send contribution",
  privacyTitle: "What we store and for how long",
  privacyText: (retentionDays: number) =>
    `We store the title and text of your contribution and, if you give one, the project. We do not ask for your name. An e-mail address is optional and only used to send you changes of status; without confirmation within 48 hours it is deleted, otherwise after ${retentionDays} days or at once with the link in every mail. Against abuse we count contributions per connection (as an irreversible hash of the IP address) and delete that count after 24 hours. Contributions appear only after the administration has checked them. You can withdraw your contribution at any time with the link on the confirmation page: it then stays as "withdrawn" without its text. Addresses never appear in exports, open data or the API.`,
  receivedTitle: "Thank you, your contribution has arrived",
  receivedText:
    "It will be checked and appears on the portal once released. Keep the link of this page: with it you see the status and can withdraw the contribution.",
  confirmationSent:
    "Please confirm your address: we have sent you an e-mail with a link (valid for 48 hours).",
  withdrawButton: "Withdraw contribution",
  withdrawnText:
    "This contribution is withdrawn: its text and your address are deleted.",
  yourItem: "Your contribution",
  history: "History",
  decision: "Decision",
  reason: "Reason",
  takenUpIn: "Taken up in",
  mergedWith: "Merged with",
  concernsProject: "Concerns",
  submittedOn: "Received on",
  withdrawnTitle: "Withdrawn contribution",
  measure: "Measure",
  edition: (n: number) => `revision ${n}`,
  projectIdeasTitle: "Ideas about this project",
  editionIdeasTitle: "Ideas taken up",
  confirmedTitle: "Address confirmed",
  confirmedText:
    "Thank you! From now on you receive an e-mail on every change of status of your contribution.",
  confirmUnknown:
    "This confirmation link is unknown, used already or expired (48 hours).",
  unsubscribedTitle: "No more e-mails",
  unsubscribedText:
    "You will receive no more e-mails about this contribution. Your address is deleted.",
  queueTitle: "Participation: incoming",
  settingsTitle: "Participation: settings",
  settingsSaved: "The settings are saved.",
  saved: "Saved.",
  age: "Age",
  days: (n: number) => plural(n, "day", "days"),
  overdue: "overdue",
  dueOn: "Answer due on",
  published: "published",
  unpublished: "not published",
  assignedTo: "Assigned to",
  nobody: "nobody",
  filter: "Filter",
  all: "all",
  overdueOnly: "overdue only",
  kindColumn: "Kind",
  statusColumn: "Status",
  titleColumn: "Title",
  moderate: "Edit",
  moderationTitle: "Edit contribution",
  publishLabel: "Publish on the portal",
  saveDecision: "Save",
  linkProject: "Taken up in project",
  linkMeasure: "Measure",
  linkEdition: "Taken up in revision",
  mergedIntoLabel: "Merged with contribution",
  noChoice: "none",
  settingsMode: "Accept ideas and feedback",
  settingsOverdue: "Mark contributions as overdue after (days)",
  settingsRetention: "Delete e-mail addresses after (days)",
  save: "Save",
  limitTitle: "Too many contributions in a short time",
  mailConfirmSubject: (municipality: string) =>
    `Please confirm: replies about your contribution to ${municipality}`,
  mailConfirmText: (
    municipality: string,
    title: string,
    confirmUrl: string,
    withdrawUrl: string,
  ) =>
    [
      `Hello,`,
      ``,
      `You sent a contribution to ${municipality}: “${title}”.`,
      `If you would like an e-mail whenever its status changes, please confirm your address within 48 hours:`,
      confirmUrl,
      ``,
      `Without confirmation you will receive no further e-mail, and your address will be deleted after 48 hours.`,
      `Withdraw your contribution: ${withdrawUrl}`,
    ].join("\n"),
  mailStatusSubject: (title: string, status: string) =>
    `Your contribution “${title}”: ${status}`,
  mailStatusText: (input: {
    readonly title: string;
    readonly municipality: string;
    readonly status: string;
    readonly at: string;
    readonly note: string | null;
    readonly takenUpIn: readonly string[];
    readonly itemUrl: string | null;
    readonly unsubscribeUrl: string;
  }) =>
    [
      `Hello,`,
      ``,
      `The status of your contribution “${input.title}” to ${input.municipality} is now: ${input.status} (${input.at}).`,
      ...(input.note === null ? [] : [``, `Reason: ${input.note}`]),
      ...(input.takenUpIn.length === 0
        ? []
        : [``, `Taken up in: ${input.takenUpIn.join(", ")}`]),
      ...(input.itemUrl === null
        ? []
        : [``, `View the contribution: ${input.itemUrl}`]),
      ``,
      `–– `,
      `You receive this e-mail because you confirmed your address for replies about this contribution.`,
      `No more e-mails (your address will be deleted): ${input.unsubscribeUrl}`,
    ].join("\n"),
  mailTakenUpProject: (title: string) => `Project: ${title}`,
  mailTakenUpMeasure: (title: string) => `Measure: ${title}`,
};
