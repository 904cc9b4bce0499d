import type { TSoc2ReportStatus } from '../../../shared/contracts/soc2-report.ts';

/**
 * Whether the draft preview can be offered. It needs what the report model is built from, not the
 * `reporting` state: the server refuses it (409 `soc2_report_not_ready`) over every other gap — a
 * modified opinion without its basis and a missing engagement partner as much as a missing opinion.
 */
export const previewable = (s: Pick<TSoc2ReportStatus, 'missing' | 'abilities'>) => Boolean(s.abilities['soc2Report.preview']) && s.missing.every((m) => m === 'state');
