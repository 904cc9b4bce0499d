import { describe, expect, it } from 'vitest';
import { CONTROL_STATUSES } from '../../../shared/contracts/controls.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { retiredPatchRefusal, statusChange } from './control-lifecycle.ts';

describe('control lifecycle', () => {
  it('every move from → to, as a table (✓ allowed, · refused, = no change)', () => {
    const cell = (from: (typeof CONTROL_STATUSES)[number], to: (typeof CONTROL_STATUSES)[number]) => {
      if (from === to) return '=';
      try {
        statusChange(from, to);
        return '✓';
      } catch {
        return '·';
      }
    };
    const rows = CONTROL_STATUSES.map((f) => `${f.padEnd(12)}| ${CONTROL_STATUSES.map((t) => cell(f, t).padEnd(t.length)).join(' ')}`.trimEnd());
    expect(`\n${rows.join('\n')}\n`).toBe(`
planned     | =       ✓           ✓         ✓
implemented | ✓       =           ✓         ✓
operating   | ·       ✓           =         ✓
retired     | ✓       ·           ·         =
`);
  });

  it('a refusal says why, with a stable code and the statuses', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as AppError;
      }
      throw new Error('no refusal');
    };
    const e = refusal(() => statusChange('operating', 'planned'));
    expect([e.status, e.code, e.details]).toEqual([409, 'control_status_refused', { from: 'operating', to: 'planned' }]);
    expect(refusal(() => statusChange('retired', 'operating')).code).toBe('control_retired');
    expect(statusChange('planned', 'operating')).toMatchObject({ from: 'planned', to: 'operating', audit: 'control.updated' });
    expect(statusChange('planned', 'planned')).toBeNull();
  });

  it('a retired control accepts only being re-planned, alone', () => {
    expect(retiredPatchRefusal('retired', { status: 'planned' })).toBeNull();
    expect(retiredPatchRefusal('retired', { status: 'planned', title: 'New' })?.code).toBe('control_retired');
    expect(retiredPatchRefusal('retired', { title: 'New' })?.code).toBe('control_retired');
    expect(retiredPatchRefusal('operating', { title: 'New' })).toBeNull();
  });
});
