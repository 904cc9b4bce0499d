import { describe, expect, it } from 'vitest';
import { assess, judge, type TRequirementFacts } from './readiness-rules.ts';

const facts = (ref: string, parentRef: string | null, o: Partial<TRequirementFacts> = {}): TRequirementFacts => ({
  ref,
  parentRef,
  kind: 'clause',
  title: { en: ref, fr: ref },
  normative: true,
  controls: { planned: 0, implemented: 0, operating: 0 },
  evidence: { fresh: 0, stale: 0, expired: 0, notContemporaneous: 0 },
  soa: null,
  documents: { current: 0, overdue: 0, unpublished: 0 },
  openNonconformities: 0,
  ...o,
});
const operating = { planned: 0, implemented: 0, operating: 1 };
const fresh = { fresh: 1, stale: 0, expired: 0, notContemporaneous: 0 };

describe('readiness rules', () => {
  it('judges a requirement from its controls, evidence, documents, SoA decision and open nonconformities', () => {
    expect(judge(facts('6.1.2', '6.1'))).toBe('missing');
    expect(judge(facts('6.1.2', '6.1', { controls: { planned: 2, implemented: 0, operating: 0 } }))).toBe('planned');
    expect(judge(facts('6.1.2', '6.1', { controls: operating }))).toBe('partial');
    expect(judge(facts('6.1.2', '6.1', { controls: operating, evidence: { ...fresh, fresh: 0, stale: 3 } }))).toBe('partial');
    expect(judge(facts('6.1.2', '6.1', { controls: operating, evidence: fresh }))).toBe('covered');
    expect(judge(facts('6.1.2', '6.1', { controls: operating, evidence: fresh, openNonconformities: 1 }))).toBe('partial');
    // A current published policy is its own evidence (5.2 AI policy).
    expect(judge(facts('5.2', '5', { documents: { current: 1, overdue: 0, unpublished: 0 } }))).toBe('covered');
    expect(judge(facts('5.2', '5', { documents: { current: 0, overdue: 1, unpublished: 0 } }))).toBe('partial');
    // Excluded by the SoA in force: not applicable, whatever else exists.
    expect(judge(facts('A.10.4', 'A.10', { soa: { version: 1, applicable: false, justification: 'No customers use our AI.', implementationStatus: null } }))).toBe('not_applicable');
  });

  it('rolls leaves up into parents and groups; informative entries and exclusions do not count against coverage', () => {
    const r = assess([
      facts('6', null),
      facts('6.1', '6'),
      facts('6.1.1', '6.1', { controls: operating, evidence: fresh }),
      facts('6.1.2', '6.1'),
      facts('6.2', '6', { controls: operating, evidence: fresh }),
      facts('6.3', '6', { normative: false }),
      facts('A.10', null),
      facts('A.10.2', 'A.10', { controls: operating, evidence: fresh }),
      facts('A.10.4', 'A.10', { soa: { version: 1, applicable: false, justification: 'Not offered.', implementationStatus: null } }),
    ]);
    const byRef = new Map(r.requirements.map((q) => [q.ref, q]));
    expect(byRef.get('6.1')!.status).toBe('partial');
    expect(byRef.get('6.1')!.rollup).toMatchObject({ covered: 1, missing: 1 });
    expect(byRef.get('A.10')!.status).toBe('covered');
    expect(r.groups.map((g) => [g.ref, g.total, g.coveredPercent])).toEqual([
      ['6', 3, 66],
      ['A.10', 2, 100],
    ]);
    expect(r.totals).toMatchObject({ total: 5, coveredPercent: 75 });
    expect(byRef.get('6.1.2')!.evidence.state).toBe('missing');
  });
});
