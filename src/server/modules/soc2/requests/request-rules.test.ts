import { describe, expect, it } from 'vitest';
import { isOverdue, nextRequestReference, reminderDue, requestFromTest } from './request-rules.ts';

describe('SOC 2 request list rules', () => {
  it('is overdue only after the due day and only while with the organization', () => {
    expect(isOverdue({ state: 'open', dueOn: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ state: 'open', dueOn: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ state: 'returned', dueOn: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ state: 'submitted', dueOn: '2026-12-01' }, '2026-12-09')).toBe(false);
    expect(isOverdue({ state: 'accepted', dueOn: '2026-12-01' }, '2026-12-09')).toBe(false);
  });

  it('reminds once before the due date and once after it, again when the due date moves', () => {
    const r = { state: 'open' as const, dueOn: '2026-12-10', lastRemindedOn: null as string | null };
    expect(reminderDue(r, '2026-12-06', 3)).toBeNull();
    expect(reminderDue(r, '2026-12-07', 3)).toBe('due_soon');
    expect(reminderDue({ ...r, lastRemindedOn: '2026-12-07' }, '2026-12-08', 3)).toBeNull();
    expect(reminderDue({ ...r, lastRemindedOn: '2026-12-07' }, '2026-12-10', 3)).toBeNull();
    expect(reminderDue({ ...r, lastRemindedOn: '2026-12-07' }, '2026-12-11', 3)).toBe('overdue');
    expect(reminderDue({ ...r, lastRemindedOn: '2026-12-11' }, '2026-12-15', 3)).toBeNull();
    // Moved to the 20th: both reminders come again.
    expect(reminderDue({ ...r, dueOn: '2026-12-20', lastRemindedOn: '2026-12-11' }, '2026-12-17', 3)).toBe('due_soon');
    expect(reminderDue({ ...r, dueOn: '2026-12-20', lastRemindedOn: '2026-12-17' }, '2026-12-21', 3)).toBe('overdue');
    // With 0 days, the first reminder is on the due day.
    expect(reminderDue(r, '2026-12-10', 0)).toBe('due_soon');
    expect(reminderDue({ ...r, state: 'submitted' }, '2026-12-11', 3)).toBeNull();
  });

  it('numbers PBC-NNN per examination and writes the request from the test', () => {
    expect(nextRequestReference([])).toBe('PBC-001');
    expect(nextRequestReference(['PBC-001', 'PBC-007', 'X-9'])).toBe('PBC-008');
    expect(requestFromTest({ reference: 'T-ACC-01-01', controlRef: 'ACC-01', evidenceRequested: 'Access review export\nwith tickets', procedure: 'p' })).toEqual({
      title: 'T-ACC-01-01 — Access review export',
      detail: 'Access review export\nwith tickets',
    });
    expect(requestFromTest({ reference: 'T-X-01', controlRef: 'X', evidenceRequested: '  ', procedure: 'Ask the CISO.' }).title).toBe('T-X-01 — Ask the CISO.');
  });
});
