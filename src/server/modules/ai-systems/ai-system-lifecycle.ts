import type { TAiLifecycleStage } from '../../../shared/contracts/ai-systems.ts';
import { AI_LIFECYCLE_STAGES } from '../../../shared/contracts/ai-systems.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';

/*
 * An AI system's lifecycle stage. A bought-in system may go straight from design to deployed; a
 * deployed system returns to validation after a change; retired is final (the record stays as
 * evidence, a successor is a new system).
 */
export const aiSystemLifecycle = defineLifecycle({
  name: 'aiSystem',
  states: AI_LIFECYCLE_STAGES,
  transitions: {
    redesign: { from: ['development'], to: 'design', audit: 'ai_system.updated' },
    develop: { from: ['design', 'validation'], to: 'development', audit: 'ai_system.updated' },
    validate: { from: ['development', 'deployed'], to: 'validation', audit: 'ai_system.updated' },
    deploy: { from: ['design', 'development', 'validation'], to: 'deployed', audit: 'ai_system.updated' },
    retire: { from: ['design', 'development', 'validation', 'deployed'], to: 'retired', audit: 'ai_system.updated' },
  },
  refusal: (from, event) =>
    from === 'retired'
      ? new AppError(409, 'ai_system_retired', 'This AI system is retired: its record is kept as it was. Record a new system instead.', { from })
      : new AppError(409, 'ai_system_stage_refused', `An AI system cannot move from ${from} to ${EVENT_TO[event]}.`, { from, to: EVENT_TO[event] }),
});

type TStageEvent = ReturnType<typeof aiSystemLifecycle.eventsFrom>[number];
const EVENT_TO = { redesign: 'design', develop: 'development', validate: 'validation', deploy: 'deployed', retire: 'retired' } as const satisfies Record<string, TAiLifecycleStage>;

/** The event that moves a system to `to`, or the refusal when no transition does (or null: no move). */
export function stageChange(from: TAiLifecycleStage, to: TAiLifecycleStage) {
  if (from === to) return null;
  const event = (Object.keys(EVENT_TO) as TStageEvent[]).find((e) => EVENT_TO[e] === to)!;
  return aiSystemLifecycle.transition(from, event, undefined);
}
