import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { recordInBothLogs } from '../shared-audit.ts';
import { todayOf, type TClock } from '../../../platform/clock/clock.ts';
import type { TSoc2Request } from '../../../../shared/contracts/soc2-program.ts';
import { isOverdue } from './request-rules.ts';
import type { TRequestRow } from './requests-repo.ts';

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const requestDto = (r: TRequestRow, today: string): TSoc2Request => ({
  id: r.id,
  examinationId: r.examination_id,
  examinationReference: r.examination_reference,
  reference: r.reference,
  testId: r.test_id,
  testReference: r.test_reference,
  title: r.title,
  detail: r.detail,
  dueOn: r.due_on,
  state: r.state,
  answer: r.answer,
  evidence: r.evidence,
  returnReason: r.return_reason,
  submittedAt: iso(r.submitted_at),
  reviewedAt: iso(r.reviewed_at),
  overdue: isOverdue({ state: r.state, dueOn: r.due_on }, today),
});

export const today = (p: { clock: TClock }) => todayOf(p);

type TEvent = Parameters<typeof recordAudit>[3];

/**
 * The request list is shared with the organization: each event goes to the firm's log (subject: the
 * request) and to the organization's (subject: the engagement), chain heads taken in tenant-id order.
 */
export async function recordRequestEvent(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  sides: { tenantId: string; organizationTenantId: string; engagementId: string; subjectId: string },
  event: Omit<TEvent & object, 'tenantId' | 'subjectType' | 'subjectId'>,
) {
  const logs = { firmTenantId: sides.tenantId, organizationTenantId: sides.organizationTenantId, engagementId: sides.engagementId, firmSubject: { type: 'soc2_request', id: sides.subjectId } };
  await recordInBothLogs(tx, actor, ctx, logs, event);
}
