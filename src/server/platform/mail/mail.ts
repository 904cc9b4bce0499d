import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export type TMail = { to: string; subject: string; text: string; html?: string };
export type TMailer = { send(mail: TMail): Promise<void>; transport: 'smtp' | 'log' };

/** SMTP when SMTP_URL is set; otherwise the message is written to the log (never a secret). */
export function createMailer(opts: { smtpUrl?: string | undefined; from: string; log: Logger }): TMailer {
  if (opts.smtpUrl) {
    const transporter = nodemailer.createTransport(opts.smtpUrl);
    return {
      transport: 'smtp',
      async send(mail) {
        await transporter.sendMail({ from: opts.from, ...mail });
      },
    };
  }
  return {
    transport: 'log',
    async send(mail) {
      opts.log.info({ mail: { to: mail.to, subject: mail.subject, text: mail.text } }, 'mail (no SMTP_URL configured)');
    },
  };
}
