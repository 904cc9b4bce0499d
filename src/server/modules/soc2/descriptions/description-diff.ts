import { SOC2_DESCRIPTION_SECTIONS } from '../../../../shared/contracts/soc2.ts';
import type { TSoc2DiffLine } from '../../../../shared/contracts/soc2-scope.ts';

/*
 * A line diff between two versions of the description, per DC 200 section and for the assertion.
 * Longest common subsequence over lines (no diff package is installed): a section is at most
 * 20,000 characters, so its lines number a few hundred and the O(n·m) table stays small. Common
 * head and tail lines are peeled off first, the usual case of an edit in the middle. Removed lines
 * come before the added lines that replace them, as a reader expects.
 */

const lines = (text: string) => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

export function diffLines(fromText: string, toText: string): TSoc2DiffLine[] {
  const a = lines(fromText);
  const b = lines(toText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  // lcs[i][j]: length of the LCS of am[i..] and bm[j..], as one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = am[i] === bm[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const middle: TSoc2DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      middle.push({ op: 'unchanged', text: am[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      middle.push({ op: 'removed', text: am[i]! });
      i++;
    } else {
      middle.push({ op: 'added', text: bm[j]! });
      j++;
    }
  }
  return [...a.slice(0, head).map((text) => ({ op: 'unchanged' as const, text })), ...middle, ...a.slice(a.length - tail).map((text) => ({ op: 'unchanged' as const, text }))];
}

/** Every section in DC 200 order, then the assertion, each with its lines and whether anything changed. */
export function diffDescriptions(from: { sections: Record<string, string>; assertion: string }, to: { sections: Record<string, string>; assertion: string }) {
  const parts: [string, string, string][] = [...SOC2_DESCRIPTION_SECTIONS.map((s): [string, string, string] => [s, from.sections[s] ?? '', to.sections[s] ?? '']), ['assertion', from.assertion, to.assertion]];
  return parts.map(([section, x, y]) => {
    const out = diffLines(x, y);
    return { section, changed: out.some((l) => l.op !== 'unchanged'), lines: out };
  });
}
