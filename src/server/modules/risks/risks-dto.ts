import type { TAcceptance, TRiskSummary, TScoreView } from '../../../shared/contracts/risks.ts';
import type { TRiskDetailRow, TRiskListRow } from './risks-read-repo.ts';

/* Rows to the shapes of the shared contract. */

const iso = (d: Date | string) => new Date(d).toISOString();

export const inherentOf = (r: Pick<TRiskListRow, 'inherent_likelihood' | 'inherent_impact' | 'inherent_score' | 'inherent_level'>): TScoreView => ({
  likelihood: r.inherent_likelihood,
  impact: r.inherent_impact,
  score: r.inherent_score,
  level: r.inherent_level,
});

export const residualOf = (r: Pick<TRiskListRow, 'residual_likelihood' | 'residual_impact' | 'residual_score' | 'residual_level'>): TScoreView | null =>
  r.residual_likelihood === null || r.residual_impact === null || r.residual_score === null || r.residual_level === null
    ? null
    : { likelihood: r.residual_likelihood, impact: r.residual_impact, score: r.residual_score, level: r.residual_level };

export const reviewOverdue = (r: { review_date: string | null; status: string }, today: string) => r.review_date !== null && r.review_date < today && r.status !== 'closed';

export function toSummary(r: TRiskListRow, today: string): TRiskSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    status: r.status,
    owner: r.owner,
    matrixVersion: r.matrix_version,
    inherent: inherentOf(r),
    residual: residualOf(r),
    treatment: r.treatment,
    reviewDate: r.review_date,
    reviewOverdue: reviewOverdue(r, today),
    aiSystems: r.ai_systems,
    openActions: r.open_actions,
    overdueActions: r.overdue_actions,
    updatedAt: iso(r.updated_at),
  };
}

export function toAcceptance(a: TRiskDetailRow['acceptances'][number]): TAcceptance {
  return {
    id: a.id,
    acceptedBy: a.accepted_by,
    acceptedAt: iso(a.accepted_at),
    rationale: a.rationale,
    matrixVersion: a.matrix_version,
    residual: { likelihood: a.residual_likelihood, impact: a.residual_impact, score: a.residual_score, level: a.residual_level },
    aboveThreshold: a.above_threshold,
    expiresOn: a.expires_on,
    reopenedAt: a.reopened_at ? iso(a.reopened_at) : null,
    reopenedBy: a.reopened_by,
    reopenKind: a.reopen_kind,
    reopenReason: a.reopen_reason,
  };
}
