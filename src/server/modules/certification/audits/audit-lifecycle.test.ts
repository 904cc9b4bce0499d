import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/errors.ts';
import { auditLifecycle, type TAuditTransitionContext } from './audit-lifecycle.ts';

const ready: TAuditTransitionContext = { type: 'stage1', plannedStart: '2027-01-11', plannedEnd: '2027-01-12', hasLead: true, stage1Reported: false, undeclared: [], reason: null };

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('audit lifecycle', () => {
  it('walks planned → confirmed → in progress → reported → closed', () => {
    let state = auditLifecycle.transition('planned', 'confirm', ready).to;
    expect(state).toBe('confirmed');
    state = auditLifecycle.transition(state, 'start', ready).to;
    expect(state).toBe('in_progress');
    state = auditLifecycle.transition(state, 'report', ready).to;
    expect(state).toBe('reported');
    const closed = auditLifecycle.transition(state, 'close', ready);
    expect(closed).toEqual({ event: 'close', from: 'reported', to: 'closed', audit: 'cert_audit.closed' });
    expect(auditLifecycle.isFinal('closed')).toBe(true);
    expect(auditLifecycle.isFinal('cancelled')).toBe(true);
  });

  it('refuses to confirm without dates or a lead auditor', () => {
    expect(refusal(() => auditLifecycle.transition('planned', 'confirm', { ...ready, plannedEnd: null })).code).toBe('cert_audit_dates_missing');
    expect(refusal(() => auditLifecycle.transition('planned', 'confirm', { ...ready, hasLead: false })).code).toBe('cert_audit_no_lead');
  });

  it('holds stage 2 until stage 1 is reported, at confirmation and at start', () => {
    const stage2 = { ...ready, type: 'stage2' as const };
    expect(refusal(() => auditLifecycle.transition('planned', 'confirm', stage2)).code).toBe('cert_audit_stage1_not_reported');
    expect(refusal(() => auditLifecycle.transition('confirmed', 'start', stage2)).code).toBe('cert_audit_stage1_not_reported');
    expect(auditLifecycle.transition('planned', 'confirm', { ...stage2, stage1Reported: true }).to).toBe('confirmed');
    // Other types do not wait for a stage 1.
    expect(auditLifecycle.can('planned', 'confirm', { ...ready, type: 'surveillance' })).toBe(true);
  });

  it('is neither confirmed nor started while a team member has not declared impartiality', () => {
    const e = refusal(() => auditLifecycle.transition('confirmed', 'start', { ...ready, undeclared: ['u1', 'u2'] }));
    expect(e).toMatchObject({ status: 409, code: 'cert_audit_declarations_missing', details: { count: 2 } });
    expect(refusal(() => auditLifecycle.transition('planned', 'confirm', { ...ready, undeclared: ['u1'] }))).toMatchObject({ code: 'cert_audit_declarations_missing', details: { userIds: ['u1'] } });
  });

  it('cancels only before the report, and only with a reason', () => {
    expect(refusal(() => auditLifecycle.transition('planned', 'cancel', ready)).code).toBe('validation_failed');
    expect(auditLifecycle.transition('in_progress', 'cancel', { ...ready, reason: 'Client withdrew.' }).to).toBe('cancelled');
    expect(refusal(() => auditLifecycle.transition('reported', 'cancel', { ...ready, reason: 'x' }))).toMatchObject({ code: 'cert_audit_state', details: { state: 'reported' } });
  });

  it('refuses events out of order with the state in words', () => {
    const e = refusal(() => auditLifecycle.transition('planned', 'report', ready));
    expect(e).toMatchObject({ status: 409, code: 'cert_audit_state', message: 'This audit is planned: confirm it first.' });
    expect(auditLifecycle.eventsFrom('confirmed')).toEqual(['start', 'cancel']);
  });
});
