import { describe, expect, it } from 'vitest';
import { AUDIT_TYPES } from '../../../../shared/contracts/certification.ts';
import { basisOf, planChecklist, SECTIONS_OF } from './checklist-rules.ts';

const c = (ref: string, position: number, extra: object = {}) => ({ ref, position, framework_id: 'iso-iec-42001-2023', framework_version: '2023-r2', ...extra });

describe('checklist rules', () => {
  it('follows the audit type: stage 1 and pre-audit review documents, stage 2 and recertification everything, the others a sample', () => {
    expect(Object.fromEntries(AUDIT_TYPES.map((t) => [t, basisOf(t)]))).toEqual({
      pre_audit: 'stage1',
      stage1: 'stage1',
      stage2: 'full',
      surveillance: 'surveillance',
      recertification: 'full',
      special: 'surveillance',
      follow_up: 'surveillance',
    });
    expect(SECTIONS_OF.full).toEqual(['clause', 'control']);
  });

  it('orders by section then catalog position, and names a requirement once, in the first section that has it', () => {
    const items = planChecklist([
      ['prior_nonconformity', [c('8.1', 30, { prior_audit_reference: 'AUD-2026-0002' })]],
      ['sample', [c('9.2.1', 40), c('6.2', 20), c('8.1', 30)]],
    ]);
    expect(items.map((i) => [i.section, i.ref])).toEqual([
      ['prior_nonconformity', '8.1'],
      ['sample', '6.2'],
      ['sample', '9.2.1'],
    ]);
    expect(items[0]).toMatchObject({ prior_audit_reference: 'AUD-2026-0002' });
  });

  it('an empty input gives an empty checklist', () => {
    expect(planChecklist([['clause', []]])).toEqual([]);
  });
});
