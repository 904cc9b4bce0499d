import { describe, expect, it } from 'vitest';
import { addDays, addMonths, cycleDates, dateViolations, INITIAL_PROGRAMME_SLOTS, isOverdue, slotDueBy } from './programme-rules.ts';
import { nextCycleDueDates, renewalOutcome } from '../cycle/recertification-rules.ts';

describe('programme date rules (ISO/IEC 17021-1 9.1.3)', () => {
  it('holds stage 1, stage 2, two surveillances and recertification, in order', () => {
    expect(INITIAL_PROGRAMME_SLOTS.map((s) => `${s.type}#${s.sequence}`)).toEqual(['stage1#1', 'stage2#1', 'surveillance#1', 'surveillance#2', 'recertification#1']);
  });

  it('counts calendar days and months without time zones; a missing day becomes the month’s last', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-27', 36)).toBe('2029-11-27');
  });

  it('dates the cycle from the certification decision', () => {
    expect(cycleDates('2027-03-15')).toEqual({
      decisionDate: '2027-03-15',
      surveillance1DueBy: '2028-03-14',
      surveillance2DueBy: '2029-03-14',
      expiryDate: '2030-03-14',
      recertificationDueBy: '2030-03-13',
    });
    // A decision on 29 February: the anniversaries fall on 28 February.
    expect(cycleDates('2028-02-29')).toMatchObject({ surveillance1DueBy: '2029-02-27', expiryDate: '2031-02-27' });
  });

  it('gives surveillance and recertification slots a deadline only once the decision is taken', () => {
    const [stage1, , s1, s2, recert] = INITIAL_PROGRAMME_SLOTS;
    expect(slotDueBy(s1!, null)).toBeNull();
    expect(slotDueBy(stage1!, '2027-03-15')).toBeNull();
    expect(slotDueBy(s1!, '2027-03-15')).toBe('2028-03-14');
    expect(slotDueBy(s2!, '2027-03-15')).toBe('2029-03-14');
    expect(slotDueBy(recert!, '2027-03-15')).toBe('2030-03-13');
  });

  it('refuses stage 2 before stage 1 has ended, and an end before the start', () => {
    const stage2 = { type: 'stage2' as const, sequence: 1 };
    expect(dateViolations(stage2, { start: '2027-01-10', end: '2027-01-12' }, { stage1End: '2027-01-10', decisionDate: null })).toEqual([{ code: 'stage2_before_stage1_end', stage1End: '2027-01-10' }]);
    expect(dateViolations(stage2, { start: '2027-01-11', end: '2027-01-12' }, { stage1End: '2027-01-10', decisionDate: null })).toEqual([]);
    expect(dateViolations(stage2, { start: '2027-01-12', end: '2027-01-11' }, { stage1End: null, decisionDate: null })).toEqual([{ code: 'end_before_start' }]);
  });

  it('keeps surveillance 1 within 12 months, surveillance 2 in the second year and recertification before expiry', () => {
    const p = { stage1End: '2027-01-10', decisionDate: '2027-03-15' };
    const s1 = { type: 'surveillance' as const, sequence: 1 };
    const s2 = { type: 'surveillance' as const, sequence: 2 };
    const recert = { type: 'recertification' as const, sequence: 1 };
    expect(dateViolations(s1, { start: '2028-03-13', end: '2028-03-14' }, p)).toEqual([]);
    expect(dateViolations(s1, { start: '2028-03-14', end: '2028-03-15' }, p)).toEqual([{ code: 'surveillance1_late', dueBy: '2028-03-14' }]);
    expect(dateViolations(s1, { start: '2027-03-15', end: '2027-03-16' }, p)).toEqual([{ code: 'before_decision', decisionDate: '2027-03-15' }]);
    expect(dateViolations(s2, { start: '2028-03-01', end: '2028-03-02' }, p)).toEqual([{ code: 'surveillance2_in_first_year', from: '2028-03-15' }]);
    expect(dateViolations(s2, { start: '2029-03-14', end: '2029-03-15' }, p)).toEqual([{ code: 'surveillance2_late', dueBy: '2029-03-14' }]);
    expect(dateViolations(recert, { start: '2030-03-12', end: '2030-03-13' }, p)).toEqual([]);
    expect(dateViolations(recert, { start: '2030-03-13', end: '2030-03-14' }, p)).toEqual([{ code: 'recertification_after_expiry', dueBy: '2030-03-13' }]);
  });

  it('measures a cycle opened by a chained renewal against its stored dates, not three years from the renewal', () => {
    // Certified 2027-03-15 (expiry 2030-03-14), renewed on 2030-01-10, before expiry: the new expiry is chained.
    const renewal = renewalOutcome({ oldExpiry: '2030-03-14', decisionDate: '2030-01-10', activities: { recertificationReported: true, nonconformitiesCleared: true } });
    expect(renewal).toMatchObject({ outcome: 'chain', expiryDate: '2033-03-14' });
    const due = nextCycleDueDates('2030-01-10', '2033-03-14');
    const recert = { type: 'recertification' as const, sequence: 1 };
    const dates = { start: '2033-02-01', end: '2033-02-03' };
    // Three years from the renewal decision would end the cycle on 2033-01-09.
    expect(cycleDates('2030-01-10').recertificationDueBy).toBe('2033-01-08');
    expect(dateViolations(recert, dates, { stage1End: null, decisionDate: '2030-01-10', expiryDate: '2033-03-14' })).toEqual([]);
    expect(dateViolations(recert, dates, { stage1End: null, decisionDate: '2030-01-10', dueBy: due.recertificationDueBy })).toEqual([]);
    expect(dateViolations(recert, { start: '2033-03-13', end: '2033-03-14' }, { stage1End: null, decisionDate: '2030-01-10', expiryDate: '2033-03-14' })).toEqual([
      { code: 'recertification_after_expiry', dueBy: '2033-03-13' },
    ]);
    // Surveillance 1 of the new cycle: within 12 months of the renewal decision, as stored.
    const s1 = { type: 'surveillance' as const, sequence: 1 };
    expect(dateViolations(s1, { start: '2031-01-08', end: '2031-01-10' }, { stage1End: null, decisionDate: '2030-01-10', dueBy: due.surveillance1DueBy })).toEqual([
      { code: 'surveillance1_late', dueBy: '2031-01-09' },
    ]);
  });

  it('calls an audit overdue when its deadline passed and it is still to be done', () => {
    expect(isOverdue({ dueBy: '2028-03-14', state: 'planned' }, '2028-03-15')).toBe(true);
    expect(isOverdue({ dueBy: '2028-03-14', state: 'planned' }, '2028-03-14')).toBe(false);
    expect(isOverdue({ dueBy: '2028-03-14', state: 'reported' }, '2028-03-15')).toBe(false);
    expect(isOverdue({ dueBy: null, state: 'planned' }, '2099-01-01')).toBe(false);
  });
});
