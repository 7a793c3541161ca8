/**
 * The app as an attacker meets it: listening on a port of 127.0.0.1, on a fresh database
 * with the Kleve demo, mail going to a local SMTP sink, request logs collected — and a
 * small HTTP client with a cookie jar per visitor.
 */
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/app/context.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import type { DialectName } from "../../src/db/dialect.js";
import { buildApp } from "../../src/web/build-app.js";
import { openTestContext } from "../../test/support/database.js";
import { startSmtpSink, type SmtpSink } from "../../test/support/smtp-sink.js";
import type { TestUser } from "../../test/support/accounts.js";

/** A running app. */
export interface RunningApp {
  readonly base: string;
  readonly ctx: AppContext;
  readonly app: FastifyInstance;
  readonly sink: SmtpSink;
  /** Everything logged so far. */
  log(): string;
  close(): Promise<void>;
}

/** Starts the app on a fresh database of the dialect, with the real clock. */
export async function startApp(dialect: DialectName): Promise<RunningApp> {
  const test = await openTestContext(dialect, {
    demo: true,
    clock: () => new Date(),
  });
  const sink = await startSmtpSink();
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const app = await buildApp(test.ctx, {
    logger: { level: "info", stream },
    mail: {
      mailer: createSmtpMailer({
        url: sink.url,
        from: "Fortschritt <fortschritt@kleve.example>",
      }),
      publicBaseUrl: "http://localhost:3000",
    },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    base: address,
    ctx: test.ctx,
    app,
    sink,
    log: () => chunks.join(""),
    async close() {
      await app.close();
      await sink.close();
      await test.close();
    },
  };
}

/** One answer, with its body read. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly location: string | null;
}

/** A visitor: a cookie jar and requests that never follow redirects. */
export class Visitor {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies.entries()]
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
  }

  async request(
    method: string,
    path: string,
    options: {
      body?: string | Buffer | Uint8Array;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(this.cookies.size > 0 ? { cookie: this.cookieHeader } : {}),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: options.body as BodyInit }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      headers: response.headers,
      body: await response.text(),
      location: response.headers.get("location"),
    };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request("GET", path, { headers });
  }

  /** The CSRF token of the form on a page. */
  async csrfFrom(path: string): Promise<string> {
    const page = await this.get(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (token === undefined)
      throw new Error(`No CSRF field on ${path} (${page.status})`);
    return token;
  }

  /** Posts a form with the CSRF token of `csrfFrom` (default: the same path). */
  async postForm(
    path: string,
    fields: Record<string, string>,
    csrfFrom = path,
  ): Promise<Answer> {
    const token = await this.csrfFrom(csrfFrom);
    return this.request("POST", path, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, _csrf: token }).toString(),
    });
  }

  /**
   * Signs in with password and, when asked, a TOTP code: the one of the next step, since
   * setting the factor up has just used the current one (each step counts once).
   */
  async signIn(
    user: TestUser,
    options: { next?: string } = {},
  ): Promise<Answer> {
    const first = await this.postForm("/anmelden", {
      email: user.email,
      password: user.password,
      ...(options.next === undefined ? {} : { next: options.next }),
    });
    if (
      first.status !== 303 ||
      first.location === null ||
      !first.location.startsWith("/anmelden/zweiter-faktor")
    )
      return first;
    return this.postForm(first.location, {
      code: totpCodeAt(user.totpSecret!, new Date(Date.now() + 30_000)),
    });
  }
}
