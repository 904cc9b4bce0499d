import { describe, expect, it } from 'vitest';
import { SOC2_REPORT_GAPS, type TSoc2ReportStatus } from '../../../shared/contracts/soc2-report.ts';
import { previewable } from './report-gate.ts';

const status = (missing: TSoc2ReportStatus['missing'], preview = true) =>
  ({ missing, abilities: { 'soc2Report.preview': preview, 'soc2Report.issue': false, 'soc2Report.issueGeneralUse': false } }) as Pick<TSoc2ReportStatus, 'missing' | 'abilities'>;

describe('SOC 2 report preview offered', () => {
  it('before reporting starts, when the model has all it is built from', () => {
    expect(previewable(status([]))).toBe(true);
    expect(previewable(status(['state']))).toBe(true);
  });

  it('not over a gap the server refuses the preview for (a modified opinion without basis, no partner…)', () => {
    for (const gap of SOC2_REPORT_GAPS.filter((g) => g !== 'state')) expect(previewable(status(['state', gap])), gap).toBe(false);
  });

  it('not to someone who may not preview', () => {
    expect(previewable(status([], false))).toBe(false);
  });
});
