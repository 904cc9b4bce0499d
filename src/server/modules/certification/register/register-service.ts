import { createHash } from 'node:crypto';
import type { TPlatform } from '../../../platform/platform.ts';
import { badRequest, notFound, tooManyRequests } from '../../../platform/errors/errors.ts';
import { REGISTER_PAGE_SIZE, type TRegisterPage, type TRegisterSearchQuery, type TRegisterVerification } from '../../../../shared/contracts/register.ts';
import { createRegisterRateLimit } from './register-rate-limit.ts';
import { verifyCertificateCredential } from '../certificates/certificate-credential.ts';
import { createRegisterLookups } from './register-lookup-batch.ts';
import { certificateCredential, certificateForVerification, searchCertificates, type TSearchCursor, type TVerifyRow } from './register-repo.ts';

export type TRegisterDeps = Pick<TPlatform, 'db' | 'database' | 'clock' | 'config' | 'secretKey' | 'signer'>;

/** A JSON answer as bytes with its strong validator: a 304 is decided on the hash, never on a date. */
export type TTagged = { bytes: Buffer; etag: string };

const tagged = (text: string): TTagged => {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"` };
};

const encodeCursor = (c: TSearchCursor) => Buffer.from(JSON.stringify([c.p, c.k, c.n]), 'utf8').toString('base64url');

function decodeCursor(s: string): TSearchCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && (v[0] === 0 || v[0] === 1) && typeof v[1] === 'string' && typeof v[2] === 'string' && v[1].length <= 200 && v[2].length <= 60) {
      return { p: v[0], k: v[1], n: v[2] };
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw badRequest('This page cursor is not one the register gave: start the search again.', { reason: 'invalid_cursor' });
}

/** The proof checked with the installation's own published key, and the signed facts compared with the register's row. */
export function verifyStored(row: TVerifyRow, publicKeys: Parameters<typeof verifyCertificateCredential>[1]): TRegisterVerification {
  let vc: unknown = null;
  try {
    vc = JSON.parse(row.credential);
  } catch {
    // A credential that is not JSON is simply not a certificate.
  }
  const v = verifyCertificateCredential(vc, publicKeys);
  const c = v.certificate;
  const matchesRegister =
    v.signature === 'valid' &&
    !!c &&
    c.number === row.number &&
    c.revision === row.revision &&
    c.standard === row.standard &&
    c.holder?.name === row.holder_name &&
    c.effectiveDate === row.effective_date &&
    c.expiryDate === row.expiry_date;
  return { signature: v.signature, reason: v.reason ?? null, verificationMethod: v.verificationMethod ?? null, signedAt: v.issuedAt ?? null, matchesRegister, status: row.status };
}

/**
 * The public register: anyone, no account, read-only. Authorization is "none" by design (the
 * register exists to be read by anyone, ISO/IEC 17021-1 8.1.3); the first line of every function
 * is the per-address budget instead.
 */
export function createRegisterService(p: TRegisterDeps) {
  // The pages built, held with their stamps and confirmed together (register-lookup-batch.ts).
  const lookups = createRegisterLookups(p.database, tagged);
  const limit = createRegisterRateLimit(p.secretKey, p.config.REGISTER_REQUESTS_PER_MINUTE);
  const charge = (ip: string | undefined) => {
    const wait = limit.charge(ip, p.clock.now().getTime());
    if (wait !== null) throw tooManyRequests(wait);
  };

  return {
    async search(ip: string | undefined, q: TRegisterSearchQuery): Promise<TRegisterPage> {
      charge(ip);
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const rows = await searchCertificates(p.db, { text: q.q, status: q.status, standard: q.standard, cursor, limit: REGISTER_PAGE_SIZE });
      const page = rows.slice(0, REGISTER_PAGE_SIZE);
      const last = page.at(-1);
      return {
        items: page.map(({ phase: _p, k1: _k, ...hit }) => hit),
        nextCursor: rows.length > REGISTER_PAGE_SIZE && last ? encodeCursor({ p: last.phase, k: last.k1, n: last.number }) : null,
      };
    },

    async certificate(ip: string | undefined, number: string): Promise<TTagged> {
      charge(ip);
      const page = await lookups.page(number);
      if (!page) throw notFound('Certificate');
      return page;
    },

    async verification(ip: string | undefined, number: string): Promise<TTagged> {
      charge(ip);
      const row = await certificateForVerification(p.database, number);
      if (!row) throw notFound('Certificate');
      return tagged(JSON.stringify(verifyStored(row, [p.signer.publicJwk])));
    },

    async credential(ip: string | undefined, number: string): Promise<TTagged> {
      charge(ip);
      const vc = await certificateCredential(p.database, number);
      if (vc === null) throw notFound('Certificate');
      return tagged(vc);
    },
  };
}
export type TRegisterService = ReturnType<typeof createRegisterService>;
