import { createHmac } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { recordInBothLogs } from '../shared-audit.ts';
import { sha256Hex } from '../../../platform/crypto/crypto.ts';
import type { TSoc2ReaderAccess, TSoc2Reader } from '../../../../shared/contracts/soc2-readers.ts';
import { readerState } from './reader-lifecycle.ts';
import type { TReaderRow } from './readers-repo.ts';

/*
 * A reader's link carries 256 bits derived from the server's key and the reader's random id: the
 * database keeps only the link's SHA-256 (a leaked table opens nothing), and the mail job recomputes
 * the link from the row, so no job payload holds a secret either.
 */
export const readerToken = (key: Buffer, firmTenantId: string, readerId: string) => createHmac('sha256', key).update(`soc2-reader:${firmTenantId}:${readerId}`).digest('base64url');
export const tokenSha256 = (token: string) => sha256Hex(token);

export const iso = (d: Date | string) => new Date(d).toISOString();

export function accessDto(a: TReaderRow['accesses'][number]): TSoc2ReaderAccess {
  return { kind: a.kind, locale: a.locale, watermark: a.watermark, ip: a.ip, userAgent: a.user_agent, at: iso(a.at) };
}

export function readerDto(r: TReaderRow, now: Date, abilities: TSoc2Reader['abilities']): TSoc2Reader {
  return {
    id: r.id,
    documentId: r.document_id,
    email: r.email,
    name: r.name,
    company: r.company,
    locale: r.locale,
    state: readerState({ expiresAt: r.expires_at, ndaAcceptedAt: r.nda_accepted_at, revokedAt: r.revoked_at }, now),
    invitedBy: r.invited_by,
    invitedAt: iso(r.invited_at),
    expiresAt: iso(r.expires_at),
    nda: r.nda_accepted_at ? { version: r.nda_version!, sha256: r.nda_sha256!, name: r.nda_accepted_name ?? '', at: iso(r.nda_accepted_at), ip: r.nda_accepted_ip } : null,
    revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
    downloads: Number(r.downloads),
    accesses: r.accesses.map(accessDto),
    abilities,
  };
}

export type TSides = { firmTenantId: string; organizationTenantId: string; examinationId: string; engagementId: string; reference: string; firmName: string; organizationName: string };

type TReaderAction = 'soc2_reader.invited' | 'soc2_reader.revoked' | 'soc2_reader.nda_accepted' | 'soc2_reader.downloaded';

/** One event in both tenants' logs (the firm's under the examination, the organization's under the engagement). */
export async function recordInBoth(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  s: TSides,
  event: { action: TReaderAction; readerId: string; actorEmail?: string; after: Record<string, unknown> },
) {
  const sides = { reference: s.reference, engagementId: s.engagementId, firmName: s.firmName, organizationName: s.organizationName };
  const logs = { firmTenantId: s.firmTenantId, organizationTenantId: s.organizationTenantId, engagementId: s.engagementId, firmSubject: { type: 'soc2_examination', id: s.examinationId } };
  await recordInBothLogs(tx, actor, ctx, logs, {
    action: event.action,
    ...(event.actorEmail ? { actorEmail: event.actorEmail } : {}),
    after: { ...sides, readerId: event.readerId, ...event.after },
  });
}
