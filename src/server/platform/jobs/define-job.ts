import type { z } from 'zod';
import type { TPlatform } from '../platform.ts';

export type TJobContext = { platform: TPlatform; jobId: string };

/**
 * One job: its queue name, the schema its payload must satisfy (checked when it is queued and
 * again when it runs, since the row may predate a deploy), and the handler a worker calls.
 * `schedule` (cron, UTC) makes pg-boss queue it periodically, once across instances.
 */
export type TJobDefinition<TPayload> = {
  id: string;
  payload: z.ZodType<TPayload>;
  handler(payload: TPayload, ctx: TJobContext): Promise<void>;
  schedule?: { cron: string; payload: TPayload };
  retryLimit?: number;
};

// The registry holds definitions of every payload type; `send` is typed per definition.
export type TAnyJobDefinition = TJobDefinition<any>;

export function defineJob<TSchema extends z.ZodType>(def: {
  id: string;
  payload: TSchema;
  handler(payload: z.output<TSchema>, ctx: TJobContext): Promise<void>;
  schedule?: { cron: string; payload: z.output<TSchema> };
  retryLimit?: number;
}): TJobDefinition<z.output<TSchema>> {
  return def as TJobDefinition<z.output<TSchema>>;
}
