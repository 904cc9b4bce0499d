import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TTeamSeat, TTechnicalReview } from '../../../../shared/contracts/cert-decisions.ts';
import type { TReviewRow } from './decisions-repo.ts';
import { againstTarget } from '../common/business-days.ts';

/** Migration 0031's default, for a body whose settings row predates it. */
const DEFAULT_DECISION_TARGET_DAYS = 5;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A technical review as both the review pages and the decision form show it. */
export const technicalReviewDto = (authz: Pick<TPlatform['authz'], 'abilities'>, grant: TTenantGrant, r: TReviewRow, currentSha: string | null, seats: readonly TTeamSeat[], today: string): TTechnicalReview => ({
  id: r.id,
  programmeId: r.programme_id,
  cycle: r.cycle,
  engagementId: r.engagement_id,
  clientId: r.client_id,
  clientReference: r.client_reference,
  clientName: r.client_name,
  auditId: r.audit_id,
  auditReference: r.audit_reference,
  auditType: r.audit_type,
  reviewer: { id: r.reviewer_id, name: r.reviewer_name },
  state: r.state,
  checklist: r.checklist,
  recommendation: r.recommendation,
  notes: r.notes,
  fileSha256: r.file_sha256,
  currentFileSha256: currentSha,
  stale: r.state === 'completed' && currentSha !== null && currentSha !== r.file_sha256,
  completedAt: iso(r.completed_at),
  // The seed's « 3–5 business days » from the completed review to the decision, against the body's target;
  // once decided, the wait stops on the decision's day.
  decisionWait:
    r.completed_at === null
      ? null
      : { ...againstTarget(iso(r.completed_at)!.slice(0, 10), r.decided_on ?? today, r.decision_target_days ?? DEFAULT_DECISION_TARGET_DAYS), decidedOn: r.decided_on },
  createdAt: iso(r.created_at)!,
  abilities: authz.abilities(grant, 'technicalReview', { reviewerId: r.reviewer_id, state: r.state, teamSeats: seats }),
});
