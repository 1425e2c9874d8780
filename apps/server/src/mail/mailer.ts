import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  /** Stable per outbox row, so a resend after a crash can be recognised as the same message. */
  messageId: string;
}

/** Why a send failed: `permanent` when retrying cannot help (the server refused the message). */
export class MailError extends Error {
  readonly permanent: boolean;
  /** The server could not be reached at all: later sends in the same pass would fail too. */
  readonly unreachable: boolean;
  constructor(message: string, opts: { permanent: boolean; unreachable: boolean }) {
    super(message);
    this.permanent = opts.permanent;
    this.unreachable = opts.unreachable;
  }
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects with a MailError otherwise. */
  send(mail: OutgoingMail): Promise<void>;
}

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * nodemailer over SMTP (`KEYWARD_SMTP_URL`, e.g. `smtp://127.0.0.1:2525` or
 * `smtps://user:pass@host:465`). One connection per message: notices are few, and nothing needs
 * closing on shutdown.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { ...TIMEOUTS, from });
  return {
    send: async (mail) => {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
        });
      } catch (err) {
        throw toMailError(err);
      }
    },
  };
}

/** The configured mailer, or null when `KEYWARD_SMTP_URL` is unset (mail is then HELD in the outbox). */
export function mailerFromConfig(config: { smtpUrl: string | undefined; mailFrom: string }): Mailer | null {
  return config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null;
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/** The server refused this message itself (its recipients or its content); other messages may go through. */
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);
/** The server or our configuration is the problem (cannot connect, TLS, authentication, sender refused): every message would fail. */
const SERVER_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'EPROTOCOL']);

function toMailError(err: unknown): MailError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SmtpFailure;
  const message = `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`;
  const refused = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  // A 5xx to the recipients or the data will come again for this message: FAILED. Anything else
  // (4xx, network, TLS, authentication, a refused sender) is retried with backoff until it passes.
  const permanent = refused && (e.code === 'EENVELOPE' || MESSAGE_COMMANDS.has(e.command ?? ''));
  const unreachable =
    !permanent && (e.command === 'CONN' || SERVER_CODES.has(e.code ?? '') || e.command === 'MAIL FROM');
  return new MailError(message, { permanent, unreachable });
}
