import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDescriptions, diffLines } from './description-diff.ts';

const rebuild = (d: ReturnType<typeof diffLines>, side: 'from' | 'to') =>
  d.filter((l) => l.op === 'unchanged' || l.op === (side === 'from' ? 'removed' : 'added')).map((l) => l.text);

describe('description line diff', () => {
  it('marks added, removed and unchanged lines, removals before their replacement', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { op: 'unchanged', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'B' },
      { op: 'unchanged', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
    expect(diffLines('', 'x')).toEqual([{ op: 'added', text: 'x' }]);
    expect(diffLines('x\r\ny', 'x\ny')).toEqual([
      { op: 'unchanged', text: 'x' },
      { op: 'unchanged', text: 'y' },
    ]);
  });

  it('keeps the longest common part unchanged and rebuilds both texts (property)', () => {
    const text = fc.array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', ''), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (x, y) => {
        const d = diffLines(x, y);
        const split = (t: string) => (t === '' ? [] : t.split('\n'));
        expect(rebuild(d, 'from')).toEqual(split(x));
        expect(rebuild(d, 'to')).toEqual(split(y));
        if (x === y) expect(d.every((l) => l.op === 'unchanged')).toBe(true);
      }),
    );
  });

  it('covers every DC 200 section then the assertion', () => {
    const out = diffDescriptions({ sections: { services: 'A' }, assertion: 'We assert.' }, { sections: { services: 'A', boundaries: 'B' }, assertion: 'We assert.' });
    expect(out.map((s) => s.section)).toEqual(['services', 'commitments', 'infrastructure', 'software', 'people', 'procedures', 'data', 'boundaries', 'incidents', 'changes', 'assertion']);
    expect(out.filter((s) => s.changed).map((s) => s.section)).toEqual(['boundaries']);
  });
});
