/**
 * Sending e-mail: one small interface, so that use cases do not know about SMTP and
 * tests can use a real SMTP sink (test/support/smtp-sink.ts) without mocking.
 */
import type { Transporter } from "nodemailer";

/** A plain-text message. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Further header fields, e.g. List-Unsubscribe of a digest. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Something that delivers mail. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Where mail goes: the SMTP server and the sender address. */
export interface SmtpSettings {
  /** smtp://host:port or smtps://user:password@host:port */
  readonly url: string;
  readonly from: string;
}

/** A mailer that hands every message to the configured SMTP server. */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  // nodemailer is loaded with the first message: a server that sends none never loads it.
  let transport: Promise<Transporter> | null = null;
  return {
    async send(message) {
      transport ??= import("nodemailer").then(({ default: nodemailer }) =>
        nodemailer.createTransport(settings.url),
      );
      await (
        await transport
      ).sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // Security mails must not be turned into tracking links by a newsletter relay.
        headers: {
          ...message.headers,
          "Auto-Submitted": "auto-generated",
        },
      });
    },
  };
}
