/** English texts of the operators' pages; the same keys as operations.de.ts. */
import { plural } from "../domain/plural.js";
import type { operationsDe } from "./operations.de.js";

export const operationsEn: typeof operationsDe = {
  title: "Operations",
  municipalitiesTitle: "Municipalities of this installation",
  intro:
    "Operations sees the state of every municipality. Only members of a municipality can read or change its data – operators too.",
  searchLabel: "Search a municipality (name or short name)",
  searchButton: "Search",
  resultCount: (count: number, search: string) =>
    search === ""
      ? plural(count, "municipality", "municipalities")
      : `${plural(count, "municipality", "municipalities")} for “${search}”`,
  caption:
    "Municipalities with programme, catalogue size, editions, last report and people",
  municipality: "Municipality",
  state: "State",
  programme: "Programme",
  editions: "Editions",
  lastReport: "Last report",
  catalogueSize: "Projects / measures",
  users: "People",
  none: "–",
  noProgramme: "no programme yet",
  editionsValue: (count: number, last: string | null) =>
    count === 0 ? "none" : `${count} (latest ${last ?? "–"})`,
  noMunicipalities: "No municipality found.",
  pagination: "Pages",
  previous: "Previous page",
  next: "Next page",
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  auditLogLink: "Audit log of the installation",
  auditLogTitle: "Audit log of the installation",
  auditLogIntro:
    "Every event of every municipality and of operations, newest first. Reading this log is logged too.",
  auditLogCaption: "Events, newest first",
  instanceOnly: "Only events of operations",
  allEvents: "All events",
  at: "Time",
  actor: "Who",
  action: "Action",
  entity: "Concerns",
  address: "Address",
  instance: "Operations",
  noEvents: "No events.",
  status: "Status",
  active: "active",
  deactivated: "deactivated",
  createLink: "Create a municipality",
  createTitle: "Create a municipality",
  createIntro:
    "Create a municipality: empty, or with the shape of an existing municipality as a template. Only levels, reason categories, key figures without values and report sections are copied – never data. Then invite its first administrator.",
  nameLabel: "Name",
  nameHint: "As the portal shows it, e.g. Stadt Goch",
  nameRequired: "Please enter the name.",
  slugLabel: "Short name",
  slugHint:
    "Used in addresses: lower-case letters, digits and hyphens, e.g. goch",
  slugRequired: "Please enter the short name.",
  stateLabel: "Federal state",
  stateChoose: "Please choose",
  stateRequired: "Please choose the federal state.",
  regionalKeyLabel: "Official regional key (Regionalschlüssel)",
  regionalKeyHint:
    "12 digits, beginning with the key of the federal state, e.g. 051540020020",
  regionalKeyRequired: "Please enter the official regional key.",
  websiteLabel: "Website (optional)",
  contactEmailLabel: "Contact e-mail for the portal (optional)",
  templateLabel: "Start",
  templateEmpty: "Start empty",
  templateOf: (name: string, slug: string) =>
    `Copy the shape of ${name} (${slug})`,
  createButton: "Create municipality",
  problemTitle: "There is a problem",
  cancel: "Cancel",
  backToOverview: "Back to the municipalities",
  detailIntro:
    "Details and status of the municipality. Only its members can read or change its data.",
  created:
    "The municipality has been created. Now invite its first administrator.",
  createdFrom: (template: string) =>
    `The municipality has been created with the shape of ${template}. Now invite its first administrator.`,
  regionalKey: "Regional key",
  website: "Website",
  contactEmail: "Contact",
  createdAt: "Created on",
  deactivatedAt: "Deactivated since",
  portal: "Portal of the municipality",
  inviteTitle: "Invite people",
  inviteIntro:
    "The invited person gets the chosen role in this municipality. If they already have an account (in another municipality, say), that account gets the role here as well. The municipality's administrators then choose an editor's org units.",
  inviteRole: "Role in this municipality",
  inviteEmail: "E-mail address",
  inviteName: "Name",
  inviteButton: "Send invitation",
  inviteInactive:
    "Nobody can be invited while the municipality is deactivated.",
  invitationMailed: (email: string) =>
    `The invitation to ${email} has been sent by e-mail. The link is valid for three days.`,
  invitationLink:
    "No e-mail delivery is configured. Hand this link – valid for three days, once – to the person yourself. It is shown only now:",
  membershipAdded: (email: string, name: string, role: string) =>
    `${email} already had an account: it now has the role ${role} in ${name}.`,
  membershipMailed: "The person has been told by e-mail.",
  membershipNotMailed:
    "No e-mail delivery is configured: please tell the person yourself; they sign in with their existing account.",
  deactivateLink: "Deactivate municipality",
  reactivateLink: "Reactivate municipality",
  deactivateTitle: (name: string) => `Deactivate ${name}?`,
  reactivateTitle: (name: string) => `Reactivate ${name}?`,
  deactivateText:
    "Nothing is deleted. While the municipality is deactivated its portal says so and nobody can change its data. You can reactivate it at any time.",
  reactivateText: "Portal and editing are then as they were before.",
  reasonLabel: "Reason (optional, recorded in the audit log)",
  deactivateButton: "Yes, deactivate",
  reactivateButton: "Yes, reactivate",
  deactivatedNotice: "The municipality is deactivated. Nothing was deleted.",
  reactivatedNotice: "The municipality is active again.",
};
