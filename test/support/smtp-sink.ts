/**
 * A local SMTP server that accepts every message and keeps it, so tests can read the
 * mail Fortschritt sends (password reset links, invitations) through real SMTP.
 */
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/** A received message: envelope recipients and the decoded text. */
export interface ReceivedMail {
  readonly to: readonly string[];
  readonly raw: string;
  /** The raw message with quoted-printable soft line breaks and escapes undone. */
  readonly text: string;
}

/** A running sink. */
export interface SmtpSink {
  /** smtp://127.0.0.1:<port> for SMTP_URL / createSmtpMailer. */
  readonly url: string;
  readonly messages: readonly ReceivedMail[];
  /** Waits until a message for the address arrives (or fails after the timeout). */
  waitForMail(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index += 1) {
    const char = joined[index] ?? "";
    const hex = joined.slice(index + 1, index + 3);
    if (char === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(char, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Starts a sink on 127.0.0.1 with a random port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiting: { to: string; resolve: (mail: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((address) =>
          address.address.toLowerCase(),
        );
        const mail: ReceivedMail = {
          to,
          raw,
          text: decodeQuotedPrintable(raw),
        };
        messages.push(mail);
        for (const waiter of [...waiting]) {
          if (to.includes(waiter.to)) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMail(to, timeoutMs = 5000) {
      const address = to.toLowerCase();
      const existing = messages.find((mail) => mail.to.includes(address));
      if (existing !== undefined) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`No mail for ${address} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiting.push({
          to: address,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
