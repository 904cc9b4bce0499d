import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TAddCertAuditInput, TCertAudit } from '../../../../shared/contracts/cert-audits.ts';
import { addProgrammeAudit } from '../engagements/engagements-service.ts';
import { addAuditRefusal } from '../engagements/programme-rules.ts';
import { lockCurrentProgramme } from './audits-repo.ts';
import { createAuditsService } from './audits-service.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const REFUSALS = {
  pre_audit_after_stage1: 'A pre-audit comes before stage 1, and stage 1 has started.',
  pre_audit_exists: 'This programme already has a pre-audit.',
  not_yet_certified: 'A special audit concerns a certified client: stage 2 is not reported yet.',
  nothing_to_follow_up: 'A follow-up verification checks the corrections after an audit’s report: no audit of this programme is reported yet.',
} as const;

/**
 * One operation: a scheme manager adds a pre-audit, a special audit or a follow-up verification to
 * a client's current programme (the five slots of the cycle are opened with the engagement).
 */
export function createAddAuditService(p: TDeps) {
  const audits = createAuditsService(p);
  return {
    async add(actor: TActor | null, tenantId: string, body: TAddCertAuditInput, ctx: TRequestContext): Promise<TCertAudit> {
      await p.authz.assert(actor, 'certAudit.schedule', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const programme = await lockCurrentProgramme(tx, tenantId, body.engagementId);
        if (!programme) throw notFound('Engagement');
        if (programme.engagementStatus !== 'active' || programme.status !== 'active') {
          throw new AppError(409, 'cert_audit_not_addable', 'The engagement or its programme is not active: no audit can be added to it.', { reason: 'inactive' });
        }
        const refusal = addAuditRefusal(body.type, programme.audits);
        if (refusal) throw new AppError(409, 'cert_audit_not_addable', REFUSALS[refusal], { reason: refusal, field: 'type' });
        const sequence = programme.audits.filter((a) => a.type === body.type).length + 1;
        const today = todayOf(p);
        const audit = await addProgrammeAudit(tx, tenantId, {
          programmeId: programme.id,
          engagementId: body.engagementId,
          clientId: programme.client_id,
          type: body.type,
          plannedDays: body.plannedDays,
          dueBy: body.dueBy,
          year: Number(today.slice(0, 4)),
          createdBy: actor?.type === 'user' ? actor.userId : null,
          sequence,
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'cert_audit.added',
          subjectType: 'cert_audit',
          subjectId: audit.id,
          after: { reference: audit.reference, type: body.type, reason: body.reason, dueBy: body.dueBy, plannedDays: body.plannedDays },
        });
        return audit.id;
      });
      return audits.get(actor, tenantId, id);
    },
  };
}
