import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/errors.ts';
import { incompleteRefs, soaLifecycle, type TEntryDecision } from './soa-lifecycle.ts';

const done = (ref: string): TEntryDecision => ({ ref, applicable: true, justification: 'Needed for our credit models.', implementationStatus: 'implemented' });
const excluded = (ref: string): TEntryDecision => ({ ref, applicable: false, justification: 'We do not use third-party data.', implementationStatus: null });

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('soaLifecycle', () => {
  it('moves draft → in review → approved → superseded, and back to draft on rejection', () => {
    const all = [done('A.2.2'), excluded('A.10.3')];
    expect(soaLifecycle.transition('draft', 'submit', all).to).toBe('in_review');
    expect(soaLifecycle.transition('in_review', 'reject', all).to).toBe('draft');
    expect(soaLifecycle.transition('in_review', 'approve', all).to).toBe('approved');
    expect(soaLifecycle.transition('approved', 'supersede', all).to).toBe('superseded');
    expect(soaLifecycle.transition('draft', 'edit', all).to).toBe('draft');
  });

  it('freezes a version once it leaves draft', () => {
    for (const state of ['in_review', 'approved', 'superseded'] as const) {
      const e = refusal(() => soaLifecycle.transition(state, 'edit', []));
      expect(e.status).toBe(409);
      expect(e.code).toBe('soa_frozen');
    }
    expect(refusal(() => soaLifecycle.transition('approved', 'approve', [])).code).toBe('soa_frozen');
    expect(refusal(() => soaLifecycle.transition('draft', 'approve', [])).code).toBe('conflict');
    expect(soaLifecycle.isFinal('superseded')).toBe(true);
  });

  it('submits only when every entry is decided and justified, naming the refs that are not', () => {
    const entries: TEntryDecision[] = [
      done('A.2.2'),
      { ref: 'A.2.3', applicable: null, justification: '', implementationStatus: null },
      { ref: 'A.2.4', applicable: false, justification: '  ', implementationStatus: null },
      { ref: 'A.3.2', applicable: true, justification: 'Roles named.', implementationStatus: null },
    ];
    expect(incompleteRefs(entries)).toEqual({ undecided: ['A.2.3'], unjustified: ['A.2.3', 'A.2.4'], noStatus: ['A.3.2'] });
    const e = refusal(() => soaLifecycle.transition('draft', 'submit', entries));
    expect(e.code).toBe('soa_incomplete');
    expect(e.message).toContain('decide applicability of A.2.3');
    expect(e.message).toContain('justify A.2.3, A.2.4');
    expect(e.message).toContain('implementation status of A.3.2');
    expect(e.details).toMatchObject({ count: 3 });
    // Approval checks completeness again.
    expect(refusal(() => soaLifecycle.transition('in_review', 'approve', entries)).code).toBe('soa_incomplete');
  });

  it('a justification is required both ways: an excluded control says why too', () => {
    expect(incompleteRefs([{ ref: 'A.10.3', applicable: false, justification: '', implementationStatus: null }]).unjustified).toEqual(['A.10.3']);
  });

  it('lists at most a dozen refs in the message and counts the rest', () => {
    const many = Array.from({ length: 38 }, (_, i) => ({ ref: `A.${i}`, applicable: null, justification: '', implementationStatus: null }));
    const e = refusal(() => soaLifecycle.transition('draft', 'submit', many));
    expect(e.message).toContain('and 26 more');
    expect((e.details as { undecided: string[] }).undecided).toHaveLength(38);
  });
});
