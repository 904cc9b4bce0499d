import { describe, expect, it } from 'vitest';
import { auditorConflict } from './auditor-independence.ts';
import { internalAuditLifecycle as a } from './internal-audit-lifecycle.ts';

describe('internal audit lifecycle and auditor independence (9.2.2)', () => {
  it('planned → in_progress → completed, findings only in progress, conclusion required', () => {
    expect(a.transition('planned', 'start', { conclusion: '' }).to).toBe('in_progress');
    expect(a.whyNot('planned', 'record_finding', { conclusion: '' })).toMatchObject({ code: 'internal_audit_state', message: 'Findings are recorded while the audit is in progress: start it first.' });
    expect(a.whyNot('in_progress', 'complete', { conclusion: ' ' })).toMatchObject({ code: 'internal_audit_conclusion_missing' });
    expect(a.transition('in_progress', 'complete', { conclusion: 'Conforms, one minor NC' }).to).toBe('completed');
    expect(a.whyNot('completed', 'edit', { conclusion: 'x' })?.message).toBe('This audit is completed: its record is frozen.');
  });
  it('a member who owns an audited area cannot audit it; an external auditor is not checked', () => {
    const owners = [{ id: 'u1', name: 'Claire Martin' }, { id: 'u2', name: 'Hugo Petit' }];
    expect(auditorConflict('u2', owners)).toMatchObject({ status: 409, code: 'auditor_not_independent', details: { auditor: 'Hugo Petit' } });
    expect(auditorConflict('u3', owners)).toBeNull();
    expect(auditorConflict(null, owners)).toBeNull();
  });
});
