import { describe, expect, it } from 'vitest';
import { checkOpinion, isDoubtful, untestedCriteria } from '../opinion/opinion-rules.ts';
import { exceptionState, nextExceptionReference } from './exception-rules.ts';

describe('SOC 2 exceptions and opinion rules', () => {
  it('derives the state from what was written, concluded first', () => {
    expect(exceptionState({ responded_at: null, concluded_at: null })).toBe('open');
    expect(exceptionState({ responded_at: new Date(), concluded_at: null })).toBe('responded');
    expect(exceptionState({ responded_at: null, concluded_at: new Date() })).toBe('concluded');
  });

  it('numbers EX-001, EX-002… after the highest, never reusing one', () => {
    expect(nextExceptionReference([])).toBe('EX-001');
    expect(nextExceptionReference(['EX-001', 'EX-007', 'PBC-010', 'EX-x'])).toBe('EX-008');
    expect(nextExceptionReference(['EX-999'])).toBe('EX-1000');
  });

  it('calls an exception doubtful when systematic or when its criterion is not fully met', () => {
    expect(isDoubtful({ conclusion: 'isolated', criterionImpact: 'none' })).toBe(false);
    expect(isDoubtful({ conclusion: 'systematic', criterionImpact: 'none' })).toBe(true);
    expect(isDoubtful({ conclusion: 'isolated', criterionImpact: 'partial' })).toBe(true);
    expect(isDoubtful({ conclusion: 'isolated', criterionImpact: 'not_met' })).toBe(true);
    expect(isDoubtful({ conclusion: null, criterionImpact: null })).toBe(false);
  });

  it('lists criteria without a concluded test on any accepted control', () => {
    const links = [
      { criterionRef: 'CC6.1', controlId: 'a' },
      { criterionRef: 'CC6.1', controlId: 'b' },
      { criterionRef: 'CC6.2', controlId: 'b' },
    ];
    expect(untestedCriteria(['CC6.1', 'CC6.2', 'CC7.1'], links, new Set(['a']))).toEqual(['CC6.2', 'CC7.1']);
  });

  it('requires a basis except for unmodified, and an acknowledgement of warnings for unmodified', () => {
    expect(() => checkOpinion({ opinion: 'qualified', basis: ' ', acknowledgeWarnings: false }, 0)).toThrow(/states its basis/);
    expect(() => checkOpinion({ opinion: 'unmodified', basis: '', acknowledgeWarnings: false }, 0)).not.toThrow();
    expect(() => checkOpinion({ opinion: 'unmodified', basis: '', acknowledgeWarnings: false }, 2)).toThrow(/2 warnings/);
    expect(() => checkOpinion({ opinion: 'unmodified', basis: '', acknowledgeWarnings: true }, 2)).not.toThrow();
    expect(() => checkOpinion({ opinion: 'adverse', basis: 'Pervasive failures of access reviews.', acknowledgeWarnings: false }, 5)).not.toThrow();
  });
});

describe('SOC 2 exceptions mail batches', () => {
  it('puts exceptions of the same ten-minute slot in one job, run a minute after the slot ends', async () => {
    const { exceptionsMailJob } = await import('./jobs/send-exceptions-raised-mail.ts');
    const a = exceptionsMailJob('t', 'x', new Date('2026-11-27T09:01:00Z'));
    const b = exceptionsMailJob('t', 'x', new Date('2026-11-27T09:09:59.999Z'));
    const c = exceptionsMailJob('t', 'x', new Date('2026-11-27T09:10:00Z'));
    expect(a.payload).toEqual({ tenantId: 't', examinationId: 'x', from: '2026-11-27T09:00:00.000Z', until: '2026-11-27T09:10:00.000Z' });
    expect(b.options.singletonKey).toBe(a.options.singletonKey);
    expect(c.options.singletonKey).not.toBe(a.options.singletonKey);
    expect(c.payload.from).toBe(a.payload.until);
    expect(a.options.startAfter.toISOString()).toBe('2026-11-27T09:11:00.000Z');
  });
});
