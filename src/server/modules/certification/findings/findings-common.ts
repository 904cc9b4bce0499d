import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import type { TFindingResponse } from '../../../../shared/contracts/findings.ts';
import type { TFindingState } from '../../../../shared/contracts/certification-decisions.ts';
import type { TNcStatus } from '../../../../shared/contracts/nonconformities.ts';
import { syncExternalAuditNc } from '../../aims-records/nonconformities/nonconformities-repo.ts';
import { isNonconformity, overdueItems } from './findings-rules.ts';
import { againstTarget } from '../common/business-days.ts';
import type { TFindingRow, TResponseRow } from './findings-repo.ts';

/* What the body's and the organization's services share: the DTO's core, the two-tenant audit record, the mirror. */

const iso = (d: Date | string) => new Date(d).toISOString();
/** Migration 0031's default, for a body whose settings row predates it. */
const DEFAULT_REVIEW_TARGET_DAYS = 15;
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function findingCore(r: TFindingRow, today: string) {
  return {
    id: r.id,
    reference: r.reference,
    class: r.class,
    state: r.state,
    auditId: r.audit_id,
    auditReference: r.audit_reference,
    auditType: r.audit_type,
    auditState: r.audit_state,
    engagementId: r.engagement_id,
    programmeId: r.programme_id,
    bodyName: r.body_name,
    clientName: r.client_name,
    requirement:
      r.framework_id && r.framework_version && r.ref ? { frameworkId: r.framework_id, frameworkVersion: r.framework_version, ref: r.ref, title: r.requirement_title ?? { en: '', fr: '' } } : null,
    statement: r.statement,
    evidence: r.evidence,
    sites: r.sites,
    aiSystems: r.ai_systems,
    responseDueOn: r.response_due_on,
    closureDueOn: r.closure_due_on,
    verificationDueOn: r.verification_due_on,
    overdue: overdueItems({ class: r.class, state: r.state, responseDueOn: r.response_due_on, closureDueOn: r.closure_due_on, verificationDueOn: r.verification_due_on }, today),
    responseCount: r.response_count,
    pendingSince: isoOrNull(r.pending_since),
    // The seed's « 5–15 business days » for judging an answer, against the body's own target.
    reviewWait: r.pending_since === null ? null : againstTarget(iso(r.pending_since).slice(0, 10), today, r.review_target_days ?? DEFAULT_REVIEW_TARGET_DAYS),
    verification:
      r.verified_at && r.verification_method
        ? { method: r.verification_method, notes: r.verification_notes, auditId: r.verification_audit_id, auditReference: r.verification_audit_reference, verifiedAt: iso(r.verified_at), verifiedBy: r.verified_by }
        : null,
    closedAt: isoOrNull(r.closed_at),
    raisedBy: r.raised_by,
    raisedAt: iso(r.raised_at),
    updatedAt: iso(r.updated_at),
    nonconformityId: r.nonconformity_id,
  };
}

export const responseDto = (r: TResponseRow): TFindingResponse => ({
  id: r.id,
  version: r.version,
  correction: r.correction,
  rootCause: r.root_cause,
  correctiveAction: r.corrective_action,
  plannedCompletionOn: r.planned_completion_on,
  evidence: r.evidence,
  submittedBy: r.submitted_by,
  submittedAt: iso(r.submitted_at),
  verdict: r.verdict,
  verdictReason: r.verdict_reason,
  verdictBy: r.verdict_by,
  verdictAt: isoOrNull(r.verdict_at),
});

export const sidesOf = (r: Pick<TFindingRow, 'reference' | 'class' | 'audit_reference' | 'engagement_id' | 'body_name' | 'organization_name'>) => ({
  reference: r.reference,
  class: r.class,
  auditReference: r.audit_reference,
  engagementId: r.engagement_id,
  bodyName: r.body_name,
  organizationName: r.organization_name,
});

/**
 * Writes one finding action in the body's log (subject: the finding) and the organization's
 * (subject: the engagement), chain heads taken in tenant-id order.
 */
export async function recordInBoth(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  f: { tenant_id: string; organization_tenant_id: string; id: string; engagement_id: string },
  event: Parameters<typeof recordAudit>[3] extends infer I ? Omit<I & object, 'tenantId' | 'subjectType' | 'subjectId'> : never,
) {
  for (const t of [f.tenant_id, f.organization_tenant_id].sort()) {
    const body = t === f.tenant_id;
    await recordAudit(tx, actor, ctx, { ...(event as object), tenantId: t, subjectType: body ? 'audit_finding' : 'engagement', subjectId: body ? f.id : f.engagement_id } as Parameters<typeof recordAudit>[3]);
  }
}

/** The mirror's status as the organization's nonconformity lifecycle names the finding's state. */
const MIRROR_STATUS: Record<Exclude<TFindingState, 'noted'>, TNcStatus> = {
  open: 'open',
  submitted: 'action_planned',
  accepted: 'action_planned',
  verified: 'verifying',
  closed: 'closed',
};

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * Keeps the organization's nonconformity in step with a major or minor finding (created on the
 * first call), in the caller's transaction. Observations and opportunities have none.
 */
export async function syncMirror(
  tx: Transaction<DB>,
  f: {
    id: string;
    organization_tenant_id: string;
    reference: string;
    class: TFindingRow['class'];
    state: TFindingState;
    statement: string;
    evidence: string;
    body_name: string;
    framework_id: string | null;
    framework_version: string | null;
    ref: string | null;
    response_due_on: string | null;
    closure_due_on: string | null;
  },
  latest: { correction: string; root_cause: string; corrective_action: string } | null,
  closed: { on: string; by: string | null; at: Date; notes: string } | null,
  userId: string | null,
) {
  if (!isNonconformity(f.class) || f.state === 'noted') return null;
  return syncExternalAuditNc(
    tx,
    f.organization_tenant_id,
    f.id,
    {
      title: clip(`${f.reference} — ${f.statement.replace(/\s+/g, ' ')}`, 200),
      description: clip(`${f.body_name}: ${f.statement}${f.evidence ? `\n\n${f.evidence}` : ''}`, 4000),
      status: MIRROR_STATUS[f.state],
      correction: latest?.correction ?? '',
      root_cause: latest?.root_cause ?? '',
      corrective_action: latest?.corrective_action ?? '',
      due_on: f.state === 'open' || f.state === 'submitted' ? f.response_due_on : f.closure_due_on,
      requirement: f.framework_id && f.framework_version && f.ref ? { framework_id: f.framework_id, framework_version: f.framework_version, ref: f.ref } : null,
      closed,
    },
    userId,
  );
}
