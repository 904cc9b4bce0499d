import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { recordInBothLogs } from '../shared-audit.ts';
import { exceptionState } from './exception-rules.ts';
import type { TExceptionRow } from './exceptions-repo.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The exception as both sides read it; each side adds its own abilities. */
export function exceptionCore(r: TExceptionRow) {
  return {
    id: r.id,
    examinationId: r.examination_id,
    examinationReference: r.examination_reference,
    reference: r.reference,
    state: exceptionState(r),
    testId: r.test_id,
    testReference: r.test_reference,
    controlId: r.control_id,
    controlRef: r.control_ref,
    controlTitle: r.control_title,
    criteria: r.criteria,
    sampleItem: r.sample_item,
    description: r.description,
    raisedBy: r.raised_by,
    raisedAt: iso(r.created_at)!,
    response: { context: r.response_context, remediation: r.response_remediation, evidence: r.evidence, respondedBy: r.responded_by, respondedAt: iso(r.responded_at) },
    conclusion:
      r.conclusion && r.criterion_impact && r.concluded_at
        ? { conclusion: r.conclusion, criterionImpact: r.criterion_impact, notes: r.conclusion_notes, concludedBy: r.concluded_by, concludedAt: iso(r.concluded_at)! }
        : null,
  };
}

/** The rules' view of an exception. */
export const exceptionSubject = (r: TExceptionRow) => ({ examinationState: r.examination_state, state: exceptionState(r) });

/** Groups rows already ordered by control, keeping the order; each group names the control's criteria. */
export function byControl<T extends { controlId: string; controlRef: string; controlTitle: string; criteria: string[] }>(items: T[]) {
  const groups: { controlId: string; controlRef: string; controlTitle: string; criteria: string[]; exceptions: T[] }[] = [];
  for (const it of items) {
    const last = groups.at(-1);
    if (last && last.controlId === it.controlId) last.exceptions.push(it);
    else groups.push({ controlId: it.controlId, controlRef: it.controlRef, controlTitle: it.controlTitle, criteria: it.criteria, exceptions: [it] });
  }
  return groups;
}

type TEvent = Parameters<typeof recordAudit>[3];

/**
 * Exceptions are shared with the organization: each event goes to the firm's log (subject: the
 * exception) and to the organization's (subject: the engagement), chain heads taken in tenant-id order.
 */
export async function recordExceptionEvent(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  sides: { tenantId: string; organizationTenantId: string; engagementId: string; subjectId: string },
  event: Omit<TEvent & object, 'tenantId' | 'subjectType' | 'subjectId'>,
) {
  const logs = { firmTenantId: sides.tenantId, organizationTenantId: sides.organizationTenantId, engagementId: sides.engagementId, firmSubject: { type: 'soc2_exception', id: sides.subjectId } };
  await recordInBothLogs(tx, actor, ctx, logs, event);
}
