import { describe, expect, it } from 'vitest';
import { DEFAULT_FINDING_DEADLINES as D, clockStart, decisionBlockerOf, findingDeadlines, overdueItems, referencePrefix, verificationDueOn } from './findings-rules.ts';

describe('finding deadlines', () => {
  it('starts the clock on the later of the day raised and the audit’s last day', () => {
    expect(clockStart('2027-03-09', '2027-03-11')).toBe('2027-03-11');
    expect(clockStart('2027-03-12', '2027-03-11')).toBe('2027-03-12');
    expect(clockStart('2027-03-12', null)).toBe('2027-03-12');
  });

  it('gives a major an answer date and a verification window of N months from the audit’s last day', () => {
    expect(findingDeadlines('major', '2027-03-10', '2027-03-11', D)).toEqual({ responseDueOn: '2027-04-10', closureDueOn: null, verificationDueOn: '2027-09-11' });
    // 31 August + 6 months has no 31st: the window ends on the last day of February.
    expect(verificationDueOn('2027-08-31', 6)).toBe('2028-02-29');
    expect(findingDeadlines('major', '2027-03-10', '2027-03-11', { ...D, majorResponseDays: 14, majorVerificationMonths: 3 })).toEqual({
      responseDueOn: '2027-03-25',
      closureDueOn: null,
      verificationDueOn: '2027-06-11',
    });
  });

  it('gives a minor an answer date and a closure date; observations and opportunities nothing', () => {
    expect(findingDeadlines('minor', '2027-03-10', '2027-03-11', D)).toEqual({ responseDueOn: '2027-04-10', closureDueOn: '2027-06-09', verificationDueOn: null });
    expect(findingDeadlines('observation', '2027-03-10', '2027-03-11', D)).toEqual({ responseDueOn: null, closureDueOn: null, verificationDueOn: null });
    expect(findingDeadlines('opportunity', '2027-03-10', null, D)).toEqual({ responseDueOn: null, closureDueOn: null, verificationDueOn: null });
  });

  it('numbers nonconformities NC-, observations OBS-, opportunities OFI-', () => {
    expect(['major', 'minor', 'observation', 'opportunity'].map((c) => referencePrefix(c as 'major'))).toEqual(['NC', 'NC', 'OBS', 'OFI']);
  });
});

describe('overdue', () => {
  const minor = { class: 'minor' as const, state: 'open' as const, responseDueOn: '2027-04-10', closureDueOn: '2027-06-09', verificationDueOn: null };
  const major = { class: 'major' as const, state: 'open' as const, responseDueOn: '2027-04-10', closureDueOn: null, verificationDueOn: '2027-09-11' };

  it('is late the day after the due date, not on it', () => {
    expect(overdueItems(minor, '2027-04-10')).toEqual([]);
    expect(overdueItems(minor, '2027-04-11')).toEqual([{ kind: 'response', dueOn: '2027-04-10' }]);
  });

  it('stops counting an answer once one waits or was accepted; a rejected answer (open again) counts as none', () => {
    expect(overdueItems({ ...minor, state: 'submitted' }, '2027-04-11')).toEqual([]);
    expect(overdueItems({ ...minor, state: 'accepted' }, '2027-06-10')).toEqual([{ kind: 'closure', dueOn: '2027-06-09' }]);
    expect(overdueItems({ ...minor, state: 'closed' }, '2027-06-10')).toEqual([]);
  });

  it('flags a major unverified past its window', () => {
    expect(overdueItems({ ...major, state: 'accepted' }, '2027-09-12')).toEqual([{ kind: 'verification', dueOn: '2027-09-11' }]);
    expect(overdueItems({ ...major, state: 'verified' }, '2027-09-12')).toEqual([]);
  });

  it('never flags what asks for nothing', () => {
    expect(overdueItems({ class: 'observation', state: 'noted', responseDueOn: null, closureDueOn: null, verificationDueOn: null }, '2030-01-01')).toEqual([]);
  });
});

describe('decision blockers', () => {
  const major = { class: 'major' as const, responseDueOn: '2027-04-10', closureDueOn: null, verificationDueOn: '2027-09-11' };
  const minor = { class: 'minor' as const, responseDueOn: '2027-04-10', closureDueOn: '2027-06-09', verificationDueOn: null };

  it('blocks on a major until it is verified', () => {
    for (const state of ['open', 'submitted', 'accepted'] as const) expect(decisionBlockerOf({ ...major, state }, '2027-05-01')).toEqual({ code: 'major_unverified', dueOn: '2027-09-11' });
    expect(decisionBlockerOf({ ...major, state: 'verified' }, '2027-05-01')).toBeNull();
    expect(decisionBlockerOf({ ...major, state: 'closed' }, '2027-05-01')).toBeNull();
  });

  it('requires a new stage 2 once a major’s window passed unverified (the last day still counts)', () => {
    expect(decisionBlockerOf({ ...major, state: 'accepted' }, '2027-09-11')?.code).toBe('major_unverified');
    expect(decisionBlockerOf({ ...major, state: 'accepted' }, '2027-09-12')).toEqual({ code: 'major_window_expired', dueOn: '2027-09-11' });
    expect(decisionBlockerOf({ ...major, state: 'verified' }, '2028-01-01')).toBeNull();
  });

  it('blocks on a minor until its plan is accepted', () => {
    expect(decisionBlockerOf({ ...minor, state: 'open' }, '2027-05-01')).toEqual({ code: 'minor_plan_not_accepted', dueOn: '2027-04-10' });
    expect(decisionBlockerOf({ ...minor, state: 'submitted' }, '2027-05-01')?.code).toBe('minor_plan_not_accepted');
    expect(decisionBlockerOf({ ...minor, state: 'accepted' }, '2027-05-01')).toBeNull();
  });

  it('never blocks on observations or opportunities', () => {
    expect(decisionBlockerOf({ class: 'opportunity', state: 'noted', responseDueOn: null, closureDueOn: null, verificationDueOn: null }, '2027-05-01')).toBeNull();
  });
});
