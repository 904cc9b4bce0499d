import type { TSoc2ExceptionState } from '../../../../shared/contracts/soc2-exceptions.ts';

/*
 * An exception's rules, pure. Its state follows from what was written: concluded once the auditor
 * concluded (final: management can no longer respond), responded once management answered (the
 * auditor's description is then frozen, since the answer was written to it), open before.
 */

export function exceptionState(r: { responded_at: unknown; concluded_at: unknown }): TSoc2ExceptionState {
  if (r.concluded_at !== null && r.concluded_at !== undefined) return 'concluded';
  if (r.responded_at !== null && r.responded_at !== undefined) return 'responded';
  return 'open';
}

/** `EX-001`, `EX-002`… per examination: the next after the highest used (never reused). */
export function nextExceptionReference(existing: readonly string[]): string {
  let max = 0;
  for (const r of existing) {
    const m = /^EX-(\d+)$/.exec(r);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `EX-${String(max + 1).padStart(3, '0')}`;
}

/** The examination states in which the firm raises, edits and concludes, and management responds. */
export const EXCEPTION_STATES = ['fieldwork'] as const;
/** The states in which the organization sees its exceptions. */
export const ORG_VISIBLE_STATES = ['fieldwork', 'reporting', 'issued'] as const;
