import { randomUUID } from 'node:crypto';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import {
  ZInviteSoc2ReaderBody,
  ZPublishSoc2NdaBody,
  type TInviteSoc2ReaderBody,
  type TPublishSoc2NdaBody,
  type TSoc2NdaTexts,
  type TSoc2Reader,
  type TSoc2ReaderList,
  type TSoc2ReaderListQuery,
} from '../../../../shared/contracts/soc2-readers.ts';
import * as exams from '../examinations/examinations-repo.ts';
import { sendSoc2ReaderMail } from './jobs/send-reader-mail.ts';
import { currentNda, insertNdaVersion, ndaVersions } from './nda-texts.ts';
import { iso, readerDto, readerToken, recordInBoth, tokenSha256, type TSides } from './reader-common.ts';
import { readerState } from './reader-lifecycle.ts';
import * as repo from './readers-repo.ts';

/*
 * The organization invites readers to its issued report and revokes them; both sides list them
 * with their access log. The firm publishes its restricted-use terms. Rows belong to the firm.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'jobs' | 'secretKey'>;

const DAY = 86_400_000;
const NO_ABILITIES = { 'orgSoc2Reader.manage': false };

const sidesOf = (x: exams.TExaminationRow): TSides => ({
  firmTenantId: x.tenant_id,
  organizationTenantId: x.organization_tenant_id,
  examinationId: x.id,
  engagementId: x.engagement_id,
  reference: x.reference,
  firmName: x.firm_name,
  organizationName: x.organization_name,
});

const localesOf = (files: repo.TReportDocument['files']) => (['en', 'fr'] as const).filter((l) => files[l]?.pdf) as TLocale[];

export function createSoc2ReadersService(p: TDeps) {
  const abilitiesFor = (grant: TTenantGrant | null, r: repo.TReaderRow, now: Date) =>
    grant?.kind === 'organization'
      ? { 'orgSoc2Reader.manage': p.authz.abilities(grant, 'orgSoc2Reader', { state: readerState({ expiresAt: r.expires_at, ndaAcceptedAt: r.nda_accepted_at, revokedAt: r.revoked_at }, now) })['orgSoc2Reader.manage'] }
      : NO_ABILITIES;

  async function list(grant: TTenantGrant, x: exams.TExaminationRow, q: TSoc2ReaderListQuery): Promise<TSoc2ReaderList> {
    const now = p.clock.now();
    const [doc, page, accessDays] = await Promise.all([
      repo.reportDocument(p.db, x.tenant_id, x.id),
      repo.listReaders(p.db, x.tenant_id, x.id, q, now),
      repo.readerAccessDays(p.db, x.tenant_id),
    ]);
    const manage = grant.kind === 'organization' && p.authz.abilities(grant, 'orgSoc2Reader', { state: 'invited' })['orgSoc2Reader.manage'];
    return {
      items: page.items.map((r) => readerDto(r, now, abilitiesFor(grant, r, now))),
      nextCursor: page.nextCursor,
      report: doc ? { id: doc.id, reference: doc.reference, issuedAt: iso(doc.issued_at), locales: localesOf(doc.files) } : null,
      accessDays,
      abilities: { 'orgSoc2Reader.manage': Boolean(manage && doc) },
    };
  }

  return {
    async listForOrganization(actor: TActor | null, tenantId: string, examinationId: string, q: TSoc2ReaderListQuery): Promise<TSoc2ReaderList> {
      const grant = await p.authz.assert(actor, 'orgSoc2Reader.read', { tenantId });
      const x = await exams.orgExamination(p.db, tenantId, examinationId);
      if (!x) throw notFound('Examination');
      return list(grant, x, q);
    },

    async listForFirm(actor: TActor | null, tenantId: string, examinationId: string, q: TSoc2ReaderListQuery): Promise<TSoc2ReaderList> {
      const grant = await p.authz.assert(actor, 'soc2Reader.read', { tenantId });
      const x = await exams.firmExamination(p.db, tenantId, examinationId);
      if (!x) throw notFound('Examination');
      return list(grant, x, q);
    },

    /** Invites a reader to the examination's issued report: access until now + the firm's reader days, the link mailed. */
    async invite(actor: TActor | null, tenantId: string, examinationId: string, body: TInviteSoc2ReaderBody, ctx: TRequestContext): Promise<TSoc2Reader> {
      const grant = await p.authz.assert(actor, 'orgSoc2Reader.manage', { tenantId });
      const input = ZInviteSoc2ReaderBody.parse(body);
      const userId = actor?.type === 'user' ? actor.userId : null;
      const id = randomUUID();
      const { row, now } = await p.db.transaction().execute(async (tx) => {
        const x = await exams.orgExamination(tx, tenantId, examinationId, true);
        if (!x) throw notFound('Examination');
        const doc = await repo.reportDocument(tx, x.tenant_id, x.id);
        if (!doc) throw new AppError(409, 'soc2_report_not_issued', 'The report is not issued yet: readers are invited to an issued report.', { state: x.state });
        if (await repo.activeReaderWithEmail(tx, x.tenant_id, doc.id, input.email))
          throw new AppError(409, 'soc2_reader_exists', 'This address is already invited to the report: revoke that invitation first to invite it again.', { field: 'email' });
        const now = p.clock.now();
        const days = await repo.readerAccessDays(tx, x.tenant_id);
        const expiresAt = new Date(now.getTime() + days * DAY);
        await repo.insertReader(
          tx,
          x.tenant_id,
          {
            id,
            document_id: doc.id,
            organization_tenant_id: x.organization_tenant_id,
            email: input.email,
            name: input.name,
            company: input.company,
            locale: input.locale,
            token_sha256: tokenSha256(readerToken(p.secretKey, x.tenant_id, id)),
            expires_at: expiresAt,
            invited_by: userId,
          },
          now,
        );
        await repo.insertAccess(tx, x.tenant_id, id, { kind: 'invited', locale: input.locale, ip: ctx.ip, userAgent: ctx.userAgent }, now);
        // The firm's terms exist before the first reader opens the link (version 1 written if needed).
        await currentNda(tx, x.tenant_id, now);
        await recordInBoth(tx, actor, ctx, sidesOf(x), {
          action: 'soc2_reader.invited',
          readerId: id,
          after: { email: input.email, name: input.name, company: input.company, locale: input.locale, expiresAt: expiresAt.toISOString(), documentReference: doc.reference },
        });
        await p.jobs.send(tx, sendSoc2ReaderMail, { tenantId: x.tenant_id, readerId: id }, { singletonKey: id });
        const row = await repo.readerOf(tx, x.tenant_id, x.id, id);
        return { row: row!, now };
      });
      return readerDto(row, now, abilitiesFor(grant, row, now));
    },

    /** Ends a reader's access now; their link answers with a refusal from then on. */
    async revoke(actor: TActor | null, tenantId: string, examinationId: string, readerId: string, ctx: TRequestContext): Promise<TSoc2Reader> {
      const grant = await p.authz.assert(actor, 'orgSoc2Reader.manage', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const x = await exams.orgExamination(tx, tenantId, examinationId);
        if (!x) throw notFound('Examination');
        const r = await repo.readerOf(tx, x.tenant_id, x.id, readerId, true);
        if (!r) throw notFound('Reader');
        const now = p.clock.now();
        p.authz.assertOn(grant, 'orgSoc2Reader.manage', { state: readerState({ expiresAt: r.expires_at, ndaAcceptedAt: r.nda_accepted_at, revokedAt: r.revoked_at }, now) });
        await repo.revokeReader(tx, x.tenant_id, r.id, now);
        await recordInBoth(tx, actor, ctx, sidesOf(x), { action: 'soc2_reader.revoked', readerId: r.id, after: { email: r.email, name: r.name, company: r.company } });
        const row = (await repo.readerOf(tx, x.tenant_id, x.id, r.id))!;
        return readerDto(row, now, abilitiesFor(grant, row, now));
      });
    },

    /** The firm's restricted-use terms, newest first (version 1, Attest's words, written on first read). */
    async ndaTexts(actor: TActor | null, tenantId: string): Promise<TSoc2NdaTexts> {
      const grant = await p.authz.assert(actor, 'soc2Reader.read', { tenantId });
      await currentNda(p.db, tenantId, p.clock.now());
      return ndaView(grant, tenantId);
    },

    /** Publishes the next version of the terms; readers who already accepted keep the version they accepted. */
    async publishNda(actor: TActor | null, tenantId: string, body: TPublishSoc2NdaBody, ctx: TRequestContext): Promise<TSoc2NdaTexts> {
      const grant = await p.authz.assert(actor, 'soc2Nda.publish', { tenantId });
      const input = ZPublishSoc2NdaBody.parse(body);
      const userId = actor?.type === 'user' ? actor.userId : null;
      await p.db.transaction().execute(async (tx) => {
        // Two publications at once: the second waits here and numbers its version after the first.
        await tx.selectFrom('body_settings').select('tenant_id').where('tenant_id', '=', tenantId).forUpdate().execute();
        const now = p.clock.now();
        const current = await currentNda(tx, tenantId, now);
        const version = current.version + 1;
        const sha256 = await insertNdaVersion(tx, tenantId, version, input.textEn, input.textFr, userId, now);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'soc2_nda.published', subjectType: 'soc2_nda', subjectId: null, after: { version, sha256, previous: current.version } });
      });
      return ndaView(grant, tenantId);
    },
  };

  async function ndaView(grant: TTenantGrant, tenantId: string): Promise<TSoc2NdaTexts> {
    const rows = await ndaVersions(p.db, tenantId);
    return {
      versions: rows.map((r) => ({
        version: r.version,
        textEn: r.text_en,
        textFr: r.text_fr,
        sha256: r.sha256,
        createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
        createdAt: iso(r.created_at),
      })),
      abilities: { 'soc2Nda.publish': p.authz.abilities(grant, 'soc2Nda', {})['soc2Nda.publish'] },
    };
  }
}
