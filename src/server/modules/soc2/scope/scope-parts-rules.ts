import type { TSoc2Category, TSoc2ComplementaryKind } from '../../../../shared/contracts/soc2.ts';
import { isApplicable } from '../matrix/matrix-rules.ts';

/*
 * The rules of subservice organizations and complementary controls, pure. References are numbered
 * per examination and kind (`CUEC-01`, `CSOC-01`), two digits at least: the next one follows the
 * highest in use, so a gap left by a deletion is not filled.
 */

const PREFIX: Record<TSoc2ComplementaryKind, string> = { cuec: 'CUEC', csoc: 'CSOC' };

export function nextComplementaryReference(kind: TSoc2ComplementaryKind, taken: readonly string[]): string {
  const prefix = PREFIX[kind];
  const re = new RegExp(`^${prefix}-(\\d+)$`);
  const max = taken.reduce((m, r) => {
    const hit = re.exec(r);
    return hit ? Math.max(m, Number(hit[1])) : m;
  }, 0);
  return `${prefix}-${String(max + 1).padStart(2, '0')}`;
}

/**
 * The criteria refs of a complementary control that are not applicable criteria of the examination:
 * unknown to the catalog, or of a category outside its scope. Index and ref, for the field errors.
 */
export function inapplicableCriteria(refs: readonly string[], known: ReadonlySet<string>, categories: readonly TSoc2Category[]): { index: number; ref: string }[] {
  return refs.flatMap((ref, index) => (known.has(ref) && isApplicable(ref, categories) ? [] : [{ index, ref }]));
}

/** The same refs once each, in the order first given. */
export const uniqueRefs = (refs: readonly string[]) => [...new Set(refs)];

/** Whether `ids` is exactly the list's ids, each once (a reorder names every row). */
export function isPermutationOf(ids: readonly string[], current: readonly string[]): boolean {
  return ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
}
