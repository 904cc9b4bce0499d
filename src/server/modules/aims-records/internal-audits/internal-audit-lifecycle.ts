import type { TAuditStatus } from '../../../../shared/contracts/internal-audits.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { defineLifecycle, type TGuard } from '../../../platform/lifecycle/lifecycle.ts';

/*
 * planned ──start──▶ in_progress ──complete──▶ completed
 * Findings are recorded while the audit is in progress; completing needs the conclusion, and a
 * completed audit is frozen (its results are retained documented information, 9.2.2).
 */
export type TAuditContext = { conclusion: string };

const concluded: TGuard<TAuditContext> = (c) =>
  c.conclusion.trim() ? null : new AppError(409, 'internal_audit_conclusion_missing', 'Write the audit’s conclusion before completing it.', { field: 'conclusion' });

export const internalAuditLifecycle = defineLifecycle<TAuditStatus, 'edit' | 'start' | 'record_finding' | 'complete', TAuditContext>({
  name: 'internal_audit',
  states: ['planned', 'in_progress', 'completed'],
  transitions: {
    edit: { from: ['planned', 'in_progress'], to: 'planned', audit: 'internal_audit.updated' },
    start: { from: ['planned'], to: 'in_progress', audit: 'internal_audit.started' },
    record_finding: { from: ['in_progress'], to: 'in_progress', audit: 'internal_audit.finding_recorded' },
    complete: { from: ['in_progress'], to: 'completed', audit: 'internal_audit.completed', guards: [concluded] },
  },
  refusal: (state, event) => {
    const why =
      state === 'completed'
        ? 'This audit is completed: its record is frozen.'
        : event === 'record_finding'
          ? 'Findings are recorded while the audit is in progress: start it first.'
          : event === 'complete'
            ? 'Start the audit before completing it.'
            : 'This audit has already started.';
    return new AppError(409, 'internal_audit_state', why, { status: state, event });
  },
});
