import type { TSoc2ExaminationState } from '../../../../shared/contracts/soc2.ts';
import { AppError } from '../../../platform/errors/errors.ts';

/*
 * The examination's states (contracts/soc2.ts). Stage 1 moves scoping → planning when the firm
 * confirms the scope; the later stages add their own moves here.
 */
export type TSoc2ExaminationEvent = 'confirmScope' | 'cancel';

const MOVES: Record<TSoc2ExaminationEvent, { from: readonly TSoc2ExaminationState[]; to: TSoc2ExaminationState }> = {
  confirmScope: { from: ['scoping'], to: 'planning' },
  cancel: { from: ['scoping', 'planning', 'fieldwork', 'reporting'], to: 'cancelled' },
};

export const examinationLifecycle = {
  transition(from: TSoc2ExaminationState, event: TSoc2ExaminationEvent): TSoc2ExaminationState {
    const move = MOVES[event];
    if (!move.from.includes(from)) throw new AppError(409, 'soc2_examination_state', `Cannot ${event} an examination that is ${from}.`, { state: from, allowed: move.from });
    return move.to;
  },
  /** What confirming the scope needs: the services and systems described. */
  scopeGaps(x: { services: string; systems: string }): string[] {
    return [...(x.services.trim() ? [] : ['services']), ...(x.systems.trim() ? [] : ['systems'])];
  },
};
