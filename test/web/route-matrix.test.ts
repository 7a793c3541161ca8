/**
 * The route × role matrix. Every route is read from the built app (an onRoute hook in a
 * test build, with method and config.policy); each is called as each role with a
 * valid request, and the status must be exactly the one that the route's policy and the
 * resource it touches give:
 *
 *  - public, anonymous-only: nobody is refused (no 401/403);
 *  - signed-in: the anonymous public 401 (pages: 401 with a link to /anmelden, or 303 there);
 *  - staff: also committee readers 403; admin: also editors 403;
 *  - on a Kleve resource (`scope`), people of another municipality 403; on a project of
 *    Abteilung 10.1, editors of other units 403; on what only administrators change
 *    (new or deleted projects, the programme), every editor 403;
 *  - whoever is let in gets the route's usual status (GET 200, a page form 303, an API
 *    POST 201, PUT/PATCH 200, DELETE 204) or the one its entry declares with the reason;
 *    a 400, 404 or 409 where a success was expected fails.
 *
 * A route without a policy, or without an entry in CASES below, fails the test: a new
 * route must say who may call it and be tried here. Runs on SQLite (web project). */
import { addMember } from "../../src/app/reports/body-members.js";
import type {
  FastifyInstance,
  LightMyRequestResponse,
  RouteOptions,
} from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createApiToken } from "../../src/app/auth/api-tokens.js";
import { createAccount } from "../../src/app/auth/manage-users.js";
import { requestPasswordReset } from "../../src/app/auth/passwords.js";
import type { MailMessage, Mailer } from "../../src/app/mail/mailer.js";
import { addDependency } from "../../src/app/catalogue/add-dependency.js";
import { addMeasure } from "../../src/app/catalogue/add-measure.js";
import { addPhase } from "../../src/app/catalogue/add-phase.js";
import { createProject } from "../../src/app/catalogue/create-project.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { removeDependency } from "../../src/app/catalogue/remove-dependency.js";
import { setResponsibilities } from "../../src/app/catalogue/set-responsibilities.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import {
  createReasonCategory,
  getReasonCategoriesForEditing,
} from "../../src/app/edition/reason-categories.js";
import { getDraftRevision } from "../../src/app/edition/revise-draft.js";
import { shiftsNeedingReason } from "../../src/domain/edition/catalogue-diff.js";
import type { Role, UserPrincipal } from "../../src/domain/access/principal.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import {
  createCommittee,
  createMeeting,
} from "../../src/app/reports/committees.js";
import {
  createReport,
  publishReport,
  updateReport,
} from "../../src/app/reports/manage-reports.js";
import { getReportDocument } from "../../src/app/reports/read-reports.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { addReportSection } from "../../src/app/reports/report-sections.js";
import {
  addObservation,
  createIndicator,
} from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import { createService } from "../../src/app/services/manage-register.js";
import { getRegisterForStaff } from "../../src/app/services/read-register.js";
import { reportProjects } from "../../src/domain/report/report-document.js";
import { buildApp } from "../../src/web/build-app.js";
import type { RoutePolicy } from "../../src/web/http/route-policy.js";
import { csrfTokenForSessionToken } from "../../src/web/plugins/session.js";
import {
  createTestUser,
  csrfTokenIn,
  mergeCookies,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import {
  WEB_DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import {
  startTestIdentityProvider,
  type TestIdentityProvider,
} from "../support/oidc-provider.js";
import { ensureOtherMunicipality } from "./support/api-writers.js";
import {
  changeParticipationSettings,
  moderateItem,
  submitItem,
  withdrawItem,
} from "../../src/app/participation/participation.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { buildPrincipal } from "../support/principals.js";

/** The people who call every route, in the order they call it: refusals first, so that no success changes what a refusal is checked on. */
const ROLE_NAMES = [
  "anonymous",
  "committee",
  "editorOfOtherUnit",
  "adminOfOtherMunicipality",
  "editor",
  "admin",
] as const;
type RoleName = (typeof ROLE_NAMES)[number];

const ROLE_OF: Readonly<Record<Exclude<RoleName, "anonymous">, Role>> = {
  committee: "committee",
  editorOfOtherUnit: "editor",
  adminOfOtherMunicipality: "admin",
  editor: "editor",
  admin: "admin",
};

/**
 * What a route touches beyond its policy:
 *  - none: nothing of one municipality (the portal, one's own account);
 *  - municipality: staff data of Kleve;
 *  - project: a project of Abteilung 10.1 (editor: 10.1; editor of another unit: 32);
 *  - administration: what only Kleve's administrators change although the route is for staff.
 */
type Scope = "none" | "municipality" | "project" | "administration";

type Outcome = "allowed" | "unauthenticated" | "forbidden";

/** The expected outcome, generated from the route's policy and the scope of what it touches. */
function expectedOutcome(
  policy: RoutePolicy,
  scope: Scope,
  role: RoleName,
): Outcome {
  if (role === "anonymous")
    return policy === "public" || policy === "anonymous-only"
      ? "allowed"
      : "unauthenticated";
  // None of these people is an operator: operator pages refuse them all (operators: test/db/operators.test.ts).
  if (policy === "operator") return "forbidden";
  const roleOfPerson = ROLE_OF[role];
  if (policy === "staff" && roleOfPerson === "committee") return "forbidden";
  if (policy === "admin" && roleOfPerson !== "admin") return "forbidden";
  if (scope === "none") return "allowed";
  if (role === "adminOfOtherMunicipality") return "forbidden";
  if (scope === "project" && role === "editorOfOtherUnit") return "forbidden";
  if (scope === "administration" && roleOfPerson !== "admin")
    return "forbidden";
  return "allowed";
}

/** One request of the matrix. Pages get the role's session cookie (and CSRF token), /api routes its API token. */
interface Call {
  readonly url: string;
  /** Form fields of a page POST; the CSRF token is added. */
  readonly form?: Readonly<Record<string, string>>;
  /** JSON body of an API call. */
  readonly json?: unknown;
  /** The project whose current ETag goes into If-Match. */
  readonly ifMatchOf?: string;
  /** Use a session of its own (the request ends it, e.g. signing out). */
  readonly freshSession?: boolean;
}

interface MatrixCase {
  readonly scope: Scope;
  readonly call: (m: Matrix, role: RoleName) => Promise<Call> | Call;
  /**
   * The exact status of a call that is let in, when it is not the usual one (GET 200; a
   * page form 303; an API POST 201, PUT/PATCH 200, DELETE 204): one number for every role,
   * or one per role that is let in.
   */
  readonly status?: number | Partial<Readonly<Record<RoleName, number>>>;
}

/** The status a call that is let in must get: the entry's, or the usual one for its method. */
function expectedStatus(
  entry: MatrixCase,
  method: string,
  call: Call,
  role: RoleName,
): number {
  const declared =
    typeof entry.status === "number" ? entry.status : entry.status?.[role];
  if (declared !== undefined) return declared;
  if (method === "GET" || method === "HEAD") return 200;
  if (!call.url.startsWith("/api/")) return 303;
  if (method === "POST") return 201;
  if (method === "DELETE") return 204;
  return 200;
}

const K = "/kleve";
/** The published item of the participation routes, and a withdrawn one. */
const participation = { id: 0, token: "", withdrawnToken: "" };
const API = "/api/v1/municipalities/kleve";
/** Abteilung 10.1 leads it; 10.2, 20 and all departments contribute — unit 32 does not. */
const P = "e-rechnungsworkflow";
const PROJECT_API = `${API}/projects/${P}`;
const PROJECT_PAGE = `${K}/verwaltung/projekte/${P}`;

/** Every route and how to call it. The key is "METHOD url" as registered; HEAD routes use their GET entry. */
const CASES: Readonly<Record<string, MatrixCase>> = {
  // ── The portal and the service ──────────────────────────────────────────────
  "GET /": { scope: "none", call: () => ({ url: "/" }) },
  // Without the trailing slash: a permanent redirect to the overview.
  "GET /:slug": { scope: "none", call: () => ({ url: "/kleve" }), status: 301 },
  "GET /:slug/": { scope: "none", call: () => ({ url: `${K}/` }) },
  "GET /:slug/projekte/:projectSlug": {
    scope: "none",
    call: () => ({ url: `${K}/projekte/${P}` }),
  },
  "GET /:slug/suche": {
    scope: "none",
    call: () => ({ url: `${K}/suche?q=Rechnung` }),
  },
  "GET /:slug/zeitstrahl": {
    scope: "none",
    call: () => ({ url: `${K}/zeitstrahl` }),
  },
  "GET /health": { scope: "none", call: () => ({ url: "/health" }) },
  "GET /:slug/offene-daten": {
    scope: "none",
    call: () => ({ url: `${K}/offene-daten` }),
  },
  "GET /:slug/offene-daten/:name": {
    scope: "none",
    call: () => ({ url: `${K}/offene-daten/kennzahlen.csv` }),
  },
  "GET /:slug/dcat/:file": {
    scope: "none",
    call: () => ({ url: `${K}/dcat/catalog.ttl` }),
  },
  "GET /dcat/:file": {
    scope: "none",
    call: () => ({ url: "/dcat/catalog.rdf" }),
  },
  "GET /:slug/feed.atom": {
    scope: "none",
    call: () => ({ url: `${K}/feed.atom` }),
  },
  "GET /:slug/einbetten/projekte/:key": {
    scope: "none",
    call: () => ({ url: `${K}/einbetten/projekte/${P}` }),
  },
  "GET /:slug/einbetten/aktionsfelder/:key": {
    scope: "none",
    call: () => ({ url: `${K}/einbetten/aktionsfelder/smart-working` }),
  },
  "GET /:slug/einbetten/kennzahlen/:key": {
    scope: "none",
    call: () => ({ url: `${K}/einbetten/kennzahlen/matrix-rechnungen` }),
  },
  "GET /:slug/verwaltung/einbetten": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/einbetten` }),
  },
  "GET /:slug/projekte/:projectSlug/feed.atom": {
    scope: "none",
    call: () => ({ url: `${K}/projekte/${P}/feed.atom` }),
  },
  "GET /:slug/benachrichtigungen": {
    scope: "none",
    call: () => ({ url: `${K}/benachrichtigungen` }),
  },
  "POST /:slug/benachrichtigungen": {
    scope: "none",
    call: (m) => ({
      url: `${K}/benachrichtigungen`,
      form: { email: m.uniqueEmail(), webseite: "" },
    }),
  },
  // A mail's link opens a page with a button and changes nothing (200 whatever the token);
  // the button POSTs, and an unknown token is 404 there. The flow is tested in
  // subscriptions.test.ts and test/web/subscriptions.test.ts.
  "GET /:slug/benachrichtigungen/bestaetigen/:token": {
    scope: "none",
    call: () => ({ url: `${K}/benachrichtigungen/bestaetigen/unbekannt` }),
  },
  "POST /:slug/benachrichtigungen/bestaetigen/:token": {
    scope: "none",
    call: () => ({
      url: `${K}/benachrichtigungen/bestaetigen/unbekannt`,
      form: {},
    }),
    status: 404,
  },
  "GET /:slug/benachrichtigungen/abmelden/:token": {
    scope: "none",
    call: () => ({ url: `${K}/benachrichtigungen/abmelden/unbekannt` }),
  },
  "POST /:slug/benachrichtigungen/abmelden/:token": {
    scope: "none",
    call: () => ({
      url: `${K}/benachrichtigungen/abmelden/unbekannt`,
      form: { "List-Unsubscribe": "One-Click" },
    }),
    status: 404,
  },
  // ── Participation (enabled for Kleve in beforeAll, with one published item) ─
  "GET /:slug/ideen": { scope: "none", call: () => ({ url: `${K}/ideen` }) },
  "GET /:slug/ideen/:id": {
    scope: "none",
    call: () => ({ url: `${K}/ideen/${participation.id}` }),
  },
  "GET /:slug/ideen/einreichen": {
    scope: "none",
    call: () => ({ url: `${K}/ideen/einreichen` }),
  },
  "POST /:slug/ideen/einreichen": {
    scope: "none",
    call: () => ({
      url: `${K}/ideen/einreichen`,
      form: {
        art: "idea",
        titel: "Matrix",
        text: "Ein Vorschlag aus der Matrix.",
        projekt: "",
        email: "",
        webseite: "",
      },
    }),
  },
  "GET /:slug/barriere-melden": {
    scope: "none",
    call: () => ({ url: `${K}/barriere-melden` }),
  },
  "POST /:slug/barriere-melden": {
    scope: "none",
    call: () => ({
      url: `${K}/barriere-melden`,
      form: {
        titel: "Matrix",
        text: "Eine Barriere aus der Matrix.",
        email: "",
        webseite: "",
      },
    }),
  },
  "GET /:slug/ideen/zurueckziehen/:token": {
    scope: "none",
    call: () => ({ url: `${K}/ideen/zurueckziehen/${participation.token}` }),
  },
  // Withdrawing a withdrawn item again changes nothing: 303 for everybody.
  "POST /:slug/ideen/zurueckziehen/:token": {
    scope: "none",
    call: () => ({
      url: `${K}/ideen/zurueckziehen/${participation.withdrawnToken}`,
      form: {},
    }),
  },
  // Unknown links: the page says so (404); the flow is tested in participation.test.ts.
  "GET /:slug/ideen/bestaetigen/:token": {
    scope: "none",
    call: () => ({ url: `${K}/ideen/bestaetigen/unbekannt` }),
    status: 404,
  },
  "GET /:slug/ideen/abmelden/:token": {
    scope: "none",
    call: () => ({ url: `${K}/ideen/abmelden/unbekannt` }),
    status: 404,
  },
  "GET /:slug/verwaltung/beteiligung": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/beteiligung` }),
  },
  "GET /:slug/verwaltung/beteiligung/:id": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/beteiligung/${participation.id}` }),
  },
  "POST /:slug/verwaltung/beteiligung/:id": {
    scope: "municipality",
    call: async (m) => {
      const row = await m.t.ctx.db
        .selectFrom("participation_item")
        .select("version")
        .where("id", "=", participation.id)
        .executeTakeFirstOrThrow();
      return {
        url: `${K}/verwaltung/beteiligung/${participation.id}`,
        form: {
          version: String(row.version),
          veroeffentlichen: "ja",
          status: "",
          begruendung: "",
          organisationseinheit: "",
          projekt: "",
          massnahme: "",
          fortschreibung: "",
          zusammengefuehrt: "",
        },
      };
    },
  },
  "GET /:slug/verwaltung/beteiligung-einstellungen": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/beteiligung-einstellungen` }),
  },
  "POST /:slug/verwaltung/beteiligung-einstellungen": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/beteiligung-einstellungen`,
      form: { modus: "public", ueberfaellig: "30", aufbewahrung: "180" },
    }),
  },
  "GET /api/v1/municipalities/:slug/ideas": {
    scope: "none",
    call: () => ({ url: `${API}/ideas` }),
  },
  "GET /:slug/verwaltung/offene-daten": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/offene-daten` }),
  },
  "POST /:slug/verwaltung/offene-daten": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/offene-daten`,
      form: { lizenz: "dl-by-de/2.0", regionalschluessel: "", einbettung: "" },
    }),
  },
  "GET /:slug/barrierefreiheit": {
    scope: "none",
    call: () => ({ url: `${K}/barrierefreiheit` }),
  },
  "GET /:slug/barrierefreiheit.json": {
    scope: "none",
    call: () => ({ url: `${K}/barrierefreiheit.json` }),
  },
  "GET /:slug/verwaltung/barrierefreiheit": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/barrierefreiheit` }),
  },
  "POST /:slug/verwaltung/barrierefreiheit": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/barrierefreiheit`,
      form: {
        stand: "partial",
        "letzte-pruefung": "",
        "kontakt-email": "barrierefreiheit@kleve.de",
      },
    }),
  },
  // A malformed address: refused at the field (400) before anything is fetched; the sync
  // itself is tested against a local OParl server in test/web/oparl-settings.test.ts.
  "POST /:slug/verwaltung/offene-daten/oparl": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/offene-daten/oparl`,
      form: { "oparl-adresse": "keine-adresse" },
    }),
    status: { admin: 400 },
  },

  // ── Signing in and one's own account ────────────────────────────────────────
  // Who is signed in already is sent on to their start page.
  // ── Operators (Betrieb) ─────────────────────────────────────────────────────
  "GET /betrieb": { scope: "none", call: () => ({ url: "/betrieb" }) },
  "GET /betrieb/": { scope: "none", call: () => ({ url: "/betrieb/" }) },
  "GET /betrieb/protokoll": {
    scope: "none",
    call: () => ({ url: "/betrieb/protokoll" }),
  },
  // Only operators create, invite into, deactivate and reactivate municipalities (test/web/operations-lifecycle.test.ts).
  "GET /betrieb/kommune-anlegen": {
    scope: "none",
    call: () => ({ url: "/betrieb/kommune-anlegen" }),
  },
  "POST /betrieb/kommune-anlegen": {
    scope: "none",
    call: () => ({
      url: "/betrieb/kommune-anlegen",
      form: {
        name: "Stadt Goch",
        slug: "goch-matrix",
        state: "05",
        regionalKey: "051540020020",
      },
    }),
  },
  "GET /betrieb/kommunen/:slug": {
    scope: "none",
    call: () => ({ url: "/betrieb/kommunen/kleve" }),
  },
  "POST /betrieb/kommunen/:slug/einladung": {
    scope: "none",
    call: (m) => ({
      url: "/betrieb/kommunen/kleve/einladung",
      form: { email: m.uniqueEmail(), name: "Neue Administration" },
    }),
  },
  "GET /betrieb/kommunen/:slug/deaktivieren": {
    scope: "none",
    call: () => ({ url: "/betrieb/kommunen/kleve/deaktivieren" }),
  },
  "POST /betrieb/kommunen/:slug/deaktivieren": {
    scope: "none",
    call: () => ({ url: "/betrieb/kommunen/kleve/deaktivieren", form: {} }),
  },
  "GET /betrieb/kommunen/:slug/reaktivieren": {
    scope: "none",
    call: () => ({ url: "/betrieb/kommunen/kleve/reaktivieren" }),
  },
  "POST /betrieb/kommunen/:slug/reaktivieren": {
    scope: "none",
    call: () => ({ url: "/betrieb/kommunen/kleve/reaktivieren", form: {} }),
  },
  "GET /anmelden": {
    scope: "none",
    call: () => ({ url: "/anmelden" }),
    status: {
      anonymous: 200,
      committee: 303,
      editorOfOtherUnit: 303,
      adminOfOtherMunicipality: 303,
      editor: 303,
      admin: 303,
    },
  },
  "POST /anmelden": {
    scope: "none",
    call: (m) => ({
      url: "/anmelden",
      form: { email: m.signInUser.email, password: m.signInUser.password },
    }),
  },
  // To the identity provider, or (signed in already) to one's start page.
  "GET /anmelden/sso": {
    scope: "none",
    call: () => ({ url: "/anmelden/sso" }),
    status: 303,
  },
  // A callback without a sign-in under way: refused as a bad request (the flow is tested in single-sign-on.test.ts).
  "GET /anmelden/sso/callback": {
    scope: "none",
    call: () => ({ url: "/anmelden/sso/callback?code=abc&state=def" }),
    status: 400,
  },
  // Without a password step under way: back to /anmelden, or (signed in) to one's start page.
  "GET /anmelden/zweiter-faktor": {
    scope: "none",
    call: () => ({ url: "/anmelden/zweiter-faktor" }),
    status: 303,
  },
  "POST /anmelden/zweiter-faktor": {
    scope: "none",
    call: () => ({ url: "/anmelden/zweiter-faktor", form: { code: "000000" } }),
  },
  "GET /anmelden/zwei-faktor-einrichten": {
    scope: "none",
    call: () => ({ url: "/anmelden/zwei-faktor-einrichten" }),
    status: 303,
  },
  "POST /anmelden/zwei-faktor-einrichten": {
    scope: "none",
    call: () => ({
      url: "/anmelden/zwei-faktor-einrichten",
      form: { code: "000000" },
    }),
  },
  "POST /abmelden": {
    scope: "none",
    call: () => ({ url: "/abmelden", form: {}, freshSession: true }),
  },
  "GET /passwort-vergessen": {
    scope: "none",
    call: () => ({ url: "/passwort-vergessen" }),
  },
  "POST /passwort-vergessen": {
    scope: "none",
    call: () => ({
      url: "/passwort-vergessen",
      form: { email: "niemand@kleve.example" },
    }),
  },
  // A real link (a new account's reset each call), so that the form is shown and the password set.
  "GET /passwort-neu/:token": {
    scope: "none",
    call: async (m) => ({ url: await m.resetLink() }),
  },
  "POST /passwort-neu/:token": {
    scope: "none",
    call: async (m) => ({
      url: await m.resetLink(),
      form: {
        password: "ein neues langes Passwort",
        confirmation: "ein neues langes Passwort",
      },
    }),
  },
  "GET /konto": { scope: "none", call: () => ({ url: "/konto" }) },
  // Extending the session returns to the page it was asked from (303).
  "POST /konto/sitzung": {
    scope: "none",
    call: () => ({ url: "/konto/sitzung", form: { next: "/konto" } }),
  },
  "GET /konto/eingaben": {
    scope: "none",
    call: () => ({ url: "/konto/eingaben" }),
  },
  "GET /konto/zwei-faktor": {
    scope: "none",
    call: () => ({ url: "/konto/zwei-faktor" }),
  },
  // A wrong code: the page says so (400); enrolling a device is tested in account.test.ts.
  "POST /konto/zwei-faktor": {
    scope: "none",
    call: () => ({ url: "/konto/zwei-faktor", form: { code: "000000" } }),
    status: 400,
  },
  // New recovery codes are shown once (200); a committee member without a second factor has none to renew (400).
  "POST /konto/wiederherstellungscodes": {
    scope: "none",
    call: () => ({
      url: "/konto/wiederherstellungscodes",
      form: { code: "000000" },
    }),
    status: {
      committee: 400,
      editorOfOtherUnit: 200,
      adminOfOtherMunicipality: 200,
      editor: 200,
      admin: 200,
    },
  },
  // A wrong current password (400): a changed password would end the sessions the matrix uses; changing it is tested in account.test.ts.
  "POST /konto/passwort": {
    scope: "none",
    status: 400,
    call: () => ({
      url: "/konto/passwort",
      form: {
        current: "falsch",
        password: "ein neues langes Passwort",
        confirmation: "ein neues langes Passwort",
      },
    }),
  },
  // The new token is shown once, on the answer itself.
  "POST /konto/api-tokens": {
    scope: "none",
    call: () => ({ url: "/konto/api-tokens", form: { name: "Matrix" } }),
    status: 200,
  },
  "POST /konto/api-tokens/:tokenId/widerrufen": {
    scope: "none",
    call: async (m, role) => ({
      url: `/konto/api-tokens/${await m.newTokenIdOf(role)}/widerrufen`,
      form: {},
    }),
  },

  // ── User management (administrators of the municipality) ────────────────────
  "GET /:slug/verwaltung/benutzer": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/benutzer` }),
  },
  "GET /:slug/verwaltung/benutzer/neu": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/benutzer/neu` }),
  },
  "POST /:slug/verwaltung/benutzer": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/benutzer`,
      form: { email: m.uniqueEmail(), name: "Neue Person", role: "committee" },
    }),
  },
  "GET /:slug/verwaltung/benutzer/:userId": {
    scope: "municipality",
    call: (m) => ({ url: `${K}/verwaltung/benutzer/${m.targetUser.userId}` }),
  },
  "POST /:slug/verwaltung/benutzer/:userId": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/benutzer/${m.targetUser.userId}`,
      form: { name: "Ziel der Matrix", role: "committee", version: "1" },
    }),
  },
  "POST /:slug/verwaltung/benutzer/:userId/deaktivieren": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/benutzer/${m.targetUser.userId}/deaktivieren`,
      form: {},
    }),
  },
  "POST /:slug/verwaltung/benutzer/:userId/reaktivieren": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/benutzer/${m.targetUser.userId}/reaktivieren`,
      form: {},
    }),
  },
  "POST /:slug/verwaltung/benutzer/:userId/einladen": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/benutzer/${m.invitee.id}/einladen`,
      form: {},
    }),
  },

  // ── The editor ──────────────────────────────────────────────────────────────
  // Only a redirect to the address with the slash: nothing of Kleve is shown.
  "GET /:slug/verwaltung": {
    scope: "none",
    call: () => ({ url: `${K}/verwaltung` }),
    status: 301,
  },
  "GET /:slug/verwaltung/": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/` }),
  },
  "GET /:slug/verwaltung/protokoll": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/protokoll` }),
  },
  "GET /:slug/verwaltung/projekte/neu": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/projekte/neu` }),
  },
  "POST /:slug/verwaltung/projekte": {
    scope: "municipality",
    call: (m) => {
      const slug = m.uniqueSlug();
      return {
        url: `${K}/verwaltung/projekte`,
        form: {
          aktionsfeld: m.actionFieldKey,
          slug,
          kurzname: slug,
          nummer: "2.90",
          code: "2.90",
          titel: "Matrix",
          status: "planned",
        },
      };
    },
  },
  "GET /:slug/verwaltung/projekte/:projectSlug": {
    scope: "project",
    call: () => ({ url: PROJECT_PAGE }),
  },
  // Readable by everyone who may read the whole log (/protokoll), whichever unit they belong to.
  "GET /:slug/verwaltung/projekte/:projectSlug/verlauf": {
    scope: "project",
    call: () => ({ url: `${PROJECT_PAGE}/verlauf` }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/grunddaten": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_PAGE}/grunddaten`,
      form: {
        version: await m.versionOf(P),
        titel: "E-Rechnungsworkflow",
        zusammenfassung: "Rechnungen digital.",
        status: "in_progress",
      },
    }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/loeschen": {
    scope: "administration",
    call: async (m) => {
      const slug = await m.throwawayProject();
      return {
        url: `${K}/verwaltung/projekte/${slug}/loeschen`,
        form: { version: "1", bestaetigung: slug },
      };
    },
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/phasen": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_PAGE}/phasen`,
      form: {
        version: await m.versionOf(P),
        bezeichnung: "Matrix",
        beginn: "2024",
        ende: "2025",
      },
    }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/phasen/:phaseId": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_PAGE}/phasen/${await m.newPhaseId()}`,
      form: {
        version: await m.versionOf(P),
        bezeichnung: "Matrix",
        beginn: "2024",
        ende: "2024-Q2",
      },
    }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/phasen/:phaseId/loeschen": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_PAGE}/phasen/${await m.newPhaseId()}/loeschen`,
      form: { version: await m.versionOf(P), bestaetigt: "ja" },
    }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/massnahmen": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_PAGE}/massnahmen`,
      form: {
        version: await m.versionOf(P),
        titel: "Matrix",
        status: "planned",
      },
    }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/massnahmen/:measureId": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_PAGE}/massnahmen/${await m.newMeasureId()}`,
      form: { version: await m.versionOf(P), titel: "Matrix", status: "done" },
    }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/massnahmen/:measureId/verschieben":
    {
      scope: "project",
      call: async (m) => ({
        url: `${PROJECT_PAGE}/massnahmen/${await m.newMeasureId()}/verschieben`,
        form: { version: await m.versionOf(P), richtung: "hoch" },
      }),
    },
  "POST /:slug/verwaltung/projekte/:projectSlug/massnahmen/:measureId/loeschen":
    {
      scope: "project",
      call: async (m) => ({
        url: `${PROJECT_PAGE}/massnahmen/${await m.newMeasureId()}/loeschen`,
        form: { version: await m.versionOf(P), bestaetigt: "ja" },
      }),
    },
  "POST /:slug/verwaltung/projekte/:projectSlug/zustaendigkeiten": {
    scope: "project",
    // The form sends the whole list; 10.1 stays in it, so that the editor keeps the project.
    call: async (m) => ({
      url: `${PROJECT_PAGE}/zustaendigkeiten`,
      form: {
        version: await m.versionOf(P),
        ...(await m.responsibilityForm()),
      },
    }),
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/abhaengigkeiten": {
    scope: "project",
    call: async (m) => {
      await m.ensureDependency(false);
      return {
        url: `${PROJECT_PAGE}/abhaengigkeiten`,
        form: { version: await m.versionOf(P), projekt: "egov-basisstruktur" },
      };
    },
  },
  "POST /:slug/verwaltung/projekte/:projectSlug/abhaengigkeiten/:dependsOn/loeschen":
    {
      scope: "project",
      call: async (m) => {
        await m.ensureDependency(true);
        return {
          url: `${PROJECT_PAGE}/abhaengigkeiten/egov-basisstruktur/loeschen`,
          form: { version: await m.versionOf(P), bestaetigt: "ja" },
        };
      },
    },
  "POST /:slug/verwaltung/freigabe": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/freigabe`, form: {} }),
  },
  "GET /:slug/verwaltung/programm": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/programm` }),
  },
  "POST /:slug/verwaltung/programm": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/programm`,
      form: {
        version: "1",
        titel: "kleve.digital 2030",
        von: "2020",
        bis: "2030",
        ziele: "0",
      },
    }),
  },
  "POST /:slug/verwaltung/programm/prioritaeten": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/programm/prioritaeten`,
      form: {
        version: await m.formVersion(`${K}/verwaltung/programm`),
        jahr: "2024",
        zeilen: "0",
      },
    }),
  },
  "POST /:slug/verwaltung/programm/ebenen": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/programm/ebenen`,
      form: {
        version: await m.formVersion(`${K}/verwaltung/programm`),
        "wb-einzahl": "Wirkungsbereich",
        "wb-mehrzahl": "Wirkungsbereiche",
        "af-einzahl": "Aktionsfeld",
        "af-mehrzahl": "Aktionsfelder",
        "projekt-einzahl": "Projekt",
        "projekt-mehrzahl": "Projekte",
        "massnahme-einzahl": "Einzelmaßnahme",
        "massnahme-mehrzahl": "Einzelmaßnahmen",
        arten: "Fachbereich\nAbteilung\nexterner Partner\nsonstige Einheit",
      },
    }),
  },
  "GET /:slug/verwaltung/struktur": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/struktur` }),
  },
  "POST /:slug/verwaltung/struktur/wirkungsbereiche": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/struktur/wirkungsbereiche`,
      form: { schluessel: m.uniqueSlug(), key: m.uniqueSlug(), name: "Matrix" },
    }),
  },
  "POST /:slug/verwaltung/struktur/wirkungsbereiche/:key": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/struktur/wirkungsbereiche/${m.impactAreaKey}`,
      form: { version: "1", name: "Matrix" },
    }),
  },
  "POST /:slug/verwaltung/struktur/aktionsfelder": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/struktur/aktionsfelder`,
      form: {
        wirkungsbereich: m.impactAreaKey,
        schluessel: m.uniqueSlug(),
        nummer: "9",
        name: "Matrix",
        farbe: "#1d4f91",
      },
    }),
  },
  "POST /:slug/verwaltung/struktur/aktionsfelder/:key": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/struktur/aktionsfelder/${m.actionFieldKey}`,
      form: { version: "1", nummer: "2", name: "Matrix", farbe: "#1d4f91" },
    }),
  },
  "GET /:slug/verwaltung/einheiten": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/einheiten` }),
  },
  "POST /:slug/verwaltung/einheiten": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/einheiten`,
      form: { kuerzel: m.uniqueCode(), name: "Matrix", art: "other" },
    }),
  },
  "POST /:slug/verwaltung/einheiten/:code": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/einheiten/61`,
      form: {
        version: "1",
        name: "Fachbereich 61",
        art: "department",
        kind: "department",
      },
    }),
  },

  // ── Editions (public) and the draft (staff and committee) ───────────────────
  "GET /:slug/fortschreibungen": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen` }),
  },
  "GET /:slug/fortschreibungen/:number": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2` }),
  },
  "GET /:slug/fortschreibungen/:number/projekte/:projectSlug": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/1/projekte/${P}` }),
  },
  "GET /:slug/fortschreibungen/:number/zeitstrahl": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2/zeitstrahl?vergleich=1` }),
  },
  "GET /:slug/fortschreibungen/:number/aenderungen": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2/aenderungen` }),
  },
  "GET /:slug/fortschreibungen/:number/druckansicht": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2/druckansicht` }),
  },
  "GET /:slug/fortschreibungen/:number/katalog.docx": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2/katalog.docx` }),
  },
  "GET /:slug/fortschreibungen/:number/katalog.pdf": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2/katalog.pdf` }),
  },
  "GET /:slug/fortschreibungen/:number/folien.pptx": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2/folien.pptx` }),
  },
  "GET /:slug/fortschreibungen/:number/dokumente": {
    scope: "none",
    call: () => ({ url: `${K}/fortschreibungen/2/dokumente` }),
  },
  "GET /:slug/entwurf": {
    scope: "municipality",
    call: () => ({ url: `${K}/entwurf` }),
  },
  "GET /:slug/entwurf/projekte/:projectSlug": {
    scope: "municipality",
    call: () => ({ url: `${K}/entwurf/projekte/${P}` }),
  },
  "GET /:slug/entwurf/zeitstrahl": {
    scope: "municipality",
    call: () => ({ url: `${K}/entwurf/zeitstrahl?vergleich=1` }),
  },
  "GET /:slug/entwurf/aenderungen": {
    scope: "municipality",
    call: () => ({ url: `${K}/entwurf/aenderungen` }),
  },
  // A reason for a shift of the project of 10.1: its editors may give it, editors of other units not.
  "POST /:slug/entwurf/aenderungen/gruende": {
    scope: "project",
    call: async (m) => ({
      url: `${K}/entwurf/aenderungen/gruende`,
      form: await m.reasonForm(),
    }),
  },
  "POST /:slug/entwurf/vorwort": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/entwurf/vorwort`,
      form: { version: await m.forewordVersion(), vorwort: "Ein Vorwort." },
    }),
  },
  // A stale data version: the administrator is let in and told that the draft changed (409); nothing is published.
  "POST /:slug/entwurf/veroeffentlichen": {
    scope: "municipality",
    call: () => ({
      url: `${K}/entwurf/veroeffentlichen`,
      form: { stand: "1", titel: "3. Fortschreibung", datum: "28.11.2022" },
    }),
    status: 409,
  },
  "GET /:slug/verwaltung/begruendungen": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/begruendungen` }),
  },
  "POST /:slug/verwaltung/begruendungen": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/begruendungen`,
      form: { schluessel: m.uniqueSlug(), bezeichnung: "Matrix" },
    }),
  },
  "POST /:slug/verwaltung/begruendungen/:key": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/begruendungen/other`,
      form: {
        version: await m.categoryVersion("other"),
        bezeichnung: "Sonstiges",
        erlaeuterung: "ja",
      },
    }),
  },
  "POST /:slug/verwaltung/begruendungen/:key/loeschen": {
    scope: "municipality",
    call: async (m) => {
      const key = await m.throwawayCategory();
      return {
        url: `${K}/verwaltung/begruendungen/${key}/loeschen`,
        form: { version: "1" },
      };
    },
  },

  // ── Status reports, key figures, the OZG register ─────────────────────────
  "GET /:slug/berichte": {
    scope: "none",
    call: () => ({ url: `${K}/berichte` }),
  },
  "GET /:slug/berichte/:report": {
    scope: "none",
    call: async (m) => ({
      url: `${K}/berichte/${(await m.reporting()).publishedNumber}`,
    }),
  },
  "GET /:slug/berichte/:report/folien.pptx": {
    scope: "none",
    call: async (m) => ({
      url: `${K}/berichte/${(await m.reporting()).publishedNumber}/folien.pptx`,
    }),
  },
  "GET /:slug/berichte/:report/bericht.pdf": {
    scope: "none",
    call: async (m) => ({
      url: `${K}/berichte/${(await m.reporting()).publishedNumber}/bericht.pdf`,
    }),
  },
  "GET /:slug/berichte/:report/dokumente": {
    scope: "none",
    call: async (m) => ({
      url: `${K}/berichte/${(await m.reporting()).publishedNumber}/dokumente`,
    }),
  },
  "GET /:slug/kennzahlen": {
    scope: "none",
    call: () => ({ url: `${K}/kennzahlen` }),
  },
  "GET /:slug/verwaltung/berichte": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/berichte` }),
  },
  "POST /:slug/verwaltung/berichte": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte`,
      form: {
        sitzung: String((await m.reporting()).meetingId),
        stand: "01.12.2022",
        vorheriger: "keiner",
      },
    }),
  },
  "GET /:slug/verwaltung/berichte/:reportNumber": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await m.reporting()).draftNumber}`,
    }),
  },
  "POST /:slug/verwaltung/berichte/:reportNumber/einstellungen": {
    scope: "municipality",
    call: async (m) => {
      const { draftNumber, meetingId } = await m.reporting();
      return {
        url: `${K}/verwaltung/berichte/${draftNumber}/einstellungen`,
        form: {
          version: "1",
          titel: "Matrix",
          sitzung: String(meetingId),
          stand: "28.11.2022",
          vorheriger: "keiner",
          abschnitt: "smart-working",
          zeilen: "0",
        },
      };
    },
  },
  // The entry of the project of 10.1, each call on a draft of its own.
  "POST /:slug/verwaltung/berichte/:reportNumber/projekte/:projectSlug": {
    scope: "project",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${await m.newDraftId()}/projekte/${P}`,
      form: { version: "0", status: "on-track", text: "Matrix" },
    }),
  },
  // "Unverändert" on a draft of its own: the published report has an entry for the project.
  "POST /:slug/verwaltung/berichte/:reportNumber/projekte/:projectSlug/unveraendert":
    {
      scope: "project",
      call: async (m) => ({
        url: `${K}/verwaltung/berichte/${await m.newDraftId()}/projekte/${P}/unveraendert`,
        form: { version: "0" },
      }),
    },
  // Without the confirmation: the administrator is let in and told to confirm (400); nothing is published.
  "POST /:slug/verwaltung/berichte/:reportNumber/veroeffentlichen": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await m.reporting()).draftNumber}/veroeffentlichen`,
      form: { version: "1" },
    }),
    status: 400,
  },
  "POST /:slug/verwaltung/berichte/erinnerungsregeln": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/berichte/erinnerungsregeln`,
      form: { tage: "21, 7" },
    }),
  },
  "POST /:slug/verwaltung/berichte/:reportNumber/erinnerungen": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await m.reporting()).draftNumber}/erinnerungen`,
      form: {},
    }),
  },
  "GET /:slug/verwaltung/berichte/:reportNumber/vorschau": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await m.reporting()).draftNumber}/vorschau`,
    }),
  },
  "GET /:slug/verwaltung/berichte/:reportNumber/folien.pptx": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await m.reporting()).draftNumber}/folien.pptx`,
    }),
  },
  "GET /:slug/verwaltung/berichte/:reportNumber/bericht.pdf": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await m.reporting()).draftNumber}/bericht.pdf`,
    }),
  },
  // The section editor, each call on a draft of its own with an introduction.
  "GET /:slug/verwaltung/berichte/:reportNumber/abschnitte": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await sectionDraft(m)).reportNumber}/abschnitte`,
    }),
  },
  "GET /:slug/verwaltung/berichte/:reportNumber/abschnitte/neu": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/berichte/${(await sectionDraft(m)).reportNumber}/abschnitte/neu?art=umfrage`,
    }),
  },
  "POST /:slug/verwaltung/berichte/:reportNumber/abschnitte": {
    scope: "municipality",
    call: async (m) => {
      const { reportNumber, version } = await sectionDraft(m);
      return {
        url: `${K}/verwaltung/berichte/${reportNumber}/abschnitte`,
        form: {
          version: String(version),
          art: "umfrage",
          frage: "Matrix?",
          antworten: "Ja; 2\nNein; 1",
        },
      };
    },
  },
  "GET /:slug/verwaltung/berichte/:reportNumber/abschnitte/:sectionId": {
    scope: "municipality",
    call: async (m) => {
      const { reportNumber, sectionId } = await sectionDraft(m);
      return {
        url: `${K}/verwaltung/berichte/${reportNumber}/abschnitte/${sectionId}`,
      };
    },
  },
  "POST /:slug/verwaltung/berichte/:reportNumber/abschnitte/:sectionId": {
    scope: "municipality",
    call: async (m) => {
      const { reportNumber, sectionId, version } = await sectionDraft(m);
      return {
        url: `${K}/verwaltung/berichte/${reportNumber}/abschnitte/${sectionId}`,
        form: { version: String(version), text: "Geändert" },
      };
    },
  },
  "POST /:slug/verwaltung/berichte/:reportNumber/abschnitte/:sectionId/verschieben":
    {
      scope: "municipality",
      call: async (m) => {
        const { reportNumber, sectionId, version } = await sectionDraft(m);
        return {
          url: `${K}/verwaltung/berichte/${reportNumber}/abschnitte/${sectionId}/verschieben`,
          form: { version: String(version), richtung: "runter" },
        };
      },
    },
  "GET /:slug/verwaltung/berichte/:reportNumber/abschnitte/:sectionId/entfernen":
    {
      scope: "municipality",
      call: async (m) => {
        const { reportNumber, sectionId } = await sectionDraft(m);
        return {
          url: `${K}/verwaltung/berichte/${reportNumber}/abschnitte/${sectionId}/entfernen`,
        };
      },
    },
  "POST /:slug/verwaltung/berichte/:reportNumber/abschnitte/:sectionId/entfernen":
    {
      scope: "municipality",
      call: async (m) => {
        const { reportNumber, sectionId, version } = await sectionDraft(m);
        return {
          url: `${K}/verwaltung/berichte/${reportNumber}/abschnitte/${sectionId}/entfernen`,
          form: { version: String(version) },
        };
      },
    },
  "GET /:slug/verwaltung/gremien": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/gremien` }),
  },
  "POST /:slug/verwaltung/gremien": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/gremien`,
      form: { name: "Matrix", kuerzel: m.uniqueSlug() },
    }),
  },
  "POST /:slug/verwaltung/gremien/:committeeId": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/gremien/${(await m.reporting()).committeeId}`,
      form: { version: "1", name: "Ausschuss Matrix", kuerzel: "MTX" },
    }),
  },
  "POST /:slug/verwaltung/sitzungen": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/sitzungen`,
      form: {
        gremium: String((await m.reporting()).committeeId),
        datum: "01.02.2023",
      },
    }),
  },
  "POST /:slug/verwaltung/sitzungen/:meetingId": {
    scope: "municipality",
    call: async (m) => {
      const { committeeId, meetingId } = await m.reporting();
      return {
        url: `${K}/verwaltung/sitzungen/${meetingId}`,
        form: {
          version: "1",
          gremium: String(committeeId),
          datum: "29.11.2022",
        },
      };
    },
  },
  "GET /:slug/verwaltung/gremien/:committeeId/mitglieder": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/gremien/${(await m.reporting()).committeeId}/mitglieder`,
    }),
  },
  "POST /:slug/verwaltung/gremien/:committeeId/mitglieder": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/gremien/${(await m.reporting()).committeeId}/mitglieder`,
      form: { name: "Matrix Mitglied", sichtbarkeit: "intern" },
    }),
  },
  "POST /:slug/verwaltung/gremien/:committeeId/mitglieder/:memberId": {
    scope: "municipality",
    call: async (m) => {
      const { committeeId } = await m.reporting();
      const { id } = await addMember(m.t.ctx, await bodyAdmin(m), {
        municipality: "kleve",
        bodyId: committeeId,
        data: { name: "Zu ändern", isPublic: false },
      });
      return {
        url: `${K}/verwaltung/gremien/${committeeId}/mitglieder/${id}`,
        form: { version: "1", name: "Geändert", sichtbarkeit: "oeffentlich" },
      };
    },
  },
  "GET /:slug/verwaltung/gremien/:committeeId/mitglieder/:memberId/entfernen": {
    scope: "municipality",
    call: async (m) => {
      const { committeeId } = await m.reporting();
      const { id } = await addMember(m.t.ctx, await bodyAdmin(m), {
        municipality: "kleve",
        bodyId: committeeId,
        data: { name: "Zu bestätigen", isPublic: false },
      });
      return {
        url: `${K}/verwaltung/gremien/${committeeId}/mitglieder/${id}/entfernen`,
      };
    },
  },
  "POST /:slug/verwaltung/gremien/:committeeId/mitglieder/:memberId/entfernen":
    {
      scope: "municipality",
      call: async (m) => {
        const { committeeId } = await m.reporting();
        const { id } = await addMember(m.t.ctx, await bodyAdmin(m), {
          municipality: "kleve",
          bodyId: committeeId,
          data: { name: "Zu entfernen", isPublic: false },
        });
        return {
          url: `${K}/verwaltung/gremien/${committeeId}/mitglieder/${id}/entfernen`,
          form: { version: "1" },
        };
      },
    },
  "GET /:slug/verwaltung/sitzungen/:meetingId/entfernen": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/sitzungen/${(await m.reporting()).meetingId}/entfernen`,
    }),
  },
  "POST /:slug/verwaltung/sitzungen/:meetingId/entfernen": {
    scope: "municipality",
    call: async (m) => {
      const { committeeId } = await m.reporting();
      const { id } = await createMeeting(m.t.ctx, await bodyAdmin(m), {
        municipality: "kleve",
        data: {
          committeeId,
          day: "2021-01-05",
          title: null,
          oparlMeetingUrl: null,
          oparlAgendaItemUrl: null,
          oparlPaperUrl: null,
        },
      });
      return {
        url: `${K}/verwaltung/sitzungen/${id}/entfernen`,
        form: { version: "1" },
      };
    },
  },
  "GET /:slug/verwaltung/kennzahlen": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/kennzahlen` }),
  },
  "POST /:slug/verwaltung/kennzahlen": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/kennzahlen`,
      form: {
        schluessel: m.uniqueSlug(),
        name: "Matrix",
        einheit: "Stück",
        definition: "Gezählt",
        quelle: "Test",
        verantwortlich: "10.1",
        art: "count",
        diagramm: "line",
      },
    }),
  },
  "GET /:slug/verwaltung/kennzahlen/:key": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/kennzahlen/${(await m.reporting()).indicatorKey}`,
    }),
  },
  "POST /:slug/verwaltung/kennzahlen/:key": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/kennzahlen/${(await m.reporting()).indicatorKey}`,
      form: {
        version: await m.indicatorVersion(),
        name: "Rechnungen",
        einheit: "Rechnungen",
        definition: "Digital",
        quelle: "SAP",
        verantwortlich: "10.1",
        projekt: P,
        art: "count",
        diagramm: "line",
      },
    }),
  },
  // The figure belongs to the project of 10.1: its editors record values, editors of other units not.
  "POST /:slug/verwaltung/kennzahlen/:key/werte": {
    scope: "project",
    call: async (m) => ({
      url: `${K}/verwaltung/kennzahlen/${(await m.reporting()).indicatorKey}/werte`,
      form: {
        version: await m.indicatorVersion(),
        datum: m.uniqueDay(),
        wert: "7",
      },
    }),
  },
  "POST /:slug/verwaltung/kennzahlen/:key/werte/:observationId/loeschen": {
    scope: "project",
    call: async (m) => {
      const id = await m.newObservationId();
      return {
        url: `${K}/verwaltung/kennzahlen/${(await m.reporting()).indicatorKey}/werte/${id}/loeschen`,
        form: { version: await m.indicatorVersion() },
      };
    },
  },
  "GET /:slug/verwaltung/ozg": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/ozg?stand=28.11.2022` }),
  },
  "POST /:slug/verwaltung/ozg": {
    scope: "municipality",
    call: (m) => ({
      url: `${K}/verwaltung/ozg`,
      form: {
        leika: m.uniqueLeikaKey(),
        name: "Matrix",
        status: "planned",
        antraege: "0",
        "vor-ort": "ja",
      },
    }),
  },
  // A form without a file: the administrator is let in and asked for one (400).
  // Without a file (the matrix sends no multipart bodies): the form asks for one (400); importing is tested in reports.test.ts.
  "POST /:slug/verwaltung/ozg/import": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/ozg/import`, form: {} }),
    status: 400,
  },
  // A register import preview belongs to the administrator who uploaded the file; the matrix has none (404). The flow is tested in register-import tests.
  "GET /:slug/verwaltung/ozg/import/:token": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/ozg/import/unbekannt` }),
    status: 404,
  },
  "POST /:slug/verwaltung/ozg/import/:token": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/ozg/import/unbekannt`,
      form: { stichtag: "2023-03-01", stand: "0" },
    }),
    status: 404,
  },
  "GET /:slug/verwaltung/katalog/tabelle": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/katalog/tabelle` }),
  },
  // Without a file (the matrix sends no multipart bodies): the form asks for one (400); importing is tested in catalogue-sheets.test.ts.
  "POST /:slug/verwaltung/katalog/tabelle": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/katalog/tabelle`, form: {} }),
    status: 400,
  },
  "GET /:slug/verwaltung/katalog/tabelle/katalog.xlsx": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/katalog/tabelle/katalog.xlsx` }),
  },
  "GET /:slug/verwaltung/katalog/tabelle/katalog-csv.zip": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/katalog/tabelle/katalog-csv.zip` }),
  },
  // A preview belongs to the administrator who uploaded the file; the matrix has none (404). The flow is tested in catalogue-sheets.test.ts.
  "GET /:slug/verwaltung/katalog/tabelle/vorschau/:token": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/katalog/tabelle/vorschau/unbekannt` }),
    status: 404,
  },
  "POST /:slug/verwaltung/katalog/tabelle/vorschau/:token": {
    scope: "municipality",
    call: () => ({
      url: `${K}/verwaltung/katalog/tabelle/vorschau/unbekannt`,
      form: { stand: "0" },
    }),
    status: 404,
  },
  "GET /:slug/verwaltung/ozg/ozg-leistungen.csv": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/ozg/ozg-leistungen.csv` }),
  },
  "GET /:slug/verwaltung/ozg/ozg-leistungen.xlsx": {
    scope: "municipality",
    call: () => ({ url: `${K}/verwaltung/ozg/ozg-leistungen.xlsx` }),
  },
  "GET /:slug/verwaltung/ozg/:leikaKey": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/ozg/${(await m.reporting()).leikaKey}`,
    }),
  },
  "POST /:slug/verwaltung/ozg/:leikaKey": {
    scope: "municipality",
    call: async (m) => ({
      url: `${K}/verwaltung/ozg/${(await m.reporting()).leikaKey}`,
      form: {
        ...(await m.serviceRecord()),
        modus: "correct",
        name: "Matrix-Leistung",
        status: "planned",
        antraege: "0",
        "vor-ort": "ja",
      },
    }),
  },

  // ── The API: reading ────────────────────────────────────────────────────────
  "GET /api/openapi.json": {
    scope: "none",
    call: () => ({ url: "/api/openapi.json" }),
  },
  "GET /api/v1/municipalities": {
    scope: "none",
    call: () => ({ url: "/api/v1/municipalities" }),
  },
  "GET /api/v1/municipalities/:slug/catalogue": {
    scope: "none",
    call: () => ({ url: `${API}/catalogue` }),
  },
  "GET /api/v1/municipalities/:slug/projects/:id": {
    scope: "none",
    call: () => ({ url: PROJECT_API }),
  },
  "GET /api/v1/municipalities/:slug/projects/:id/phases/:phaseId": {
    scope: "none",
    call: async (m) => ({
      url: `${PROJECT_API}/phases/${(await m.project(P)).project.phases[0].id}`,
    }),
  },
  "GET /api/v1/municipalities/:slug/projects/:id/measures/:measureId": {
    scope: "none",
    call: async (m) => ({
      url: `${PROJECT_API}/measures/${(await m.project(P)).project.measures[0].id}`,
    }),
  },
  "GET /api/v1/municipalities/:slug/projects/:id/responsibilities/:orgUnit": {
    scope: "none",
    call: () => ({ url: `${PROJECT_API}/responsibilities/10.1` }),
  },
  "GET /api/v1/municipalities/:slug/projects/:id/dependencies/:dependsOn": {
    scope: "none",
    call: () => ({
      url: `${API}/projects/smart-city-strategie/dependencies/digitalisierungsstrategie`,
    }),
  },
  "GET /api/v1/municipalities/:slug/audit": {
    scope: "municipality",
    call: () => ({ url: `${API}/audit` }),
  },
  "GET /api/v1/municipalities/:slug/editions": {
    scope: "none",
    call: () => ({ url: `${API}/editions` }),
  },
  "GET /api/v1/municipalities/:slug/editions/:number": {
    scope: "none",
    call: () => ({ url: `${API}/editions/2` }),
  },
  "GET /api/v1/municipalities/:slug/editions/:number/changes": {
    scope: "none",
    call: () => ({ url: `${API}/editions/2/changes?since=1` }),
  },
  "GET /api/v1/municipalities/:slug/bodies": {
    scope: "none",
    call: () => ({ url: `${API}/bodies` }),
  },
  "GET /api/v1/municipalities/:slug/meetings": {
    scope: "none",
    call: () => ({ url: `${API}/meetings` }),
  },
  "GET /api/v1/municipalities/:slug/reports": {
    scope: "none",
    call: () => ({ url: `${API}/reports` }),
  },
  "GET /api/v1/municipalities/:slug/reports/:report": {
    scope: "none",
    call: async (m) => ({
      url: `${API}/reports/${(await m.reporting()).publishedNumber}`,
    }),
  },
  "GET /api/v1/municipalities/:slug/indicators": {
    scope: "none",
    call: () => ({ url: `${API}/indicators` }),
  },
  "GET /api/v1/municipalities/:slug/indicators/:key": {
    scope: "none",
    call: async (m) => ({
      url: `${API}/indicators/${(await m.reporting()).indicatorKey}`,
    }),
  },
  "GET /api/v1/municipalities/:slug/ozg/services": {
    scope: "none",
    call: () => ({ url: `${API}/ozg/services?stand=2022-11-28` }),
  },
  "GET /api/v1/municipalities/:slug/ozg/figures": {
    scope: "none",
    call: () => ({ url: `${API}/ozg/figures?stand=2022-11-28` }),
  },
  "GET /api/v1/municipalities/:slug/draft/changes": {
    scope: "municipality",
    call: () => ({ url: `${API}/draft/changes` }),
  },

  // ── The API: writing ────────────────────────────────────────────────────────
  "POST /api/v1/municipalities/:slug/projects": {
    scope: "administration",
    call: (m) => ({
      url: `${API}/projects`,
      json: {
        actionField: m.actionFieldKey,
        slug: m.uniqueSlug(),
        code: m.uniqueCode(),
        title: "Matrix",
        summary: "",
        status: "planned",
        responsibilities: [{ orgUnit: "10.1", role: "lead" }],
      },
    }),
  },
  "PUT /api/v1/municipalities/:slug/projects/:id": {
    scope: "project",
    call: () => ({
      url: PROJECT_API,
      ifMatchOf: P,
      json: {
        title: "E-Rechnungsworkflow",
        summary: "Rechnungen digital.",
        status: "in_progress",
      },
    }),
  },
  "DELETE /api/v1/municipalities/:slug/projects/:id": {
    scope: "administration",
    call: async (m) => {
      const slug = await m.throwawayProject();
      return { url: `${API}/projects/${slug}`, ifMatchOf: slug };
    },
  },
  "POST /api/v1/municipalities/:slug/projects/:id/phases": {
    scope: "project",
    call: () => ({
      url: `${PROJECT_API}/phases`,
      ifMatchOf: P,
      json: { label: "Matrix", start: "2024", end: "2025" },
    }),
  },
  "PUT /api/v1/municipalities/:slug/projects/:id/phases/:phaseId": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_API}/phases/${await m.newPhaseId()}`,
      ifMatchOf: P,
      json: { label: "Matrix", start: "2024", end: "2024-Q2" },
    }),
  },
  "DELETE /api/v1/municipalities/:slug/projects/:id/phases/:phaseId": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_API}/phases/${await m.newPhaseId()}`,
      ifMatchOf: P,
    }),
  },
  "POST /api/v1/municipalities/:slug/projects/:id/measures": {
    scope: "project",
    call: () => ({
      url: `${PROJECT_API}/measures`,
      ifMatchOf: P,
      json: { title: "Matrix", status: "planned" },
    }),
  },
  "PUT /api/v1/municipalities/:slug/projects/:id/measures/:measureId": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_API}/measures/${await m.newMeasureId()}`,
      ifMatchOf: P,
      json: { title: "Matrix", status: "done" },
    }),
  },
  "DELETE /api/v1/municipalities/:slug/projects/:id/measures/:measureId": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_API}/measures/${await m.newMeasureId()}`,
      ifMatchOf: P,
    }),
  },
  "POST /api/v1/municipalities/:slug/projects/:id/responsibilities": {
    scope: "project",
    call: async (m) => {
      await m.ensureResponsibility(false);
      return {
        url: `${PROJECT_API}/responsibilities`,
        ifMatchOf: P,
        json: { orgUnit: "61", role: "contributing" },
      };
    },
  },
  "PUT /api/v1/municipalities/:slug/projects/:id/responsibilities": {
    scope: "project",
    call: async (m) => ({
      url: `${PROJECT_API}/responsibilities`,
      ifMatchOf: P,
      json: { responsibilities: await m.currentResponsibilities() },
    }),
  },
  "PUT /api/v1/municipalities/:slug/projects/:id/responsibilities/:orgUnit": {
    scope: "project",
    call: async (m) => {
      await m.ensureResponsibility(true);
      return {
        url: `${PROJECT_API}/responsibilities/61`,
        ifMatchOf: P,
        json: { role: "lead" },
      };
    },
  },
  "DELETE /api/v1/municipalities/:slug/projects/:id/responsibilities/:orgUnit":
    {
      scope: "project",
      call: async (m) => {
        await m.ensureResponsibility(true);
        return { url: `${PROJECT_API}/responsibilities/61`, ifMatchOf: P };
      },
    },
  "POST /api/v1/municipalities/:slug/projects/:id/dependencies": {
    scope: "project",
    call: async (m) => {
      await m.ensureDependency(false);
      return {
        url: `${PROJECT_API}/dependencies`,
        ifMatchOf: P,
        json: { dependsOn: "egov-basisstruktur" },
      };
    },
  },
  "DELETE /api/v1/municipalities/:slug/projects/:id/dependencies/:dependsOn": {
    scope: "project",
    call: async (m) => {
      await m.ensureDependency(true);
      return {
        url: `${PROJECT_API}/dependencies/egov-basisstruktur`,
        ifMatchOf: P,
      };
    },
  },
};

/** Static files are served by @fastify/static without our config; they are public by nature (route-policy.ts). */
const EXEMPT = new Set(["GET /assets/*", "HEAD /assets/*"]);

/** A registered route: method, URL and declared policy. */
interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly policy: RoutePolicy | undefined;
}

/** A signed-in role: session cookie and API token. */
interface Person {
  readonly user: TestUser;
  readonly sessionToken: string;
  readonly apiToken: string;
}

/** The app, the people and the fixtures the cases use. */
class Matrix {
  private sequence = 0;
  readonly people = new Map<Exclude<RoleName, "anonymous">, Person>();
  anonymousCookie = "";
  anonymousCsrf = "";
  targetUser!: TestUser;
  /** An account without a password yet, whom the administrators may invite. */
  invitee!: { readonly id: number };
  /** Every mail the app handed to its mailer. */
  readonly outbox: MailMessage[] = [];
  /** A committee member without second factor, whose password the login form is tried with. */
  signInUser!: TestUser;
  actionFieldKey = "";
  impactAreaKey = "";

  constructor(
    readonly app: FastifyInstance,
    readonly t: TestContext,
  ) {}

  uniqueSlug(): string {
    this.sequence += 1;
    return `matrix-${this.sequence}`;
  }

  uniqueCode(): string {
    this.sequence += 1;
    return `9.${this.sequence}`;
  }

  /** A password-reset link of a new account (at most three resets per account and hour). */
  async resetLink(): Promise<string> {
    const user = await createTestUser(this.t.ctx, {
      role: "committee",
      municipalitySlug: "kleve",
    });
    const mailer: Mailer = {
      send: async (message) => void this.outbox.push(message),
    };
    await requestPasswordReset(
      this.t.ctx,
      { mailer, publicBaseUrl: "http://localhost:3999" },
      { email: user.email },
      { ip: null },
    );
    const mail = this.outbox.filter((each) => each.to === user.email).at(-1);
    const path =
      mail === undefined
        ? undefined
        : /http:\/\/localhost:3999(\/passwort-neu\/[A-Za-z0-9_-]+)/.exec(
            mail.text,
          )?.[1];
    if (path === undefined) throw new Error(`No reset link for ${user.email}`);
    return path;
  }

  /** The data version in the first form of a page, as Kleve's administrator sees it now. */
  async formVersion(url: string): Promise<string> {
    const page = await this.app.inject({
      url,
      headers: {
        cookie: `fortschritt=${this.people.get("admin")!.sessionToken}`,
      },
    });
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
    if (version === undefined)
      throw new Error(`No version field on ${url} (status ${page.statusCode})`);
    return version;
  }

  /** The number of a new draft report on the matrix's meeting (one call may change it without meeting another's version). */
  async newDraftId(): Promise<number> {
    return (await this.newDraft()).number;
  }

  /** A new draft report on the matrix's meeting: its id (for the use cases) and its number (for URLs). */
  async newDraft(): Promise<{ id: number; number: number }> {
    const { meetingId } = await this.reporting();
    return await createReport(this.t.ctx, this.administrator, {
      municipality: "kleve",
      data: { meetingId, asOf: "2022-11-28" },
    });
  }

  uniqueEmail(): string {
    this.sequence += 1;
    return `matrix-${this.sequence}@kleve.example`;
  }

  /** Kleve's administrator as a principal, for preparing fixtures through the use cases. */
  private get administrator(): UserPrincipal {
    const { user } = this.people.get("admin")!;
    return {
      kind: "user",
      userId: user.userId,
      municipalityId: user.municipalityId,
      role: "admin",
      orgUnitCodes: [],
      name: user.name,
      email: user.email,
      via: "session",
    };
  }

  /** The project as the API shows it to Kleve's administrator now: the draft (the public reads the latest edition). */
  async project(slug: string): Promise<any> {
    const response = await this.app.inject({
      url: `${API}/projects/${slug}`,
      headers: {
        authorization: `Bearer ${this.people.get("admin")!.apiToken}`,
      },
    });
    return { ...response.json(), etag: String(response.headers.etag) };
  }

  async versionOf(slug: string): Promise<string> {
    return String((await this.project(slug)).project.version);
  }

  private async target(slug = P) {
    return {
      municipality: "kleve",
      project: slug,
      expectedVersion: Number(await this.versionOf(slug)),
    };
  }

  /** A new phase for one call, so that each role changes or removes one of its own. */
  async newPhaseId(): Promise<number> {
    return (
      await addPhase(this.t.ctx, this.administrator, {
        ...(await this.target()),
        data: { label: "Ziel", start: "2024", end: "2025" },
      })
    ).phaseId;
  }

  async newMeasureId(): Promise<number> {
    return (
      await addMeasure(this.t.ctx, this.administrator, {
        ...(await this.target()),
        data: { title: "Ziel", status: "planned" },
      })
    ).measureId;
  }

  /** A project of 10.1 that one call may delete. */
  async throwawayProject(): Promise<string> {
    const slug = this.uniqueSlug();
    await createProject(this.t.ctx, this.administrator, {
      municipality: "kleve",
      data: {
        actionField: this.actionFieldKey,
        slug,
        code: this.uniqueCode(),
        title: "Wegwerfprojekt",
        summary: "",
        status: "planned",
        responsibilities: [{ orgUnit: "10.1", role: "lead" }],
      },
    });
    return slug;
  }

  async currentResponsibilities(): Promise<
    { orgUnit: string; role: string }[]
  > {
    const list = (await this.project(P)).project.responsibilities as {
      orgUnit: string;
      role: string;
    }[];
    return list.map((r) => ({ orgUnit: r.orgUnit, role: r.role }));
  }

  /** The project's responsibilities as the editor's form sends them, unchanged (10.1 stays). */
  async responsibilityForm(): Promise<Record<string, string>> {
    const list = await this.currentResponsibilities();
    const fields: Record<string, string> = { zeilen: String(list.length) };
    list.forEach((responsibility, index) => {
      fields[`einheit-${index}`] = responsibility.orgUnit;
      fields[`rolle-${index}`] = responsibility.role;
    });
    return fields;
  }

  /** Makes unit 61's responsibility for the project present or absent. */
  async ensureResponsibility(present: boolean): Promise<void> {
    const list = await this.currentResponsibilities();
    const has = list.some((r) => r.orgUnit === "61");
    if (has === present) return;
    const responsibilities = present
      ? [...list, { orgUnit: "61", role: "contributing" }]
      : list.filter((r) => r.orgUnit !== "61");
    await setResponsibilities(this.t.ctx, this.administrator, {
      ...(await this.target()),
      data: { responsibilities: responsibilities as never },
    });
  }

  /** Makes the dependency on egov-basisstruktur present or absent. */
  async ensureDependency(present: boolean): Promise<void> {
    const has = (
      (await this.project(P)).project.dependsOn as string[]
    ).includes("egov-basisstruktur");
    if (has === present) return;
    if (present)
      await addDependency(this.t.ctx, this.administrator, {
        ...(await this.target()),
        data: { dependsOn: "egov-basisstruktur" },
      });
    else
      await removeDependency(this.t.ctx, this.administrator, {
        ...(await this.target()),
        dependsOn: "egov-basisstruktur",
      });
  }

  /** A shift of the project in the draft (its first phase ends a quarter later) and the form giving it a reason. */
  async reasonForm(): Promise<Record<string, string>> {
    let revision = await getDraftRevision(
      this.t.ctx,
      this.administrator,
      "kleve",
    );
    let shift =
      revision.report === null
        ? undefined
        : shiftsNeedingReason(revision.report.diff).find(
            (change) => change.project.slug === P,
          );
    if (shift === undefined) {
      const phase = (await this.project(P)).project.phases[0];
      await updatePhase(this.t.ctx, this.administrator, {
        ...(await this.target()),
        phaseId: phase.id,
        data: { label: phase.label, start: phase.start, end: "2024-Q1" },
      });
      revision = await getDraftRevision(
        this.t.ctx,
        this.administrator,
        "kleve",
      );
      shift =
        revision.report === null
          ? undefined
          : shiftsNeedingReason(revision.report.diff).find(
              (change) => change.project.slug === P,
            );
    }
    if (shift === undefined)
      throw new Error("no shift of the project in the draft");
    return {
      schluessel: shift.key,
      version: String(revision.draftReasons.get(shift.key)?.version ?? 0),
      kategorie: "staff",
      text: "Matrix",
    };
  }

  async forewordVersion(): Promise<string> {
    return String(
      (await getDraftRevision(this.t.ctx, this.administrator, "kleve")).foreword
        .version,
    );
  }

  async categoryVersion(key: string): Promise<string> {
    const { categories } = await getReasonCategoriesForEditing(
      this.t.ctx,
      this.administrator,
      "kleve",
    );
    return String(
      categories.find((category) => category.key === key)?.version ?? 1,
    );
  }

  /** A reason category that one call may remove. */
  async throwawayCategory(): Promise<string> {
    const key = this.uniqueSlug();
    await createReasonCategory(this.t.ctx, this.administrator, {
      municipality: "kleve",
      data: { key, label: "Wegwerfkategorie", requiresText: false },
    });
    return key;
  }

  /** A token of the role's own that a call may revoke (the role keeps its usual one). */
  async newTokenIdOf(role: RoleName): Promise<number> {
    if (role === "anonymous") return 1;
    return (
      await createApiToken(this.t.ctx, COMMAND_LINE, {
        userId: this.people.get(role)!.user.userId,
        name: "Zum Widerrufen",
      })
    ).id;
  }

  private reportingFixture: Promise<{
    readonly committeeId: number;
    readonly meetingId: number;
    readonly publishedId: number;
    readonly publishedNumber: number;
    readonly draftId: number;
    readonly draftNumber: number;
    readonly indicatorKey: string;
    readonly leikaKey: string;
  }> | null = null;

  /** A committee and meeting, a published report, a draft, a key figure of the project of 10.1 and a service (once). */
  reporting() {
    this.reportingFixture ??= (async () => {
      const admin = this.administrator;
      const ctx = this.t.ctx;
      const municipality = "kleve";
      const committeeId = (
        await createCommittee(ctx, admin, {
          municipality,
          data: { name: "Ausschuss Matrix", abbreviation: "MTX" },
        })
      ).id;
      const links = {
        title: null,
        oparlMeetingUrl: null,
        oparlAgendaItemUrl: null,
        oparlPaperUrl: null,
      };
      const meetingId = (
        await createMeeting(ctx, admin, {
          municipality,
          data: { committeeId, day: "2022-11-29", ...links },
        })
      ).id;
      const published = await createReport(ctx, admin, {
        municipality,
        data: { meetingId, asOf: "2022-08-23", previousReportId: null },
      });
      const publishedId = published.id;
      await updateReport(ctx, admin, {
        municipality,
        reportId: publishedId,
        expectedVersion: 1,
        data: {
          meetingId,
          asOf: "2022-08-23",
          previousReportId: null,
          title: "Matrix",
          sectionKeys: [this.actionFieldKey],
          includeOzg: false,
          outlook: [],
        },
      });
      const { document } = await getReportDocument(
        ctx,
        admin,
        municipality,
        publishedId,
      );
      for (const project of reportProjects(document)) {
        await saveReportEntry(ctx, admin, {
          municipality,
          reportId: publishedId,
          project: project.slug,
          expectedVersion: 0,
          data: {
            status: "on-track",
            text: "Läuft.",
            highlights: [],
            newDate: null,
            isIncluded: true,
          },
        });
      }
      await publishReport(ctx, admin, {
        municipality,
        reportId: publishedId,
        expectedVersion: 2,
      });
      const draft = await createReport(ctx, admin, {
        municipality,
        data: { meetingId, asOf: "2022-11-28" },
      });
      const draftId = draft.id;
      const indicatorKey = "matrix-rechnungen";
      await createIndicator(ctx, admin, {
        municipality,
        key: indicatorKey,
        data: {
          name: "Rechnungen",
          unit: "Rechnungen",
          definition: "Digital",
          source: "SAP",
          owner: "10.1",
          projectSlug: P,
          kind: "count",
          denominatorLabel: null,
          chartKind: "line",
        },
      });
      const service = {
        name: "Matrix-Leistung",
        topic: null,
        isResponsibleLocally: true,
        channel: null,
        isFrontEndOnline: false,
        isBackEndConnected: false,
        hasEPayment: false,
        hasEId: false,
        onlineApplications: 0,
        maturity: null,
        status: "planned" as const,
        url: null,
      };
      const { leikaKey } = await createService(ctx, admin, {
        municipality,
        leikaKey: "99000000004242",
        validFrom: null,
        data: service,
      });
      return {
        committeeId,
        meetingId,
        publishedId,
        publishedNumber: published.number,
        draftId,
        draftNumber: draft.number,
        indicatorKey,
        leikaKey,
      };
    })();
    return this.reportingFixture;
  }

  /** The current version of the matrix's key figure. */
  async indicatorVersion(): Promise<string> {
    const { indicatorKey } = await this.reporting();
    const { indicators } = await getIndicatorsForStaff(
      this.t.ctx,
      this.administrator,
      "kleve",
    );
    return String(
      indicators.find((each) => each.indicator.key === indicatorKey)?.version ??
        1,
    );
  }

  /** A day no value of the key figure has yet (ISO for use cases, German for forms). */
  uniqueDay(iso = false): string {
    this.sequence += 1;
    const day = new Date(Date.UTC(2020, 0, 1) + this.sequence * 86_400_000);
    const [year, month, date] = day.toISOString().slice(0, 10).split("-");
    return iso ? `${year}-${month}-${date}` : `${date}.${month}.${year}`;
  }

  /** A value of the key figure that one call may remove. */
  async newObservationId(): Promise<number> {
    const { indicatorKey } = await this.reporting();
    const expectedVersion = Number(await this.indicatorVersion());
    const data = {
      day: this.uniqueDay(true),
      value: 1,
      denominator: null,
      note: null,
    };
    return (
      await addObservation(this.t.ctx, this.administrator, {
        municipality: "kleve",
        indicator: indicatorKey,
        expectedVersion,
        data,
      })
    ).observationId;
  }

  /** A fresh, well-formed LeiKa key. */
  uniqueLeikaKey(): string {
    this.sequence += 1;
    return `9900000${String(this.sequence).padStart(7, "0")}`;
  }

  /** The matrix service's current record and version, as the change form sends them. */
  async serviceRecord(): Promise<Record<string, string>> {
    const { leikaKey } = await this.reporting();
    const register = await getRegisterForStaff(
      this.t.ctx,
      this.administrator,
      "kleve",
      19_000,
    );
    const record = register.records.find(
      (each) => each.service.leikaKey === leikaKey,
    )!;
    return { eintrag: String(record.id), version: String(record.version) };
  }

  /** Sends one call as one role. */
  async send(
    method: string,
    call: Call,
    role: RoleName,
  ): Promise<LightMyRequestResponse> {
    const isApi = call.url.startsWith("/api/");
    const headers: Record<string, string> = {};
    const person = role === "anonymous" ? null : this.people.get(role)!;
    if (isApi) {
      if (person !== null) headers.authorization = `Bearer ${person.apiToken}`;
      if (call.ifMatchOf !== undefined)
        headers["if-match"] = (await this.project(call.ifMatchOf)).etag;
      if (call.json !== undefined)
        return this.app.inject({
          method: method as "POST",
          url: call.url,
          headers,
          payload: call.json as object,
        });
      return this.app.inject({
        method: method as "GET",
        url: call.url,
        headers,
      });
    }
    let sessionToken = person?.sessionToken ?? null;
    if (person !== null && call.freshSession === true)
      sessionToken = (await signIn(this.app, person.user))
        .split("=")
        .slice(1)
        .join("=");
    headers.cookie =
      sessionToken === null
        ? this.anonymousCookie
        : `fortschritt=${sessionToken}`;
    if (call.form === undefined)
      return this.app.inject({
        method: method as "GET",
        url: call.url,
        headers,
      });
    const body = new URLSearchParams(call.form);
    body.set(
      "_csrf",
      sessionToken === null
        ? this.anonymousCsrf
        : csrfTokenForSessionToken(sessionToken),
    );
    headers["content-type"] = "application/x-www-form-urlencoded";
    return this.app.inject({
      method: method as "POST",
      url: call.url,
      headers,
      payload: body.toString(),
    });
  }
}

/** What a refusal says: the error summary of a page, or the code of a JSON error. */
function problemOf(response: LightMyRequestResponse): string {
  const text = response.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  const summary = /Es gibt (?:ein Problem|\d+ Probleme)(.{0,160})/.exec(
    text,
  )?.[1];
  return (
    summary ??
    /"code":"([A-Z_]+)"/.exec(response.body)?.[1] ??
    text.slice(0, 160)
  ).trim();
}

/** Whether a response has the expected outcome; a description of what happened otherwise. */
function check(
  outcome: Outcome,
  policy: RoutePolicy,
  response: LightMyRequestResponse,
  expected: number,
): string | null {
  const status = response.statusCode;
  const location = String(response.headers.location ?? "");
  const toSignIn =
    status >= 300 && status < 400 && location.startsWith("/anmelden");
  const seen = `${status}${location === "" ? "" : ` → ${location}`}`;
  switch (outcome) {
    case "unauthenticated":
      return status === 401 || toSignIn
        ? null
        : `expected 401 or a redirect to /anmelden, got ${seen}`;
    case "forbidden":
      return status === 403 ? null : `expected 403, got ${seen}`;
    case "allowed": {
      if (status !== expected)
        return `expected ${expected}, got ${seen}${status >= 400 ? `: ${problemOf(response)}` : ""}`;
      const mayRedirectToSignIn =
        policy === "public" || policy === "anonymous-only";
      return toSignIn && !mayRedirectToSignIn
        ? `expected to be let in, got ${seen}`
        : null;
    }
  }
}

/**
 * The routes in groups of a few dozen, each its own test: a failure names its group, one
 * group can be run alone with -t, and no single test has to call every route in its time.
 */
const ROUTE_GROUPS = ["API", "staff page", "staff form", "public"] as const;

function routeGroup(route: RegisteredRoute): (typeof ROUTE_GROUPS)[number] {
  if (route.url.startsWith("/api/") || route.url.includes("/api/"))
    return "API";
  if (route.url.includes("/verwaltung") || route.url.includes("/betrieb"))
    return route.method === "GET" || route.method === "HEAD"
      ? "staff page"
      : "staff form";
  return "public";
}

describe.each(WEB_DIALECTS)("the route × role matrix on %s", (dialect) => {
  let t: TestContext;
  let provider: TestIdentityProvider;
  let app: FastifyInstance;
  let matrix: Matrix;
  const routes: RegisteredRoute[] = [];

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    // Single sign-on is configured, so that its routes are in the table too.
    provider = await startTestIdentityProvider(
      "http://localhost:3999/anmelden/sso/callback",
    );
    app = await buildApp(t.ctx, {
      // Mail is configured (into the void), so that the password reset pages work as in production.
      mail: {
        mailer: { send: async (message) => void matrix.outbox.push(message) },
        publicBaseUrl: "http://localhost:3999",
      },
      onRoute: (route: RouteOptions) => {
        for (const method of [route.method].flat())
          routes.push({ method, url: route.url, policy: route.config?.policy });
      },
      sso: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        roleClaim: "fortschritt_role",
        orgUnitsClaim: "fortschritt_org_units",
        municipalitySlug: "kleve",
        redirectUri: "http://localhost:3999/anmelden/sso/callback",
        scopes: "openid profile email",
      },
    });
    await app.ready();
    matrix = new Matrix(app, t);

    const goch = await ensureOtherMunicipality(t.ctx);
    const options: Readonly<
      Record<
        Exclude<RoleName, "anonymous">,
        Parameters<typeof createTestUser>[1]
      >
    > = {
      committee: { role: "committee", municipalitySlug: "kleve" },
      editorOfOtherUnit: {
        role: "editor",
        orgUnitCodes: ["32"],
        municipalitySlug: "kleve",
      },
      adminOfOtherMunicipality: { role: "admin", municipalitySlug: goch },
      editor: {
        role: "editor",
        orgUnitCodes: ["10.1"],
        municipalitySlug: "kleve",
      },
      admin: { role: "admin", municipalitySlug: "kleve" },
    };
    for (const [role, userOptions] of Object.entries(options) as [
      Exclude<RoleName, "anonymous">,
      Parameters<typeof createTestUser>[1],
    ][]) {
      const user = await createTestUser(t.ctx, userOptions);
      const cookie = await signIn(app, user);
      const apiToken = (
        await createApiToken(t.ctx, COMMAND_LINE, {
          userId: user.userId,
          name: "Matrix",
        })
      ).token;
      matrix.people.set(role, {
        user,
        sessionToken: cookie.split("=").slice(1).join("="),
        apiToken,
      });
    }
    matrix.targetUser = await createTestUser(t.ctx, {
      role: "committee",
      name: "Ziel der Matrix",
      municipalitySlug: "kleve",
    });
    const kleveId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
    matrix.invitee = await createAccount(t.ctx, COMMAND_LINE, {
      municipalityId: kleveId,
      email: "eingeladen@kleve.example",
      name: "Eingeladen",
      role: "committee",
      orgUnitCodes: [],
    });
    matrix.signInUser = await createTestUser(t.ctx, {
      role: "committee",
      name: "Anmeldung der Matrix",
      municipalitySlug: "kleve",
    });
    const form = await app.inject("/anmelden");
    matrix.anonymousCookie = mergeCookies("", form);
    matrix.anonymousCsrf = csrfTokenIn(form.body) ?? "";
    const catalogue = await getCatalogue(t.ctx, "kleve");
    const entry = listProjects(catalogue).find(
      (candidate) => candidate.project.slug === P,
    )!;
    matrix.actionFieldKey = entry.actionField.key;
    matrix.impactAreaKey = entry.impactArea.key;
    const moderator = buildPrincipal(kleveId, {
      role: "admin",
      orgUnitCodes: [],
    });
    await changeParticipationSettings(t.ctx, moderator, {
      municipality: "kleve",
      mode: "public",
      overdueDays: 30,
      retentionDays: 180,
    });
    const submission = {
      municipality: "kleve",
      kind: "idea",
      title: "Idee der Matrix",
      body: "Ein Vorschlag, den die Matrix liest.",
      project: "",
      email: "",
      honeypot: "",
    };
    const published = await submitItem(t.ctx, null, ANONYMOUS, submission);
    await moderateItem(t.ctx, null, moderator, {
      municipality: "kleve",
      id: published.id,
      expectedVersion: 1,
      publish: true,
      status: "",
      note: "",
      orgUnit: "",
      linkProject: "",
      linkMeasure: "",
      linkEdition: "",
      mergedInto: "",
    });
    const withdrawn = await submitItem(t.ctx, null, ANONYMOUS, submission);
    await withdrawItem(t.ctx, {
      municipality: "kleve",
      token: withdrawn.withdrawToken,
    });
    participation.id = published.id;
    participation.token = published.withdrawToken;
    participation.withdrawnToken = withdrawn.withdrawToken;
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await t?.close();
  });

  /** The entry of a route: HEAD routes (added by Fastify for every GET) use their GET entry. */
  const keyOf = (route: RegisteredRoute): string =>
    `${route.method === "HEAD" ? "GET" : route.method} ${route.url}`;

  it("finds a policy on every route and an entry for every route in the matrix", () => {
    expect(routes.length).toBeGreaterThan(50);
    const checked = routes.filter(
      (route) => !EXEMPT.has(`${route.method} ${route.url}`),
    );
    expect(
      checked
        .filter((route) => route.policy === undefined)
        .map((route) => `${route.method} ${route.url}`),
    ).toEqual([]);
    expect(
      checked
        .filter((route) => CASES[keyOf(route)] === undefined)
        .map((route) => `${route.method} ${route.url}`),
    ).toEqual([]);
  });

  it("has no entries for routes that do not exist", () => {
    const registered = new Set(routes.map(keyOf));
    expect(Object.keys(CASES).filter((key) => !registered.has(key))).toEqual(
      [],
    );
  });

  it.each(ROUTE_GROUPS)(
    "gives every role on every %s route the status its policy allows",
    async (group) => {
      const failures: string[] = [];
      const groupRoutes = routes.filter((r) => routeGroup(r) === group);
      expect(groupRoutes.length).toBeGreaterThan(10);
      for (const route of groupRoutes) {
        const entry = CASES[keyOf(route)];
        if (entry === undefined || route.policy === undefined) continue;
        for (const role of ROLE_NAMES) {
          const outcome = expectedOutcome(route.policy, entry.scope, role);
          let problem: string | null;
          try {
            const call = await entry.call(matrix, role);
            problem = check(
              outcome,
              route.policy,
              await matrix.send(route.method, call, role),
              expectedStatus(entry, route.method, call, role),
            );
          } catch (error) {
            problem = `the call failed: ${String(error)}`;
          }
          if (problem !== null)
            failures.push(
              `${route.method} ${route.url} as ${role} (${route.policy}, ${entry.scope}): ${problem}`,
            );
        }
      }
      expect(failures).toEqual([]);
      // A group's routes × six roles, documents printed by Chromium among them: more than the default 30 s on two cores.
    },
    240_000,
  );
});

/** A new draft with an introduction: its id, the section's id and the report's version. */
async function sectionDraft(m: Matrix) {
  const { id: reportId, number: reportNumber } = await m.newDraft();
  const { id, version } = await addReportSection(m.t.ctx, await bodyAdmin(m), {
    municipality: "kleve",
    reportId,
    expectedVersion: (
      await m.t.ctx.db
        .selectFrom("status_report")
        .select("version")
        .where("id", "=", reportId)
        .executeTakeFirstOrThrow()
    ).version,
    kind: "introduction",
    data: {
      heading: "",
      text: "Matrix",
      figureKeys: [],
      projectSlugs: [],
      question: "",
      unit: "count",
      answers: [],
    },
  });
  return { reportId, reportNumber, sectionId: id, version };
}

/** An administrator of Kleve for the body routes' own records. */
async function bodyAdmin(m: Matrix) {
  const kleveId = (await getCatalogue(m.t.ctx, "kleve")).municipality.id;
  return buildPrincipal(kleveId, { role: "admin", orgUnitCodes: [] });
}
