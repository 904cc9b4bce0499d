import { describe, expect, it } from 'vitest';
import { examinationLifecycle } from './examination-lifecycle.ts';
import { checkExaminationDates, nextPeriod, normalizeCategories, periodEndFor } from './examination-rules.ts';

describe('SOC 2 examination lifecycle and dates', () => {
  it('confirms the scope only while scoping', () => {
    expect(examinationLifecycle.transition('scoping', 'confirmScope')).toBe('planning');
    expect(() => examinationLifecycle.transition('planning', 'confirmScope')).toThrow(/Cannot confirmScope/);
    expect(examinationLifecycle.scopeGaps({ services: ' ', systems: 'API' })).toEqual(['services']);
  });

  it('issues the report only from reporting, and an issued examination moves no more (not even to cancelled)', () => {
    expect(examinationLifecycle.transition('reporting', 'issue')).toBe('issued');
    for (const from of ['scoping', 'planning', 'fieldwork', 'issued', 'cancelled'] as const) expect(() => examinationLifecycle.transition(from, 'issue')).toThrow(/Cannot issue/);
    expect(() => examinationLifecycle.transition('issued', 'cancel')).toThrow(/Cannot cancel/);
  });

  it('checks a Type II period of 3 to 12 months, month ends clamped', () => {
    expect(periodEndFor('2026-01-01', 6)).toBe('2026-06-30');
    expect(periodEndFor('2026-01-31', 1)).toBe('2026-02-27');
    expect(checkExaminationDates('type2', { asOfDate: null, periodStart: '2026-01-01', periodEnd: '2026-03-31' }).periodEnd).toBe('2026-03-31');
    expect(() => checkExaminationDates('type2', { asOfDate: null, periodStart: '2026-01-01', periodEnd: '2026-03-30' })).toThrow(/at least 3 months/);
    expect(() => checkExaminationDates('type2', { asOfDate: null, periodStart: '2026-01-01', periodEnd: '2027-01-01' })).toThrow(/at most 12 months/);
    expect(() => checkExaminationDates('type1', { asOfDate: null, periodStart: null, periodEnd: null })).toThrow(/asOfDate/);
  });

  it('puts Security first and each category once', () => {
    expect(normalizeCategories(['privacy', 'availability', 'privacy'])).toEqual(['security', 'availability', 'privacy']);
  });

  it('starts a renewal the day after the previous period, same length', () => {
    expect(nextPeriod({ periodStart: '2026-01-01', periodEnd: '2026-06-30' })).toEqual({ periodStart: '2026-07-01', periodEnd: '2026-12-31' });
    expect(nextPeriod({ periodStart: '2026-01-01', periodEnd: '2026-12-31' })).toEqual({ periodStart: '2027-01-01', periodEnd: '2027-12-31' });
  });
});

describe('SOC 2 examination: fieldwork → reporting', () => {
  it('moves only from fieldwork, and only once every test is concluded and every exception concluded', () => {
    expect(examinationLifecycle.transition('fieldwork', 'startReporting')).toBe('reporting');
    expect(() => examinationLifecycle.transition('planning', 'startReporting')).toThrow(/Cannot startReporting/);
    expect(examinationLifecycle.can('reporting', 'startReporting')).toBe(false);
    const blockers = examinationLifecycle.reportingBlockers(
      [{ ref: 'T-1', conclusion: 'pending' }, { ref: 'T-2', conclusion: 'exception' }],
      [{ ref: 'EX-001', state: 'responded' }, { ref: 'EX-002', state: 'concluded' }],
    );
    expect(blockers.pendingTests.map((t) => t.ref)).toEqual(['T-1']);
    expect(blockers.openExceptions.map((e) => e.ref)).toEqual(['EX-001']);
    expect(blockers.untestedCriteria).toEqual([]);
    expect(examinationLifecycle.blocked(blockers)).toBe(true);
    // A coverage gap alone keeps fieldwork open; nothing left: the examination may move on.
    const gap = examinationLifecycle.reportingBlockers([{ conclusion: 'no_exception' }], [], ['CC1.1', 'CC9.2']);
    expect(gap.untestedCriteria).toEqual(['CC1.1', 'CC9.2']);
    expect(examinationLifecycle.blocked(gap)).toBe(true);
    expect(examinationLifecycle.blocked(examinationLifecycle.reportingBlockers([{ conclusion: 'exception' }], [{ state: 'concluded' }], []))).toBe(false);
  });
});
