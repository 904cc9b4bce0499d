import { AppError } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';
import { VERSION_STATUSES, type TAssessmentContent, type TVariant, type TVersionStatus } from '../../../shared/contracts/impact-assessments.ts';

/*
 * One version of an impact assessment: draft → in review → approved (frozen). Returning a version
 * sends it back to draft. An approved version is never edited: `revise` starts the next version
 * (a new draft copied from it) and the approved one stays in force until that draft is approved,
 * when it becomes superseded. Only the latest version of a series can move.
 */

/** The fields a version must have before anyone is asked to approve it. */
export function missingFields(variant: TVariant, c: TAssessmentContent): string[] {
  const missing: string[] = [];
  if (c.affected.length === 0) missing.push('affected');
  if (c.impacts.length === 0) missing.push('impacts');
  if (!c.conclusion.trim()) missing.push('conclusion');
  if (!c.nextReviewOn) missing.push('nextReviewOn');
  if (variant === 'fria') {
    if (!c.fria) missing.push('fria');
    else {
      const f = c.fria;
      const text = ['processes', 'useFrequency', 'affectedCategories', 'risksOfHarm', 'humanOversight', 'mitigationMeasures', 'governanceArrangements', 'complaintMechanism'] as const;
      if (!f.useFrom) missing.push('fria.useFrom');
      for (const k of text) if (!f[k].trim()) missing.push(`fria.${k}`);
      if (f.useFrom && f.useUntil && f.useUntil < f.useFrom) missing.push('fria.useUntil');
    }
  }
  return missing;
}

export type TVersionContext = { variant: TVariant; content: TAssessmentContent };

const complete = (ctx: TVersionContext) => {
  const missing = missingFields(ctx.variant, ctx.content);
  return missing.length === 0
    ? null
    : new AppError(409, 'assessment_incomplete', `This assessment is not complete: fill in ${missing.join(', ')} first.`, { missing });
};

const REFUSAL: Record<TVersionStatus, string> = {
  draft: 'This version is a draft: submit it for review first.',
  in_review: 'This version is in review and cannot be changed: return it to draft first.',
  approved: 'This version is approved and frozen: start a new version to change it.',
  superseded: 'This version was superseded by a newer approved version: it is kept as history.',
};

export const impactAssessmentLifecycle = defineLifecycle({
  name: 'impactAssessmentVersion',
  states: VERSION_STATUSES,
  transitions: {
    edit: { from: ['draft'], to: 'draft', audit: 'impact_assessment.updated' },
    submit: { from: ['draft'], to: 'in_review', audit: 'impact_assessment.submitted', guards: [complete] },
    return: { from: ['in_review'], to: 'draft', audit: 'impact_assessment.returned' },
    approve: { from: ['in_review'], to: 'approved', audit: 'impact_assessment.approved', guards: [complete] },
    // The approved version stays as it is; the service writes the next version as a new draft.
    revise: { from: ['approved'], to: 'approved', audit: 'impact_assessment.version_started' },
    // Recorded by the approval of the next version, not as an event of its own.
    supersede: { from: ['approved'], to: 'superseded', audit: null },
  },
  refusal: (state, event) => {
    if (event === 'revise') return new AppError(409, 'conflict', 'Only the latest approved version can start a new version.', { state, event });
    const frozen = state === 'approved' || state === 'superseded' || (state === 'in_review' && event === 'edit');
    return new AppError(409, frozen ? 'assessment_frozen' : 'conflict', REFUSAL[state], { state, event });
  },
});
export type TVersionEvent = keyof typeof impactAssessmentLifecycle.transitions;
