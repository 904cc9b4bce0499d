import type { TSoc2ExaminationState } from '../../../../shared/contracts/soc2.ts';
import { AppError } from '../../../platform/errors/errors.ts';

/*
 * The examination's states (contracts/soc2.ts). Stage 1 moves scoping → planning when the firm
 * confirms the scope; the later stages add their own moves here. Fieldwork → reporting is refused
 * while a test has no conclusion, an exception is not concluded, or an applicable criterion has no
 * tested control (`reportingBlockers`).
 */
export type TSoc2ExaminationEvent = 'confirmScope' | 'startReporting' | 'issue' | 'cancel';

const MOVES: Record<TSoc2ExaminationEvent, { from: readonly TSoc2ExaminationState[]; to: TSoc2ExaminationState }> = {
  confirmScope: { from: ['scoping'], to: 'planning' },
  startReporting: { from: ['fieldwork'], to: 'reporting' },
  // The engagement partner issues the report once the opinion is formed; an issued examination never moves again.
  issue: { from: ['reporting'], to: 'issued' },
  cancel: { from: ['scoping', 'planning', 'fieldwork', 'reporting'], to: 'cancelled' },
};

export const examinationLifecycle = {
  transition(from: TSoc2ExaminationState, event: TSoc2ExaminationEvent): TSoc2ExaminationState {
    const move = MOVES[event];
    if (!move.from.includes(from)) throw new AppError(409, 'soc2_examination_state', `Cannot ${event} an examination that is ${from}.`, { state: from, allowed: move.from });
    return move.to;
  },
  /** Whether the event is possible from this state (for abilities and policies). */
  can(from: TSoc2ExaminationState, event: TSoc2ExaminationEvent): boolean {
    return MOVES[event].from.includes(from);
  },
  /**
   * What keeps fieldwork open: tests whose conclusion is pending, exceptions not concluded, and the
   * applicable criteria none of whose accepted controls has a test (a coverage gap: the report
   * would state a criterion without any test behind it). Empty lists: the examination may move on.
   */
  reportingBlockers<T extends { conclusion: string }, E extends { state: string }>(tests: readonly T[], exceptions: readonly E[], untestedCriteria: readonly string[] = []) {
    return { pendingTests: tests.filter((t) => t.conclusion === 'pending'), openExceptions: exceptions.filter((e) => e.state !== 'concluded'), untestedCriteria: [...untestedCriteria] };
  },
  /** Whether any blocker remains. */
  blocked(b: { pendingTests: readonly unknown[]; openExceptions: readonly unknown[]; untestedCriteria: readonly unknown[] }): boolean {
    return b.pendingTests.length + b.openExceptions.length + b.untestedCriteria.length > 0;
  },
  /** What confirming the scope needs: the services and systems described. */
  scopeGaps(x: { services: string; systems: string }): string[] {
    return [...(x.services.trim() ? [] : ['services']), ...(x.systems.trim() ? [] : ['systems'])];
  },
};
