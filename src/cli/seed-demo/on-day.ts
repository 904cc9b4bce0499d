import type { TPlatform } from '../../server/platform/platform.ts';

/** The platform with its clock set to `when`: a demo step runs through the services on the day it happened. */
export const onDay = (p: TPlatform, when: Date): TPlatform => ({ ...p, clock: { now: () => when } });

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
