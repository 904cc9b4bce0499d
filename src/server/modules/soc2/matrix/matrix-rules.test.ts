import { describe, expect, it } from 'vitest';
import { criterionPrefix, fieldworkProblems, fieldworkReady, isApplicable, nextTestReference, uncoveredCriteriaRule } from './matrix-rules.ts';

describe('SOC 2 matrix rules', () => {
  it('reads the category letters of a criterion ref, not a string prefix', () => {
    expect(criterionPrefix('CC6.1')).toBe('CC');
    expect(criterionPrefix('C1.1')).toBe('C');
    expect(criterionPrefix('PI1.2')).toBe('PI');
    expect(criterionPrefix('P4.1')).toBe('P');
    expect(criterionPrefix('CC6')).toBe('CC');
    expect(isApplicable('CC6.1', ['confidentiality'])).toBe(true); // Security always
    expect(isApplicable('C1.1', ['security'])).toBe(false);
    expect(isApplicable('C1.1', ['security', 'confidentiality'])).toBe(true);
    expect(isApplicable('PI1.2', ['security', 'privacy'])).toBe(false);
    expect(isApplicable('P4.1', ['security', 'processing_integrity'])).toBe(false);
    expect(isApplicable('A1.2', ['security', 'availability'])).toBe(true);
  });

  it('flags criteria without an accepted control; a suggestion covers nothing', () => {
    const criteria = ['CC1.1', 'CC1.2', 'A1.1'];
    const links = [
      { criterionRef: 'CC1.1', controlId: 'c1', suggested: false },
      { criterionRef: 'CC1.2', controlId: 'c2', suggested: true },
    ];
    expect(uncoveredCriteriaRule(criteria, links)).toEqual(['CC1.2', 'A1.1']);
    expect(uncoveredCriteriaRule(criteria, [])).toEqual(criteria);
  });

  it('refuses fieldwork while a criterion has no control or an accepted control has no test', () => {
    const criteria = ['CC1.1', 'CC1.2'];
    const links = [
      { criterionRef: 'CC1.1', controlId: 'c1', suggested: false },
      { criterionRef: 'CC1.2', controlId: 'c2', suggested: false },
      { criterionRef: 'CC1.2', controlId: 'c3', suggested: true },
    ];
    const p = fieldworkProblems(criteria, links, [{ controlId: 'c1' }]);
    expect(p).toEqual({ uncoveredCriteria: [], untestedControls: [{ criterionRef: 'CC1.2', controlId: 'c2' }] });
    expect(fieldworkReady(p)).toBe(false);
    expect(fieldworkReady(fieldworkProblems(criteria, links, [{ controlId: 'c1' }, { controlId: 'c2' }]))).toBe(true);
    expect(fieldworkProblems(criteria, links.slice(0, 1), [{ controlId: 'c1' }]).uncoveredCriteria).toEqual(['CC1.2']);
  });

  it('numbers tests per control ref without reusing a number', () => {
    expect(nextTestReference('CC6.1', [])).toBe('T-CC6.1-01');
    expect(nextTestReference('CC6.1', ['T-CC6.1-01', 'T-CC6.1-03', 'T-CC6.10-07'])).toBe('T-CC6.1-04');
    expect(nextTestReference('CTL 12', ['T-CTL-12-09'])).toBe('T-CTL-12-10');
  });
});
