import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TUserActor } from '../../../platform/authz/actor.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TCertificationFile, TCreateDecisionBody, TDecisionBlockerDto } from '../../../../shared/contracts/cert-decisions.ts';
import { changeCertificateStatus, recordMaintained } from '../certificates/certificate-status.ts';
import { issueCertificate } from '../certificates/certificate-issue.ts';
import { cycleDates, slotDueBy } from '../engagements/programme-rules.ts';
import { assertRenewable, openNextCycle } from '../cycle/next-cycle.ts';
import { decisionBlockers } from '../findings/findings-gate.ts';
import * as repo from './decisions-repo.ts';

/*
 * What a decision changes beside its own record, in the decision's transaction: the programme's
 * dates and the certificate. The certificate's rows belong to the certificates module, the next
 * cycle to the cycle module, the findings' gate to the findings module: each is called, not
 * re-implemented.
 */

export type TEffectDeps = Parameters<typeof issueCertificate>[1];

type TEffectInput = {
  tenantId: string;
  decisionId: string;
  head: repo.TProgrammeHead;
  body: TCreateDecisionBody;
  certificate: repo.TCertificateHead | null;
  today: string;
  file: TCertificationFile;
};

export const decisionBlockersOf = (db: Kysely<DB>, tenantId: string, programmeId: string, today: string): Promise<TDecisionBlockerDto[]> =>
  decisionBlockers(db, tenantId, programmeId, today);

const reasonOf = (body: TCreateDecisionBody) => body.publicReason ?? { en: body.reasoning, fr: body.reasoning };

/**
 * The register's words for a maintain decision when the decision maker gives none: the last reported
 * surveillance (or special) audit of the cycle, by its place in the programme — never the internal
 * reasoning, which is the body's own record.
 */
export function maintainedReason(file: Pick<TCertificationFile, 'audits'>): { en: string; fr: string } {
  const done = file.audits.filter((a) => (a.type === 'surveillance' || a.type === 'special') && (a.state === 'reported' || a.state === 'closed'));
  const last = done.at(-1);
  if (last?.type === 'surveillance') {
    return {
      en: `Surveillance audit ${last.sequence} confirmed the certificate: certification is maintained.`,
      fr: `L’audit de surveillance ${last.sequence} a confirmé le certificat\u00a0: la certification est maintenue.`,
    };
  }
  if (last?.type === 'special') return { en: 'A special audit confirmed the certificate: certification is maintained.', fr: 'Un audit spécial a confirmé le certificat\u00a0: la certification est maintenue.' };
  return { en: 'Certification is maintained.', fr: 'La certification est maintenue.' };
}

export async function applyDecision(tx: Transaction<DB>, p: TEffectDeps & Pick<TPlatform, 'db'>, actor: TUserActor, ctx: TRequestContext, e: TEffectInput): Promise<{ certificateId: string | null }> {
  const { tenantId, decisionId, body, head, today } = e;
  switch (body.kind) {
    case 'refuse':
      // No certificate; the engagement stays (the client may be audited again).
      return { certificateId: null };
    case 'maintain':
      // The certificate stays as it is; its public history says that surveillance confirmed it.
      await recordMaintained(tx, p, actor, { tenantId, certificateId: e.certificate!.id, decisionId, reason: body.publicReason ?? maintainedReason(e.file) });
      return { certificateId: e.certificate!.id };
    case 'grant': {
      const c = cycleDates(today);
      await repo.setProgrammeDates(tx, tenantId, head.id, today, c.expiryDate);
      for (const slot of await repo.openSlots(tx, tenantId, head.id)) {
        await repo.setAuditDueBy(tx, tenantId, slot.id, slotDueBy({ type: slot.type as 'surveillance', sequence: slot.sequence }, today));
      }
      const cert = await issueCertificate(tx, p, actor, ctx, { tenantId, decisionId, kind: 'grant', effectiveDate: today, expiryDate: c.expiryDate });
      return { certificateId: cert.id };
    }
    case 'suspend':
    case 'reinstate':
    case 'withdraw':
      await changeCertificateStatus(tx, p, actor, ctx, {
        tenantId,
        certificateId: e.certificate!.id,
        change: body.kind,
        decisionId,
        reason: reasonOf(body),
        ...(body.kind === 'suspend' ? { suspendedUntil: body.suspendedUntil } : {}),
      });
      return { certificateId: e.certificate!.id };
    case 'reduce_scope':
    case 'extend_scope': {
      const cert = await issueCertificate(tx, p, actor, ctx, { tenantId, decisionId, kind: body.kind, effectiveDate: today, expiryDate: e.certificate!.expiry_date, scope: body.scope });
      return { certificateId: cert.id };
    }
    case 'renew': {
      // 17021-1 9.6.3: chained before expiry, restored within 6 months after it, else a new stage 2 (refused).
      const renewal = await assertRenewable(tx, tenantId, head.id, today);
      await openNextCycle(tx, actor, ctx, { tenantId, programmeId: head.id, decisionDate: today, expiryDate: renewal.expiryDate });
      const cert = await issueCertificate(tx, p, actor, ctx, {
        tenantId,
        decisionId,
        kind: renewal.outcome === 'restore' ? 'restore' : 'renew',
        effectiveDate: renewal.effectiveDate,
        expiryDate: renewal.expiryDate,
      });
      return { certificateId: cert.id };
    }
  }
}
