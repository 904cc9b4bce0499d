import type { TControlStatus } from '../../../shared/contracts/controls.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';

/*
 * A control's status. Planned → implemented → operating is the usual road, but a control that
 * already runs when it is recorded may go straight to operating, and a control found not to work
 * falls back (operating → implemented, implemented → planned). Retired is terminal: its record
 * stays as it was (evidence and SoA decisions may cite it); the one way back is re-planning it,
 * which is a deliberate, audited step and starts the road again.
 */
export const controlLifecycle = defineLifecycle({
  name: 'control',
  states: ['planned', 'implemented', 'operating', 'retired'],
  transitions: {
    replan: { from: ['implemented', 'retired'], to: 'planned', audit: 'control.updated' },
    implement: { from: ['planned', 'operating'], to: 'implemented', audit: 'control.updated' },
    operate: { from: ['planned', 'implemented'], to: 'operating', audit: 'control.updated' },
    retire: { from: ['planned', 'implemented', 'operating'], to: 'retired', audit: 'control.updated' },
  },
  refusal: (from, event) =>
    from === 'retired'
      ? new AppError(409, 'control_retired', 'This control is retired: re-plan it before changing it.', { from })
      : new AppError(409, 'control_status_refused', `A control cannot move from ${from} to ${EVENT_TO[event]}.`, { from, to: EVENT_TO[event] }),
});

type TStatusEvent = ReturnType<typeof controlLifecycle.eventsFrom>[number];
const EVENT_TO = { replan: 'planned', implement: 'implemented', operate: 'operating', retire: 'retired' } as const satisfies Record<string, TControlStatus>;

/** The transition that moves a control to `to`, the refusal thrown when none does, or null when the status stays. */
export function statusChange(from: TControlStatus, to: TControlStatus) {
  if (from === to) return null;
  const event = (Object.keys(EVENT_TO) as TStatusEvent[]).find((e) => EVENT_TO[e] === to)!;
  return controlLifecycle.transition(from, event, undefined);
}

/**
 * A patch on a retired control may only re-plan it (alone): anything else would rewrite a record
 * that is kept as it was. Null when the patch is acceptable.
 */
export function retiredPatchRefusal(from: TControlStatus, patch: { status?: TControlStatus | undefined; [k: string]: unknown }): AppError | null {
  if (from !== 'retired') return null;
  const others = Object.entries(patch).some(([k, v]) => k !== 'status' && v !== undefined);
  if (patch.status === 'planned' && !others) return null;
  return new AppError(409, 'control_retired', 'This control is retired: re-plan it before changing it.', { from });
}
