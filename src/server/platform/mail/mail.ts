import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

/** Attachments travel by SMTP only; the outbox file notes their names. */
export type TMail = { to: string; subject: string; text: string; html?: string; attachments?: { filename: string; content: Buffer; contentType: string }[] };
export type TMailer = { send(mail: TMail): Promise<void>; transport: 'smtp' | 'outbox' };

/**
 * SMTP when SMTP_URL is set. Otherwise each message is written to a file in `outboxDir` (readable by
 * the server's user only) and the log says who it was for and where it is: a body holds sign-in
 * links, which must not end up in logs that others read and keep.
 */
export function createMailer(opts: { smtpUrl?: string | undefined; from: string; log: Logger; outboxDir: string }): TMailer {
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
    transport: 'outbox',
    async send(mail) {
      fs.mkdirSync(opts.outboxDir, { recursive: true, mode: 0o700 });
      const file = path.join(opts.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.txt`);
      const attached = mail.attachments?.length ? `Attachments: ${mail.attachments.map((a) => a.filename).join(', ')}\n` : '';
      fs.writeFileSync(file, `From: ${opts.from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n${attached}\n${mail.text}\n`, { mode: 0o600, flag: 'wx' });
      opts.log.info({ mail: { to: mail.to, subject: mail.subject, file } }, 'mail written to the outbox (no SMTP_URL configured)');
    },
  };
}
