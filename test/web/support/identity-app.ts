/**
 * The app for identity tests: a clock the test can move (idle and absolute timeouts,
 * TOTP steps, link expiry) and, on request, mail delivered to a local SMTP sink.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../../src/app/context.js";
import {
  createSmtpMailer,
  type MailMessage,
  type Mailer,
} from "../../../src/app/mail/mailer.js";
import type { DialectName } from "../../../src/db/dialect.js";
import { buildApp, type BuildAppOptions } from "../../../src/web/build-app.js";
import {
  openTestContext,
  TEST_NOW,
  type DemoData,
} from "../../support/database.js";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink.js";

/** A clock that stands still until the test moves it. */
export interface TestClock {
  readonly now: () => Date;
  readonly advance: (milliseconds: number) => void;
  readonly set: (date: Date) => void;
}

/** A clock starting at TEST_NOW. */
export function createTestClock(start: Date = TEST_NOW): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

/** The base address links in mails point to. */
export const TEST_BASE_URL = "http://localhost:3000";

/** An app with a movable clock and, optionally, mail. */
export interface IdentityTestApp {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  readonly clock: TestClock;
  readonly sink: SmtpSink | null;
  /**
   * Every message the app handed to its mailer, recorded at the moment of the hand-over:
   * the app decides about a mail before it answers the request, so after the response a
   * test can assert that no mail was sent without waiting for one that never comes.
   */
  readonly outbox: readonly MailMessage[];
  close(): Promise<void>;
}

/** Builds the app on a fresh database with the Kleve demo. */
export async function openIdentityApp(
  dialect: DialectName,
  options: {
    /** What the database starts with: Kleve's demo unless asked for its reports too. */
    demo?: DemoData;
    mail?: boolean;
    build?: Omit<BuildAppOptions, "mail" | "now">;
  } = {},
): Promise<IdentityTestApp> {
  const clock = createTestClock();
  const test = await openTestContext(dialect, {
    demo: options.demo ?? true,
    clock: clock.now,
  });
  const sink = options.mail === true ? await startSmtpSink() : null;
  const outbox: MailMessage[] = [];
  const recording = (mailer: Mailer): Mailer => ({
    send(message) {
      outbox.push(message);
      return mailer.send(message);
    },
  });
  const app = await buildApp(test.ctx, {
    ...options.build,
    now: clock.now,
    mail:
      sink === null
        ? null
        : {
            mailer: recording(
              createSmtpMailer({
                url: sink.url,
                from: "Fortschritt <fortschritt@kleve.example>",
              }),
            ),
            publicBaseUrl: TEST_BASE_URL,
          },
  });
  return {
    app,
    ctx: test.ctx,
    clock,
    sink,
    outbox,
    async close() {
      await app.close();
      await sink?.close();
      await test.close();
    },
  };
}
