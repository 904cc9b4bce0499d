import { describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { POLICIES } from '../../platform/authz/policies.ts';
import { decide } from '../../platform/authz/policy.ts';
import type { TAssessmentSubject } from './impact-assessments-policies.ts';

const actor = (role: TRole, userId = 'u-me') => ({ tenantId: 't', tenantKind: 'organization' as const, role, userId, tokenId: null });
const on = (o: Partial<TAssessmentSubject> = {}): TAssessmentSubject => ({ status: 'in_review', variant: 'fria', latest: true, authorIds: ['u-author'], ...o });
const verdict = (role: TRole, action: string, record: TAssessmentSubject, userId?: string) => {
  const d = decide(POLICIES, actor(role, userId), action, record);
  return d.ok ? 'ok' : `${d.error.status} ${d.error.code}`;
};

describe('impact assessment policies', () => {
  it('four eyes: an owner or admin approves, but never a version they wrote or submitted', () => {
    expect(verdict('admin', 'impactAssessment.approve', on())).toBe('ok');
    expect(verdict('owner', 'impactAssessment.approve', on(), 'u-author')).toBe('403 assessment_own_approval');
    expect(verdict('contributor', 'impactAssessment.approve', on())).toBe('403 forbidden');
    expect(verdict('viewer', 'impactAssessment.approve', on())).toBe('403 forbidden');
  });

  it('record states come from the lifecycle: a frozen version cannot be edited, only the latest one moves', () => {
    expect(verdict('contributor', 'impactAssessment.update', on({ status: 'draft' }))).toBe('ok');
    expect(verdict('contributor', 'impactAssessment.update', on({ status: 'approved' }))).toBe('409 assessment_frozen');
    expect(verdict('contributor', 'impactAssessment.update', on({ status: 'in_review' }))).toBe('409 assessment_frozen');
    expect(verdict('contributor', 'impactAssessment.submit', on({ status: 'draft' }))).toBe('ok');
    expect(verdict('admin', 'impactAssessment.approve', on({ status: 'draft' }))).toBe('409 conflict');
    expect(verdict('contributor', 'impactAssessment.revise', on({ status: 'approved' }))).toBe('ok');
    expect(verdict('contributor', 'impactAssessment.revise', on({ status: 'approved', latest: false }))).toBe('409 conflict');
    expect(verdict('viewer', 'impactAssessment.read', on())).toBe('ok');
    expect(verdict('viewer', 'impactAssessment.update', on({ status: 'draft' }))).toBe('403 forbidden');
  });
});
