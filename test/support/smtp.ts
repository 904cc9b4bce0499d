import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type TMail = { to: string; raw: string };

/** A real SMTP server receives what the app sends. */
export async function startSmtp() {
  const mails: TMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The nth mail (1-based) received for `to`. */
    async waitFor(to: string, timeoutMs = 15_000, nth = 1) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const m = mails.filter((x) => x.to === to)[nth - 1];
        if (m) return m;
        if (Date.now() > end) throw new Error(`no mail to ${to}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Quoted-printable soft breaks and escapes undone, so the body reads as sent. */
const decodeQp = (s: string) =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
export const utf8 = (s: string) => Buffer.from(decodeQp(s), 'latin1').toString('utf8');
