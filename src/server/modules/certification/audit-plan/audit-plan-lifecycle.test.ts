import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/errors.ts';
import { checkPlanDraft, missingForIssue, planTransition, sessionOrder } from './audit-plan-lifecycle.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return 'ok';
};

describe('audit plan lifecycle', () => {
  it('edits only a draft (or the first draft), issues only a draft', () => {
    expect(planTransition('edit', { status: null })).toBe('draft');
    expect(planTransition('edit', { status: 'draft' })).toBe('draft');
    expect(codeOf(() => planTransition('edit', { status: 'issued' }))).toBe('audit_plan_not_draft');
    expect(codeOf(() => planTransition('edit', { status: 'acknowledged' }))).toBe('audit_plan_not_draft');
    expect(planTransition('issue', { status: 'draft' })).toBe('issued');
    expect(codeOf(() => planTransition('issue', { status: 'issued' }))).toBe('audit_plan_not_draft');
    expect(codeOf(() => planTransition('issue', { status: null }))).toBe('audit_plan_not_draft');
  });

  it('revises an issued or acknowledged version once; acknowledges only the latest issued version', () => {
    expect(planTransition('revise', { status: 'issued' })).toBe('draft');
    expect(planTransition('revise', { status: 'acknowledged' })).toBe('draft');
    expect(codeOf(() => planTransition('revise', { status: 'issued', hasDraft: true }))).toBe('audit_plan_draft_exists');
    expect(codeOf(() => planTransition('revise', { status: null }))).toBe('audit_plan_not_draft');
    expect(planTransition('acknowledge', { status: 'issued' })).toBe('acknowledged');
    expect(codeOf(() => planTransition('acknowledge', { status: 'issued', superseded: true }))).toBe('audit_plan_superseded');
    expect(codeOf(() => planTransition('acknowledge', { status: 'acknowledged' }))).toBe('audit_plan_acknowledged');
    expect(codeOf(() => planTransition('acknowledge', { status: 'draft' }))).toBe('audit_plan_not_draft');
  });

  it('says what an issued plan lacks', () => {
    const empty = { frameworkVersion: '2023', startDate: null, endDate: null, objectives: '', scope: '', sites: [], sessions: [], sampledAiSystems: [], team: [] };
    expect(missingForIssue(empty)).toEqual(['startDate', 'endDate', 'sites', 'sessions', 'leadAuditor']);
  });

  it('checks dates, session hours, sites and requirement numbers', () => {
    const s = { day: '2026-12-02', start: '09:00', end: '10:30', siteId: 'a', topic: 'Leadership', interviewees: ['CEO'], requirements: ['5.1', 'A.2.2'] };
    expect(checkPlanDraft({ startDate: '2026-12-01', endDate: '2026-12-03', siteIds: ['a'], sessions: [s] })).toEqual([]);
    const issues = checkPlanDraft({
      startDate: '2026-12-03',
      endDate: '2026-12-01',
      siteIds: ['a'],
      sessions: [{ ...s, end: '09:00', siteId: 'b', requirements: ['11.1', '5.1', '5.1', 'B.1'] }],
    });
    expect(issues.map((i) => i.field)).toEqual(['endDate', 'sessions.0.end', 'sessions.0.day', 'sessions.0.siteId', 'sessions.0.requirements.0', 'sessions.0.requirements.3', 'sessions.0.requirements']);
    expect(checkPlanDraft({ startDate: null, endDate: null, siteIds: [], sessions: [{ ...s, siteId: null, requirements: ['10.2', 'A.10.4'] }] })).toEqual([]);
  });

  it('orders sessions by day and hour', () => {
    const x = (day: string, start: string) => ({ day, start, end: '23:00' });
    expect(sessionOrder([x('2026-12-02', '09:00'), x('2026-12-01', '14:00'), x('2026-12-01', '08:30')])).toEqual([x('2026-12-01', '08:30'), x('2026-12-01', '14:00'), x('2026-12-02', '09:00')]);
  });
});
