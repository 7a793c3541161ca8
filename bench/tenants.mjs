/**
 * What the benches with many municipalities share (bench/scale.mjs, bench/explain.mjs):
 * the bench databases, generating the synthetic municipalities, accounts with a second
 * factor and signing in through the pages.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist", "src");
/** The bench databases' key for second-factor secrets (the servers must share it). */
export const SECRET_KEY =
  process.env.FORTSCHRITT_SECRET_KEY ??
  "6d6573737570672d666f72747363687269747420697374206e75722065696e65";

/**
 * Opens the database `name` (created when missing, with the Kleve demo) with the compiled
 * app; `onQuery` is told of every statement (bench/explain.mjs).
 */
export async function openDatabase(adminUrl, name, { onQuery } = {}) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query(
    "select 1 from pg_database where datname = $1",
    [name],
  );
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { openAppContext, migrateDatabase, isDatabaseEmpty } = await import(
    pathToFileURL(join(DIST, "app", "database.js")).href
  );
  const { parseSecretKey } = await import(
    pathToFileURL(join(DIST, "app", "auth", "secret-box.js")).href
  );
  const ctx = await openAppContext(
    { dialect: "postgres", url: url.toString() },
    {
      secretKey: parseSecretKey(SECRET_KEY),
      ...(onQuery === undefined ? {} : { onQuery }),
    },
  );
  await migrateDatabase(ctx);
  if (await isDatabaseEmpty(ctx)) {
    const { loadDemo } = await import(
      pathToFileURL(join(DIST, "app", "edition", "demo-editions.js")).href
    );
    const { loadDemoReport } = await import(
      pathToFileURL(join(DIST, "app", "reports", "demo-report.js")).href
    );
    await loadDemo(ctx);
    await loadDemoReport(ctx);
  }
  return { ctx, url: url.toString() };
}

/** A cookie jar for one signed-in person. */
function jar() {
  const cookies = new Map();
  return {
    take(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const index = pair.indexOf("=");
        const name = pair.slice(0, index).trim();
        const value = pair.slice(index + 1);
        if (value === "") cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    header: () => [...cookies].map(([n, v]) => `${n}=${v}`).join("; "),
  };
}

const csrfIn = (html) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** Signs in through the pages (password, then the second factor); returns the cookie jar. */
export async function signIn(base, email, password, secret, request = fetch) {
  const { totpCodeAt } = await import(
    pathToFileURL(join(DIST, "app", "auth", "totp.js")).href
  );
  const cookies = jar();
  const send = async (path, fields) => {
    const page = await request(`${base}${path}`, {
      headers: { cookie: cookies.header() },
    });
    cookies.take(page);
    const html = await page.text();
    const response = await request(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: cookies.header(),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ ...fields, _csrf: csrfIn(html) }).toString(),
    });
    cookies.take(response);
    await response.arrayBuffer();
    return response.status;
  };
  if ((await send("/anmelden", { email, password })) !== 303)
    throw new Error(`Anmeldung von ${email} misslungen`);
  if (
    (await send("/anmelden/zweiter-faktor", {
      code: totpCodeAt(secret, new Date()),
    })) !== 303
  )
    throw new Error(`Zweiter Faktor von ${email} misslungen`);
  return cookies;
}

/** A new account with its second factor set up: an administrator of `municipalityId`, or an operator. */
export async function makeAccount(ctx, municipalityId) {
  const load = (path) => import(pathToFileURL(join(DIST, ...path)).href);
  const { COMMAND_LINE } = await load(["app", "auth", "account-audit.js"]);
  const { createAccount } = await load(["app", "auth", "manage-users.js"]);
  const { addOperator } = await load(["app", "operations", "operators.js"]);
  const { beginOwnTotpEnrolment, confirmOwnTotpEnrolment } = await load([
    "app",
    "auth",
    "second-factor.js",
  ]);
  const { totpCodeAt } = await load(["app", "auth", "totp.js"]);
  const tag = `${process.pid}-${Date.now()}`;
  const password = `Ein langes Messpasswort ${tag}`;
  let principal;
  if (municipalityId === null) {
    const email = `betrieb-${tag}@bench.example`;
    const created = await addOperator(ctx, COMMAND_LINE, {
      email,
      name: "Messung Betrieb",
      password,
    });
    principal = {
      kind: "user",
      userId: created.id,
      municipalityId: null,
      role: "committee",
      orgUnitCodes: [],
      name: "Messung Betrieb",
      email,
      via: "session",
    };
  } else {
    const email = `admin-${tag}@bench.example`;
    const account = await createAccount(ctx, COMMAND_LINE, {
      municipalityId,
      email,
      name: "Messung Verwaltung",
      role: "admin",
      orgUnitCodes: [],
      password,
    });
    principal = {
      kind: "user",
      userId: account.id,
      municipalityId,
      role: "admin",
      orgUnitCodes: [],
      name: "Messung Verwaltung",
      email,
      via: "session",
    };
  }
  const enrolment = await beginOwnTotpEnrolment(ctx, principal);
  const secret = enrolment.secretForReading.replace(/\s+/g, "");
  await confirmOwnTotpEnrolment(
    ctx,
    principal,
    totpCodeAt(secret, new Date()),
    { ip: null },
  );
  // The enrolment used this step's code; the sign-in may come in the same step.
  await ctx.db
    .updateTable("user_account")
    .set({ last_totp_step: null })
    .where("id", "=", principal.userId)
    .execute();
  return { email: principal.email, password, secret };
}

/** Generates the synthetic municipalities `musterstadt-1 …` up to `count` (those present are kept). */
export async function ensureMunicipalities(ctx, count) {
  const fmt = (value, digits = 0) => value.toFixed(digits).replace(".", ",");
  const present = await ctx.db
    .selectFrom("municipality")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("slug", "like", "musterstadt-%")
    .executeTakeFirstOrThrow();
  if (Number(present.n) >= count) {
    process.stdout.write(
      `${count} erfundene Kommunen vorhanden (Datenbank wiederverwendet).\n`,
    );
  } else {
    const { loadSyntheticMunicipalities } = await import(
      pathToFileURL(join(DIST, "app", "edition", "demo-editions.js")).href
    );
    const started = performance.now();
    await loadSyntheticMunicipalities(ctx, count, (done) => {
      if (done % 100 === 0)
        process.stderr.write(
          `${done} von ${count} (${fmt((performance.now() - started) / 1000)} s)\n`,
        );
    });
    const seconds = (performance.now() - started) / 1000;
    // Statistics and the visibility map as autovacuum would leave them on a settled
    // database: without them the planner misjudges the new rows and index-only scans
    // visit the table (ADR 0052).
    const { sql } = await import("kysely");
    await sql`vacuum (analyze)`.execute(ctx.db);
    process.stdout.write(
      `${count} Kommunen erzeugt in ${fmt(seconds, 1)} s (die erste über den Import, die übrigen als Kopien; Ziel deutlich unter 600 s: ${seconds < 600 ? "ok" : "nein"}).\n`,
    );
  }
}

/** The municipality the benches look at (the middle one), with its newest report. */
export async function benchTenant(ctx, count) {
  const slug = `musterstadt-${Math.ceil(count / 2)}`;
  const municipality = await ctx.db
    .selectFrom("municipality")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  const report = await ctx.db
    .selectFrom("status_report")
    .select(["id", "number"])
    .where("municipality_id", "=", municipality.id)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return { slug, municipality, report };
}
