import { describe, expect, it } from 'vitest';
import { dueAlerts, recertificationStarted } from './cycle-alert-rules.ts';

const slots = (recert: string, s1 = 'reported', s1Due = '2028-03-14') => [
  { id: 's1', type: 'surveillance', sequence: 1, state: s1, dueBy: s1Due },
  { id: 's2', type: 'surveillance', sequence: 2, state: 'planned', dueBy: '2029-03-14' },
  { id: 'r', type: 'recertification', sequence: 1, state: recert, dueBy: '2030-03-13' },
];

describe('surveillance and recertification alerts', () => {
  it('reminds from 6 months before expiry, only the latest threshold crossed, until the recertification is reported', () => {
    const at = (today: string, recert = 'planned') => dueAlerts({ today, expiryDate: '2030-03-14', audits: slots(recert) }).filter((a) => a.kind === 'recertification_reminder');
    expect(at('2029-09-13')).toEqual([]);
    expect(at('2029-09-14')).toEqual([{ kind: 'recertification_reminder', threshold: '6m:2030-03-14', dueOn: '2030-03-14', auditId: 'r' }]);
    expect(at('2029-11-14')[0]!.threshold).toBe('4m:2030-03-14');
    expect(at('2030-02-01')[0]!.threshold).toBe('2m:2030-03-14');
    expect(at('2030-02-01', 'reported')).toEqual([]);
    expect(at('2030-03-15')).toEqual([]);
  });

  it('alerts from 3 months before expiry while the recertification audit is not confirmed', () => {
    const at = (today: string, recert: string) => dueAlerts({ today, expiryDate: '2030-03-14', audits: slots(recert) }).filter((a) => a.kind === 'recertification_not_started');
    expect(at('2029-12-13', 'planned')).toEqual([]);
    expect(at('2029-12-14', 'planned')).toEqual([{ kind: 'recertification_not_started', threshold: '3m:2030-03-14', dueOn: '2030-03-14', auditId: 'r' }]);
    expect(at('2029-12-14', 'confirmed')).toEqual([]);
    expect(recertificationStarted('in_progress')).toBe(true);
    expect(recertificationStarted('planned')).toBe(false);
    // Month ends: 31 May − 3 months = 28 February (29 in a leap year).
    expect(dueAlerts({ today: '2030-02-28', expiryDate: '2030-05-31', audits: slots('planned') }).map((a) => a.kind)).toContain('recertification_not_started');
    expect(dueAlerts({ today: '2028-02-28', expiryDate: '2028-05-31', audits: slots('planned', 'reported', '2027-01-01') }).map((a) => a.kind)).not.toContain('recertification_not_started');
  });

  it('flags a surveillance past its due date that is not reported, from the day after', () => {
    const at = (today: string, state: string) => dueAlerts({ today, expiryDate: '2030-03-14', audits: slots('planned', state) }).filter((a) => a.kind === 'surveillance_overdue');
    expect(at('2028-03-14', 'planned')).toEqual([]);
    expect(at('2028-03-15', 'confirmed')).toEqual([{ kind: 'surveillance_overdue', threshold: 's1:2028-03-14', dueOn: '2028-03-14', auditId: 's1' }]);
    expect(at('2028-03-15', 'reported')).toEqual([]);
    expect(at('2028-03-15', 'cancelled')).toEqual([]);
  });
});
