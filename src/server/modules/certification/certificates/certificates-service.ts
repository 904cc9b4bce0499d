import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TCertificateDetail, TCertificateList } from '../../../../shared/contracts/certificates.ts';
import type { TCertificateState } from '../../../../shared/contracts/certification-decisions.ts';
import { publicBaseUrl } from '../proposals/proposal-common.ts';
import { registerPageUrl } from './certificate-credential.ts';
import { certificateLifecycle } from './certificate-lifecycle.ts';
import * as repo from './certificates-repo.ts';

/*
 * Reading certificates: the body's members (`certificate.read`, every certificate of the body) and
 * the certified organization's members (`orgCertificate.read`, the certificates of its engagements,
 * found by the engagement's organization — the rows keep the body's tenant). Another tenant's id
 * answers 404. Lists are keyset-paginated, newest first, one statement.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'blobs' | 'config'>;
type TSide = { kind: 'body'; tenantId: string } | { kind: 'org'; tenantId: string };

const encode = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decode(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError(400, 'bad_request', 'Invalid cursor.');
  return [at, id];
}

function scoped(db: Kysely<DB>, side: TSide) {
  const q = db.selectFrom('certificates as c');
  return side.kind === 'body'
    ? q.where('c.tenant_id', '=', side.tenantId)
    : q.innerJoin('engagements as e', 'e.id', 'c.engagement_id').where('e.organization_tenant_id', '=', side.tenantId);
}

const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export function createCertificatesService(p: TDeps) {
  async function sideOf(actor: TActor | null, tenantId: string, org: boolean): Promise<TSide & { canChange: boolean }> {
    if (org) {
      await p.authz.assert(actor, 'orgCertificate.read', { tenantId });
      return { kind: 'org', tenantId, canChange: false };
    }
    const grant = await p.authz.assert(actor, 'certificate.read', { tenantId });
    return { kind: 'body', tenantId, canChange: p.authz.abilities(grant, 'certificate', { status: 'valid' })['certificate.changeStatus'] === true };
  }

  async function list(actor: TActor | null, tenantId: string, query: { status?: TCertificateState; cursor?: string; limit: number }, org = false): Promise<TCertificateList> {
    const side = await sideOf(actor, tenantId, org);
    let q = scoped(p.db, side)
      .select([
        'c.id',
        'c.number',
        'c.revision',
        'c.status',
        'c.holder_name',
        'c.client_id',
        'c.engagement_id',
        'c.standard',
        sql<string>`c.effective_date::text`.as('effective_date'),
        sql<string>`c.expiry_date::text`.as('expiry_date'),
        sql<string | null>`c.suspended_until::text`.as('suspended_until'),
        'c.created_at',
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(query.limit + 1);
    if (query.status) q = q.where('c.status', '=', query.status);
    if (query.cursor) {
      const [at, id] = decode(query.cursor);
      q = q.where((eb) => eb.or([eb('c.created_at', '<', new Date(at)), eb.and([eb('c.created_at', '=', new Date(at)), eb('c.id', '<', id)])]));
    }
    const rows = await q.execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        number: r.number,
        revision: r.revision,
        status: r.status,
        holderName: r.holder_name,
        clientId: r.client_id,
        engagementId: r.engagement_id,
        standard: r.standard,
        effectiveDate: r.effective_date,
        expiryDate: r.expiry_date,
        suspendedUntil: r.suspended_until,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      nextCursor: rows.length > query.limit && last ? encode(new Date(last.created_at), last.id) : null,
    };
  }

  async function row(side: TSide, certificateId: string) {
    const r = await scoped(p.db, side).select(['c.tenant_id', 'c.id']).where('c.id', '=', certificateId).executeTakeFirst();
    if (!r) throw notFound('Certificate');
    return (await repo.getCertificate(p.db, r.tenant_id, r.id))!;
  }

  async function get(actor: TActor | null, tenantId: string, certificateId: string, org = false): Promise<TCertificateDetail> {
    const side = await sideOf(actor, tenantId, org);
    const c = await row(side, certificateId);
    const events = await repo.eventsOf(p.db, c.tenant_id, [c.id]);
    const next = certificateLifecycle.eventsFrom(c.status).filter((e): e is Exclude<typeof e, 'expire'> => e !== 'expire');
    return {
      id: c.id,
      number: c.number,
      revision: c.revision,
      status: c.status,
      holderName: c.holder_name,
      clientId: c.client_id,
      engagementId: c.engagement_id,
      standard: c.standard,
      effectiveDate: c.effective_date,
      expiryDate: c.expiry_date,
      suspendedUntil: c.suspended_until,
      createdAt: new Date(c.created_at).toISOString(),
      holderAddress: c.holder_address,
      sites: c.sites as TCertificateDetail['sites'],
      aiSystems: c.ai_systems as TCertificateDetail['aiSystems'],
      scope: { en: c.scope_en, fr: c.scope_fr },
      soaVersion: c.soa_version,
      bodyName: c.body_name,
      bodyAddress: c.body_address,
      originalIssueDate: c.original_issue_date,
      decisionDate: c.decision_date,
      decisionId: c.decision_id,
      supersedesId: c.supersedes_id,
      statusReason: c.status_reason,
      credentialSha256: c.credential_sha256,
      documents: c.documents as TCertificateDetail['documents'],
      registerUrl: registerPageUrl(publicBaseUrl(p.config), c.number),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        effectiveOn: day(e.effective_on),
        reason: { en: e.reason_en, fr: e.reason_fr },
        decisionId: e.decision_id,
        createdAt: new Date(e.created_at).toISOString(),
      })),
      nextChanges: side.kind === 'body' && side.canChange ? next : [],
      abilities: { 'certificate.changeStatus': side.kind === 'body' && side.canChange },
    };
  }

  /** A stored PDF, exactly as issued. */
  async function pdf(actor: TActor | null, tenantId: string, certificateId: string, lang: 'en' | 'fr', org = false) {
    const side = await sideOf(actor, tenantId, org);
    const c = await row(side, certificateId);
    const doc = (c.documents as TCertificateDetail['documents'])[lang];
    const body = doc ? await p.blobs.get(doc.sha256) : null;
    if (!doc || !body) throw notFound('Document');
    return { body, sha256: doc.sha256, size: doc.size, filename: `${c.number.replace(/[^A-Za-z0-9._-]+/g, '_')}-rev${c.revision}-${lang}.pdf` };
  }

  async function credential(actor: TActor | null, tenantId: string, certificateId: string, org = false) {
    const side = await sideOf(actor, tenantId, org);
    const c = await row(side, certificateId);
    return { credential: c.credential, sha256: c.credential_sha256, filename: `${c.number.replace(/[^A-Za-z0-9._-]+/g, '_')}-rev${c.revision}.vc.json` };
  }

  return { list, get, pdf, credential };
}
