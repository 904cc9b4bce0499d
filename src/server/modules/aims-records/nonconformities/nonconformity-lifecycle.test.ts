import { describe, expect, it } from 'vitest';
import { ncOverdue, nonconformityLifecycle as nc, type TNcContext } from './nonconformity-lifecycle.ts';

const empty: TNcContext = { correction: '', rootCause: '', correctiveAction: '', effectiveness: null };
const planned: TNcContext = { correction: 'Model rolled back', rootCause: 'No drift alert on the new segment', correctiveAction: 'Add a drift alert per segment', effectiveness: null };

describe('nonconformity lifecycle (10.2)', () => {
  it('walks open → correction → action_planned → verifying → closed with what each step needs', () => {
    expect(nc.transition('open', 'record_correction', planned)).toMatchObject({ to: 'correction', audit: 'nonconformity.correction_recorded' });
    expect(nc.transition('correction', 'plan_action', planned)).toMatchObject({ to: 'action_planned', audit: 'nonconformity.action_planned' });
    expect(nc.transition('action_planned', 'start_verification', planned)).toMatchObject({ to: 'verifying' });
    expect(nc.transition('verifying', 'close', { ...planned, effectiveness: 'effective' })).toMatchObject({ to: 'closed', audit: 'nonconformity.closed' });
  });

  it('the correction may be skipped: an open nonconformity goes straight to planning', () => {
    expect(nc.transition('open', 'plan_action', planned).to).toBe('action_planned');
  });

  it('refuses to record an empty correction', () => {
    expect(nc.whyNot('open', 'record_correction', empty)).toMatchObject({ status: 409, code: 'nonconformity_correction_missing' });
  });

  it('cannot plan without a root cause, nor without the action itself', () => {
    const e = nc.whyNot('correction', 'plan_action', { ...planned, rootCause: '  ' });
    expect(e).toMatchObject({ code: 'nonconformity_root_cause_missing', message: 'The corrective action cannot be planned without a root cause: record why the nonconformity happened first.' });
    expect(nc.whyNot('correction', 'plan_action', { ...planned, correctiveAction: '' })?.code).toBe('nonconformity_action_missing');
  });

  it('cannot close without an effectiveness check marked effective; not effective goes back to planning', () => {
    expect(nc.whyNot('verifying', 'close', planned)).toMatchObject({ code: 'nonconformity_not_effective' });
    expect(nc.whyNot('verifying', 'close', { ...planned, effectiveness: 'not_effective' })?.code).toBe('nonconformity_not_effective');
    expect(nc.transition('verifying', 'not_effective', { ...planned, effectiveness: 'not_effective' })).toMatchObject({ to: 'action_planned', audit: 'nonconformity.action_not_effective' });
    expect(nc.whyNot('action_planned', 'close', { ...planned, effectiveness: 'effective' })?.code).toBe('nonconformity_state');
  });

  it('a closed nonconformity is frozen: no edit, no transition', () => {
    expect(nc.eventsFrom('closed')).toEqual([]);
    expect(nc.whyNot('closed', 'edit', planned)).toMatchObject({ code: 'nonconformity_closed', status: 409 });
    expect(nc.isFinal('closed')).toBe(true);
  });

  it('overdue: due date passed and not closed', () => {
    expect(ncOverdue({ status: 'verifying', dueOn: '2026-11-01' }, '2026-11-27')).toBe(true);
    expect(ncOverdue({ status: 'closed', dueOn: '2026-11-01' }, '2026-11-27')).toBe(false);
    expect(ncOverdue({ status: 'open', dueOn: '2026-11-27' }, '2026-11-27')).toBe(false);
    expect(ncOverdue({ status: 'open', dueOn: null }, '2026-11-27')).toBe(false);
  });
});
