import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/errors.ts';
import { EMPTY_FRIA, VERSION_STATUSES, type TAssessmentContent } from '../../../shared/contracts/impact-assessments.ts';
import { friaApplicability, type TClassificationFacts } from './fria-applicability.ts';
import { impactAssessmentLifecycle as L, missingFields } from './impact-assessment-lifecycle.ts';

const complete: TAssessmentContent = {
  summary: 'Credit scoring of retail loan applicants.',
  affected: [{ scope: 'individuals', name: 'Loan applicants', description: 'Adults applying for consumer credit.' }],
  impacts: [
    {
      key: '00000000-0000-4000-8000-000000000001',
      category: 'discrimination_fairness',
      description: 'Lower scores for applicants from some postcodes.',
      affected: 'Loan applicants',
      severity: 4,
      likelihood: 3,
      reversibility: 'partly_reversible',
      mitigations: 'Quarterly bias testing.',
      riskId: null,
    },
  ],
  conclusion: 'Acceptable with the mitigations.',
  nextReviewOn: '2027-11-27',
  fria: null,
};
const fria = {
  ...EMPTY_FRIA,
  processes: 'Consumer credit decisions.',
  useFrom: '2026-12-01',
  useFrequency: 'Each application, about 400 a day.',
  affectedCategories: 'Loan applicants.',
  risksOfHarm: 'Unfair refusal of credit.',
  humanOversight: 'An analyst reviews every refusal.',
  mitigationMeasures: 'Manual review on request.',
  governanceArrangements: 'Model risk committee, monthly.',
  complaintMechanism: 'Complaints form, answered within 30 days.',
};

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, code: e.code, message: e.message, details: e.details };
    throw e;
  }
  return null;
};

describe('impact assessment version lifecycle', () => {
  it('the transition table: a draft is edited and submitted, a version in review is approved or returned, an approved one only starts the next', () => {
    const table = VERSION_STATUSES.map((s) => `${s}: ${L.eventsFrom(s).join(', ') || '(final)'}`);
    expect(table).toEqual(['draft: edit, submit', 'in_review: return, approve', 'approved: revise, supersede', 'superseded: (final)']);
    const ctx = { variant: 'standard' as const, content: complete };
    expect(L.transition('draft', 'submit', ctx)).toEqual({ event: 'submit', from: 'draft', to: 'in_review', audit: 'impact_assessment.submitted' });
    expect(L.transition('in_review', 'approve', ctx).audit).toBe('impact_assessment.approved');
    expect(L.transition('in_review', 'return', ctx)).toMatchObject({ to: 'draft', audit: 'impact_assessment.returned' });
    expect(L.transition('approved', 'revise', ctx)).toMatchObject({ to: 'approved', audit: 'impact_assessment.version_started' });
    expect(L.transition('approved', 'supersede', ctx)).toMatchObject({ to: 'superseded', audit: null });
  });

  it('an approved or superseded version is frozen, a version in review waits for its reviewer: each refusal says what to do', () => {
    const ctx = { variant: 'standard' as const, content: complete };
    expect(refusal(() => L.transition('approved', 'edit', ctx))).toEqual({
      status: 409,
      code: 'assessment_frozen',
      message: 'This version is approved and frozen: start a new version to change it.',
      details: { state: 'approved', event: 'edit' },
    });
    expect(refusal(() => L.transition('superseded', 'edit', ctx))?.code).toBe('assessment_frozen');
    expect(refusal(() => L.transition('in_review', 'edit', ctx))?.message).toBe('This version is in review and cannot be changed: return it to draft first.');
    expect(refusal(() => L.transition('draft', 'approve', ctx))).toMatchObject({ code: 'conflict', message: 'This version is a draft: submit it for review first.' });
    expect(refusal(() => L.transition('approved', 'approve', ctx))?.code).toBe('assessment_frozen');
    expect(refusal(() => L.transition('draft', 'revise', ctx))?.message).toBe('Only the latest approved version can start a new version.');
    expect(refusal(() => L.transition('superseded', 'revise', ctx))?.code).toBe('conflict');
  });

  it('nobody is asked to approve an incomplete version: submit and approve name every missing field', () => {
    const empty: TAssessmentContent = { summary: '', affected: [], impacts: [], conclusion: ' ', nextReviewOn: null, fria: null };
    expect(refusal(() => L.transition('draft', 'submit', { variant: 'standard', content: empty }))).toMatchObject({
      status: 409,
      code: 'assessment_incomplete',
      details: { missing: ['affected', 'impacts', 'conclusion', 'nextReviewOn'] },
    });
    expect(missingFields('fria', complete)).toEqual(['fria']);
    expect(missingFields('fria', { ...complete, fria: { ...EMPTY_FRIA } })).toEqual([
      'fria.useFrom',
      'fria.processes',
      'fria.useFrequency',
      'fria.affectedCategories',
      'fria.risksOfHarm',
      'fria.humanOversight',
      'fria.mitigationMeasures',
      'fria.governanceArrangements',
      'fria.complaintMechanism',
    ]);
    expect(missingFields('fria', { ...complete, fria })).toEqual([]);
    expect(missingFields('fria', { ...complete, fria: { ...fria, useUntil: '2026-11-30' } })).toEqual(['fria.useUntil']);
    expect(L.can('in_review', 'approve', { variant: 'fria', content: { ...complete, fria } })).toBe(true);
    expect(L.can('in_review', 'approve', { variant: 'fria', content: complete })).toBe(false);
  });
});

describe('who must carry out a FRIA (art. 27(1))', () => {
  const c = (o: Partial<TClassificationFacts> = {}): TClassificationFacts => ({
    tier: 'high-risk',
    route: 'annex-iii',
    annexIIIPoint: 'Annex III(5)(b)',
    organizationRoles: ['provider', 'deployer'],
    ...o,
  });
  const opts = { publicBodyOrService: false, appliesFrom: '2027-12-02' };
  const reason = (x: TClassificationFacts | null, o = opts) => {
    const a = friaApplicability(x, o);
    return `${a.applies ? 'yes' : 'no'}: ${a.reason}`;
  };

  it('deployers of credit scoring (5(b)) and life and health insurance pricing (5(c)) systems, whatever kind of body they are', () => {
    expect(friaApplicability(c(), opts)).toEqual({ applies: true, reason: 'credit_or_insurance', annexIIIPoint: 'Annex III(5)(b)', appliesFrom: '2027-12-02' });
    expect(reason(c({ annexIIIPoint: 'Annex III(5)(c)' }))).toBe('yes: credit_or_insurance');
  });

  it('public bodies and private providers of public services, for any Annex III system except area 2 — a setting, since that is the organization’s own judgement', () => {
    expect(reason(c({ annexIIIPoint: 'Annex III(4)' }))).toBe('no: not_in_scope');
    expect(reason(c({ annexIIIPoint: 'Annex III(4)' }), { ...opts, publicBodyOrService: true })).toBe('yes: public_body_or_service');
    expect(reason(c({ annexIIIPoint: 'Annex III(2)' }), { ...opts, publicBodyOrService: true })).toBe('no: critical_infrastructure');
  });

  it('not for providers only, not outside Annex III, not for other tiers, and not before classification', () => {
    expect(reason(c({ organizationRoles: ['provider'] }))).toBe('no: not_deployer');
    expect(reason(c({ route: 'annex-i', annexIIIPoint: null }))).toBe('no: not_annex_iii');
    expect(reason(c({ tier: 'limited' }))).toBe('no: not_high_risk');
    expect(reason(c({ tier: null }))).toBe('no: not_classified');
    expect(reason(null)).toBe('no: not_classified');
  });
});
