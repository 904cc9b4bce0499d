import { describe, expect, it } from 'vitest';
import type { TFileAudit } from '../../../../shared/contracts/cert-decisions.ts';
import { auditRecommendationOf } from './audit-recommendation.ts';

const audit = (o: Partial<TFileAudit> & Pick<TFileAudit, 'id' | 'type'>): TFileAudit => ({
  reference: `AUD-${o.id}`,
  sequence: 1,
  state: 'reported',
  dueBy: null,
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  plannedDays: 1,
  onSiteDays: 1,
  soaVersion: 1,
  report: null,
  team: [],
  ...o,
});
const report = (recommendation: string | null, status: 'draft' | 'issued' = 'issued') => ({ kind: 'audit', status, recommendation, issuedAt: '2027-01-01T10:00:00Z', documents: [] });

describe('the audit team’s recommendation a decision weighs', () => {
  it('is the latest issued report’s, with the decision it asks for', () => {
    const audits = [
      audit({ id: 's2', type: 'stage2', actualEnd: '2026-12-04', report: report('grant_after_corrections') }),
      audit({ id: 'sv1', type: 'surveillance', actualEnd: '2027-10-02', report: report('suspend') }),
      audit({ id: 'sv2', type: 'surveillance', sequence: 2, actualEnd: '2028-10-02', report: report('maintain', 'draft') }),
    ];
    expect(auditRecommendationOf({ audits })).toEqual({ auditId: 'sv1', auditReference: 'AUD-sv1', auditType: 'surveillance', sequence: 1, recommendation: 'suspend', decisionKind: 'suspend' });
  });

  it('maps each recommendation to its decision: after corrections is the same decision, a recertification not recommended a refusal', () => {
    const of = (type: TFileAudit['type'], r: string) => auditRecommendationOf({ audits: [audit({ id: 'a', type, actualEnd: '2027-01-01', report: report(r) })] })?.decisionKind;
    expect(of('stage2', 'grant_after_corrections')).toBe('grant');
    expect(of('stage2', 'not_recommended')).toBe('refuse');
    expect(of('surveillance', 'maintain_after_corrections')).toBe('maintain');
    expect(of('recertification', 'renew')).toBe('renew');
    expect(of('recertification', 'not_renewed')).toBe('refuse');
    expect(of('special', 'extend_scope')).toBe('extend_scope');
  });

  it('prefers, on the same last day, the audit later in the file (a follow-up after the audit it follows up); none without an issued recommendation', () => {
    const audits = [audit({ id: 's2', type: 'stage2', actualEnd: '2027-01-10', report: report('not_recommended') }), audit({ id: 'fu', type: 'follow_up', actualEnd: '2027-01-10', report: report('grant') })];
    expect(auditRecommendationOf({ audits })?.auditId).toBe('fu');
    expect(auditRecommendationOf({ audits: [audit({ id: 's1', type: 'stage1', report: { ...report(null), kind: 'stage1' } })] })).toBeNull();
    expect(auditRecommendationOf({ audits: [] })).toBeNull();
  });
});
