import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TDecisionKind } from '../../../../shared/contracts/certification-decisions.ts';
import { addDays, addMonths } from '../engagements/programme-rules.ts';
import type { TBilingual } from './certificate-credential.ts';
import type { TCertificateDeps } from './certificate-issue.ts';
import { certificateLifecycle, EVENT_OF, isPastExpiry, suspensionTooLong, type TStatusChange } from './certificate-lifecycle.ts';
import * as repo from './certificates-repo.ts';
import { sendCertificateStatusMail } from './jobs/send-certificate-status-mail.ts';

/*
 * Suspension, reinstatement and withdrawal (ISO/IEC 17021-1 9.6.5), each on a certification
 * decision, in the decision's transaction: the status, the public event (reasons in English and
 * French), the audit event and — for a suspension or a withdrawal — the mail telling the
 * organization to stop claiming certification. The signed credential is never touched: it still
 * verifies as signed; the register says the current status. A scope reduction or extension is a
 * revision: issueCertificate.
 */

export type TChangeCertificateStatusInput = {
  tenantId: string;
  certificateId: string;
  change: TStatusChange;
  decisionId: string;
  reason: TBilingual;
  /** A suspension's last day: at most the body's suspension_max_months after it takes effect. */
  suspendedUntil?: string;
  /** The day the change takes effect; the decision's day by default, never before it. */
  effectiveDate?: string;
};

const DECISION_FOR: Record<TStatusChange, TDecisionKind> = { suspend: 'suspend', reinstate: 'reinstate', withdraw: 'withdraw' };
const REASON_MAX = 2000;

export async function changeCertificateStatus(tx: Transaction<DB>, deps: TCertificateDeps, actor: TActor | null, ctx: TRequestContext, input: TChangeCertificateStatusInput) {
  const { tenantId } = input;
  await deps.authz.assert(actor, 'certificate.changeStatus', { tenantId });
  const decision = await repo.getDecision(tx, tenantId, input.decisionId);
  if (!decision) throw notFound('Decision');
  const cert = await repo.getCertificate(tx, tenantId, input.certificateId, true);
  if (!cert) throw notFound('Certificate');
  if (decision.kind !== DECISION_FOR[input.change] || decision.client_id !== cert.client_id) {
    throw new AppError(409, 'certificate_decision_mismatch', `A ${decision.kind} decision does not ${input.change} this certificate.`, { decisionKind: decision.kind, change: input.change });
  }
  const reason = { en: input.reason.en.trim(), fr: input.reason.fr.trim() };
  if (input.change !== 'reinstate' && (!reason.en || !reason.fr)) {
    throw new AppError(422, 'validation_failed', 'Give the reason in English and in French: the register and the organization read it.', { field: !reason.en ? 'reason.en' : 'reason.fr' });
  }
  if (reason.en.length > REASON_MAX || reason.fr.length > REASON_MAX) throw new AppError(422, 'validation_failed', `A reason is ${REASON_MAX} characters at most.`, { field: 'reason' });
  const effectiveOn = input.effectiveDate ?? decision.decided_on;
  if (effectiveOn < decision.decided_on) {
    throw new AppError(422, 'certificate_effective_before_decision', 'The change cannot take effect before the decision.', { decisionDate: decision.decided_on, field: 'effectiveDate' });
  }
  const step = certificateLifecycle.transition(cert.status, input.change, undefined);

  let suspendedUntil: string | null = null;
  if (input.change === 'suspend') {
    const max = await tx.selectFrom('body_settings').select('suspension_max_months').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    const until = input.suspendedUntil ?? '';
    // No day given is refused like a day too far: the error names the last day allowed.
    const lastDay = /^\d{4}-\d{2}-\d{2}$/.test(until) ? suspensionTooLong(effectiveOn, until, max.suspension_max_months) : addMonths(effectiveOn, max.suspension_max_months);
    if (lastDay !== null) {
      throw new AppError(422, 'certificate_suspension_too_long', `The suspension must end after it takes effect and on ${lastDay} at the latest.`, {
        lastDay,
        maxMonths: max.suspension_max_months,
        field: 'suspendedUntil',
      });
    }
    suspendedUntil = until;
  }

  const now = deps.clock.now();
  await repo.markStatus(tx, tenantId, cert.id, { status: step.to, suspended_until: suspendedUntil, status_reason: reason.en, status_changed_at: now });
  const eventId = await repo.insertEvent(tx, {
    tenant_id: tenantId,
    certificate_id: cert.id,
    kind: EVENT_OF[input.change],
    effective_on: effectiveOn,
    reason_en: reason.en,
    reason_fr: reason.fr,
    decision_id: decision.id,
    created_at: now,
  });
  if (!decision.certificate_id) await repo.linkDecision(tx, tenantId, decision.id, cert.id);
  await recordAudit(tx, actor, ctx, {
    tenantId,
    action: step.audit!,
    subjectType: 'certificate',
    subjectId: cert.id,
    before: { status: cert.status },
    after: {
      number: cert.number,
      revision: cert.revision,
      holderName: cert.holder_name,
      status: step.to,
      effectiveOn,
      suspendedUntil,
      reasonEn: reason.en,
      reasonFr: reason.fr,
      decisionId: decision.id,
    },
  });
  if (input.change !== 'reinstate') {
    await deps.jobs.send(tx, sendCertificateStatusMail, { tenantId, certificateId: cert.id, eventId }, { singletonKey: `certificate-status:${eventId}` });
  }
  return (await repo.getCertificate(tx, tenantId, cert.id))!;
}

/**
 * A maintain decision after surveillance (17021-1 9.6.2): the certificate does not change, but its
 * public history says that surveillance confirmed it, so a register reader sees the certificate was
 * checked and when. No mail: nothing changes for the organization.
 */
export async function recordMaintained(tx: Transaction<DB>, deps: Pick<TCertificateDeps, 'authz' | 'clock'>, actor: TActor | null, input: { tenantId: string; certificateId: string; decisionId: string; reason: TBilingual }) {
  const { tenantId } = input;
  await deps.authz.assert(actor, 'certificate.changeStatus', { tenantId });
  const decision = await repo.getDecision(tx, tenantId, input.decisionId);
  if (!decision) throw notFound('Decision');
  const cert = await repo.getCertificate(tx, tenantId, input.certificateId, true);
  if (!cert) throw notFound('Certificate');
  if (decision.kind !== 'maintain' || decision.client_id !== cert.client_id) {
    throw new AppError(409, 'certificate_decision_mismatch', `A ${decision.kind} decision does not maintain this certificate.`, { decisionKind: decision.kind, change: 'maintain' });
  }
  await repo.insertEvent(tx, {
    tenant_id: tenantId,
    certificate_id: cert.id,
    kind: 'maintained',
    effective_on: decision.decided_on,
    reason_en: input.reason.en.trim().slice(0, REASON_MAX),
    reason_fr: input.reason.fr.trim().slice(0, REASON_MAX),
    decision_id: decision.id,
    created_at: deps.clock.now(),
  });
  if (!decision.certificate_id) await repo.linkDecision(tx, tenantId, decision.id, cert.id);
}

/**
 * The daily job's step for one certificate (its own transaction): expired the day after its last
 * valid day, if it is still valid or suspended when locked. Returns whether it changed.
 */
export async function expireCertificate(tx: Transaction<DB>, deps: Pick<TCertificateDeps, 'clock'>, tenantId: string, certificateId: string, today: string): Promise<boolean> {
  const cert = await repo.getCertificate(tx, tenantId, certificateId, true);
  if (!cert || !certificateLifecycle.can(cert.status, 'expire', undefined) || !isPastExpiry(cert.expiry_date, today)) return false;
  const step = certificateLifecycle.transition(cert.status, 'expire', undefined);
  const now = deps.clock.now();
  const effectiveOn = addDays(cert.expiry_date, 1);
  await repo.markStatus(tx, tenantId, cert.id, { status: step.to, suspended_until: null, status_reason: '', status_changed_at: now });
  await repo.insertEvent(tx, { tenant_id: tenantId, certificate_id: cert.id, kind: 'expired', effective_on: effectiveOn, decision_id: null, created_at: now });
  await recordAudit(tx, null, { requestId: null, ip: null, userAgent: null }, {
    tenantId,
    action: 'certificate.expired',
    subjectType: 'certificate',
    subjectId: cert.id,
    before: { status: cert.status },
    after: { number: cert.number, revision: cert.revision, holderName: cert.holder_name, status: step.to, effectiveOn, suspendedUntil: null, decisionId: null },
  });
  return true;
}
