import { describe, expect, it } from 'vitest';
import { checkContemporaneity, periodCoverage } from './period-coverage.ts';

describe('periodCoverage', () => {
  const period = { start: '2026-01-15', end: '2026-07-14' };

  it('lists the months of a monthly control and the months without evidence', () => {
    const c = periodCoverage('monthly', period, ['2026-01-20', '2026-02-03', '2026-02-27', '2026-04-30T23:00:00Z', '2026-06-01', '2026-07-31']);
    expect(c.slots.map((s) => [s.key, s.start, s.end, s.partial, s.count])).toEqual([
      ['2026-01', '2026-01-15', '2026-01-31', true, 1],
      ['2026-02', '2026-02-01', '2026-02-28', false, 2],
      ['2026-03', '2026-03-01', '2026-03-31', false, 0],
      ['2026-04', '2026-04-01', '2026-04-30', false, 1],
      ['2026-05', '2026-05-01', '2026-05-31', false, 0],
      ['2026-06', '2026-06-01', '2026-06-30', false, 1],
      ['2026-07', '2026-07-01', '2026-07-14', true, 0],
    ]);
    expect(c.gaps.map((g) => g.key)).toEqual(['2026-03', '2026-05', '2026-07']);
    expect(c.fullSlotGaps).toBe(2);
    expect(c.outsidePeriod).toBe(1);
  });

  it('uses calendar quarters, ISO weeks, days (optionally weekdays only) and one slot for annual controls', () => {
    expect(periodCoverage('quarterly', period, []).slots.map((s) => [s.key, s.partial])).toEqual([
      ['2026-Q1', true], ['2026-Q2', false], ['2026-Q3', true],
    ]);
    const weeks = periodCoverage('weekly', { start: '2025-12-29', end: '2026-01-11' }, ['2026-01-04']);
    expect(weeks.slots.map((s) => [s.key, s.start, s.end, s.count])).toEqual([
      ['2026-W01', '2025-12-29', '2026-01-04', 1],
      ['2026-W02', '2026-01-05', '2026-01-11', 0],
    ]);
    const days = periodCoverage('daily', { start: '2026-03-13', end: '2026-03-16' }, ['2026-03-13'], { weekdaysOnly: true });
    expect(days.slots.map((s) => s.key)).toEqual(['2026-03-13', '2026-03-16']);
    expect(days.gaps.map((s) => s.key)).toEqual(['2026-03-16']);
    expect(periodCoverage('annual', period, ['2026-05-01']).slots).toEqual([
      { key: '2026-01-15/2026-07-14', start: '2026-01-15', end: '2026-07-14', partial: false, count: 1 },
    ]);
  });

  it('takes day numbers too (a population index’s dates)', () => {
    const c = periodCoverage('monthly', { start: '2026-01-01', end: '2026-02-28' }, Int32Array.of(20454));
    expect(c.slots.map((s) => s.count)).toEqual([1, 0]);
  });
});

describe('checkContemporaneity', () => {
  it('flags evidence created more than N days after the event, or before it', () => {
    const items = [
      { id: 'on-time', eventDate: '2026-03-01', evidenceCreatedAt: '2026-03-01T09:00:00Z' },
      { id: 'limit', eventDate: '2026-03-01', evidenceCreatedAt: '2026-03-08T23:59:00Z' },
      { id: 'late', eventDate: '2026-03-01', evidenceCreatedAt: '2026-03-09T00:00:00Z' },
      { id: 'before', eventDate: '2026-03-01', evidenceCreatedAt: '2026-02-28' },
    ];
    expect(checkContemporaneity(items, { maxLagDays: 7 })).toEqual([
      { id: 'late', reason: 'created_late', lagDays: 8 },
      { id: 'before', reason: 'created_before_event', lagDays: -1 },
    ]);
    expect(checkContemporaneity(items)).toEqual([{ id: 'before', reason: 'created_before_event', lagDays: -1 }]);
  });

  it('counts an instant on its date in the organization’s time zone', () => {
    const item = [{ id: 'x', eventDate: '2026-03-01', evidenceCreatedAt: '2026-03-01T23:30:00Z' }];
    expect(checkContemporaneity(item, { maxLagDays: 0 })).toEqual([]);
    expect(checkContemporaneity(item, { maxLagDays: 0, timeZone: 'Europe/Paris' })).toEqual([{ id: 'x', reason: 'created_late', lagDays: 1 }]);
  });
});
