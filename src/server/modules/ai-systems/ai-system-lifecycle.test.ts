import { describe, expect, it } from 'vitest';
import { AI_LIFECYCLE_STAGES } from '../../../shared/contracts/ai-systems.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { stageChange } from './ai-system-lifecycle.ts';

describe('AI-system lifecycle', () => {
  it('every move from → to, as a table (✓ allowed, · refused, = no change)', () => {
    const cell = (from: (typeof AI_LIFECYCLE_STAGES)[number], to: (typeof AI_LIFECYCLE_STAGES)[number]) => {
      if (from === to) return '=';
      try {
        stageChange(from, to);
        return '✓';
      } catch {
        return '·';
      }
    };
    const rows = AI_LIFECYCLE_STAGES.map((f) => `${f.padEnd(11)}| ${AI_LIFECYCLE_STAGES.map((t) => cell(f, t).padEnd(t.length)).join(' ')}`.trimEnd());
    expect(`\n${rows.join('\n')}\n`).toBe(`
design     | =      ✓           ·          ✓        ✓
development| ✓      =           ✓          ✓        ✓
validation | ·      ✓           =          ✓        ✓
deployed   | ·      ·           ✓          =        ✓
retired    | ·      ·           ·          ·        =
`);
  });

  it('a refusal says why, with a stable code and the stages', () => {
    const e = (() => {
      try {
        stageChange('deployed', 'design');
      } catch (err) {
        return err as AppError;
      }
    })()!;
    expect([e.status, e.code, e.details]).toEqual([409, 'ai_system_stage_refused', { from: 'deployed', to: 'design' }]);
    expect(() => stageChange('retired', 'deployed')).toThrow(/retired/);
    expect(stageChange('design', 'deployed')).toMatchObject({ from: 'design', to: 'deployed', audit: 'ai_system.updated' });
  });
});
