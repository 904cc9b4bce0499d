import { describe, expect, it } from 'vitest';
import { managementReviewLifecycle as r, missingInputs } from './management-review-lifecycle.ts';

describe('management review lifecycle (9.3)', () => {
  it('cannot be completed until every 9.3.2 input has notes; then frozen', () => {
    const some = { previous_actions: 'All closed', audit_results: ' ' };
    expect(missingInputs(some)).toEqual(['issues_changes', 'interested_parties_changes', 'aims_performance', 'monitoring_results', 'audit_results', 'improvement_opportunities']);
    expect(r.whyNot('draft', 'complete', { inputs: some })).toMatchObject({ status: 409, code: 'review_inputs_missing', details: { missing: expect.arrayContaining(['audit_results']) } });
    const all = Object.fromEntries(['previous_actions', 'issues_changes', 'interested_parties_changes', 'aims_performance', 'monitoring_results', 'audit_results', 'improvement_opportunities'].map((k) => [k, 'noted']));
    expect(r.transition('draft', 'complete', { inputs: all })).toMatchObject({ to: 'completed', audit: 'management_review.completed' });
    expect(r.whyNot('completed', 'edit', { inputs: all })?.code).toBe('review_completed');
  });
});
